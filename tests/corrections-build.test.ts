// A build with the editor's corrections: a changed corrections file re-extracts nothing, renders
// only the pages it changes, and gives the site a clean build gives; a malformed one stops the
// build at its line and leaves the site as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBuildCommand, siteDifferences, snapshot } from './helpers/build-command.ts';
import { tempDir } from './helpers/temp.ts';

const CORRECTION = [
  '# The desk’s corrections',
  '- article: kremlin-says-dialogue-with-washington-indispensable',
  '  quote: "one of the concerns we have is de-confliction"',
  '  speaker: Ashton Carter',
  '  note: The wire copy credited the wrong official.',
  '  by: desk editor',
  '',
].join('\n');

function pagesLine(stdout: string): [number, number] {
  const match = /^Pages: ([\d,]+) pages? .* rendered, ([\d,]+) pages? not/m.exec(stdout);
  assert.ok(match, stdout);
  return [Number(match[1]!.replace(/,/g, '')), Number(match[2]!.replace(/,/g, ''))];
}

describe('a build with a corrections file', () => {
  let root: string;
  let articles: string;
  let env: Record<string, string>;
  let site: string;

  before(async () => {
    root = await tempDir('corrections-build-');
    articles = join(root, 'articles');
    await cp('articles', articles, { recursive: true });
    env = { ARCHIVE_DIR: articles, ARCHIVE_CACHE_DIR: join(root, 'cache') };
    site = join(root, 'out', '_site');
    const first = await runBuildCommand(site, env);
    assert.equal(first.code, 0, first.stderr);
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('a new corrections file re-extracts nothing, renders only the pages it changes, and equals a clean build', async () => {
    await writeFile(join(articles, 'corrections.yml'), CORRECTION);
    const corrected = await runBuildCommand(site, env);
    assert.equal(corrected.code, 0, corrected.stderr);
    assert.match(corrected.stdout, /corrections file added/);
    assert.match(corrected.stdout, /Extraction: 0 files extracted/);
    const [rendered, kept] = pagesLine(corrected.stdout);
    assert.ok(rendered > 0 && kept > rendered, corrected.stdout);

    const clean = join(root, 'clean', '_site');
    const fresh = await runBuildCommand(clean, { ...env, ARCHIVE_CACHE_DIR: join(root, 'clean-cache') });
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.deepEqual(await siteDifferences(site, clean), []);

    const csv = await readFile(join(site, 'data', 'quotes.csv'), 'utf8');
    const row = csv.split('\r\n').find((line) => line.includes('de-confliction'))!;
    assert.match(row, /ashton-carter,Ashton Carter,.*,yes,$/);
  });

  test('a malformed corrections file stops the build at its line and leaves the site as it was', async () => {
    const before = await snapshot(site);
    await writeFile(join(articles, 'corrections.yml'), `${CORRECTION}- article: x\n quote: y\n`);
    const failed = await runBuildCommand(site, env);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr + failed.stdout, /corrections\.yml:8:1: error: The corrections file is not valid YAML/);
    assert.deepEqual(await snapshot(site), before);
    await writeFile(join(articles, 'corrections.yml'), CORRECTION);
  });
});
