// The page writer's thread (see file-sink.ts): writes the files it is sent, one batch at a time,
// synchronously (here that blocks no one), and answers with each file's content hash and whether
// it was written. Plain JavaScript with no TypeScript to load, so that it starts in milliseconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';

/** Folders made by this thread: each is made once, not once per file. */
const made = new Set();

/** One file: its hash (the project's one content hash, SHA-256 of the UTF-8 bytes, as src/io/hash.ts), written unless the output holds it. */
function put({ path, content, sameAs }) {
  const bytes = Buffer.from(content);
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (hash === sameAs) return { hash, written: false };
  const dir = dirname(path);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(path, bytes);
  return { hash, written: true };
}

parentPort.on('message', ({ id, files }) => {
  try {
    parentPort.postMessage({ id, results: files.map(put) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
