// The build as Eleventy runs it on its own (`npm start`, and the tests that run Eleventy's command
// line): the same stages as `npm run build` (run-build.ts), hooked into Eleventy's build events by
// .eleventy.ts, writing in place into the folder Eleventy writes to. Before Eleventy renders: load
// the archive (stopping, after printing every problem, when the articles have errors) and start
// the search index and the per-item pages and data files, which are written while Eleventy renders
// its own; after: both awaited, the report. What one build learns, and what the last one wrote,
// travel in the closure of `serveHooks`, not in globals.
import { relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';
import type { Archive, Message } from '../record.ts';
import { formatMessage } from '../read/messages.ts';
import { prefixTransform, registerSite, type EleventyConfig } from '../site/eleventy-site.ts';
import * as pageWriter from '../site/write-pages.ts';
import * as dataWriter from '../site/write-data-files.ts';
import { writeAssets } from '../site/assets.ts';
import { cacheDirFromEnv } from './extraction-cache.ts';
import { changesSince, finishBuild } from './finish-build.ts';
import { indexInPlace, type Indexed } from './index-site.ts';
import { LoadMemo, loadSource, type Source } from './load-articles.ts';
import { forgetOutput } from './publish.ts';
import { rendererVersion } from './versions.ts';
import type { SiteFile } from '../io/site-files.ts';
import type { OutputFiles } from '../site/write-pages.ts';

export class ArticleErrorsError extends Error {
  override name = 'ArticleErrorsError';
  /** Read by Eleventy's error handler: the stack of this error says nothing useful. */
  readonly skipOriginalStack = true;
  constructor(readonly messages: readonly Message[]) {
    const errors = messages.filter((m) => m.severity === 'error').length;
    super(`${errors} error${errors === 1 ? '' : 's'} in the articles (listed above): fix them and build again; nothing was written`);
  }
}

/** Prints every problem and throws when one is an error: Eleventy then stops before writing. */
function checkArchive(archive: Archive): void {
  if (!archive.messages.some((m) => m.severity === 'error')) return;
  process.stderr.write(`${archive.messages.map(formatMessage).join('\n')}\n`);
  throw new ArticleErrorsError(archive.messages);
}

/** One build under Eleventy: what the `after` hook needs of the `before` hook. */
interface ServedBuild {
  started: number;
  source: Source;
  /** The pages of articles, speakers, months and quotes and the data files, written while Eleventy renders its own. */
  pages: Promise<SiteFile[]>;
  index: Promise<Omit<Indexed, 'files'>>;
}

type Writers = { writePages: typeof pageWriter.writePages; writeDataFiles: typeof dataWriter.writeDataFiles };

/** The writers this module imported. */
const IMPORTED: Writers = { writePages: pageWriter.writePages, writeDataFiles: dataWriter.writeDataFiles };

/**
 * The writers imported afresh, for `npm start` after a change in src/: Eleventy re-imports a
 * template, and the src/ modules it uses, when they change, but not the modules the config imports.
 * Only then: fresh modules run cold (a fresh module's functions are compiled anew), and keying the
 * 40,000 pages of 5,000 articles took 3 s in them instead of 1 s.
 */
async function freshWriters(): Promise<Writers> {
  const pages = (await tsImport('../site/write-pages.ts', import.meta.url)) as typeof pageWriter;
  const data = (await tsImport('../site/write-data-files.ts', import.meta.url)) as typeof dataWriter;
  return { writePages: pages.writePages, writeDataFiles: data.writeDataFiles };
}

/** True when a path Eleventy reports as changed is under src/ (relative to the working folder, where `npm start` runs). */
export function isCodeChange(path: string): boolean {
  const rel = relative(process.cwd(), resolve(path)).split(sep).join('/');
  return rel.startsWith('src/');
}

/**
 * The per-item pages, the data files and the assets, in place. `served` is what the last build of this process
 * wrote there: a page whose inputs are the same is not rendered, one that comes out the same not
 * written, so that a dropped article's page is there within a second or two at 5,000 articles.
 */
async function writeServedPages(archive: Archive, config: EleventyConfig, outputDir: string, writers: Writers, served: OutputFiles | null, onArticleWritten: () => void): Promise<SiteFile[]> {
  const { writePages, writeDataFiles } = writers;
  const version = rendererVersion();
  const pages = await writePages(archive, outputDir, { transform: prefixTransform(config), unchanged: served, rendererVersion: version, onArticleWritten });
  const [data] = await Promise.all([writeDataFiles(archive, outputDir, served, version), writeAssets(outputDir)]);
  return [...pages.files, ...data];
}

/** What the output holds after a build wrote `files` into `dir`, for the next build of this process. */
function servedFiles(dir: string, files: SiteFile[]): OutputFiles {
  return {
    dir,
    hashes: new Map(files.map((f) => [f.rel, f.hash])),
    inputKeys: new Map(files.flatMap((f) => (f.inputKey ? [[f.rel, f.inputKey] as const] : []))),
  };
}

/** After Eleventy's pages: the per-item pages and the index awaited, the report. */
async function finishServed(build: ServedBuild, outputDir: string): Promise<SiteFile[]> {
  const { archive, load } = build.source;
  const files = await build.pages;
  const indexed = await build.index;
  // Eleventy wrote into the output directly: what the build command knew of its files is void.
  const cacheDir = cacheDirFromEnv();
  if (cacheDir) await forgetOutput(cacheDir, outputDir).catch(() => undefined);
  const totalMs = performance.now() - build.started;
  const report = await finishBuild({
    load,
    changes: await changesSince(load, outputDir),
    articleCount: archive.articles.length,
    messages: archive.messages,
    output: outputDir,
    timings: { totalMs, renderMs: totalMs - (load ? load.ms.read + load.ms.extract + load.ms.assemble : 0), indexMs: indexed.ms, publishMs: 0 },
    files: null,
    search: indexed.bundles,
  });
  process.stdout.write(`${report}\n`);
  return files;
}

/** Registers the site and the build around Eleventy's own (see the module comment). */
export function serveHooks(eleventyConfig: EleventyConfig): void {
  let build: Promise<ServedBuild> | null = null;
  // What this process's last successful build wrote into the output; null after a failed one.
  let served: OutputFiles | null = null;
  // The writers the pages are written with, and whether src/ changed since they were imported.
  let writers = IMPORTED;
  let codeChanged = false;
  // What the last build's archive was made of, so that an unchanged article costs this one little.
  let memo = new LoadMemo();
  const begin = async (outputDir: string, previous: OutputFiles | null): Promise<ServedBuild> => {
    const started = performance.now();
    if (codeChanged) {
      codeChanged = false;
      writers = await freshWriters();
      memo = new LoadMemo();
    }
    const source = await loadSource(process.env, { memo });
    checkArchive(source.archive);
    // The pages first: the index makes its bundles' keys before it waits for anything.
    let articleWritten = () => {};
    const articleFirst = new Promise<void>((resolve) => (articleWritten = resolve));
    const pages = writeServedPages(source.archive, eleventyConfig, outputDir, writers, previous, () => articleWritten());
    const index = indexInPlace(source.archive, outputDir);
    // Both awaited after Eleventy's pages; if those fail first, nobody awaits them: not unhandled rejections.
    index.catch(() => undefined);
    pages.catch(() => undefined);
    // Eleventy renders its pages on this thread once this returns, and held a dropped article's
    // page, written meanwhile, back by 0.4 s at 5,000 articles: the first changed article page
    // (the dropped one, or its neighbour by date just before it) goes first. Waiting for all 5,000
    // article pages instead held Eleventy's home page back by a second.
    await Promise.race([articleFirst, pages.then(() => undefined, () => undefined)]);
    return { started, source, pages, index };
  };
  eleventyConfig.on('eleventy.beforeWatch', async (changed: string[]) => {
    if (changed.some(isCodeChange)) codeChanged = true;
  });
  eleventyConfig.on('eleventy.before', async ({ directories }) => {
    // Forgotten until this build succeeds: a failed one may have written some pages and not others.
    const previous = served;
    served = null;
    build = begin(directories.output, previous);
    await build;
  });
  registerSite(eleventyConfig, async () => {
    if (!build) throw new Error('The archive was asked for before the build began');
    return (await build).source.archive;
  });
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    // The archive is global data, so every build has loaded it; if not, shipping without search is a bug.
    if (!build) throw new Error('The archive was not loaded during the build, so there is nothing to index');
    const files = await finishServed(await build, directories.output);
    served = servedFiles(directories.output, files);
  });
}
