// One statement reported by two outlets, as a reader meets it in Chromium: a search shows it once,
// "reported in 2 articles", with the other report behind a disclosure; the quote's page lists
// the other report. Skipped without Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildSiteFrom } from './helpers/build-site.ts';
import { archiveOf } from './helpers/extract.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';
import { haveChromium, launchChromium, NO_CHROMIUM, openPage } from './helpers/chromium.ts';

const STEP_TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 60_000;

const WIRE = '---\ndate: 2026-03-02\noutlet: Coastal Wire\n---\nFerry strike ends\n\n“We will run eleven ferries a day from Monday, and nobody will be left on the quay,” said harbour master Ines Duarte.\n';
const PAPER = '---\ndate: 2026-03-03\noutlet: The Harbour Post\n---\nFerries back on Monday\n\nHarbour master Ines Duarte said: “We will run 11 ferries a day from Monday and nobody will be left on the quay.”\n';
const OTHER = '---\ndate: 2026-03-04\noutlet: Island News\n---\nQuay works start\n\n“The quay will be rebuilt by the summer,” said engineer Rui Matos.\n';

if (!haveChromium) {
  test('a statement reported twice, in Chromium', (t) => {
    t.skip(NO_CHROMIUM);
  });
} else describe('a statement reported twice, in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const site = await buildSiteFrom(archiveOf({ 'wire.md': WIRE, 'paper.md': PAPER, 'other.md': OTHER }));
    server = await serveStatic(site.dir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string) => openPage(browser, server.origin, path, STEP_TIMEOUT_MS);

  test('a search shows the statement once, reported in 2 articles, the other report behind a disclosure', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { page, errors } = await open('/search/?q=ferries');
    await page.waitForFunction(() => document.documentElement.dataset['searchShown']);
    const results = page.locator('.search-result');
    assert.equal(await results.count(), 1);
    const summary = results.first().locator('details.result-reports summary');
    assert.equal(await summary.innerText(), 'Reported in 2 articles');
    const other = results.first().locator('details.result-reports li');
    assert.equal(await other.isVisible(), false);
    await summary.click();
    assert.equal(await other.isVisible(), true);
    assert.match(await other.innerText(), /Ferr(y strike ends|ies back on Monday)/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('the quote’s page lists the other outlet’s report', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { page } = await open('/quotes/paper/q1/');
    const reports = page.locator('section.reports');
    assert.equal(await reports.locator('h2').innerText(), 'Also reported in 1 other article');
    assert.match(await reports.innerText(), /Ferry strike ends · Coastal Wire/);
    await page.context().close();
  });
});
