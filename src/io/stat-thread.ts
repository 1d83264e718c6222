// The size and modification time of many files, taken in a worker thread. A rebuild checks every
// file of the output against its record before it trusts it (46,000 files at 5,000 articles):
// one synchronous stat after another took 0.3 s of the build's thread (through libuv's pool, four
// times as long), which the build can spend loading the archive while another core stats.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A file's size and modification time (ms), or null when there is no file. */
export type SizeAndTime = [size: number, mtimeMs: number] | null;

/** Fewer files than this are statted on the calling thread: a worker takes 30-50 ms to start. */
const IN_THREAD_BELOW = 2000;

/** The stats, one after another on this thread. */
export function statsHere(root: string, rels: readonly string[]): SizeAndTime[] {
  return rels.map((rel) => {
    try {
      const info = statSync(join(root, rel));
      return [info.size, info.mtimeMs];
    } catch {
      return null;
    }
  });
}

// CommonJS evaluated in the worker: nothing to load but Node's own modules. Sizes and times come
// back in one transferred array, -1 as the size of a missing file.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const { join } = require('node:path');
const { root, rels } = workerData;
const out = new Float64Array(rels.length * 2);
for (let i = 0; i < rels.length; i++) {
  try {
    const info = statSync(join(root, rels[i]));
    out[2 * i] = info.size;
    out[2 * i + 1] = info.mtimeMs;
  } catch {
    out[2 * i] = -1;
  }
}
parentPort.postMessage(out, [out.buffer]);
`;

/** Each file's size and time, in the order of `rels`, statted in a worker thread when there are many. */
export function statsInThread(root: string, rels: readonly string[]): Promise<SizeAndTime[]> {
  if (rels.length < IN_THREAD_BELOW) return Promise.resolve(statsHere(root, rels));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { root, rels } });
    worker.once('message', (out: Float64Array) => {
      resolve(rels.map((_, i) => (out[2 * i]! < 0 ? null : [out[2 * i]!, out[2 * i + 1]!])));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
