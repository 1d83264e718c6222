// Articles from scrapers, copy-paste and other people's systems: every problem is reported with
// its file, line and column and what to do; warnings keep the article, errors name what to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArchive } from '../src/archive/build-archive.ts';
import type { Archive, Message } from '../src/record.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const build = (files: Record<string, Uint8Array | string>): Archive =>
  buildArchive(Object.entries(files).map(([path, content]) => ({ path, bytes: typeof content === 'string' ? utf8(content) : content })));
const find = (archive: Archive, ruleId: string): Message | undefined => archive.messages.find((m) => m.ruleId === ruleId);

const ARTICLE = 'Floods close the northern highway\n\n“The river is rising fast,” Mayor Ana Lind said on Monday.\n';

test('malformed YAML front matter is an error at its line, naming the file', () => {
  const archive = build({ 'a.md': '---\ntitle: "unclosed\ndate: 2015-10-14\n---\nText.\n' });
  const m = find(archive, 'malformed-front-matter')!;
  assert.equal(m.severity, 'error');
  assert.equal(m.file, 'a.md');
  assert.ok(m.line >= 2, `line ${m.line}`);
  assert.match(m.reason, /fix it or remove/);
});

test('a front matter field of the wrong type is an error at the field’s line', () => {
  const m = find(build({ 'a.md': '---\ndate: 2015-10-14\ntitle: [1, 2]\n---\nText.\n' }), 'invalid-field')!;
  assert.equal(m.severity, 'error');
  assert.equal(m.line, 3);
  assert.match(m.reason, /title/);
});

test('an impossible date is an error, never rolled over into another date', () => {
  const archive = build({ 'a.md': '---\ndate: 2015-13-45\n---\nText.\n' });
  const m = find(archive, 'invalid-field')!;
  assert.equal(m.line, 2);
  assert.match(m.reason, /2015-13-45.*not a real date/);
  assert.equal(archive.articles.length, 0);
});

test('an unknown front matter field is a warning and the article is kept', () => {
  const archive = build({ 'a.md': `---\ndate: 2015-10-14\nflavour: salty\n---\n${ARTICLE}` });
  assert.equal(find(archive, 'unknown-field')!.severity, 'warning');
  assert.equal(archive.articles.length, 1);
});

test('a permalink or a slug that tries to leave the output folder never becomes a path', () => {
  const archive = build({ 'a.md': '---\npermalink: ../../x/index.html\n---\nText.\n', 'b.md': '---\nslug: ../../x\n---\nText.\n' });
  assert.equal(find(archive, 'unknown-field')!.file, 'a.md');
  assert.equal(find(archive, 'invalid-field')!.file, 'b.md');
  for (const r of archive.articles) assert.match(r.slug, /^[a-z0-9-]+$/);
});

test('an empty file is skipped with a warning', () => {
  const archive = build({ 'empty.txt': '', 'a.txt': ARTICLE });
  assert.equal(find(archive, 'empty-file')!.severity, 'warning');
  assert.equal(archive.articles.length, 1);
});

test('a binary file is an error and is not read as an article', () => {
  const archive = build({ 'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) });
  assert.equal(find(archive, 'binary-file')!.severity, 'error');
  assert.equal(archive.articles.length, 0);
});

test('Windows-1252 text is converted, curly quotes and all, with a warning', () => {
  const bytes = Uint8Array.from([...'Mayor said '].map((c) => c.charCodeAt(0)).concat([0x93], [...'We are ready now, all of us,'].map((c) => c.charCodeAt(0)), [0x94], [...' on Monday.'].map((c) => c.charCodeAt(0))));
  const archive = build({ 'a.txt': bytes });
  assert.equal(find(archive, 'converted-encoding')!.severity, 'warning');
  assert.equal(archive.articles[0]!.quotes[0]!.text, 'We are ready now, all of us,');
});

test('UTF-16 with a byte order mark and UTF-8 with one read the same as plain UTF-8', () => {
  const plain = build({ 'a.txt': ARTICLE }).articles[0]!;
  const utf16 = new Uint8Array(2 + ARTICLE.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < ARTICLE.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, ARTICLE.charCodeAt(i), true);
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]);
  for (const bytes of [utf16, bom]) {
    const r = build({ 'a.txt': bytes }).articles[0]!;
    assert.equal(r.body, plain.body);
    assert.deepEqual(r.quotes, plain.quotes);
  }
});

test('CRLF and CR line endings give the same record as LF', () => {
  const plain = build({ 'a.txt': ARTICLE }).articles[0]!;
  for (const eol of ['\r\n', '\r']) {
    const r = build({ 'a.txt': ARTICLE.replace(/\n/g, eol) }).articles[0]!;
    assert.deepEqual(r.paragraphs, plain.paragraphs);
    assert.deepEqual(r.quotes, plain.quotes);
  }
});

// Work that grows with the square of the text would take minutes here: the timeout, not a timing
// assertion (these machines are shared), is what catches it.
test('an article of 5 MB and one of a single 1 MB line are extracted, not stuck', { timeout: 120_000 }, () => {
  const paragraph = '“We will rebuild the bridge before winter,” said engineer Tomas Varga, who leads the works. The river fell on Tuesday. ';
  const big = build({ 'big.txt': (paragraph + '\n\n').repeat(Math.ceil(5e6 / (paragraph.length + 2))) });
  const line = build({ 'line.txt': paragraph.repeat(Math.ceil(1e6 / paragraph.length)) });
  assert.equal(big.articles.length, 1);
  assert.ok(line.articles[0]!.quotes.length > 1000);
});

test('a quote mark that never closes is a warning at its line and column', () => {
  const archive = build({ 'a.txt': 'Title of the story\n\nThe mayor said “we will rebuild every school this year.\n\nThe storm hit on Monday.' });
  const m = find(archive, 'unclosed-quote')!;
  assert.equal(m.severity, 'warning');
  assert.equal(m.line, 3);
  assert.equal(m.column, 16);
});

test('two articles with the same slug are both published under different slugs', () => {
  const archive = build({ 'one/story.txt': ARTICLE, 'two/story.txt': ARTICLE.replace('Monday', 'Tuesday') });
  assert.deepEqual(archive.articles.map((a) => a.slug).sort(), ['story', 'story-2']);
  assert.equal(find(archive, 'duplicate-slug')!.severity, 'warning');
});

test('the same text twice is a warning naming the other file', () => {
  const archive = build({ 'a.txt': ARTICLE, 'b.txt': ARTICLE });
  const m = find(archive, 'duplicate-article')!;
  assert.equal(m.severity, 'warning');
  assert.match(m.reason, /a\.txt/);
});

test('all problems of a build are reported together', () => {
  const archive = build({ 'bad.md': '---\ndate: 2015-13-45\n---\nText.\n', 'worse.md': '---\ntitle: "x\n---\n', 'ok.txt': ARTICLE, 'empty.txt': '' });
  const rules = archive.messages.map((m) => `${m.file}:${m.ruleId}`);
  for (const expected of ['bad.md:invalid-field', 'worse.md:malformed-front-matter', 'empty.txt:empty-file']) assert.ok(rules.includes(expected), `${expected} in ${rules}`);
  assert.equal(archive.articles.length, 1);
});
