// The two code versions a build keys its work by (src/io/code-version.ts computes both the same way):
// - the extractor's: the code that turns an article file into its per-article result
//   (`readArticle` and all it imports, the attribution model beside it), the libraries it parses
//   and tags with, Node; it keys the extraction cache.
// - the renderer's: what, besides a page's inputs (src/site/page-inputs.ts), decides the files the
//   site writers make: src/site/write-pages.ts and write-data-files.ts with everything they import
//   (src/read/edtf.ts formats their dates), the Eleventy wiring (whose HTML base plugin prefixes
//   the pages' links) and Eleventy's version, where the site is published (SITE_URL, PATH_PREFIX),
//   Node. Not the pipeline's own modules, which write and hash the pages but do not shape them.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeVersion, PROJECT_ROOT, type CodeParts } from '../io/code-version.ts';
import { SITE, type SiteConfig } from '../site/config.ts';

export const EXTRACTOR_CODE: CodeParts = {
  entries: ['src/archive/build-archive.ts'],
  packages: ['gray-matter', 'js-yaml', 'yaml', 'remark-parse', 'unified', 'mdast-util-from-markdown', 'micromark', 'compromise'],
};

export function extractorVersion(): string {
  return codeVersion(EXTRACTOR_CODE);
}

/** The renderer's code and settings; `root` a copy of the project (in tests). */
export function rendererCode(config: SiteConfig = SITE, root?: string): CodeParts {
  return {
    ...(root === undefined ? {} : { root }),
    entries: ['src/site/write-pages.ts', 'src/site/write-data-files.ts', 'src/site/eleventy-site.ts', '.eleventy.ts'],
    stopAt: ['src/pipeline'],
    packages: ['@11ty/eleventy'],
    settings: [config.siteUrl, config.pathPrefix],
  };
}

export function rendererVersion(config: SiteConfig = SITE): string {
  return codeVersion(rendererCode(config));
}

/** Files under `dir` (relative to the project), recursively, sorted. */
function filesUnder(dir: string): string[] {
  const root = join(PROJECT_ROOT, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(PROJECT_ROOT, join(e.parentPath, e.name)))
    .sort();
}

/** Settings from the environment that change what a build writes (see src/site/config.ts, src/search). */
const BUILD_SETTINGS = ['SEARCH_BUNDLE_PAGES', 'SEARCH_NEWEST_MONTH', 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];

/**
 * The version of the whole build: every module a build runs (the stages and all they import), the
 * templates and assets Eleventy reads by folder, the packages, Node, where the site is published
 * and the settings that shape the index. With the same inputs under the same build version, a
 * build writes the same site (src/pipeline/run-build.ts then does nothing).
 */
export function buildVersion(config: SiteConfig = SITE, env: NodeJS.ProcessEnv = process.env): string {
  return codeVersion({
    entries: ['src/pipeline/run-build.ts', '.eleventy.ts', ...filesUnder('templates')],
    packages: [...(EXTRACTOR_CODE.packages ?? []), '@11ty/eleventy', 'pagefind'],
    settings: [config.siteUrl, config.pathPrefix, ...BUILD_SETTINGS.map((name) => `${name}=${env[name] ?? ''}`)],
  });
}

/** The search index's code (src/search and what it imports, the search page's wire format included) and Pagefind: what its bundles are keyed by besides their inputs. */
export function searchVersion(): string {
  return codeVersion({ entries: ['src/search/build-search-index.ts'], packages: ['pagefind'] });
}
