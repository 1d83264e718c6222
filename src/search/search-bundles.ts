// The search index is split into bundles of whole months of the articles' dates (and one for undated
// articles, and one for the newest month of a large archive: newestMonthSplit), each a complete
// Pagefind index in `pagefind/<name>/`, listed newest first in `pagefind/bundles.json`. The search page merges them (Pagefind's `mergeIndex`).
//
// Why: Pagefind has no incremental indexing, and indexing is the slowest step of a rebuild (5–10 s at
// 5,000 articles, all of it spent again after adding one article). A bundle whose documents did not
// change is kept as it is, so a rebuild re-indexes the bundle that gained the article; and one
// Pagefind process holds one bundle at a time, not the whole archive (1.9 GB at 20,000 articles).
// By date, because news archives grow by date: the new articles of a working newsroom land in the
// newest bundle, and "newest first" reads the bundles in order.
//
// How big: every bundle costs every search its metadata (about 4 KB of overhead each at 10,000
// articles, besides what its pages cost) and a word-index chunk per word, so bundles hold at least
// BUNDLE_PAGES articles: consecutive months are put together, from the oldest, until they hold that
// many. Months, not years: a bundle then holds BUNDLE_PAGES and at most a month more (2,500–2,700 at
// 20,000 articles), where years of 2,000 articles made bundles of 4,000; Pagefind's process, which
// holds a bundle while it writes it, peaked at 490 MB for those and 330 MB for these, beside the
// build's own 1.1 GB. The newest bundle is the one still filling. A month that gains articles
// changes its own bundle only, unless it makes an older group reach the size a month earlier, which
// regroups the months after it.
import { startHash } from '../io/hash.ts';
import * as wire from '../../templates/assets/search-core.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchDocument } from './search-document.ts';

// The bundles file's and the undated bundle's names are the search page's (templates/assets/search-core.js).
export const { BUNDLES_FILE, UNDATED_BUNDLE } = wire;

/** Articles a bundle holds at least (but the newest); SEARCH_BUNDLE_PAGES in the environment overrides it (tests use 1). */
export const BUNDLE_PAGES = 2500;

export function bundlePages(): number {
  const fromEnv = Number(process.env['SEARCH_BUNDLE_PAGES']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : BUNDLE_PAGES;
}

/**
 * Changes when what a bundle's documents become in the index changes other than through the
 * documents themselves (the Pagefind version, the chunk size): every bundle is then indexed again.
 */
export const BUNDLE_FORMAT = 1;

export interface BundleEntry {
  /** The bundle's folder inside `pagefind/`: its years (`2015`, `2012-2014`) or months (`2015-10`, `2012-03-2013-05`, see groupNames), or `undated`. */
  name: string;
  pages: number;
  quotes: number;
  /**
   * The years its quotes were said in (a quote's own date may fall outside its article's year):
   * a search for one year needs only the bundles that list it.
   */
  years: string[];
  /** Hash of the documents and of everything else that makes the bundle's files. */
  hash: string;
  /** A key of what its documents were made of (search-document.ts `documentsKey`), when the build knew it. */
  inputs?: string;
}

export interface BundlesFile {
  format: number;
  /** Newest year first, undated last. */
  bundles: BundleEntry[];
}

export interface Bundle extends BundleEntry {
  documents: SearchDocument[];
}

/**
 * The period of an article's date that bundles are made of: its month (`2015-10`), its year for a
 * date of a year alone (`2015`, which sorts before the year's months), or `undated`.
 */
export function periodOf(date: string | null): string {
  return /^\d{4}(?:-\d{2})?/.exec(date ?? '')?.[0] ?? UNDATED_BUNDLE;
}

/** Periods (oldest first) put together into groups of at least `size` documents; the newest group may hold fewer. */
export function groupPeriods(periods: [period: string, documents: number][], size: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let count = 0;
  for (const [period, documents] of [...periods].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    current.push(period);
    count += documents;
    if (count >= size) {
      groups.push(current);
      current = [];
      count = 0;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The groups' names: a group's years (`2015`, `2012-2014`) when no other group holds any of its first
 * and last years, else its months (`2015-10`, `2012-03-2013-05`), so that a name never says more
 * than the bundle holds.
 */
function groupNames(groups: string[][]): string[] {
  const yearOf = (period: string) => period.slice(0, 4);
  const groupsOfYear = new Map<string, number>();
  for (const periods of groups) for (const year of new Set(periods.map(yearOf))) groupsOfYear.set(year, (groupsOfYear.get(year) ?? 0) + 1);
  return groups.map((periods) => {
    const [first, last] = [periods[0]!, periods.at(-1)!];
    const whole = groupsOfYear.get(yearOf(first)) === 1 && groupsOfYear.get(yearOf(last)) === 1;
    const [from, to] = whole ? [yearOf(first), yearOf(last)] : [first, last];
    return from === to ? from : `${from}-${to}`;
  });
}

/** A newest group of at least this many articles gives its newest month a bundle of its own (newestMonthSplit). */
export const NEWEST_MONTH_SPLIT = 500;

/**
 * A newest group of at least NEWEST_MONTH_SPLIT articles (SEARCH_NEWEST_MONTH=N in the environment
 * overrides it; 0 turns it off) gives its newest month a bundle of its own. That month is where a
 * working newsroom adds articles: a rebuild then indexes that month again, not the year (1,700
 * articles at 5,000; a rebuild after today's article went from 30 to 23 % of a clean build). When
 * the next month begins, the month joins its year's bundle again, which is indexed once more then.
 * The extra bundle costs every search its metadata and a chunk per word: at 10,000 articles a
 * one-word search fetched up to 250.9 KB (budget 250) with it, until the search page's scripts and
 * stylesheets were published minified (src/site/assets.ts), which sends 8 KB less.
 */
export function newestMonthSplit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['SEARCH_NEWEST_MONTH'];
  const fromEnv = Number(raw);
  if (raw === undefined || raw === '' || !Number.isInteger(fromEnv) || fromEnv < 0) return NEWEST_MONTH_SPLIT;
  return fromEnv === 0 ? Infinity : fromEnv;
}

/**
 * The newest group's periods split into its newest month and the rest (see newestMonthSplit), when
 * it holds `splitAt` documents and its newest period is a month (not a year of dates without one).
 */
function splitNewestMonth(periods: string[], count: number, splitAt: number): string[][] {
  const newest = periods.at(-1)!;
  if (count < splitAt || periods.length < 2 || !/^\d{4}-\d{2}$/.test(newest)) return [periods];
  return [[newest], periods.slice(0, -1)];
}

/**
 * Items grouped into bundles by the month of their date, newest first, undated last (see
 * groupPeriods), the newest month of a large newest group on its own (see newestMonthSplit).
 */
export function groupByPeriod<T>(items: T[], dateOf: (item: T) => string | null, size: number, splitAt = newestMonthSplit()): { name: string; items: T[] }[] {
  const byPeriod = new Map<string, T[]>();
  for (const item of items) {
    const period = periodOf(dateOf(item));
    const group = byPeriod.get(period) ?? [];
    group.push(item);
    byPeriod.set(period, group);
  }
  const undated = byPeriod.get(UNDATED_BUNDLE) ?? [];
  byPeriod.delete(UNDATED_BUNDLE);
  const grouped = groupPeriods([...byPeriod].map(([period, group]) => [period, group.length]), size).reverse();
  const [newest, ...older] = grouped;
  const count = (periods: string[]) => periods.reduce((n, period) => n + byPeriod.get(period)!.length, 0);
  const groups = newest ? [...splitNewestMonth(newest, count(newest), splitAt), ...older] : [];
  const names = groupNames(groups);
  const dated = groups.map((periods, i) => ({ name: names[i]!, items: periods.flatMap((period) => byPeriod.get(period)!) }));
  return undated.length > 0 ? [...dated, { name: UNDATED_BUNDLE, items: undated }] : dated;
}

/** A bundle of documents; `salt` is whatever else shapes the index (see BUNDLE_FORMAT). */
export function makeBundle(name: string, documents: SearchDocument[], salt: string): Bundle {
  return {
    name,
    pages: documents.length,
    quotes: documents.reduce((n, d) => n + d.quotes.length, 0),
    years: quoteYears(documents),
    hash: bundleHash(documents, salt),
    documents,
  };
}

/** The documents grouped into bundles of at least `size`, newest first, undated last. */
export function bundleDocuments(documents: SearchDocument[], salt: string, size = bundlePages(), splitAt = newestMonthSplit()): Bundle[] {
  return groupByPeriod(documents, (d) => d.date, size, splitAt).map(({ name, items }) => makeBundle(name, items, salt));
}

/** The years of the documents' date filter values (`2015-10` or `2015`), newest first. */
function quoteYears(documents: SearchDocument[]): string[] {
  const years = new Set<string>();
  for (const doc of documents) for (const value of doc.filters['date'] ?? []) years.add(value.slice(0, 4));
  return [...years].sort().reverse();
}

/** A hash of the documents in URL order, so that the order they were listed in does not matter. */
function bundleHash(documents: SearchDocument[], salt: string): string {
  const hash = startHash().update(`${BUNDLE_FORMAT}\n${salt}\n`);
  for (const doc of [...documents].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`${doc.url}\n${doc.html.length}\n${doc.html}`);
  return hash.digest('hex');
}

/** What the bundles file says of a bundle. */
export function bundleEntry({ name, pages, quotes, years, hash }: Bundle): BundleEntry {
  return { name, pages, quotes, years, hash };
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
