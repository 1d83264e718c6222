// Where the browser tests and scripts find Chromium and how they start it: Debian's package, or the
// path in CHROMIUM_PATH, with the flags this closed network needs (no background requests).
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const haveChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM = `no Chromium found at ${CHROMIUM}; install it or set CHROMIUM_PATH to run the browser tests`;

/** What axe-core reports for a rule a page breaks. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** A page at `origin + path` in a context of its own that may reach only `origin`; with the errors it logs or throws. */
export async function openPage(browser: Browser, origin: string, path: string, timeoutMs = 10_000): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(origin + path);
  return { page, errors };
}

/**
 * How long Chromium may take to start: on a shared two-core machine busy with disk work it took
 * over 10 s twice (2026-12-02), while a page step stays bounded by each test's own timeout.
 */
export const LAUNCH_TIMEOUT_MS = 30_000;

/** Chromium as the browser tests start it. */
export async function launchChromium(timeoutMs = LAUNCH_TIMEOUT_MS): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: timeoutMs });
}
