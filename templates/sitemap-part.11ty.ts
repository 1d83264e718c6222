// The parts of a sitemap too big for one file (more than 50,000 addresses); none otherwise.
import type { ArticleRecord } from '../src/record.ts';
import { sitemapPart, sitemapParts } from '../src/site/formats.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { sitemapPartUrl } from '../src/site/urls.ts';

interface PartData extends SiteData {
  part: number;
}

export const data = {
  pagination: {
    data: 'archive.articles',
    size: 1,
    alias: 'part',
    addAllPagesToCollections: false,
    before: (_articles: ArticleRecord[], data: SiteData): number[] => {
      const parts = sitemapParts(siteModel(data.archive)).length;
      return parts > 1 ? Array.from({ length: parts }, (_, i) => i + 1) : [];
    },
  },
  permalink: (data: PartData): string => sitemapPartUrl(data.part),
  eleventyExcludeFromCollections: true,
};

export function render(data: PartData): string {
  return sitemapPart(siteModel(data.archive), data.part);
}
