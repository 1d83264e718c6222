// Reads an article folder: the article files, and the people and corrections files beside them;
// and turns per-article results into the archive. `loadArchive` does all of it here, extracting
// every file; a build extracts through its cache instead (src/pipeline/load-articles.ts), and both
// end in `archiveOf`, so a cached build equals a clean one.
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive, Message } from '../record.ts';
import { hashOf } from '../io/hash.ts';
import { mapLimited } from '../io/pool.ts';
import { isArticleFile } from './article-files.ts';
import { parsePeopleFile, type PersonEntry } from './people-file.ts';
import { CORRECTIONS_FILE, parseCorrectionsFile, type ParsedCorrections } from './corrections-file.ts';
import { assembleArchive, readArticle, type ArticleInput, type ReadResult } from './build-archive.ts';
import type { ArchiveMemo } from './archive-memo.ts';

/** Files read at once: all of a large folder at once runs out of file descriptors (EMFILE). */
const READ_AT_ONCE = 64;

/**
 * Reads one after another that took longer than this in all (ms, a few to start with and this much
 * per file) came from the disk, not the system's page cache: a cached article file reads in
 * 10-30 µs, one from this disk in a millisecond or more. A budget, not a limit per read, so that a
 * thread preempted on a busy machine does not count as a cold folder.
 */
const COLD_READS_MS = { start: 5, perFile: 0.2 };

/**
 * The article files, one after another while they come from the page cache (as they do in a
 * rebuild: 5,000 files in 0.07-0.1 s, against 0.4-1.0 s through the thread pool's round trips), and
 * from the first one that had to wait for the disk on, the rest through the thread pool, many at
 * once, so that a cold folder is not read one wait at a time.
 */
export async function readArticleInputs(dir: string): Promise<ArticleInput[]> {
  const names = (await readdir(dir)).filter(isArticleFile).sort();
  const inputs: ArticleInput[] = [];
  const started = performance.now();
  let next = 0;
  while (next < names.length) {
    const path = join(dir, names[next++]!);
    inputs.push({ path, bytes: readFileSync(path) });
    if (performance.now() - started > COLD_READS_MS.start + COLD_READS_MS.perFile * next) break;
  }
  const rest = await mapLimited(names.slice(next), READ_AT_ONCE, async (name) => ({ path: join(dir, name), bytes: await readFile(join(dir, name)) }));
  return [...inputs, ...rest];
}

/**
 * The article files as the last build of this process read them (`npm start`): they sit in the
 * system's page cache, and read one after another, without the thread pool's round trips, 5,000
 * take 0.07 s instead of 0.4–0.5 s. Files not cached would wait for the disk one at a time, so a
 * first read goes through `readArticleInputs`.
 */
export function readCachedArticleInputs(dir: string): ArticleInput[] {
  const names = readdirSync(dir).filter(isArticleFile).sort();
  return names.map((name) => ({ path: join(dir, name), bytes: readFileSync(join(dir, name)) }));
}

export const PEOPLE_FILE = 'people.yml';

/** A file beside the articles, parsed, with the hash of its text (null when there is no file). */
type Beside<T> = T & { hash: string | null };

/** A file beside the articles (people, corrections), parsed, and the hash of its text; `none` and a null hash when absent. */
async function readBeside<T extends { messages: Message[] }>(dir: string, name: string, parse: (text: string, path: string) => T, none: T): Promise<Beside<T>> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ...none, hash: null };
  }
  return { ...parse(text, path), hash: hashOf(text) };
}

/** The people and corrections files beside the articles, as the archive applies them. */
export interface BesideFiles {
  people: Beside<{ people: PersonEntry[]; messages: Message[] }>;
  corrections: Beside<ParsedCorrections>;
}

export async function readBesideFiles(dir: string): Promise<BesideFiles> {
  const [people, corrections] = await Promise.all([
    readBeside(dir, PEOPLE_FILE, parsePeopleFile, { people: [] as PersonEntry[], messages: [] as Message[] }),
    readBeside<ParsedCorrections>(dir, CORRECTIONS_FILE, parseCorrectionsFile, { entries: [], messages: [] }),
  ]);
  return { people, corrections };
}

/** The people file beside the articles, if there is one. */
export async function readPeopleFile(dir: string): Promise<{ people: PersonEntry[]; messages: Message[] }> {
  const { people, messages } = (await readBesideFiles(dir)).people;
  return { people, messages };
}

/**
 * Makes each paragraph's and quote's text a slice of its article's body where it is one, so that V8
 * keeps one copy of the words instead of two (a slice of a long string points into it). Records
 * read back from JSON (the extraction cache, a worker thread) hold every text as a string of its
 * own, which doubled the archive's text in memory.
 */
function shareBodyText(archive: Archive): void {
  for (const article of archive.articles) {
    for (const part of [...article.paragraphs, ...article.quotes]) {
      const slice = article.body.slice(part.start, part.end);
      if (slice === part.text) part.text = slice;
    }
  }
}

/** The archive of per-article results, with the people and corrections files applied and their problems first. */
export function archiveOf(results: ReadResult[], beside: BesideFiles, memo?: ArchiveMemo): Archive {
  const archive = assembleArchive(results, { people: beside.people.people, corrections: beside.corrections.entries, ...(memo ? { memo } : {}) });
  archive.messages.unshift(...beside.people.messages, ...beside.corrections.messages);
  shareBodyText(archive);
  return archive;
}

/** The archive of an article folder, every file extracted here (no cache). */
export async function loadArchive(dir: string): Promise<Archive> {
  const [inputs, beside] = await Promise.all([readArticleInputs(dir), readBesideFiles(dir)]);
  // The same round trip through JSON as a cached result, so that both give identical records.
  return archiveOf(inputs.map((input) => JSON.parse(JSON.stringify(readArticle(input))) as ReadResult), beside);
}
