// The search index: one Pagefind record per quote, built from the records (not by scraping the
// pages), so that each search hit is a quote that links to its place in the article.
//
// Pagefind's Node API reports problems as `{ errors: [...] }` instead of throwing; every call is
// checked here and a failure throws, so a broken index fails the build instead of shipping.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CustomRecord, PagefindIndex } from 'pagefind';
import type { Archive, ArticleRecord, Quote } from '../record.ts';
import { displayDate, yearOf } from '../site/dates.ts';
import { siteModel, type SiteModel } from '../site/site-model.ts';
import { displayTitle } from '../site/titles.ts';
import { quoteUrl } from '../site/urls.ts';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export const UNIDENTIFIED_SPEAKER = 'Unidentified speaker';

/** Words of a quote used as its result title. */
const TITLE_WORDS = 12;

function shortTitle(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(' ')}…` : words.join(' ');
}

function quoteRecord(model: SiteModel, article: ArticleRecord, quote: Quote): CustomRecord {
  const speaker = model.person(quote.speakerId)?.name ?? null;
  const date = quote.date ?? article.date;
  const year = yearOf(date);
  const record: CustomRecord = {
    url: quoteUrl(article.slug, quote.id),
    content: quote.text,
    language: 'en',
    meta: {
      title: shortTitle(quote.text),
      speaker: speaker ?? UNIDENTIFIED_SPEAKER,
      article: displayTitle(article).text,
      date: displayDate(date),
    },
    filters: { kind: [quote.kind], ...(speaker ? { speaker: [speaker] } : {}), ...(year ? { year: [year] } : {}) },
  };
  if (date !== null) record.sort = { date };
  return record;
}

/** The records to index: one per quote with text, in home-page order. */
export function searchRecords(archive: Archive): CustomRecord[] {
  const model = siteModel(archive);
  return model.articles.flatMap((article) =>
    [...article.quotes]
      .sort((a, b) => a.start - b.start)
      .filter((quote) => quote.text.trim() !== '')
      .map((quote) => quoteRecord(model, article, quote)),
  );
}

/** Throws when a Pagefind call reports errors, which it does instead of throwing. */
export function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new SearchIndexError(`Pagefind failed to ${step}: ${response.errors.join('; ')}`);
  }
}

async function createIndex(): Promise<PagefindIndex> {
  const response = await pagefind.createIndex({ forceLanguage: 'en' });
  check('create an index', response);
  if (!response.index) throw new SearchIndexError('Pagefind failed to create an index: it returned no index and no error');
  return response.index;
}

/** Pagefind's ready-made interfaces; the search page has its own, so they are not shipped. */
const UNUSED_BUNDLES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

export interface SearchIndexSummary {
  records: number;
  outputPath: string;
}

/** Builds the quote index into `outputPath` (the site's `pagefind/` folder), replacing any old one. */
export async function buildSearchIndex(archive: Archive, outputPath: string): Promise<SearchIndexSummary> {
  const records = searchRecords(archive);
  try {
    const index = await createIndex();
    for (const record of records) {
      check(`add the quote at ${record.url}`, await index.addCustomRecord(record));
    }
    // Fragment file names are content hashes: stale ones from an earlier build would pile up.
    await rm(outputPath, { recursive: true, force: true });
    check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
    await Promise.all(UNUSED_BUNDLES.map((name) => rm(join(outputPath, name), { force: true })));
  } finally {
    await pagefind.close();
  }
  return { records: records.length, outputPath };
}
