// Eleventy wiring only: where things are, what the templates get, and what runs after a build.
// The pages are TypeScript templates (`*.11ty.ts`), which Eleventy can import because the build
// runs under tsx; all logic lives in src/site and src/search.
import type { Archive } from './src/record.ts';
import { articlesDir, loadSiteArchive } from './src/site/archive-source.ts';
import { SITE } from './src/site/config.ts';
import { beginBuild, buildStarted, finishBuild, type WithBase } from './src/build/eleventy-hooks.ts';

// Eleventy ships no types for its config API; this is the part we use.
interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(format: string): void;
  addGlobalData(name: string, value: () => Promise<unknown>): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
  resolvePlugin(name: '@11ty/eleventy/html-base-plugin'): unknown;
  addWatchTarget(path: string): void;
  getFilter(name: 'transformWithHtmlBase'): WithBase | undefined;
  on(event: 'eleventy.before' | 'eleventy.after', callback: (event: { directories: { output: string }; runMode: 'build' | 'watch' | 'serve' }) => Promise<void>): void;
}

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');

  // Loaded once per build, before anything is written: errors in the articles stop the build there
  // (after printing every problem), so a failed build writes nothing. The pages and the search
  // index, started here to run while Eleventy renders, are built from this same archive.
  let archive: Promise<Archive> | undefined;
  let indexing: Promise<number> | undefined;
  eleventyConfig.on('eleventy.before', async ({ directories }) => {
    buildStarted();
    archive = loadSiteArchive();
    indexing = beginBuild(await archive, directories.output);
  });
  eleventyConfig.addGlobalData('archive', () => (archive ??= loadSiteArchive()));

  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  // Under a PATH_PREFIX (src/site/config.ts) the base plugin prefixes every root-relative URL in the HTML.
  eleventyConfig.addPlugin(eleventyConfig.resolvePlugin('@11ty/eleventy/html-base-plugin'));
  const watched = articlesDir();
  if (watched) eleventyConfig.addWatchTarget(watched);
  // Templates import src/; watching it makes `npm start` rebuild with the changed modules.
  eleventyConfig.addWatchTarget('src/');

  eleventyConfig.on('eleventy.after', async ({ directories, runMode }) => {
    // The archive is global data, so every build has loaded it; if not, shipping without search is a bug.
    if (!archive || !indexing) throw new Error('The archive was not loaded during the build, so there is nothing to index');
    // Most of the site is written here, outside Eleventy (src/build/eleventy-hooks.ts).
    await finishBuild(await archive, indexing, { outputDir: directories.output, fresh: runMode !== 'build', withBase: eleventyConfig.getFilter('transformWithHtmlBase') });
  });

  return {
    dir: { input: 'templates', output: '_site' },
    templateFormats: ['11ty.ts'],
    pathPrefix: SITE.pathPrefix,
  };
}
