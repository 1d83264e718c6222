// The incremental build's parts, without Eleventy: the extraction cache gives the same archive as a
// clean extraction, extracts only what is new or changed, keeps per-article results valid when the
// people file changes, and is keyed by an extractor version that follows the extraction code only.
// The build lock lets one build in at a time and takes over a lock whose process is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { cleanArchiveOf } from './helpers/extract.ts';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readArticle } from '../src/archive/build-archive.ts';
import { readSourceText, syntheticArticles } from '../scripts/make-synthetic-archive.ts';
import { readArticleInputs } from '../src/archive/load-archive.ts';
import { loadArticles } from '../src/pipeline/load-articles.ts';
import { ExtractionCache } from '../src/pipeline/extraction-cache.ts';
import { sourceHash } from '../src/io/code-version.ts';
import { hashOf } from '../src/io/hash.ts';
import { EXTRACTOR_CODE } from '../src/pipeline/versions.ts';
import { acquireLock } from '../src/pipeline/lock.ts';
import { diffManifest } from '../src/pipeline/manifest.ts';
import { tempDir } from './helpers/temp.ts';

const RAW = [
  'Kremlin: talks with Washington will go on',
  '',
  'MOSCOW, October 16. The Kremlin said on Friday that it would keep talking to Washington about Syria.',
  '',
  '“We will keep the door open,” Peskov told reporters.',
  '',
].join('\r\n');

async function articlesCopy(): Promise<string> {
  const dir = await tempDir('articles-');
  await cp('articles', dir, { recursive: true });
  return dir;
}

test('a cached load extracts only the added file and gives the archive a clean extraction gives', async () => {
  const dir = await articlesCopy();
  const cacheDir = await tempDir('cache-');
  const first = await loadArticles(dir, { cacheDir });
  assert.equal(first.report.fromCache, 0);
  assert.ok(first.report.extracted.length >= 5);

  await writeFile(join(dir, 'kremlin-talks.txt'), RAW);
  const second = await loadArticles(dir, { cacheDir });
  assert.deepEqual(second.report.extracted, [join(dir, 'kremlin-talks.txt')]);
  assert.equal(second.report.fromCache, first.report.extracted.length);
  assert.deepStrictEqual(second.archive, await cleanArchiveOf(dir));

  // The archive-level steps ran on cached results: the new article's dateline year comes from the others.
  const added = second.archive.articles.find((a) => a.source.endsWith('kremlin-talks.txt'))!;
  assert.equal(added.date, '2015-10-16');
  assert.deepEqual(diffManifest(first.report.manifest, second.report.manifest).added, [join(dir, 'kremlin-talks.txt')]);
});

test('a changed article is extracted again; a changed people file re-extracts nothing and still applies', async () => {
  const dir = await articlesCopy();
  const cacheDir = await tempDir('cache-');
  const first = await loadArticles(dir, { cacheDir });
  const [changed] = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  await appendFile(join(dir, changed!), '\n“A sentence added later, to be quoted,” said Jeff Davis.\n');
  const second = await loadArticles(dir, { cacheDir });
  assert.deepEqual(second.report.extracted, [join(dir, changed!)]);
  assert.deepEqual(diffManifest(first.report.manifest, second.report.manifest).changed, [join(dir, changed!)]);

  await writeFile(join(dir, 'people.yml'), '- name: Dmitry Peskov\n  aliases: [Sands]\n  wikidata: Q4375464\n');
  const third = await loadArticles(dir, { cacheDir });
  assert.deepEqual(third.report.extracted, []);
  assert.equal(diffManifest(second.report.manifest, third.report.manifest).peopleFile, 'added');
  assert.deepStrictEqual(third.archive, await cleanArchiveOf(dir));
  assert.equal(third.archive.people.find((p) => p.id === 'dmitry-peskov')?.wikidata, 'Q4375464');
});

test('many files are extracted in worker threads, with the same results as in one thread', async () => {
  const dir = await tempDir('articles-');
  for (const a of syntheticArticles(150, readSourceText('articles'))) await writeFile(join(dir, a.name), a.text);
  const inputs = await readArticleInputs(dir);
  const cache = new ExtractionCache(null, 'v1', 50);
  const parallel = await cache.readAll(inputs);
  if (availableParallelism() > 1) assert.ok(cache.threads > 1, `extracted in ${cache.threads} thread(s)`);
  assert.deepStrictEqual(
    parallel.map((r) => r.result),
    inputs.map((i) => JSON.parse(JSON.stringify(readArticle(i)))),
  );
  await rm(dir, { recursive: true, force: true });
});

test('a folder of more files than the process may open at once is read whole', async () => {
  const dir = await tempDir('articles-');
  for (let i = 0; i < 400; i++) await writeFile(join(dir, `a${i}.txt`), `Article ${i}\n`);
  // Under a limit of 150 open files, reading all 400 at once fails with EMFILE.
  const script = [
    "const { readArticleInputs } = await import('./src/archive/load-archive.ts');",
    "const { folderFiles } = await import('./src/io/site-files.ts');",
    `const inputs = await readArticleInputs(${JSON.stringify(dir)});`,
    `const files = await folderFiles(${JSON.stringify(dir)}, 'x');`,
    'console.log(inputs.length, files.length);',
  ].join('\n');
  const out = execFileSync('sh', ['-c', `ulimit -n 150 && "${process.execPath}" --import tsx --input-type=module -e "$SCRIPT"`], { env: { ...process.env, SCRIPT: script }, encoding: 'utf8' });
  assert.equal(out.trim(), '400 400');
  await rm(dir, { recursive: true, force: true });
});

test('the cache is keyed by extractor version, file path and content', async () => {
  const dir = await articlesCopy();
  const cacheDir = await tempDir('cache-');
  const inputs = await readArticleInputs(dir);
  const v1 = new ExtractionCache(cacheDir, 'v1');
  assert.ok((await v1.readAll(inputs)).every((r) => r.extracted));
  assert.ok((await new ExtractionCache(cacheDir, 'v1').readAll(inputs)).every((r) => !r.extracted));
  assert.ok((await new ExtractionCache(cacheDir, 'v2').readAll(inputs)).every((r) => r.extracted), 'another version extracts again');
  const moved = inputs.map((i) => ({ ...i, path: `${i.path}.txt` }));
  assert.ok((await new ExtractionCache(cacheDir, 'v1').readAll(moved)).every((r) => r.extracted), 'another path extracts again');
  // A damaged entry is extracted again, not trusted.
  const folder = join(cacheDir, 'extract', 'v1');
  const pack = join(folder, 'results.pack');
  const lines = (await readFile(pack, 'utf8')).split('\n');
  await writeFile(pack, lines.map((line) => line.slice(0, 90)).join('\n'));
  assert.ok((await new ExtractionCache(cacheDir, 'v1').readAll(inputs)).every((r) => r.extracted));
  // A pack mostly of entries no longer used is written anew with only those used.
  const linesOf = async () => (await readFile(join(cacheDir, 'extract', 'v1', 'results.pack'), 'utf8')).split('\n').filter(Boolean).length;
  const elsewhere = inputs.map((i) => ({ ...i, path: `${i.path}.md` }));
  await new ExtractionCache(cacheDir, 'v1').readAll(inputs.map((i) => ({ ...i, path: `${i.path}.old` })));
  assert.equal(await linesOf(), 2 * inputs.length, 'half of it unused: added to');
  assert.ok((await new ExtractionCache(cacheDir, 'v1').readAll(elsewhere)).every((r) => r.extracted));
  assert.equal(await linesOf(), inputs.length, 'more than half unused: only the entries of this build are left');
  assert.ok((await new ExtractionCache(cacheDir, 'v1').readAll(elsewhere)).every((r) => !r.extracted), 'and they are read back');
  // Only the current version is kept.
  assert.equal(await new ExtractionCache(cacheDir, 'v2').pruneOtherVersions(), 1);
  assert.deepEqual(await readdir(join(cacheDir, 'extract')), ['v2']);
});

test('a pack larger than one read of it is read whole: entries across the reads, characters of several bytes at their edges', async () => {
  const cacheDir = await tempDir('cache-');
  const cache = new ExtractionCache(cacheDir, 'v1');
  // 80 entries of about 30 KB: 2.4 MB, read 1 MB at a time, so that lines and characters are cut.
  const inputs = Array.from({ length: 80 }, (_, i) => ({ path: `a${i}.md`, bytes: Buffer.from(`article ${i}`) }));
  const results = inputs.map((_, i) => ({ messages: [{ text: `${'é“Peskov” ü'.repeat(2500 + i)} ${i}` }], extracted: null }));
  const lines = inputs.map((input, i) => `${cache.keyOf(input.path, hashOf(input.bytes))}\t${JSON.stringify(results[i])}\n`);
  await mkdir(join(cacheDir, 'extract', 'v1'), { recursive: true });
  await writeFile(join(cacheDir, 'extract', 'v1', 'results.pack'), lines.join(''));
  const read = await cache.readAll(inputs);
  assert.ok(read.every((r) => !r.extracted), 'every entry found');
  assert.deepEqual(
    read.map((r) => r.result),
    results,
  );
  await rm(cacheDir, { recursive: true, force: true });
});

test('the extractor version changes with the code an article is extracted with, its model included, and only with it', async () => {
  const root = await tempDir('project-');
  await cp('src', join(root, 'src'), { recursive: true });
  const version = () => sourceHash({ ...EXTRACTOR_CODE, root });
  const base = version();
  assert.equal(version(), base);
  for (const file of ['src/site/layout.ts', 'src/pipeline/run-build.ts', 'src/search/search-document.ts']) {
    await appendFile(join(root, file), '\n// not part of the extractor\n');
    assert.equal(version(), base, `${file} is not part of the extractor`);
  }
  for (const file of ['src/read/front-matter.ts', 'src/extract/find-quotes.ts', 'src/archive/statements.ts', 'src/io/hash.ts', 'src/extract/attribution-model.json']) {
    const before = version();
    await appendFile(join(root, file), file.endsWith('.json') ? ' ' : '\n// changed\n');
    assert.notEqual(version(), before, `a change in ${file} changes the version`);
  }
  await rm(root, { recursive: true, force: true });
});

test('the build lock lets one build in at a time and takes over a lock left by a dead process', async () => {
  const dir = await tempDir('lock-');
  const path = join(dir, '_site.lock');
  const first = await acquireLock(path);
  let waited = false;
  let secondHeld = false;
  const second = acquireLock(path, { pollMs: 20, onWait: () => (waited = true) }).then((lock) => {
    secondHeld = true;
    return lock;
  });
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(secondHeld, false, 'the second build waits while the first holds the lock');
  assert.equal(waited, true);
  await first.release();
  await (await second).release();
  assert.equal(secondHeld, true);

  // A lock whose process is gone (a build killed mid-way).
  await writeFile(path, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), started: 'long ago' }));
  const taken = await acquireLock(path, { timeoutMs: 1000 });
  await taken.release();
  await rm(dir, { recursive: true, force: true });
});
