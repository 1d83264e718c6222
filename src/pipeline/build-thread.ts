// Runs the build command in a worker thread whose JavaScript heap is limited to what the archive
// needs (heap-limit.ts), so that V8 collects garbage before the build's memory grows to several
// times what it keeps alive. The thread shares this process: a build killed from outside dies with
// it, as before. This thread only waits, and on Ctrl-C cleans up after the build (a worker thread
// gets no signals). A build whose thread runs out of its heap is done again without a limit.
// Small archives are built on the main thread (build-command.ts): a thread costs 0.35 s to start.
import { Worker } from 'node:worker_threads';
import { abandonBuild, type BuildPaths } from './build-paths.ts';
import { HEAP_VARIABLE } from './heap-limit.ts';

/** What the build thread says: where it writes, once known, and its exit code at the end. */
export type ThreadMessage = { type: 'started'; paths: BuildPaths } | { type: 'done'; code: number };

interface ThreadResult {
  code: number;
  outOfMemory: boolean;
}

/** One build in a thread of `limitMb` (null: V8's own limit). */
function buildInThread(args: string[], limitMb: number | null): Promise<ThreadResult> {
  return new Promise((resolve) => {
    let paths: BuildPaths | null = null;
    let code = 1;
    const worker = new Worker(new URL('./build-thread-entry.mjs', import.meta.url), {
      workerData: { args },
      ...(limitMb === null ? {} : { resourceLimits: { maxOldGenerationSizeMb: limitMb } }),
    });
    const onSignal = (signal: NodeJS.Signals) => {
      if (paths) abandonBuild(paths);
      process.kill(process.pid, signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let outOfMemory = false;
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'started') paths = message.paths;
      else code = message.code;
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        outOfMemory = true;
        // Its lock is this process's: a build done again at once would wait for it forever.
        if (paths) abandonBuild(paths, { keepLockWhileMoving: false });
      } else {
        process.stderr.write(`Build failed: ${error.stack ?? String(error)}\n`);
      }
      code = 1;
    });
    worker.on('exit', () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve({ code, outOfMemory });
    });
  });
}

/** `npm run build` on a large archive: the build in a thread of `limitMb`, done again without a limit if that is too small. */
export async function runBuildInThread(args: string[], limitMb: number): Promise<number> {
  const first = await buildInThread(args, limitMb);
  if (!first.outOfMemory) return first.code;
  process.stderr.write(
    `The build ran out of the ${limitMb} MB of memory it allowed itself for this archive; building again without a limit. ` +
      `(${HEAP_VARIABLE}=<MB> sets the limit; 0 means none.)\n`,
  );
  return (await buildInThread(args, null)).code;
}
