// Outside checkers on the built site: the Nu HTML Checker (vnu.jar, needs Java) on every page and
// stylesheet, and linkinator crawling the site from the home page over HTTP. Both take seconds.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { check } from 'linkinator';
import { buildSite, type BuiltSite } from './helpers/build-site.ts';
import { siteFiles } from './helpers/site-files.ts';
import { freePort } from './helpers/static-server.ts';

const run = promisify(execFile);
const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const haveJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
const CHECK_TIMEOUT_MS = 120_000;

/**
 * Warnings vnu gives for reasons that are the checker's, not the page's: it reads pages from file:
 * URLs, where a policy's 'self' cannot match the stylesheets, and it counts JSON-LD data blocks as
 * inline scripts, which browsers never run. The browser tests check the policy in Chromium.
 */
const CHECKER_ARTEFACTS = [
  /^Resource violates Content Security Policy \(meta tag\): external (stylesheet|script) “[^”]*” blocked by “(style|script)-src” directive\.$/,
  /^Inline script violates Content Security Policy \(meta tag\)/,
  /^File was not checked\./,
];

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
}

describe('the built site under outside checkers', () => {
  let site: BuiltSite;
  let port: number;

  before(async () => {
    port = await freePort();
    // Canonical and OpenGraph addresses then point at the crawled server, so they are checked too.
    site = await buildSite({ SITE_URL: `http://localhost:${port}` });
  });

  test('passes the Nu HTML Checker with no errors on any page or stylesheet', { skip: haveJava ? false : 'no java on the PATH: install a Java runtime (17+) to run vnu.jar' }, async () => {
    const result = await run('java', ['-jar', VNU_JAR, '--format', 'json', '--skip-non-html', '--also-check-css', '--verbose', site.dir], {
      timeout: CHECK_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string; stderr: string }) => error);
    const checked = result.stdout.split('\n').filter((line) => /\.(html|css)$/.test(line.trim()));
    const pages = await siteFiles(site.dir);
    assert.ok(checked.length >= pages.length + 2, `vnu checked ${checked.length} files of ${pages.length} pages and 2 stylesheets`);
    const messages = (JSON.parse(result.stderr) as { messages: VnuMessage[] }).messages;
    const problems = messages
      .filter((m) => m.type !== 'info' || (m.subType === 'warning' && !CHECKER_ARTEFACTS.some((pattern) => pattern.test(m.message))))
      .map((m) => `${m.type}${m.subType ? `/${m.subType}` : ''} ${m.url.slice(m.url.indexOf(site.dir) + site.dir.length)}:${m.lastLine ?? '?'} ${m.message}`);
    assert.deepEqual(problems, []);
  });

  test('has no broken link between its pages, stylesheets, feeds and data files', { timeout: CHECK_TIMEOUT_MS }, async () => {
    const origin = `http://localhost:${port}`;
    const result = await check({
      path: site.dir,
      port,
      recurse: true,
      concurrency: 8,
      timeout: 10_000,
      // Only this site: other sites (the original articles, Wikidata) are not reachable from a test.
      linksToSkip: async (link) => !link.startsWith(origin),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.status} ${l.url} (from ${l.parent})`);
    assert.deepEqual(broken, []);
    const ok = result.links.filter((l) => l.state === 'OK').length;
    const pages = (await siteFiles(site.dir)).length - 1; // every page but the 404 page is linked
    assert.ok(ok >= pages, `linkinator reached only ${ok} addresses for ${pages} pages`);
    assert.ok(result.passed);
  });
});
