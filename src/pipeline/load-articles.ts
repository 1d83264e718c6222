// The first three stages of a build: read the article folder (the files and the people and
// corrections files beside them), extract each article (or take it from the extraction cache), and
// assemble the archive (src/archive). Each is a function of the one before; `loadArticles` runs the
// three and says what they did, for the build report and the next build's manifest.
import { performance } from 'node:perf_hooks';
import type { Archive } from '../record.ts';
import type { ArticleInput } from '../archive/build-archive.ts';
import { archiveOf, readArticleInputs, readBesideFiles, type BesideFiles } from '../archive/load-archive.ts';
import { cacheDirFromEnv, ExtractionCache, type CachedRead } from './extraction-cache.ts';
import type { Manifest } from './manifest.ts';
import { articlesDir, DEFAULT_ARTICLES_DIR, deepFreeze, readArchiveJson } from '../site/archive-source.ts';
import { extractorVersion } from './versions.ts';

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
  beside: BesideFiles;
}

/** Stage 1: the article files and the files beside them. */
export async function readFolder(dir: string): Promise<ReadFolder> {
  const [inputs, beside] = await Promise.all([readArticleInputs(dir), readBesideFiles(dir)]);
  return { dir, inputs, beside };
}

export interface Extracted {
  results: CachedRead[];
  version: string;
  cacheDir: string | null;
  cacheWriteFailures: number;
}

/** Stage 2: each article's own result, from the cache where its file is unchanged. */
export async function extractArticles(inputs: ArticleInput[], cacheDir: string | null): Promise<Extracted> {
  const version = extractorVersion();
  const cache = new ExtractionCache(cacheDir, version);
  const results = await cache.readAll(inputs);
  return { results, version, cacheDir, cacheWriteFailures: cache.writeFailures };
}

/** Stage 3: the archive of the results, the people and corrections files applied. */
export function assemble(read: ReadFolder, extracted: Extracted): Archive {
  return archiveOf(extracted.results.map((r) => r.result), read.beside);
}

/** What a build read, as the next build compares it: each file's hash, the files beside, the extractor. */
function manifestOf(read: ReadFolder, extracted: Extracted): Manifest {
  return {
    files: Object.fromEntries(extracted.results.map((r) => [r.input.path, r.contentHash])),
    people: read.beside.people.hash,
    corrections: read.beside.corrections.hash,
    extractorVersion: extracted.version,
  };
}

export interface LoadOptions {
  /** Where to cache extraction results; null for no cache. Default: ARCHIVE_CACHE_DIR, ARCHIVE_CACHE=off, or `.cache`. */
  cacheDir?: string | null;
}

/** Stages 1–3 on an article folder, and what they did. */
export async function loadArticles(dir: string, options: LoadOptions = {}): Promise<{ archive: Archive; read: ReadFolder; extracted: Extracted; report: LoadReport }> {
  const cacheDir = options.cacheDir === undefined ? cacheDirFromEnv() : options.cacheDir;
  const started = performance.now();
  const read = await readFolder(dir);
  const readAt = performance.now();
  const extracted = await extractArticles(read.inputs, cacheDir);
  const extractedAt = performance.now();
  const archive = assemble(read, extracted);
  const report: LoadReport = {
    articlesDir: dir,
    cacheDir,
    extractorVersion: extracted.version,
    manifest: manifestOf(read, extracted),
    extracted: extracted.results.filter((r) => r.extracted).map((r) => r.input.path),
    fromCache: extracted.results.filter((r) => !r.extracted).length,
    cacheWriteFailures: extracted.cacheWriteFailures,
    ms: { read: readAt - started, extract: extractedAt - readAt, assemble: performance.now() - extractedAt },
  };
  return { archive, read, extracted, report };
}

/** The archive a build renders and where it came from: the article folder, or ARCHIVE_JSON (then nothing was loaded from articles). */
export interface Source {
  archive: Archive;
  /** Null for an archive given as JSON. */
  load: LoadReport | null;
}

/**
 * The archive to build the site from, chosen by the environment (src/site/archive-source.ts),
 * frozen: templates only read it, and Eleventy then shares it between pages instead of copying it.
 */
export async function loadSource(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Promise<Source> {
  const json = env['ARCHIVE_JSON'];
  if (json) return { archive: deepFreeze(await readArchiveJson(json)), load: null };
  const { archive, report } = await loadArticles(articlesDir(env) ?? DEFAULT_ARTICLES_DIR, options);
  return { archive: deepFreeze(archive), load: report };
}
