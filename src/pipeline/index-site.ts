// The index stage: the search index of the archive (src/search), built from the records alone, so
// that Pagefind (a process of its own) indexes while the pages render. Bundles the output holds
// unchanged are kept: their files are listed from the output, not written again.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive } from '../record.ts';
import { folderFiles, type SiteFile } from '../io/site-files.ts';
import { buildSearchIndex, type PreviousIndex } from '../search/build-search-index.ts';
import type { OutputFiles } from '../site/write-pages.ts';
import { searchVersion } from './versions.ts';

export interface Indexed {
  files: SiteFile[];
  /** The bundles indexed by this build, and those kept from the output. */
  bundles: { indexed: string[]; kept: string[] };
  ms: number;
}

/** The files of the search index bundles kept from the output (not written again by this build). */
function keptFiles(bundles: string[], output: OutputFiles): SiteFile[] {
  const prefixes = bundles.map((name) => `pagefind/${name}/`);
  const files: SiteFile[] = [];
  for (const [rel, hash] of output.hashes) {
    if (prefixes.some((p) => rel.startsWith(p))) files.push({ rel, hash, content: null, path: join(output.dir, rel) });
  }
  return files;
}

/** Indexes `archive` into `outputDir/pagefind`, keeping the bundles `unchanged` (the output as it is) holds as they would come out. */
export async function indexSite(archive: Archive, outputDir: string, unchanged: OutputFiles | null): Promise<Indexed> {
  const started = performance.now();
  const previous: PreviousIndex | null = unchanged && {
    dir: join(unchanged.dir, 'pagefind'),
    isIntact: (rel) => unchanged.hashes.has(`pagefind/${rel}`),
    fileHash: (rel) => unchanged.hashes.get(`pagefind/${rel}`),
  };
  const summary = await buildSearchIndex(archive, join(outputDir, 'pagefind'), previous, searchVersion());
  const files = await folderFiles(join(outputDir, 'pagefind'), 'pagefind');
  if (unchanged) {
    files.push(...keptFiles(summary.kept, unchanged));
    // Files of bundles indexed again that came out as the output's: its files stand.
    for (const { rel, hash } of summary.reused) files.push({ rel: `pagefind/${rel}`, hash, content: null, path: join(unchanged.dir, 'pagefind', rel) });
  }
  return { files, bundles: { indexed: summary.indexed, kept: summary.kept }, ms: performance.now() - started };
}

/** The index of a site Eleventy writes in place (`npm start`): its own bundles are the ones kept. */
export async function indexInPlace(archive: Archive, outputDir: string): Promise<Omit<Indexed, 'files'>> {
  const started = performance.now();
  const summary = await buildSearchIndex(archive, join(outputDir, 'pagefind'), { dir: join(outputDir, 'pagefind') }, searchVersion());
  return { bundles: { indexed: summary.indexed, kept: summary.kept }, ms: performance.now() - started };
}
