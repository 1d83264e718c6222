// Runs the build command (`npm run build`) in a child process, and compares built sites file by file.
import { execFile, type ExecFileException } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run build -- --output OUTPUT` with the given environment (ARCHIVE_DIR, ARCHIVE_CACHE_DIR…). */
export function runBuildCommand(output: string, env: Record<string, string>, args: string[] = []): Promise<BuildRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/pipeline/build-command.ts', '--output', output, ...args],
      { env: { ...process.env, ...env }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
      (error: ExecFileException | null, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Every file's content hash and modification time: equal snapshots mean the folder was not touched. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const rel of await listFiles(dir)) {
    const path = join(dir, rel);
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    map.set(rel, `${createHash('sha256').update(bytes).digest('hex')} ${info.mtimeMs}`);
  }
  return map;
}

// Pagefind writes its filter files in hash-map order, which changes from run to run (two clean
// builds of the same articles differ there), and names them by a hash of their bytes; the metadata
// file lists the filters, also in hash-map order, by those names. So filter files are compared by
// their decompressed bytes sorted (the same entries in any order), the metadata file likewise with
// the filter names masked, and pagefind-entry.json without the hash of the metadata file. Every
// other Pagefind file (fragments, index chunks, the wasm and JS) must be byte-for-byte equal.
// Each bundle of the index (src/search/search-bundles.ts) is a folder `pagefind/<bundle>/`.
const PAGEFIND_FILTER = /^pagefind\/([^/]+)\/filter\/([^/]+)\.pf_filter$/;
const PAGEFIND_META = /^pagefind\/([^/]+)\/pagefind\.[^/]+\.pf_meta$/;
const PAGEFIND_ENTRY = /^pagefind\/([^/]+)\/pagefind-entry\.json$/;

const decompress = (bytes: Buffer): Buffer => {
  try {
    return gunzipSync(bytes);
  } catch {
    return bytes;
  }
};
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function describeSite(dir: string): Promise<{ exact: Map<string, string>; pagefind: string[] }> {
  const exact = new Map<string, string>();
  const pagefind: string[] = [];
  const files = await listFiles(dir);
  const filterNames = files.flatMap((rel) => PAGEFIND_FILTER.exec(rel)?.[2] ?? []);
  for (const rel of files) {
    const bytes = await readFile(join(dir, rel));
    const filter = PAGEFIND_FILTER.exec(rel);
    const meta = PAGEFIND_META.exec(rel);
    const entry = PAGEFIND_ENTRY.exec(rel);
    if (filter) {
      pagefind.push(`${filter[1]} filter ${sha(Buffer.from([...decompress(bytes)].sort((a, b) => a - b)))}`);
    } else if (meta) {
      let text = decompress(bytes).toString('latin1');
      for (const name of filterNames) text = text.split(name).join('#'.repeat(name.length));
      pagefind.push(`${meta[1]} meta ${sha([...text].sort().join(''))}`);
    } else if (entry) {
      pagefind.push(`${entry[1]} entry ${bytes.toString('utf8').replace(/"hash":"[^"]*"/g, '"hash":"…"')}`);
    } else exact.set(rel, sha(bytes));
  }
  return { exact, pagefind: pagefind.sort() };
}

/**
 * The differences between two built sites: every file must be byte-for-byte equal, except
 * Pagefind's filter files (compared as their entries in any order), its metadata file (compared
 * with the filter file names masked) and pagefind-entry.json (without the metadata file's hash).
 */
export async function siteDifferences(a: string, b: string): Promise<string[]> {
  const [x, y] = await Promise.all([describeSite(a), describeSite(b)]);
  const problems: string[] = [];
  for (const [rel, hash] of x.exact) {
    if (!y.exact.has(rel)) problems.push(`only in ${a}: ${rel}`);
    else if (y.exact.get(rel) !== hash) problems.push(`differs: ${rel}`);
  }
  for (const rel of y.exact.keys()) if (!x.exact.has(rel)) problems.push(`only in ${b}: ${rel}`);
  if (x.pagefind.join('\n') !== y.pagefind.join('\n')) problems.push(`Pagefind filter or metadata files differ:\n${x.pagefind.join('\n')}\n---\n${y.pagefind.join('\n')}`);
  return problems;
}
