// Screenshots of a built site in headless Chromium, to look at pages while working on the design.
//   tsx scripts/screenshot-site.ts <site dir> <out dir> '<path>[|width[|light|dark|print[|from-to]]]' ...
// A from-to range (e.g. 0-1200) shoots only that band of the page, to look at it at full size.
// e.g. tsx scripts/screenshot-site.ts _site /tmp/shots '/|375' '/search/?q=dialogue|1024|dark'
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium.ts';


const [siteDir, outDir, ...specs] = process.argv.slice(2);
if (!siteDir || !outDir || specs.length === 0) {
  console.error("usage: tsx scripts/screenshot-site.ts <site dir> <out dir> '<path>[|width[|light|dark|print]]' ...");
  process.exit(2);
}

await mkdir(outDir, { recursive: true });
const server = await serveStatic(siteDir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 10_000 });
try {
  for (const spec of specs) {
    const [path = '/', width = '1024', mode = 'light', band] = spec.split('|');
    const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => console.error(`${path}: ${error.message}`));
    await page.emulateMedia(mode === 'print' ? { media: 'print' } : { colorScheme: mode === 'dark' ? 'dark' : 'light' });
    await page.goto(server.origin + path);
    // The search page fills in its results after the index loads.
    if (path.startsWith('/search/') && path.includes('?')) await page.locator('.search-result, .search-status').first().waitFor();
    await page.waitForTimeout(path.startsWith('/search/') ? 1000 : 0);
    const file = join(outDir, `${path.replace(/[^a-z0-9]+/gi, '_')}${width}_${mode}${band ? `_${band}` : ''}.png`);
    const [from = 0, to = 0] = (band ?? '').split('-').map(Number);
    const clip = band ? { x: 0, y: from, width: Number(width), height: Math.max(1, to - from) } : undefined;
    await page.screenshot({ path: file, fullPage: true, ...(clip ? { clip } : {}) });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
