// A code version: what a cached result depends on besides its inputs. The hash of some modules,
// every module they import (followed through the source), the files they load beside themselves
// (`new URL('./model.json', import.meta.url)`), the versions of the packages they compute with, and
// Node's. The extraction cache is keyed by the extractor's version, a page's file by the renderer's
// (src/pipeline/versions.ts): a change to any of that code changes the version, and nothing else does.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf, startHash } from './hash.ts';

/** The project's folder (the one with package.json). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Relative imports of a module that may run code: `import … from`, `export … from`, bare and
 * dynamic imports, not `import type`; and files it opens beside itself through `new URL(…,
 * import.meta.url)`. Over-matching only makes the version change more often.
 */
const IMPORT =
  /(?:^|[;\s])(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|\bnew URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/g;

const CODE = /\.(?:[mc]?[jt]s)$/;

/** `entries` and every file they import or open, outside the `stopAt` folders, as absolute paths, sorted. */
export function importClosure(entries: readonly string[], stopAt: readonly string[] = []): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => resolve(e));
  const stops = stopAt.map((s) => resolve(s) + sep);
  while (stack.length > 0) {
    const file = stack.pop()!;
    // A path that is no file is words in a comment, not an import (a missing module fails the build anyway).
    if (seen.has(file) || stops.some((s) => file.startsWith(s)) || !existsSync(file)) continue;
    seen.add(file);
    if (!CODE.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) stack.push(resolve(dirname(file), (match[1] ?? match[2] ?? match[3])!));
  }
  return [...seen].sort();
}

/** A hash of the files (named relative to `root`, so that a copy of the project hashes the same). */
export function hashFiles(root: string, files: readonly string[]): string {
  const hash = startHash();
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** The installed version of a package, or `absent`. */
export function packageVersion(name: string, root: string = PROJECT_ROOT): string {
  const candidates = [() => createRequire(join(root, 'package.json')).resolve(`${name}/package.json`), () => join(root, 'node_modules', name, 'package.json')];
  for (const candidate of candidates) {
    try {
      return (JSON.parse(readFileSync(candidate(), 'utf8')) as { version: string }).version;
    } catch {
      // Some packages do not export their package.json: try the next place.
    }
  }
  return 'absent';
}

export interface CodeParts {
  /** The project folder the paths are in (a copy of it, in tests). */
  root?: string;
  /** Modules, relative to the root. */
  entries: readonly string[];
  /** Folders, relative to the root, whose modules do not count (they do not shape the result). */
  stopAt?: readonly string[];
  packages?: readonly string[];
  /** Anything else that shapes the result (where the site is published, say). */
  settings?: readonly string[];
}

/** The hash of the code alone (what tests compare between copies of the project). */
export function sourceHash({ root = PROJECT_ROOT, entries, stopAt = [] }: CodeParts): string {
  return hashFiles(root, importClosure(entries.map((e) => join(root, e)), stopAt.map((s) => join(root, s))));
}

/** A short hex hash of the code, its packages, Node and the settings; computed afresh on each call (a few milliseconds), so `npm start` sees edits. */
export function codeVersion(parts: CodeParts): string {
  const packages = (parts.packages ?? []).map((name) => `${name}@${packageVersion(name, parts.root)}`);
  return hashOf([sourceHash(parts), ...packages, `node@${process.version}`, ...(parts.settings ?? [])].join('\0')).slice(0, 16);
}
