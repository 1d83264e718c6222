// Writes the site's data files, `/data/articles.json` (every record) and `/data/quotes.csv` (every
// quote), as src/site/write-pages.ts writes the per-item pages and for the same reason: they grow
// with the archive (200 MB of JSON at 20,000 articles), and Eleventy keeps whatever it renders in
// memory until the build ends. Here each is generated piece by piece into the file and its hash at
// once, and, like the pages, the CSV not at all when its inputs are those its file in the output was
// written from (the JSON is made anyway: see `firstWrite`). Under `npm start` a signal stops them half-way (the next build writes them).
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Archive } from '../record.ts';
import type { Hash } from 'node:crypto';
import type { SiteFile } from '../io/site-files.ts';
import { startHash } from '../io/hash.ts';
import { articlesJson, quotesCsv } from './formats.ts';
import { siteModel, type SiteModel } from './site-model.ts';
import { inputKeys, recordJson } from './page-inputs.ts';
import { ARTICLES_JSON_URL, QUOTES_CSV_URL } from './urls.ts';
import { reusableHash, type OutputFiles } from './write-pages.ts';

interface DataFile {
  url: string;
  pieces: (model: SiteModel) => Iterable<string>;
  /**
   * Written before its key is known: its pieces are the JSON of every record, which its key (and
   * every page's) hashes, so that making them to find the key the same costs little more than the
   * key itself. Made from the output's file's inputs, that file is kept and the new one removed.
   */
  firstWrite: boolean;
}

const DATA_FILES: DataFile[] = [
  { url: ARTICLES_JSON_URL, pieces: (model) => articlesJson(model, recordJson), firstWrite: true },
  { url: QUOTES_CSV_URL, pieces: quotesCsv, firstWrite: false },
];

/**
 * The pieces joined into strings of at least this many characters: a piece is one record's JSON
 * or a batch of CSV rows, and a stream write and a hash update for each took 0.3-0.4 s of the
 * build's thread at 5,000 articles.
 */
const CHUNK_CHARS = 256 * 1024;

function* chunked(pieces: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length < CHUNK_CHARS) continue;
    yield chunk;
    chunk = '';
  }
  if (chunk) yield chunk;
}

/** The pieces, each added to `hash` as it passes; stopped by `signal` (the stream then fails with its reason). */
function* hashing(pieces: Iterable<string>, hash: Hash, signal: AbortSignal | undefined): Generator<string> {
  for (const piece of pieces) {
    signal?.throwIfAborted();
    hash.update(piece);
    yield piece;
  }
}

/**
 * Writes the data files of `archive` into `outputDir`; returns them as site files. Given the
 * renderer's version, each is keyed by its inputs (every record and person), and one whose key is
 * that of its file in `unchanged` (the output as it is) is not generated at all: generating the
 * JSON of every record only to find it the same took 0.2 s at 5,000 articles, twice over when it
 * was not (once to compare, once to write).
 */
export async function writeDataFiles(archive: Archive, outputDir: string, unchanged: OutputFiles | null = null, rendererVersion: string | null = null, signal?: AbortSignal): Promise<SiteFile[]> {
  const model = siteModel(archive);
  const keys = rendererVersion ? inputKeys(rendererVersion, model) : null;
  const files: SiteFile[] = [];
  for (const file of DATA_FILES) {
    const rel = file.url.slice(1);
    const keyOf = () => keys?.key('data', { file: rel, articles: model.articles, people: model.people }) ?? null;
    files.push(await writeDataFile(file, model, rel, keyOf, outputDir, unchanged, signal));
  }
  return files;
}

/** One data file: kept when the output's was made from the same inputs, else streamed into the output. */
async function writeDataFile({ pieces, firstWrite }: DataFile, model: SiteModel, rel: string, keyOf: () => string | null, outputDir: string, unchanged: OutputFiles | null, signal: AbortSignal | undefined): Promise<SiteFile> {
  const inputKey = firstWrite ? null : keyOf();
  const before = reusableHash(unchanged, rel, inputKey);
  if (before !== undefined) return { rel, hash: before, content: null, path: join(unchanged!.dir, rel), inputKey };
  const target = join(outputDir, rel);
  await mkdir(dirname(target), { recursive: true });
  const hash = startHash();
  await pipeline(Readable.from(hashing(chunked(pieces(model)), hash, signal)), createWriteStream(target));
  const key = firstWrite ? keyOf() : inputKey;
  const kept = reusableHash(unchanged, rel, key);
  if (kept === undefined) return { rel, hash: hash.digest('hex'), content: null, path: target, inputKey: key };
  // Made from the inputs of the output's file, it is that file: the output's stands.
  const path = join(unchanged!.dir, rel);
  if (path !== target) await rm(target, { force: true });
  return { rel, hash: kept, content: null, path, inputKey: key };
}
