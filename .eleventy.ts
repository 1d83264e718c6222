// Eleventy wiring only: where things are, what the templates get, and what runs after a build.
// The pages are TypeScript templates (`*.11ty.ts`), which Eleventy can import because the build
// runs under tsx; all logic lives in src/site and src/search.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive } from './src/record.ts';
import { loadSiteArchive, watchedArticlesDir } from './src/site/archive-source.ts';
import { SITE } from './src/site/config.ts';
import { tsImport } from 'tsx/esm/api';
import * as pageWriter from './src/site/write-pages.ts';
import * as dataWriter from './src/site/write-data-files.ts';
import { buildSearchIndex, type PreviousIndex } from './src/search/build-search-index.ts';
import { buildFinished, buildStarted, checkArchive, startIndexing } from './src/build/eleventy-hooks.ts';
import { buildSession } from './src/build/session.ts';

// Eleventy ships no types for its config API; this is the part we use.
interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(format: string): void;
  addGlobalData(name: string, value: () => Promise<unknown>): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
  resolvePlugin(name: '@11ty/eleventy/html-base-plugin'): unknown;
  addWatchTarget(path: string): void;
  getFilter(name: 'transformWithHtmlBase'): ((this: { page: { url: string } }, content: string) => Promise<string>) | undefined;
  on(event: 'eleventy.before' | 'eleventy.after', callback: (event: { directories: { output: string }; runMode: 'build' | 'watch' | 'serve' }) => Promise<void>): void;
}

/**
 * The search index the site has now, whose unchanged bundles are kept: under the build command, the
 * output's as its manifest knows it (Eleventy writes into a new folder); else the one in the
 * folder Eleventy writes to, as it is on disk.
 */
function previousIndex(outputDir: string): PreviousIndex | null {
  const session = buildSession();
  if (!session.managed) return { dir: join(outputDir, 'pagefind') };
  const output = session.outputFiles;
  return output ? { dir: join(output.dir, 'pagefind'), isIntact: (rel) => output.hashes.has(`pagefind/${rel}`) } : null;
}

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');

  // Loaded once per build, before anything is written: errors in the articles stop the build there
  // (after printing every problem), so a failed build writes nothing. The pages and the index are
  // built from this same archive.
  let archive: Promise<Archive> | undefined;
  // The search index is built from the records alone, so Pagefind (a process of its own) indexes
  // while Eleventy renders the pages; the build waits for both.
  let indexing: Promise<number> | undefined;
  eleventyConfig.on('eleventy.before', async ({ directories }) => {
    buildStarted();
    archive = loadSiteArchive();
    const loaded = await archive;
    checkArchive(loaded);
    indexing = startIndexing(async () => {
      const summary = await buildSearchIndex(loaded, join(directories.output, 'pagefind'), previousIndex(directories.output));
      buildSession().searchBundles = { indexed: summary.indexed, kept: summary.kept };
    });
  });
  eleventyConfig.addGlobalData('archive', () => (archive ??= loadSiteArchive()));

  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  // Under a PATH_PREFIX (src/site/config.ts) the base plugin prefixes every root-relative URL in the HTML.
  eleventyConfig.addPlugin(eleventyConfig.resolvePlugin('@11ty/eleventy/html-base-plugin'));
  const articlesDir = watchedArticlesDir();
  if (articlesDir) eleventyConfig.addWatchTarget(articlesDir);
  // Templates import src/; watching it makes `npm start` rebuild with the changed modules.
  eleventyConfig.addWatchTarget('src/');

  eleventyConfig.on('eleventy.after', async ({ directories, runMode }) => {
    // The archive is global data, so every build has loaded it; if not, shipping without search is a bug.
    if (!archive || !indexing) throw new Error('The archive was not loaded during the build, so there is nothing to index');
    // The pages of articles, speakers, months and quotes, nearly all of the site, are written here
    // one at a time rather than rendered by Eleventy, which would hold them all in memory
    // (src/site/write-pages.ts). The base plugin's own transform gives them the path prefix it
    // gives Eleventy's pages.
    const withBase = eleventyConfig.getFilter('transformWithHtmlBase');
    if (SITE.pathPrefix !== '/' && !withBase) throw new Error('The HTML base plugin is not loaded, so the pages cannot be given the path prefix');
    const transform = SITE.pathPrefix === '/' || !withBase ? undefined : (content: string, url: string) => withBase.call({ page: { url } }, content);
    // Eleventy re-imports a template, and the src/ modules it uses, when they change under `npm start`,
    // but not the modules this config imports: there the writer is imported afresh on every build.
    const { writePages } = runMode === 'build' ? pageWriter : ((await tsImport('./src/site/write-pages.ts', import.meta.url)) as typeof pageWriter);
    const { writeDataFiles } = runMode === 'build' ? dataWriter : ((await tsImport('./src/site/write-data-files.ts', import.meta.url)) as typeof dataWriter);
    const session = buildSession();
    const unchanged = session.managed ? session.outputFiles : null;
    // Only the build command keeps the output manifest that remembers what each page was rendered from.
    const written = await writePages(await archive, directories.output, {
      transform,
      unchanged,
      rendererVersion: session.managed ? session.rendererVersion : null,
    });
    session.pagesWritten = written.files;
    session.pagesRendered = written.rendered.length;
    // `/data/articles.json` and `/data/quotes.csv`, written piece by piece for the same reason.
    session.pagesWritten.push(...(await writeDataFiles(await archive, directories.output, unchanged)));
    const waiting = performance.now();
    const indexMs = await indexing;
    // The build report (or, under `npm run build`, the timing for the command's report).
    await buildFinished(directories.output, indexMs, performance.now() - waiting);
  });

  return {
    dir: { input: 'templates', output: '_site' },
    templateFormats: ['11ty.ts'],
    pathPrefix: SITE.pathPrefix,
  };
}
