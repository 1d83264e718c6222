// One build into an output folder, as stages: load (read, extract, archive) → index, started to run
// while → render → publish → report. Each stage is a function of values (src/pipeline/*.ts); this
// module calls them in order and owns what lives around them: the lock, the temporary folder, the
// signals, and what a failure prints.
//
// - One build per output folder at a time (a lock file beside it); a second build waits.
// - The pages and the search index are rendered into a temporary folder beside the output
//   (`_site.tmp-<pid>-…`); only when all of it is complete does the output change (publish.ts). A
//   build that fails leaves the previous site exactly as it was.
// - Errors in the articles stop the build before anything is rendered; all problems are printed
//   together with file:line:column; warnings do not stop it.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive } from '../record.ts';
import type { SiteFile } from '../io/site-files.ts';
import type { OutputFiles } from '../site/write-pages.ts';
import { acquireLock } from './lock.ts';
import { abandonBuild, type BuildPaths } from './build-paths.ts';
import { cacheDirFromEnv } from './extraction-cache.ts';
import { changesSince, finishBuild, PROBLEMS_FILE } from './finish-build.ts';
import { indexSite } from './index-site.ts';
import { loadFrom, manifestOf, readSource, type SourceRead } from './load-articles.ts';
import { diffManifest, readManifest, type Changes } from './manifest.ts';
import { checkOutput, publishSite, recordedOutput, recoverInterrupted, upToDate, type BuildRecord, type FileState, type PreviousOutput } from './publish.ts';
import { preloadEleventy, renderSite, type Rendered } from './render-site.ts';
import { formatProblems, formatReport, selectProblems } from './report.ts';
import { buildVersion, extractorVersion, rendererVersion } from './versions.ts';
import { hashOf } from '../io/hash.ts';

/** Files without which the site is not complete: never publish a site that lacks one. */
export const REQUIRED_FILES = ['index.html', 'pagefind/bundles.json', 'pagefind/quote-counts.json'];

export interface BuildOptions {
  output: string;
  allWarnings: boolean;
  verbose: boolean;
  /** Write every file, not only those that changed. */
  clean: boolean;
}

/** Thrown by a stage for a problem the build reports as it is (no stack). */
export class BuildStopped extends Error {
  override name = 'BuildStopped';
}

/** Temporary folders of builds that died (their process is gone), left beside the output. */
async function removeLeftovers(output: string): Promise<void> {
  const parent = dirname(output);
  const prefix = `${basename(output)}.`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const match = name.startsWith(prefix) ? /^(?:tmp|old)-(\d+)-/.exec(name.slice(prefix.length)) : null;
    if (match && !isAlive(Number(match[1]))) await rm(join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The files the output holds as they were recorded (`kept`), for the stages that keep what did not change. */
function outputFiles(dir: string, kept: Record<string, FileState>): OutputFiles {
  const hashes = new Map<string, string>();
  const inputKeys = new Map<string, string>();
  for (const [rel, [hash, , , inputKey]] of Object.entries(kept)) {
    hashes.set(rel, hash);
    if (inputKey) inputKeys.set(rel, inputKey);
  }
  return { dir, hashes, inputKeys };
}

/** The problems of the articles, when one is an error: printed, and the build stops before rendering. */
function stopOnArticleErrors(archive: Archive, changes: Changes | null, allWarnings: boolean): void {
  const messages = archive.messages;
  const selection = selectProblems(messages, changes, allWarnings);
  const errors = selection.errors.length;
  if (errors === 0) return;
  const warnings = messages.length - errors;
  throw new BuildStopped(
    [...formatProblems(selection, null), `Build failed: ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in the articles. Fix the errors and build again.`].join('\n'),
  );
}

function checkComplete(files: SiteFile[]): void {
  const present = new Set(files.map((f) => f.rel));
  const missing = REQUIRED_FILES.filter((f) => !present.has(f));
  if (missing.length > 0) throw new Error(`the new site is incomplete (missing ${missing.join(', ')})`);
}

/** The key of a build: its version (the code, packages and settings) and every input it reads. */
function buildKey(read: SourceRead): string {
  const inputs = 'json' in read ? { json: read.hash } : manifestOf(read.folder, '');
  return hashOf(buildVersion(), '\0', JSON.stringify(inputs));
}

type Built = { report: string; garbage: string | null };

/** The report of a build that found the output built from the same key and intact: nothing is done. */
async function reportUpToDate(record: BuildRecord, read: SourceRead, output: string, started: number): Promise<Built> {
  const load = 'folder' in read ? { dir: read.folder.dir, manifest: manifestOf(read.folder, extractorVersion()) } : null;
  const cacheDir = cacheDirFromEnv();
  const changes = load && cacheDir ? diffManifest(await readManifest(cacheDir, load.dir, output), load.manifest) : null;
  const totalMs = performance.now() - started;
  const problems = cacheDir && record.messages.length > 0 ? join(cacheDir, PROBLEMS_FILE) : null;
  const fullListAt = problems && existsSync(problems) ? problems : null;
  const report = formatReport({ load: null, changes, articleCount: record.articleCount, messages: record.messages, output, timings: { totalMs, renderMs: 0, indexMs: 0, publishMs: 0 }, files: null, upToDate: true, fullListAt });
  return { report, garbage: null };
}

/** The stages, from the article folder to the published site; returns the report, and what is no longer part of the output. */
async function buildStages(paths: BuildPaths, options: BuildOptions, version: string): Promise<Built> {
  const started = performance.now();
  const { output, temp } = paths;
  const cacheDir = cacheDirFromEnv();
  if (await recoverInterrupted(output, cacheDir)) process.stderr.write(`The previous build stopped while updating ${output}; its changes were finished first.\n`);
  await removeLeftovers(output);
  // At once: the article files are read here while another thread checks the output's files.
  const reading = readSource();
  reading.catch(() => undefined);
  const recorded = await recordedOutput(output, cacheDir, options.clean);
  const checking = checkOutput(output, recorded);
  checking.catch(() => undefined);
  const read = await reading;
  const key = buildKey(read);
  // Built from this key, the output may be up to date: its files say. From another, the archive
  // loads while they are checked.
  if (recorded.manifest?.build?.key === key) {
    const record = upToDate(await checking, key);
    if (record) return reportUpToDate(record, read, output, started);
  }
  preloadEleventy();
  const source = await loadFrom(read, { cacheDir });
  const previous: PreviousOutput = await checking;
  const changes = await changesSince(source.load, output);
  stopOnArticleErrors(source.archive, changes, options.allWarnings);
  const unchanged = previous.manifest ? outputFiles(output, previous.kept) : null;

  const renderStarted = performance.now();
  const index = indexSite(source.archive, temp, unchanged);
  // Awaited below; failing while the pages render, it must not count as an unhandled rejection.
  index.catch(() => undefined);
  let rendered: Rendered;
  try {
    rendered = await renderSite(source.archive, { outputDir: temp, unchanged, rendererVersion: version, verbose: options.verbose });
  } catch (error) {
    // Pagefind may still be writing into the temporary folder, which goes when the build ends.
    await index.catch(() => undefined);
    throw error;
  }
  const indexed = await index;
  const renderMs = performance.now() - renderStarted;

  const files = [...rendered.files, ...indexed.files];
  checkComplete(files);
  const publishStarted = performance.now();
  const built: BuildRecord = { key, articleCount: source.archive.articles.length, messages: [...source.archive.messages] };
  const published = await publishSite(output, temp, files, previous, cacheDir, built);
  const publishMs = performance.now() - publishStarted;
  const report = await finishBuild({
    articleCount: source.archive.articles.length,
    messages: source.archive.messages,
    load: source.load,
    changes,
    output,
    timings: { totalMs: performance.now() - started, renderMs, indexMs: indexed.ms, publishMs },
    files: files.length,
    pages: rendered.pages,
    write: published.summary,
    search: indexed.bundles,
    allWarnings: options.allWarnings,
  });
  return { report, garbage: published.garbage };
}

function failure(error: unknown, output: string): string {
  const message = error instanceof BuildStopped ? error.message : `Build failed: ${(error as Error)?.stack ?? String(error)}`;
  return `${message}\n${existsSync(output) ? `The site in ${output} was left as it was.` : `Nothing was written to ${output}.`}\n`;
}

/**
 * Builds the site into `options.output` (see the module comment); `onStarted` learns where it
 * writes once it holds the lock, for a caller that must clean up after it (build-thread.ts).
 */
export async function runBuild(options: BuildOptions, onStarted?: (paths: BuildPaths) => void): Promise<number> {
  // Before waiting for another build: the version must not be newer than the code this process
  // runs, or pages rendered by old code would be recorded under the new version.
  const version = rendererVersion();
  const output = resolve(options.output);
  await mkdir(dirname(output), { recursive: true });
  const lock = await acquireLock(`${output}.lock`, {
    onWait: (owner) =>
      process.stderr.write(`Another build (${owner ? `process ${owner.pid}, started ${owner.started}` : 'starting'}) is writing ${output}; waiting for it to finish…\n`),
  });
  const paths: BuildPaths = { output, temp: `${output}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`, lock: lock.path };
  onStarted?.(paths);
  const onSignal = (signal: NodeJS.Signals) => {
    abandonBuild(paths);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let garbage: string | null = null;
  try {
    const built = await buildStages(paths, options, version);
    garbage = built.garbage;
    process.stdout.write(`${built.report}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(failure(error, output));
    return 1;
  } finally {
    await rm(paths.temp, { recursive: true, force: true });
    await lock.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // The old site (or the unchanged rest of the temporary folder) is no longer part of the output.
    if (garbage) await rm(garbage, { recursive: true, force: true });
  }
}
