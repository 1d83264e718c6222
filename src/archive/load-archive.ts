// Reads the article folder and builds the archive: the entry point for the site and the CLI.
// Per-article extraction results are cached by content hash and extractor version (see
// src/build/extraction-cache.ts), so a rebuild extracts only new and changed files; the
// archive-level steps always run on every result, so a cached build equals a clean one.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive, Message } from '../record.ts';
import { isArticleFile } from './article-files.ts';
import { parsePeopleFile, type PersonEntry } from './people-file.ts';
import { CORRECTIONS_FILE, parseCorrectionsFile, type ParsedCorrections } from './corrections-file.ts';
import { assembleArchive, type ArticleInput } from './build-archive.ts';
import { cacheDirFromEnv, ExtractionCache, sha256 } from '../build/extraction-cache.ts';
import { extractorVersion } from '../build/extractor-version.ts';
import { buildSession, type LoadReport } from '../build/session.ts';

/** Files read at once: all of a large folder at once runs out of file descriptors (EMFILE). */
const READ_AT_ONCE = 64;

export async function readArticleInputs(dir: string): Promise<ArticleInput[]> {
  const names = (await readdir(dir)).filter(isArticleFile).sort();
  const inputs = new Array<ArticleInput>(names.length);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < names.length; i = next++) inputs[i] = { path: join(dir, names[i]!), bytes: await readFile(join(dir, names[i]!)) };
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, names.length) }, reader));
  return inputs;
}

export const PEOPLE_FILE = 'people.yml';

/** A file beside the articles (people, corrections), parsed, and the hash of its text; `none` and a null hash when absent. */
async function readBeside<T extends { messages: Message[] }>(dir: string, name: string, parse: (text: string, path: string) => T, none: T): Promise<T & { hash: string | null }> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ...none, hash: null };
  }
  return { ...parse(text, path), hash: sha256(text) };
}

const readPeople = (dir: string) => readBeside(dir, PEOPLE_FILE, parsePeopleFile, { people: [] as PersonEntry[], messages: [] as Message[] });
const readCorrections = (dir: string) => readBeside<ParsedCorrections>(dir, CORRECTIONS_FILE, parseCorrectionsFile, { entries: [], messages: [] });

/** The people file beside the articles, if there is one. */
export async function readPeopleFile(dir: string): Promise<{ people: PersonEntry[]; messages: Message[] }> {
  const { people, messages } = await readPeople(dir);
  return { people, messages };
}

export interface LoadOptions {
  /** Where to cache extraction results; null for no cache. Default: ARCHIVE_CACHE_DIR, ARCHIVE_CACHE=off, or `.cache`. */
  cacheDir?: string | null;
}

/** Every file of the folder read and extracted (or taken from the cache), and the people file. */
export async function readArchiveFolder(dir: string, options: LoadOptions = {}) {
  const cacheDir = options.cacheDir === undefined ? cacheDirFromEnv() : options.cacheDir;
  const [inputs, peopleFile, correctionsFile] = await Promise.all([readArticleInputs(dir), readPeople(dir), readCorrections(dir)]);
  const version = extractorVersion();
  const cache = new ExtractionCache(cacheDir, version);
  const readAt = performance.now();
  const results = await cache.readAll(inputs);
  return { cacheDir, version, cache, peopleFile, correctionsFile, results, readAt };
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

/** The archive and what loading it did (files extracted or from the cache, timings, the manifest). */
export async function loadArchiveWithReport(dir: string, options: LoadOptions = {}): Promise<{ archive: Archive; report: LoadReport }> {
  const started = performance.now();
  const { cacheDir, version, cache, peopleFile, correctionsFile, results, readAt: read } = await readArchiveFolder(dir, options);
  const extracted = performance.now();
  const archive = assembleArchive(results.map((r) => r.result), { people: peopleFile.people, corrections: correctionsFile.entries });
  archive.messages.unshift(...peopleFile.messages, ...correctionsFile.messages);
  shareBodyText(archive);
  const assembled = performance.now();
  const report: LoadReport = {
    articlesDir: dir,
    cacheDir,
    extractorVersion: version,
    manifest: { files: Object.fromEntries(results.map((r) => [r.input.path, r.contentHash])), people: peopleFile.hash, corrections: correctionsFile.hash, extractorVersion: version },
    extracted: results.filter((r) => r.extracted).map((r) => r.input.path),
    fromCache: results.filter((r) => !r.extracted).length,
    cacheWriteFailures: cache.writeFailures,
    ms: { read: read - started, extract: extracted - read, assemble: assembled - extracted },
  };
  buildSession().lastLoad = report;
  return { archive, report };
}

export async function loadArchive(dir: string, options: LoadOptions = {}): Promise<Archive> {
  return (await loadArchiveWithReport(dir, options)).archive;
}
