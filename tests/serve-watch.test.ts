// `npm start` (Eleventy watching, src/pipeline/serve-hooks.ts): the build begins when the article
// folder changes, a change while a build is under way stops that build's pages, and Eleventy's
// build ends before the rest of the site is written. Whatever the order things happen in, once
// nothing changes any more the site is the one a clean build of the articles makes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite } from './helpers/build-site.ts';
import { siteDifferences } from './helpers/build-command.ts';
import { tempDir } from './helpers/temp.ts';

const article = (n: number, day: number) =>
  `---\ndate: 2015-10-${day}\n---\nHarbour board meets on ferry timetable ${n}\n\nDOVER, October ${day}. The harbour board met on Friday to discuss the winter timetable.\n\n“We will keep the ferries running,” harbour master Ana Ruiz said. “Nobody will be stranded.”\n`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `ready`, failing after `timeoutMs`. */
async function until(ready: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await wait(20);
  }
}

let root: string;
let child: ChildProcess | null = null;

before(async () => {
  root = await tempDir('serve-watch-');
  await cp('articles', join(root, 'articles'), { recursive: true });
});

after(async () => {
  child?.kill('SIGTERM');
  await rm(root, { recursive: true, force: true });
});

test('articles dropped while builds are under way leave the site a clean build of them makes', { timeout: 240_000 }, async () => {
  const articles = join(root, 'articles');
  const site = join(root, '_site');
  const env = { ...process.env, ARCHIVE_DIR: articles, ARCHIVE_CACHE_DIR: join(root, 'cache') };
  const watching = spawn(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${site}`, '--watch', '--incremental', '--quiet'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = watching;
  let log = '';
  watching.stdout!.on('data', (d) => (log += d));
  watching.stderr!.on('data', (d) => (log += d));
  const reports = () => log.match(/^Built /gm)?.length ?? 0;
  await until(() => reports() >= 1 && /Watching/.test(log), 'the first build');

  // One article; a second while the first one's build is loading; a third as soon as the second's page is there.
  await writeFile(join(articles, 'harbour-1.md'), article(1, 16));
  await wait(30);
  await writeFile(join(articles, 'harbour-2.md'), article(2, 17));
  await until(() => existsSync(join(site, 'articles', 'harbour-2', 'index.html')), 'the second page');
  const reported = reports();
  await writeFile(join(articles, 'harbour-3.md'), article(3, 18));
  await until(() => existsSync(join(site, 'articles', 'harbour-3', 'index.html')), 'the third page');
  // The last build's report, then a moment in which nothing more is written.
  await until(() => reports() > reported && log.lastIndexOf('Built ') > log.lastIndexOf('harbour-3'), 'the last build');
  let seen = log.length;
  for (;;) {
    await wait(1500);
    if (log.length === seen) break;
    seen = log.length;
  }
  watching.kill('SIGTERM');
  child = null;
  assert.doesNotMatch(log, /Build failed|failed after Eleventy/, log);

  const clean = await buildSite({ ARCHIVE_DIR: articles, ARCHIVE_CACHE_DIR: join(root, 'clean-cache') });
  try {
    assert.deepEqual(await siteDifferences(site, clean.dir), []);
  } finally {
    await rm(clean.dir, { recursive: true, force: true });
  }
});
