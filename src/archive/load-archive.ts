// Reads the article folder and builds the archive: the entry point for the site and the CLI.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive, Message } from '../record.ts';
import { parsePeopleFile, type PersonEntry } from './people-file.ts';
import { buildArchive, type ArticleInput } from './build-archive.ts';

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt)$/i;

export async function readArticleInputs(dir: string): Promise<ArticleInput[]> {
  const names = (await readdir(dir)).filter((n) => ARTICLE_EXTENSIONS.test(n) && !n.startsWith('.')).sort();
  return Promise.all(names.map(async (name) => ({ path: join(dir, name), bytes: await readFile(join(dir, name)) })));
}

export const PEOPLE_FILE = 'people.yml';

/** The people file beside the articles, if there is one. */
export async function readPeopleFile(dir: string): Promise<{ people: PersonEntry[]; messages: Message[] }> {
  const path = join(dir, PEOPLE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { people: [], messages: [] };
  }
  return parsePeopleFile(text, path);
}

export async function loadArchive(dir: string): Promise<Archive> {
  const { people, messages } = await readPeopleFile(dir);
  const archive = buildArchive(await readArticleInputs(dir), { people });
  archive.messages.unshift(...messages);
  return archive;
}
