// Is a quoted stretch reported speech, or a title, a term, a nickname or irony in quote marks?
// News puts all of them between the same marks: “Great Society”, the so-called “deal of the
// century”, she called the plan “a disaster”. Each stretch is described by named yes/no features
// (its length, how it starts and ends, the words and marks around it, whether a speech verb or an
// attribution stands near it, first-person words inside) and a logistic model weighs them: the
// stretch is speech when the probability is at least one half. The weights are learned from
// PolNeAR train by `npm run train:attribution` (scripts/attribution/speech-spans.ts) and committed
// as speech-model.json: feature names and numbers, no article text. Captions and page furniture
// are never speech: that is a rule.
import type { AttributionRule, Paragraph } from '../record.ts';
import { readModelFile, scoreOf } from './model-file.ts';
import { ACCORDING_TO, findSpeechVerb, QUOTED_AS_SAYING } from './speech-verbs.ts';

export interface SpeechModel {
  trainedOn: { corpus: string; articles: number; spans: number };
  weights: Record<string, number>;
}

export interface SpanSituation {
  body: string;
  paragraph: Paragraph;
  /** Body offsets of the quote's words (inside the marks), first part's start to last part's end. */
  start: number;
  end: number;
  parts: number;
  single: boolean;
  unclosed: boolean;
  /** The attribution rule that holds for the quote (after a carried-over speaker). */
  rule: AttributionRule;
  /** How many of the sieve's rules proposed a mention. */
  proposals: number;
  kind: 'direct' | 'partial';
  /** Quotes that open in the same paragraph. */
  quotesInParagraph: number;
  /** The article puts a quote's full stop or comma after the closing mark (British and translated news). */
  punctuationOutside: boolean;
}

/** Whether a text closes quotes as `word”.` more often than as `word.”`. */
export function punctuationOutside(body: string): boolean {
  let inside = 0;
  let outside = 0;
  // A scan for the closing marks alone: a regex with a letter class tried at every character cost more.
  for (let i = body.search(/["”]/); i >= 0 && i < body.length; i = nextCloser(body, i + 1)) {
    if (i > 0 && /[.,]/.test(body[i - 1]!)) inside++;
    else if (i > 0 && /\p{L}/u.test(body[i - 1]!) && /[.,]/.test(body[i + 1] ?? '')) outside++;
  }
  return outside > inside;
}

function nextCloser(body: string, from: number): number {
  const a = body.indexOf('"', from);
  const b = body.indexOf('”', from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

// Words before a quote that mark it as a name or a term, not speech: so-called “Islamic state”.
const NOT_SPEECH_BEFORE = /(?:so-called|so called|dubbed|known as|nicknamed|titled|entitled|the word|the words|the term|the phrase|the slogan|the hashtag|branded|labell?ed as)\s*$/iu;
const SO_CALLED = /\bso[- ]called\b/giu;
const QUOTE_MARKS = /["“”„«»‟″‘’'`]/gu;
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'll|I’ll|I'd|I’d|me|my|mine|myself|we|we're|we’re|we've|we’ve|we'll|we’ll|us|our|ours|ourselves)\b/iu;
const SECOND_PERSON = /\b(?:you|your|yours|you're|you’re)\b/iu;

const lengthBin = (n: number) => (n <= 3 ? String(n) : n <= 5 ? '4-5' : n <= 8 ? '6-8' : n <= 12 ? '9-12' : n <= 20 ? '13-20' : '21+');
const shortBin = (n: number) => (n <= 2 ? 'short' : n <= 5 ? 'mid' : 'long');

/** The lowercase word nearest the quote on one side, when it is a common word (a name tells nothing general). */
function edgeWord(text: string, side: 'before' | 'after'): string | null {
  const m = side === 'before' ? /([\p{L}][\p{L}'’-]*)\W*$/u.exec(text) : /^\W*([\p{L}][\p{L}'’-]*)/u.exec(text);
  const w = m?.[1];
  return w && /^\p{Ll}/u.test(w) ? w.toLowerCase().replace(/’/g, "'") : null;
}

/** The nearest character that is neither a space nor a quote mark, as a class. */
function edgeMark(text: string, side: 'before' | 'after'): string {
  const t = text.replace(QUOTE_MARKS, '').trim();
  const c = side === 'before' ? t.at(-1) : t[0];
  if (c === undefined) return 'edge';
  if (/[,:;.!?()\[\]–—―-]/u.test(c)) return c === '—' || c === '–' || c === '―' ? 'dash' : c;
  if (/\p{Lu}/u.test(c)) return 'upper';
  if (/\p{Ll}/u.test(c)) return 'lower';
  return /\p{N}/u.test(c) ? 'digit' : 'other';
}

/** The words after the stretch to the end of its sentence, at most 300 characters. */
function restOfSentence(s: SpanSituation): string {
  const rest = s.body.slice(s.end, Math.min(s.paragraph.end, s.end + 300));
  const stop = rest.search(/[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/u);
  return stop >= 0 ? rest.slice(0, stop + 1) : rest;
}

/** Whether a sentence's last clause is an attribution of a few words: ", he added.", ", said Ms. Reyes." */
function endsWithAttribution(sentence: string): boolean {
  const last = /,\s*([^,;:“”"]{2,40})[.!?]?\s*$/u.exec(sentence)?.[1];
  return last !== undefined && last.split(/\s+/).length <= 5 && findSpeechVerb(last) !== null;
}

/** The features of one quoted stretch. */
export function speechFeatures(s: SpanSituation): string[] {
  const text = s.body.slice(s.start, s.end);
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const n = words.length;
  const para = s.paragraph;
  // Only the words near the quote matter (and a paragraph may be a megabyte long).
  const before = s.body.slice(Math.max(para.start, s.start - 120), s.start).replace(/["“”„«»‘’'`\s]+$/u, '');
  const after = s.body.slice(s.end, Math.min(para.end, s.end + 120)).replace(/^["“”„«»‘’'`]+/u, '');
  // "so-called" names a term; its "called" reports no speech.
  const near = (before.slice(-80) + ' ' + after.slice(0, 80)).replace(QUOTE_MARKS, ' ').replace(SO_CALLED, ' ');
  const f: string[] = ['bias', `words:${lengthBin(n)}`, `rule:${s.rule}`, `rule:${s.rule}&${shortBin(n)}`, `proposals:${Math.min(s.proposals, 3)}`, `kind:${s.kind}`, `role:${para.role}`];
  // The quote's last mark, inside the closing quote mark (American style) or just after it (British
  // and translated news): the same feature either way.
  const inner = text.replace(/["”’'»)\]\s]+$/u, '').at(-1) ?? '';
  const outer = /^\s*([.!?,;:…])/u.exec(after)?.[1];
  const last = /[.!?,;:…]/u.test(inner) ? inner : outer ?? inner;
  f.push(`ends:${/[.!?,;:…]/u.test(last) ? last : /\p{L}/u.test(last) ? 'letter' : 'other'}`, `ends:${/[.!?…]/u.test(last) ? 'stop' : 'open'}&${shortBin(n)}`);
  f.push(/^[\p{Lu}]/u.test(text) ? 'starts:upper' : /^\p{Ll}/u.test(text) ? 'starts:lower' : 'starts:other');
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w.replace(/^\W+/u, ''))).length;
  if (n > 0 && capitalised === n) f.push(`title-case&${shortBin(n)}`);
  else if (n > 1 && capitalised / n >= 0.5) f.push('mostly-capitalised');
  if (NOT_SPEECH_BEFORE.test(before)) f.push(`term-before&${shortBin(n)}`);
  const bw = edgeWord(before, 'before');
  const aw = edgeWord(after, 'after');
  if (bw) f.push(`before-word:${bw}`);
  if (aw) f.push(`after-word:${aw}`);
  const bm = edgeMark(before.slice(-4), 'before');
  // Punctuation after the closing mark sets a term apart only where the article's style puts it inside.
  const am = outer ? (s.punctuationOutside ? null : 'punctuation') : edgeMark(after.slice(0, 4), 'after');
  f.push(`before-mark:${bm}`, `before-mark:${bm}&${shortBin(n)}`);
  if (am) f.push(`after-mark:${am}`);
  const atStart = /^\W*$/u.test(s.body.slice(para.start, Math.min(s.start, para.start + 8))) && s.start - para.start < 8;
  if (atStart) f.push('paragraph-start', `paragraph-start&rule:${s.rule}`);
  if (atStart && /^\W*$/u.test(s.body.slice(s.end, para.end))) f.push('whole-paragraph', `whole-paragraph&${shortBin(n)}`);
  if (FIRST_PERSON.test(text)) f.push(`first-person&${shortBin(n)}`);
  if (SECOND_PERSON.test(text)) f.push('second-person');
  if (findSpeechVerb(near)) f.push(`speech-verb-near&${shortBin(n)}`);
  else if (findSpeechVerb(before.replace(QUOTE_MARKS, ' ').replace(SO_CALLED, ' ')) || findSpeechVerb(after.replace(QUOTE_MARKS, ' '))) f.push(`speech-verb-sentence&${shortBin(n)}`);
  if (ACCORDING_TO.test(before) || QUOTED_AS_SAYING.test(near)) f.push('according-to');
  // "The “complete failure of such rhetoric” is shown by …, he added.": reported speech, however long.
  if (endsWithAttribution(restOfSentence(s))) f.push(`sentence-ends-attributed&${shortBin(n)}`);
  if (s.single) f.push(`single&${shortBin(n)}`);
  if (s.unclosed) f.push('unclosed');
  if (s.parts > 1) f.push('several-paragraphs');
  f.push(`quotes-in-paragraph:${Math.min(s.quotesInParagraph, 3)}`);
  return f;
}

/**
 * A stretch is kept as a quote from this probability on. Above one half: a stretch the model is
 * unsure of is more often a quote whose speaker no rule finds (a term inside someone's words) than a
 * quote the reader misses. Chosen on PolNeAR train (quotes found with the right speaker, most at 0.6–0.7).
 */
export const SPEECH_THRESHOLD = 0.7;

/** The probability that the stretch is speech. */
export function speechProbability(model: SpeechModel, features: readonly string[]): number {
  return 1 / (1 + Math.exp(-scoreOf(model.weights, features)));
}

export const SPEECH_MODEL_PATH = new URL('./speech-model.json', import.meta.url);

/** Reads and checks a speech model file. */
export function loadSpeechModel(path: URL | string = SPEECH_MODEL_PATH): SpeechModel {
  return readModelFile<SpeechModel>(path, 'the speech model');
}

let committed: SpeechModel | null = null;

/** The committed model, read once per process. */
export function defaultSpeechModel(): SpeechModel {
  committed ??= loadSpeechModel();
  return committed;
}
