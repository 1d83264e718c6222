// The build command (`npm run build`) end to end, on a temporary copy of the articles:
// an incremental build equals a clean one; a failing build leaves the previous site exactly as it
// was and reports every problem at once; two builds started together leave one complete site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadArchive } from '../src/archive/load-archive.ts';
import { REQUIRED_FILES } from '../src/pipeline/run-build.ts';
import { runBuildCommand, siteDifferences, snapshot } from './helpers/build-command.ts';
import { tempDir } from './helpers/temp.ts';

// A raw pasted article: CRLF line endings, a dateline without a year, a bare surname.
const RAW = [
  'Kremlin: talks with Washington will go on',
  '',
  'MOSCOW, October 16. The Kremlin said on Friday that it would keep talking to Washington about Syria.',
  '',
  '“We will keep the door open,” Peskov told reporters. “Dialogue is always needed, even now.”',
  '',
].join('\r\n');

/** Every HTML page of a site: its content and when its file was last written. */
async function pageStates(site: string): Promise<Map<string, { content: string; mtimeMs: number }>> {
  const out = new Map<string, { content: string; mtimeMs: number }>();
  for (const rel of await readdir(site, { recursive: true })) {
    if (!rel.endsWith('.html')) continue;
    out.set(rel, { content: await readFile(join(site, rel), 'utf8'), mtimeMs: (await stat(join(site, rel))).mtimeMs });
  }
  return out;
}

/** Nothing but the output folder is left beside it: no temporary folder, no lock. */
async function leftovers(output: string): Promise<string[]> {
  const name = basename(output);
  return (await readdir(dirname(output))).filter((n) => n.startsWith(`${name}.`));
}

describe('the build command', () => {
  let root: string;
  let articles: string;
  let env: Record<string, string>;
  let site: string;
  let clean: string;

  before(async () => {
    root = await tempDir('build-');
    articles = join(root, 'articles');
    await cp('articles', articles, { recursive: true });
    env = { ARCHIVE_DIR: articles, ARCHIVE_CACHE_DIR: join(root, 'cache') };
    site = join(root, 'out', '_site');
    clean = join(root, 'clean', '_site');
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('after adding a raw article, an incremental build extracts only it and equals a clean build', async () => {
    const first = await runBuildCommand(site, env);
    assert.equal(first.code, 0, first.stderr);
    const before = await pageStates(site);
    await writeFile(join(articles, 'kremlin-talks.txt'), RAW);

    const incremental = await runBuildCommand(site, env);
    assert.equal(incremental.code, 0, incremental.stderr);
    const now = await pageStates(site);
    const same = [...before].filter(([rel, state]) => now.get(rel)?.content === state.content);
    assert.ok(same.length > 0);
    assert.deepEqual(
      same.filter(([rel, state]) => now.get(rel)!.mtimeMs !== state.mtimeMs).map(([rel]) => rel),
      [],
      'a page that came out the same was not written again',
    );
    assert.match(incremental.stdout, /added \(1\):\n\s+\S*kremlin-talks\.txt/);
    assert.match(incremental.stdout, /Extraction: 1 file extracted, \d+ files from the cache/);
    assert.match(incremental.stdout, /Output: \d+ files? new or changed, \d+ files? deleted, [1-9]\d* files? unchanged/, 'only changed files were written');

    const fresh = await runBuildCommand(clean, { ...env, ARCHIVE_CACHE_DIR: join(root, 'clean-cache') });
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /Extraction: \d+ files extracted, 0 files from the cache/);
    assert.deepEqual(await siteDifferences(site, clean), []);

    // The new article went through the archive-level steps: its page exists, and its dateline's
    // year and its speaker come from the other articles.
    const archive = await loadArchive(articles);
    const added = archive.articles.find((a) => a.source.endsWith('kremlin-talks.txt'))!;
    assert.equal(added.date, '2015-10-16');
    const speaker = archive.people.find((p) => p.articles.includes(added.slug));
    assert.ok(speaker && speaker.articles.length > 1, 'the speaker of the new article is merged with the same person elsewhere');
    assert.ok((await readFile(join(site, 'index.html'), 'utf8')).includes(added.slug));
    assert.deepEqual(await leftovers(site), []);
  });

  test('a build from the same articles and code does nothing and says so, unless a file of the output was changed by hand', async () => {
    const before = await snapshot(site);
    const again = await runBuildCommand(site, env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /no changes since the last build/);
    assert.match(again.stdout, /^Output: nothing to do/m);
    assert.deepEqual(await snapshot(site), before, 'no file was touched');

    await writeFile(join(site, 'index.html'), 'edited by hand');
    const repaired = await runBuildCommand(site, env);
    assert.equal(repaired.code, 0, repaired.stderr);
    assert.doesNotMatch(repaired.stdout, /nothing to do/);
    assert.match(repaired.stdout, /^Output: 1 file new or changed, 0 files deleted/m);
    assert.deepEqual(await siteDifferences(site, clean), []);
  });

  test('an article of another month is indexed in a search bundle of its own, and the other bundles are kept as they were', async () => {
    // Bundles of one article at least: each month is a bundle of its own, named by its month where its year has others.
    const bundlesEnv = { ...env, SEARCH_BUNDLE_PAGES: '1' };
    const first = await runBuildCommand(site, bundlesEnv);
    assert.equal(first.code, 0, first.stderr);
    const months2015 = ['2015-10', '2015-09'];
    const bundles2015 = await Promise.all(months2015.map((name) => snapshot(join(site, 'pagefind', name))));
    // Other words than the 2015 article's: the same words by the same speaker would be one statement
    // reported twice, which rightly changes the 2015 article's search document too.
    const resumed = RAW.replaceAll('\r\n', '\n').replace('October 16', 'March 1').replace('“We will keep the door open,” Peskov told reporters. “Dialogue is always needed, even now.”', '“Talks resume next week in Geneva,” Peskov told reporters.');
    await writeFile(join(articles, '2016-03-01-talks-resume.md'), `---\ndate: 2016-03-01\n---\n${resumed}`);

    const incremental = await runBuildCommand(site, bundlesEnv);
    assert.equal(incremental.code, 0, incremental.stderr);
    assert.match(incremental.stdout, /Search index: 1 of 3 bundles indexed \(2016\), 2 kept as they were \(2015-10, 2015-09\)/);
    assert.deepEqual(await Promise.all(months2015.map((name) => snapshot(join(site, 'pagefind', name)))), bundles2015, 'the 2015 bundles were not written again');
    const listed = JSON.parse(await readFile(join(site, 'pagefind', 'bundles.json'), 'utf8')) as { bundles: { name: string }[] };
    assert.deepEqual(listed.bundles.map((b) => b.name), ['2016', ...months2015]);

    const cleanSite = join(root, 'clean-2016', '_site');
    const fresh = await runBuildCommand(cleanSite, { ...bundlesEnv, ARCHIVE_CACHE_DIR: join(root, 'clean-2016-cache') });
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /Search index: 3 of 3 bundles indexed \(2016, 2015-10, 2015-09\), 0 kept as they were/);
    assert.deepEqual(await siteDifferences(site, cleanSite), []);
    await rm(join(articles, '2016-03-01-talks-resume.md'));
  });

  for (const [where, heap] of [['', '0'], [' (in a thread with a limited heap)', '512']] as const) {
    test(`an error in one article and a warning in another are both reported${where}; the build fails and leaves the site as it was`, async () => {
      const before = await snapshot(site);
      const bad = join(root, `bad-articles-${heap}`);
      await cp(articles, bad, { recursive: true });
      await writeFile(join(bad, 'impossible-date.md'), '---\ndate: 2015-13-45\n---\nText.\n');
      await writeFile(join(bad, 'odd-field.md'), '---\ndate: 2015-10-14\nflavour: salty\n---\nFloods close the northern highway\n\n“The river is rising fast,” Mayor Ana Lind said on Monday.\n');
      const run = await runBuildCommand(site, { ...env, ARCHIVE_DIR: bad, ARCHIVE_HEAP_MB: heap });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /impossible-date\.md:2:1: error: .*2015-13-45/);
      assert.match(run.stderr, /odd-field\.md:3:1: warning: .*flavour/);
      assert.match(run.stderr, /Build failed: 1 error/);
      assert.match(run.stderr, /was left as it was/);
      assert.deepEqual(await snapshot(site), before);
      assert.deepEqual(await leftovers(site), []);
    });
  }

  test('a build whose templates fail on a malformed record leaves the site as it was', async () => {
    const before = await snapshot(site);
    // An archive whose second article is not a record: the templates fail after writing other pages.
    const good = (await loadArchive(articles)).articles[0]!;
    const json = join(root, 'broken-archive.json');
    await writeFile(json, JSON.stringify({ articles: [good, { slug: 'broken' }], people: [], messages: [] }));
    const run = await runBuildCommand(site, { ...env, ARCHIVE_JSON: json });
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /Build failed/);
    assert.deepEqual(await snapshot(site), before);
    assert.deepEqual(await leftovers(site), []);
  });

  // A large archive is built in a thread with a limited heap (src/pipeline/build-thread.ts); a small one
  // on the main thread. ARCHIVE_HEAP_MB sets a limit for the seed articles too.
  for (const [where, heap] of [['on the main thread', '0'], ['in a thread with a limited heap', '512']] as const) {
    test(`a build killed while writing its output (${where}) leaves the site as it was or finishes it at the next build`, async () => {
      const before = await snapshot(site);
      // --clean: a build with work to do (one from the same articles and code would have nothing to write).
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/pipeline/build-command.ts', '--output', site, '--clean'], { env: { ...process.env, ...env, ARCHIVE_HEAP_MB: heap }, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // Kill it as soon as it writes the search index into its temporary folder: the pages are rendered,
      // and the output is about to change.
      let killed = false;
      for (let i = 0; i < 12000 && !killed && child.exitCode === null; i++) {
        const temp = (await leftovers(site)).find((n) => n.includes('.tmp-'));
        if (temp && existsSync(join(dirname(site), temp, 'pagefind'))) killed = child.kill('SIGKILL');
        else await new Promise((r) => setTimeout(r, 2));
      }
      assert.equal(await exited, 'SIGKILL', 'the build was killed before it finished');
      const left = await leftovers(site);
      assert.ok(left.some((n) => n.endsWith('.lock')), 'the killed build left its lock');
      if (!left.some((n) => n.endsWith('.journal.json'))) {
        // Killed before it started changing the output: the site is exactly as it was.
        assert.deepEqual(await snapshot(site), before);
      }
      // Either way the next build takes over the lock, finishes or discards what was left, and ends complete.
      const next = await runBuildCommand(site, env);
      assert.equal(next.code, 0, next.stderr);
      assert.deepEqual(await leftovers(site), []);
      assert.deepEqual(await siteDifferences(site, clean), []);
    });
  }

  test('a build that runs out of the memory it allows itself is done again without a limit, and says so', async () => {
    const output = join(root, 'tight', '_site');
    const run = await runBuildCommand(output, { ...env, ARCHIVE_HEAP_MB: '8' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /ran out of the 8 MB of memory it allowed itself for this archive; building again without a limit/);
    assert.match(run.stdout, /^Built .* in [\d.]+ s: read/m, 'the report of the build done again reaches the output');
    assert.deepEqual(await siteDifferences(output, clean), []);
    assert.deepEqual(await leftovers(output), []);
  });

  test('a heap limit that is not a number of MB stops the build before it starts, saying what to give', async () => {
    const output = join(root, 'bad-limit', '_site');
    const run = await runBuildCommand(output, { ...env, ARCHIVE_HEAP_MB: 'lots' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ARCHIVE_HEAP_MB=lots is not a whole number of MB/);
    assert.equal(existsSync(dirname(output)), false);
  });

  test('two builds started at once both finish, one after the other, leaving one complete site', async () => {
    const output = join(root, 'together', '_site');
    const [a, b] = await Promise.all([runBuildCommand(output, env), runBuildCommand(output, env)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.ok(/waiting for it to finish/.test(a.stderr + b.stderr), 'one build waited for the other');
    for (const file of REQUIRED_FILES) assert.ok(existsSync(join(output, file)), file);
    assert.deepEqual(await siteDifferences(output, clean), []);
    assert.deepEqual(await leftovers(output), []);
  });

  // Last: it changes the articles the other tests' clean build was made from.
  test('a rebuild renders only the pages whose inputs changed, and a new renderer every page; both equal a clean build', async () => {
    await writeFile(join(articles, 'people.yml'), '- name: Dmitry S. Peskov\n  aliases: [Dmitry Peskov, Peskov]\n');
    const renamed = await runBuildCommand(site, env);
    assert.equal(renamed.code, 0, renamed.stderr);
    const [rendered, notRendered] = pagesLine(renamed.stdout);
    assert.ok(rendered > 0 && notRendered > 0, renamed.stdout);
    const fresh = await runBuildCommand(join(root, 'clean-renamed', '_site'), { ...env, ARCHIVE_CACHE_DIR: join(root, 'clean-renamed-cache') });
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.deepEqual(pagesLine(fresh.stdout)[1], 0, 'a first build renders every page');
    assert.deepEqual(await siteDifferences(site, join(root, 'clean-renamed', '_site')), []);
    assert.match(await readFile(join(site, 'quotes', 'kremlin-talks', 'q1', 'index.html'), 'utf8'), /Dmitry S\. Peskov/);

    // Pages edited or deleted by hand are rendered again, though their inputs did not change; nothing else is.
    await writeFile(join(site, 'quotes', 'kremlin-talks', 'q1', 'index.html'), 'edited by hand');
    await rm(join(site, 'articles', 'kremlin-talks', 'index.html'));
    const repaired = await runBuildCommand(site, env);
    assert.equal(repaired.code, 0, repaired.stderr);
    assert.equal(pagesLine(repaired.stdout)[0], 2, repaired.stdout);
    assert.deepEqual(await siteDifferences(site, join(root, 'clean-renamed', '_site')), []);

    // Another SITE_URL is another renderer: no page is taken from the output as it was.
    const moved = await runBuildCommand(site, { ...env, SITE_URL: 'https://news.example.org' });
    assert.equal(moved.code, 0, moved.stderr);
    assert.deepEqual(pagesLine(moved.stdout)[1], 0, moved.stdout);
  });
});

/** The report's pages rendered and not rendered. */
function pagesLine(stdout: string): [number, number] {
  const match = /^Pages: ([\d,]+) pages? .* rendered, ([\d,]+) pages? not/m.exec(stdout);
  assert.ok(match, stdout);
  return [Number(match[1]!.replace(/,/g, '')), Number(match[2]!.replace(/,/g, ''))];
}
