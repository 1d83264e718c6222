// The Eleventy side of the site: what Eleventy renders (the TypeScript templates in templates/, a
// few site-wide pages), where the assets are (src/site/assets.ts publishes them), and the HTML
// base plugin that gives every page the path prefix. Registered by .eleventy.ts under `npm start` and by the build command through the
// config callback of Eleventy's programmatic API (src/pipeline/render-site.ts); neither adds
// anything else to what Eleventy renders. The templates get the archive as global data.
import type { Archive } from '../record.ts';
import { SITE } from './config.ts';
import type { HtmlTransform } from './write-pages.ts';

/** The HTML base plugin's filter, which gives Eleventy's pages the path prefix (src/site/config.ts). */
export type WithBase = (this: { page: { url: string } }, content: string) => Promise<string>;

type BuildEvent = { directories: { output: string }; runMode: 'build' | 'watch' | 'serve' };

// Eleventy ships no types for its config API; this is the part we use.
export interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(format: string): void;
  setTemplateFormats(formats: string[]): void;
  addGlobalData(name: string, value: () => unknown): void;
  addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
  resolvePlugin(name: '@11ty/eleventy/html-base-plugin'): unknown;
  addWatchTarget(path: string): void;
  setChokidarConfig(options: { awaitWriteFinish?: { stabilityThreshold: number; pollInterval: number } }): void;
  getFilter(name: 'transformWithHtmlBase'): WithBase | undefined;
  on(event: 'eleventy.before' | 'eleventy.after', callback: (event: BuildEvent) => Promise<void>): void;
  /** Under `--watch`, before a build: the files whose change started it. */
  on(event: 'eleventy.beforeWatch', callback: (changed: string[]) => Promise<void>): void;
}

/** Where Eleventy reads templates, and what the assets are copied from and to. */
export const SITE_DIRS = { input: 'templates', output: '_site' } as const;
export const ASSETS = { from: 'templates/assets', to: 'assets' } as const;

/** Registers the site's templates, the assets' folder and base plugin; the templates read the archive `archive()` gives. */
export function registerSite(eleventyConfig: EleventyConfig, archive: () => Archive | Promise<Archive>): void {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.setTemplateFormats(['11ty.ts']);
  eleventyConfig.addGlobalData('archive', archive);
  // Not copied by Eleventy: published minified (src/site/assets.ts). Watched, so that `npm start` writes an edited one.
  eleventyConfig.addWatchTarget(`${ASSETS.from}/`);
  // Under a PATH_PREFIX (src/site/config.ts) the base plugin prefixes every root-relative URL in the HTML.
  eleventyConfig.addPlugin(eleventyConfig.resolvePlugin('@11ty/eleventy/html-base-plugin'));
}

/**
 * The path prefix's transform for the pages written outside Eleventy (write-pages.ts), through the
 * base plugin's own filter; undefined when there is no prefix.
 */
export function prefixTransform(eleventyConfig: Pick<EleventyConfig, 'getFilter'>): HtmlTransform | undefined {
  if (SITE.pathPrefix === '/') return undefined;
  const withBase = eleventyConfig.getFilter('transformWithHtmlBase');
  if (!withBase) throw new Error('The HTML base plugin is not loaded, so the pages cannot be given the path prefix');
  return (content, url) => withBase.call({ page: { url } }, content);
}
