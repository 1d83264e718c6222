// Writes the site's data files, `/data/articles.json` (every record) and `/data/quotes.csv` (every
// quote), after Eleventy's pages, as src/site/write-pages.ts writes the per-item pages and for the
// same reason: they grow with the archive (200 MB of JSON at 20,000 articles), and Eleventy keeps
// whatever it renders in memory until the build ends. Here each is hashed as it is generated, piece
// by piece; a file the output already holds with that hash is not written, else it is generated
// again straight into the file.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Archive } from '../record.ts';
import type { SiteFile } from '../build/site-writer.ts';
import { articlesJson, quotesCsv } from './formats.ts';
import { siteModel, type SiteModel } from './site-model.ts';
import { ARTICLES_JSON_URL, QUOTES_CSV_URL } from './urls.ts';
import type { OutputFiles } from './write-pages.ts';

interface DataFile {
  url: string;
  pieces: (model: SiteModel) => Iterable<string>;
}

const DATA_FILES: DataFile[] = [
  { url: ARTICLES_JSON_URL, pieces: articlesJson },
  { url: QUOTES_CSV_URL, pieces: quotesCsv },
];

/** The same hash as the site writer's (src/build/site-writer.ts `pageFile`), of the pieces joined. */
function hashOf(pieces: Iterable<string>): string {
  const hash = createHash('sha1');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
}

/** Writes the data files of `archive` into `outputDir`, but those `unchanged` holds as they are; returns them as site files. */
export async function writeDataFiles(archive: Archive, outputDir: string, unchanged: OutputFiles | null = null): Promise<SiteFile[]> {
  const model = siteModel(archive);
  const files: SiteFile[] = [];
  for (const { url, pieces } of DATA_FILES) {
    const rel = url.slice(1);
    const hash = hashOf(pieces(model));
    if (unchanged?.hashes.get(rel) === hash) {
      files.push({ rel, hash, content: null, path: join(unchanged.dir, rel) });
      continue;
    }
    const target = join(outputDir, rel);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(Readable.from(pieces(model)), createWriteStream(target));
    files.push({ rel, hash, content: null, path: target });
  }
  return files;
}
