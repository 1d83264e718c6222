// Where the page writer (src/site/write-pages.ts) puts the pages it renders. Two ways:
//
// - `threadPoolSink`: each file through Node's asynchronous fs on this thread, awaited page by
//   page. What `npm start` uses: a changed page is on disk as soon as its promise settles.
// - `FileWriterThread`: the pages handed to a worker thread of their own (file-writer-thread.mjs),
//   which encodes, hashes and writes them synchronously in batches. A clean build's thread is the
//   build's critical path: profiled at 5,000 articles it spent 8.8 s of 41 on the mkdir, open,
//   write and close of 46,000 files, each a round trip to libuv's pool, and 0.9 s hashing them;
//   writing them synchronously on this thread instead starved Pagefind, which this thread feeds.
//   Here neither waits for the other: the renderer goes on while the batches are written.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashOf } from './hash.ts';

/** A file put: its content hash, and whether it was written (not when the output held the same). */
export interface Put {
  hash: string;
  written: boolean;
}

export interface FileSink {
  /** Writes `content` to `path` unless its hash is `sameAs`; settles when that is done. */
  put(path: string, content: string, sameAs: string | undefined): Promise<Put>;
  /** What a caller awaits after `put` before it renders the next file: the put itself, or room in the queue. */
  admit(put: Promise<unknown>): Promise<unknown>;
  /** Settles when every file put so far is written; rejects with the first failure. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Files through libuv's thread pool, one awaited at a time by each caller. */
export function threadPoolSink(): FileSink {
  return {
    async put(path, content, sameAs) {
      // Encoded once, for the hash and the file alike: hashing or writing a string encodes it each time.
      const bytes = Buffer.from(content);
      const hash = hashOf(bytes);
      if (hash === sameAs) return { hash, written: false };
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      return { hash, written: true };
    },
    admit: (put) => put,
    flush: async () => undefined,
    close: async () => undefined,
  };
}

interface Batch {
  id: number;
  files: { path: string; content: string; sameAs: string | undefined }[];
  settle: { resolve: (put: Put) => void; reject: (error: Error) => void }[];
  chars: number;
}

/**
 * A batch is sent once it holds this many characters of pages (pages are 5–30 KB): few enough
 * messages that their cost is nothing, small enough that the thread starts writing at once.
 */
const BATCH_CHARS = 256 * 1024;

/**
 * Characters sent and not yet written before a caller waits: keeps memory flat when the disk is
 * slower than rendering (at 20,000 articles the build peaked at 1.49 GB in all with 16 M, its
 * budget 1.5 GB).
 */
const QUEUE_CHARS = 4 * 1024 * 1024;

/**
 * The thread's young generation (MB): what it holds is the batch it writes, garbage as soon as the
 * batch is written, so a small one does (V8's own let it grow to tens of MB).
 */
const THREAD_YOUNG_MB = 8;

/** The pages written by a worker thread of their own (see the module comment). */
export class FileWriterThread implements FileSink {
  private readonly worker = new Worker(new URL('./file-writer-thread.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_MB } });
  private batch: Batch | null = null;
  private readonly sent = new Map<number, Batch>();
  private queued = 0;
  private nextId = 0;
  private failure: Error | null = null;
  /** Callers waiting for the queue to shrink. */
  private waiting: (() => void)[] = [];
  private idle: (() => void)[] = [];

  constructor() {
    this.worker.on('message', (message: { id: number; results?: Put[]; error?: string }) => this.answered(message));
    this.worker.on('error', (error) => this.fail(error));
    // A thread that stops with files unanswered would leave their puts pending for ever.
    this.worker.on('exit', (code) => {
      if (this.sent.size > 0) this.fail(new Error(`The page writer's thread stopped with files unwritten (exit code ${code})`));
    });
  }

  put(path: string, content: string, sameAs: string | undefined): Promise<Put> {
    if (this.failure) return Promise.reject(this.failure);
    const batch = (this.batch ??= { id: this.nextId++, files: [], settle: [], chars: 0 });
    const done = new Promise<Put>((resolve, reject) => batch.settle.push({ resolve, reject }));
    batch.files.push({ path, content, sameAs });
    batch.chars += content.length;
    if (batch.chars >= BATCH_CHARS) this.send();
    return done;
  }

  /** Waits only while the queue is full, so that the caller renders on while its page is written. */
  admit(): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return this.queued < QUEUE_CHARS ? Promise.resolve() : new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  async flush(): Promise<void> {
    this.send();
    if (this.sent.size > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private send(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    this.sent.set(batch.id, batch);
    this.queued += batch.chars;
    this.worker.postMessage({ id: batch.id, files: batch.files });
    // The thread has its own copy now: this one's pages can go.
    batch.files = [];
  }

  private answered({ id, results, error }: { id: number; results?: Put[]; error?: string }): void {
    const batch = this.sent.get(id);
    if (!batch) return;
    this.sent.delete(id);
    this.queued -= batch.chars;
    if (results) batch.settle.forEach((s, i) => s.resolve(results[i]!));
    else this.fail(new Error(`Writing the pages failed: ${error}`), batch);
    if (this.queued < QUEUE_CHARS) for (const resolve of this.waiting.splice(0)) resolve();
    if (this.sent.size === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  private fail(error: Error, batch?: Batch): void {
    this.failure ??= error;
    for (const b of batch ? [batch] : [...this.sent.values(), ...(this.batch ? [this.batch] : [])]) for (const s of b.settle) s.reject(this.failure);
    if (!batch) this.sent.clear();
    for (const resolve of [...this.waiting.splice(0), ...this.idle.splice(0)]) resolve();
  }
}
