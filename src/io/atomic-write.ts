// A file written so that a reader never sees half of it: into a temporary file beside it, then
// renamed over it (a rename is atomic). Two builds sharing a cache folder may both write an entry;
// the last rename wins and both are whole.
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
