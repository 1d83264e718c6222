// The editor's corrections applied to the extracted records, before the archive merges people:
// a quote found by its words (case, punctuation and quote marks ignored, so a correction survives
// a new extractor and edits elsewhere in the article) gets the editor's speaker or kind, keeping
// what the extractor had said in `attribution.extracted`; a scare quote leaves the quotes; a missed
// quote is added. An entry that finds nothing, or more than one quote, is a warning at its line.
import { basename, extname } from 'node:path';
import type { ArticleRecord, ExtractedAttribution, Message, Quote, Speaker } from '../record.ts';
import { message } from '../read/messages.ts';
import { slugify } from '../extract/resolve-speakers.ts';
import type { CorrectionEntry } from './corrections-file.ts';

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The words of a text, lower case, with their offsets. */
export function wordsWithOffsets(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length }));
}

/** Where the words of `needle` stand in a row among `hay`'s words (the index of the first), or −1. */
export function findWords(hay: Word[], needle: string[], from = 0): number {
  if (needle.length === 0) return -1;
  for (let i = from; i + needle.length <= hay.length; i++) if (needle.every((w, j) => hay[i + j]!.text === w)) return i;
  return -1;
}

const words = (text: string) => wordsWithOffsets(text).map((w) => w.text);

/** The quotes of an article that hold these words in a row: how a correction finds its quote. */
export const quotesWithWords = (record: ArticleRecord, text: string): Quote[] => {
  const wanted = words(text);
  return record.quotes.filter((q) => findWords(wordsWithOffsets(q.text), wanted) >= 0);
};
const opening = (q: Quote) => `“${q.text.split(/\s+/).slice(0, 8).join(' ')}…” (${q.id.split('/').at(-1)})`;

/** Every speaker of the archive by lower-cased name, alias and id: a correction may name someone quoted elsewhere. */
function speakerIndex(records: ArticleRecord[]): Map<string, Speaker> {
  const index = new Map<string, Speaker>();
  for (const r of records) for (const s of r.speakers) {
    if (s.kind === 'unnamed') continue;
    for (const key of [s.id, s.name, ...s.aliases]) if (!index.has(key.toLowerCase())) index.set(key.toLowerCase(), s);
  }
  return index;
}

/** An entry's `article:` (a slug, a file name with or without its extension) → the article. */
export function articleFinder(records: readonly ArticleRecord[]): (ref: string) => ArticleRecord | undefined {
  const bySlug = new Map(records.map((r) => [r.slug, r]));
  const byFile = new Map(records.flatMap((r) => [[basename(r.source), r], [basename(r.source, extname(r.source)), r]] as const));
  return (ref) => bySlug.get(ref) ?? byFile.get(ref);
}

export interface CorrectionOutcome {
  messages: Message[];
  /** How many entries changed a record. */
  applied: number;
}

export function applyCorrections(records: ArticleRecord[], entries: CorrectionEntry[]): CorrectionOutcome {
  const messages: Message[] = [];
  const people = speakerIndex(records);
  const articleFor = articleFinder(records);
  const added = new Map<ArticleRecord, number>();
  const touched = new Set<ArticleRecord>();
  let applied = 0;
  for (const entry of entries) {
    const warn = (ruleId: string, reason: string) => messages.push(message('warning', ruleId, reason, entry.file, entry));
    const record = articleFor(entry.article);
    if (!record) {
      warn('correction-unknown-article', `No article "${entry.article}"; give the article's slug (the end of its address, /articles/<slug>/) or its file name`);
      continue;
    }
    const done = entry.add ? addQuote(record, entry, people, added, warn) : correctQuote(record, entry, people, warn);
    if (done) {
      applied++;
      touched.add(record);
    }
  }
  for (const r of touched) pruneSpeakers(r);
  return { messages, applied };
}

type Warn = (ruleId: string, reason: string) => void;

function correctQuote(record: ArticleRecord, entry: CorrectionEntry, people: Map<string, Speaker>, warn: Warn): boolean {
  const wanted = words(entry.quote!);
  const matches = quotesWithWords(record, entry.quote!);
  if (matches.length === 0) {
    const inText = findWords(wordsWithOffsets(record.body), wanted) >= 0;
    if (inText && entry.notAQuote) warn('correction-not-needed', `The extractor no longer takes “${entry.quote}” for a quote; this entry can be removed`);
    else if (inText) warn('correction-no-quote', `No quote of ${record.slug} has the words “${entry.quote}”, though the text does; to add a quote the extractor missed, write \`add:\` with its words`);
    else warn('correction-no-quote', `No quote of ${record.slug} has the words “${entry.quote}”; copy a few words of the quote as the article gives them`);
    return false;
  }
  if (matches.length > 1) {
    warn('correction-ambiguous', `The words “${entry.quote}” are in ${matches.length} quotes of ${record.slug}: ${matches.map(opening).join(', ')}; add words to tell them apart`);
    return false;
  }
  const quote = matches[0]!;
  if (entry.notAQuote) {
    record.quotes = record.quotes.filter((q) => q !== quote);
    return true;
  }
  return changeQuote(record, quote, entry, people, warn);
}

/** Gives the quote the entry's speaker and kind, or says that it already has them. */
function changeQuote(record: ArticleRecord, quote: Quote, entry: CorrectionEntry, people: Map<string, Speaker>, warn: Warn): boolean {
  const speaker = entry.speaker === undefined ? undefined : entry.speaker === null ? null : speakerFor(record, entry.speaker, people);
  const sameSpeaker = speaker === undefined || (speaker?.id ?? null) === quote.speakerId;
  const sameKind = entry.kind === null || entry.kind === quote.kind;
  if (sameSpeaker && sameKind) {
    if (entry.kept) quote.attribution.confirmed = true;
    else warn('correction-not-needed', `The extractor now agrees with this correction of ${record.slug} (${opening(quote)}); it can be removed`);
    return false;
  }
  const extracted: ExtractedAttribution = {
    rule: quote.attribution.rule,
    speaker: record.speakers.find((s) => s.id === quote.speakerId)?.name ?? null,
    kind: quote.kind,
    mention: quote.attribution.mention,
    cue: quote.attribution.cue,
    confidence: quote.attribution.confidence,
  };
  if (speaker !== undefined) quote.speakerId = speaker?.id ?? null;
  if (entry.kind) quote.kind = entry.kind;
  quote.attribution = { rule: 'correction', mention: null, cue: null, confidence: 1, alternatives: [], extracted, ...editorOf(entry) };
  return true;
}

const editorOf = (entry: CorrectionEntry) => ({ ...(entry.note ? { note: entry.note } : {}), ...(entry.by ? { by: entry.by } : {}) });

/** The record's speaker for a name or id: one of its own, someone quoted elsewhere, or a new person. */
function speakerFor(record: ArticleRecord, name: string, people: Map<string, Speaker>): Speaker {
  const key = name.toLowerCase();
  const own = record.speakers.find((s) => s.id === key || s.name.toLowerCase() === key || s.aliases.some((a) => a.toLowerCase() === key));
  if (own) return own;
  const known = people.get(key);
  const speaker: Speaker = known ? { ...known, roles: [...known.roles], aliases: [...known.aliases] } : { id: slugify(name), name, kind: 'person', roles: [], aliases: [] };
  record.speakers.push(speaker);
  return speaker;
}

function addQuote(record: ArticleRecord, entry: CorrectionEntry, people: Map<string, Speaker>, added: Map<ArticleRecord, number>, warn: Warn): boolean {
  const wanted = words(entry.add!);
  const existing = record.quotes.find((q) => findWords(wordsWithOffsets(q.text), wanted) >= 0);
  if (existing) {
    warn('correction-not-needed', `The extractor now finds the quote “${entry.add}” in ${record.slug}; write \`quote:\` instead of \`add:\` to correct it`);
    return changeQuote(record, existing, { ...entry, kept: true }, people, () => {});
  }
  const bodyWords = wordsWithOffsets(record.body);
  const at = findWords(bodyWords, wanted);
  if (at < 0) {
    warn('correction-not-in-text', `The words “${entry.add}” are not in the text of ${record.slug}; copy them exactly as the article gives them`);
    return false;
  }
  const start = bodyWords[at]!.start;
  const end = bodyWords[at + wanted.length - 1]!.end;
  const paragraph = record.paragraphs.find((p) => start >= p.start && start < p.end)?.index ?? 0;
  const n = (added.get(record) ?? 0) + 1;
  added.set(record, n);
  const speaker = entry.speaker ? speakerFor(record, entry.speaker, people) : null;
  const quote: Quote = {
    id: `${record.slug}/added${n}`,
    text: record.body.slice(start, end),
    speakerId: speaker?.id ?? null,
    kind: entry.kind ?? 'direct',
    paragraph,
    start,
    end,
    parts: [{ paragraph, start, end }],
    attribution: { rule: 'correction', mention: null, cue: null, confidence: 1, alternatives: [], extracted: { rule: 'none', speaker: null, kind: entry.kind ?? 'direct', mention: null, cue: null, confidence: 0 }, ...editorOf(entry) },
    date: record.date,
    statement: null,
  };
  record.quotes = [...record.quotes, quote].sort((a, b) => a.start - b.start);
  return true;
}

/** A speaker whose every quote the editor gave to someone else is no longer quoted in the article. */
function pruneSpeakers(record: ArticleRecord): void {
  const quoted = new Set(record.quotes.map((q) => q.speakerId));
  record.speakers = record.speakers.filter((s) => quoted.has(s.id));
}
