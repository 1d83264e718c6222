// `npm run add`: a raw article becomes `<date>-<slug>.md` in the articles folder, with front matter
// an editor can check, its text kept byte for byte (once decoded and given LF line endings), never
// overwriting a file, and a summary of what the build will find in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeText } from '../src/read/decode-text.ts';
import { splitFrontMatter } from '../src/read/front-matter.ts';
import { lineColumn } from '../src/read/messages.ts';
import { loadArchive, readArticleInputs } from '../src/archive/load-archive.ts';
import { buildArchive } from '../src/archive/build-archive.ts';
import { tempDir } from './helpers/temp.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function add(args: string[], stdin?: Uint8Array): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/add.ts', ...args],
      { env: { ...process.env, ARCHIVE_CACHE: 'off' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin ?? '');
  });
}

async function articlesCopy(): Promise<string> {
  const dir = await tempDir('articles-');
  await cp('articles', dir, { recursive: true });
  return dir;
}

// Windows-1252 curly quotes (0x93, 0x94) and CRLF line endings, as a scraper might save them.
const RAW_1252 = Buffer.concat([
  Buffer.from('Kremlin: talks with Washington will go on\r\n\r\nMOSCOW, October 16. The Kremlin said on Friday that it would keep talking to Washington about Syria.\r\n\r\n', 'latin1'),
  Buffer.from([0x93]),
  Buffer.from('We will keep the door open,', 'latin1'),
  Buffer.from([0x94]),
  Buffer.from(' Peskov told reporters. ', 'latin1'),
  Buffer.from([0x93]),
  Buffer.from('Dialogue is always needed, even now.', 'latin1'),
  Buffer.from([0x94]),
  Buffer.from('\r\n', 'latin1'),
]);

test('a raw article is written as <date>-<slug>.md with checked front matter and its text unchanged', async () => {
  const dir = await articlesCopy();
  const source = join(await tempDir('raw-'), 'pasted.txt');
  await writeFile(source, RAW_1252);
  const run = await add(['--dir', dir, source]);
  assert.equal(run.code, 0, run.stderr);

  const target = join(dir, '2015-10-16-kremlin-talks-with-washington-will-go-on.md');
  const written = await readFile(target, 'utf8');
  const split = splitFrontMatter(written, target);
  assert.deepEqual(split.messages, [], 'the front matter has only known fields, and valid ones');
  assert.equal(split.body, decodeText(RAW_1252).text, 'the text after the front matter is the input, decoded, with LF line endings');
  assert.ok(!written.includes('\r'));
  assert.equal(split.data.title, 'Kremlin: talks with Washington will go on');
  assert.equal(split.data.date, '2015-10-16');
  assert.match(written, /^# date: from the dateline.*year.*other articles/m, 'the date says where it came from');

  // What it printed is what the build finds in the file.
  const archive = await loadArchive(dir);
  const record = archive.articles.find((a) => a.source === target)!;
  assert.match(run.stdout, new RegExp(`quotes:\\s+${record.quotes.length}\\b`));
  assert.ok(record.quotes.length >= 2);
  for (const s of record.speakers) if (record.quotes.some((q) => q.speakerId === s.id)) assert.ok(run.stdout.includes(s.name), `${s.name} in ${run.stdout}`);
  assert.match(run.stdout, /converted to LF/);
  assert.match(run.stdout, /Windows-1252/);

  // The front matter changes nothing the text says: the quotes and speakers are those of the raw file.
  const others = (await readArticleInputs(dir)).filter((i) => i.path !== target);
  const raw = buildArchive([...others, { path: source, bytes: RAW_1252 }]);
  const rawRecord = raw.articles.find((a) => a.source === source)!;
  assert.deepEqual(record.quotes.map((q) => [q.text, q.speakerId]), rawRecord.quotes.map((q) => [q.text, q.speakerId]));
});

test('adding refuses to overwrite an existing file', async () => {
  const dir = await articlesCopy();
  const source = join(await tempDir('raw-'), 'pasted.txt');
  await writeFile(source, RAW_1252);
  assert.equal((await add(['--dir', dir, source])).code, 0);
  const target = join(dir, '2015-10-16-kremlin-talks-with-washington-will-go-on.md');
  const before = await readFile(target);
  const again = await add(['--dir', dir, source]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists; nothing was added/);
  assert.deepEqual(await readFile(target), before);
});

test('an article from stdin without a date or a closing quote mark is added, with both warnings at their place', async () => {
  const dir = await articlesCopy();
  const text = 'Harbour master warns of storm\n\n“Keep the boats in the harbour tonight, said harbour master Ana Ruiz.\n';
  const run = await add(['--dir', dir, '-'], new TextEncoder().encode(text));
  assert.equal(run.code, 0, run.stderr);
  const target = join(dir, 'harbour-master-warns-of-storm.md');
  const written = await readFile(target, 'utf8');
  assert.ok(written.endsWith(text));
  assert.match(written, /^# date: none found/m);
  assert.match(run.stdout, new RegExp(`${target}:1:1: warning: .*\\[no-date\\]`));
  const unclosed = new RegExp(`${target}:(\\d+):(\\d+): warning: .*\\[unclosed-quote\\]`).exec(run.stdout);
  assert.ok(unclosed, run.stdout);
  // The line and column point into the written file, at the quote mark.
  const at = written.indexOf('“');
  assert.deepEqual(lineColumn(written, at), { line: Number(unclosed[1]), column: Number(unclosed[2]) });
});

test('a raw text that Markdown would read differently is written as .txt, with front matter', async () => {
  const dir = await articlesCopy();
  const text = '# Storm warning\n\n- boats stay in\n\n“The storm will pass by morning,” said harbour master Ana Ruiz on 3 March 2021.\n';
  const source = join(await tempDir('raw-'), 'storm.txt');
  await writeFile(source, text);
  const run = await add(['--dir', dir, source]);
  assert.equal(run.code, 0, run.stderr);
  const [name] = (await readdir(dir)).filter((n) => n.endsWith('.txt'));
  assert.ok(name, run.stdout);
  assert.match(run.stdout, /Written as \.txt/);
  const split = splitFrontMatter(await readFile(join(dir, name), 'utf8'), name);
  assert.equal(split.body, text);
});
