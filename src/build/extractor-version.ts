// The extractor's version: a hash of every source file that turns an article file into its
// per-article result (src/read, src/extract, src/archive), of the libraries they parse with, and of
// the Node version. Any change to them changes the version and so invalidates the extraction
// cache; nothing else does (templates, search, site code are not part of it).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXTRACTOR_DIRS = ['read', 'extract', 'archive'];
/** Libraries the reading and extraction code parses with. */
const LIBRARIES = ['gray-matter', 'js-yaml', 'remark-parse', 'unified', 'mdast-util-from-markdown', 'micromark'];

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.(ts|mts|js|mjs|json)$/.test(entry.name)) out.push(path);
  }
  return out;
}

function libraryVersion(name: string): string {
  const require = createRequire(join(SRC, '..', 'package.json'));
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    // Some packages do not export their package.json; look for it in node_modules directly.
    try {
      return (JSON.parse(readFileSync(join(SRC, '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'absent';
    }
  }
}

/** A hash of the extraction code under a source folder (its read, extract and archive folders). */
export function hashSources(srcRoot: string): string {
  const files = EXTRACTOR_DIRS.flatMap((d) => sourceFiles(join(srcRoot, d))).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(srcRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** A short hex hash, computed afresh on each call (a few milliseconds), so `npm start` sees edits. */
export function extractorVersion(): string {
  const hash = createHash('sha256').update(hashSources(SRC));
  for (const name of LIBRARIES) hash.update(`\0${name}@${libraryVersion(name)}`);
  hash.update(`\0node@${process.version}`);
  return hash.digest('hex').slice(0, 16);
}
