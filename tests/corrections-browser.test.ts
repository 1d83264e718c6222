// The editor's correction as a reader sees it in Chromium: the corrected quote's page says who
// corrected it, why, and what the program had said; the new speaker's page lists the quote as
// corrected; a search shows the corrected speaker. Skipped without Chromium.
import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadArchive } from '../src/archive/load-archive.ts';
import { buildSite } from './helpers/build-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';
import { haveChromium, launchChromium, NO_CHROMIUM, openPage, type AxeViolation } from './helpers/chromium.ts';
import { tempDir } from './helpers/temp.ts';

const STEP_TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 60_000;
const ARTICLE = 'kremlin-says-dialogue-with-washington-indispensable';
const CORRECTION = `- article: ${ARTICLE}\n  quote: "one of the concerns we have is de-confliction"\n  speaker: Ashton Carter\n  note: The wire copy credited the wrong official.\n  by: desk editor\n`;

if (!haveChromium) {
  test('a corrected attribution in Chromium', (t) => {
    t.skip(NO_CHROMIUM);
  });
} else describe('a corrected attribution in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let quotePage: string;
  let extractedSpeaker: string;

  before(async () => {
    const articles = await tempDir('corrected-articles-');
    await cp('articles', articles, { recursive: true });
    await writeFile(join(articles, 'corrections.yml'), CORRECTION);
    const archive = await loadArchive(articles);
    const quote = archive.articles.find((a) => a.slug === ARTICLE)!.quotes.find((q) => q.text.includes('de-confliction'))!;
    quotePage = `/quotes/${ARTICLE}/${quote.id.split('/').at(-1)}/`;
    extractedSpeaker = quote.attribution.extracted!.speaker!;
    const site = await buildSite({ ARCHIVE_DIR: articles, ARCHIVE_CACHE: 'off' });
    server = await serveStatic(site.dir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string) => openPage(browser, server.origin, path, STEP_TIMEOUT_MS);

  test('the quote’s page names the editor’s speaker, the note, and what the program had said, and passes axe', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { page, errors } = await open(quotePage);
    assert.equal(await page.locator('h1').innerText(), 'Quote by Ashton Carter');
    const why = await page.locator('section.why').innerText();
    assert.match(why, /Attribution corrected by the editor/);
    assert.match(why, /The wire copy credited the wrong official\. — desk editor/);
    assert.match(why, new RegExp(`The program had said: ${extractedSpeaker}`));
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }).then((r) => r.violations)`)) as AxeViolation[];
    assert.deepEqual(violations.map((v) => v.id), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('the new speaker’s page lists the quote, marked as corrected, and the article marks it too', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { page } = await open('/speakers/ashton-carter/');
    const item = page.locator('.quote-item', { hasText: 'de-confliction' });
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /attribution corrected by the editor/);
    const article = await open(`/articles/${ARTICLE}/`);
    const attribution = article.page.locator('.attribution', { hasText: 'Ashton Carter' });
    assert.match(await attribution.first().innerText(), /Ashton Carter \(corrected\)/);
    await page.context().close();
    await article.page.context().close();
  });

  test('a search shows the quote under the corrected speaker', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { page, errors } = await open('/search/?q=de-confliction');
    await page.waitForFunction(() => document.documentElement.dataset['searchShown']);
    const speakers = await page.locator('.search-result .result-speaker').allInnerTexts();
    assert.equal(speakers[0], 'Ashton Carter');
    assert.ok(!speakers.includes(extractedSpeaker), `still shown as ${extractedSpeaker}: ${speakers.join(', ')}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
