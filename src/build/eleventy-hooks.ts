// What the Eleventy config calls around a build (see .eleventy.ts): stop before writing anything
// when the articles have errors, after printing every problem at once; and, when Eleventy runs on
// its own (`npm start`, tests), print the build report and record the manifest. Under the build
// command (`npm run build`, src/build/build-command.ts) the command does both after swapping the
// new site in.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive, Message } from '../record.ts';
import { formatMessage } from '../read/messages.ts';
import { diffManifest, readManifest, writeManifest } from './manifest.ts';
import { formatReport } from './report.ts';
import { buildSession } from './session.ts';
import { cacheDirFromEnv } from './extraction-cache.ts';
import { forgetOutput } from './site-writer.ts';

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
