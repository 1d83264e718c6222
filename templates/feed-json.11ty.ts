// The JSON Feed of the newest articles. Built in src/site/formats.ts.
import { jsonFeed } from '../src/site/formats.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { JSON_FEED_URL } from '../src/site/urls.ts';

export const data = { permalink: JSON_FEED_URL, eleventyExcludeFromCollections: true };

export function render(data: SiteData): string {
  return jsonFeed(siteModel(data.archive));
}
