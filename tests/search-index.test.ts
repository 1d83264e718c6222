// The search index is built from the records: one Pagefind page per article, each quote an anchor
// whose id carries its data, the text around the quotes searchable apart from them, lean metadata,
// and a build that fails loudly.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { constants as zlib, gunzipSync, gzipSync } from 'node:zlib';
import { buildSearchIndex, check, chunkSizeFor, SearchIndexError, verifyIndex, writeSearchIndex } from '../src/search/build-search-index.ts';
import { BUNDLES_FILE, bundleDocuments, groupByPeriod, groupPeriods, NEWEST_MONTH_SPLIT, newestMonthSplit, periodOf, type BundlesFile } from '../src/search/search-bundles.ts';
import {
  COMMON_WORDS,
  markCommonWords,
  QUOTE_COUNTS_FILE,
  quoteCounts,
  dateFilterValue,
  EVERY_ARTICLE_WORD,
  headAnchorId,
  quoteAnchorId,
  searchDocuments,
  searchSettings,
  shardOf,
  speakerFilterValue,
  UNDATED_SORT,
  type SearchDocument,
} from '../src/search/search-document.ts';
import { fixtureArchive, SCRIPT_IN_TEXT } from './fixtures/archive.ts';
import { tempDir } from './helpers/temp.ts';

function documentOf(slug: string): SearchDocument {
  const doc = searchDocuments(fixtureArchive()).find((d) => d.slug === slug);
  assert.ok(doc, `no search document for ${slug}`);
  return doc;
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

/** Every fragment of every bundle of the index in `dir`. */
async function readFragments(dir: string): Promise<Fragment[]> {
  const out: Fragment[] = [];
  for (const bundle of (JSON.parse(await readFile(join(dir, BUNDLES_FILE), 'utf8')) as BundlesFile).bundles) {
    const files = await readdir(join(dir, bundle.name, 'fragment'));
    // Pagefind's files are gzip with a 12-byte signature inside.
    for (const f of files) out.push(JSON.parse(gunzipSync(await readFile(join(dir, bundle.name, 'fragment', f))).subarray(12).toString()) as Fragment);
  }
  return out;
}

test('makes one search document per article, with every quote in text order and its data in the anchor id', () => {
  const archive = fixtureArchive();
  const docs = searchDocuments(archive);
  assert.equal(docs.length, archive.articles.length);
  const ferry = documentOf('ferry-timetable-approved');
  assert.equal(ferry.url, '/articles/ferry-timetable-approved/');
  assert.deepEqual(
    ferry.quotes.map((q) => [q.anchor, q.speakerName, q.kind]),
    [
      ['q1', 'Mara Quist', 'direct'],
      ['q2', 'Mara Quist', 'direct'],
      ['q3', 'Tomas Berg', 'direct'],
      ['q4', 'Tomas Berg', 'partial'],
    ],
  );
  const berg = ferry.quotes[2]!;
  assert.equal(quoteAnchorId(berg), 'q3|tomas-berg|Tomas%20Berg|d|');
  assert.ok(ferry.html.includes(`<p id="q3|tomas-berg|Tomas%20Berg|d|">‿A timetable ‿is ‿a promise, ‿and ‿this one ‿is broken before ‿it starts.</p>`));
  // The headline weighs as little as the text around the quotes: an article whose quotes hold the words ranks first.
  assert.ok(ferry.html.includes(`<h1 id="${headAnchorId('2021-03-04')}" data-pagefind-weight="0.25">Ferry timetable approved</h1>`));
  assert.equal(headAnchorId('2021-03-04'), 'a|2021-03-04|4%20March%202021');
});

test('marks the commonest short words where they stand alone, so that no search for a longer word loads their index', () => {
  assert.equal(markCommonWords('The ISIS is in Iraq, and it said: "I will."'), '‿The ISIS ‿is ‿in Iraq, ‿and ‿it said: "‿I ‿will."');
  assert.equal(markCommonWords("It's an in-depth look at Isis's war"), "It's ‿an in-depth look ‿at Isis's war", 'words joined by an apostrophe or a hyphen stay as they are');
  assert.equal(markCommonWords('Thereafter island Tothe'), 'Thereafter island Tothe', 'longer words that begin with one are not marked');
  assert.equal(markCommonWords(markCommonWords('to the end')), '‿to ‿the end', 'a marked word is not marked again');
  assert.ok(COMMON_WORDS.every((w) => w === w.toLowerCase() && /^\p{L}+$/u.test(w)));
});

test('weights the text around the quotes below the quotes, so that the articles whose quotes have the words rank first', () => {
  const ferry = documentOf('ferry-timetable-approved');
  const paragraphs = [...ferry.html.matchAll(/<p( [^>]*)?>/g)].map((m) => m[1] ?? '');
  const weighted = paragraphs.filter((a) => / data-pagefind-weight="0\.\d+"/.test(a));
  assert.equal(weighted.length, ferry.text.length, 'every paragraph of text around the quotes');
  assert.ok(paragraphs.filter((a) => a.startsWith(' id=')).every((a) => !a.includes('weight')), 'quotes keep the full weight');
});

test('searches the paragraphs that hold quotes as the text around them, with the quotes cut out, and nothing else', () => {
  const ferry = documentOf('ferry-timetable-approved');
  assert.ok(ferry.text.includes('“…” council chair Mara Quist said. “…”'), ferry.text.join('\n'));
  assert.ok(ferry.text.some((t) => t.startsWith('Tomas Berg, who chairs the fishing cooperative, said the cuts were “…” and promised')));
  assert.ok(ferry.text.includes('Harbour council approves winter ferry timetable'), 'a headline unlike the title is text');
  assert.ok(!ferry.text.some((t) => t.includes('Share this article')), 'furniture is not searchable');
  assert.ok(!ferry.text.some((t) => t.includes('PORTWELL')), 'a paragraph without a quote is not searchable');
  assert.ok(!ferry.text.some((t) => t.includes('A timetable is a promise') || t === '“…”'), 'a whole-paragraph quote leaves no text');
  const keepers = documentOf('lighthouse-keepers-remembered');
  assert.ok(!keepers.text.some((t) => t.includes('They wrote down')), 'a quote over two paragraphs is cut from both');
});

test('filters each article by its speakers, months and kinds, sharded where a value per article or speaker would make one big file', () => {
  const archive = fixtureArchive();
  const { speakerShards, articleShards } = searchSettings(archive);
  const ferry = documentOf('ferry-timetable-approved');
  assert.deepEqual([speakerShards, articleShards], [1, 1], 'a small archive has one shard of each');
  assert.deepEqual(ferry.filters, {
    speaker0: [speakerFilterValue('mara-quist', 'Mara Quist'), speakerFilterValue('tomas-berg', 'Tomas Berg')],
    date: ['2021-03'],
    kind: ['direct', 'partial'],
    article0: ['ferry-timetable-approved'],
  });
  assert.equal(speakerFilterValue('odd id', 'Odd Name'), 'odd%20id Odd Name');
  assert.equal(dateFilterValue('2015-09'), '2015-09');
  assert.equal(dateFilterValue('2015'), '2015');
  assert.equal(dateFilterValue('2015-13'), null);
  // FNV-1a: the same numbers search-core.js computes in the browser (checked there too).
  assert.equal(shardOf('sergey-lavrov', 8), 1);
  assert.equal(shardOf('jeff-davis', 8), 2);
  assert.equal(shardOf('', 7), 0x811c9dc5 % 7);
});

test('leaves out the speaker of an unattributed quote and sorts an undated article before every date', () => {
  const pier = documentOf('pier-lights-fail-again');
  const unattributed = pier.quotes.find((q) => q.text.startsWith('Someone will fall in'));
  assert.equal(unattributed?.speakerId, null);
  assert.equal(quoteAnchorId(unattributed!), 'q2|||d|');
  assert.deepEqual(pier.sort, { date: '2021-02' });
  const undated = documentOf('lighthouse-keepers-remembered');
  assert.deepEqual(undated.sort, { date: UNDATED_SORT });
  assert.equal(undated.filters['date'], undefined);
});

test('escapes markup from the articles in the indexed document and keeps ids free of whitespace', () => {
  const pier = documentOf('pier-lights-fail-again');
  assert.ok(!pier.html.includes(SCRIPT_IN_TEXT));
  assert.ok(!pier.html.includes('<b>'));
  assert.ok(pier.html.includes('Fix ‿the &lt;b&gt;lights&lt;/b&gt; &amp; ‿the rails,'));
  for (const doc of searchDocuments(fixtureArchive())) {
    for (const id of doc.html.matchAll(/ id="([^"]*)"/g)) assert.doesNotMatch(id[1]!, /\s/, `${doc.slug}: Pagefind drops whitespace from ids`);
  }
});

test('writes a Pagefind index of one page per article, with no metadata but the title and the word every article has', async () => {
  const archive = fixtureArchive();
  const out = join(await tempDir('pagefind-'), 'pagefind');
  const summary = await buildSearchIndex(archive, out);
  assert.equal(summary.pages, archive.articles.length);
  assert.equal(summary.quotes, archive.articles.flatMap((a) => a.quotes).length);
  const entry = JSON.parse(await readFile(join(out, '2021', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  assert.equal(entry.languages['en']?.page_count, 2);
  const files = await readdir(join(out, '2021'));
  assert.ok(!files.includes('pagefind-ui.js') && !files.includes('wasm.unknown.pagefind'), `unused files shipped: ${files.join(', ')}`);
  // The metadata every search loads is Pagefind's own, gzipped at the best level (or left as Pagefind wrote it when that is smaller).
  const meta = await readFile(join(out, '2021', files.find((f) => f.endsWith('.pf_meta'))!));
  assert.ok(gunzipSync(meta).subarray(0, 12).toString() === 'pagefind_dcd', 'the metadata reads as Pagefind wrote it');
  assert.ok(meta.length <= gzipSync(gunzipSync(meta), { level: zlib.Z_BEST_COMPRESSION, strategy: zlib.Z_FILTERED }).length);

  const fragments = await readFragments(out);
  const ferry = fragments.find((f) => f.url === '/articles/ferry-timetable-approved/');
  assert.ok(ferry);
  assert.deepEqual(ferry.meta, { every: EVERY_ARTICLE_WORD, title: 'Ferry timetable approved' }, 'every meta field is indexed and costs every search');
  const quoteAnchors = ferry.anchors.filter((a) => a.id.startsWith('q'));
  assert.deepEqual(
    quoteAnchors.map((a) => a.text),
    documentOf('ferry-timetable-approved').quotes.map((q) => markCommonWords(q.text)),
  );
  // Each anchor's word position is where its words are in the content, which is how matches are mapped to quotes.
  const words = ferry.content.split(/\s+/);
  for (const a of quoteAnchors) {
    const first = a.text.split(/\s+/)[0]!;
    assert.equal(words[a.location], first, `anchor ${a.id} is at word ${a.location}`);
  }
});

test('turns errors that Pagefind reports, and an incomplete index, into a thrown SearchIndexError', async () => {
  assert.doesNotThrow(() => check('write', { errors: [] }));
  assert.throws(() => check('write the index', { errors: ['disk full', 'no space'] }), {
    name: 'SearchIndexError',
    message: 'Pagefind failed to write the index: disk full; no space',
  });
  assert.ok(new SearchIndexError('x') instanceof Error);

  const root = join(await tempDir('pagefind-'), 'pagefind');
  await buildSearchIndex(fixtureArchive(), root);
  const out = join(root, '2021');
  await assert.rejects(verifyIndex(out, 3), /indexed 2 pages in .*, expected 3/);
  await rm(join(out, 'wasm.en.pagefind'));
  await assert.rejects(verifyIndex(out, 2), /wrote no wasm\.en\.pagefind/);
  await writeFile(join(out, 'pagefind-entry.json'), '');
  await assert.rejects(verifyIndex(out, 2), { name: 'SearchIndexError', message: /no readable pagefind-entry\.json/ });
});

test('fails the build when Pagefind skips a document or dies while writing, instead of exiting as if it had worked', async () => {
  const [doc] = searchDocuments(fixtureArchive());
  const dir = await tempDir('pagefind-');
  // A document Pagefind cannot index is skipped without an error; reading the index back notices.
  await assert.rejects(writeSearchIndex([{ ...doc!, url: '', html: '' }], join(dir, 'skipped')), { name: 'SearchIndexError', message: /indexed 0 pages .*expected 1/ });
  // Pagefind's process panics on an output folder it cannot create and never answers. Unguarded,
  // Node then runs out of work and exits without an index and without an error. Run as a build
  // runs, in a process of its own (the test runner would cancel the test first).
  const script = `
    import { writeSearchIndex } from './src/search/build-search-index.ts';
    import { searchDocuments } from './src/search/search-document.ts';
    import { fixtureArchive } from './tests/fixtures/archive.ts';
    await writeSearchIndex(searchDocuments(fixtureArchive()).slice(0, 1), '/proc/no-such-folder/pagefind');`;
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 }, () => {});
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
  assert.notEqual(result.code, 0, 'the build must not exit as if it had worked');
  assert.match(result.stderr, /SearchIndexError: Pagefind stopped without answering while trying to write the index/);
});

test('puts each article in the bundle of its months, undated articles in one of their own, listed newest first', async () => {
  assert.deepEqual([periodOf('2015-10-14'), periodOf('2015-10'), periodOf('2015'), periodOf(null)], ['2015-10', '2015-10', '2015', 'undated']);
  const docs = searchDocuments(fixtureArchive());
  const dated2019 = { ...docs[0]!, url: '/articles/older/', date: '2019-05-01' };
  const bundles = bundleDocuments([docs[2]!, dated2019, ...docs.slice(0, 2)], 'salt', 1);
  // A bundle of one article at least: each month its own, named by its month when another bundle holds months of its year.
  assert.deepEqual(bundles.map((b) => [b.name, b.pages]), [['2021-03', 1], ['2021-02', 1], ['2019', 1], ['undated', 1]]);
  assert.deepEqual(bundleDocuments([docs[2]!, dated2019, ...docs.slice(0, 2)], 'salt', 3).map((b) => [b.name, b.pages]), [['2019-2021', 3], ['undated', 1]]);
  // Months go together from the oldest until a group holds enough; the newest group is still filling.
  assert.deepEqual(
    groupPeriods([['2013-01', 900], ['2010-05', 2000], ['2011', 300], ['2011-02', 400], ['2012-07', 2600], ['2014-03', 10]], 2500),
    [['2010-05', '2011', '2011-02'], ['2012-07'], ['2013-01', '2014-03']],
  );
  assert.deepEqual(groupPeriods([], 2500), []);
  // Named by years when no other bundle holds a month of them, else by months.
  const names = (dates: string[], size: number) => groupByPeriod(dates, (d) => d, size, Infinity).map((g) => g.name);
  assert.deepEqual(names(['2012-01-05', '2012-11-30', '2013-04-01', '2014-02-02', '2014-06-01'], 2), ['2014-06', '2013-04-2014-02', '2012']);
  assert.deepEqual(names(['2012-01-05', '2012-11-30', '2013-04-01', '2014-02-02'], 3), ['2014', '2012-2013']);
  // The hash is of the documents, not of the order they come in, and of what else shapes the index.
  assert.equal(bundleDocuments([...docs].reverse(), 'salt')[0]!.hash, bundleDocuments(docs, 'salt')[0]!.hash);
  assert.notEqual(bundleDocuments(docs, 'other')[0]!.hash, bundleDocuments(docs, 'salt')[0]!.hash);
  const out = join(await tempDir('pagefind-'), 'pagefind');
  await buildSearchIndex(fixtureArchive(), out);
  const listed = JSON.parse(await readFile(join(out, BUNDLES_FILE), 'utf8')) as BundlesFile;
  const quotesOf = (dated: boolean) => fixtureArchive().articles.filter((a) => (a.date !== null) === dated).flatMap((a) => a.quotes).length;
  assert.deepEqual(listed.bundles.map((b) => [b.name, b.pages, b.quotes]), [['2021', 2, quotesOf(true)], ['undated', 1, quotesOf(false)]]);
  // Each bundle's word-index chunks shrink with it (a word then costs about as much over all bundles as over one index).
  assert.ok(chunkSizeFor(2_000) < chunkSizeFor(10_000) && chunkSizeFor(10) > 0);
});

test('gives the newest month of a large newest bundle a bundle of its own, where new articles land', () => {
  const dates = ['2014-03-02', '2015-01-10', '2015-06-01', '2015-06', '2015', '2015-06-30', null];
  const groups = (splitAt: number) => groupByPeriod(dates, (d) => d, 2, splitAt).map((g) => [g.name, g.items]);
  assert.deepEqual(groups(3), [
    ['2015-06', ['2015-06-01', '2015-06', '2015-06-30']],
    ['2015-01', ['2015-01-10']],
    ['2014-03-2015', ['2014-03-02', '2015']],
    ['undated', [null]],
  ]);
  // Below the size that pays for a bundle of its own, the newest group stays whole.
  assert.deepEqual(groups(100).map(([name]) => name), ['2015-01-2015-06', '2014-03-2015', 'undated']);
  // A newest group whose newest period is a year without months is not split.
  assert.deepEqual(groupByPeriod(['2015-01-10', '2015-02-01', '2016'], (d) => d, 10, 1).map((g) => g.name), ['2015-2016']);
  // On by default; SEARCH_NEWEST_MONTH sets the size, and 0 turns it off.
  assert.equal(newestMonthSplit({}), NEWEST_MONTH_SPLIT);
  assert.equal(newestMonthSplit({ SEARCH_NEWEST_MONTH: '200' }), 200);
  assert.equal(newestMonthSplit({ SEARCH_NEWEST_MONTH: '0' }), Infinity);
  assert.equal(newestMonthSplit({ SEARCH_NEWEST_MONTH: 'many' }), NEWEST_MONTH_SPLIT);
});

test('indexes again only the bundles whose documents changed, and keeps the others as they are', async () => {
  const out = join(await tempDir('pagefind-'), 'pagefind');
  const first = await buildSearchIndex(fixtureArchive(), out);
  assert.deepEqual([first.indexed, first.kept], [['2021', 'undated'], []]);
  const entryTime = async (bundle: string) => (await stat(join(out, bundle, 'pagefind-entry.json'))).mtimeMs;
  const undatedBefore = await entryTime('undated');
  const changed = fixtureArchive();
  const ferry = changed.articles.find((a) => a.slug === 'ferry-timetable-approved')!;
  ferry.quotes[0]!.text = 'Words said again, differently';
  // In place (as under `npm start`): the undated bundle is left alone, the 2021 one indexed anew.
  const second = await buildSearchIndex(changed, out, { dir: out });
  assert.deepEqual([second.indexed, second.kept], [['2021'], ['undated']]);
  assert.equal(await entryTime('undated'), undatedBefore);
  assert.ok((await readFragments(out)).some((f) => f.content.includes('Words said again, differently')));
  // Into a new folder (as under the build command): kept bundles are not written, the caller keeps them.
  const fresh = join(await tempDir('pagefind-'), 'pagefind');
  const third = await buildSearchIndex(changed, fresh, { dir: out, isIntact: () => true });
  assert.deepEqual([third.indexed, third.kept], [[], ['2021', 'undated']]);
  assert.deepEqual((await readdir(fresh)).sort(), [BUNDLES_FILE, QUOTE_COUNTS_FILE].sort());
  // A bundle with a file changed since it was written is indexed again.
  const fourth = await buildSearchIndex(changed, fresh, { dir: out, isIntact: (rel) => !rel.startsWith('undated/fragment/') });
  assert.deepEqual([fourth.indexed, fourth.kept], [['undated'], ['2021']]);
});

test('keeps a bundle made from the same inputs under the same search code, and indexes it again when a name it shows changes', async () => {
  const out = join(await tempDir('pagefind-'), 'pagefind');
  await buildSearchIndex(fixtureArchive(), out, null, 'code 1');
  const counts = await readFile(join(out, QUOTE_COUNTS_FILE), 'utf8');
  const same = await buildSearchIndex(fixtureArchive(), out, { dir: out }, 'code 1');
  assert.deepEqual([same.indexed, same.kept], [[], ['2021', 'undated']]);
  assert.equal(await readFile(join(out, QUOTE_COUNTS_FILE), 'utf8'), counts, 'the counts of kept bundles are counted all the same');
  // A person renamed (by the people file, say): the record is the same, the documents are not.
  const renamed = fixtureArchive();
  const person = renamed.people.find((p) => renamed.articles.some((a) => a.date === null && a.quotes.some((q) => q.speakerId === p.id)))!;
  person.name = 'Someone Renamed';
  const after = await buildSearchIndex(renamed, out, { dir: out }, 'code 1');
  assert.deepEqual(after.indexed, ['undated']);
  assert.ok((await readFragments(join(out))).some((f) => f.content.includes('Someone Renamed') || JSON.stringify(f).includes('Someone%20Renamed')));
  // Other search code: every bundle is made again (and kept only if its documents come out the same).
  const newCode = await buildSearchIndex(renamed, out, { dir: out }, 'code 2');
  assert.deepEqual(newCode.indexed, []);
  assert.deepEqual(newCode.kept, ['2021', 'undated']);
});

test('writes the archive\'s quotes per speaker, month, kind and outlet next to the index, counting quotes and not articles', async () => {
  const archive = fixtureArchive();
  const out = join(await tempDir('pagefind-'), 'pagefind');
  await buildSearchIndex(archive, out);
  const written = JSON.parse(await readFile(join(out, QUOTE_COUNTS_FILE), 'utf8'));
  assert.deepEqual(written, quoteCounts(searchDocuments(archive)));
  const quotes = archive.articles.flatMap((a) => a.quotes.map((q) => ({ ...q, articleDate: a.date })));
  const said = (id: string) => quotes.filter((q) => q.speakerId === id).length;
  // Mara Quist has three quotes in two articles.
  assert.deepEqual(written.speakers[0], ['mara-quist', 'Mara Quist', 3]);
  assert.deepEqual(
    Object.fromEntries(written.speakers.map(([id, , n]: [string, string, number]) => [id, n])),
    Object.fromEntries(archive.people.filter((p) => said(p.id) > 0).map((p) => [p.id, said(p.id)])),
  );
  assert.deepEqual(written.kinds, { direct: quotes.filter((q) => q.kind === 'direct').length, partial: quotes.filter((q) => q.kind === 'partial').length });
  assert.deepEqual(written.dates, { '2021-03': 4, '2021-02': 2 });
  assert.deepEqual(written.outlets, {});
});

test('a bundle indexed again beside the previous index writes only the files that differ from it, and lists the others as reused', async () => {
  const root = await tempDir('pagefind-reuse-');
  const first = join(root, 'first', 'pagefind');
  await buildSearchIndex(fixtureArchive(), first);
  const hashes = new Map<string, string>();
  for (const rel of await readdir(first, { recursive: true })) {
    const bytes = await readFile(join(first, rel)).catch(() => null);
    if (bytes) hashes.set(rel, createHash('sha256').update(bytes).digest('hex'));
  }
  // The ferry article retitled: its 2021 bundle is indexed again, the other article's fragment comes out the same.
  const changed = fixtureArchive();
  const ferry = changed.articles.find((a) => a.slug === 'ferry-timetable-approved')!;
  Object.assign(ferry, { title: 'Ferry timetable approved at last' });
  const second = join(root, 'second', 'pagefind');
  const summary = await buildSearchIndex(changed, second, { dir: first, fileHash: (rel) => hashes.get(rel) });
  assert.ok(summary.indexed.includes('2021'), `indexed ${summary.indexed.join(', ')}`);
  const reusedFragments = summary.reused.filter((f) => f.rel.startsWith('2021/fragment/'));
  assert.equal(reusedFragments.length, 1, 'the unchanged article’s fragment is reused');
  for (const { rel, hash } of summary.reused) {
    assert.equal(hashes.get(rel), hash);
    await assert.rejects(stat(join(second, rel)), 'a reused file is not written again');
  }
  // Written and reused together are the files a fresh index of the same archive has (but for the
  // filters and the metadata naming them, which Pagefind writes in hash-map order: see tests/helpers/build-command.ts).
  const fresh = join(root, 'fresh', 'pagefind');
  await buildSearchIndex(changed, fresh);
  const ordered = (rel: string) => !rel.includes('/filter/') && !rel.endsWith('.pf_meta');
  const filesOf = async (dir: string) => (await readdir(join(dir, '2021'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
  const rebuilt = [...(await filesOf(second)), ...summary.reused.map((f) => f.rel).filter((rel) => rel.startsWith('2021/'))];
  assert.deepEqual(rebuilt.filter(ordered).sort(), (await filesOf(fresh)).filter(ordered).sort());
  await rm(root, { recursive: true, force: true });
});
