// The report stage, the same for `npm run build` and `npm start`: what changed since the last build
// into this output, recorded for the next one (the manifest of what was read, the extraction cache
// pruned to this extractor, every problem in a file), and the build report.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Message } from '../record.ts';
import { formatMessage } from '../read/messages.ts';
import { ExtractionCache } from './extraction-cache.ts';
import type { LoadReport } from './load-articles.ts';
import { diffManifest, readManifest, writeManifest, type Changes } from './manifest.ts';
import { formatReport, type ReportInput } from './report.ts';

/** What changed in the articles since the last successful build into `output`; null without a cache to remember it. */
export async function changesSince(load: LoadReport | null, output: string): Promise<Changes | null> {
  if (!load || load.cacheDir === null) return null;
  return diffManifest(await readManifest(load.cacheDir, load.articlesDir, output), load.manifest);
}

/** Every problem of the last build, one per line, in the cache folder. */
export const PROBLEMS_FILE = 'build-problems.txt';

/** Records the build for the next one; returns where the full list of problems is, if it was written. */
async function recordBuild(load: LoadReport, output: string, messages: readonly Message[]): Promise<string | null> {
  if (load.cacheDir === null) return null;
  await writeManifest(load.cacheDir, load.articlesDir, output, load.manifest).catch(() => undefined);
  await new ExtractionCache(load.cacheDir, load.extractorVersion).pruneOtherVersions().catch(() => 0);
  if (messages.length === 0) return null;
  const path = join(load.cacheDir, PROBLEMS_FILE);
  return writeFile(path, messages.map(formatMessage).join('\n') + '\n').then(
    () => path,
    () => null,
  );
}

/** What a successful build reports; where the full list of problems is, `finishBuild` adds. */
export type BuildOutcome = Omit<ReportInput, 'fullListAt' | 'upToDate'>;

/** Records a successful build (see the module comment) and returns its report. */
export async function finishBuild(outcome: BuildOutcome): Promise<string> {
  const fullListAt = outcome.load ? await recordBuild(outcome.load, outcome.output, outcome.messages) : null;
  return formatReport({ ...outcome, fullListAt });
}
