// The search page's logic without a browser (templates/assets/search-core.js is plain JavaScript with
// no DOM): queries and phrases, the address as the search's state, the Pagefind query it makes, and
// how one Pagefind result (an article) becomes quote hits and a text hit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMON_WORD_MARK, COMMON_WORDS, EVERY_ARTICLE_WORD, headAnchorId, markCommonWords, quoteAnchorId, speakerFilterValue, type SearchQuote } from '../src/search/search-document.ts';

// Imported by a path in a variable: the module is JavaScript for the browser, without types.
const CORE = '../templates/assets/search-core.js';
const core = await import(CORE);

interface Hit {
  anchor: string;
  speakerName: string | null;
  kind: string;
  date: string | null;
  shownDate: string;
  url: string;
  text: string;
  marks: number[];
  byName: boolean;
}

const quote = (anchor: string, text: string, speaker: [string, string] | null, kind: 'direct' | 'partial' = 'direct', date: string | null = null, statement: string | null = null): SearchQuote => ({
  anchor,
  speakerId: speaker?.[0] ?? null,
  speakerName: speaker?.[1] ?? null,
  kind,
  date,
  statement,
  text,
});

/** A Pagefind fragment as `result.data()` returns it, laid out like the index's documents. */
function fragment(title: string, date: string, text: string, quotes: SearchQuote[], matched: (word: string) => boolean) {
  const anchors = [{ element: 'h1', id: headAnchorId(date), text: title, location: 0 }];
  const words = [...title.split(/\s+/), ...text.split(/\s+/)];
  for (const q of quotes) {
    anchors.push({ element: 'p', id: quoteAnchorId(q), text: q.text, location: words.length });
    words.push(...q.text.split(/\s+/));
  }
  const locations = words.flatMap((w, i) => (matched(w) ? [i] : []));
  return { url: '/articles/talks/', content: words.join(' '), raw_content: words.join(' '), meta: { title }, anchors, locations };
}

const LAVROV: [string, string] = ['sergey-lavrov', 'Sergey Lavrov'];
const PESKOV: [string, string] = ['dmitry-peskov', 'Dmitry Peskov'];
/** The same article as Pagefind returns it for a query whose matched words `matched` recognises. */
const talks = (matched: RegExp) =>
  fragment(
    'Talks on Syria',
    '2015-10-14',
    'The minister spoke after the talks. “…” said Lavrov.',
    [
      quote('q1', 'We want dialogue with the Islamic', PESKOV),
      quote('q2', 'State must be defeated, and dialogue helps', LAVROV, 'partial'),
      quote('q3', 'The so-called “Islamic State” is the enemy.', LAVROV, 'direct', '2015-10-13'),
    ],
    (w) => matched.test(w),
  );
const NOTHING = /^$/;
const noFilters = core.readState(new URLSearchParams());

test('reads free words and "quoted phrases", with curly quote marks as straight ones', () => {
  assert.deepEqual(core.parseQuery('dialogue  Washington').terms, ['dialogue', 'washington']);
  const phrase = core.parseQuery('“Islamic State”');
  assert.deepEqual(phrase.phrases, [['islamic', 'state']]);
  assert.equal(phrase.pagefindTerm, '"islamic state"', 'one phrase alone is a Pagefind phrase search');
  const mixed = core.parseQuery('"Islamic State" coalition');
  assert.equal(mixed.pagefindTerm, 'coalition islamic state', 'with other words, all words are asked and the phrase is checked here');
  assert.deepEqual(core.parseQuery('de-confliction').terms, ['deconfliction']);
  assert.equal(core.parseQuery('  ').pagefindTerm, EVERY_ARTICLE_WORD, 'filters alone ask for the word every article has');
  assert.equal(core.parseQuery('"unclosed phrase').phrases.length, 1);
});

test('asks the index for the commonest short words as the build marks them, and shows them without the mark', () => {
  assert.deepEqual([core.COMMON_WORD_MARK, core.COMMON_WORDS], [COMMON_WORD_MARK, COMMON_WORDS], 'the page and the build mark the same words');
  assert.equal(core.parseQuery('the ISIS').pagefindTerm, '‿the isis');
  assert.equal(core.parseQuery('"It is time"').pagefindTerm, '"‿it ‿is time"');
  assert.equal(core.parseQuery('"in talks" Syria').pagefindTerm, 'syria ‿in talks');
  const data = fragment(markCommonWords('Talks in Syria'), '2015-10-14', markCommonWords('The minister spoke.'), [quote('q1', markCommonWords('It is time for the talks'), PESKOV)], (w) => /talks/i.test(w));
  const { article, quotes, textHit } = core.hitsIn(data, core.parseQuery('talks'), noFilters);
  assert.equal(article.title, 'Talks in Syria');
  assert.deepEqual(quotes.map((q: Hit) => [q.text, q.marks]), [['It is time for the talks', [5]]]);
  assert.equal(textHit, null);
});

test('keeps the search in the address in a fixed order and drops what is malformed', () => {
  const state = core.readState(new URLSearchParams('sort=oldest&q=dialogue&kind=partial&speaker=sergey-lavrov&year=2015&month=10&article=talks'));
  assert.equal(core.writeState(state), 'q=dialogue&speaker=sergey-lavrov&year=2015&month=10&kind=partial&article=talks&sort=oldest');
  const bad = core.readState(new URLSearchParams('year=15&month=13&kind=some&sort=random'));
  assert.equal(core.writeState(bad), '');
  assert.equal(core.readState(new URLSearchParams('month=10')).month, '', 'a month needs a year');
  assert.equal(core.effectiveSort(core.readState(new URLSearchParams('speaker=x'))), 'newest', 'without words, newest first');
  assert.equal(core.effectiveSort(core.readState(new URLSearchParams('q=x'))), 'relevance');
});

test('turns the filters into Pagefind filters: sharded speaker and article, a year as any of its months', () => {
  const settings = { speakerShards: 8, articleShards: 20 };
  const state = core.readState(new URLSearchParams('speaker=sergey-lavrov&year=2015&kind=direct&article=talks'));
  const filters = core.pagefindFilters(state, settings, speakerFilterValue('sergey-lavrov', 'Sergey Lavrov'));
  assert.deepEqual(filters, {
    [`speaker${core.shardOf('sergey-lavrov', 8)}`]: 'sergey-lavrov Sergey Lavrov',
    date: { any: ['2015', ...Array.from({ length: 12 }, (_, i) => `2015-${String(i + 1).padStart(2, '0')}`)] },
    kind: 'direct',
    [`article${core.shardOf('talks', 20)}`]: 'talks',
  });
  assert.deepEqual(core.pagefindFilters({ ...state, month: '10' }, settings, null)['date'], '2015-10');
  assert.deepEqual(core.pagefindSort(core.readState(new URLSearchParams('q=x&sort=oldest'))), { date: 'asc' });
  const counts = core.mergeCounts({ speaker1: { 'sergey-lavrov Sergey Lavrov': 3 }, speaker5: { 'odd%20id Odd': 1 }, date: { '2015-10': 2, '2015-09': 1, '2014': 4 } });
  assert.deepEqual([...counts.speakers.keys()], ['sergey-lavrov', 'odd id']);
  assert.deepEqual(Object.fromEntries(counts.years), { '2015': 3, '2014': 4 });
});

test('maps each match to the quote it falls in, marks its words and keeps only the quotes that pass the filters', () => {
  const query = core.parseQuery('dialogue');
  const { article, quotes, textHit } = core.hitsIn(talks(/dialogue/), query, noFilters) as { article: { title: string; date: string; outlet: string | null }; quotes: Hit[]; textHit: unknown };
  assert.deepEqual(article, { url: '/articles/talks/', title: 'Talks on Syria', date: '2015-10-14', shownDate: '14 October 2015', outlet: null });
  assert.deepEqual(quotes.map((q) => q.anchor), ['q1', 'q2']);
  assert.equal(quotes[0]!.url, '/articles/talks/#q1');
  assert.deepEqual(quotes[0]!.marks, [2]);
  assert.equal(textHit, null, 'the text around the quotes does not say dialogue');

  const lavrov = core.hitsIn(talks(NOTHING), core.parseQuery(''), core.readState(new URLSearchParams('speaker=sergey-lavrov'))).quotes as Hit[];
  assert.deepEqual(lavrov.map((q) => q.anchor), ['q2', 'q3'], 'without words, every quote of the speaker');
  const partial = core.hitsIn(talks(/dialogue/), query, core.readState(new URLSearchParams('kind=partial'))).quotes as Hit[];
  assert.deepEqual(partial.map((q) => q.anchor), ['q2']);
  const ownDate = core.hitsIn(talks(NOTHING), core.parseQuery(''), core.readState(new URLSearchParams('year=2015&month=10'))).quotes as Hit[];
  assert.equal(ownDate.find((q) => q.anchor === 'q3')?.shownDate, '13 October 2015', 'a quote’s own date is shown');
});

test('a phrase must stand whole inside one quote, not across two, and every place it stands is marked', () => {
  // Pagefind marks only the first place a phrase stands in a page: here across q1 and q2.
  const { quotes } = core.hitsIn(talks(/^(Islamic|State)$/), core.parseQuery('"Islamic State"'), noFilters) as { quotes: Hit[] };
  assert.deepEqual(quotes.map((q) => q.anchor), ['q3'], 'q1 ends with Islamic and q2 starts with State');
  assert.deepEqual(quotes[0]!.marks, [2, 3]);
  const runs = core.markRuns(quotes[0]!.text, quotes[0]!.marks) as { text: string; mark: boolean }[];
  assert.deepEqual(runs.filter((r) => r.mark).map((r) => r.text), ['“Islamic State”'], 'one highlight for the phrase');
});

test('finds the quotes of a speaker named in the query, and matches in the text around the quotes', () => {
  const byName = core.hitsIn(talks(/lavrov/i), core.parseQuery('Lavrov'), noFilters) as { quotes: Hit[]; textHit: { words: string[]; marks: number[] } };
  assert.deepEqual(byName.quotes.map((q) => [q.anchor, q.byName]), [['q2', true], ['q3', true]]);
  assert.equal(byName.textHit.words[byName.textHit.marks[0]!], 'Lavrov.', 'and the writer naming him in the text');
  const text = core.hitsIn(
    fragment('Talks', '2015-10', 'The minister spoke after the talks.', [quote('q1', 'We want dialogue', PESKOV)], (w) => w.startsWith('minister')),
    core.parseQuery('minister'),
    noFilters,
  ) as { quotes: Hit[]; textHit: { words: string[]; marks: number[] } };
  assert.deepEqual(text.quotes, []);
  assert.equal(text.textHit.words[text.textHit.marks[0]!], 'minister');
});

test('reads the index bundles in date order for a sorted search, undated last, and joins their answers in that order', () => {
  const bundles = ['2021', '2019', '2015', 'undated'];
  assert.deepEqual(core.bundleOrder(bundles, 'newest'), ['2021', '2019', '2015', 'undated']);
  assert.deepEqual(core.bundleOrder(bundles, 'oldest'), ['2015', '2019', '2021', 'undated']);
  assert.deepEqual(core.bundleOrder(['undated'], 'oldest'), ['undated']);
  assert.deepEqual(bundles, ['2021', '2019', '2015', 'undated'], 'the list itself is left as it was');
  const answer = (results: string[], filters: Record<string, Record<string, number>>) => ({ results, filters, totalFilters: { kind: { direct: 9 } }, unfilteredResultCount: 9 });
  const joined = core.joinAnswers([answer(['a', 'b'], { kind: { direct: 2 } }), answer([], {}), answer(['c'], { kind: { direct: 1, partial: 1 }, date: { '2015-10': 1 } })]);
  assert.deepEqual(joined.results, ['a', 'b', 'c']);
  assert.deepEqual(joined.filters, { kind: { direct: 3, partial: 1 }, date: { '2015-10': 1 } });
  assert.deepEqual(joined.totalFilters, { kind: { direct: 9 } });
  assert.deepEqual(core.joinAnswers([]).results, []);
});

test('a search narrowed to a year needs only the bundles that have quotes said in it', () => {
  const bundles = [
    { name: '2014', years: ['2014', '2013'] },
    { name: '2012-2013', years: ['2013', '2012'] },
    { name: 'undated', years: [] },
  ];
  assert.deepEqual(core.bundlesFor(bundles, { ...noFilters, year: '2013' }), ['2014', '2012-2013']);
  assert.deepEqual(core.bundlesFor(bundles, { ...noFilters, year: '2012' }), ['2012-2013']);
  assert.deepEqual(core.bundlesFor(bundles, { ...noFilters, year: '1999' }), []);
  assert.deepEqual(core.bundlesFor(bundles, noFilters), ['2014', '2012-2013', 'undated']);
});

test('counts quotes, not articles, per speaker, year, month, kind and outlet, and says where each menu counts from', () => {
  const hits = [
    { speakerId: 'sergey-lavrov', speakerName: 'Sergey Lavrov', kind: 'direct', date: '2015-10-14', outlet: 'TASS' },
    { speakerId: 'sergey-lavrov', speakerName: 'Sergey Lavrov', kind: 'partial', date: '2015-10', outlet: 'TASS' },
    { speakerId: null, speakerName: null, kind: 'direct', date: '2016', outlet: null },
  ];
  const counts = core.countQuotes(hits);
  assert.equal(counts.speakers.get('sergey-lavrov').count, 2);
  assert.deepEqual([...counts.years], [['2015', 2], ['2016', 1]]);
  assert.deepEqual([...counts.months], [['2015-10', 2]]);
  assert.deepEqual([...counts.kinds], [['direct', 2], ['partial', 1]]);
  assert.deepEqual([...counts.outlets], [['TASS', 2]]);
  const archive = core.archiveCounts({ speakers: [['sergey-lavrov', 'Sergey Lavrov', 7]], dates: { '2015-10': 5, '2015': 1 }, kinds: { direct: 6 }, outlets: {} });
  assert.equal(archive.speakers.get('sergey-lavrov').count, 7);
  assert.deepEqual([...archive.years], [['2015', 6]]);
  assert.deepEqual([...archive.months], [['2015-10', 5]]);
  // A menu counts as if its own choice were not made.
  assert.equal(core.countSource('speaker', { ...noFilters, speaker: 'sergey-lavrov' }), 'archive');
  assert.equal(core.countSource('kind', { ...noFilters, speaker: 'sergey-lavrov' }), 'results');
  assert.equal(core.countSource('speaker', { ...noFilters, speaker: 'sergey-lavrov', q: 'syria' }), 'chosen');
  assert.equal(core.countSource('date', { ...noFilters, q: 'syria' }), 'results');
});

test('a quote’s anchor carries its statement only when other articles report it, and reads back', () => {
  const alone = quote('q1', 'We will run ferries', ['ines-duarte', 'Ines Duarte']);
  const reported = quote('q2', 'We will run ferries', ['ines-duarte', 'Ines Duarte'], 'direct', null, 's0123456789');
  assert.equal(quoteAnchorId(alone).split('|').length, 5);
  const decodeQuote = core.decodeQuote as (id: string) => { statement: string | null; speakerName: string | null } | null;
  assert.equal(decodeQuote(quoteAnchorId(alone))?.statement, null);
  assert.equal(decodeQuote(quoteAnchorId(reported))?.statement, 's0123456789');
  assert.equal(decodeQuote(quoteAnchorId(reported))?.speakerName, 'Ines Duarte');
});
