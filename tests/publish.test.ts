// Writing the output: a rebuild moves in only the files that changed (the others keep their inode
// and time), deletes stale ones, and a rebuild that died while moving files in is finished by the
// next build from its journal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { journalPath, previousOutput, publishSite, readOutputManifest, recoverInterrupted } from '../src/pipeline/publish.ts';
import { insideSite, siteRel, SiteFileError, type SiteFile } from '../src/io/site-files.ts';
import { hashOf } from '../src/io/hash.ts';
import { listFiles } from './helpers/build-command.ts';
import { writeDataFiles } from '../src/site/write-data-files.ts';
import { siteModel } from '../src/site/site-model.ts';
import { fixtureArchive } from './fixtures/archive.ts';
import { tempDir } from './helpers/temp.ts';

const file = (rel: string, content: string): SiteFile => ({ rel, content, path: null, hash: hashOf(content) });
const site = (pages: Record<string, string>) => Object.entries(pages).map(([rel, content]) => file(rel, content));
let n = 0;
const temp = (output: string) => `${output}.tmp-${process.pid}-t${n++}`;

/** A build's publish stage: the output as it is now, then the new site into it. */
async function publish(output: string, files: SiteFile[], cacheDir: string) {
  return publishSite(output, temp(output), files, await previousOutput(output, cacheDir, false), cacheDir);
}

async function read(output: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listFiles(output)) out[rel] = await readFile(join(output, rel), 'utf8');
  return out;
}

test('a rebuild writes only new and changed files, deletes stale ones, and leaves the rest untouched', async () => {
  const root = await tempDir('writer-');
  const output = join(root, '_site');
  const cacheDir = join(root, 'cache');
  const first = { 'index.html': 'home 1', 'articles/a/index.html': 'a', 'articles/b/index.html': 'b', 'assets/site.css': 'css' };
  const full = await publish(output, site(first), cacheDir);
  assert.equal(full.summary.mode, 'full');
  assert.deepEqual(await read(output), first);
  const kept = await stat(join(output, 'articles/a/index.html'));

  const second = { 'index.html': 'home 2', 'articles/a/index.html': 'a', 'articles/c/index.html': 'c', 'assets/site.css': 'css' };
  const rebuild = await publish(output, site(second), cacheDir);
  assert.deepEqual(rebuild.summary, { mode: 'changes', written: 2, deleted: 1, unchanged: 2, reason: null });
  assert.deepEqual(await read(output), second);
  assert.ok(!existsSync(join(output, 'articles/b')), 'the folder of a removed page is removed');
  const after = await stat(join(output, 'articles/a/index.html'));
  assert.equal(after.ino, kept.ino);
  assert.equal(after.mtimeMs, kept.mtimeMs);
  assert.deepEqual(Object.keys((await readOutputManifest(cacheDir, output))!.files).sort(), Object.keys(second).sort());

  // A file deleted or edited by hand is written again, though its content did not change.
  await rm(join(output, 'articles/a/index.html'));
  await writeFile(join(output, 'assets/site.css'), 'edited');
  const repaired = await publish(output, site(second), cacheDir);
  assert.deepEqual(repaired.summary, { mode: 'changes', written: 2, deleted: 0, unchanged: 2, reason: null });
  assert.deepEqual(await read(output), second);

  // A folder replaced behind the build's back is written in full again.
  await rename(output, `${output}-moved`);
  await mkdir(output);
  const again = await publish(output, site(second), cacheDir);
  assert.equal(again.summary.mode, 'full');
  assert.deepEqual(await read(output), second);
});

test('changes left half applied by a build that died are finished from the journal', async () => {
  const root = await tempDir('writer-');
  const output = join(root, '_site');
  const cacheDir = join(root, 'cache');
  await publish(output, site({ 'index.html': 'home 1', 'a.html': 'a', 'b.html': 'b' }), cacheDir);
  // What a build writes before it starts moving files in: the changed files and the journal.
  const staged = temp(output);
  await mkdir(staged);
  await writeFile(join(staged, 'index.html'), 'home 2');
  await writeFile(join(staged, 'c.html'), 'c');
  const state = async (dir: string, f: SiteFile) => {
    const info = await stat(join(dir, f.rel));
    return [f.rel, [f.hash, info.size, info.mtimeMs]];
  };
  const [home, a, c] = site({ 'index.html': 'home 2', 'a.html': 'a', 'c.html': 'c' });
  const files = Object.fromEntries([await state(staged, home!), await state(output, a!), await state(staged, c!)]);
  await writeFile(journalPath(output), JSON.stringify({ temp: staged, renames: ['c.html', 'index.html'], deletes: ['b.html'], files }));
  // It died after moving the first file in.
  await rename(join(staged, 'c.html'), join(output, 'c.html'));

  assert.equal(await recoverInterrupted(output, cacheDir), true);
  assert.deepEqual(await read(output), { 'index.html': 'home 2', 'a.html': 'a', 'c.html': 'c' });
  assert.ok(!existsSync(journalPath(output)));
  assert.ok(!existsSync(staged));
  assert.deepEqual((await readOutputManifest(cacheDir, output))!.files, files);
  assert.equal(await recoverInterrupted(output, cacheDir), false);
});

test('the data files are the records as JSON and the quotes as CSV, the output\'s kept while their inputs are those of the output\'s (the CSV not generated)', async () => {
  const archive = fixtureArchive();
  const out = await tempDir('data-files-');
  const files = await writeDataFiles(archive, out, null, 'v1');
  assert.deepEqual(files.map((f) => f.rel), ['data/articles.json', 'data/quotes.csv']);
  const json = await readFile(join(out, 'data', 'articles.json'), 'utf8');
  assert.equal(json, `${JSON.stringify(siteModel(archive).articles)}\n`, 'written piece by piece, the same text as at once');
  assert.equal(files[0]!.hash, hashOf(json));
  assert.match(await readFile(join(out, 'data', 'quotes.csv'), 'utf8'), /^id,text,speaker_id,/);
  // The output holds both, made from these same inputs: the output's files are kept. (The JSON of
  // the records is made anyway: it is what its key hashes, and the pages' keys take the hashes.)
  const output = { dir: out, hashes: new Map(files.map((f) => [f.rel, f.hash])), inputKeys: new Map(files.map((f) => [f.rel, f.inputKey!])) };
  const next = await tempDir('data-files-');
  const kept = await writeDataFiles(archive, next, output, 'v1');
  assert.deepEqual(kept.map((f) => f.path), [join(out, 'data', 'articles.json'), join(out, 'data', 'quotes.csv')]);
  assert.deepEqual(kept.map((f) => f.hash), files.map((f) => f.hash));
  assert.equal(existsSync(join(next, 'data', 'articles.json')), false);
  assert.equal(existsSync(join(next, 'data', 'quotes.csv')), false);
  // A quote's words changed: both are made again, from the new records.
  const edited = fixtureArchive();
  edited.articles[0]!.quotes[0]!.text = 'Words the editor typed';
  const remade = await writeDataFiles(edited, next, output, 'v1');
  assert.deepEqual(remade.map((f) => f.path), [join(next, 'data', 'articles.json'), join(next, 'data', 'quotes.csv')]);
  assert.match(await readFile(join(next, 'data', 'quotes.csv'), 'utf8'), /Words the editor typed/);
  // Another renderer: made again too.
  assert.equal((await writeDataFiles(archive, await tempDir('data-files-'), output, 'v2'))[0]!.path?.startsWith(out), false);
});

test('a page is written only to a path inside the site: a ".." or empty segment, a leading slash or a backslash is refused', () => {
  for (const rel of ['articles/a-b/index.html', 'quotes/a-b/q12/index.html', 'speakers/x/feed.xml', '..a/b']) assert.equal(insideSite(rel), rel);
  for (const rel of ['../index.html', 'articles/../../x', '/etc/x', 'articles//index.html', './index.html', 'a/.', 'a\\b', 'a/..']) {
    assert.throws(() => insideSite(rel), (error: Error) => error instanceof SiteFileError && error.message.includes(rel));
  }
  // A file Eleventy writes is checked the same way once made relative to the site, its own path named.
  assert.equal(siteRel('/site', '/site/feed.xml'), 'feed.xml');
  for (const path of ['/elsewhere/index.html', '/site']) assert.throws(() => siteRel('/site', path), (error: Error) => error instanceof SiteFileError && error.message.includes(path));
});
