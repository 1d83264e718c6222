// The editor's corrections: each kind of entry changes the record as it says and keeps what the
// extractor had said; each bad entry is a warning at its line in corrections.yml; a correction
// survives another extractor and an edit elsewhere in the article; a changed corrections file
// re-extracts nothing; the review lists the least certain quotes and writes answers at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildArchive, readArticle, assembleArchive } from '../src/archive/build-archive.ts';
import { parseCorrectionsFile } from '../src/archive/corrections-file.ts';
import { loadArticles } from '../src/pipeline/load-articles.ts';
import { diffManifest } from '../src/pipeline/manifest.ts';
import { reviewQueue } from '../src/cli/review-queue.ts';
import type { Archive } from '../src/record.ts';
import { tempDir } from './helpers/temp.ts';

const ARTICLE = [
  'Harbour plan approved',
  '',
  'Mayor Lena Ortiz and councillor Hugo Brandt met harbour staff on Monday.',
  '',
  '“The new quay opens in May and it will bring work to the whole town,” Ortiz said.',
  '',
  'Brandt called the plan a “historic step” and said the town had waited long enough.',
  '',
  'Nobody at the meeting said the budget would hold.',
].join('\n');

const OTHER = ['Ferry talks', '', '“We will run a ferry every hour,” said Tom Ruiz, the port director.'].join('\n');

function archiveWith(corrections: string, text = ARTICLE): { archive: Archive; messages: string[] } {
  const parsed = parseCorrectionsFile(corrections, 'articles/corrections.yml');
  const inputs = [{ path: 'articles/harbour.txt', bytes: new TextEncoder().encode(text) }, { path: 'articles/ferry.txt', bytes: new TextEncoder().encode(OTHER) }];
  const archive = buildArchive(inputs, { corrections: parsed.entries });
  const messages = [...parsed.messages, ...archive.messages].filter((m) => m.file === 'articles/corrections.yml').map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`);
  return { archive, messages };
}

const harbour = (a: Archive) => a.articles.find((r) => r.slug === 'harbour')!;
const quoteWith = (a: Archive, words: string) => harbour(a).quotes.find((q) => q.text.includes(words));
const speakerName = (a: Archive, id: string | null) => a.people.find((p) => p.id === id)?.name ?? null;

test('a speaker correction gives the quote to the person named, keeping what the extractor said', () => {
  const { archive, messages } = archiveWith('- article: harbour\n  quote: "the new quay opens in may"\n  speaker: Hugo Brandt\n  note: Brandt said it, not the mayor.\n  by: desk editor\n');
  assert.deepEqual(messages, []);
  const q = quoteWith(archive, 'new quay')!;
  assert.equal(speakerName(archive, q.speakerId), 'Hugo Brandt');
  assert.equal(q.attribution.rule, 'correction');
  assert.equal(q.attribution.note, 'Brandt said it, not the mayor.');
  assert.equal(q.attribution.by, 'desk editor');
  assert.equal(q.attribution.extracted?.speaker, 'Lena Ortiz');
  assert.equal(q.attribution.extracted?.rule, 'verb-after');
});

test('a person new to the archive, or quoted in another article, becomes the speaker', () => {
  const fresh = archiveWith('- article: harbour.txt\n  quote: new quay opens\n  speaker: Ana Pereira\n').archive;
  assert.equal(speakerName(fresh, quoteWith(fresh, 'new quay')!.speakerId), 'Ana Pereira');
  assert.ok(fresh.people.some((p) => p.id === 'ana-pereira' && p.quoteCount === 1));
  const elsewhere = archiveWith('- article: harbour\n  quote: new quay opens\n  speaker: tom-ruiz\n').archive;
  const ruiz = elsewhere.people.find((p) => p.id === 'tom-ruiz')!;
  assert.equal(ruiz.quoteCount, 2);
  assert.deepEqual(ruiz.articles.sort(), ['ferry', 'harbour']);
});

test('speaker: null leaves the quote unattributed; kind changes the kind; not-a-quote removes it', () => {
  const { archive, messages } = archiveWith(
    ['- article: harbour', '  quote: new quay opens', '  speaker: null', '- article: harbour', '  quote: historic step', '  not-a-quote: true', '- article: ferry', '  quote: every hour', '  kind: partial'].join('\n'),
  );
  assert.deepEqual(messages, []);
  assert.equal(quoteWith(archive, 'new quay')!.speakerId, null);
  assert.equal(quoteWith(archive, 'historic step'), undefined);
  const ferry = archive.articles.find((r) => r.slug === 'ferry')!.quotes[0]!;
  assert.equal(ferry.kind, 'partial');
  assert.equal(ferry.attribution.extracted?.kind, 'direct');
  // The mayor is quoted nowhere else now: she is no longer among the archive's speakers.
  assert.ok(!archive.people.some((p) => p.name === 'Lena Ortiz'));
});

test('add: a quote the extractor missed is added at its place in the text, with its speaker', () => {
  const { archive, messages } = archiveWith('- article: harbour\n  add: "the budget would hold"\n  speaker: Hugo Brandt\n  kind: partial\n');
  assert.deepEqual(messages, []);
  const record = harbour(archive);
  const q = record.quotes.find((x) => x.text === 'the budget would hold')!;
  assert.equal(record.body.slice(q.start, q.end), q.text);
  assert.equal(q.id, 'harbour/added1');
  assert.equal(q.kind, 'partial');
  assert.equal(speakerName(archive, q.speakerId), 'Hugo Brandt');
  assert.equal(record.paragraphs[q.paragraph]!.text, 'Nobody at the meeting said the budget would hold.');
  assert.deepEqual(record.quotes.map((x) => x.start), [...record.quotes.map((x) => x.start)].sort((a, b) => a - b));
});

test('each bad entry is a warning at its line and column that says what to do', () => {
  const { messages } = archiveWith(
    [
      '- article: nowhere', //                                      1
      '  quote: new quay', //                                       2
      '- article: harbour', //                                      3
      '  quote: "the town"', //                                     4: in two quotes? no: in one quote and in the text
      '- article: harbour', //                                      5
      '  quote: a quay for the fishing fleet', //                   6
      '- article: harbour', //                                      7
      '  quote: new quay', //                                       8
      '  speaker: Lena Ortiz', //                                   9: what the extractor says already
      '- article: harbour', //                                      10
      '  quote: said the budget', //                                11: words of the text, not of a quote
      '- article: harbour', //                                      12
      '  quote: new quay', //                                       13
      '  spekaer: Hugo Brandt', //                                  14
      '- article: harbour', //                                      15
      '  speaker: Hugo Brandt', //                                  16: no quote or add
    ].join('\n'),
  );
  const at = (line: number) => messages.filter((m) => m.startsWith(`${line}:`));
  assert.match(at(1)[0] ?? '', /^1:3 correction-unknown-article: No article "nowhere"; give the article's slug/);
  assert.match(at(5)[0] ?? '', /^5:3 correction-no-quote: No quote of harbour has the words “a quay for the fishing fleet”/);
  assert.match(at(7)[0] ?? '', /^7:3 correction-not-needed: The extractor now agrees/);
  assert.match(at(10)[0] ?? '', /^10:3 correction-no-quote: .*though the text does; to add a quote the extractor missed, write `add:`/);
  assert.match(at(14)[0] ?? '', /^14:3 unknown-correction-key: Unknown key `spekaer`/);
  assert.match(at(15)[0] ?? '', /^15:3 invalid-correction: A correction needs `article:` and either `quote:`/);
});

test('words found in several quotes are a warning listing them', () => {
  const text = `${ARTICLE}\n\n“The town will decide,” Brandt said.\n\n“The town has decided,” Ortiz said.`;
  const { messages } = archiveWith('- article: harbour\n  quote: the town\n  speaker: Tom Ruiz\n', text);
  assert.match(messages[0] ?? '', /^1:3 correction-ambiguous: The words “the town” are in 2 quotes of harbour: “The town will decide,…” \(q3\), “The town has decided,…” \(q4\); add words/);
});

test('malformed YAML is an error at its line, and no entry applies', () => {
  // The second line is indented less than the first key: YAML reads it as an item without a dash.
  const parsed = parseCorrectionsFile('- article: harbour\n quote: new quay\n', 'articles/corrections.yml');
  assert.equal(parsed.entries.length, 0);
  assert.equal(parsed.messages[0]?.severity, 'error');
  assert.equal(parsed.messages[0]?.ruleId, 'malformed-corrections-file');
  assert.equal(parsed.messages[0]!.line, 2);
});

test('a correction survives another extractor and an edit elsewhere in the article', () => {
  const yaml = '- article: harbour\n  quote: "“The new quay opens in May,”"\n  speaker: Hugo Brandt\n';
  const edited = ARTICLE.replace('met harbour staff on Monday.', 'met harbour staff and two ferry captains on Monday morning.');
  const byAnother = (text: string) => {
    const parsed = parseCorrectionsFile(yaml, 'corrections.yml');
    // The sieve alone stands for an extractor of another version: its records differ, the words do not.
    const results = [readArticle({ path: 'articles/harbour.txt', bytes: new TextEncoder().encode(text) }, { ranker: null })];
    return assembleArchive(results, { corrections: parsed.entries });
  };
  for (const archive of [byAnother(ARTICLE), byAnother(edited), archiveWith(yaml, edited).archive]) {
    assert.equal(speakerName(archive, quoteWith(archive, 'new quay')!.speakerId), 'Hugo Brandt');
  }
});

test('a kept answer marks the quote as checked, and is no warning', () => {
  const { archive, messages } = archiveWith('- article: harbour\n  quote: new quay\n  speaker: Lena Ortiz\n  kept: true\n  by: review\n');
  assert.deepEqual(messages, []);
  assert.equal(quoteWith(archive, 'new quay')!.attribution.confirmed, true);
});

test('a changed corrections file re-extracts nothing, is reported, and gives the archive a clean build gives', async () => {
  const dir = await tempDir('articles-');
  await cp('articles', dir, { recursive: true });
  const cacheDir = await tempDir('cache-');
  const first = await loadArticles(dir, { cacheDir });
  await writeFile(join(dir, 'corrections.yml'), '- article: kremlin-says-dialogue-with-washington-indispensable\n  quote: one of the concerns we have is de-confliction\n  speaker: Ashton Carter\n');
  const second = await loadArticles(dir, { cacheDir });
  assert.deepEqual(second.report.extracted, []);
  assert.equal(diffManifest(first.report.manifest, second.report.manifest).correctionsFile, 'added');
  const clean = await loadArticles(dir, { cacheDir: null });
  assert.deepStrictEqual(second.archive, clean.archive);
  assert.ok(second.archive.people.some((p) => p.name === 'Ashton Carter'));
});

function reviewArchive(): Archive {
  return archiveWith('').archive;
}

test('the review lists the least certain quotes first, each with its file, line and column', () => {
  const archive = reviewArchive();
  const texts = new Map([['articles/harbour.txt', ARTICLE], ['articles/ferry.txt', OTHER]]);
  const items = reviewQueue(archive, [], texts, { limit: 10, below: 1.01 });
  assert.ok(items.length >= 2);
  assert.deepEqual(items.map((i) => i.confidence), [...items.map((i) => i.confidence)].sort((a, b) => a - b));
  const quay = items.find((i) => i.text.includes('new quay'))!;
  assert.deepEqual([quay.file, quay.line, quay.column], ['articles/harbour.txt', 5, 2]);
  assert.equal(quay.speaker, 'Lena Ortiz');
  assert.equal(reviewQueue(archive, [], texts, { limit: 1, below: 1.01 }).length, 1);
  assert.ok(reviewQueue(archive, [], texts, { limit: 10, below: 0.001 }).length === 0);
  const reviewed = parseCorrectionsFile('- article: harbour\n  quote: new quay\n  speaker: Lena Ortiz\n  kept: true\n', 'c.yml').entries;
  assert.ok(!reviewQueue(archive, reviewed, texts, { limit: 10, below: 1.01 }).some((i) => i.text.includes('new quay')));
});

async function reviewFolder(): Promise<string> {
  const dir = await tempDir('review-');
  await writeFile(join(dir, 'harbour.txt'), ARTICLE);
  await writeFile(join(dir, 'ferry.txt'), OTHER);
  await writeFile(join(dir, 'corrections.yml'), '# The desk’s corrections\n- article: ferry\n  quote: every hour\n  kind: partial\n');
  return dir;
}

const REVIEW = [process.execPath, '--import', 'tsx', 'src/cli/review.ts'];

test('npm run review -- --json prints the least certain quotes as a JSON array', async () => {
  const dir = await reviewFolder();
  const out = execFileSync(REVIEW[0]!, [...REVIEW.slice(1), '--dir', dir, '--json', '--limit', '5'], { encoding: 'utf8', env: { ...process.env, ARCHIVE_CACHE: 'off' } });
  const items = JSON.parse(out) as Array<Record<string, unknown>>;
  assert.ok(items.length > 0);
  assert.deepEqual(Object.keys(items[0]!).sort(), ['alternatives', 'article', 'column', 'confidence', 'file', 'line', 'quote', 'speaker', 'text']);
});

test('the interactive review takes answers through a pipe and appends each to corrections.yml, keeping what was there', async () => {
  const dir = await reviewFolder();
  const before = await readFile(join(dir, 'corrections.yml'), 'utf8');
  const child = spawn(REVIEW[0]!, [...REVIEW.slice(1), '--dir', dir, '--interactive'], { env: { ...process.env, ARCHIVE_CACHE: 'off' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end('t\nAna Pereira\nu\nq\n');
  await new Promise((resolve) => child.on('close', resolve));
  const after = await readFile(join(dir, 'corrections.yml'), 'utf8');
  assert.ok(after.startsWith(before), 'the old entries and the comment stay, in order');
  const added = parseCorrectionsFile(after, 'corrections.yml').entries.slice(1);
  assert.equal(added.length, 2, out);
  assert.equal(added[0]!.speaker, 'Ana Pereira');
  assert.equal(added[1]!.speaker, null);
  assert.match(out, /2 answers written to/);
  // The answered quotes are not asked again.
  const again = execFileSync(REVIEW[0]!, [...REVIEW.slice(1), '--dir', dir, '--json'], { encoding: 'utf8', env: { ...process.env, ARCHIVE_CACHE: 'off' } });
  const texts = (JSON.parse(again) as Array<{ quote: string }>).map((i) => i.quote);
  for (const entry of added) assert.ok(!texts.some((t) => t.includes(entry.quote!)));
});

const haveScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test('the interactive review works in a terminal (a pseudo-terminal made by script)', { skip: haveScript ? false : 'no `script` command (util-linux) to make a pseudo-terminal' }, async () => {
  const dir = await reviewFolder();
  const command = [...REVIEW, '--dir', dir, '--interactive'].map((a) => `'${a}'`).join(' ');
  // script gives the review a terminal of its own; the answers are typed into it, one line at a time.
  const child = execFile('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, ARCHIVE_CACHE: 'off' } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 300 && !pattern.test(out); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(out, pattern);
  };
  await waitFor(/quit \(q\)\? $/m);
  child.stdin!.write('k\n');
  await waitFor(/\[2\]/);
  child.stdin!.write('q\n');
  await new Promise((resolve) => child.on('close', resolve));
  const entries = parseCorrectionsFile(await readFile(join(dir, 'corrections.yml'), 'utf8'), 'c.yml').entries;
  assert.equal(entries.length, 2, out);
  assert.equal(entries[1]!.kept, true);
});
