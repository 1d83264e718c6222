// Writes the pages there is one of per article, speaker, month and quote (src/site/*-page.ts) into
// the output folder after Eleventy has rendered the site's other pages. They are nearly all of a
// site's pages (about nine per article), and Eleventy keeps every page it renders, with its data,
// until the build ends: at 5,000 articles that was most of a 2 GB build and of its time. Here each
// page is rendered, prefixed, written and forgotten, a few at a time, so memory stays flat however
// large the archive.
//
// A rebuild under the build command also knows what the output holds (the hash of every file):
// a page whose new content has the same hash is not written again, only listed as unchanged.
//
// Called from the config's `eleventy.after` hook (.eleventy.ts), where the output folder is the
// folder Eleventy writes to: `_site` under `npm start` and the tests, the build's temporary folder
// under `npm run build`, which then moves the pages into the output with the rest of the site
// (src/build/site-writer.ts) from the list this returns.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Archive } from '../record.ts';
import { pageFile, type SiteFile } from '../build/site-writer.ts';
import { renderArticlePage } from './article-page.ts';
import { renderMonthPage } from './month-page.ts';
import { renderQuotePage } from './quote-page.ts';
import { siteModel, type SiteModel } from './site-model.ts';
import { renderSpeakerPage } from './speaker-page.ts';
import { articleUrl, monthUrl, quotePageUrl, speakerUrl } from './urls.ts';

/**
 * What Eleventy does to the HTML it writes, applied to each page: under a PATH_PREFIX, the HTML
 * base plugin's prefixing of root-relative URLs. Gets the page's root-relative URL.
 */
export type HtmlTransform = (html: string, url: string) => string | Promise<string>;

/** The files the output folder holds now, by path inside the site, with their content hashes. */
export interface OutputFiles {
  dir: string;
  hashes: ReadonlyMap<string, string>;
}

/** Pages in flight at once: enough to overlap rendering with writing, few enough to keep memory flat. */
const IN_FLIGHT = 8;

/** The file a page URL is written to inside the site, as Eleventy writes a permalink ending in `/`. */
export function pageOutputPath(url: string): string {
  if (!url.startsWith('/') || !url.endsWith('/')) throw new Error(`A page URL must start and end with "/": ${url}`);
  return `${url.slice(1)}index.html`;
}

interface PageToWrite {
  url: string;
  render: () => string;
}

/** Every page this module writes, in a fixed order: articles, speakers, months, quotes. */
export function* entityPages(model: SiteModel): Generator<PageToWrite> {
  for (const article of model.articles) yield { url: articleUrl(article.slug), render: () => renderArticlePage(model, article) };
  // Everyone the site model knows, which includes speakers missing from the people list.
  for (const person of model.people) yield { url: speakerUrl(person.id), render: () => renderSpeakerPage(model, person) };
  for (const month of model.months) yield { url: monthUrl(month.key), render: () => renderMonthPage(model, month.key) };
  for (const item of model.quotes) yield { url: quotePageUrl(item.article.slug, item.quote.id), render: () => renderQuotePage(model, item) };
}

/**
 * Writes every page of `archive` that this module renders into `outputDir`; returns them as site
 * files, in the order of `entityPages`. A page identical to the one in `unchanged` (the output as
 * it is) is not written: its file is the output's own.
 */
export async function writePages(archive: Archive, outputDir: string, options: { transform?: HtmlTransform | undefined; unchanged?: OutputFiles | null } = {}): Promise<SiteFile[]> {
  const { transform, unchanged } = options;
  const pages = [...entityPages(siteModel(archive))];
  const files: SiteFile[] = new Array(pages.length);
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const at = next++;
      const { url, render } = pages[at]!;
      let content = render();
      if (transform) content = await transform(content, url);
      const target = join(outputDir, pageOutputPath(url));
      const { rel, hash } = pageFile(outputDir, target, content);
      if (unchanged?.hashes.get(rel) === hash) {
        files[at] = { rel, hash, content: null, path: join(unchanged.dir, rel) };
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
      files[at] = { rel, hash, content: null, path: target };
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, pages.length) }, worker));
  return files;
}
