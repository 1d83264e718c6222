// The scale benchmark of the whole build (not a test; run it in the background, it takes long):
//   npm run bench -- [--sizes 1000,5000,10000,20000] [--work /tmp/quote-archive-bench] [--no-baseline]
//   npm run bench -- --table [--work DIR]      (the results so far as a Markdown table)
//
// For each size N, on a synthetic archive of N articles (scripts/make-synthetic-archive.ts):
// - clean build: `npm run build` with an empty extraction cache;
// - a build with nothing changed (the cache full, no article changed);
// - rebuild after adding one article dated after all others (today's news), then after adding one
//   of another date (the previous benchmark's added article: a random day, often an older year;
//   it may change who older quotes are by);
// each with wall time, the report's stage timings, peak memory (the largest process, from
// /usr/bin/time, and the whole process tree, sampled from /proc), the search index's size and the
// output's size; and the baseline: a plain Eleventy site of the same files (one page per article,
// scripts/baseline/) indexed by Pagefind, with the ratio of the two.
// Results are printed as a table and written to WORK/results-<N>.json.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync, rmSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { readSourceText, syntheticArticles } from './make-synthetic-archive.ts';

interface Measured {
  seconds: number;
  /** Peak RSS of the largest single process (GNU time's %M), MB. */
  maxRssMb: number;
  /** Peak of the summed RSS of the process and its children, sampled every 100 ms, MB. */
  treeRssMb: number;
  stdout: string;
  stderr: string;
  code: number;
}

function rssOfTree(root: number): number {
  // Sum VmRSS over the root and every descendant.
  let total = 0;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      /* gone */
    }
  }
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 1024;
}

function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<Measured> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let treeKb = 0;
    const timer = setInterval(() => (treeKb = Math.max(treeKb, rssOfTree(child.pid!) * 1024)), 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const m = /TIME ([\d.]+) (\d+)/.exec(stderr);
      done({ seconds, maxRssMb: m ? Number(m[2]) / 1024 : NaN, treeRssMb: treeKb / 1024, stdout, stderr: stderr.replace(/TIME .*\n?$/, ''), code: code ?? 1 });
    });
  });
}

function sizeOf(path: string): { mb: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (p: string) => {
    for (const entry of readdirSync(p, { withFileTypes: true })) {
      const full = join(p, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        bytes += statSync(full).size;
        files++;
      }
    }
  };
  if (existsSync(path)) walk(path);
  return { mb: bytes / 1e6, files };
}

/** The stage timings of the build report's last line ("read 0.01 s, extract 0.13 s, …"), and its Output line. */
function stages(stdout: string): Record<string, number | string> | null {
  const line = /^Built .*$/m.exec(stdout)?.[0];
  if (!line) return null;
  const out: Record<string, number | string> = {};
  for (const m of line.matchAll(/(read|extract|archive|pages|search index|write) ([\d.]+) s/g)) out[m[1]!.replace(' ', '')] = Number(m[2]);
  const written = /^Output: (.*)$/m.exec(stdout)?.[1];
  if (written) out['output'] = written;
  return out;
}

/** The build as package.json's `build` script runs it (`node --import tsx …`), with this Node. */
const BUILD_COMMAND = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { build: string } }).scripts.build.split(' ').slice(1);
const ELEVENTY = resolve('node_modules/@11ty/eleventy/cmd.cjs');

/** One build as `npm run build` runs it; a failed build is reported and tried once more. */
async function ourBuild(articles: string, cache: string, output: string): Promise<Measured> {
  const run = () => {
    settleDisk();
    return measure(process.execPath, [...BUILD_COMMAND, '--output', output], { ARCHIVE_DIR: articles, ARCHIVE_CACHE_DIR: cache });
  };
  const first = await run();
  if (first.code === 0) return first;
  console.error(`build failed, trying once more:\n${first.stderr.slice(-1500)}`);
  return run();
}

/** The baseline's Pagefind step: index the built pages (the Node API, as our build uses). */
async function indexBaseline(site: string): Promise<void> {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  const added = await index.addDirectory({ path: site });
  if (added.errors.length) throw new Error(added.errors.join('; '));
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
}

async function baseline(work: string, articles: string, output: string): Promise<{ eleventy: Measured; pagefindSeconds: number; pagefindRssMb: number; seconds: number }> {
  moveAside(work, output);
  settleDisk();
  const eleventy = await measure(process.execPath, [ELEVENTY, '--config=scripts/baseline/eleventy.config.mjs', `--input=${articles}`, `--output=${output}`, '--quiet']);
  if (eleventy.code !== 0) throw new Error(`baseline Eleventy failed: ${eleventy.stderr}`);
  // Pagefind in a child process of its own, so its time and memory are measured the same way.
  const indexing = await measure(process.execPath, ['--import', 'tsx', 'scripts/bench-build.ts', '--index-baseline', output]);
  if (indexing.code !== 0) throw new Error(`baseline Pagefind failed: ${indexing.stderr}`);
  return { eleventy, pagefindSeconds: indexing.seconds, pagefindRssMb: Math.max(indexing.maxRssMb, indexing.treeRssMb), seconds: eleventy.seconds + indexing.seconds };
}

/**
 * Waits, untimed, until what the last build wrote has reached the disk. A clean build leaves
 * hundreds of MB being written back after it exits; a build measured right after it ran alongside
 * that (a warm build of 10,000 articles spent 8.3 s instead of 2.2 s checking the kept search
 * bundles' files).
 */
function settleDisk(): void {
  execFileSync('sync');
}

/**
 * Moves a folder out of the way into WORK/.trash, deleted when the benchmark ends. Deleting tens of
 * thousands of files just before a build makes that build's own files slow to create on a file
 * system that avoids reusing recently freed inodes (ext4 without a journal, as here: rendering and
 * writing the per-item pages of 5,000 articles took 9.1 s after a quiet spell, 23.5 s right after
 * deleting a previous copy): the clean build would be timed with the deletion's cost, which the
 * build command itself never pays before writing (it deletes an old site after the new one is in).
 */
function moveAside(work: string, path: string): void {
  if (!existsSync(path)) return;
  const trash = join(work, '.trash');
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`));
}

/** Folders, each with one file, the disk probe creates before a clean build. */
const PROBE_FOLDERS = 2000;

/**
 * Microseconds this file system takes to create a folder or a file in WORK, timed just before a
 * clean build: what the build's 80,000 folders and files at 5,000 articles cost depends on it more
 * than on anything the build does. This machine's ext4 (no journal) scans, for each inode it
 * allocates, past every inode of the group freed in the last minute, or six while their table
 * block is still unwritten (`recently_deleted` in the kernel's inode allocator; `perf` put a third
 * of the samples of creating 70,000 there): 30 µs each on a disk at rest, 150-350 µs within minutes
 * of deleting a previous site, which made the same clean build take 26 s or 38 s. The probe's
 * folders stay in the trash, deleted after every measurement.
 */
function probeDisk(work: string): number {
  const dir = join(work, '.trash', `probe-${Date.now()}`);
  const started = performance.now();
  for (let i = 0; i < PROBE_FOLDERS; i++) {
    mkdirSync(join(dir, String(i)), { recursive: true });
    writeFileSync(join(dir, String(i), 'index.html'), '');
  }
  return ((performance.now() - started) * 1000) / (2 * PROBE_FOLDERS);
}

/** A disk at rest creates a folder or file in about 30 µs; one that is not, in 150 µs or more. */
const AT_REST_US = 80;
/**
 * How long to wait for the disk to come to rest before measuring anyway: the kernel's window is a
 * minute once the freed inodes are written back and six before, and after a benchmark's own
 * trash (110,000 folders and files) was deleted the probe took 2.5-3 minutes to come down.
 */
const REST_WAIT_MS = 360_000;

/** Probes the disk until it is at rest (written back, nothing freed in the last minute), or for at most REST_WAIT_MS; the last probe's µs. */
async function diskAtRest(work: string, n: number): Promise<number> {
  const until = Date.now() + REST_WAIT_MS;
  for (;;) {
    settleDisk();
    const us = probeDisk(work);
    if (us <= AT_REST_US || Date.now() >= until) return us;
    console.error(`[${n}] disk: ${us.toFixed(0)} µs to create a folder or file, not at rest (files deleted in the last minute?); waiting 30 s…`);
    await new Promise((done) => setTimeout(done, 30_000));
  }
}

const tail = (text: string) => text.trim().split('\n').filter((l) => !l.startsWith('  /')).slice(-6);
const mb = (n: number) => `${n.toFixed(0)} MB`;
const s = (n: number) => `${n.toFixed(1)} s`;
const pct = (ratio: number) => `${(100 * ratio).toFixed(0)} %`;

async function benchSize(n: number, work: string, withBaseline: boolean): Promise<Record<string, unknown>> {
  const articles = join(work, `articles-${n}`);
  if (!existsSync(articles)) {
    mkdirSync(articles, { recursive: true });
    for (const a of syntheticArticles(n, readSourceText('articles'))) writeFileSync(join(articles, a.name), a.text);
  }
  const input = sizeOf(articles);
  const cache = join(work, `cache-${n}`);
  const output = join(work, `site-${n}`, '_site');
  moveAside(work, cache);
  moveAside(work, join(work, `site-${n}`));
  const diskUs = await diskAtRest(work, n);
  console.error(`[${n}] disk: ${diskUs.toFixed(0)} µs to create a folder or file; clean build…`);
  const clean = await ourBuild(articles, cache, output);
  if (clean.code !== 0) throw new Error(`clean build failed: ${clean.stderr.slice(-2000)}`);
  const site = sizeOf(output);
  const index = sizeOf(join(output, 'pagefind'));
  console.error(`[${n}] clean ${s(clean.seconds)}; warm full build…`);
  const warm = await ourBuild(articles, cache, output);
  console.error(`[${n}] warm ${s(warm.seconds)}; rebuild after adding one article…`);
  // One new article, as an editor adds it: today's news, dated after every article of the archive.
  const newest = readdirSync(articles).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name)).sort().at(-1)!.slice(0, 10);
  const today = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const [fresh] = syntheticArticles(n + 2, readSourceText('articles')).slice(-1);
  const added = join(articles, `zz-added-${today}-${fresh!.name.slice(11)}`);
  writeFileSync(added, fresh!.text.replace(/^date: .*$/m, `date: ${today}`));
  const rebuild = await ourBuild(articles, cache, output);
  // And one of another date, as back issues are added (a random day; it may change who older quotes are by).
  console.error(`[${n}] rebuild ${s(rebuild.seconds)}; rebuild after adding an article of another date…`);
  const [old] = syntheticArticles(n + 1, readSourceText('articles')).slice(-1);
  const addedOld = join(articles, `zz-added-${old!.name}`);
  writeFileSync(addedOld, old!.text);
  const rebuildOld = await ourBuild(articles, cache, output);
  unlinkSync(added);
  unlinkSync(addedOld);
  const extractedInRebuild = /Extraction: ([\d,]+) files? extracted/.exec(rebuild.stdout)?.[1] ?? '?';
  let base: Awaited<ReturnType<typeof baseline>> | null = null;
  if (withBaseline) {
    console.error(`[${n}] rebuild ${s(rebuild.seconds)}; baseline…`);
    base = await baseline(work, articles, join(work, `baseline-${n}`));
  }
  const result = {
    articles: n,
    inputMb: input.mb,
    diskUs,
    clean: { seconds: clean.seconds, maxRssMb: clean.maxRssMb, treeRssMb: clean.treeRssMb, stages: stages(clean.stdout), report: tail(clean.stdout) },
    warmFull: { seconds: warm.seconds, maxRssMb: warm.maxRssMb, treeRssMb: warm.treeRssMb, stages: stages(warm.stdout), report: tail(warm.stdout) },
    rebuildAddOne: { seconds: rebuild.seconds, maxRssMb: rebuild.maxRssMb, treeRssMb: rebuild.treeRssMb, stages: stages(rebuild.stdout), extracted: extractedInRebuild, report: tail(rebuild.stdout) },
    rebuildAddOld: { seconds: rebuildOld.seconds, maxRssMb: rebuildOld.maxRssMb, treeRssMb: rebuildOld.treeRssMb, stages: stages(rebuildOld.stdout), report: tail(rebuildOld.stdout) },
    output: { mb: site.mb, files: site.files },
    index: { mb: index.mb, files: index.files },
    baseline: base && {
      seconds: base.seconds,
      eleventySeconds: base.eleventy.seconds,
      pagefindSeconds: base.pagefindSeconds,
      maxRssMb: Math.max(base.eleventy.maxRssMb, base.pagefindRssMb),
      output: sizeOf(join(work, `baseline-${n}`)),
      index: sizeOf(join(work, `baseline-${n}`, 'pagefind')),
    },
    ratios: { cleanToBaseline: base ? clean.seconds / base.seconds : null, warmToClean: warm.seconds / clean.seconds, rebuildToClean: rebuild.seconds / clean.seconds, rebuildOldToClean: rebuildOld.seconds / clean.seconds },
    load: readFileSync('/proc/loadavg', 'utf8').trim(),
  };
  writeFileSync(join(work, `results-${n}.json`), JSON.stringify(result, null, 2));
  moveAside(work, join(work, `baseline-${n}`));
  console.log(
    `N=${n} (disk: ${diskUs.toFixed(0)} µs per file created): clean ${s(clean.seconds)} (peak of all four builds ${mb(Math.max(...[clean, warm, rebuild, rebuildOld].flatMap((run) => [run.maxRssMb, run.treeRssMb])))}), warm full ${s(warm.seconds)}, ` +
      `rebuild +1 ${s(rebuild.seconds)} (extracted ${extractedInRebuild}), +1 of another date ${s(rebuildOld.seconds)}, output ${mb(site.mb)} in ${site.files} files, index ${mb(index.mb)}; ` +
      `warm/clean ${pct(warm.seconds / clean.seconds)}, rebuild/clean ${pct(rebuild.seconds / clean.seconds)}, other-date rebuild/clean ${pct(rebuildOld.seconds / clean.seconds)}` +
      (base ? `; baseline ${s(base.seconds)} (Eleventy ${s(base.eleventy.seconds)} + Pagefind ${s(base.pagefindSeconds)}), clean/baseline ${(clean.seconds / base.seconds).toFixed(2)}×` : ''),
  );
  return result;
}

/** The results in WORK as a Markdown table (`npm run bench -- --table [--work DIR]`). */
function table(work: string): string {
  const rows = readdirSync(work)
    .filter((n) => /^results-\d+\.json$/.test(n))
    .map((n) => JSON.parse(readFileSync(join(work, n), 'utf8')) as Record<string, any>)
    .sort((a, b) => a.articles - b.articles);
  const out = [
    '| articles | clean build | nothing changed | rebuild after adding 1 (today’s) | … 1 of another date | peak memory | output | search index | baseline (Eleventy + Pagefind) | clean ÷ baseline | nothing changed ÷ clean | rebuild ÷ clean | other-date rebuild ÷ clean | disk: µs per file created |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const runs = [r.clean, r.warmFull, r.rebuildAddOne, r.rebuildAddOld].filter(Boolean);
    const peak = Math.max(...runs.flatMap((run) => [run.maxRssMb, run.treeRssMb]));
    const b = r.baseline;
    const old = r.rebuildAddOld;
    const ofClean = (run: { seconds: number } | undefined) => (run ? `${Math.round((100 * run.seconds) / r.clean.seconds)} %` : '–');
    out.push(
      `| ${r.articles.toLocaleString('en')} | ${s(r.clean.seconds)} | ${s(r.warmFull.seconds)} | ${s(r.rebuildAddOne.seconds)} | ${old ? s(old.seconds) : '–'} | ${(peak / 1024).toFixed(2)} GB | ${mb(r.output.mb)}, ${r.output.files.toLocaleString('en')} files | ${mb(r.index.mb)} | ${b ? `${s(b.seconds)} (${s(b.eleventySeconds)} + ${s(b.pagefindSeconds)})` : '–'} | ${b ? `${(r.clean.seconds / b.seconds).toFixed(2)}×` : '–'} | ${ofClean(r.warmFull)} | ${ofClean(r.rebuildAddOne)} | ${ofClean(old)} | ${r.diskUs === undefined ? '–' : Math.round(r.diskUs)} |`,
    );
  }
  return out.join('\n');
}

async function main(args: string[]): Promise<number> {
  if (args[0] === '--index-baseline') {
    await indexBaseline(args[1]!);
    return 0;
  }
  if (args[0] === '--table') {
    console.log(table(args[1] === '--work' ? args[2]! : '/tmp/quote-archive-bench'));
    return 0;
  }
  let sizes = [1000, 5000, 10000, 20000];
  let work = '/tmp/quote-archive-bench';
  let withBaseline = true;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--sizes') sizes = args[++i]!.split(',').map(Number);
    else if (args[i] === '--work') work = args[++i]!;
    else if (args[i] === '--no-baseline') withBaseline = false;
    else {
      console.error('usage: npm run bench -- [--sizes 1000,5000] [--work DIR] [--no-baseline]');
      return 2;
    }
  }
  mkdirSync(work, { recursive: true });
  for (const n of sizes) {
    try {
      await benchSize(n, work, withBaseline);
    } catch (error) {
      console.log(`N=${n}: failed: ${(error as Error).message.slice(0, 3000)}`);
    }
  }
  // Deleted last, after every measurement (see moveAside).
  rmSync(join(work, '.trash'), { recursive: true, force: true });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
