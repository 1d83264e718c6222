// Search speed and size on a synthetic archive: bytes fetched and time to first results for the kinds
// of query people make, measured in headless Chromium against a locally served build.
//
//   npm run bench:search                         10,000 synthetic articles: generate, build, measure
//   npm run bench:search -- --articles 2000      another size
//   npm run bench:search -- --site DIR           measure a site already built (its pagefind/ included)
//   npm run bench:search -- --runs 7 --json out.json
//   npm run bench:search -- --keep               keep the generated articles and site (else removed)
//
// The site is served gzip-compressed (as any host serves text; Pagefind's own files are compressed
// already) through a counting proxy, so bytes are what travels on the wire, headers included; the
// Playwright network events are summed as well, as a cross-check. Each scenario starts with a cold
// cache (a new browser context) and ends when the first results are on the page (five quotes, or all
// there are), which the page marks with performance marks:
//   cold        open /search/?q=… and wait for the results: every byte the page needs, and the time
//               from navigation to results;
//   typed       open /search/, wait until the index is ready, then type: the time from the keystroke to
//               results, which is what "first results within 300 ms" means;
//   follow-up   a second query typed on the same page: the bytes it adds and its time.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildSearchIndex } from '../src/search/build-search-index.ts';
import { loadSource } from '../src/pipeline/load-articles.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { readSourceText, syntheticArticles } from './make-synthetic-archive.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium.ts';

const BUILD_TIMEOUT_MS = 60 * 60 * 1000;

/** The issue's budgets at 10,000 articles. */
export const BUDGET = { oneWordBytes: 250 * 1024, filteredBytes: 300 * 1024, followUpBytes: 40 * 1024, firstResultsMs: 300 };

interface Options {
  articles: number;
  site: string | null;
  runs: number;
  json: string | null;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { articles: 10_000, site: null, runs: 5, json: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i] ?? '';
    switch (argv[i]) {
      case '--articles':
        options.articles = Number(next());
        break;
      case '--site':
        options.site = next();
        break;
      case '--runs':
        options.runs = Number(next());
        break;
      case '--json':
        options.json = next();
        break;
      case '--keep':
        options.keep = true;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!Number.isInteger(options.articles) || options.articles < 1 || !Number.isInteger(options.runs) || options.runs < 1) {
    throw new Error('--articles and --runs take positive whole numbers');
  }
  return options;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

async function folderBytes(dir: string): Promise<{ files: number; bytes: number; sizes: number[] }> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).size));
  return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), sizes };
}

/** The bytes of one kind of folder (fragment, index, filter) over every bundle. */
async function bundlesBytes(pagefindDir: string, bundles: { name: string }[], kind: string): Promise<{ bytes: number; files: number; sizes: number[] }> {
  const out = { bytes: 0, files: 0, sizes: [] as number[] };
  for (const b of bundles) {
    const one = await folderBytes(join(pagefindDir, b.name, kind));
    out.bytes += one.bytes;
    out.files += one.files;
    out.sizes.push(...one.sizes);
  }
  return out;
}

// ------------------------------------------------------------------------------ building

async function makeArticles(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `articles-${count}-`));
  const articles = syntheticArticles(count, readSourceText('articles'));
  await Promise.all(articles.map((a) => writeFile(join(dir, a.name), a.text)));
  return dir;
}

async function buildSite(articlesDir: string): Promise<{ dir: string; ms: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'site-bench-'));
  const started = performance.now();
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${dir}`, '--quiet'],
    { env: { ...process.env, ARCHIVE_DIR: articlesDir }, timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
  );
  return { dir, ms: performance.now() - started };
}

/** The index alone, built again from the same archive: its build time without the pages'. */
async function timeIndex(articlesDir: string): Promise<{ ms: number; pages: number; quotes: number }> {
  const { archive } = await loadSource({ ARCHIVE_DIR: articlesDir });
  const dir = await mkdtemp(join(tmpdir(), 'pagefind-bench-'));
  const started = performance.now();
  const summary = await buildSearchIndex(archive, join(dir, 'pagefind'));
  const ms = performance.now() - started;
  await rm(dir, { recursive: true, force: true });
  return { ms, pages: summary.pages, quotes: summary.quotes };
}

// ------------------------------------------------------------------------------ serving and counting

interface Counter {
  origin: string;
  /** Bytes sent since the last reset, by path. */
  take(): Map<string, number>;
  close(): Promise<void>;
}

/** A proxy in front of the static server that counts the bytes of every response (headers included). */
async function countingProxy(target: string): Promise<Counter> {
  let counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const upstream = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (up: IncomingMessage) => {
      const path = (req.url ?? '/').replace(/\?.*$/, '');
      const headerBytes = Object.entries(up.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0) + 17;
      counts.set(path, (counts.get(path) ?? 0) + headerBytes);
      res.writeHead(up.statusCode ?? 500, up.headers);
      up.on('data', (chunk: Buffer) => counts.set(path, (counts.get(path) ?? 0) + chunk.length));
      up.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = counts;
      counts = new Map();
      return taken;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** Bytes by kind of file: what a reader's browser spends them on. */
function byKind(counts: Map<string, number>): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const [path, bytes] of counts) {
    const kind = /\/pagefind\/(?:[^/]+\/)?(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(path)
      ? 'library+wasm'
      : /\.pf_meta$/.test(path)
        ? 'meta'
        : /\.pf_index$/.test(path)
          ? 'index'
          : /\.pf_filter$/.test(path)
            ? 'filters'
            : /\.pf_fragment$/.test(path)
              ? 'fragments'
              : /pagefind-entry|bundles\.json/.test(path)
                ? 'entry'
                : 'page (html, css, js)';
    kinds[kind] = (kinds[kind] ?? 0) + bytes;
  }
  return kinds;
}

// ------------------------------------------------------------------------------ measuring

interface Measure {
  bytes: number;
  playwrightBytes: number;
  kinds: Record<string, number>;
  /** Milliseconds to first results, as the scenario defines them. */
  ms: number;
  quotes: number;
  articles: string;
}

async function newContext(browser: Browser, origin: string): Promise<{ context: BrowserContext; playwrightBytes: () => number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  let bytes = 0;
  context.on('requestfinished', (request) => {
    request
      .sizes()
      .then((s) => (bytes += s.responseBodySize + s.responseHeadersSize))
      .catch(() => {});
  });
  return { context, playwrightBytes: () => bytes };
}

/** Waits for the next shown search and returns its number. */
async function shown(page: Page, after: number): Promise<number> {
  await page.waitForFunction((n) => Number(document.documentElement.dataset['searchShown'] ?? 0) > n, after, { timeout: 60_000 });
  return page.evaluate(() => Number(document.documentElement.dataset['searchShown']));
}

async function outcome(page: Page): Promise<{ quotes: number; articles: string }> {
  return page.evaluate(() => ({
    quotes: document.querySelectorAll('.search-result').length,
    articles: /(\d+) articles? match/.exec(document.querySelector('[data-search-status]')?.textContent ?? '')?.[1] ?? '0',
  }));
}

async function settle(page: Page): Promise<void> {
  // Requests the page starts after the results (the filter counts, when the filters are open) are counted too.
  await page.waitForLoadState('networkidle').catch(() => {});
}

/** Cold cache: open the search's address and wait for its first results. */
async function cold(browser: Browser, counter: Counter, path: string): Promise<Measure> {
  const { context, playwrightBytes } = await newContext(browser, counter.origin);
  const page = await context.newPage();
  counter.take();
  await page.goto(counter.origin + path);
  const n = await shown(page, 0);
  const time = await page.evaluate((n) => performance.getEntriesByName(`search-shown-${n}`).at(-1)!.startTime, n);
  await settle(page);
  const counts = counter.take();
  const result = { bytes: total(counts), playwrightBytes: playwrightBytes(), kinds: byKind(counts), ms: time, ...(await outcome(page)) };
  await context.close();
  return result;
}

/** Cold cache, but the page has loaded (and with it the index's metadata and WebAssembly) before typing. */
async function typed(browser: Browser, counter: Counter, words: string, followUp: string | null): Promise<{ first: Measure; followUp: Measure | null }> {
  const { context, playwrightBytes } = await newContext(browser, counter.origin);
  const page = await context.newPage();
  counter.take();
  await page.goto(`${counter.origin}/search/`);
  await page.waitForSelector('html[data-search-ready]', { timeout: 60_000 });
  const type = async (text: string): Promise<Measure> => {
    const before = await page.evaluate(() => Number(document.documentElement.dataset['searchShown'] ?? 0));
    const bytesBefore = playwrightBytes();
    await page.getByLabel('Words said').fill(text);
    const n = await shown(page, before);
    const time = await page.evaluate((n) => {
      const typedAt = performance.getEntriesByName('search-typed').at(-1)!.startTime;
      return performance.getEntriesByName(`search-shown-${n}`).at(-1)!.startTime - typedAt;
    }, n);
    await settle(page);
    const counts = counter.take();
    return { bytes: total(counts), playwrightBytes: playwrightBytes() - bytesBefore, kinds: byKind(counts), ms: time, ...(await outcome(page)) };
  };
  const pageLoad = counter.take();
  const first = await type(words);
  first.kinds['(page load before typing)'] = total(pageLoad);
  const second = followUp ? await type(followUp) : null;
  await context.close();
  return { first, followUp: second };
}

/** Cold search for the words, then the reader opens the filters: the bytes the menus' counts cost. */
async function counts(browser: Browser, counter: Counter, words: string): Promise<Measure> {
  const { context, playwrightBytes } = await newContext(browser, counter.origin);
  const page = await context.newPage();
  await page.goto(`${counter.origin}/search/?q=${encodeURIComponent(words)}`);
  await shown(page, 0);
  await settle(page);
  counter.take();
  const before = playwrightBytes();
  const started = await page.evaluate(() => performance.now());
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.waitForFunction(() => /\(\d+\)$/.test(document.querySelector('#search-kind option[value="direct"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  const time = (await page.evaluate(() => performance.now())) - started;
  await settle(page);
  const taken = counter.take();
  const result = { bytes: total(taken), playwrightBytes: playwrightBytes() - before, kinds: byKind(taken), ms: time, ...(await outcome(page)) };
  await context.close();
  return result;
}

interface Row {
  name: string;
  budget: string;
  runs: Measure[];
}

function summarise(row: Row): Record<string, unknown> {
  const bytes = median(row.runs.map((r) => r.bytes));
  const kinds = row.runs[0]!.kinds;
  return {
    scenario: row.name,
    bytes: kb(bytes),
    playwright: kb(median(row.runs.map((r) => r.playwrightBytes))),
    time: `${ms(median(row.runs.map((r) => r.ms)))} (max ${ms(Math.max(...row.runs.map((r) => r.ms)))})`,
    quotes: row.runs[0]!.quotes,
    articles: row.runs[0]!.articles,
    budget: row.budget,
    breakdown: Object.entries(kinds)
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', '),
  };
}

async function topSpeaker(siteDir: string): Promise<string> {
  // The most quoted speaker, from the speakers page ordered by count when it exists, else the first on the speakers page.
  for (const page of ['speakers/by-count/index.html', 'speakers/index.html']) {
    const html = await readFile(join(siteDir, page), 'utf8').catch(() => '');
    const id = /href="\/speakers\/([^/"]+)\/"/.exec(html.slice(html.indexOf('<main')))?.[1];
    if (id) return decodeURIComponent(id);
  }
  throw new Error('no speaker found on the speakers pages');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let siteDir = options.site;
  const facts: Record<string, string> = {};
  keep = options.keep;
  if (!siteDir) {
    process.stderr.write(`Generating ${options.articles} synthetic articles…\n`);
    const articles = await makeArticles(options.articles);
    made.push(articles);
    process.stderr.write(`Building the site from ${articles}…\n`);
    const built = await buildSite(articles);
    siteDir = built.dir;
    made.push(siteDir);
    facts['site build (Eleventy, extraction and index)'] = `${(built.ms / 1000).toFixed(1)} s`;
    process.stderr.write('Building the index alone, to time it…\n');
    const index = await timeIndex(articles);
    facts['index build alone (Pagefind, from the records)'] = `${(index.ms / 1000).toFixed(1)} s for ${index.pages} pages holding ${index.quotes} quotes`;
  }
  const pagefindDir = join(siteDir, 'pagefind');
  const all = await folderBytes(pagefindDir);
  // Each bundle of the index (src/search/search-bundles.ts) is a Pagefind index of its own.
  const bundles = (JSON.parse(await readFile(join(pagefindDir, 'bundles.json'), 'utf8')) as { bundles: { name: string; pages: number }[] }).bundles;
  const fragments = await bundlesBytes(pagefindDir, bundles, 'fragment');
  const index = await bundlesBytes(pagefindDir, bundles, 'index');
  const filters = await bundlesBytes(pagefindDir, bundles, 'filter');
  let metaBytes = 0;
  for (const b of bundles) {
    const meta = (await readdir(join(pagefindDir, b.name))).find((f) => f.endsWith('.pf_meta'));
    metaBytes += (await stat(join(pagefindDir, b.name, meta!))).size;
  }
  facts['site'] = siteDir;
  facts['index pages'] = `${bundles.reduce((n, b) => n + b.pages, 0)} in ${bundles.length} bundles (${bundles.map((b) => `${b.name}: ${b.pages}`).join(', ')})`;
  facts['index on disk'] = `${kb(all.bytes)} in ${all.files} files`;
  facts['metadata (loaded by every search), all bundles'] = kb(metaBytes);
  facts['word index chunks'] = `${index.files}, median ${kb(median(index.sizes))}, largest ${kb(Math.max(...index.sizes))}`;
  facts['filter files'] = `${filters.files}, median ${kb(median(filters.sizes))}, largest ${kb(Math.max(...filters.sizes))}`;
  facts['fragments'] = `${fragments.files}, median ${kb(median(fragments.sizes))}`;

  const speaker = await topSpeaker(siteDir);
  const server = await serveStatic(siteDir, { gzip: true });
  const counter = await countingProxy(server.origin);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  const repeat = async (name: string, budget: string, run: () => Promise<Measure>) => {
    await run(); // warm the server's file cache and Chromium
    const runs: Measure[] = [];
    for (let i = 0; i < options.runs; i++) runs.push(await run());
    rows.push({ name, budget, runs });
    process.stderr.write(`  ${name}: ${kb(median(runs.map((r) => r.bytes)))}, ${ms(median(runs.map((r) => r.ms)))}\n`);
  };
  try {
    process.stderr.write('Measuring…\n');
    for (const word of ['dialogue', 'terrorism', 'de-confliction', 'Washington']) {
      await repeat(`one word, cold: /search/?q=${word}`, `≤ ${kb(BUDGET.oneWordBytes)}`, () => cold(browser, counter, `/search/?q=${encodeURIComponent(word)}`));
    }
    await repeat(`filtered and sorted, cold: q=dialogue, speaker=${speaker}, newest first`, `≤ ${kb(BUDGET.filteredBytes)}`, () =>
      cold(browser, counter, `/search/?q=dialogue&speaker=${encodeURIComponent(speaker)}&sort=newest`),
    );
    await repeat('filtered and sorted, cold: q=terrorism, year, partial quotes, oldest first', `≤ ${kb(BUDGET.filteredBytes)}`, () =>
      cold(browser, counter, '/search/?q=terrorism&year=2012&kind=partial&sort=oldest'),
    );
    await repeat(`speaker only, cold: ?speaker=${speaker} (the speaker page's link)`, `≤ ${kb(BUDGET.filteredBytes)}`, () => cold(browser, counter, `/search/?speaker=${encodeURIComponent(speaker)}`));
    await repeat('opening the filters after a search for "dialogue": the counts of every menu', 'not budgeted: loaded only on request', () => counts(browser, counter, 'dialogue'));
    const typedRuns: { first: Measure; followUp: Measure | null }[] = [];
    await typed(browser, counter, 'dialogue', 'coalition');
    for (let i = 0; i < options.runs; i++) typedRuns.push(await typed(browser, counter, 'dialogue', 'coalition'));
    rows.push({ name: 'typed after the page loaded: "dialogue"', budget: `first results ≤ ${ms(BUDGET.firstResultsMs)}`, runs: typedRuns.map((r) => r.first) });
    rows.push({ name: 'follow-up typed on the same page: "coalition"', budget: `≤ ${kb(BUDGET.followUpBytes)}`, runs: typedRuns.map((r) => r.followUp!) });
    const rare: { first: Measure; followUp: Measure | null }[] = [];
    for (let i = 0; i < options.runs; i++) rare.push(await typed(browser, counter, 'de-confliction', 'ISIS'));
    rows.push({ name: 'typed after the page loaded: "de-confliction"', budget: `first results ≤ ${ms(BUDGET.firstResultsMs)}`, runs: rare.map((r) => r.first) });
    rows.push({ name: 'follow-up typed on the same page: "ISIS"', budget: `≤ ${kb(BUDGET.followUpBytes)}`, runs: rare.map((r) => r.followUp!) });
  } finally {
    await browser.close();
    await counter.close();
    await server.close();
  }
  const table = rows.map(summarise);
  facts['machine'] = `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end (times grow with it)`;
  console.log('\nSearch index');
  for (const [k, v] of Object.entries(facts)) console.log(`  ${k}: ${v}`);
  console.log(`\nQueries (median of ${options.runs} runs, cold cache unless said; bytes on the wire, gzip where a host would)`);
  for (const row of table) {
    console.log(`  ${row['scenario']}`);
    console.log(`    ${row['bytes']} (Playwright: ${row['playwright']}), ${row['time']}, ${row['quotes']} quotes shown of ${row['articles']} articles; budget ${row['budget']}`);
    console.log(`    ${row['breakdown']}`);
  }
  if (options.json) await writeFile(options.json, JSON.stringify({ facts, rows: table, raw: rows }, null, 2));
}

/** What this run made: removed at the end, even after a failure, unless --keep. */
const made: string[] = [];
let keep = false;

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (made.length > 0 && keep) console.log(`\nKept ${made.join(' and ')}; measure again with --site ${made[1] ?? ''}`);
    else await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
