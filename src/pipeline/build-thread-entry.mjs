// The build command's worker thread (see build-thread.ts): runs the build and reports to the main
// thread where it writes and how it ended. Plain JavaScript that registers tsx itself, because
// worker threads do not inherit the parent's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { buildFromArgs } = await import('./build-command.ts');
const code = await buildFromArgs(workerData.args, (paths) => parentPort.postMessage({ type: 'started', paths }));
parentPort.postMessage({ type: 'done', code });
