// Eleventy wiring only: where things are, what the templates get, and what runs after a build.
// The pages are TypeScript templates (`*.11ty.ts`), which Eleventy can import because the build
// runs under tsx; all logic lives in src/site and src/search.
import { join } from 'node:path';
import type { Archive } from './src/record.ts';
import { loadSiteArchive, watchedArticlesDir } from './src/site/archive-source.ts';
import { buildSearchIndex } from './src/search/build-search-index.ts';

// Eleventy ships no types for its config API; this is the part we use.
interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(format: string): void;
  addGlobalData(name: string, value: () => Promise<unknown>): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addWatchTarget(path: string): void;
  on(event: 'eleventy.after', callback: (event: { directories: { output: string } }) => Promise<void>): void;
}

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');

  // Loaded once per build; the index is built from the same archive the pages were.
  let archive: Promise<Archive> | undefined;
  eleventyConfig.addGlobalData('archive', () => (archive = loadSiteArchive()));

  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  const articlesDir = watchedArticlesDir();
  if (articlesDir) eleventyConfig.addWatchTarget(articlesDir);
  // Templates import src/; watching it makes `npm start` rebuild with the changed modules.
  eleventyConfig.addWatchTarget('src/');

  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    // The archive is global data, so every build has loaded it; if not, shipping without search is a bug.
    if (!archive) throw new Error('The archive was not loaded during the build, so there is nothing to index');
    await buildSearchIndex(await archive, join(directories.output, 'pagefind'));
  });

  return {
    dir: { input: 'templates', output: '_site' },
    templateFormats: ['11ty.ts'],
  };
}
