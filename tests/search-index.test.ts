// The search index holds one record per quote, built from the records, and a failed index throws.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSearchIndex, check, SearchIndexError, searchRecords, UNIDENTIFIED_SPEAKER } from '../src/search/build-search-index.ts';
import { fixtureArchive } from './fixtures/archive.ts';

test('makes one record per quote, linking to the quote’s anchor on its article page', () => {
  const archive = fixtureArchive();
  const records = searchRecords(archive);
  assert.equal(records.length, archive.articles.flatMap((a) => a.quotes).length);
  const berg = records.find((r) => r.content.startsWith('A timetable is a promise'));
  assert.deepEqual(berg, {
    url: '/articles/ferry-timetable-approved/#q3',
    content: 'A timetable is a promise, and this one is broken before it starts.',
    language: 'en',
    meta: { title: 'A timetable is a promise, and this one is broken before it…', speaker: 'Tomas Berg', article: 'Ferry timetable approved', date: '4 March 2021' },
    filters: { kind: ['direct'], speaker: ['Tomas Berg'], year: ['2021'] },
    sort: { date: '2021-03-04' },
  });
});

test('leaves out the speaker filter and the date sort when they are unknown', () => {
  const records = searchRecords(fixtureArchive());
  const unattributed = records.find((r) => r.content.startsWith('Someone will fall in'));
  assert.equal(unattributed?.meta?.['speaker'], UNIDENTIFIED_SPEAKER);
  assert.equal(unattributed?.filters?.['speaker'], undefined);
  const undated = records.find((r) => r.url.startsWith('/articles/lighthouse-keepers-remembered/'));
  assert.equal(undated?.meta?.['date'], 'Undated');
  assert.equal(undated?.sort, undefined);
  assert.equal(undated?.filters?.['year'], undefined);
});

test('writes a Pagefind index holding every record', async () => {
  const archive = fixtureArchive();
  const out = join(await mkdtemp(join(tmpdir(), 'pagefind-')), 'pagefind');
  const summary = await buildSearchIndex(archive, out);
  assert.equal(summary.records, searchRecords(archive).length);
  const entry = JSON.parse(await readFile(join(out, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  assert.equal(entry.languages['en']?.page_count, summary.records);
  assert.ok((await readdir(join(out, 'fragment'))).length === summary.records);
});

test('turns errors that Pagefind reports into a thrown SearchIndexError', () => {
  assert.doesNotThrow(() => check('write', { errors: [] }));
  assert.throws(() => check('write the index', { errors: ['disk full', 'no space'] }), {
    name: 'SearchIndexError',
    message: 'Pagefind failed to write the index: disk full; no space',
  });
  assert.ok(new SearchIndexError('x') instanceof Error);
});
