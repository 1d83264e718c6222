// Temporary folders for tests, removed when the test file's process exits (each file runs in its
// own process), so that a run of `npm test` leaves nothing behind in the system's temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let removing = false;

function remember(dir: string): string {
  made.push(dir);
  if (!removing) {
    removing = true;
    process.on('exit', () => {
      for (const d of made) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/** A new empty folder in the temp folder, named `prefix` and a random tail. */
export async function tempDir(prefix: string): Promise<string> {
  return remember(await mkdtemp(join(tmpdir(), prefix)));
}

export function tempDirSync(prefix: string): string {
  return remember(mkdtempSync(join(tmpdir(), prefix)));
}
