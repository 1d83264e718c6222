// robots.txt: everything may be crawled; where the sitemap is. Built in src/site/formats.ts.
import { robotsTxt } from '../src/site/formats.ts';
import { ROBOTS_URL } from '../src/site/urls.ts';

export const data = { permalink: ROBOTS_URL, eleventyExcludeFromCollections: true };

export function render(): string {
  return robotsTxt();
}
