// A worker thread of the extraction pool (see extraction-cache.ts): reads and extracts the files
// it is sent, one batch at a time, and answers with each result as JSON. Plain JavaScript that
// registers tsx itself, because worker threads do not inherit the parent's TypeScript loader.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readArticle } = await import('../archive/build-archive.ts');

parentPort.on('message', (batch) => {
  parentPort.postMessage(batch.map((input) => JSON.stringify(readArticle(input))));
});
