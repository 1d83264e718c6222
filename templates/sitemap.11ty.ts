// The sitemap: every page's address, for search engines. Built in src/site/formats.ts.
import { sitemap } from '../src/site/formats.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { SITEMAP_URL } from '../src/site/urls.ts';

export const data = { permalink: SITEMAP_URL, eleventyExcludeFromCollections: true };

export function render(data: SiteData): string {
  return sitemap(siteModel(data.archive));
}
