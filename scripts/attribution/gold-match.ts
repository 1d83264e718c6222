// Pairing extracted quotes with hand-labelled ones, and telling whether a candidate's name is the
// labelled speaker: what the training of the speaker ranker needs from gold files. The rules
// follow how ../shared/eval/score-extraction.mjs counts (words compared without case, punctuation
// or quote marks; a speaker is right when the surnames agree or both say nobody), written here so
// that training never depends on a file outside the project.

export interface GoldQuote {
  text: string;
  speaker: string | null;
  score_speaker?: boolean;
  also_accepted?: string[];
  /** The words of the text that name the source ("he", "the spokesman", "Morris"). */
  source_mention?: string;
}

export const wordsOf = (s: string): string[] =>
  s.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];

/** Word-level F1 of two texts, as bags of words. */
export function wordOverlap(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** Gold index → extracted index, best overlaps first, each used once, overlap at least 0.7. */
export function pairQuotes(gold: string[], extracted: string[]): Map<number, number> {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => extracted.forEach((p, pi) => {
    const s = wordOverlap(g, p);
    if (s >= 0.7) pairs.push([s, gi, pi]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (out.has(gi) || used.has(pi)) continue;
    out.set(gi, pi);
    used.add(pi);
  }
  return out;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'secretary', 'general', 'capt', 'captain', 'navy', 'sir', 'lord', 'prime', 'jr', 'sr', 'ii', 'iii', 'iv']);
const PARTICLES = new Set(['al', 'el', 'bin', 'van', 'von', 'de']);
const fold = (w: string) => w.normalize('NFKD').replace(/\p{M}/gu, '').replace(/([aou])e/g, '$1');

function surname(name: string): string {
  const ws = wordsOf(name).flatMap((w) => w.split('-')).filter((w) => !TITLES.has(w) && !PARTICLES.has(w));
  return fold(ws.at(-1) ?? '');
}

/** The last capitalised word before any apposition: "the Trump campaign" → trump. */
function lastCapitalised(mention: string): string {
  const head = mention.split(/,|\(| who | whose /)[0]!.replace(/[’']s\b/g, '');
  return (head.match(/\p{Lu}[\p{L}-]*/gu) ?? []).map(surname).filter(Boolean).at(-1) ?? '';
}

function fullNameWithin(name: string, mention: string): boolean {
  const p = wordsOf(name).map(fold);
  const m = wordsOf(mention).map(fold);
  if (p.length < 2) return false;
  for (let i = 0; i + p.length <= m.length; i++) if (p.every((w, j) => m[i + j] === w)) return true;
  return false;
}

const saysNobody = (n: string | null) => n === null || !/\p{Lu}/u.test(n) || /^(?:unnamed|anonymous|unidentified)\b/i.test(n);

/** Is `predicted` (a name, "unnamed …" or null) the labelled speaker? */
export function sameSpeaker(gold: GoldQuote, predicted: string | null): boolean {
  const pred = saysNobody(predicted) ? null : predicted;
  for (const raw of [gold.speaker, ...(gold.also_accepted ?? [])]) {
    const g = raw !== null && /^(?:unnamed|anonymous|unidentified)\b/i.test(raw) ? null : raw;
    if (g === null && pred === null) return true;
    if (g === null || pred === null) continue;
    if (/^the\b/i.test(g) && !/[A-Z]/.test(g.slice(1))) {
      if (wordsOf(pred).join(' ').includes(wordsOf(g).slice(1).join(' '))) return true;
      continue;
    }
    const s = surname(pred);
    if (s && (s === surname(g) || s === lastCapitalised(g) || fullNameWithin(pred, g))) return true;
  }
  return false;
}
