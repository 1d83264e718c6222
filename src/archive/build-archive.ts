// Article files → the archive: each file is read and extracted on its own, then the archive
// supplies what one article cannot know: the year of a dateline that gives only a month and day,
// and one canonical person per speaker across all articles ("Peskov" in one article is the
// "Dmitry Peskov" of another).
import { basename, extname } from 'node:path';
import type { Archive, ArticleRecord, Message, Person } from '../record.ts';
import { decodeText } from '../read/decode-text.ts';
import { splitFrontMatter } from '../read/front-matter.ts';
import { message } from '../read/messages.ts';
import { parseEdtf, toEdtf, type SimpleDate } from '../read/edtf.ts';
import { dateQuotes, extractArticle, type ExtractedArticle, type ExtractOptions } from '../extract/extract-article.ts';
import { inferYear } from '../extract/find-dates.ts';
import { addRole, foldName, slugify, surnameOf } from '../extract/resolve-speakers.ts';
import { peopleIndex, type PersonEntry } from './people-file.ts';
import { applyCorrections } from './apply-corrections.ts';
import { groupStatements } from './statements.ts';
import type { ArchiveMemo } from './archive-memo.ts';
import type { CorrectionEntry } from './corrections-file.ts';

export interface ArticleInput {
  path: string;
  bytes: Uint8Array;
}

/** The slug of a file: its name without extension and without a leading date. */
export function slugOfPath(path: string): string {
  const stem = basename(path, extname(path)).replace(/^\d{4}(?:-\d{2}){0,2}[-_]/, '');
  return slugify(stem);
}

/**
 * What reading and extracting one file gives, before the archive links it to the others: a pure
 * function of the file's path and bytes (and the extractor's code), so it can be cached.
 */
export interface ReadResult {
  /** Problems of the file as a whole (encoding, front matter), in the order found. */
  messages: Message[];
  extracted: ExtractedArticle | null;
}

export function readArticle(input: ArticleInput, options: ExtractOptions = {}): ReadResult {
  const messages: Message[] = [];
  return { messages, extracted: readOne(input, messages, options) };
}

function readOne(input: ArticleInput, messages: Message[], options: ExtractOptions): ExtractedArticle | null {
  const decoded = decodeText(input.bytes);
  if (decoded.binary) {
    messages.push(message('error', 'binary-file', 'This is not a text file; remove it from the articles folder or save it as UTF-8 text', input.path));
    return null;
  }
  if (decoded.text.trim() === '') {
    messages.push(message('warning', 'empty-file', 'The file is empty; it was skipped', input.path));
    return null;
  }
  if (decoded.encoding === 'windows-1252') {
    messages.push(message('warning', 'converted-encoding', 'The file is not UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure of its characters', input.path));
  }
  const split = splitFrontMatter(decoded.text, input.path);
  messages.push(...split.messages);
  if (split.messages.some((m) => m.severity === 'error')) return null;
  const format = /\.(md|markdown)$/i.test(input.path) ? 'markdown' : 'text';
  const extracted = extractArticle({
    source: input.path,
    slug: split.data.slug ?? slugOfPath(input.path),
    format,
    body: split.body,
    bodyOffset: split.bodyOffset,
    fileText: decoded.text,
    frontMatter: split.data,
  }, options);
  return extracted;
}

function fillYears(extracted: ExtractedArticle[]): void {
  const known: SimpleDate[] = extracted.flatMap((e) => (e.record.date ? [parseEdtf(e.record.date)!] : []));
  for (const e of extracted) {
    if (e.record.date || !e.yearless) continue;
    const year = inferYear(e.yearless.month, e.yearless.day, known);
    if (year === null) continue;
    e.record.date = toEdtf({ year, month: e.yearless.month, day: e.yearless.day });
    e.record.datePrecision = 'day';
    e.record.dateSource = 'dateline';
    dateQuotes(e.record);
  }
}

function uniqueSlugs(records: ArticleRecord[], messages: Message[]): void {
  const seen = new Map<string, ArticleRecord>();
  for (const r of records) {
    let slug = r.slug;
    for (let n = 2; seen.has(slug); n++) slug = `${r.slug}-${n}`;
    if (slug !== r.slug) {
      messages.push(message('warning', 'duplicate-slug', `The slug "${r.slug}" is already used by ${seen.get(r.slug)!.source}; this article is published as "${slug}"`, r.source));
      for (const q of r.quotes) q.id = q.id.replace(`${r.slug}/`, `${slug}/`);
      r.slug = slug;
    }
    seen.set(slug, r);
  }
}

/** An article's text as two are compared: its words and the single spaces between them. */
export function comparedText(body: string): string {
  return body.replace(/\s+/g, ' ').trim();
}

/** The same text in two files is usually one article saved twice: say so, naming the first. */
function duplicateTexts(records: ArticleRecord[], textOf: (body: string) => string): void {
  const seen = new Map<string, ArticleRecord>();
  for (const r of records) {
    const text = textOf(r.body);
    const first = seen.get(text);
    if (!first) {
      seen.set(text, r);
      continue;
    }
    r.messages.push(message('warning', 'duplicate-article', `The text is the same as ${first.source}; if it is the same article, remove one of the two files`, r.source));
  }
}

/** The people file first: a speaker named by an entry's name or alias becomes that entry. */
function applyPeopleFile(records: ArticleRecord[], entries: PersonEntry[]): void {
  if (entries.length === 0) return;
  const index = peopleIndex(entries);
  for (const r of records) {
    const rename = new Map<string, string>();
    for (const s of r.speakers) {
      const entry = [s.name, ...s.aliases].map((n) => index.get(n.toLowerCase())).find(Boolean);
      if (!entry) continue;
      rename.set(s.id, entry.id);
      if (s.name !== entry.name && !s.aliases.includes(s.name)) s.aliases.push(s.name);
      s.id = entry.id;
      s.name = entry.name;
      s.kind = 'person';
      for (const role of entry.roles) addRole(s.roles, role);
    }
    for (const q of r.quotes) if (q.speakerId) q.speakerId = rename.get(q.speakerId) ?? q.speakerId;
  }
}

/**
 * A bare surname that several full names share is the one the archive names in at least this many
 * times as many articles as all the others together: "Marlenko" in an article that names no one
 * else is the Lucan Marlenko of hundreds of articles, not the Idris Marlenko of one. Else it stays
 * a person of its own. (So one new article naming a namesake does not move every older quote of
 * the well-known one.)
 */
export const DOMINANT_NAMESAKE = 4;

/** The person a bare surname stands for, of the full names that have it (with the articles naming each), or null. */
function namesakeOf(candidates: Map<string, number>): string | null {
  const ranked = [...candidates].sort((a, b) => b[1] - a[1]);
  const [first, ...rest] = ranked;
  if (!first) return null;
  const others = rest.reduce((n, [, articles]) => n + articles, 0);
  return others === 0 || first[1] >= DOMINANT_NAMESAKE * others ? first[0] : null;
}

/** One person per speaker across the archive: a bare surname joins the full name that has it. */
function mergePeople(records: ArticleRecord[], entries: PersonEntry[]): Person[] {
  applyPeopleFile(records, entries);
  const people = new Map<string, Person>();
  const fullNames = new Map<string, Map<string, number>>(); // folded surname → ids of multi-word names → articles naming each
  const spellings = new Map<string, string>(); // folded full name → the first id with it
  for (const r of records) for (const s of r.speakers) {
    if (s.kind === 'person' && s.name.includes(' ')) {
      if (!spellings.has(foldName(s.name))) spellings.set(foldName(s.name), s.id);
      const id = spellings.get(foldName(s.name))!;
      const ids = fullNames.get(foldName(surnameOf(s.name))) ?? new Map<string, number>();
      ids.set(id, (ids.get(id) ?? 0) + 1);
      fullNames.set(foldName(surnameOf(s.name)), ids);
    }
  }
  for (const r of records) {
    const rename = new Map<string, string>();
    for (const s of r.speakers) {
      if (s.kind !== 'person') continue;
      // "Gerhard Schroeder" in one article is the "Gerhard Schröder" of another.
      const spelled = spellings.get(foldName(s.name));
      if (spelled && spelled !== s.id) rename.set(s.id, spelled);
      const namesake = s.name.includes(' ') ? null : namesakeOf(fullNames.get(foldName(surnameOf(s.name))) ?? new Map());
      if (namesake) rename.set(s.id, namesake);
    }
    for (const s of r.speakers) {
      const id = rename.get(s.id) ?? s.id;
      if (id !== s.id) {
        if (!s.aliases.includes(s.name)) s.aliases.push(s.name);
        s.id = id;
      }
    }
    for (const q of r.quotes) if (q.speakerId) q.speakerId = rename.get(q.speakerId) ?? q.speakerId;
    // Two local speakers may now share an id: keep one entry with both sets of aliases.
    const merged = new Map<string, (typeof r.speakers)[number]>();
    for (const s of r.speakers) {
      const kept = merged.get(s.id);
      if (!kept) merged.set(s.id, s);
      else for (const a of [...s.aliases, ...s.roles]) if (!kept.aliases.includes(a) && !kept.roles.includes(a)) (s.roles.includes(a) ? kept.roles : kept.aliases).push(a);
    }
    r.speakers = [...merged.values()];
  }
  for (const r of records) {
    for (const s of r.speakers) {
      const quoteCount = r.quotes.filter((q) => q.speakerId === s.id).length;
      const person = people.get(s.id);
      if (!person) {
        people.set(s.id, { ...s, roles: [...s.roles], aliases: [...s.aliases], wikidata: null, articles: [r.slug], quoteCount });
        continue;
      }
      if (s.name.split(' ').length > person.name.split(' ').length) person.name = s.name;
      for (const role of s.roles) addRole(person.roles, role);
      for (const alias of s.aliases) if (!person.aliases.includes(alias) && alias !== person.name) person.aliases.push(alias);
      // Records come one after another, so a slug already listed is the last one (a person quoted
      // in thousands of articles makes `includes` quadratic).
      if (person.articles.at(-1) !== r.slug) person.articles.push(r.slug);
      person.quoteCount += quoteCount;
    }
  }
  const index = peopleIndex(entries);
  for (const p of people.values()) {
    const entry = index.get(p.name.toLowerCase());
    if (entry) {
      p.name = entry.name;
      p.wikidata = entry.wikidata;
      for (const a of entry.aliases) if (!p.aliases.includes(a)) p.aliases.push(a);
    }
  }
  // Every article names a speaker as the archive does.
  for (const r of records) for (const s of r.speakers) s.name = people.get(s.id)?.name ?? s.name;
  return [...people.values()].filter((p) => p.quoteCount > 0);
}

export function newestFirst(a: ArticleRecord, b: ArticleRecord): number {
  if (a.date === b.date) return a.slug.localeCompare(b.slug);
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return b.date.localeCompare(a.date);
}

export interface ArchiveOptions {
  /** Entries of the optional people file. */
  people?: PersonEntry[];
  /** Entries of the optional corrections file. */
  corrections?: CorrectionEntry[];
  /** What the steps computed from strings in the last build of this process (`npm start`): taken, not computed again. */
  memo?: ArchiveMemo;
}

export function buildArchive(inputs: ArticleInput[], options: ArchiveOptions = {}): Archive {
  return assembleArchive(inputs.map((input) => readArticle(input)), options);
}

/**
 * The archive-level steps on the per-file results, in input order: the year of a dateline, unique
 * slugs, the people file and one person per speaker. The results are changed in place, so give
 * each build its own copies (the cache reads them afresh from disk).
 */
export function assembleArchive(results: ReadResult[], options: ArchiveOptions = {}): Archive {
  const messages: Message[] = results.flatMap((r) => r.messages);
  const extracted = results.flatMap((r) => (r.extracted ? [r.extracted] : []));
  fillYears(extracted);
  const articles = extracted.map((e) => e.record);
  for (const r of articles) if (!r.date) r.messages.push(message('warning', 'no-date', 'No date found in front matter, dateline or text; add `date:` to the front matter', r.source));
  uniqueSlugs(articles, messages);
  duplicateTexts(articles, options.memo ? (body) => options.memo!.texts.of(body) : comparedText);
  // The editor's corrections come before people are merged, so a person they name is merged too.
  messages.push(...applyCorrections(articles, options.corrections ?? []).messages);
  const people = mergePeople(articles, options.people ?? []);
  // After people are merged, so that one speaker's reports in different articles share an id.
  groupStatements(articles, options.memo ? (text) => options.memo!.statements.of(text) : undefined);
  const listed = new Set(messages);
  for (const r of articles) for (const m of r.messages) if (!listed.has(m)) {
    listed.add(m);
    messages.push(m);
  }
  articles.sort(newestFirst);
  const position = new Map(articles.map((r, i) => [r.slug, i]));
  for (const p of people) p.articles.sort((a, b) => position.get(a)! - position.get(b)!);
  return { articles, people, messages };
}
