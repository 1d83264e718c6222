// Lighthouse on the built site, served gzipped from a loopback port, for one page of each kind:
// home, an article, a speaker, a quote and the search page. Fails (exit 1) when a score is below
// the bar: performance and best practices 0.95, accessibility and SEO 1.
//
//   npm run lighthouse                       # builds the site from articles/ and audits it
//   npm run lighthouse -- --json report.json # also writes the scores as JSON
//   npm run lighthouse -- --runs 5           # runs per page (default 3; the median is reported)
//
// Uses Chromium at CHROME_PATH (default /usr/bin/chromium). The site is built for the address it is
// served at (SITE_URL), so canonical URLs point at the audited host as they would in production.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort, serveStatic } from '../tests/helpers/static-server.ts';
import { CHROMIUM_ARGS } from '../tests/helpers/chromium.ts';

const CHROME_PATH = process.env['CHROME_PATH'] || process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MINIMUM: Record<(typeof CATEGORIES)[number], number> = { performance: 0.95, accessibility: 1, 'best-practices': 0.95, seo: 1 };

const PAGES: Record<string, string> = {
  home: '/',
  article: '/articles/kremlin-regrets-us-refusal-of-dialogue-on-syria/',
  speaker: '/speakers/dmitry-peskov/',
  quote: '/quotes/kremlin-regrets-us-refusal-of-dialogue-on-syria/q1/',
  search: '/search/?q=dialogue',
};

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i === -1 ? null : process.argv[i + 1] ?? null;
}
const jsonOut = option('--json');
const RUNS = Math.max(1, Number(option('--runs') ?? 3));

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const dir = await mkdtemp(join(tmpdir(), 'lighthouse-site-'));
console.log(`Building the site for ${origin} into ${dir}…`);
await promisify(execFile)(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${dir}`, '--quiet'], {
  env: { ...process.env, SITE_URL: origin },
  timeout: 180_000,
  maxBuffer: 16 * 1024 * 1024,
});

const server = await serveStatic(dir, { gzip: true, port });
const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROMIUM_ARGS });
type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
const results: Record<string, { scores: Record<string, number | null>; performanceRuns: string; transferredBytes: number | null; failed: string[] }> = {};
let ok = true;
try {
  for (const [name, path] of Object.entries(PAGES)) {
    // Timings vary with what else the machine runs: the median of several runs is reported.
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) {
      const runnerResult = await lighthouse(origin + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!runnerResult) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (runnerResult.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${path}: ${runnerResult.lhr.runtimeError.message}`);
      runs.push(runnerResult.lhr);
    }
    runs.sort((a, b) => (a.categories['performance']?.score ?? 0) - (b.categories['performance']?.score ?? 0));
    const lhr = runs[Math.floor(runs.length / 2)]!;
    const scores: Record<string, number | null> = {};
    const failed: string[] = [];
    for (const category of CATEGORIES) {
      const score = lhr.categories[category]?.score ?? null;
      scores[category] = score;
      if (score === null || score < MINIMUM[category]) {
        ok = false;
        // Name the audits that cost points, so a failure says what to fix.
        const refs = lhr.categories[category]?.auditRefs ?? [];
        for (const ref of refs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failed.push(`${category}: ${audit.id} (${audit.title}: ${audit.displayValue ?? audit.score})`);
        }
      }
    }
    const weight = lhr.audits['total-byte-weight']?.numericValue ?? null;
    const performance = runs.map((r) => r.categories['performance']?.score?.toFixed(2) ?? '—').join('/');
    results[name] = { scores, performanceRuns: performance, transferredBytes: weight, failed };
    console.log(
      `${name.padEnd(8)} ${CATEGORIES.map((c) => `${c} ${scores[c] === null ? '—' : scores[c]!.toFixed(2)}`).join('  ')}  (performance runs ${performance})  transferred ${weight === null ? '?' : `${(weight / 1024).toFixed(1)} KB`}  ${path}`,
    );
    for (const f of failed) console.log(`         below the bar: ${f}`);
  }
} finally {
  chrome.kill();
  await server.close();
}

if (jsonOut) await writeFile(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
if (!ok) {
  console.error(`A score is below the bar (${Object.entries(MINIMUM).map(([c, m]) => `${c} ${m}`).join(', ')}).`);
  process.exit(1);
}
console.log('Every page meets the bar.');
