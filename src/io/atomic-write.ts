// A file written so that a reader never sees half of it: into a temporary file beside it, then
// renamed over it (a rename is atomic). Two builds sharing a cache folder may both write an entry;
// the last rename wins and both are whole.
import { open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

const tempPathOf = (path: string) => `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathOf(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file being written piece by piece, atomically: it takes `path`'s place at `commit`, and is gone after `abort`. */
export interface AtomicFile {
  handle: FileHandle;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomically(path: string): Promise<AtomicFile> {
  const temp = tempPathOf(path);
  const handle = await open(temp, 'w');
  return {
    handle,
    commit: async () => {
      await handle.close();
      await rename(temp, path);
    },
    abort: async () => {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}
