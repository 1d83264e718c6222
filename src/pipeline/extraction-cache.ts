// The extraction cache: each file's per-article result (its record before the archive links it to
// the others, and its file-level messages), under a key made of the extractor's version, the file's
// path and a hash of its bytes. A rebuild then extracts only new and changed files; the
// archive-level steps (years, slugs, people file, people merge) always rerun on all results.
//
// Layout: one packed file per extractor version, <cacheDir>/extract/<version>/results.pack, a line
// per entry: `key<TAB>result as JSON`. It is read as one stream (5,000 files one by one took 0.8 s,
// most of it opening them), a chunk at a time; a build appends the entries it extracted, and
// rewrites the file (to a temporary file, renamed) when more than half of its entries are no
// longer used. A line that
// is cut short or unreadable is only an entry extracted again, so two builds may share the folder,
// and it is safe to delete at any time.
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readArticle, type ArticleInput, type ReadResult } from '../archive/build-archive.ts';
import { hashOf } from '../io/hash.ts';

export const DEFAULT_CACHE_DIR = '.cache';

/** The cache folder from the environment: ARCHIVE_CACHE_DIR, or `.cache`; ARCHIVE_CACHE=off for none. */
export function cacheDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  if (/^(off|0|false|no)$/i.test(env['ARCHIVE_CACHE'] ?? '')) return null;
  return env['ARCHIVE_CACHE_DIR'] || DEFAULT_CACHE_DIR;
}

export interface CachedRead {
  input: ArticleInput;
  /** The hash of the file's bytes. */
  contentHash: string;
  result: ReadResult;
  /** True when the file was extracted in this build, false when it came from the cache. */
  extracted: boolean;
}

function looksLikeReadResult(value: unknown): value is ReadResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const e = v['extracted'] as Record<string, unknown> | null | undefined;
  return Array.isArray(v['messages']) && (e === null || (typeof e === 'object' && e !== undefined && typeof e['record'] === 'object'));
}

const PACK = 'results.pack';
const KEY = /^[0-9a-f]{64}$/;

/** Lines of a text file, read a chunk at a time: never the whole file in memory (200 MB at 20,000 articles). */
async function* linesOf(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest) yield rest;
}

/** The entries of the pack at `path` whose keys are `wanted`, parsed, and how many entries it holds; none when there is no pack. */
async function readPack(path: string, wanted: ReadonlySet<string>): Promise<{ found: Map<string, ReadResult>; entries: number }> {
  const found = new Map<string, ReadResult>();
  let entries = 0;
  try {
    for await (const line of linesOf(path)) {
      if (line.charCodeAt(64) !== 9 || !KEY.test(line.slice(0, 64))) continue;
      entries++;
      const key = line.slice(0, 64);
      if (!wanted.has(key) || found.has(key)) continue;
      try {
        const parsed: unknown = JSON.parse(line.slice(65));
        if (looksLikeReadResult(parsed)) found.set(key, parsed);
      } catch {
        // An entry cut short: extracted again.
      }
    }
  } catch {
    // No pack yet, or one that cannot be read: everything is extracted.
  }
  return { found, entries };
}

/** Writes entries a batch of lines at a time (one string of them all would double a large build's memory). */
async function writeLines(handle: FileHandle, entries: Iterable<[string, string]>): Promise<void> {
  let batch = '';
  for (const [key, json] of entries) {
    batch += `${key}\t${json}\n`;
    if (batch.length >= 1 << 20) {
      await handle.write(batch);
      batch = '';
    }
  }
  if (batch) await handle.write(batch);
}


/**
 * Files to extract per extra thread: a worker thread takes about half a second to start (it loads
 * and compiles the extractor), which a few hundred files repay.
 */
export const FILES_PER_THREAD = 250;

/** Batches a worker holds at once: a second one queued keeps it busy while this thread extracts. */
const QUEUED_PER_WORKER = 2;

/** The batches still to extract, shared by the threads that take them one at a time. */
interface BatchQueue {
  batches: ArticleInput[][];
  next: number;
  /** A worker failed: the others stop taking batches. */
  failed: boolean;
}

/** Each input's result as JSON, in this thread. */
function extractHere(inputs: ArticleInput[], out: Map<ArticleInput, string>): void {
  for (const input of inputs) out.set(input, JSON.stringify(readArticle(input)));
}

/** Feeds `worker` batches from `queue`, a few at a time, until the queue is empty. */
function feedWorker(worker: Worker, queue: BatchQueue, out: Map<ArticleInput, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    // A worker answers its batches in the order they were sent.
    const sent: ArticleInput[][] = [];
    const send = () => {
      while (sent.length < QUEUED_PER_WORKER && queue.next < queue.batches.length) {
        const batch = queue.batches[queue.next++]!;
        sent.push(batch);
        worker.postMessage(batch);
      }
      if (sent.length === 0) resolve();
    };
    worker.on('message', (results: string[]) => {
      sent.shift()!.forEach((input, i) => out.set(input, results[i]!));
      send();
    });
    worker.once('error', (error) => {
      queue.failed = true;
      reject(error);
    });
    send();
  });
}

/** Takes batches from `queue` in this thread too, letting the workers' answers in between them. */
async function extractInThisThread(queue: BatchQueue, out: Map<ArticleInput, string>): Promise<void> {
  while (!queue.failed && queue.next < queue.batches.length) {
    extractHere(queue.batches[queue.next++]!, out);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Each input's result as JSON: in this thread for a few files, else spread over worker threads and
 * this one (which has nothing else to do meanwhile, and has the extractor loaded already).
 */
async function extractAll(inputs: ArticleInput[], filesPerThread: number): Promise<{ json: Map<ArticleInput, string>; threads: number }> {
  const out = new Map<ArticleInput, string>();
  const limit = Number(process.env['ARCHIVE_EXTRACT_THREADS']) || availableParallelism();
  const threads = Math.min(limit, 4, Math.floor(inputs.length / filesPerThread));
  if (threads <= 1) {
    extractHere(inputs, out);
    return { json: out, threads: 1 };
  }
  const batchSize = Math.max(8, Math.min(64, Math.ceil(inputs.length / (threads * 8))));
  const queue: BatchQueue = { batches: [], next: 0, failed: false };
  for (let i = 0; i < inputs.length; i += batchSize) queue.batches.push(inputs.slice(i, i + batchSize));
  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL('./extract-worker.mjs', import.meta.url)));
  try {
    await Promise.all([...workers.map((w) => feedWorker(w, queue, out)), extractInThisThread(queue, out)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { json: out, threads };
}

export class ExtractionCache {
  readonly folder: string | null;
  /** Entries that could not be written (a read-only disk, say); the build goes on without them. */
  writeFailures = 0;
  /** Threads the last `readAll` extracted with, this one included. ARCHIVE_EXTRACT_THREADS sets the most. */
  threads = 1;

  constructor(
    readonly cacheDir: string | null,
    readonly version: string,
    readonly filesPerThread = FILES_PER_THREAD,
  ) {
    this.folder = cacheDir === null ? null : join(cacheDir, 'extract', version);
  }

  keyOf(path: string, contentHash: string): string {
    return hashOf(`${this.version}\0${path}\0${contentHash}`);
  }

  /**
   * Adds the entries extracted now to the pack; or, when more than half of the pack would be
   * entries no longer used, writes it anew with only those used (to a temporary file, renamed).
   */
  private async writePack(entries: number, cached: Map<string, ReadResult>, added: Map<string, string>): Promise<void> {
    const used = cached.size + added.size;
    if (this.folder === null || (added.size === 0 && entries <= 2 * used)) return;
    const path = join(this.folder, PACK);
    const rewrite = entries + added.size > 2 * used;
    const target = rewrite ? `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp` : path;
    let handle: FileHandle | null = null;
    try {
      await mkdir(this.folder, { recursive: true });
      handle = await open(target, rewrite ? 'w' : 'a');
      // A cached result is still as it was read: its JSON is the entry's.
      if (rewrite) await writeLines(handle, [...cached].map(([key, result]) => [key, JSON.stringify(result)] as [string, string]));
      await writeLines(handle, added);
      await handle.close();
      handle = null;
      if (rewrite) await rename(target, path);
    } catch {
      this.writeFailures += added.size;
      await handle?.close().catch(() => undefined);
      if (rewrite) await rm(target, { force: true });
    }
  }

  /**
   * Each file's result, from the cache or extracted now. Every result is a fresh object (parsed
   * from JSON), because the archive-level steps change the records in place. Many files to extract
   * (a first build, a new extractor version) are extracted in worker threads and this one, one per core.
   * `hashes`: each input's content hash, when the caller has them.
   */
  async readAll(inputs: ArticleInput[], hashes: readonly string[] = inputs.map((i) => hashOf(i.bytes))): Promise<CachedRead[]> {
    const keyed = inputs.map((input, i) => ({ input, contentHash: hashes[i]!, key: this.keyOf(input.path, hashes[i]!) }));
    const pack = this.folder === null ? { found: new Map<string, ReadResult>(), entries: 0 } : await readPack(join(this.folder, PACK), new Set(keyed.map((k) => k.key)));
    const misses = keyed.filter((k) => !pack.found.has(k.key));
    const { json, threads } = await extractAll(misses.map((m) => m.input), this.filesPerThread);
    this.threads = threads;
    await this.writePack(pack.entries, pack.found, new Map(misses.map((m) => [m.key, json.get(m.input)!])));
    return keyed.map((k) => {
      const cached = pack.found.get(k.key);
      return cached
        ? { input: k.input, contentHash: k.contentHash, result: cached, extracted: false }
        : // The same round trip as a cached result, so a fresh and a cached build see identical data.
          { input: k.input, contentHash: k.contentHash, result: JSON.parse(json.get(k.input)!) as ReadResult, extracted: true };
    });
  }

  /** Removes the entries of other extractor versions (after a successful build). */
  async pruneOtherVersions(): Promise<number> {
    if (this.cacheDir === null) return 0;
    const root = join(this.cacheDir, 'extract');
    let removed = 0;
    for (const name of await readdir(root).catch(() => [] as string[])) {
      if (name === this.version) continue;
      await rm(join(root, name), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
}
