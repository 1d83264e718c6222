// Eleventy's config for `npm start` (and for running Eleventy's command line directly): the site
// (src/site/eleventy-site.ts) and the build around it (src/pipeline/serve-hooks.ts), registered and
// nothing else. `npm run build` does not read this file: it gives Eleventy the same site through
// the programmatic API's config callback (src/pipeline/render-site.ts). The pages are TypeScript
// templates (`*.11ty.ts`), which Eleventy can import because it runs under tsx.
import { articlesDir } from './src/site/archive-source.ts';
import { SITE } from './src/site/config.ts';
import { SITE_DIRS, type EleventyConfig } from './src/site/eleventy-site.ts';
import { serveHooks } from './src/pipeline/serve-hooks.ts';

export default function (eleventyConfig: EleventyConfig) {
  serveHooks(eleventyConfig);
  const watched = articlesDir();
  if (watched) eleventyConfig.addWatchTarget(watched);
  // Templates import src/; watching it makes `npm start` rebuild with the changed modules.
  eleventyConfig.addWatchTarget('src/');
  // Eleventy waits until a changed file's size has stood still for 150 ms, polling every 25 ms,
  // before it builds: a fifth of the 2 s in which a dropped article's page should be there. An
  // article is a small file, written in one go; one caught half-written is built again when the
  // rest arrives (its next change), so a shorter wait costs at most a build.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  return { dir: SITE_DIRS, templateFormats: ['11ty.ts'], pathPrefix: SITE.pathPrefix };
}
