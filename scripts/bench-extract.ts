// Extraction speed: the whole `extract` command on a folder (wall time, as a user runs it), and
// throughput of the extractor once started (MB of article text per second, best of several runs).
//   npm run bench:extract -- [DIR]     (default: ../shared/corpora/polnear-dev/text)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildArchive } from '../src/archive/build-archive.ts';

const dir = process.argv[2] ?? '../shared/corpora/polnear-dev/text';
const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(dir, f));
const inputs = files.map((path) => ({ path, bytes: readFileSync(path) }));
const megabytes = inputs.reduce((n, i) => n + i.bytes.length, 0) / 1e6;

const started = performance.now();
execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/extract.ts', ...files], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
const commandMs = performance.now() - started;

buildArchive(inputs); // warm up the JIT
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  buildArchive(inputs);
  runs.push(performance.now() - t);
}
const best = Math.min(...runs);
console.log(`${files.length} articles, ${megabytes.toFixed(3)} MB`);
console.log(`extract command, wall time: ${(commandMs / 1000).toFixed(2)} s`);
console.log(`extraction once started: ${best.toFixed(0)} ms per pass, ${(megabytes / (best / 1000)).toFixed(2)} MB/s`);
