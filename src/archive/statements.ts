// One statement, reported many times: quotes of one speaker in different articles whose words
// match closely (punctuation, "eleven" for "11", a word left out, a cut at another place) are
// grouped as one statement. Near-duplicates are found in about linear time: each quote's words
// are cut into overlapping runs of three (shingles), an index from shingle to quotes gives each
// quote the few others it could match, and only those are compared. A shingle that stands in very
// many quotes says nothing about any two of them and is left out of the index.
import { hashOf } from '../io/hash.ts';
import type { ArticleRecord, Quote } from '../record.ts';

/** Words a quote needs to be grouped: shorter ones are phrases many people say. */
export const MIN_WORDS = 6;
/** Of the shorter quote's shingles, the share the longer must hold. */
const CONTAINMENT = 0.8;
const SHINGLE = 3;
/** A shingle in more quotes than this is too common to tell statements apart. */
const COMMON = 200;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000',
};

/** A quote's words as compared: lower case, accents and punctuation gone, numbers in digits. */
export function statementWords(text: string): string[] {
  const words = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => NUMBER_WORDS[w] ?? w);
}

function shingles(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** What statements compare of a quote's text: its words, joined, and their shingles. */
export interface StatementText {
  words: string[];
  joined: string;
  shingles: Set<string>;
}

/** A quote's text as statements compare it (a pure function of the text: `npm start` keeps it between builds, text-memo.ts). */
export function statementText(text: string): StatementText {
  const words = statementWords(text);
  return { words, joined: words.join(' '), shingles: words.length >= MIN_WORDS ? shingles(words) : new Set() };
}

interface Report extends StatementText {
  article: ArticleRecord;
  quote: Quote;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Whether two reports are one statement: one speaker, other articles, the shorter's words held by the longer. */
function sameStatement(a: Report, b: Report): boolean {
  if (a.article === b.article || a.quote.speakerId !== b.quote.speakerId) return false;
  const [small, large] = a.shingles.size <= b.shingles.size ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  let held = 0;
  for (const s of small) if (large.has(s)) held++;
  return held / small.size >= CONTAINMENT;
}

/** Candidates of each report: the others that share one of its shingles that are not too common. */
function candidatePairs(reports: Report[]): Array<[number, number]> {
  const index = new Map<string, number[]>();
  reports.forEach((r, i) => {
    for (const s of r.shingles) {
      const list = index.get(s);
      if (!list) index.set(s, [i]);
      else if (list.length <= COMMON) list.push(i);
    }
  });
  const pairs: Array<[number, number]> = [];
  reports.forEach((r, i) => {
    const seen = new Set<number>();
    for (const s of r.shingles) {
      const list = index.get(s)!;
      if (list.length > COMMON) continue;
      for (const j of list) if (j > i && !seen.has(j)) {
        seen.add(j);
        pairs.push([i, j]);
      }
    }
  });
  return pairs;
}

/**
 * `statementText` made once per text within one call: a statement is reported word for word in
 * many articles (the 31,740 quotes with a speaker of the benchmark's 5,000 synthetic articles have
 * 2,014 texts; real news repeats less). The values are only read, so reports of one text may
 * share them.
 */
function onceEachText(): (text: string) => StatementText {
  const made = new Map<string, StatementText>();
  return (text) => {
    let value = made.get(text);
    if (value === undefined) made.set(text, (value = statementText(text)));
    return value;
  };
}

/**
 * Sets each quote's `statement`: the id of its group when another article reports the same
 * statement by the same speaker, else null. The id is stable while the earliest report stays.
 * `textOf`: each quote text's words (by default made once per text in this call).
 */
export function groupStatements(articles: ArticleRecord[], textOf: (text: string) => StatementText = onceEachText()): void {
  const reports: Report[] = [];
  for (const article of articles) {
    for (const quote of article.quotes) {
      quote.statement = null;
      if (!quote.speakerId) continue;
      const text = textOf(quote.text);
      if (text.words.length >= MIN_WORDS) reports.push({ article, quote, ...text });
    }
  }
  const parent = reports.map((_, i) => i);
  const union = (i: number, j: number) => {
    const [a, b] = [find(parent, i), find(parent, j)];
    if (a !== b) parent[b] = a;
  };
  // The same words by the same speaker first, by a hash of them: an archive that repeats a
  // statement a thousand times compares one of its reports, not a million pairs.
  const byWords = new Map<string, number>();
  const distinct: number[] = [];
  reports.forEach((r, i) => {
    const key = `${r.quote.speakerId}\0${r.joined}`;
    const first = byWords.get(key);
    if (first === undefined) {
      byWords.set(key, i);
      distinct.push(i);
    } else union(first, i);
  });
  const representatives = distinct.map((i) => reports[i]!);
  for (const [i, j] of candidatePairs(representatives)) {
    const [a, b] = [distinct[i]!, distinct[j]!];
    if (find(parent, a) !== find(parent, b) && sameStatement(reports[a]!, reports[b]!)) union(a, b);
  }
  const groups = new Map<number, Report[]>();
  reports.forEach((r, i) => {
    const root = find(parent, i);
    const members = groups.get(root);
    if (members) members.push(r);
    else groups.set(root, [r]);
  });
  // Within one article the same words twice are one report, not a statement reported elsewhere.
  for (const [root, members] of groups) if (new Set(members.map((m) => m.article)).size < 2) groups.delete(root);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const first = earliestFirst(members)[0]!;
    const id = `s${hashOf(first.quote.id).slice(0, 10)}`;
    for (const m of members) m.quote.statement = id;
  }
}

/** Reports in the order they were published: dated before undated, then by quote id. */
export function earliestFirst<T extends { article: ArticleRecord; quote: Quote }>(reports: T[]): T[] {
  return [...reports].sort((a, b) => {
    const [da, db] = [a.article.date, b.article.date];
    if (da !== db) return da === null ? 1 : db === null ? -1 : da.localeCompare(db);
    return a.quote.id.localeCompare(b.quote.id);
  });
}
