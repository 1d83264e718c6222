// Reads the article folder and builds the archive: the entry point for the site and the CLI.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../record.ts';
import { buildArchive, type ArticleInput } from './build-archive.ts';

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt)$/i;

export async function readArticleInputs(dir: string): Promise<ArticleInput[]> {
  const names = (await readdir(dir)).filter((n) => ARTICLE_EXTENSIONS.test(n) && !n.startsWith('.')).sort();
  return Promise.all(names.map(async (name) => ({ path: join(dir, name), bytes: await readFile(join(dir, name)) })));
}

export async function loadArchive(dir: string): Promise<Archive> {
  return buildArchive(await readArticleInputs(dir));
}
