// Builds the site the way `npm run build` does, into a folder of the test's choosing, and reads
// its pages back.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Archive } from '../../src/record.ts';
import { tempDir } from './temp.ts';

const run = promisify(execFile);
const BUILD_TIMEOUT_MS = 120_000;

export interface BuiltSite {
  dir: string;
  /** Milliseconds the build took. */
  ms: number;
}

/** Runs Eleventy (and so the Pagefind step) into a fresh temporary folder. */
export async function buildSite(env: Record<string, string> = {}): Promise<BuiltSite> {
  const dir = await tempDir('site-');
  const started = Date.now();
  await run(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${dir}`, '--quiet'],
    { env: { ...process.env, ...env }, timeout: BUILD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
  );
  return { dir, ms: Date.now() - started };
}

/** Builds the site from an archive object, through ARCHIVE_JSON. */
export async function buildSiteFrom(archive: Archive, env: Record<string, string> = {}): Promise<BuiltSite> {
  const file = join(await tempDir('archive-'), 'archive.json');
  await writeFile(file, JSON.stringify(archive));
  return buildSite({ ...env, ARCHIVE_JSON: file });
}

/** The file a site URL is served from. */
export function fileOf(dir: string, url: string): string {
  const path = new URL(url, 'http://site.test').pathname;
  return join(dir, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');
}

export function pageExists(dir: string, url: string): boolean {
  return existsSync(fileOf(dir, url));
}

export async function readHtml(dir: string, url: string): Promise<string> {
  return readFile(fileOf(dir, url), 'utf8');
}

export async function readPage(dir: string, url: string): Promise<HTMLElement> {
  return parse(await readHtml(dir, url));
}

/** Whitespace collapsed, for comparing text across markup. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
