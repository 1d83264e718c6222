// The browsing pages in a real Chromium: axe's WCAG 2.2 AA checks on every kind of page at 375
// and 1280 px in light and dark mode, the Content-Security-Policy enforced without a violation,
// dark mode and print, the 404 page, and a build served under /archive/ that never leaves it.
// Everything is served on a loopback address; every wait is bounded. Skipped without Chromium.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildSite } from './helpers/build-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, LAUNCH_TIMEOUT_MS, NO_CHROMIUM, type AxeViolation } from './helpers/chromium.ts';

const STEP_TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 120_000;
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One page of each kind, from the seed articles. */
const PAGES = [
  '/',
  '/articles/kremlin-regrets-us-refusal-of-dialogue-on-syria/',
  '/quotes/kremlin-regrets-us-refusal-of-dialogue-on-syria/q1/',
  '/speakers/dmitry-peskov/',
  '/speakers/by-count/',
  '/dates/',
  '/dates/2015/09/',
  '/about/',
  '/404.html',
];

interface Visit {
  page: Page;
  /** Console errors, page errors and CSP violations while the page was open. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** HTTP failures (status 400 and up) of those requests. */
  failures: string[];
}


if (!haveChromium) {
  test('the browsing pages in Chromium', (t) => {
    t.skip(NO_CHROMIUM);
  });
} else describe('the browsing pages in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let prefixed: StaticServer;
  let axeSource: string;

  before(async () => {
    const [site, prefixedSite] = [await buildSite(), await buildSite({ PATH_PREFIX: '/archive/' })];
    server = await serveStatic(site.dir);
    prefixed = await serveStatic(prefixedSite.dir, { prefix: '/archive/' });
    axeSource = await readFile(AXE_SOURCE, 'utf8');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await prefixed?.close();
  });

  async function visit(context: BrowserContext, url: string): Promise<Visit> {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const result: Visit = { page, errors: [], requests: [], failures: [] };
    page.on('pageerror', (error) => result.errors.push(`${url}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') result.errors.push(`${url}: ${message.text()}`);
    });
    page.on('request', (request) => result.requests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url() !== url) result.failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return result;
  }

  async function newContext(width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    // Only our loopback servers may be reached.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(server.origin) || url.startsWith(prefixed.origin) ? route.continue() : route.abort();
    });
    return context;
  }

  test('every kind of page passes axe’s WCAG 2.2 AA checks and fits the screen at 375 px (light and dark) and 1280 px', { timeout: TEST_TIMEOUT_MS }, async () => {
    const problems: string[] = [];
    // Colour contrast does not depend on the width: dark mode is checked at the narrow width only.
    for (const [width, scheme] of [[375, 'light'], [375, 'dark'], [1280, 'light']] as const) {
      {
        const context = await newContext(width, scheme);
        for (const path of PAGES) {
          const { page, errors } = await visit(context, server.origin + path);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) problems.push(`${path} at ${width}px scrolls sideways by ${overflow}px`);
          // Evaluated rather than added as a script tag: the pages' policy refuses inline scripts.
          await page.evaluate(axeSource);
          const violations = (await page.evaluate(
            `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } }).then((r) => r.violations)`,
          )) as AxeViolation[];
          for (const v of violations) {
            problems.push(`${path} ${width}px ${scheme}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
          }
          problems.push(...errors);
          await page.close();
        }
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });

  test('pages load only the site’s own files, with the Content-Security-Policy enforced and nothing refused', { timeout: TEST_TIMEOUT_MS }, async () => {
    const context = await newContext(1280);
    for (const path of PAGES.filter((p) => p !== '/404.html')) {
      const { page, errors, requests, failures } = await visit(context, server.origin + path);
      assert.deepEqual(errors, [], `${path} logs errors or policy violations`);
      assert.deepEqual(failures, [], `${path} fails to load something`);
      assert.ok(requests.every((r) => r.startsWith(server.origin) || r.startsWith('data:')), `${path} requests another site: ${requests.join(', ')}`);
      // The policy is in force: a script added to the page is refused, not run.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.documentElement.dataset.injected = "ran"';
        document.head.append(script);
        return document.documentElement.dataset['injected'] ?? 'refused';
      });
      assert.equal(ran, 'refused', `${path} runs an injected inline script`);
      const sheets = await page.evaluate(() => Array.from(document.styleSheets).filter((s) => s.href).length);
      assert.ok(sheets >= 2, `${path} did not load its stylesheets`);
      await page.close();
    }
    await context.close();
  });

  test('dark mode and print change the look: dark colours, and no navigation or quote links on paper', { timeout: TEST_TIMEOUT_MS }, async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const context = await newContext(1280, scheme);
      const { page } = await visit(context, `${server.origin}/articles/kremlin-regrets-us-refusal-of-dialogue-on-syria/`);
      const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await context.close();
      return colour;
    };
    const [light, dark] = [await background('light'), await background('dark')];
    assert.notEqual(light, dark);
    const luminance = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, n) => sum + Number(n), 0);
    assert.ok(luminance(dark) < luminance(light), `dark mode is not darker: ${dark} vs ${light}`);

    const context = await newContext(1280);
    const { page } = await visit(context, `${server.origin}/articles/kremlin-regrets-us-refusal-of-dialogue-on-syria/`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-nav', '.quote-link', '.skip-link'].map((s) => getComputedStyle(document.querySelector(s)!).display),
    );
    assert.deepEqual(hidden, ['none', 'none', 'none']);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
    await context.close();
  });

  test('a site served under /archive/ loads every page’s files and links from there, the 404 page included', { timeout: TEST_TIMEOUT_MS }, async () => {
    const context = await newContext(1280);
    const base = `${prefixed.origin}/archive`;
    for (const path of [...PAGES.filter((p) => p !== '/404.html'), '/no/such/page/']) {
      const { page, errors, requests, failures } = await visit(context, base + path);
      // The missing page itself is answered with status 404, which Chromium logs; nothing else may fail.
      const missing = path === '/no/such/page/' ? `${base}${path}: Failed to load resource: the server responded with a status of 404` : null;
      assert.deepEqual(errors.filter((e) => !missing || !e.startsWith(missing)), [], `${path} under /archive/`);
      assert.deepEqual(failures, [], `${path} under /archive/ fails to load something`);
      assert.ok(requests.every((r) => r.startsWith(`${base}/`) || r.startsWith('data:')), `${path} leaves /archive/: ${requests.join(', ')}`);
      // Resolved against the page, for HTML links and the links of charts' SVG bars alike.
      const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => new URL(a.getAttribute('href') ?? '', document.baseURI).href));
      for (const href of hrefs.filter((h) => h.startsWith(prefixed.origin))) {
        assert.ok(href.startsWith(`${base}/`), `${path} links to ${href}`);
      }
      await page.close();
    }
    // From the 404 page, a click on the navigation lands on a real page of the archive.
    const { page } = await visit(context, `${base}/no/such/page/`);
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    await page.getByRole('link', { name: 'Speakers', exact: true }).click();
    await page.waitForURL(`${base}/speakers/`);
    assert.equal(await page.locator('h1').innerText(), 'Speakers');
    await context.close();
  });

  test('the search page finds quotes under /archive/ and links results inside it', { timeout: TEST_TIMEOUT_MS }, async () => {
    const context = await newContext(1280);
    const { page, errors } = await visit(context, `${prefixed.origin}/archive/search/?q=dialogue`);
    await page.locator('.search-result').first().waitFor();
    const hrefs = await page.locator('.search-result a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.ok(href.startsWith(`${prefixed.origin}/archive/`), `a result links to ${href}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
