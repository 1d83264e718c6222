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
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { readArticle, type ArticleInput, type ReadResult } from '../archive/build-archive.ts';
import { hashOf } from '../io/hash.ts';
import { openAtomically, type AtomicFile } from '../io/atomic-write.ts';
import { trace } from '../io/trace.ts';

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

/**
 * Lines of a file as byte ranges of the chunks it is read in (a line that spans two chunks is
 * copied into one buffer): never the whole file in memory (200 MB at 20,000 articles), and no text
 * decoded but the lines a caller decodes. Decoding every chunk and splitting it into lines took
 * 0.13 s more of the 0.38 s that reading 5,000 articles' pack took.
 */
async function* byteLinesOf(path: string): AsyncGenerator<[Buffer, number, number]> {
  let rest: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer: Buffer = rest ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE, start); end >= 0; end = buffer.indexOf(NEWLINE, start)) {
      yield [buffer, start, end];
      start = end + 1;
    }
    rest = start < buffer.length ? buffer.subarray(start) : null;
  }
  if (rest) yield [rest, 0, rest.length];
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * The entries of the pack at `path` whose keys are `wanted`, parsed, and how many entries it holds;
 * none when there is no pack. With `texts`, each found entry's JSON is put there too.
 */
async function readPack(path: string, wanted: ReadonlySet<string>, texts?: Map<string, string>): Promise<{ found: Map<string, ReadResult>; entries: number }> {
  const found = new Map<string, ReadResult>();
  let entries = 0;
  try {
    for await (const [buffer, start, end] of byteLinesOf(path)) {
      if (end - start < 65 || buffer[start + 64] !== TAB) continue;
      const key = buffer.toString('latin1', start, start + 64);
      if (!KEY.test(key)) continue;
      entries++;
      if (!wanted.has(key) || found.has(key)) continue;
      try {
        const json = buffer.toString('utf8', start + 65, end);
        const parsed: unknown = JSON.parse(json);
        if (!looksLikeReadResult(parsed)) continue;
        found.set(key, parsed);
        texts?.set(key, json);
      } catch {
        // An entry cut short: extracted again.
      }
    }
  } catch {
    // No pack yet, or one that cannot be read: everything is extracted.
  }
  return { found, entries };
}

/**
 * Writes pack entries a batch of lines at a time, in the background, as they are added (one string
 * of them all would double a large build's memory): appended to the pack, or into a new pack that
 * replaces it when closed. A failure is counted, never thrown: the build goes on without the entries.
 */
class PackWriter {
  private batch = '';
  private file: Promise<{ handle: FileHandle; atomic: AtomicFile | null } | null>;
  failed = false;

  constructor(path: string, append: boolean) {
    this.file = mkdir(dirname(path), { recursive: true })
      .then(async () => (append ? { handle: await open(path, 'a'), atomic: null } : openAtomically(path).then((atomic) => ({ handle: atomic.handle, atomic }))))
      .catch(() => this.fail());
  }

  private fail(): null {
    this.failed = true;
    return null;
  }

  add(key: string, json: string): void {
    this.batch += `${key}\t${json}\n`;
    if (this.batch.length >= 1 << 20) this.flush();
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = '';
    this.file = this.file.then(
      (file) =>
        file &&
        file.handle.write(batch).then(
          () => file,
          async () => {
            await (file.atomic ? file.atomic.abort() : file.handle.close().catch(() => undefined));
            return this.fail();
          },
        ),
    );
  }

  async close(): Promise<void> {
    this.flush();
    const file = await this.file;
    if (!file) return;
    if (!file.atomic) await file.handle.close().catch(() => this.fail());
    else await file.atomic.commit().catch(() => this.fail());
  }
}

/**
 * Files to extract per extra thread: a worker thread takes about half a second to start (it loads
 * and compiles the extractor), which a few hundred files repay.
 */
export const FILES_PER_THREAD = 250;

/** Batches a worker holds at once: a second one queued keeps it busy while this thread extracts. */
const QUEUED_PER_WORKER = 2;

/**
 * The files still to extract, shared by the threads that take them a batch at a time. Batches
 * shrink as the files run out (a share of what is left), so that the threads finish together: with
 * batches of 64 files to the end, one thread of a clean build at 5,000 articles waited up to half
 * a second for the other's last two.
 */
class BatchQueue {
  private next = 0;
  /** A worker failed: the others stop taking batches. */
  failed = false;

  constructor(
    private readonly inputs: ArticleInput[],
    private readonly threads: number,
  ) {}

  get done(): boolean {
    return this.failed || this.next >= this.inputs.length;
  }

  /** The next batch: an eighth of each thread's share of what is left, 4 to 64 files. */
  take(): ArticleInput[] {
    const left = this.inputs.length - this.next;
    const size = Math.max(4, Math.min(64, Math.ceil(left / (this.threads * 8))));
    return this.inputs.slice(this.next, (this.next += size));
  }
}

/** Takes each result as JSON as soon as it is made, so that the results of thousands of files are never all held as text. */
type Sink = (input: ArticleInput, json: string) => void;

/** Each input's result as JSON, in this thread. */
function extractHere(inputs: ArticleInput[], out: Sink): void {
  for (const input of inputs) out(input, JSON.stringify(readArticle(input)));
}

/** Feeds `worker` batches from `queue`, a few at a time, until the queue is empty. */
function feedWorker(worker: Worker, queue: BatchQueue, out: Sink): Promise<void> {
  return new Promise((resolve, reject) => {
    // A worker answers its batches in the order they were sent.
    const sent: ArticleInput[][] = [];
    const send = () => {
      while (sent.length < QUEUED_PER_WORKER && !queue.done) {
        const batch = queue.take();
        sent.push(batch);
        worker.postMessage(batch);
      }
      if (sent.length === 0) resolve();
    };
    worker.on('message', (results: string[]) => {
      sent.shift()!.forEach((input, i) => out(input, results[i]!));
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
async function extractInThisThread(queue: BatchQueue, out: Sink): Promise<void> {
  while (!queue.done) {
    extractHere(queue.take(), out);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Each input's result as JSON: in this thread for a few files, else spread over worker threads and
 * this one (which has nothing else to do meanwhile, and has the extractor loaded already).
 */
async function extractAll(inputs: ArticleInput[], filesPerThread: number, out: Sink): Promise<number> {
  const limit = Number(process.env['ARCHIVE_EXTRACT_THREADS']) || availableParallelism();
  const threads = Math.min(limit, 4, Math.floor(inputs.length / filesPerThread));
  if (threads <= 1) {
    extractHere(inputs, out);
    return 1;
  }
  const queue = new BatchQueue(inputs, threads);
  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL('./extract-worker.mjs', import.meta.url)));
  try {
    await Promise.all([...workers.map((w) => feedWorker(w, queue, out)), extractInThisThread(queue, out)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return threads;
}

/**
 * Each result's JSON by its key, as the last build of this process had it (`npm start`): a result
 * known here is parsed from it rather than looked for in the pack, which is then not read at all
 * when every result is known (streaming 53 MB of pack at 5,000 articles took a third of a second).
 */
/** A file's size and modification time, or null when there is none. */
async function stampOf(path: string): Promise<string | null> {
  return stat(path).then(
    (s) => `${s.size} ${s.mtimeMs}`,
    () => null,
  );
}

export class KnownResults {
  byKey = new Map<string, string>();
  /**
   * Results parsed ahead from `byKey`, each handed out once (a fresh object, as the archive steps
   * change records in place): parsing the 53 MB of JSON of 5,000 articles took 0.6-0.7 s of every
   * `npm start` build, between the drop of an article and its page.
   */
  private spares = new Map<string, ReadResult>();
  /** Bumped to stop a `prepare` under way: a build has begun, and the thread is its own. */
  private generation = 0;
  /**
   * The pack's size and time as this process last read or wrote it: while they are the same, no
   * other process added to it, and a result not known here is not in it either (an entry of a
   * file removed and added again is extracted again). Streaming the 53 MB of pack of 5,000
   * articles to find no dropped article in it took 0.3-0.4 s of each `npm start` build.
   */
  packStamp: string | null = null;

  /** A result parsed ahead for `key`, or one parsed now from its JSON; undefined when unknown. */
  take(key: string): ReadResult | undefined {
    const spare = this.spares.get(key);
    if (spare) {
      this.spares.delete(key);
      return spare;
    }
    const json = this.byKey.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as ReadResult);
  }

  /** Stops a `prepare` under way (before a build, which takes what it made). */
  stopPreparing(): void {
    this.generation++;
  }

  /**
   * Parses a fresh result for every known key, a slice of at most `sliceMs` at a time between
   * turns of the event loop, so that a change arriving meanwhile is seen at once; until
   * `stopPreparing`. Not for archives whose JSON is over `maxChars` characters: the spares take
   * about as much memory again as the archive's results.
   */
  async prepare(maxChars = SPARE_MAX_CHARS, sliceMs = 8): Promise<void> {
    const generation = ++this.generation;
    let chars = 0;
    for (const json of this.byKey.values()) chars += json.length;
    if (chars > maxChars) return;
    let sliceStart = performance.now();
    for (const [key, json] of this.byKey) {
      if (this.generation !== generation) return;
      if (this.spares.has(key)) continue;
      this.spares.set(key, JSON.parse(json) as ReadResult);
      if (performance.now() - sliceStart < sliceMs) continue;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    // Spares of results no longer known would only take memory.
    for (const key of this.spares.keys()) if (!this.byKey.has(key)) this.spares.delete(key);
  }
}

/** The most JSON (characters) of known results that `KnownResults.prepare` parses ahead: about 9,000 articles. */
const SPARE_MAX_CHARS = 96 * 2 ** 20;

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
   * Each file's result, from the cache or extracted now. Every result is a fresh object (parsed
   * from JSON), because the archive-level steps change the records in place. Many files to extract
   * (a first build, a new extractor version) are extracted in worker threads and this one, one per
   * core. The entries extracted are added to the pack; or, when more than half of the pack would
   * be entries no longer used, it is written anew with only those used.
   * `hashes`: each input's content hash, when the caller has them.
   */
  async readAll(inputs: ArticleInput[], hashes: readonly string[] = inputs.map((i) => hashOf(i.bytes)), known?: KnownResults): Promise<CachedRead[]> {
    const keyed = inputs.map((input, i) => ({ input, contentHash: hashes[i]!, key: this.keyOf(input.path, hashes[i]!) }));
    const texts = known && new Map<string, string>();
    const remembered = new Map<string, ReadResult>();
    for (const { key } of keyed) {
      if (!known || remembered.has(key)) continue;
      const result = known.take(key);
      if (result === undefined) continue;
      remembered.set(key, result);
      texts!.set(key, known.byKey.get(key)!);
    }
    trace(`results: ${remembered.size} known`);
    const unknown = new Set(keyed.filter((k) => !remembered.has(k.key)).map((k) => k.key));
    const path = this.folder === null ? null : join(this.folder, PACK);
    const unread = path === null || unknown.size === 0 || (known?.packStamp != null && known.packStamp === (await stampOf(path)));
    const pack = unread ? { found: remembered, entries: -1 } : await readPack(path, unknown, texts);
    if (pack.found !== remembered) for (const [key, result] of remembered) pack.found.set(key, result);
    const misses = keyed.filter((k) => !pack.found.has(k.key));
    // Unread (entries -1), the pack is appended to; its unused entries wait for a build that reads it.
    const rewrite = pack.entries >= 0 && pack.entries + misses.length > 2 * (pack.found.size + misses.length);
    const writer = path === null || (misses.length === 0 && !rewrite) ? null : new PackWriter(path, !rewrite);
    // A cached result is still as it was read: its JSON is the entry's.
    if (writer && rewrite) for (const [key, result] of pack.found) writer.add(key, JSON.stringify(result));
    const keys = new Map(misses.map((m) => [m.input, m.key]));
    const extracted = new Map<ArticleInput, ReadResult>();
    this.threads = await extractAll(misses.map((m) => m.input), this.filesPerThread, (input, json) => {
      writer?.add(keys.get(input)!, json);
      texts?.set(keys.get(input)!, json);
      // The same round trip as a cached result, so a fresh and a cached build see identical data.
      extracted.set(input, JSON.parse(json) as ReadResult);
    });
    trace(`results: ${misses.length} extracted`);
    await writer?.close();
    if (writer?.failed) this.writeFailures += misses.length;
    if (known) known.byKey = texts!;
    // Read or added to here, the pack is as this process knows it. (A result it misses is only
    // extracted again, so a stamp that is wrong costs time, never a wrong result.)
    if (known && path !== null && (!unread || writer)) known.packStamp = await stampOf(path);
    return keyed.map((k) => {
      const cached = pack.found.get(k.key);
      return cached ? { input: k.input, contentHash: k.contentHash, result: cached, extracted: false } : { input: k.input, contentHash: k.contentHash, result: extracted.get(k.input)!, extracted: true };
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
