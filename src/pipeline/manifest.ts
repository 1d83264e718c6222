// The manifest of the last successful build: a content hash per article file, of the people and
// corrections files, and the extractor version. Comparing it with what a build reads says what was added, changed and
// removed since then. One manifest per pair of articles folder and output folder, in the cache folder.
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomically } from '../io/atomic-write.ts';
import { hashOf } from '../io/hash.ts';

export interface Manifest {
  /** Article file path → sha256 of its bytes. */
  files: Record<string, string>;
  /** sha256 of the people file, null when there is none. */
  people: string | null;
  /** sha256 of the corrections file, null when there is none (absent in manifests of older builds). */
  corrections?: string | null;
  extractorVersion: string;
}

type FileChange = 'added' | 'changed' | 'removed' | null;

/** How a file beside the articles changed between two builds. */
function fileChange(was: string | null, now: string | null): FileChange {
  return was === now ? null : was === null ? 'added' : now === null ? 'removed' : 'changed';
}

export interface Changes {
  /** No manifest: the first build of this folder into this output (or the cache was deleted). */
  firstBuild: boolean;
  added: string[];
  changed: string[];
  removed: string[];
  peopleFile: FileChange;
  correctionsFile: FileChange;
  extractorChanged: boolean;
}

function manifestPath(cacheDir: string, articlesDir: string, outputDir: string): string {
  const id = hashOf(`${resolve(articlesDir)}\0${resolve(outputDir)}`).slice(0, 16);
  return join(cacheDir, 'manifests', `${id}.json`);
}

export async function readManifest(cacheDir: string, articlesDir: string, outputDir: string): Promise<Manifest | null> {
  try {
    const parsed = JSON.parse(await readFile(manifestPath(cacheDir, articlesDir, outputDir), 'utf8')) as Manifest;
    return parsed && typeof parsed.files === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export async function writeManifest(cacheDir: string, articlesDir: string, outputDir: string, manifest: Manifest): Promise<void> {
  await mkdir(join(cacheDir, 'manifests'), { recursive: true });
  await writeFileAtomically(manifestPath(cacheDir, articlesDir, outputDir), JSON.stringify(manifest));
}

export function diffManifest(previous: Manifest | null, current: Manifest): Changes {
  const before = previous?.files ?? {};
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, hash] of Object.entries(current.files)) {
    if (!(path in before)) added.push(path);
    else if (before[path] !== hash) changed.push(path);
  }
  const removed = Object.keys(before).filter((path) => !(path in current.files));
  return {
    firstBuild: previous === null,
    added: added.sort(),
    changed: changed.sort(),
    removed: removed.sort(),
    peopleFile: previous === null ? null : fileChange(previous.people ?? null, current.people),
    correctionsFile: previous === null ? null : fileChange(previous.corrections ?? null, current.corrections ?? null),
    extractorChanged: previous !== null && previous.extractorVersion !== current.extractorVersion,
  };
}
