// `npm run build [-- --output DIR] [--clean] [--all-warnings] [--verbose]`: builds the site the safe way.
//
// - One build per output folder at a time (a lock file beside it); a second build waits.
// - Eleventy's pages are rendered in memory; the per-item pages (src/site/write-pages.ts) and the
//   search index are written into a temporary folder beside the output (`_site.tmp-<pid>-…`);
//   only when all of it is complete does the output change: by swapping the folders, or on a
//   rebuild by moving in just the changed files through a journal
//   (src/build/site-writer.ts). A build that fails leaves the previous site exactly as it was.
// - Errors in the articles stop the build before anything is written; all problems are printed
//   together with file:line:column; warnings do not stop it.
// - At the end, a report: articles added, changed and removed since the last build, what was
//   extracted and what came from the cache, the problems, and where the time went.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { formatMessage } from '../read/messages.ts';
import { ArticleErrorsError } from './eleventy-hooks.ts';
import { acquireLock } from './lock.ts';
import { buildHeapLimit } from './heap-limit.ts';
import { runBuildInThread } from './build-thread.ts';
import { abandonBuild, type BuildPaths } from './build-paths.ts';
import { diffManifest, readManifest, writeManifest, type Changes } from './manifest.ts';
import { formatProblems, formatReport, selectProblems } from './report.ts';
import type { Message } from '../record.ts';
import { rendererVersion } from './renderer-version.ts';
import { buildSession } from './session.ts';
import { cacheDirFromEnv, ExtractionCache } from './extraction-cache.ts';
import { folderFiles, pageFile, previousOutput, recoverInterrupted, writeSite, type FileState, type SiteFile } from './site-writer.ts';
import type { OutputFiles } from '../site/write-pages.ts';

export const DEFAULT_OUTPUT = '_site';
const CONFIG = '.eleventy.ts';
/** Files without which the site is not complete: never swap in a site that lacks one. */
export const REQUIRED_FILES = ['index.html', 'pagefind/bundles.json', 'pagefind/quote-counts.json'];

interface Options {
  output: string;
  allWarnings: boolean;
  verbose: boolean;
  /** Write every file, not only those that changed. */
  clean: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { output: DEFAULT_OUTPUT, allWarnings: false, verbose: false, clean: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--all-warnings') options.allWarnings = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--clean') options.clean = true;
    else if (arg === '--output' || arg === '-o') options.output = args[++i] ?? '';
    else if (arg.startsWith('--output=')) options.output = arg.slice('--output='.length);
    else return `unknown argument ${arg}`;
  }
  if (!options.output) return '--output needs a folder';
  return options;
}

/** Temporary folders of builds that died (their process is gone), left beside the output. */
async function removeLeftovers(output: string): Promise<void> {
  const parent = dirname(output);
  const prefix = `${basename(output)}.`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const match = name.startsWith(prefix) ? /^(?:tmp|old)-(\d+)-/.exec(name.slice(prefix.length)) : null;
    if (!match) continue;
    const pid = Number(match[1]);
    let alive = pid === process.pid;
    try {
      if (!alive) process.kill(pid, 0);
      alive = true;
    } catch (error) {
      alive = (error as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!alive) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/** The files the output holds as they were recorded (`kept`), for the page writer. */
function outputFiles(dir: string, kept: Record<string, FileState>): OutputFiles {
  const hashes = new Map<string, string>();
  const inputKeys = new Map<string, string>();
  for (const [rel, [hash, , , inputKey]] of Object.entries(kept)) {
    hashes.set(rel, hash);
    if (inputKey) inputKeys.set(rel, inputKey);
  }
  return { dir, hashes, inputKeys };
}

/** What changed in the articles since the last successful build into `output`. */
async function changesSinceLastBuild(output: string): Promise<Changes | null> {
  const load = buildSession().lastLoad;
  if (!load || load.cacheDir === null) return null;
  return diffManifest(await readManifest(load.cacheDir, load.articlesDir, output), load.manifest);
}

/**
 * Builds the site (see the module comment); `onStarted` learns where it writes once it holds the
 * lock, for a caller that must clean up after it (build-thread.ts).
 */
export async function runBuild(args: string[], onStarted?: (paths: BuildPaths) => void): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\nusage: npm run build [-- --output DIR] [--clean] [--all-warnings] [--verbose]\n`);
    return 2;
  }
  const started = performance.now();
  // Before waiting for another build: the version must not be newer than the code this process
  // runs, or pages rendered by old code would be recorded under the new version.
  const version = rendererVersion();
  const output = resolve(parsed.output);
  await mkdir(dirname(output), { recursive: true });
  const lock = await acquireLock(`${output}.lock`, {
    onWait: (owner) =>
      process.stderr.write(
        `Another build (${owner ? `process ${owner.pid}, started ${owner.started}` : 'starting'}) is writing ${output}; waiting for it to finish…\n`,
      ),
  });
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const temp = `${output}.tmp-${tag}`;
  const paths: BuildPaths = { output, temp, lock: lock.path };
  onStarted?.(paths);
  const onSignal = (signal: NodeJS.Signals) => {
    abandonBuild(paths);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const session = buildSession();
  session.managed = true;
  session.pagesWritten = [];
  session.searchBundles = { indexed: [], kept: [] };
  session.pagesRendered = 0;
  let garbage: string | null = null;
  try {
    const cacheDir = cacheDirFromEnv();
    if (await recoverInterrupted(output, cacheDir)) {
      process.stderr.write(`The previous build stopped while updating ${output}; its changes were finished first.\n`);
    }
    await removeLeftovers(output);
    // What the output holds now: pages that come out the same are then neither written nor moved,
    // and pages whose inputs are those their file was rendered from are not even rendered.
    const previous = await previousOutput(output, cacheDir, parsed.clean);
    session.outputFiles = previous.manifest ? outputFiles(output, previous.kept) : null;
    session.rendererVersion = version;
    // Eleventy ships no types; the specifier in a variable keeps tsc from looking for them.
    const eleventyModule = '@11ty/eleventy';
    const { Eleventy } = (await import(eleventyModule)) as { Eleventy: new (input: string | undefined, output: string, options: Record<string, unknown>) => EleventyInstance };
    // `source: cli` makes Eleventy keep the output folder given here over the config's `dir.output`.
    const eleventy = new Eleventy(undefined, temp, { configPath: CONFIG, quietMode: !parsed.verbose, source: 'cli' });
    const rendering = performance.now();
    let files: SiteFile[] | null = null;
    try {
      await eleventy.init();
      const passthrough = simplePassthrough(eleventy);
      if (passthrough) {
        // Eleventy's pages rendered in memory; the search index is written into `temp` by the config's hook.
        const pages = (await eleventy.toJSON()).filter((t) => typeof t.outputPath === 'string' && t.content !== undefined);
        // Encoded once, for the hash and the file alike.
        files = pages.map((p) => pageFile(temp, p.outputPath as string, Buffer.from(p.content as string)));
        // The pages of articles, speakers, months and quotes, written by the config's hook (src/site/write-pages.ts).
        for (const file of session.pagesWritten) files.push(file);
        for (const copy of passthrough) files.push(...(await folderFiles(copy.from, copy.to)));
        files.push(...(await folderFiles(join(temp, 'pagefind'), 'pagefind')));
        files.push(...keptIndexFiles(session.searchBundles.kept, session.outputFiles));
      } else {
        // A passthrough copy this command cannot do itself: Eleventy writes everything into `temp`,
        // except the pages the config's hook left in the output because they did not change.
        await eleventy.write();
        const byRel = new Map((await folderFiles(temp, '')).map((f) => [f.rel, f]));
        for (const file of session.pagesWritten) byRel.set(file.rel, file);
        files = [...byRel.values()];
      }
    } catch (error) {
      return await failed(error, session.messages, parsed, output);
    }
    const rendered = performance.now();
    const present = new Set(files.map((f) => f.rel));
    const missing = REQUIRED_FILES.filter((f) => !present.has(f));
    if (missing.length > 0) {
      return await failed(new Error(`the new site is incomplete (missing ${missing.join(', ')})`), session.messages, parsed, output);
    }
    const written = await writeSite({ output, temp, files, cacheDir, clean: parsed.clean, previous });
    garbage = written.garbage;
    const swapped = performance.now();

    const load = session.lastLoad;
    const changes = await changesSinceLastBuild(output);
    let fullListAt: string | null = null;
    if (load && load.cacheDir !== null) {
      await writeManifest(load.cacheDir, load.articlesDir, output, load.manifest).catch(() => undefined);
      await new ExtractionCache(load.cacheDir, load.extractorVersion).pruneOtherVersions().catch(() => 0);
      if (session.messages.length > 0) {
        fullListAt = join(load.cacheDir, 'build-problems.txt');
        await writeFile(fullListAt, session.messages.map(formatMessage).join('\n') + '\n').catch(() => (fullListAt = null));
      }
    }
    const loadMs = load ? load.ms.read + load.ms.extract + load.ms.assemble : 0;
    const report = formatReport({
      load,
      changes,
      articleCount: session.articleCount,
      messages: session.messages,
      timings: {
        totalMs: swapped - started,
        renderMs: Math.max(0, rendered - rendering - loadMs - session.indexWaitMs),
        indexMs: session.indexMs,
        swapMs: swapped - rendered,
      },
      output,
      files: files.length,
      // The HTML pages; the hook's other files (the data files) are always generated.
      pages: { total: session.pagesWritten.filter((f) => f.rel.endsWith('.html')).length, rendered: session.pagesRendered },
      write: written.summary,
      search: session.searchBundles,
      allWarnings: parsed.allWarnings,
      fullListAt,
    });
    process.stdout.write(`${report}\n`);
    return 0;
  } finally {
    // Pagefind may still be writing into the temporary folder when the pages failed.
    await session.indexing;
    await rm(temp, { recursive: true, force: true });
    await lock.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // The old site (or the unchanged rest of the temporary folder) is no longer part of the output.
    if (garbage) await rm(garbage, { recursive: true, force: true });
  }
}

/** The files of the search index bundles kept from the output (not written again by this build). */
function keptIndexFiles(bundles: string[], output: OutputFiles | null): SiteFile[] {
  if (!output || bundles.length === 0) return [];
  const prefixes = bundles.map((name) => `pagefind/${name}/`);
  const files: SiteFile[] = [];
  for (const [rel, hash] of output.hashes) {
    if (prefixes.some((p) => rel.startsWith(p))) files.push({ rel, hash, content: null, path: join(output.dir, rel) });
  }
  return files;
}

interface EleventyInstance {
  init(): Promise<void>;
  write(): Promise<unknown>;
  toJSON(): Promise<{ outputPath: string | false; content?: string }[]>;
  config: { passthroughCopies?: Record<string, { outputPath: string | boolean; copyOptions?: Record<string, unknown> }>; passthroughCopiesHtmlRelative?: Set<unknown> };
  directories: { input: string };
}

/**
 * The config's passthrough copies as plain folder or file copies, or null when one is a glob or
 * has options (then Eleventy must do the copying, and the build writes the whole site).
 */
function simplePassthrough(eleventy: EleventyInstance): { from: string; to: string }[] | null {
  const copies = eleventy.config.passthroughCopies ?? {};
  if ((eleventy.config.passthroughCopiesHtmlRelative?.size ?? 0) > 0) return null;
  const input = relative('.', eleventy.directories.input) || '.';
  const out: { from: string; to: string }[] = [];
  for (const [from, { outputPath, copyOptions }] of Object.entries(copies)) {
    if (/[*?{}[\]!]/.test(from) || (copyOptions && Object.keys(copyOptions).length > 0) || !existsSync(from)) return null;
    const normalised = relative('.', from);
    const to = typeof outputPath === 'string' ? relative('.', outputPath) : normalised.startsWith(`${input}/`) ? normalised.slice(input.length + 1) : normalised;
    out.push({ from: normalised, to });
  }
  return out;
}

async function failed(error: unknown, messages: readonly Message[], options: Options, output: string): Promise<number> {
  const lines: string[] = [];
  if (error instanceof ArticleErrorsError || (error as Error)?.name === 'ArticleErrorsError') {
    const selection = selectProblems(messages, await changesSinceLastBuild(output), options.allWarnings);
    lines.push(...formatProblems(selection, null));
    const errors = selection.errors.length;
    const warnings = messages.length - errors;
    lines.push(`Build failed: ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in the articles. Fix the errors and build again.`);
  } else {
    lines.push(`Build failed: ${(error as Error)?.stack ?? String(error)}`);
  }
  lines.push(existsSync(output) ? `The site in ${output} was left as it was.` : `Nothing was written to ${output}.`);
  process.stderr.write(`${lines.join('\n')}\n`);
  return 1;
}

/** `npm run build`: a large archive is built in a thread whose heap is sized to it (heap-limit.ts, build-thread.ts). */
async function main(args: string[]): Promise<number> {
  let limit: number | null;
  try {
    limit = await buildHeapLimit();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  return limit === null ? runBuild(args) : runBuildInThread(args, limit);
}

const entry = process.argv[1] ? resolve(process.argv[1]) : '';
if (isMainThread && entry === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
