// What the Eleventy config runs around a build (see .eleventy.ts, which only registers these):
// before it, load the archive, stop before writing anything when the articles have errors (after
// printing every problem at once), and start the search index; after Eleventy's own pages, write
// the per-item pages and the data files, wait for the index and, when Eleventy runs on its own
// (`npm start`, tests), print the build report and record the manifest. Under the build command
// (`npm run build`, src/build/build-command.ts) the command reports after swapping the new site in.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive, Message } from '../record.ts';
import { formatMessage } from '../read/messages.ts';
import { diffManifest, readManifest, writeManifest } from './manifest.ts';
import { formatReport } from './report.ts';
import { buildSession } from './session.ts';
import { cacheDirFromEnv } from './extraction-cache.ts';
import { forgetOutput } from './site-writer.ts';
import { tsImport } from 'tsx/esm/api';
import { SITE } from '../site/config.ts';
import * as pageWriter from '../site/write-pages.ts';
import * as dataWriter from '../site/write-data-files.ts';
import { buildSearchIndex, type PreviousIndex } from '../search/build-search-index.ts';

export class ArticleErrorsError extends Error {
  override name = 'ArticleErrorsError';
  /** Read by Eleventy's error handler: the stack of this error says nothing useful. */
  readonly skipOriginalStack = true;
  constructor(readonly messages: readonly Message[]) {
    const errors = messages.filter((m) => m.severity === 'error').length;
    super(`${errors} error${errors === 1 ? '' : 's'} in the articles (listed above): fix them and build again; nothing was written`);
  }
}

const started = { at: performance.now() };

/** Before Eleventy writes anything: records the problems, and throws when there is an error. */
export function checkArchive(archive: Archive): void {
  const session = buildSession();
  session.messages = archive.messages;
  session.articleCount = archive.articles.length;
  if (!archive.messages.some((m) => m.severity === 'error')) return;
  const error = new ArticleErrorsError(archive.messages);
  if (session.managed) {
    // The build command prints the problems itself; Eleventy skips errors it thinks it has logged.
    Object.defineProperty(error, '__errorAlreadyLogged', { value: true });
  } else {
    process.stderr.write(`${archive.messages.map(formatMessage).join('\n')}\n`);
  }
  throw error;
}

/** Marks the start of a build, for the report's total time under `npm start`. */
export function buildStarted(): void {
  started.at = performance.now();
}

/**
 * Starts building the search index; resolves to the milliseconds it took. The promise is kept in
 * the session, so that a build whose pages fail can wait for Pagefind before removing its folder.
 */
export function startIndexing(build: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const promise = build().then(() => performance.now() - started);
  const session = buildSession();
  session.indexing = promise.then(
    () => undefined,
    () => undefined,
  );
  // Awaited in eleventy.after; if the pages fail first, nobody awaits it: not an unhandled rejection.
  promise.catch(() => undefined);
  return promise;
}

/** After the pages and the index: the report and the manifest, unless the build command does them. */
export async function buildFinished(outputDir: string, indexMs: number, waitedMs = indexMs): Promise<void> {
  const session = buildSession();
  session.indexMs = indexMs;
  session.indexWaitMs = waitedMs;
  if (session.managed) return;
  // Eleventy wrote into the output directly: what the build command knew of its files is void.
  const cacheDir = cacheDirFromEnv();
  if (cacheDir) await forgetOutput(cacheDir, outputDir).catch(() => undefined);
  const load = session.lastLoad;
  const totalMs = performance.now() - started.at;
  let changes = null;
  if (load && load.cacheDir !== null) {
    changes = diffManifest(await readManifest(load.cacheDir, load.articlesDir, outputDir), load.manifest);
    await writeManifest(load.cacheDir, load.articlesDir, outputDir, load.manifest).catch(() => undefined);
  }
  const loadMs = load ? load.ms.read + load.ms.extract + load.ms.assemble : 0;
  const report = formatReport({
    load,
    changes,
    articleCount: session.articleCount,
    messages: session.messages,
    timings: { totalMs, renderMs: Math.max(0, totalMs - loadMs - waitedMs), indexMs, swapMs: 0 },
    output: resolve(outputDir),
    files: null,
  });
  process.stdout.write(`${report}\n`);
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

/**
 * eleventy.before, once the archive is loaded: throws when it has errors, else starts the search
 * index, which is built from the records alone, so that Pagefind (a process of its own) indexes
 * while Eleventy renders the pages. Resolves to the milliseconds the index took.
 */
export function beginBuild(archive: Archive, outputDir: string): Promise<number> {
  checkArchive(archive);
  return startIndexing(async () => {
    const summary = await buildSearchIndex(archive, join(outputDir, 'pagefind'), previousIndex(outputDir));
    buildSession().searchBundles = { indexed: summary.indexed, kept: summary.kept };
  });
}

/** The HTML base plugin's filter, which gives Eleventy's pages the path prefix (src/site/config.ts). */
export type WithBase = (this: { page: { url: string } }, content: string) => Promise<string>;

/** The path prefix's transform for the pages written outside Eleventy, or undefined when there is no prefix. */
function prefixTransform(withBase: WithBase | undefined): pageWriter.HtmlTransform | undefined {
  if (SITE.pathPrefix === '/') return undefined;
  if (!withBase) throw new Error('The HTML base plugin is not loaded, so the pages cannot be given the path prefix');
  return (content, url) => withBase.call({ page: { url } }, content);
}

export interface FinishOptions {
  outputDir: string;
  /** Under `npm start`: the writers are imported afresh, so that a change to them takes effect. */
  fresh: boolean;
  withBase: WithBase | undefined;
}

/**
 * eleventy.after: writes the pages of articles, speakers, months and quotes, nearly all of the
 * site, one at a time rather than through Eleventy, which would hold them all in memory
 * (src/site/write-pages.ts), and the data files piece by piece for the same reason; then waits for
 * the search index and reports.
 */
export async function finishBuild(archive: Archive, indexing: Promise<number>, { outputDir, fresh, withBase }: FinishOptions): Promise<void> {
  // Eleventy re-imports a template, and the src/ modules it uses, when they change under `npm start`,
  // but not the modules the config imports: there the writers are imported afresh on every build.
  const { writePages } = fresh ? ((await tsImport('../site/write-pages.ts', import.meta.url)) as typeof pageWriter) : pageWriter;
  const { writeDataFiles } = fresh ? ((await tsImport('../site/write-data-files.ts', import.meta.url)) as typeof dataWriter) : dataWriter;
  const session = buildSession();
  const unchanged = session.managed ? session.outputFiles : null;
  // Only the build command keeps the output manifest that remembers what each page was rendered from.
  const written = await writePages(archive, outputDir, {
    transform: prefixTransform(withBase),
    unchanged,
    rendererVersion: session.managed ? session.rendererVersion : null,
  });
  session.pagesWritten = written.files;
  // Pages, as the report counts them: a speaker's feed is rendered beside their page, not counted as one.
  session.pagesRendered = written.rendered.filter((rel) => rel.endsWith('.html')).length;
  session.pagesWritten.push(...(await writeDataFiles(archive, outputDir, unchanged)));
  const waiting = performance.now();
  const indexMs = await indexing;
  // The build report (or, under `npm run build`, the timing for the command's report).
  await buildFinished(outputDir, indexMs, performance.now() - waiting);
}
