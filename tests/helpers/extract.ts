// Extraction from in-memory articles, for tests that state what a record must say.
import { buildArchive } from '../../src/archive/build-archive.ts';
import { readArticleInputs, readPeopleFile } from '../../src/archive/load-archive.ts';
import type { Archive, ArticleRecord, Quote } from '../../src/record.ts';

export function archiveOf(files: Record<string, string>): Archive {
  return buildArchive(Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })));
}

export function recordOf(text: string, path = 'article.txt'): ArticleRecord {
  const record = archiveOf({ [path]: text }).articles[0];
  if (!record) throw new Error(`no record for ${path}`);
  return record;
}

/** The quotes as `text → speaker name` pairs, the way a reader would check them. */
export function said(record: ArticleRecord): Array<[string, string | null]> {
  const names = new Map(record.speakers.map((s) => [s.id, s.name]));
  return record.quotes.map((q: Quote) => [q.text, q.speakerId ? names.get(q.speakerId) ?? q.speakerId : null]);
}

export function speakerOf(record: ArticleRecord, fragment: string): string | null {
  const quote = record.quotes.find((q) => q.text.includes(fragment));
  if (!quote) throw new Error(`no quote containing "${fragment}" in ${JSON.stringify(record.quotes.map((q) => q.text))}`);
  return quote.speakerId ? record.speakers.find((s) => s.id === quote.speakerId)?.name ?? quote.speakerId : null;
}

/** The archive a clean, uncached extraction of a folder gives, as the extract command builds it. */
export async function cleanArchiveOf(dir: string): Promise<Archive> {
  const { people, messages } = await readPeopleFile(dir);
  const archive = buildArchive(await readArticleInputs(dir), { people });
  archive.messages.unshift(...messages);
  return archive;
}
