// Where the site's archive comes from. Normally the article folder, extracted on each build;
// ARCHIVE_JSON names an archive already extracted (by the CLI, or a test fixture) so that the site
// can be built and tested without running extraction, and ARCHIVE_DIR names another article folder.
import { readFile } from 'node:fs/promises';
import type { Archive } from '../record.ts';

export const DEFAULT_ARTICLES_DIR = 'articles';

export class ArchiveSourceError extends Error {
  override name = 'ArchiveSourceError';
}

function looksLikeArchive(value: unknown): value is Archive {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v['articles']) && Array.isArray(v['people']) && Array.isArray(v['messages']);
}

/** An archive already extracted, from its JSON file (ARCHIVE_JSON). */
export async function readArchiveJson(path: string): Promise<Archive> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ArchiveSourceError(`Cannot read the archive JSON ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!looksLikeArchive(parsed)) {
    throw new ArchiveSourceError(`${path} is not an archive: expected an object with articles, people and messages arrays`);
  }
  return parsed;
}

/**
 * Freezes the archive all the way down. Templates only read it, and Eleventy shares a frozen
 * object between pages instead of deep-copying it into the data of every page.
 */
export function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The article folder the archive comes from, or null when it is given as JSON: what `npm start` watches and what sizes a build's heap. */
export function articlesDir(env: NodeJS.ProcessEnv = process.env): string | null {
  return env['ARCHIVE_JSON'] ? null : env['ARCHIVE_DIR'] || DEFAULT_ARTICLES_DIR;
}
