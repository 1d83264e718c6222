// Every quote as CSV, for spreadsheets and other tools. Built in src/site/formats.ts.
import { quotesCsv } from '../src/site/formats.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { QUOTES_CSV_URL } from '../src/site/urls.ts';

export const data = { permalink: QUOTES_CSV_URL, eleventyExcludeFromCollections: true };

export function render(data: SiteData): string {
  return quotesCsv(siteModel(data.archive));
}
