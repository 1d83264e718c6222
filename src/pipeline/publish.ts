// The publish stage: puts a rendered site into its output folder so that a reader, or a build that
// fails, never sees half a site, and so that a rebuild touches only the files that changed.
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
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { writeFileAtomically } from '../io/atomic-write.ts';
import { hashOf } from '../io/hash.ts';
import { eachLimited } from '../io/pool.ts';
import type { SiteFile } from '../io/site-files.ts';
import type { Message } from '../record.ts';
import { statsHere, statsInThread } from '../io/stat-thread.ts';

/**
 * A file as the output holds it: content hash, size and modification time, and for a page keyed by
 * its inputs the key of the inputs it was rendered from.
 */
export type FileState = [hash: string, size: number, mtimeMs: number, inputKey?: string];

/** The state to record for `file` written with `size` and `mtimeMs`. */
function stateOf(file: SiteFile, size: number, mtimeMs: number): FileState {
  return file.inputKey ? [file.hash, size, mtimeMs, file.inputKey] : [file.hash, size, mtimeMs];
}

/** What the output was built from: the key of its inputs and code, and what the build reported of them. */
export interface BuildRecord {
  /** A hash of the build version and of every input (run-build.ts `buildKey`). */
  key: string;
  articleCount: number;
  messages: Message[];
}

export interface OutputManifest {
  /** The output folder's inode when the manifest was written. */
  ino: number;
  files: Record<string, FileState>;
  /** Absent in the manifests of older builds, and after a build finished from its journal by another. */
  build?: BuildRecord;
}

export interface WriteSummary {
  mode: 'full' | 'changes';
  written: number;
  deleted: number;
  unchanged: number;
  /** Why a full write was done. */
  reason: string | null;
}

export class SiteWriteError extends Error {
  override name = 'SiteWriteError';
}

function manifestPath(cacheDir: string, output: string): string {
  return join(cacheDir, 'outputs', `${hashOf(resolve(output)).slice(0, 16)}.json`);
}

export async function readOutputManifest(cacheDir: string, output: string): Promise<OutputManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath(cacheDir, output), 'utf8')) as OutputManifest;
    return manifest && typeof manifest.files === 'object' && typeof manifest.ino === 'number' ? manifest : null;
  } catch {
    return null;
  }
}

async function writeOutputManifest(cacheDir: string, output: string, files: Record<string, FileState>, build: BuildRecord | null): Promise<void> {
  await mkdir(join(cacheDir, 'outputs'), { recursive: true });
  const manifest: OutputManifest = { ino: statSync(output).ino, files, ...(build ? { build } : {}) };
  await writeFileAtomically(manifestPath(cacheDir, output), JSON.stringify(manifest));
}

/** Forgets what the output holds: for builds that write into it directly (`npm start`). */
export async function forgetOutput(cacheDir: string, output: string): Promise<void> {
  await rm(manifestPath(cacheDir, output), { force: true });
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
  build?: BuildRecord;
}

/**
 * Each file's state under `root`, or null when it is missing. One synchronous stat after another:
 * a rebuild checks every file of the output (44,000 at 5,000 articles), which through the thread
 * pool took four times as long, and nothing else runs while it does.
 */
function statesOf(root: string, rels: string[]): Map<string, FileState | null> {
  const stats = statsHere(root, rels);
  return new Map(rels.map((rel, i) => {
    const stat = stats[i];
    return [rel, stat ? ['', stat[0], stat[1]] : null];
  }));
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
  if (complete) await writeOutputManifest(cacheDir, output, journal.files, journal.build ?? null);
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

/** What a build knows of its output before looking at its files: why it must write it whole, or what was recorded of it. */
export interface RecordedOutput {
  /** Why every file is written, or null when only changed files are. */
  reason: string | null;
  manifest: OutputManifest | null;
}

/** ... and, having looked, what it holds. */
export interface PreviousOutput extends RecordedOutput {
  /** The files of the output as recorded and as they are now (one edited or deleted by hand is not kept). */
  kept: Record<string, FileState>;
}

/** Reads the output manifest and checks it against the output folder as it is now. */
export async function previousOutput(output: string, cacheDir: string | null, clean: boolean): Promise<PreviousOutput> {
  return checkOutput(output, await recordedOutput(output, cacheDir, clean));
}

/** The files of the output that are as recorded (their size and time), statted in a worker thread (src/io/stat-thread.ts). */
export async function checkOutput(output: string, recorded: RecordedOutput): Promise<PreviousOutput> {
  const kept: Record<string, FileState> = {};
  const manifest = recorded.manifest;
  if (manifest) {
    const rels = Object.keys(manifest.files);
    const now = await statsInThread(output, rels);
    rels.forEach((rel, i) => {
      const state = manifest.files[rel]!;
      const actual = now[i];
      if (actual && actual[0] === state[1] && actual[1] === state[2]) kept[rel] = state;
    });
  }
  return { ...recorded, kept };
}

/** Reads the output manifest and checks that it is the output folder's. */
export async function recordedOutput(output: string, cacheDir: string | null, clean: boolean): Promise<RecordedOutput> {
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
  return { reason, manifest };
}

/** Throws when two files would be written to the same place; returns their paths. */
function uniquePaths(files: SiteFile[]): Set<string> {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.rel)) throw new SiteWriteError(`Two files would be written to ${f.rel}`);
    seen.add(f.rel);
  }
  return seen;
}

export interface Publication {
  summary: WriteSummary;
  /** The old site or the rest of the temporary folder: no longer part of the output, for the caller to remove. */
  garbage: string | null;
}

/** Every file into `temp`, which then replaces the output by renaming two folders. */
async function writeWhole(output: string, temp: string, files: SiteFile[], cacheDir: string | null, reason: string, build: BuildRecord | null): Promise<Publication> {
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
  if (cacheDir) await writeOutputManifest(cacheDir, output, manifest, build).catch(() => undefined);
  return { summary: { mode: 'full', written: files.length, deleted: 0, unchanged: 0, reason }, garbage: hadOutput ? old : null };
}

/** Only the new and changed files into `temp`, then moved into the output through a journal; stale files deleted. */
async function writeChanges(output: string, temp: string, files: SiteFile[], changed: SiteFile[], deletes: string[], kept: Record<string, FileState>, cacheDir: string, build: BuildRecord | null): Promise<Publication> {
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
  const journal: Journal = { temp, renames: applyOrder(changed.map((f) => f.rel)), deletes, files: manifest, ...(build ? { build } : {}) };
  await writeFileAtomically(journalPath(output), JSON.stringify(journal));
  await applyJournal(output, journal, cacheDir);
  await rm(journalPath(output), { force: true });
  return {
    summary: { mode: 'changes', written: changed.length, deleted: deletes.length, unchanged: files.length - changed.length, reason: null },
    garbage: temp,
  };
}

/**
 * Publishes `files` (the complete new site) to `output` through `temp` (a new folder beside it,
 * which may already hold some of them): whole when `previous` gives a reason or most files
 * changed, else only the changes.
 */
export async function publishSite(output: string, temp: string, files: SiteFile[], previous: PreviousOutput, cacheDir: string | null, build: BuildRecord | null = null): Promise<Publication> {
  const paths = uniquePaths(files);
  const { manifest, kept } = previous;
  if (previous.reason !== null || manifest === null || cacheDir === null) return writeWhole(output, temp, files, cacheDir, previous.reason ?? 'nothing is known of the output', build);
  const changed = files.filter((f) => kept[f.rel]?.[0] !== f.hash);
  if (changed.length > files.length / 2) return writeWhole(output, temp, files, cacheDir, 'most files changed', build);
  const deletes = Object.keys(manifest.files).filter((rel) => !paths.has(rel));
  return writeChanges(output, temp, files, changed, deletes, kept, cacheDir, build);
}

/**
 * The record of the build the output holds, when it was built from `key` and every file of it is
 * as that build left it: then a build of the same key has nothing to write.
 */
export function upToDate(previous: PreviousOutput, key: string): BuildRecord | null {
  const build = previous.manifest?.build;
  if (previous.reason !== null || !build || build.key !== key) return null;
  return Object.keys(previous.kept).length === Object.keys(previous.manifest!.files).length ? build : null;
}
