// A rebuild's new and changed files, extracted in a worker thread while the build's own thread loads
// its modules and reads the extraction cache's pack. Which files the pack lacks is known only once it
// is read; extracting them after it, in the build's thread, with the extractor's first run in the
// process cold (compromise's model made on first use), took 0.3–1 s at 5,000 articles. The thread is
// started with the process, before the files are read (its extractor loads meanwhile), and given
// the files the last build did not read as they are now (`filesToExtractAhead`); a file found in the
// pack after all is work thrown away, and one the pack lacks that was not sent is extracted in the
// build's thread as before. Imports no extractor code: it must not load in the build's thread first.
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../archive/build-archive.ts';

/** The most files sent ahead; more (a first build, a new extractor) are spread over all threads once the pack is read. */
const MOST_AHEAD = 64;

export class ExtractionAhead {
  private readonly worker = new Worker(new URL('./extract-worker.mjs', import.meta.url));
  /** Null once the worker failed or ended: its files are then extracted in the build's thread. */
  private readonly ended: Promise<null>;
  /** The files sent, by `aheadId`. */
  private sent = new Set<string>();
  /** Each file's result as JSON by `aheadId`; null when the worker failed or nothing was sent. */
  private answer: Promise<Map<string, string> | null> = Promise.resolve(null);

  constructor() {
    this.ended = new Promise((resolve) => {
      this.worker.on('error', () => resolve(null));
      this.worker.once('exit', () => resolve(null));
    });
    // Until it is sent files, the thread must not keep the process alive (a build that fails before).
    this.worker.unref();
  }

  /** Starts extracting `inputs` (whose content hashes are `hashes`). */
  send(inputs: ArticleInput[], hashes: readonly string[]): void {
    const ids = inputs.map((input, i) => aheadId(input.path, hashes[i]!));
    this.sent = new Set(ids);
    const answered = new Promise<Map<string, string>>((resolve) => {
      this.worker.once('message', (results: string[]) => resolve(new Map(ids.map((id, i) => [id, results[i]!]))));
    });
    this.answer = Promise.race([answered, this.ended]);
    this.worker.ref();
    this.worker.postMessage(inputs);
  }

  has(path: string, contentHash: string): boolean {
    return this.sent.has(aheadId(path, contentHash));
  }

  /** The results (null if the worker failed), the worker ended. */
  async results(): Promise<Map<string, string> | null> {
    const results = await this.answer;
    await this.stop();
    return results;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

export function aheadId(path: string, contentHash: string): string {
  return `${path}\0${contentHash}`;
}

/**
 * The files worth extracting ahead: those not read as they are now by the build that `previous`
 * (path → content hash) describes, when there are a few.
 */
export function filesToExtractAhead(inputs: readonly ArticleInput[], hashes: readonly string[], previous: Readonly<Record<string, string>>): number[] {
  const picked: number[] = [];
  for (let i = 0; i < inputs.length; i++) if (previous[inputs[i]!.path] !== hashes[i]) picked.push(i);
  return picked.length <= MOST_AHEAD ? picked : [];
}
