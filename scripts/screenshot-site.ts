import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/helpers/static-server.ts';
const [dir, out, ...paths] = process.argv.slice(2);
const server = await serveStatic(dir!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
for (const spec of paths) {
  const [path, width, scheme] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: Number(width ?? 1024), height: 900 }, colorScheme: (scheme as 'dark' | 'light') ?? 'light' });
  page.on('console', (m) => console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(server.origin + path!);
  if (path!.includes('search')) await page.waitForTimeout(1500);
  const name = `${out}/${path!.replace(/[^a-z0-9]+/gi, '_')}_${width}_${scheme ?? 'light'}.png`;
  await page.screenshot({ path: name, fullPage: true });
  console.log(name);
  await page.close();
}
await browser.close();
await server.close();
