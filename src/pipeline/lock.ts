// One build at a time per output folder: a lock file beside it (`_site.lock`), created with O_EXCL
// so that exactly one process gets it. A second build waits for the first and says so; a lock left
// by a build that died (its process is gone) is taken over.
import { open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(owner));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes the lock if its owner is a dead process on this machine; true when it did. */
async function breakIfStale(path: string, owner: LockOwner | null): Promise<boolean> {
  // A lock being written has no owner yet; it is not stale.
  if (!owner || owner.host !== hostname() || alive(owner.pid)) return false;
  // Move it aside first, so two builds breaking the same stale lock cannot remove a fresh one.
  const aside = `${path}.stale-${process.pid}`;
  try {
    await rename(path, aside);
  } catch {
    return false;
  }
  const moved = await readOwner(aside);
  if (moved && moved.pid !== owner.pid) {
    // Another build took the lock in between: put it back.
    await rename(aside, path).catch(() => undefined);
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

export interface Lock {
  path: string;
  release(): Promise<void>;
}

export async function acquireLock(
  path: string,
  options: { timeoutMs?: number; pollMs?: number; onWait?: (owner: LockOwner | null) => void } = {},
): Promise<Lock> {
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const pollMs = options.pollMs ?? 200;
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    if (await tryCreate(path)) {
      return { path, release: () => rm(path, { force: true }) };
    }
    const owner = await readOwner(path);
    if (await breakIfStale(path, owner)) continue;
    if (!told) {
      options.onWait?.(owner);
      told = true;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(
        `Another build (${owner ? `process ${owner.pid}, started ${owner.started}` : 'unknown process'}) still holds ${path} after ${Math.round(timeoutMs / 1000)} s. ` +
          'If no build is running, delete that file and build again.',
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
