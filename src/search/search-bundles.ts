// The search index is split into bundles, one per year of the articles' dates (and one for undated
// articles), each a complete Pagefind index in `pagefind/<name>/`, listed newest first in
// `pagefind/bundles.json`. The search page merges them (Pagefind's `mergeIndex`).
//
// Why: Pagefind has no incremental indexing, and indexing is the slowest step of a rebuild (5–10 s at
// 5,000 articles, all of it spent again after adding one article). A bundle whose documents did not
// change is kept as it is, so a rebuild re-indexes the year that gained the article; and one Pagefind
// process holds one bundle at a time, not the whole archive (1.9 GB at 20,000 articles).
// Years, because news archives grow by date: the new articles of a working newsroom land in the
// newest bundle, and "newest first" reads the bundles in order.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchDocument } from './search-document.ts';

export const BUNDLES_FILE = 'bundles.json';
export const UNDATED_BUNDLE = 'undated';

/**
 * Changes when what a bundle's documents become in the index changes other than through the
 * documents themselves (the Pagefind version, the chunk size): every bundle is then indexed again.
 */
export const BUNDLE_FORMAT = 1;

export interface BundleEntry {
  /** The bundle's folder inside `pagefind/`: a year, or `undated`. */
  name: string;
  pages: number;
  quotes: number;
  /** Hash of the documents and of everything else that makes the bundle's files. */
  hash: string;
}

export interface BundlesFile {
  format: number;
  /** Newest year first, undated last. */
  bundles: BundleEntry[];
}

export interface Bundle extends BundleEntry {
  documents: SearchDocument[];
}

/** The bundle of an article: the year of its date, or `undated`. */
export function bundleName(date: string | null): string {
  return /^\d{4}/.exec(date ?? '')?.[0] ?? UNDATED_BUNDLE;
}

/** Newest first, undated last. */
function compareBundles(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED_BUNDLE) return 1;
  if (b === UNDATED_BUNDLE) return -1;
  return a < b ? 1 : -1;
}

/** The documents grouped into bundles, newest first; `salt` is whatever else shapes the index (see BUNDLE_FORMAT). */
export function bundleDocuments(documents: SearchDocument[], salt: string): Bundle[] {
  const groups = new Map<string, SearchDocument[]>();
  for (const doc of documents) {
    const name = bundleName(doc.date);
    const group = groups.get(name) ?? [];
    group.push(doc);
    groups.set(name, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareBundles(a, b))
    .map(([name, docs]) => ({ name, pages: docs.length, quotes: docs.reduce((n, d) => n + d.quotes.length, 0), hash: bundleHash(docs, salt), documents: docs }));
}

/** A hash of the documents in URL order, so that the order they were listed in does not matter. */
function bundleHash(documents: SearchDocument[], salt: string): string {
  const hash = createHash('sha256').update(`${BUNDLE_FORMAT}\n${salt}\n`);
  for (const doc of [...documents].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`${doc.url}\n${doc.html.length}\n${doc.html}`);
  return hash.digest('hex');
}

export function bundlesFile(bundles: Bundle[]): BundlesFile {
  return { format: BUNDLE_FORMAT, bundles: bundles.map(({ name, pages, quotes, hash }) => ({ name, pages, quotes, hash })) };
}

/** The bundles file of an index folder, or null when there is none or it cannot be read. */
export async function readBundlesFile(pagefindDir: string): Promise<BundlesFile | null> {
  try {
    const file = JSON.parse(await readFile(join(pagefindDir, BUNDLES_FILE), 'utf8')) as BundlesFile;
    return file.format === BUNDLE_FORMAT && Array.isArray(file.bundles) ? file : null;
  } catch {
    return null;
  }
}
