// `npm start` loads the archive again after every change, remembering what the last load of the
// process had (src/pipeline/load-articles.ts LoadMemo: each result's JSON, and what the archive steps
// computed from strings). A load that remembers gives the archive a fresh one gives, after articles
// are added, changed and removed, and it needs no pack when it knows every result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { cleanArchiveOf } from './helpers/extract.ts';
import { join } from 'node:path';
import { readArticleInputs, readCachedArticleInputs } from '../src/archive/load-archive.ts';
import { LoadMemo, loadArticles } from '../src/pipeline/load-articles.ts';
import { readSourceText, syntheticArticles } from '../scripts/make-synthetic-archive.ts';
import { tempDir } from './helpers/temp.ts';

async function syntheticFolder(n: number): Promise<string> {
  const dir = await tempDir('articles-');
  for (const a of syntheticArticles(n, readSourceText('articles'))) await writeFile(join(dir, a.name), a.text);
  return dir;
}

const statements = (archive: Awaited<ReturnType<typeof cleanArchiveOf>>) => archive.articles.flatMap((a) => a.quotes.flatMap((q) => (q.statement ? [q.statement] : [])));

test('loads that remember the last one give the archive a fresh load gives, as articles are added, changed and removed', async () => {
  const dir = await syntheticFolder(40);
  const cacheDir = await tempDir('cache-');
  const memo = new LoadMemo();
  const first = await loadArticles(dir, { cacheDir, memo });
  const clean = await cleanArchiveOf(dir);
  assert.deepStrictEqual(first.archive, clean);
  assert.ok(statements(clean).length > 0, 'the archive has statements reported more than once');

  const names = (await readdir(dir)).sort();
  const [changed, removed, copied] = [names[3]!, names[7]!, names[11]!];
  // A changed article now repeats another's text and quotes: a duplicate, and statements that move.
  await writeFile(join(dir, changed), await readFile(join(dir, copied)));
  await unlink(join(dir, removed));
  const [added] = syntheticArticles(41, readSourceText('articles')).slice(-1);
  await writeFile(join(dir, `zz-${added!.name}`), added!.text);
  const second = await loadArticles(dir, { cacheDir, memo });
  assert.deepEqual(second.report.extracted.length, 2);
  assert.deepStrictEqual(second.archive, await cleanArchiveOf(dir));
  assert.ok(second.archive.messages.some((m) => m.ruleId === 'duplicate-article'));

  // Every result known: the pack is not needed, and the archive is the same.
  await rm(join(cacheDir, 'extract'), { recursive: true });
  const third = await loadArticles(dir, { cacheDir, memo });
  assert.equal(third.report.extracted.length, 0);
  assert.deepStrictEqual(third.archive, second.archive);
});

test('a folder read again file after file (its files in the page cache) reads as the first read did', async () => {
  const dir = await syntheticFolder(12);
  await writeFile(join(dir, 'notes.pdf'), 'not an article');
  assert.deepStrictEqual(readCachedArticleInputs(dir), await readArticleInputs(dir));
});

test('results parsed ahead between loads give the archive a fresh load gives, each a fresh object; a pack another build added to is read again', async () => {
  const dir = await syntheticFolder(30);
  const cacheDir = await tempDir('cache-');
  const memo = new LoadMemo();
  const first = await loadArticles(dir, { cacheDir, memo });
  await memo.results.prepare();
  // A build of another process (npm run build, say) extracts a new article of the folder into the same pack.
  const [extra] = syntheticArticles(31, readSourceText('articles')).slice(-1);
  await writeFile(join(dir, extra!.name), extra!.text);
  assert.equal((await loadArticles(dir, { cacheDir })).report.extracted.length, 1);
  // The pack changed since this process read it: read again, the article is found there.
  const second = await loadArticles(dir, { cacheDir, memo });
  assert.equal(second.report.extracted.length, 0);
  assert.deepStrictEqual(second.archive, await cleanArchiveOf(dir));
  assert.notEqual(second.archive.articles[0], first.archive.articles[0], 'a record taken from the spares is not the last build\'s');
  // A file this process alone adds is extracted, the pack not read (it is as this process left it), the archive as fresh.
  const [another] = syntheticArticles(32, readSourceText('articles')).slice(-1);
  await writeFile(join(dir, `zz-${another!.name}`), another!.text);
  const added = await loadArticles(dir, { cacheDir, memo });
  assert.equal(added.report.extracted.length, 1);
  assert.deepStrictEqual(added.archive, await cleanArchiveOf(dir));
  // Parsed ahead again, then a load with nothing new: the same archive.
  await memo.results.prepare();
  const third = await loadArticles(dir, { cacheDir, memo });
  assert.equal(third.report.extracted.length, 0);
  assert.deepStrictEqual(third.archive, added.archive);
});
