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
  return { dir: SITE_DIRS, templateFormats: ['11ty.ts'], pathPrefix: SITE.pathPrefix };
}
