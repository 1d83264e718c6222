// Writes a rendered site into its output folder so that a reader, or a build that fails, never
// sees half a site, and so that a rebuild touches only the files that changed.
//
// The build renders Eleventy's pages in memory (its JSON mode), and the per-item pages (those that
// changed) and the search index into a temporary folder beside the output. Then, with `files` the complete new site:
//
// - Full write (first build, --clean, no valid output manifest, or most files changed): every
//   file goes into the temporary folder, which replaces the output by renaming two folders.
// - Changed files only (a rebuild): only new and changed files are written into the temporary
//   folder; a journal listing them and the files to delete is written beside the output; then
//   each file is renamed into place (each rename is atomic), stale files are deleted, and the
//   journal removed. If the process dies while applying, the next build finishes the journal
//   before anything else, so the output always ends as one complete site.
//
// What the output holds is recorded in an output manifest (path → content hash, size, time) in the
// cache folder, with the output folder's inode: a manifest that does not match the folder (deleted,
// replaced, or written by `npm start`) is not trusted and the build does a full write; a file whose
// size or time differs from the manifest (edited or deleted by hand) is written again.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { sha256, writeAtomically } from './extraction-cache.ts';

export interface SiteFile {
  /** Path inside the site, with `/` separators. */
  rel: string;
  hash: string;
  /** The bytes to write, or the file that holds them (already in the temporary folder, or to copy). */
  content: string | Uint8Array | null;
  path: string | null;
  /** For a page keyed by its inputs (src/site/page-inputs.ts): their key, which the output manifest keeps. */
  inputKey?: string | null;
}

/**
 * A file as the output holds it: content hash, size and modification time, and for a page keyed by
 * its inputs the key of the inputs it was rendered from.
 */
export type FileState = [hash: string, size: number, mtimeMs: number, inputKey?: string];

/** The state to record for `file` written with `size` and `mtimeMs`. */
function stateOf(file: SiteFile, size: number, mtimeMs: number): FileState {
  return file.inputKey ? [file.hash, size, mtimeMs, file.inputKey] : [file.hash, size, mtimeMs];
}

export interface OutputManifest {
  /** The output folder's inode when the manifest was written. */
  ino: number;
  files: Record<string, FileState>;
}

export interface WriteSummary {
  mode: 'full' | 'changes';
  written: number;
  deleted: number;
  unchanged: number;
  /** Why a full write was done. */
  reason: string | null;
}

const hashOf = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');
const toRel = (path: string) => path.split(sep).join('/');

export class SiteWriteError extends Error {
  override name = 'SiteWriteError';
}

/** The path inside the site (`root`) of a file written to `outputPath`. */
export function siteRel(root: string, outputPath: string): string {
  const rel = toRel(relative(root, resolve(outputPath)));
  if (rel === '' || rel.startsWith('../') || rel === '..' || rel.startsWith('/')) {
    throw new SiteWriteError(`A page would be written outside the site: ${outputPath}`);
  }
  return rel;
}

/** A rendered page: where Eleventy would write it (inside `root`) and its content. */
export function pageFile(root: string, outputPath: string, content: string | Uint8Array): SiteFile {
  return { rel: siteRel(root, outputPath), hash: hashOf(content), content, path: null };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every file under `dir` as site files under `prefix` (a passthrough copy, or the search index already written). */
export async function folderFiles(dir: string, prefix: string): Promise<SiteFile[]> {
  if (!existsSync(dir)) return [];
  const info = await stat(dir);
  const files = info.isDirectory() ? await walk(dir) : [dir];
  const out: SiteFile[] = new Array(files.length);
  let i = 0;
  // A few at a time: a folder of tens of thousands of files would run out of file descriptors.
  await eachLimited(files, 64, async (path) => {
    const at = i++;
    const rel = toRel(info.isDirectory() ? join(prefix, relative(dir, path)) : prefix);
    out[at] = { rel, hash: hashOf(await readFile(path)), content: null, path };
  });
  return out;
}

function manifestPath(cacheDir: string, output: string): string {
  return join(cacheDir, 'outputs', `${sha256(resolve(output)).slice(0, 16)}.json`);
}

export async function readOutputManifest(cacheDir: string, output: string): Promise<OutputManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath(cacheDir, output), 'utf8')) as OutputManifest;
    return manifest && typeof manifest.files === 'object' && typeof manifest.ino === 'number' ? manifest : null;
  } catch {
    return null;
  }
}

async function writeOutputManifest(cacheDir: string, output: string, files: Record<string, FileState>): Promise<void> {
  await mkdir(join(cacheDir, 'outputs'), { recursive: true });
  await writeAtomically(manifestPath(cacheDir, output), JSON.stringify({ ino: statSync(output).ino, files }));
}

/** Forgets what the output holds: for builds that write into it directly (`npm start`). */
export async function forgetOutput(cacheDir: string, output: string): Promise<void> {
  await rm(manifestPath(cacheDir, output), { force: true });
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** Puts each file at `root/rel`, creating folders once each. */
async function materialise(root: string, files: SiteFile[]): Promise<void> {
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  await eachLimited(files, 32, async (file) => {
    const target = join(root, file.rel);
    if (file.path === target) return; // already in place (the search index)
    await ensureDir(dirname(target));
    if (file.content !== null) await writeFile(target, file.content);
    else await copyFile(file.path!, target);
  });
}

export function journalPath(output: string): string {
  return `${output}.journal.json`;
}

interface Journal {
  temp: string;
  renames: string[];
  deletes: string[];
  files: Record<string, FileState>;
}

/**
 * Each file's state under `root`, or null when it is missing. One synchronous stat after another:
 * a rebuild checks every file of the output (44,000 at 5,000 articles), which through the thread
 * pool took four times as long, and nothing else runs while it does.
 */
function statesOf(root: string, rels: string[]): Map<string, FileState | null> {
  const out = new Map<string, FileState | null>();
  for (const rel of rels) {
    try {
      const info = statSync(join(root, rel));
      out.set(rel, ['', info.size, info.mtimeMs]);
    } catch {
      out.set(rel, null);
    }
  }
  return out;
}

/**
 * Readers load pages, then the search index's bundles file, then each bundle's entry file: those
 * go last, in that order, deletions after.
 */
function applyOrder(rels: string[]): string[] {
  const rank = (rel: string) => (rel === 'pagefind/bundles.json' ? 3 : /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(rel) ? 2 : rel.endsWith('.html') ? 1 : 0);
  return [...rels].sort((a, b) => rank(a) - rank(b));
}

async function applyJournal(output: string, journal: Journal, cacheDir: string): Promise<void> {
  const made = new Set<string>();
  let complete = true;
  for (const rel of journal.renames) {
    const from = join(journal.temp, rel);
    if (!existsSync(from)) {
      // Moved in before an interruption, or lost: then the manifest cannot be trusted.
      if (!existsSync(join(output, rel))) complete = false;
      continue;
    }
    const dir = dirname(join(output, rel));
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await rename(from, join(output, rel));
  }
  const emptied = new Set<string>();
  for (const rel of journal.deletes) {
    await unlink(join(output, rel)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    emptied.add(dirname(join(output, rel)));
  }
  // Folders left empty by deleted pages (a removed article's folder).
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d.startsWith(output + sep); d = dirname(d)) {
      if ((await readdir(d).catch(() => ['?'])).length > 0) break;
      await rmdir(d).catch(() => undefined);
    }
  }
  if (complete) await writeOutputManifest(cacheDir, output, journal.files);
  else await forgetOutput(cacheDir, output);
}

/**
 * Finishes the changes of a build that died while applying them. Call with the build lock held,
 * before anything else touches the output or the temporary folders.
 */
export async function recoverInterrupted(output: string, cacheDir: string | null): Promise<boolean> {
  const path = journalPath(output);
  if (!existsSync(path)) return false;
  const journal = JSON.parse(await readFile(path, 'utf8')) as Journal;
  if (cacheDir) await applyJournal(output, journal, cacheDir);
  else for (const rel of journal.renames) if (existsSync(join(journal.temp, rel))) await rename(join(journal.temp, rel), join(output, rel));
  await rm(path, { force: true });
  await rm(journal.temp, { recursive: true, force: true });
  return true;
}

/** What a build knows of its output before writing: why it must write it whole, or what it holds. */
export interface PreviousOutput {
  /** Why every file is written, or null when only changed files are. */
  reason: string | null;
  manifest: OutputManifest | null;
  /** The files of the output as recorded and as they are now (one edited or deleted by hand is not kept). */
  kept: Record<string, FileState>;
}

/** Reads the output manifest and checks it against the output folder as it is now. */
export async function previousOutput(output: string, cacheDir: string | null, clean: boolean): Promise<PreviousOutput> {
  let reason: string | null = null;
  let manifest: OutputManifest | null = null;
  if (clean) reason = 'asked for a clean build';
  else if (!existsSync(output)) reason = 'first build into this folder';
  else if (!cacheDir) reason = 'no cache folder to remember the output';
  else {
    manifest = await readOutputManifest(cacheDir, output);
    if (!manifest) reason = 'nothing is known of the files in the output folder';
    else if (manifest.ino !== statSync(output).ino) {
      reason = 'the output folder was replaced since the last build';
      manifest = null;
    }
  }
  const kept: Record<string, FileState> = {};
  if (manifest) {
    const now = statesOf(output, Object.keys(manifest.files));
    for (const [rel, state] of Object.entries(manifest.files)) {
      const actual = now.get(rel);
      if (actual && actual[1] === state[1] && actual[2] === state[2]) kept[rel] = state;
    }
  }
  return { reason, manifest, kept };
}

/**
 * Writes `files` (the complete new site) to `output` through `temp` (a new folder beside it, which
 * may already hold the search index). Returns what it did; the caller removes `garbage` (the old
 * site or the temporary folder) when it likes, it is no longer part of the output.
 */
export async function writeSite(options: {
  output: string;
  temp: string;
  files: SiteFile[];
  cacheDir: string | null;
  clean: boolean;
  /** What the output held before this build, when the caller has read it already. */
  previous?: PreviousOutput;
}): Promise<{ summary: WriteSummary; garbage: string | null }> {
  const { output, temp, files, cacheDir } = options;
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.rel)) throw new SiteWriteError(`Two files would be written to ${f.rel}`);
    seen.add(f.rel);
  }
  const known = options.previous ?? (await previousOutput(output, cacheDir, options.clean));
  let reason = known.reason;
  const previous = known.manifest;
  const kept = known.kept;
  let changed = files;
  let deletes: string[] = [];
  if (previous) {
    changed = files.filter((f) => kept[f.rel]?.[0] !== f.hash);
    deletes = Object.keys(previous.files).filter((rel) => !seen.has(rel));
    if (changed.length > files.length / 2) reason = 'most files changed';
  }

  if (reason !== null || previous === null) {
    await mkdir(temp, { recursive: true });
    await materialise(temp, files);
    const states = statesOf(temp, files.map((f) => f.rel));
    const manifest = Object.fromEntries(files.map((f) => [f.rel, stateOf(f, states.get(f.rel)![1], states.get(f.rel)![2])]));
    const old = `${output}.old-${temp.slice(temp.lastIndexOf('.tmp-') + 5)}`;
    const hadOutput = existsSync(output);
    if (hadOutput) await rename(output, old);
    try {
      await rename(temp, output);
    } catch (error) {
      if (hadOutput) await rename(old, output);
      throw error;
    }
    if (cacheDir) await writeOutputManifest(cacheDir, output, manifest).catch(() => undefined);
    return { summary: { mode: 'full', written: files.length, deleted: 0, unchanged: 0, reason }, garbage: hadOutput ? old : null };
  }

  await mkdir(temp, { recursive: true });
  await materialise(temp, changed);
  const staged = statesOf(temp, changed.map((f) => f.rel));
  const manifest: Record<string, FileState> = {};
  for (const f of files) {
    // A file left as it is keeps its size and time, but takes this build's input key: the same
    // content may have come from other inputs.
    const state = staged.get(f.rel) ?? kept[f.rel]!;
    manifest[f.rel] = stateOf(f, state[1], state[2]);
  }
  const journal: Journal = { temp, renames: applyOrder(changed.map((f) => f.rel)), deletes, files: manifest };
  await writeAtomically(journalPath(output), JSON.stringify(journal));
  await applyJournal(output, journal, cacheDir!);
  await rm(journalPath(output), { force: true });
  return {
    summary: { mode: 'changes', written: changed.length, deleted: deletes.length, unchanged: files.length - changed.length, reason: null },
    garbage: temp,
  };
}
