// The renderer's version: what, besides a page's inputs (src/site/page-inputs.ts), decides the HTML
// of the pages src/site/write-pages.ts writes. A rebuild reuses a page's file only when it was
// rendered under the same version, so this must change with anything that could change a page:
// - the code that renders them: src/site/write-pages.ts and every module it imports, followed
//   through the source (src/extract/edtf.ts formats their dates), except the build's own modules
//   under src/build, which write and hash the pages but do not shape them;
// - the Eleventy config and Eleventy's version, whose HTML base plugin prefixes the pages' links;
// - where the site is published (SITE_URL, PATH_PREFIX: src/site/config.ts), and Node's version.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE, type SiteConfig } from '../site/config.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Relative imports of a module that may run code: `import … from`, `export … from`, bare and
 * dynamic imports, not `import type`. Over-matching only makes the version change more often.
 */
const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** `entry` and every module it imports, outside `stopAt`, as absolute paths, sorted. */
export function importClosure(entry: string, stopAt: string): string[] {
  const seen = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    // A path that is no file is words in a comment, not an import (a missing module fails the build anyway).
    if (seen.has(file) || file.startsWith(stopAt + sep) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) stack.push(resolve(dirname(file), (match[1] ?? match[2])!));
  }
  return [...seen].sort();
}

/** A hash of the renderer's source under `root` (a copy of the project, in tests). */
export function hashRendererSources(root: string = ROOT): string {
  const hash = createHash('sha256');
  const files = [...importClosure(join(root, 'src', 'site', 'write-pages.ts'), join(root, 'src', 'build')), join(root, '.eleventy.ts')];
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function eleventyVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', '@11ty', 'eleventy', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'absent';
  }
}

/** A short hex hash, computed afresh on each call (a few milliseconds). */
export function rendererVersion(config: SiteConfig = SITE): string {
  return createHash('sha256')
    .update(hashRendererSources())
    .update(`\0eleventy@${eleventyVersion()}\0node@${process.version}\0${config.siteUrl}\0${config.pathPrefix}`)
    .digest('hex')
    .slice(0, 16);
}
