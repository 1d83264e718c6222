// The built site in a real Chromium: search finds quotes, results open the quote in its article,
// pages pass axe's accessibility checks, fit a 375px screen, and say so when JavaScript is off.
// Everything is served on a loopback address; every wait is bounded.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite } from './helpers/build-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, LAUNCH_TIMEOUT_MS, NO_CHROMIUM, type AxeViolation } from './helpers/chromium.ts';

const STEP_TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 60_000;
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');


if (!haveChromium) {
  test('the built site in Chromium', (t) => {
    t.skip(NO_CHROMIUM);
  });
} else describe('the built site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  /** Errors the pages log or throw; a test fails if any appear. */
  let pageErrors: string[] = [];

  before(async () => {
    const site = await buildSite();
    server = await serveStatic(site.dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1024, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${path}: ${message.text()}`);
    });
    // Only our loopback server may be reached.
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    await page.goto(server.origin + path);
    return page;
  }

  async function searchFor(page: Page, words: string): Promise<void> {
    await page.waitForSelector('html[data-search-ready]');
    await page.getByLabel('Words said').fill(words);
    await page.locator('.search-result').first().waitFor();
  }

  test('search for "de-confliction" finds Jeff Davis’s quote first and opens it in its article', { timeout: TEST_TIMEOUT_MS }, async () => {
    pageErrors = [];
    const page = await open('/search/');
    await searchFor(page, 'de-confliction');
    const first = page.locator('.search-result').first();
    assert.match(await first.locator('blockquote').innerText(), /de-confliction/);
    assert.equal(await first.locator('.result-speaker').innerText(), 'Jeff Davis');

    const href = (await first.locator('.quote-source a').getAttribute('href')) ?? '';
    assert.match(href, /^\/articles\/[^/#]+\/#[\w-]+$/);
    await first.locator('.quote-source a').click();
    await page.waitForURL(`**${href}`);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const target = page.locator(`[id="${anchor}"]`);
    assert.equal(await target.count(), 1, `the article has no element with id ${anchor}`);
    assert.match(await target.innerText(), /de-confliction/);
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), anchor);
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  // Filtering by speaker (by id in the address, ?speaker=sergey-lavrov) is tested in search-browser.test.ts.

  test('the search page says that search needs JavaScript when it is off', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await open('/search/', { javaScript: false });
    const notice = page.locator('.notice');
    assert.ok(await notice.isVisible());
    assert.match(await notice.innerText(), /needs JavaScript/);
    await page.context().close();
  });

  test('home, article, speaker and search pages pass axe checks and fit a 375px screen, light and dark', { timeout: TEST_TIMEOUT_MS }, async () => {
    pageErrors = [];
    const paths = ['/', '/articles/kremlin-says-dialogue-with-washington-indispensable/', '/speakers/jeff-davis/', '/speakers/', '/search/?q=dialogue'];
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of paths) {
        const page = await open(path, { width: 375 });
        await page.emulateMedia({ colorScheme: scheme });
        if (path.startsWith('/search/')) await page.locator('.search-result').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px`);
        // Evaluated rather than added as a script tag: the pages' Content-Security-Policy refuses inline scripts.
        await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
        const violations = (await page.evaluate('axe.run(document).then((r) => r.violations)')) as AxeViolation[];
        const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
        assert.deepEqual(found, [], `${path} in ${scheme} mode fails axe`);
        await page.context().close();
      }
    }
    assert.deepEqual(pageErrors, []);
  });
});
