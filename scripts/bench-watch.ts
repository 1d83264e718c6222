// How long after dropping an article into the folder is the site updated? For the seed archive
// (a temporary copy of articles/), or a synthetic archive of N articles (scripts/make-synthetic-archive.ts),
// measured both ways an editor works:
//   npm run bench:watch [-- --size N]
// - `npm start` kept running (Eleventy watching, as `npm start` runs it but without the server):
//   from writing the file to its article page, the home page listing it, and the search index
//   written again;
// - `npm run build` after dropping the file: the command's wall time, start to exit.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSourceText, syntheticArticles } from './make-synthetic-archive.ts';

const sizeAt = process.argv.indexOf('--size');
// With --trace, the build's own marks (src/io/trace.ts) are printed after each drop, from the drop.
const tracing = process.argv.includes('--trace');
const size = sizeAt > 0 ? Number(process.argv[sizeAt + 1]) : 0;

const root = mkdtempSync(join(tmpdir(), 'bench-watch-'));
const articles = join(root, 'articles');
if (size > 0) {
  mkdirSync(articles);
  for (const a of syntheticArticles(size, readSourceText('articles'))) writeFileSync(join(articles, a.name), a.text);
} else cpSync('articles', articles, { recursive: true });

/** The newest date of the archive's file names (synthetic files start with it), or null. */
const newest = readdirSync(articles).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name)).sort().at(-1)?.slice(0, 10) ?? null;
/** The day after the newest: an article an editor drops is today's news. */
const today = (n: number) => (newest ? new Date(Date.parse(`${newest}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) : null);

const RAW = (n: number) => {
  const date = today(n);
  const front = date ? `---\ndate: ${date}\n---\n` : '';
  return `${front}Harbour board meets on ferry timetable ${n}\n\nDOVER, October 16. The harbour board met on Friday to discuss the winter timetable.\n\n“We will keep the ferries running,” harbour master Ana Ruiz said. “Nobody will be stranded.”\n`;
};
const output = join(root, '_site');
const env = { ...process.env, ARCHIVE_DIR: articles, ARCHIVE_CACHE_DIR: join(root, 'cache'), ...(tracing ? { BUILD_TRACE: '1' } : {}) };

/** The build's marks from `since` to `until` (epoch times), as offsets from `since`. */
function marksBetween(log: string, since: number, until: number): string[] {
  const marks = [...log.matchAll(/^\[trace\] (\d+) (.*)$/gm)].map((m) => [Number(m[1]), m[2]] as const);
  return marks.filter(([at]) => at >= since && at < until).map(([at, what]) => `  +${at - since} ms ${what}`);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(test: () => boolean, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out');
    await wait(5);
  }
  return performance.now();
}
const mtime = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0);

async function watchMode(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${output}`, '--watch', '--incremental', '--quiet'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  try {
    // The bundles file is written last, after every bundle of the index (src/search/search-bundles.ts).
    // Eleventy says it is watching once its own pages are written; the build's report comes when
    // the rest is (src/pipeline/serve-hooks.ts).
    await until(() => existsSync(join(output, 'pagefind', 'bundles.json')) && /Watching/.test(log) && /^Built /m.test(log), 600_000);
    await wait(1000);
    const drops: number[] = [];
    for (let n = 1; n <= 3; n++) {
      const entry = join(output, 'pagefind', 'bundles.json');
      const indexBefore = mtime(entry);
      const dropped = performance.now();
      const droppedAt = Date.now();
      writeFileSync(join(articles, `harbour-${n}.${newest ? 'md' : 'txt'}`), RAW(n));
      // Watched all at once: each is timed when it happens, not after the one before it.
      const [page, home, index] = await Promise.all([
        until(() => existsSync(join(output, 'articles', `harbour-${n}`, 'index.html'))),
        until(() => existsSync(join(output, 'index.html')) && readFileSync(join(output, 'index.html'), 'utf8').includes(`harbour-${n}`)),
        until(() => mtime(entry) > indexBefore),
      ]);
      console.log(
        `${size > 0 ? `${size} articles: ` : ''}npm start: article ${n} dropped → its page ${(page - dropped).toFixed(0)} ms, home page ${(home - dropped).toFixed(0)} ms, search index ${(index - dropped).toFixed(0)} ms`,
      );
      drops.push(droppedAt);
      await wait(1500);
    }
    if (tracing) {
      // The last build's end too.
      await wait(10_000);
      drops.forEach((at, i) => console.log(`marks after drop ${i + 1}:\n${marksBetween(log, at, drops[i + 1] ?? Infinity).join('\n')}`));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

function build(): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/pipeline/build-command.ts', '--output', join(root, 'built')], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

function buildMode(): void {
  build();
  for (let n = 10; n < 13; n++) {
    writeFileSync(join(articles, `harbour-${n}.${newest ? 'md' : 'txt'}`), RAW(n));
    const started = performance.now();
    const out = build();
    const ms = performance.now() - started;
    console.log(`${size > 0 ? `${size} articles: ` : ''}npm run build after dropping article ${n}: ${ms.toFixed(0)} ms wall (${/Built .* in ([\d.]+ s)/.exec(out)?.[1]} inside the command)`);
  }
}

await watchMode();
// --start-only: `npm start` alone.
if (!process.argv.includes('--start-only')) buildMode();
