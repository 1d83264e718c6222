// A file of the built site as the stages pass it on: where it goes inside the site, its content
// hash, and its bytes or the file that holds them. The renderers and the search index produce these;
// the publish stage (src/pipeline/publish.ts) puts them into the output.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { hashOf } from './hash.ts';
import { mapLimited } from './pool.ts';

export interface SiteFile {
  /** Path inside the site, with `/` separators. */
  rel: string;
  hash: string;
  /** The bytes to write, or the file that holds them (already in the temporary folder, or to copy). */
  content: string | Uint8Array | null;
  path: string | null;
  /** For a page keyed by its inputs (src/site/page-inputs.ts): their key, which the output manifest keeps. */
  inputKey?: string | null;
}

export class SiteFileError extends Error {
  override name = 'SiteFileError';
}

const toRel = (path: string) => path.split(sep).join('/');

/** A segment that would leave the site or name its folder again. */
const NOT_INSIDE = /(?:^|\/)\.{0,2}(?:\/|$)|\\/;

/**
 * `rel` checked as a path inside the site, as the page writers name their files (`articles/x/index.html`):
 * no empty, `.` or `..` segment, no leading `/`, no `\\`. Pages named this way are checked as
 * given, without resolving two paths for each of a build's 40,000 pages; `given` is what the
 * error names.
 */
export function insideSite(rel: string, given: string = rel): string {
  if (NOT_INSIDE.test(rel)) throw new SiteFileError(`A page would be written outside the site: ${given}`);
  return rel;
}

/** The path inside the site (`root`) of a file written to `outputPath`. */
export function siteRel(root: string, outputPath: string): string {
  return insideSite(toRel(relative(root, resolve(outputPath))), outputPath);
}

/** A rendered page: where it is written (inside `root`) and its content. */
export function pageFile(root: string, outputPath: string, content: string | Uint8Array): SiteFile {
  return { rel: siteRel(root, outputPath), hash: hashOf(content), content, path: null };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every file under `dir` (or the file `dir`) as site files under `prefix`: a passthrough copy, or the search index already written. */
export async function folderFiles(dir: string, prefix: string): Promise<SiteFile[]> {
  if (!existsSync(dir)) return [];
  const isDir = (await stat(dir)).isDirectory();
  const files = isDir ? (await walk(dir)).sort() : [dir];
  return mapLimited(files, 64, async (path) => ({
    rel: toRel(isDir ? join(prefix, relative(dir, path)) : prefix),
    hash: hashOf(await readFile(path)),
    content: null,
    path,
  }));
}
