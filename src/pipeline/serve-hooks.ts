// The build as Eleventy runs it on its own (`npm start`, and the tests that run Eleventy's command
// line): the same stages as `npm run build` (run-build.ts), hooked into Eleventy's build events by
// .eleventy.ts, writing in place into the folder Eleventy writes to. Before Eleventy renders: load
// the archive (stopping, after printing every problem, when the articles have errors) and start
// the search index and the per-item pages and data files, which are written while Eleventy renders
// its own; after: both awaited (under `npm start`, after Eleventy's build: see `serveHooks`), the
// report. What one build learns, and what the last one wrote, travel in the closure of
// `serveHooks`, not in globals.
import { watch } from 'node:fs';
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
import { isArticleFile } from '../archive/article-files.ts';
import { CORRECTIONS_FILE } from '../archive/corrections-file.ts';
import { PEOPLE_FILE } from '../archive/load-archive.ts';
import { articlesDir } from '../site/archive-source.ts';
import { ARTICLES_JSON_URL, QUOTES_CSV_URL } from '../site/urls.ts';
import type { SiteFile } from '../io/site-files.ts';
import type { OutputFiles } from '../site/write-pages.ts';
import { trace } from '../io/trace.ts';

export class ArticleErrorsError extends Error {
  override name = 'ArticleErrorsError';
  /** Read by Eleventy's error handler: the stack of this error says nothing useful. */
  readonly skipOriginalStack = true;
  constructor(readonly messages: readonly Message[]) {
    const errors = messages.filter((m) => m.severity === 'error').length;
    super(`${errors} error${errors === 1 ? '' : 's'} in the articles (listed above): fix them and build again; nothing was written`);
  }
}

/** Prints every problem (unless `quiet`) and throws when one is an error: Eleventy then stops before writing. */
function checkArchive(archive: Archive, quiet: boolean): void {
  if (!archive.messages.some((m) => m.severity === 'error')) return;
  if (!quiet) process.stderr.write(`${archive.messages.map(formatMessage).join('\n')}\n`);
  throw new ArticleErrorsError(archive.messages);
}

/** A build that gave way to the next before it wrote anything. */
class SupersededError extends Error {
  override name = 'SupersededError';
}

/** One build under Eleventy: what the `after` hook needs of the `before` hook. */
interface ServedBuild {
  started: number;
  source: Source;
  /** The pages of articles, speakers, months and quotes and the data files, written while Eleventy renders its own (and after, under `npm start`). */
  pages: Promise<WrittenServed>;
  index: Promise<Omit<Indexed, 'files'>>;
  /** How many builds this process had begun when this one did. */
  number: number;
}

/**
 * A build from the moment it begins: the next one stops it at once (`abort`), and writes once its
 * pages are done or stopped (`settled`), or it failed before writing any.
 */
interface BuildSlot {
  abort: AbortController;
  settled: Promise<unknown>;
}

/** What a build wrote of its per-item pages and data files, and whether it stopped for the next build. */
interface WrittenServed {
  files: SiteFile[];
  aborted: boolean;
}

/**
 * What the output holds as this process's builds wrote it, by path inside it: each file's hash and
 * the key of the inputs it was rendered from. Updated file by file as a build writes, so that it
 * stays true of the disk when a build gives way half-way to the next one; a page the last build
 * did not reach is as the one before wrote it.
 */
class ServedOutput implements OutputFiles {
  readonly hashes = new Map<string, string>();
  readonly inputKeys = new Map<string, string>();
  constructor(readonly dir: string) {}

  forget(rel: string): void {
    this.hashes.delete(rel);
    this.inputKeys.delete(rel);
  }

  record(file: SiteFile): void {
    this.hashes.set(file.rel, file.hash);
    if (file.inputKey) this.inputKeys.set(file.rel, file.inputKey);
    else this.inputKeys.delete(file.rel);
  }
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
 * The per-item pages, the data files and the assets, in place. `served` is what the builds of this
 * process wrote there (null: nothing known): a page whose inputs are the same is not rendered, one
 * that comes out the same not written, so that a dropped article's page is there within a second or
 * two at 5,000 articles; `output` learns of each file as it is done. Aborted by `signal` (the next
 * build began), it stops after the pages under way, the data files not begun.
 */
async function writeServedPages(
  archive: Archive,
  config: EleventyConfig,
  outputDir: string,
  writers: Writers,
  served: OutputFiles | null,
  output: ServedOutput,
  signal: AbortSignal,
  onArticleWritten: () => void,
  holdAfterArticle: () => Promise<void>,
): Promise<WrittenServed> {
  const { writePages, writeDataFiles } = writers;
  const version = rendererVersion();
  const onFile = (file: SiteFile) => output.record(file);
  const pages = await writePages(archive, outputDir, { transform: prefixTransform(config), unchanged: served, rendererVersion: version, onArticleWritten, signal, onFile, holdAfterArticle });
  trace(pages.aborted ? 'build: per-item pages stopped for the next build' : 'build: per-item pages written');
  if (pages.aborted) return { files: pages.files, aborted: true };
  try {
    const [data] = await Promise.all([writeDataFiles(archive, outputDir, served, version, signal), writeAssets(outputDir)]);
    data.forEach(onFile);
    return { files: [...pages.files, ...data], aborted: false };
  } catch (error) {
    if (!signal.aborted) throw error;
    // Stopped half-way, a data file may be cut short: the next build writes both again.
    for (const url of [ARTICLES_JSON_URL, QUOTES_CSV_URL]) output.forget(url.slice(1));
    return { files: pages.files, aborted: true };
  }
}

/** After Eleventy's pages: the per-item pages and the index awaited, the report (none for a build that gave way to the next). */
async function finishServed(build: ServedBuild, outputDir: string): Promise<void> {
  const { archive, load } = build.source;
  trace('build: Eleventy wrote its pages');
  const written = await build.pages;
  trace('build: per-item pages and data files written');
  const indexed = await build.index;
  trace('build: index written');
  if (written.aborted) {
    process.stdout.write('Articles changed again while the pages were written: the next build writes the rest.\n');
    return;
  }
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
  trace('build: done');
}

/** A build begun when the article folder changed, before Eleventy's (see `watchArticles`). */
interface EarlyBuild {
  build: Promise<ServedBuild>;
  /** How many changes the folder had seen when it began reading. */
  changes: number;
  /** Lets its pages after the changed article's go on (Eleventy's build has begun). */
  go: () => void;
}

/** The builds of one `npm start` process (or one Eleventy command line run), and what they share. */
class ServeSession {
  private build: Promise<ServedBuild> | null = null;
  /** The last build begun: the next one stops its pages and waits for them. */
  private current: BuildSlot | null = null;
  /** What this process's builds wrote into the output; null when one failed while writing. */
  private served: ServedOutput | null = null;
  /** The search index of the last build: one index at a time writes into the folder. */
  private indexing: Promise<unknown> = Promise.resolve();
  /** The writers the pages are written with, and whether src/ changed since they were imported. */
  private writers = IMPORTED;
  private codeChanged = false;
  /** What the last build's archive was made of, so that an unchanged article costs this one little. */
  private memo = new LoadMemo();
  private begun = 0;
  private early: EarlyBuild | null = null;
  private changes = 0;
  private watcher: ArticleWatcher | null = null;

  constructor(private readonly eleventyConfig: EleventyConfig) {}

  /** Registers the session's hooks and the site (whose archive is the current build's). */
  register(): void {
    const config = this.eleventyConfig;
    config.on('eleventy.beforeWatch', async (changed: string[]) => {
      if (changed.some(isCodeChange)) this.codeChanged = true;
    });
    config.on('eleventy.before', ({ directories, runMode }) => this.beforeEleventy(directories.output, runMode));
    registerSite(config, async () => {
      if (!this.build) throw new Error('The archive was asked for before the build began');
      return (await this.build).source.archive;
    });
    config.on('eleventy.after', ({ directories, runMode }) => this.afterEleventy(directories.output, runMode));
  }

  /** Begins a build: the one before stops its pages, and this one's wait for them. */
  private begin(outputDir: string, quiet: boolean, eleventyBegun: () => Promise<void>): Promise<ServedBuild> {
    const started = performance.now();
    const number = ++this.begun;
    this.memo.results.stopPreparing();
    const before = this.current;
    before?.abort.abort();
    const abort = new AbortController();
    let settle = () => {};
    this.current = { abort, settled: new Promise<void>((resolve) => (settle = resolve)) };
    const building = this.runBuild({ outputDir, quiet, eleventyBegun, started, number, before, abort: abort.signal, settle });
    // Failing before it writes, the next build need not wait for it.
    building.catch(settle);
    return building;
  }

  /** The build `begin` began, until its first changed article page is written. */
  private async runBuild(b: {
    outputDir: string;
    quiet: boolean;
    eleventyBegun: () => Promise<void>;
    started: number;
    number: number;
    before: BuildSlot | null;
    abort: AbortSignal;
    settle: () => void;
  }): Promise<ServedBuild> {
    if (this.codeChanged) {
      this.codeChanged = false;
      this.writers = await freshWriters();
      this.memo = new LoadMemo();
    }
    trace('build: begin');
    const source = await loadSource(process.env, { memo: this.memo });
    trace('build: archive loaded');
    checkArchive(source.archive, b.quiet);
    // What the disk holds once the pages of the build before are done or stopped.
    await b.before?.settled;
    if (b.abort.aborted) throw new SupersededError('the articles changed again before this build wrote anything');
    const previous = this.served;
    // Forgotten until this build's pages are done: a failed one may have written a page half-way.
    this.served = null;
    const output = previous ?? new ServedOutput(b.outputDir);
    // The pages first: the index makes its bundles' keys before it waits for anything.
    let articleWritten = () => {};
    const articleFirst = new Promise<void>((resolve) => (articleWritten = resolve));
    const pages = writeServedPages(source.archive, this.eleventyConfig, b.outputDir, this.writers, previous, output, b.abort, () => articleWritten(), b.eleventyBegun);
    pages.then(() => (this.served = output), () => undefined).finally(b.settle);
    const index = this.indexing.then(() => indexInPlace(source.archive, b.outputDir));
    this.indexing = index.catch(() => undefined);
    // Both awaited after Eleventy's pages; if those fail first, nobody awaits them: not unhandled rejections.
    index.catch(() => undefined);
    pages.catch(() => undefined);
    // Eleventy renders its pages on this thread once this returns, and held a dropped article's
    // page, written meanwhile, back by 0.4 s at 5,000 articles: the first changed article page
    // (the dropped one, or its neighbour by date just before it) goes first. Waiting for all 5,000
    // article pages instead held Eleventy's home page back by a second.
    await Promise.race([articleFirst, pages.then(() => undefined, () => undefined)]);
    trace('build: first article page written; Eleventy renders');
    return { started: b.started, source, pages, index, number: b.number };
  }

  /** A build begun by the folder's change, whose pages after the changed article's wait for Eleventy's build. */
  private startEarly(outputDir: string): void {
    const seen = this.changes;
    let go = () => {};
    const eleventyBegun = new Promise<void>((resolve) => {
      go = resolve;
      // Should Eleventy not build for this change, the pages go on without it.
      setTimeout(resolve, HOLD_FOR_ELEVENTY_MS).unref();
    });
    const started = this.begin(outputDir, true, () => eleventyBegun);
    started.catch(() => undefined);
    this.early = { build: started, changes: seen, go };
  }

  /** Eleventy's build begins: it takes the build begun early, or begins one. */
  private async beforeEleventy(outputDir: string, runMode: string): Promise<void> {
    trace('eleventy: build starts');
    const dir = articlesDir();
    if (runMode !== 'build' && !this.watcher && dir) {
      this.watcher = watchArticles(dir, () => {
        this.changes++;
        // The pages of the build before stop at once, so that this one has the thread.
        this.current?.abort.abort();
      }, () => this.startEarly(outputDir));
    }
    this.watcher?.cancelPending();
    // The build the folder's change began is this one, unless the folder or the code changed since it began reading.
    const early = this.early;
    const mine = early && early.changes === this.changes && !this.codeChanged ? early : null;
    this.early = null;
    // Its pages after the changed article's wait for Eleventy's build to begin (HOLD_FOR_ELEVENTY_MS).
    mine?.go();
    this.build = mine && (await mine.build.then(() => true, () => false)) ? mine.build : this.begin(outputDir, false, async () => undefined);
    await this.build;
  }

  /** Eleventy's pages are done: the rest of the build finishes, awaited only under the command line. */
  private async afterEleventy(outputDir: string, runMode: string): Promise<void> {
    // The archive is global data, so every build has loaded it; if not, shipping without search is a bug.
    if (!this.build) throw new Error('The archive was not loaded during the build, so there is nothing to index');
    const done = await this.build;
    const finished = finishServed(done, outputDir).then(() => {
      // While nothing changes, the next build's results are parsed ahead (extraction-cache.ts).
      if (this.begun === done.number) this.memo.results.prepare().catch(() => undefined);
    });
    // A build of Eleventy's command line (the tests) is over when all is written.
    if (runMode === 'build') return finished;
    finished.catch((error: unknown) => process.stderr.write(`The build failed after Eleventy's pages: ${(error as Error)?.stack ?? String(error)}\n`));
  }
}

/**
 * Registers the site and the build around Eleventy's own (see the module comment).
 *
 * Under `npm start` (Eleventy's watch and serve modes) Eleventy's build ends with its own pages:
 * the per-item pages, the data files, the search index and the report finish after it, so that
 * Eleventy, which holds a change back until its build is over, starts the next build at once (a
 * build went on 3-9 s after its drop at 5,000 articles, keying 35,000 pages, and the next drop's
 * page waited for it). The next build stops the pages of the one before (those not yet reached are
 * its own to write, from what is on disk: `ServedOutput`), and indexes after its index, which
 * writes into the same folder. The last build thus leaves the site a build of the articles as they
 * are would make.
 */
export function serveHooks(eleventyConfig: EleventyConfig): void {
  new ServeSession(eleventyConfig).register();
}

/** Watches the article folder for `npm start`; `cancelPending` forgets a change not yet acted on. */
interface ArticleWatcher {
  cancelPending(): void;
}

/**
 * Quiet time after an article file changes before a build begins: an editor's save is one write or
 * two, a few milliseconds apart (Eleventy waits 50 ms for a file to stand still, and 0.3 s passed
 * between a drop and its build at 5,000 articles).
 */
const QUIET_MS = 20;

/**
 * How long the pages of a build begun early wait, once the changed article's page is written, for
 * Eleventy's build to begin: Eleventy starts its build on this thread (reading its templates anew),
 * and with 35,000 pages keyed meanwhile it began 4.5 s after the drop at 5,000 articles instead of
 * 0.3 s.
 */
const HOLD_FOR_ELEVENTY_MS = 3000;

/**
 * Watches the article folder itself (Eleventy's watcher tells only once its build is ready to
 * begin): on each change of an article or a file beside them, `onChange` at once, and `onQuiet`
 * once it has been quiet for QUIET_MS. A build begun early whose file was caught half-written is
 * followed by the next change's build; what Eleventy then builds is checked to be what the early
 * build read.
 */
function watchArticles(dir: string, onChange: () => void, onQuiet: () => void): ArticleWatcher {
  let timer: NodeJS.Timeout | null = null;
  const cancelPending = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const relevant = (name: string | null) => name === null || isArticleFile(name) || name === PEOPLE_FILE || name === CORRECTIONS_FILE;
  const watcher = watch(dir, (_event, name) => {
    if (!relevant(name)) return;
    onChange();
    cancelPending();
    timer = setTimeout(() => {
      timer = null;
      onQuiet();
    }, QUIET_MS);
  });
  // Eleventy's watcher keeps `npm start` running; this one must not keep a finished process alive.
  watcher.unref();
  watcher.on('error', () => watcher.close());
  return { cancelPending };
}
