// How much JavaScript heap a build allows itself, sized to the archive.
//
// V8 lets the heap grow far past what a build keeps alive before it collects: a warm build of
// 20,000 synthetic articles keeps about 500 MB alive but grew to 1.3 GB of memory, and a clean
// one to 1.7 GB. With a limit about 1.6 times what stays alive, the same clean build peaks near
// 1.0 GB and runs no slower (V8 collects sooner, in a smaller heap). A fixed limit would break
// larger archives, so the limit follows the size of the article folder; a build that still runs
// out is done again without a limit (build-thread.ts), so a wrong estimate costs time, never a
// failed build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { isArticleFile } from '../archive/article-files.ts';
import { articlesDir } from '../site/archive-source.ts';

/**
 * What a build keeps alive, measured with the smallest limits that let warm builds of synthetic
 * archives finish (scripts/make-synthetic-archive.ts, paragraphs of real news): 5,000 articles
 * (14 MB) needed 160–200 MB, 20,000 (57 MB) 450–600 MB. Records have grown since (each quote's
 * alternatives and confidence, more quotes kept by the speech model): a rebuild of 20,000 ran out
 * of 769 MB and finished in 900 MB, hence 8.8 MB per MB of articles (7.6 before). The modules and Eleventy take the fixed
 * part; the records, page keys and search documents grow with the text.
 */
export const FIXED_MB = 70;
export const PER_INPUT_MB = 8.8;
/** Room above what stays alive: 600 MB for 20,000 articles made a warm build 1.6× slower, 800 MB did not. */
export const HEADROOM = 1.6;
/**
 * Below this estimate no limit is set: the heap of a smaller archive stays small anyway (a warm
 * build of 5,000 articles peaked at 0.5 GB in all, its estimate is 275 MB), and the thread that
 * holds a limit costs 0.35 s to start, a noticeable part of its rebuild. At 10,000 articles (443 MB)
 * a limit took a clean build's peak from 1.49 to 1.06 GB in the same time (50.7 s against 52.0 s).
 */
export const FLOOR_MB = 384;
/**
 * The least limit set: a limit of 1.6 times what stays alive still slowed a warm build of 10,000
 * articles (443 MB: 13.8–15.9 s, against 12.1–12.3 s with 520 MB and 13.5–14.1 s with none).
 */
export const MIN_LIMIT_MB = 512;
/** Overrides the estimate: a number of MB, or 0 for no limit. */
export const HEAP_VARIABLE = 'ARCHIVE_HEAP_MB';

export class HeapLimitError extends Error {
  override name = 'HeapLimitError';
}

/** The limit for an article folder of `inputBytes`, or null for none: under the floor, or when V8's own limit is lower. */
export function heapLimitFor(inputBytes: number, defaultLimitMb = getHeapStatistics().heap_size_limit / 2 ** 20): number | null {
  const estimate = Math.ceil(HEADROOM * (FIXED_MB + (PER_INPUT_MB * inputBytes) / 2 ** 20));
  const limit = Math.max(MIN_LIMIT_MB, estimate);
  return estimate >= FLOOR_MB && limit < defaultLimitMb ? limit : null;
}

/**
 * Bytes of the article files in `dir` (the files load-archive.ts reads); 0 when there is no folder.
 * Synchronous: it runs before anything else of the build, and one awaited stat per file took 1.4 s
 * for 20,000 files where these take 0.12 s.
 */
export function articleBytes(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let total = 0;
  for (const name of names) {
    if (isArticleFile(name)) total += statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/** The limit for this build's archive (see the module comment), or null for none. */
export async function buildHeapLimit(env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  const given = env[HEAP_VARIABLE];
  if (given !== undefined && given !== '') {
    const mb = Number(given);
    if (!Number.isInteger(mb) || mb < 0) throw new HeapLimitError(`${HEAP_VARIABLE}=${given} is not a whole number of MB: give one (0 for no limit), or unset it for a limit sized to the archive`);
    return mb === 0 ? null : mb;
  }
  // An archive given as JSON (ARCHIVE_JSON) has no folder to size it by: no limit.
  const dir = articlesDir(env);
  return dir === null ? null : heapLimitFor(articleBytes(dir));
}
