// `npm run build [-- --output DIR] [--clean] [--all-warnings] [--verbose]`: builds the site the safe
// way (run-build.ts has the stages). A large archive is built in a worker thread whose heap is
// sized to it (heap-limit.ts, build-thread.ts); a small one here.
import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { BuildPaths } from './build-paths.ts';
import { runBuildInThread } from './build-thread.ts';
import { buildHeapLimit } from './heap-limit.ts';
import { runBuild, type BuildOptions } from './run-build.ts';

export const DEFAULT_OUTPUT = '_site';
const USAGE = 'usage: npm run build [-- --output DIR] [--clean] [--all-warnings] [--verbose]';

export function parseArgs(args: string[]): BuildOptions | string {
  const options: BuildOptions = { output: DEFAULT_OUTPUT, allWarnings: false, verbose: false, clean: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--all-warnings') options.allWarnings = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--clean') options.clean = true;
    else if (arg === '--output' || arg === '-o') options.output = args[++i] ?? '';
    else if (arg.startsWith('--output=')) options.output = arg.slice('--output='.length);
    else return `unknown argument ${arg}`;
  }
  if (!options.output) return '--output needs a folder';
  return options;
}

/** The build of the command line `args`, here; what the build thread runs too. */
export async function buildFromArgs(args: string[], onStarted?: (paths: BuildPaths) => void): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  return runBuild(parsed, onStarted);
}

async function main(args: string[]): Promise<number> {
  let limit: number | null;
  try {
    limit = await buildHeapLimit();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  return limit === null ? buildFromArgs(args) : runBuildInThread(args, limit);
}

const entry = process.argv[1] ? resolve(process.argv[1]) : '';
if (isMainThread && entry === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
