// A quote interrupted by its own attribution: translated Russian news writes
// “We can only express regret, – said the representative of the Kremlin. – Any refusal …”,
// one pair of marks around two quotes. The attribution between dashes is cut out, and both
// halves are credited to the speaker it names.
import type { QuoteSpan } from '../record.ts';
import type { FoundAttribution } from './attribute-quotes.ts';
import type { FoundQuote } from './find-quotes.ts';
import { parseMention } from './mentions.ts';
import { findSpeechVerb } from './speech-verbs.ts';
import { matchesOf } from './matches.ts';

export interface QuoteCandidate {
  parts: QuoteSpan[];
  unclosed: boolean;
  single: boolean;
  /** Set when the attribution sat inside the quote marks. */
  inside?: FoundAttribution;
}

const DASH = '[–—―]|\\s-{1,2}\\s';
// ", – said Peskov. – " or ", – said Putin. We …": a dash, a short clause with a speech verb, a stop.
const INSIDE = new RegExp(`[,.!?…]?\\s*(?:${DASH})\\s*([^–—―.!?]{2,90}?(?:\\.(?=\\S)[^–—―.!?]{0,40})?)\\s*(?:[.,]?\\s*(?:${DASH})\\s*|\\.\\s+(?=\\p{Lu}))`, 'gu');

function splitOne(body: string, q: FoundQuote): QuoteCandidate[] {
  if (q.parts.length !== 1) return [{ parts: q.parts, unclosed: q.unclosed, single: q.single }];
  const part = q.parts[0]!;
  const text = body.slice(part.start, part.end);
  const out: QuoteCandidate[] = [];
  let from = 0;
  let pending: QuoteCandidate[] = [];
  for (const m of matchesOf(text, INSIDE)) {
    const clause = m[1]!;
    const verb = findSpeechVerb(clause);
    if (!verb || m.index === 0 || m.index + m[0].length >= text.length) continue;
    const before = clause.slice(0, verb.index).trim();
    const after = clause.slice(verb.index + verb[0].length).trim();
    const mention = parseMention(before || after);
    if (!mention || (before && after && !/^(?:to|on|in|at)\b/i.test(after))) continue;
    const at = part.start + m.index + m[0].indexOf(clause) + (before ? 0 : verb.index + verb[0].length + 1);
    const inside: FoundAttribution = { rule: 'inside-quote', mention, cue: verb[0], at };
    pending.push({ parts: [{ paragraph: part.paragraph, start: part.start + from, end: part.start + m.index }], unclosed: false, single: q.single });
    for (const p of pending) p.inside = inside;
    out.push(...pending);
    pending = [];
    from = m.index + m[0].length;
    // The half after the attribution is the same speaker's.
    pending.push({ parts: [{ paragraph: part.paragraph, start: part.start + from, end: part.end }], unclosed: q.unclosed, single: q.single, inside });
  }
  if (out.length === 0) return [{ parts: q.parts, unclosed: q.unclosed, single: q.single }];
  // The last half keeps the inside attribution unless a later rule finds its own speaker.
  out.push(...pending);
  return out.map((c) => ({ ...c, parts: c.parts.map((p) => trim(body, p)) }));
}

function trim(body: string, span: QuoteSpan): QuoteSpan {
  let { start, end } = span;
  while (start < end && /[\s]/u.test(body[start]!)) start++;
  while (end > start && /[\s]/u.test(body[end - 1]!)) end--;
  return { paragraph: span.paragraph, start, end };
}

export function splitQuotes(body: string, quotes: FoundQuote[]): QuoteCandidate[] {
  return quotes.flatMap((q) => splitOne(body, q)).filter((c) => c.parts.every((p) => p.end > p.start));
}
