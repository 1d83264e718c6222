// Builds the Pagefind index from the records: one Pagefind page per article, in which every quote
// is an anchor (see search-document.ts for the format and why), split into bundles by month that a
// rebuild indexes again only when their documents changed (search-bundles.ts), with smaller
// word-index chunks than Pagefind's default (chunkSizeFor).
//
// Pagefind's Node API reports problems as `{ errors: [...] }` instead of throwing; every call is
// checked here and a failure throws, and the written index is read back and checked against what
// was added, so a broken or partial index fails the build instead of shipping.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync, constants as zlib } from 'node:zlib';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { IndexFile, PagefindIndex } from 'pagefind';
import type { Archive } from '../record.ts';
import { eachLimited, mapLimited } from '../io/pool.ts';
import { hashOf } from '../io/hash.ts';
import { writeFileAtomically } from '../io/atomic-write.ts';
import { trace } from '../io/trace.ts';
import { BUNDLE_FORMAT, BUNDLES_FILE, bundleDocuments, bundleEntry, bundlePages, groupByPeriod, makeBundle, readBundlesFile, type Bundle, type BundleEntry, type BundlesFile } from './search-bundles.ts';
import { siteModel } from '../site/site-model.ts';
import { countingDocuments, documentsKey, QUOTE_COUNTS_FILE, quoteCounts, searchDocuments, type SearchDocument } from './search-document.ts';

/** The installed Pagefind's version (its package exports neither its package.json nor a main file). */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as { version: string }).version;

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * A Pagefind call that fails if Pagefind's process dies before answering. The Node API then never
 * settles its promise (a panic in the service, such as on an unwritable output folder, leaves it
 * pending), and with nothing left to run Node would exit without an index and without an error.
 * Node says `beforeExit` when only such a promise is left: the call is rejected there, and the build
 * fails.
 */
export function guarded<T>(step: string, call: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const died = () => reject(new SearchIndexError(`Pagefind stopped without answering while trying to ${step}; its own output above says why`));
    process.once('beforeExit', died);
    call.then(resolve, reject).finally(() => process.off('beforeExit', died));
  });
}

/** Throws when a Pagefind call reports errors, which it does instead of throwing. */
export function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new SearchIndexError(`Pagefind failed to ${step}: ${response.errors.join('; ')}`);
  }
}

/**
 * Entries (page positions) per chunk of the word index, per page of a bundle; Pagefind's default
 * is 20,000 per chunk whatever the size. A search loads, in every bundle, the chunk that holds each
 * of its words, so smaller chunks mean fewer bytes for every word but the commonest (whose entries
 * fill a chunk alone), for a longer list of chunks in the metadata. With one index of 10,000
 * articles, 3,000 per chunk made the words measured by `npm run bench:search` fetch 5–17 KB of index
 * instead of 10–90 KB, for 3 KB more metadata; split into bundles, each bundle's chunks shrink with
 * it, so that a word costs about the same over all the bundles as over one index. Pagefind reads it
 * from its environment, under a name that says it may change; PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE set
 * by the caller wins.
 */
export const CHUNK_ENTRIES_PER_PAGE = 0.3;
export const MIN_CHUNK_SIZE = 500;
export const MAX_CHUNK_SIZE = 3000;
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

export function chunkSizeFor(pages: number): number {
  return Math.min(MAX_CHUNK_SIZE, Math.max(MIN_CHUNK_SIZE, Math.round(pages * CHUNK_ENTRIES_PER_PAGE)));
}

/** A fresh index in a fresh Pagefind process, which reads the chunk size from its environment as it starts. */
async function createIndex(chunkSize: number): Promise<PagefindIndex> {
  const before = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = before ?? String(chunkSize);
  try {
    const response = await guarded('create an index', pagefind.createIndex({ forceLanguage: 'en' }));
    check('create an index', response);
    if (!response.index) throw new SearchIndexError('Pagefind failed to create an index: it returned no index and no error');
    return response.index;
  } finally {
    if (before === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = before;
  }
}

/**
 * Pagefind's ready-made interfaces and the unused language's WebAssembly; the search page has its
 * own interface and every page is indexed as English, so they are not shipped.
 */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
  // The search page runs Pagefind on its own thread (templates/assets/search.js).
  'pagefind-worker.js',
  'wasm.unknown.pagefind',
];

export interface SearchIndexSummary {
  /** Pagefind pages: one per article. */
  pages: number;
  quotes: number;
  outputPath: string;
  /** Bundles indexed by this build, and bundles kept from the previous index (search-bundles.ts). */
  indexed: string[];
  kept: string[];
  /** Files of bundles indexed again that came out as the previous index's (paths inside it): not written, the previous one's file stands. */
  reused: ReusedFile[];
}

export interface ReusedFile {
  rel: string;
  hash: string;
}

interface Entry {
  version?: string;
  languages?: Record<string, { hash?: string; page_count?: number }>;
}

/**
 * Reads the written index back: it must be complete, or the build fails here. `files` (paths
 * inside `outputPath`), when the caller has listed them, spares listing the fragments again.
 */
export async function verifyIndex(outputPath: string, expectedPages: number, files?: readonly string[]): Promise<void> {
  const fragments = files ? files.filter((rel) => rel.startsWith('fragment/')).length : (await readdir(join(outputPath, 'fragment')).catch(() => [])).length;
  await checkIndex(outputPath, expectedPages, fragments, (file) => readFile(join(outputPath, file)).catch(() => null));
}

/** What `verifyIndex` checks, of an index whose files `read` gives (null: none) and which has `fragments` fragment files. */
async function checkIndex(where: string, expectedPages: number, fragments: number, read: (file: string) => Promise<Uint8Array | null>): Promise<void> {
  let entry: Entry;
  try {
    entry = JSON.parse(Buffer.from((await read('pagefind-entry.json')) ?? '').toString('utf8')) as Entry;
  } catch (error) {
    throw new SearchIndexError(`Pagefind wrote no readable pagefind-entry.json in ${where}: ${(error as Error).message}`, { cause: error });
  }
  const en = entry.languages?.['en'];
  if (!en || en.page_count !== expectedPages) {
    throw new SearchIndexError(`Pagefind indexed ${en?.page_count ?? 0} pages in ${where}, expected ${expectedPages}`);
  }
  if (fragments !== expectedPages) {
    throw new SearchIndexError(`Pagefind wrote ${fragments} fragments in ${where}, expected ${expectedPages}`);
  }
  for (const file of ['pagefind.js', `pagefind.${en.hash}.pf_meta`, 'wasm.en.pagefind']) {
    const size = ((await read(file)) ?? Buffer.alloc(0)).length;
    if (size === 0) throw new SearchIndexError(`Pagefind wrote no ${file} in ${where}`);
  }
}

/**
 * Documents sent to Pagefind before waiting for its answers. Pagefind indexes in a process of its
 * own while the build renders pages on Node's one thread; with one document in flight, each next
 * one waited for a turn of Node's event loop between pages, and indexing took as long as rendering
 * (13 s instead of 4 s at 5,000 articles). Many in flight keep Pagefind's input queue full.
 */
const IN_FLIGHT = 256;

async function addDocuments(index: PagefindIndex, documents: SearchDocument[]): Promise<void> {
  await eachLimited(documents, IN_FLIGHT, async (doc) => check(`index the article ${doc.url}`, await index.addHTMLFile({ url: doc.url, content: doc.html })));
}

/** Indexes one bundle's documents with a fresh Pagefind index and writes it to `outputPath`. */
async function writeBundle(documents: SearchDocument[], outputPath: string): Promise<void> {
  const index = await createIndex(chunkSizeFor(documents.length));
  try {
    // One guard for all of them: a listener per document would be hundreds at once.
    await guarded('index the articles', addDocuments(index, documents));
    const step = `write the index to ${outputPath}`;
    check(step, await guarded(step, index.writeFiles({ outputPath })));
    // Pagefind's process can answer before its last files reach the disk (seen under load as an
    // empty pagefind-entry.json); going on then would cut them short. Wait for a complete index.
    await settledIndex(outputPath, documents.length);
  } finally {
    // Ends Pagefind's process: its memory goes with it, and the next bundle's chunk size is read anew.
    await pagefind.close();
  }
  await Promise.all(UNUSED_FILES.map((name) => rm(join(outputPath, name), { force: true })));
  await recompressMetadata(outputPath);
  await verifyIndex(outputPath, documents.length);
}

/**
 * Indexes one bundle's documents like `writeBundle`, but takes the files from Pagefind in memory and
 * writes to `outputPath` only those that differ from the previous index's bundle of that name; the
 * others are returned, to be kept where they are. A rebuild that indexes a bundle again mostly
 * changes a few of its fragments (one per page), and Pagefind wrote all of them (2,500 at 5,000
 * articles), which the build then read back to hash. Files are compared by their full content
 * hash, so a changed fragment whose short name is an old one's is written.
 */
async function writeBundleReusing(documents: SearchDocument[], outputPath: string, name: string, fileHash: (rel: string) => string | undefined): Promise<ReusedFile[]> {
  const files = (await indexedFiles(documents)).filter((f) => !UNUSED_FILES.includes(f.path)).map(recompressed);
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const fragments = files.filter((f) => f.path.startsWith('fragment/')).length;
  await checkIndex(outputPath, documents.length, fragments, async (file) => byPath.get(file) ?? null);
  const reused: ReusedFile[] = [];
  await mkdir(outputPath, { recursive: true });
  const dirs = new Set(files.map((f) => dirname(join(outputPath, f.path))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  await mapLimited(files, 32, async ({ path, content }) => {
    const hash = hashOf(content);
    if (fileHash(`${name}/${path}`) === hash) reused.push({ rel: `${name}/${path}`, hash });
    else await writeFile(join(outputPath, path), content);
  });
  return reused;
}

/** A bundle's files from a fresh index of `documents`, in memory (Pagefind's getFiles). */
async function indexedFiles(documents: SearchDocument[]): Promise<IndexFile[]> {
  const index = await createIndex(chunkSizeFor(documents.length));
  try {
    await guarded('index the articles', addDocuments(index, documents));
    const step = 'get the index files';
    const response = await guarded(step, index.getFiles());
    check(step, response);
    return response.files;
  } finally {
    await pagefind.close();
  }
}

/** A file of a bundle with its metadata compressed again (see `recompressMetadata`). */
function recompressed(file: IndexFile): IndexFile {
  if (!file.path.endsWith('.pf_meta')) return file;
  const best = gzipSync(gunzipSync(file.content), { level: zlib.Z_BEST_COMPRESSION, strategy: zlib.Z_FILTERED });
  return best.length < file.content.length ? { path: file.path, content: best } : file;
}

/**
 * Compresses a bundle's metadata again, at gzip's best level. Every search loads the metadata of
 * every bundle it merges (at 10,000 articles 119 KB of the 250 a one-word search may fetch), and
 * Pagefind gzips it at a faster level: at the best one, with the strategy for data that is mostly
 * numbers, it is 6 % smaller, 7.5 KB less for every search (the default strategy gave 4 %, with
 * more memory for the compressor 1 %).
 * The bytes inside are Pagefind's own, which its script reads from any gzip stream; Node's gzip
 * writes no time into the header, so the same metadata always comes out the same. The other files
 * gain nothing from it (0.1 % for the word index, none for fragments, filters and WebAssembly).
 */
async function recompressMetadata(outputPath: string): Promise<void> {
  for (const name of (await readdir(outputPath)).filter((n) => n.endsWith('.pf_meta'))) {
    const path = join(outputPath, name);
    const written = await readFile(path);
    const best = gzipSync(gunzipSync(written), { level: zlib.Z_BEST_COMPRESSION, strategy: zlib.Z_FILTERED });
    if (best.length < written.length) await writeFileAtomically(path, best);
  }
}

/**
 * A bundle's name, and how to make its documents: only when it is reached, so that one bundle's are
 * in memory at a time; and, when known, the key of what they are made of, with which a bundle the
 * last build made from the same is kept without making them.
 */
interface BundleMaker {
  name: string;
  /** Made when the bundle is reached (a hash of all its records). */
  inputs: () => string | null;
  /** What the quote counts read of its documents, without making them. */
  counting: () => SearchDocument[];
  make: () => Bundle;
}

/** The previous index's entry of a bundle made from the same inputs, when its files are all there. */
async function keptByInputs(maker: BundleMaker, inputs: string | null, before: BundlesFile | null, previous: PreviousIndex | null): Promise<BundleEntry | null> {
  const old = before?.bundles.find((b) => b.name === maker.name);
  if (!old || !previous || inputs === null || old.inputs !== inputs) return null;
  return (await intactBundle(old, previous)) ? old : null;
}

/**
 * Writes the bundles to `outputPath`, each with a fresh Pagefind index unless `previous` holds it
 * unchanged (made from the same inputs, or holding the same documents: see `isKept`), and then the
 * quote counts and the bundles file, replacing what was there.
 */
async function writeBundles(makers: BundleMaker[], outputPath: string, previous: PreviousIndex | null): Promise<{ indexed: string[]; kept: string[]; reused: ReusedFile[]; entries: BundleEntry[] }> {
  const before = previous ? await readBundlesFile(previous.dir) : null;
  const inPlace = previous?.dir === outputPath;
  // Fragment names are content hashes: stale files would pile up. In place (`npm start`), where
  // readers may search while the index is built, the bundles and the two files that list them stay
  // until their new versions replace them.
  await clearFolder(outputPath, inPlace ? new Set([...makers.map((m) => m.name), BUNDLES_FILE, QUOTE_COUNTS_FILE]) : new Set());
  const indexed: string[] = [];
  const kept: string[] = [];
  const entries: BundleEntry[] = [];
  const counted: SearchDocument[] = [];
  const reused: ReusedFile[] = [];
  for (const maker of makers) {
    const inputs = maker.inputs();
    const same = await keptByInputs(maker, inputs, before, previous);
    if (same) {
      entries.push(same);
      counted.push(...maker.counting());
      kept.push(maker.name);
      continue;
    }
    trace(`index: ${maker.name} changed, making documents`);
    const bundle = maker.make();
    if (bundle.pages === 0) continue;
    entries.push({ ...bundleEntry(bundle), ...(inputs === null ? {} : { inputs }) });
    counted.push(...bundle.documents.map(forCounting));
    if (before && previous && (await isKept(bundle, before, previous))) {
      kept.push(bundle.name);
      continue;
    }
    // One bundle at a time: Pagefind's process then holds one part of the archive, not all of it.
    // Beside a previous index whose files' hashes are known, only the files that differ are written.
    const fileHash = inPlace ? undefined : previous?.fileHash;
    if (fileHash && before?.bundles.some((b) => b.name === bundle.name)) {
      reused.push(...(await writeBundleReusing(bundle.documents, join(outputPath, bundle.name), bundle.name, fileHash)));
    } else {
      await replaceBundle(join(outputPath, bundle.name), (dir) => writeBundle(bundle.documents, dir));
    }
    indexed.push(bundle.name);
    trace(`index: ${bundle.name} written`);
  }
  trace('index: every bundle done');
  if (inPlace) await clearFolder(outputPath, new Set([...entries.map((e) => e.name), BUNDLES_FILE, QUOTE_COUNTS_FILE]));
  await mkdir(outputPath, { recursive: true });
  await writeFileAtomically(join(outputPath, QUOTE_COUNTS_FILE), JSON.stringify(quoteCounts(counted)));
  // Last: a reader's search page finds the bundles through this file.
  const file: BundlesFile = { format: BUNDLE_FORMAT, bundles: entries };
  await writeFileAtomically(join(outputPath, BUNDLES_FILE), JSON.stringify(file));
  trace('index: bundles file written');
  return { indexed, kept, reused, entries };
}

/**
 * Writes a bundle into a folder beside `dir` and then puts it in `dir`'s place, so that a bundle in
 * use (in place, under `npm start`) is whole until the moment it is replaced.
 */
async function replaceBundle(dir: string, write: (dir: string) => Promise<void>): Promise<void> {
  const next = `${dir}.next`;
  const old = `${dir}.old`;
  await Promise.all([next, old].map((d) => rm(d, { recursive: true, force: true })));
  await write(next);
  if (existsSync(dir)) await rename(dir, old);
  await rename(next, dir);
  await rm(old, { recursive: true, force: true });
}

/** What `quoteCounts` reads of a document, without its text. */
const forCounting = (doc: SearchDocument): SearchDocument => ({ ...doc, html: '', text: [], quotes: doc.quotes.map((q) => ({ ...q, text: '' })) });

/**
 * Indexes documents already made: grouped into bundles (search-bundles.ts), each in a fresh index,
 * written to `outputPath` with the bundles file and the quote counts; a bundle that `previous`
 * holds unchanged is not indexed again.
 */
export async function writeSearchIndex(documents: SearchDocument[], outputPath: string, previous: PreviousIndex | null = null): Promise<{ indexed: string[]; kept: string[] }> {
  const bundles = bundleDocuments(documents, indexSalt());
  const { indexed, kept } = await writeBundles(bundles.map((b) => ({ name: b.name, inputs: () => null, counting: () => b.documents.map(forCounting), make: () => b })), outputPath, previous);
  return { indexed, kept };
}

/** The search index as the site holds it before this build, whose unchanged bundles can be kept. */
export interface PreviousIndex {
  /** Its `pagefind/` folder. */
  dir: string;
  /**
   * Whether a file of it (path inside `dir`) is as the last build wrote it; a bundle with a file
   * edited or lost since is indexed again. Without it, the files on disk are trusted.
   */
  isIntact?: (rel: string) => boolean;
  /**
   * The content hash of a file of it (path inside `dir`) as the last build wrote it, when known: a
   * bundle indexed again into another folder then writes only the files that differ from these.
   */
  fileHash?: (rel: string) => string | undefined;
}

/** True when `previous` was built from the bundle's documents (its bundles file says so) and its files are all there. */
async function isKept(bundle: Bundle, before: BundlesFile, previous: PreviousIndex): Promise<boolean> {
  const old = before.bundles.find((b) => b.name === bundle.name);
  return old !== undefined && old.hash === bundle.hash && (await intactBundle(old, previous));
}

/** True when every file of the previous index's bundle is there, complete and as the last build wrote it. */
async function intactBundle(entry: BundleEntry, previous: PreviousIndex): Promise<boolean> {
  const dir = join(previous.dir, entry.name);
  const files = await filesUnder(dir).catch(() => [] as string[]);
  if (!(await verifyIndex(dir, entry.pages, files).then(() => true, () => false))) return false;
  return files.every((rel) => previous.isIntact?.(`${entry.name}/${rel}`) ?? true);
}

/** Paths of the files under `dir`, relative to it, with `/` separators. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Empties `dir`, if there is one, but for the bundle folders to keep (fragment names are content hashes: stale ones would pile up). */
async function clearFolder(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (!keep.has(name)) await rm(join(dir, name), { recursive: true, force: true });
}

/** What else than the documents decides a bundle's files (search-bundles.ts BUNDLE_FORMAT). */
function indexSalt(): string {
  const chunks = process.env[CHUNK_SIZE_VARIABLE] ?? `${CHUNK_ENTRIES_PER_PAGE} per page, ${MIN_CHUNK_SIZE}–${MAX_CHUNK_SIZE}`;
  return `pagefind ${PAGEFIND_VERSION}; chunk size ${chunks}; leaving out ${UNUSED_FILES.join(' ')}`;
}

const SETTLE_TIMEOUT_MS = 10_000;

/** Retries `verifyIndex` until the index is complete or the time is up, then fails as it does. */
async function settledIndex(outputPath: string, expectedPages: number): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    try {
      return await verifyIndex(outputPath, expectedPages);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Builds the search index of the archive into `outputPath` (the site's `pagefind/` folder), keeping
 * the bundles of `previous` whose documents did not change. Given the version of the search code
 * (`codeVersion`), a bundle made from the same inputs as the previous one is kept without making
 * its documents at all.
 */
export async function buildSearchIndex(archive: Archive, outputPath: string, previous: PreviousIndex | null = null, codeVersion: string | null = null): Promise<SearchIndexSummary> {
  const salt = indexSalt();
  // Bundles of articles, whose documents are made one bundle at a time (100 MB of them at 20,000 articles).
  const makers = groupByPeriod(siteModel(archive).articles, (a) => a.date, bundlePages()).map(({ name, items }) => ({
    name,
    inputs: () => (codeVersion === null ? null : documentsKey(archive, items, `${codeVersion}\0${salt}`)),
    counting: () => countingDocuments(archive, items),
    make: () => makeBundle(name, searchDocuments(archive, items), salt),
  }));
  const { indexed, kept, reused, entries } = await writeBundles(makers, outputPath, previous);
  return { pages: entries.reduce((n, e) => n + e.pages, 0), quotes: entries.reduce((n, e) => n + e.quotes, 0), outputPath, indexed, kept, reused };
}
