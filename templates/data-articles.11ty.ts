// Every article record as JSON, for other tools. Built in src/site/formats.ts.
import { articlesJson } from '../src/site/formats.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { ARTICLES_JSON_URL } from '../src/site/urls.ts';

export const data = { permalink: ARTICLES_JSON_URL, eleventyExcludeFromCollections: true };

export function render(data: SiteData): string {
  return articlesJson(siteModel(data.archive));
}
