// One statement reported many times: two outlets quoting the same words with small differences
// are one statement, two speakers saying the same phrase are not, and a quote's page lists the
// other reports, earliest first, with the words that differ marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { groupStatements, statementWords } from '../src/archive/statements.ts';
import { InputKeys, quotePagesInputs, quotePageModel, speakerPageInputs, speakerPageModel } from '../src/site/page-inputs.ts';
import { renderSpeakerPage } from '../src/site/speaker-page.ts';
import { markDifferences, renderQuotePage } from '../src/site/quote-page.ts';
import { siteModel } from '../src/site/site-model.ts';
import { archiveOf } from './helpers/extract.ts';

const WIRE = '---\ndate: 2026-03-02\noutlet: Coastal Wire\n---\nFerry strike ends\n\n“We will run eleven ferries a day from Monday, and nobody will be left on the quay,” said harbour master Ines Duarte.\n';
const PAPER = '---\ndate: 2026-03-03\noutlet: The Harbour Post\n---\nFerries back on Monday\n\nHarbour master Ines Duarte said: “We will run 11 ferries a day from Monday and nobody will be left on the quay.”\n';
const OTHER = '---\ndate: 2026-03-04\noutlet: Island News\n---\nCouncil meets\n\n“We will run eleven ferries a day from Monday, and nobody will be left on the quay,” said councillor Tomas Reis.\n';

test('the same words with small differences, by one speaker in two articles, are one statement', () => {
  const archive = archiveOf({ 'wire.md': WIRE, 'paper.md': PAPER });
  const [a, b] = archive.articles.map((r) => r.quotes[0]!);
  assert.ok(a!.statement);
  assert.equal(a!.statement, b!.statement);
  assert.deepEqual(statementWords('Eleven ferries, a day!'), ['11', 'ferries', 'a', 'day']);
});

test('two speakers saying the same words are not one statement reported twice, nor is a short phrase', () => {
  const archive = archiveOf({ 'wire.md': WIRE, 'other.md': OTHER });
  assert.ok(archive.articles.every((r) => r.quotes.every((q) => q.statement === null)));
  const short = archiveOf({ 'a.txt': 'Plan backed\n\nThe mayor called it “a historic step” on Monday.', 'b.txt': 'Plan backed\n\nThe mayor called it “a historic step” again on Tuesday.' });
  assert.ok(short.articles.every((r) => r.quotes.every((q) => q.statement === null)));
});

test('grouping is the same whatever the order of the articles', () => {
  const one = archiveOf({ 'wire.md': WIRE, 'paper.md': PAPER });
  const two = archiveOf({ 'paper.md': PAPER, 'wire.md': WIRE });
  const ids = (a: typeof one) => a.articles.map((r) => r.quotes[0]!.statement).sort();
  assert.deepEqual(ids(one), ids(two));
  groupStatements(one.articles);
  assert.deepEqual(ids(one), ids(two), 'grouping again changes nothing');
});

test('a quote’s page lists the other reports, says which is earliest, and marks the words that differ', () => {
  const archive = archiveOf({ 'wire.md': WIRE, 'paper.md': PAPER });
  const model = siteModel(archive);
  const paper = archive.articles.find((r) => r.outlet === 'The Harbour Post')!;
  const inputs = quotePagesInputs(model, paper);
  const html = renderQuotePage(quotePageModel(inputs), { article: paper, quote: paper.quotes[0]! });
  const section = parse(html).querySelector('section.reports')!;
  assert.equal(section.querySelector('h2')!.text, 'Also reported in 1 other article');
  assert.match(section.text, /The first of these is the earliest report/);
  assert.match(section.querySelector('li')!.text, /Ferry strike ends · Coastal Wire/);
  assert.deepEqual(section.querySelectorAll('mark').map((m) => m.text), ['eleven'], 'the wire wrote the number in words');
  const wire = archive.articles.find((r) => r.outlet === 'Coastal Wire')!;
  const own = parse(renderQuotePage(quotePageModel(quotePagesInputs(model, wire)), { article: wire, quote: wire.quotes[0]! }));
  assert.match(own.querySelector('section.reports')!.text, /This is the earliest report/);
});

test('the words of another report that this one does not have are marked', () => {
  const marked = (own: string, other: string) => parse(String(markDifferences(own, other))).querySelectorAll('mark').map((m) => m.text);
  assert.deepEqual(marked('We will run ferries every day', 'We will run six ferries every single day'), ['six', 'single']);
  assert.deepEqual(marked('We will run ferries every day.', '“We will run ferries, every day”'), [], 'case, punctuation and quote marks are no difference');
  // Long reports that differ in one word far from both ends (past the 400 words a table is made for).
  const long = Array.from({ length: 900 }, (_, i) => `word${i}`);
  const other = [...long.slice(0, 450), 'inserted', ...long.slice(450)];
  assert.deepEqual(marked(long.join(' '), other.join(' ')), ['inserted']);
});

test('an article that reports a statement again changes the quote pages of that statement only', () => {
  const keysOf = (files: Record<string, string>) => {
    const archive = archiveOf(files);
    const model = siteModel(archive);
    const keys = new InputKeys('v1', model);
    return new Map(archive.articles.map((a) => [a.slug, keys.key('quotes', quotePagesInputs(model, a))]));
  };
  const before = keysOf({ 'wire.md': WIRE, 'paper.md': PAPER, 'other.md': OTHER });
  const third = '---\ndate: 2026-03-05\noutlet: Bay Radio\n---\nFerries resume\n\n“We will run eleven ferries a day from Monday, and nobody will be left on the quay,” harbour master Ines Duarte told listeners.\n';
  const after = keysOf({ 'wire.md': WIRE, 'paper.md': PAPER, 'other.md': OTHER, 'radio.md': third });
  assert.notEqual(after.get('wire'), before.get('wire'));
  assert.notEqual(after.get('paper'), before.get('paper'));
  assert.equal(after.get('other'), before.get('other'), 'a page of another statement is not rendered again');
});

test('a speaker’s page lists a statement once, its other reports under it, and counts statements and reports', () => {
  const archive = archiveOf({ 'wire.md': WIRE, 'paper.md': PAPER });
  const model = siteModel(archive);
  const person = model.person('ines-duarte')!;
  const page = parse(renderSpeakerPage(speakerPageModel(speakerPageInputs(model, person)), person));
  assert.equal(page.querySelectorAll('.quote-list > li').length, 1);
  assert.equal(page.querySelector('.quote-list details.other-reports summary')!.text, 'Also reported in 1 other article');
  assert.match(page.querySelector('p.statements')!.text, /^1 statement, reported 2 times/);
});
