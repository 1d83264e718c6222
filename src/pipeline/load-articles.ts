// The first three stages of a build: read the article folder (the files and the people and
// corrections files beside them), extract each article (or take it from the extraction cache), and
// assemble the archive (src/archive). Each is a function of the one before; `loadArticles` runs the
// three and says what they did, for the build report and the next build's manifest.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { hashOf } from '../io/hash.ts';
import type { Archive } from '../record.ts';
import type { ArticleInput } from '../archive/build-archive.ts';
import { archiveOf, readArticleInputs, readBesideFiles, readCachedArticleInputs, type BesideFiles } from '../archive/load-archive.ts';
import { cacheDirFromEnv, ExtractionCache, KnownResults, type CachedRead } from './extraction-cache.ts';
import { ArchiveMemo } from '../archive/archive-memo.ts';
import type { Manifest } from './manifest.ts';
import { articlesDir, DEFAULT_ARTICLES_DIR, deepFreeze, readArchiveJson } from '../site/archive-source.ts';
import { extractorVersion } from './versions.ts';
import { trace } from '../io/trace.ts';

export interface LoadReport {
  articlesDir: string;
  cacheDir: string | null;
  extractorVersion: string;
  /** What this build read, as the next build's manifest. */
  manifest: Manifest;
  /** Files extracted in this build (new, changed, or not in the cache). */
  extracted: string[];
  fromCache: number;
  cacheWriteFailures: number;
  ms: { read: number; extract: number; assemble: number };
}

export interface ReadFolder {
  dir: string;
  inputs: ArticleInput[];
  /** Each input's content hash. */
  hashes: string[];
  beside: BesideFiles;
}

/** Stage 1: the article files and the files beside them. */
export async function readFolder(dir: string, cached = false): Promise<ReadFolder> {
  const [inputs, beside] = await Promise.all([cached ? readCachedArticleInputs(dir) : readArticleInputs(dir), readBesideFiles(dir)]);
  return { dir, inputs, hashes: inputs.map((input) => hashOf(input.bytes)), beside };
}

export interface Extracted {
  results: CachedRead[];
  version: string;
  cacheDir: string | null;
  cacheWriteFailures: number;
}

/** Stage 2: each article's own result, from the cache where its file is unchanged. */
export async function extractArticles(inputs: ArticleInput[], cacheDir: string | null, hashes?: readonly string[], known?: KnownResults): Promise<Extracted> {
  const version = extractorVersion();
  const cache = new ExtractionCache(cacheDir, version);
  const results = await cache.readAll(inputs, hashes, known);
  return { results, version, cacheDir, cacheWriteFailures: cache.writeFailures };
}

/** Stage 3: the archive of the results, the people and corrections files applied. */
export function assemble(read: ReadFolder, extracted: Extracted, memo?: ArchiveMemo): Archive {
  return archiveOf(extracted.results.map((r) => r.result), read.beside, memo);
}

/** What a build read, as the next build compares it: each file's hash, the files beside, the extractor. */
export function manifestOf(read: ReadFolder, extractorVersion: string): Manifest {
  return {
    files: Object.fromEntries(read.inputs.map((input, i) => [input.path, read.hashes[i]!])),
    people: read.beside.people.hash,
    corrections: read.beside.corrections.hash,
    extractorVersion,
  };
}

export interface LoadOptions {
  /** Where to cache extraction results; null for no cache. Default: ARCHIVE_CACHE_DIR, ARCHIVE_CACHE=off, or `.cache`. */
  cacheDir?: string | null;
  /** What the last build of this process had (`npm start`): its results' JSON and the archive steps' memo. */
  memo?: LoadMemo;
}

/** Kept between the builds of one process: the results' JSON, and what the archive steps computed from strings. */
export class LoadMemo {
  readonly results = new KnownResults();
  readonly archive = new ArchiveMemo();
  /** A load has read the article folder: its files are in the system's page cache. */
  loaded = false;
}

/** Stages 2–3 on a folder read, and what all three did (`started`: when reading began). */
export async function loadRead(read: ReadFolder, options: LoadOptions = {}, started = performance.now()): Promise<{ archive: Archive; report: LoadReport }> {
  const cacheDir = options.cacheDir === undefined ? cacheDirFromEnv() : options.cacheDir;
  const readAt = performance.now();
  trace('load: folder read');
  const memo = options.memo;
  const extracted = await extractArticles(read.inputs, cacheDir, read.hashes, memo?.results);
  const extractedAt = performance.now();
  trace('load: results ready');
  memo?.archive.nextBuild();
  const archive = assemble(read, extracted, memo?.archive);
  const report: LoadReport = {
    articlesDir: read.dir,
    cacheDir,
    extractorVersion: extracted.version,
    manifest: manifestOf(read, extracted.version),
    extracted: extracted.results.filter((r) => r.extracted).map((r) => r.input.path),
    fromCache: extracted.results.filter((r) => !r.extracted).length,
    cacheWriteFailures: extracted.cacheWriteFailures,
    ms: { read: readAt - started, extract: extractedAt - readAt, assemble: performance.now() - extractedAt },
  };
  return { archive, report };
}

/** Stages 1–3 on an article folder, and what they did. */
export async function loadArticles(dir: string, options: LoadOptions = {}): Promise<{ archive: Archive; report: LoadReport }> {
  const started = performance.now();
  return loadRead(await readFolder(dir), options, started);
}

/** The archive a build renders and where it came from: the article folder, or ARCHIVE_JSON (then nothing was loaded from articles). */
export interface Source {
  archive: Archive;
  /** Null for an archive given as JSON. */
  load: LoadReport | null;
}

/** What stage 1 read: an article folder, or an archive's JSON (ARCHIVE_JSON, src/site/archive-source.ts). */
export type SourceRead = { folder: ReadFolder; started: number } | { json: string; hash: string };

/** Stage 1 of the source the environment names; `cached`: its files were read by this process before (readCachedArticleInputs). */
export async function readSource(env: NodeJS.ProcessEnv = process.env, cached = false): Promise<SourceRead> {
  const json = env['ARCHIVE_JSON'];
  if (json) return { json, hash: hashOf(await readFile(json).catch(() => Buffer.alloc(0))) };
  const started = performance.now();
  return { folder: await readFolder(articlesDir(env) ?? DEFAULT_ARTICLES_DIR, cached), started };
}

/**
 * Stages 2–3 of a source read, the archive frozen: templates only read it, and Eleventy then shares
 * it between pages instead of copying it.
 */
export async function loadFrom(read: SourceRead, options: LoadOptions = {}): Promise<Source> {
  if ('json' in read) return { archive: deepFreeze(await readArchiveJson(read.json)), load: null };
  const { archive, report } = await loadRead(read.folder, options, read.started);
  return { archive: deepFreeze(archive), load: report };
}

/** The archive to build the site from, chosen by the environment. */
export async function loadSource(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Promise<Source> {
  const memo = options.memo;
  const source = await loadFrom(await readSource(env, memo?.loaded ?? false), options);
  if (memo) memo.loaded = true;
  return source;
}
