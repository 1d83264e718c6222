// Builds the Pagefind index from the records: one Pagefind page per article, in which every quote
// is an anchor (see search-document.ts for the format and why), with smaller word-index chunks than
// Pagefind's default (INDEX_CHUNK_SIZE).
//
// Pagefind's Node API reports problems as `{ errors: [...] }` instead of throwing; every call is
// checked here and a failure throws, and the written index is read back and checked against what
// was added, so a broken or partial index fails the build instead of shipping.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { Archive } from '../record.ts';
import { QUOTE_COUNTS_FILE, quoteCounts, searchDocuments, type SearchDocument } from './search-document.ts';

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
 * Entries (page positions) per chunk of the word index; Pagefind's default is 20,000. A search
 * loads the chunk that holds each of its words, so smaller chunks mean fewer bytes for every word
 * but the commonest (whose entries fill a chunk alone), for a slightly longer list of chunks in the
 * metadata: at 10,000 articles the words measured by `npm run bench:search` fetch 5–17 KB of index
 * instead of 10–90 KB, for 3 KB more metadata. Pagefind reads it from its environment, under a name that says it may
 * change; PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE set by the caller wins.
 */
export const INDEX_CHUNK_SIZE = 3000;
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

async function createIndex(): Promise<PagefindIndex> {
  // The Pagefind service is a child process that starts on this call and inherits the environment.
  const before = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = before ?? String(INDEX_CHUNK_SIZE);
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
  'wasm.unknown.pagefind',
];

export interface SearchIndexSummary {
  /** Pagefind pages: one per article. */
  pages: number;
  quotes: number;
  outputPath: string;
}

interface Entry {
  version?: string;
  languages?: Record<string, { hash?: string; page_count?: number }>;
}

/** Reads the written index back: it must be complete, or the build fails here. */
export async function verifyIndex(outputPath: string, expectedPages: number): Promise<void> {
  let entry: Entry;
  try {
    entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as Entry;
  } catch (error) {
    throw new SearchIndexError(`Pagefind wrote no readable pagefind-entry.json in ${outputPath}: ${(error as Error).message}`, { cause: error });
  }
  const en = entry.languages?.['en'];
  if (!en || en.page_count !== expectedPages) {
    throw new SearchIndexError(`Pagefind indexed ${en?.page_count ?? 0} pages in ${outputPath}, expected ${expectedPages}`);
  }
  const fragments = await readdir(join(outputPath, 'fragment')).catch(() => []);
  if (fragments.length !== expectedPages) {
    throw new SearchIndexError(`Pagefind wrote ${fragments.length} fragments in ${outputPath}, expected ${expectedPages}`);
  }
  for (const file of ['pagefind.js', `pagefind.${en.hash}.pf_meta`, 'wasm.en.pagefind']) {
    const size = (await readFile(join(outputPath, file)).catch(() => Buffer.alloc(0))).length;
    if (size === 0) throw new SearchIndexError(`Pagefind wrote no ${file} in ${outputPath}`);
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
  let next = 0;
  const sender = async () => {
    while (next < documents.length) {
      const doc = documents[next++]!;
      check(`index the article ${doc.url}`, await index.addHTMLFile({ url: doc.url, content: doc.html }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, documents.length) }, sender));
}

/** Adds the documents to a fresh index and writes it to `outputPath`, replacing any old one. */
export async function writeSearchIndex(documents: SearchDocument[], outputPath: string): Promise<void> {
  try {
    const index = await createIndex();
    // One guard for all of them: a listener per document would be hundreds at once.
    await guarded('index the articles', addDocuments(index, documents));
    // Fragment file names are content hashes: stale ones from an earlier build would pile up.
    await rm(outputPath, { recursive: true, force: true });
    const step = `write the index to ${outputPath}`;
    check(step, await guarded(step, index.writeFiles({ outputPath })));
    // Pagefind's process can answer before its last files reach the disk (seen under load as an
    // empty pagefind-entry.json); closing it then would cut them short. Wait for a complete index.
    await settledIndex(outputPath, documents.length);
  } finally {
    await pagefind.close();
  }
  await Promise.all(UNUSED_FILES.map((name) => rm(join(outputPath, name), { force: true })));
  await writeFile(join(outputPath, QUOTE_COUNTS_FILE), JSON.stringify(quoteCounts(documents)));
  await verifyIndex(outputPath, documents.length);
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

/** Builds the search index of the archive into `outputPath` (the site's `pagefind/` folder). */
export async function buildSearchIndex(archive: Archive, outputPath: string): Promise<SearchIndexSummary> {
  const documents = searchDocuments(archive);
  await writeSearchIndex(documents, outputPath);
  return { pages: documents.length, quotes: documents.reduce((n, d) => n + d.quotes.length, 0), outputPath };
}
