// Writes the quote pages (src/site/quote-page.ts) into the output folder after Eleventy has
// rendered its pages. There are about seven quote pages per article, most of a site's pages: as
// Eleventy templates they were all held in memory until the build ended (Eleventy keeps every
// rendered page). Here each page is rendered, prefixed, written and forgotten, a few at a time, so
// memory stays flat however large the archive.
//
// Called from the config's `eleventy.after` hook (.eleventy.ts), where the output folder is the
// folder Eleventy writes to: `_site` under `npm start` and the tests, the build's temporary folder
// under `npm run build`, which then moves the pages into the output with the rest of the site
// (src/build/site-writer.ts) from the list this returns.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Archive } from '../record.ts';
import { pageFile, type SiteFile } from '../build/site-writer.ts';
import { renderQuotePage } from './quote-page.ts';
import { siteModel } from './site-model.ts';
import { quotePageUrl } from './urls.ts';

/**
 * What Eleventy does to the HTML it writes, applied to each page: under a PATH_PREFIX, the HTML
 * base plugin's prefixing of root-relative URLs. Gets the page's root-relative URL.
 */
export type HtmlTransform = (html: string, url: string) => string | Promise<string>;

/** Pages in flight at once: enough to overlap rendering with writing, few enough to keep memory flat. */
const IN_FLIGHT = 8;

/** The file a page URL is written to inside the site, as Eleventy writes a permalink ending in `/`. */
export function pageOutputPath(url: string): string {
  if (!url.startsWith('/') || !url.endsWith('/')) throw new Error(`A page URL must start and end with "/": ${url}`);
  return `${url.slice(1)}index.html`;
}

/**
 * Writes every quote page of `archive` into `outputDir`; returns them as site files (their hash,
 * and their path, where they already are), in the order of the archive's quotes.
 */
export async function writeQuotePages(archive: Archive, outputDir: string, transform?: HtmlTransform): Promise<SiteFile[]> {
  const model = siteModel(archive);
  const items = model.quotes;
  const files: SiteFile[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      const item = items[at]!;
      const url = quotePageUrl(item.article.slug, item.quote.id);
      let content = renderQuotePage(model, item);
      if (transform) content = await transform(content, url);
      const target = join(outputDir, pageOutputPath(url));
      const { rel, hash } = pageFile(outputDir, target, content);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
      files[at] = { rel, hash, content: null, path: target };
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
  return files;
}
