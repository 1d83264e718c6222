// Where a running build writes, and how to clean up after a build that was stopped: shared by the
// build (src/pipeline/build-command.ts) and the thread that runs it (build-thread.ts).
import { existsSync, rmSync } from 'node:fs';
import { journalPath } from './publish.ts';

/** Where a running build writes: what must go if it is stopped (see `abandonBuild`). */
export interface BuildPaths {
  output: string;
  temp: string;
  lock: string;
}

/**
 * Synchronous best effort when a build is stopped (Ctrl-C, or its thread out of memory): removes
 * its temporary folder and its lock. While changes are being moved into the output, both stay
 * (unless `keepLockWhileMoving` is false, for a build done again at once by this same process):
 * the next build finishes the journal from the folder.
 */
export function abandonBuild(paths: BuildPaths, { keepLockWhileMoving = true } = {}): void {
  const moving = existsSync(journalPath(paths.output));
  try {
    if (!moving) rmSync(paths.temp, { recursive: true, force: true });
    if (!moving || !keepLockWhileMoving) rmSync(paths.lock, { force: true });
  } catch {
    /* nothing more to do */
  }
}
