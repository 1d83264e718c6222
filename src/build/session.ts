// What one build process learns while Eleventy runs, for the report at its end. Eleventy loads the
// config and templates through its own import path (with cache-busting queries in watch mode), so
// the state lives on globalThis under a registered symbol rather than in a module variable: every
// copy of this module sees the same object.
import type { Message } from '../record.ts';
import type { Manifest } from './manifest.ts';
import type { SiteFile } from './site-writer.ts';
import type { OutputFiles } from '../site/write-pages.ts';

export interface LoadReport {
  articlesDir: string;
  cacheDir: string | null;
  extractorVersion: string;
  /** What this build read, as the next build's manifest. */
  manifest: Manifest;
  /** Files extracted in this build (new, changed, or not in the cache). */
  extracted: string[];
  fromCache: number;
  cacheWriteFailures: number;
  ms: { read: number; extract: number; assemble: number };
}

export interface BuildSession {
  /** Set by the build command (`npm run build`): it prints the report and swaps the output in itself. */
  managed: boolean;
  /** The last archive loaded from an articles folder in this process. */
  lastLoad: LoadReport | null;
  /** The problems of the archive of the current build, errors and warnings. */
  messages: readonly Message[];
  articleCount: number;
  /** Milliseconds the search index took in the current build (while the pages were rendered). */
  indexMs: number;
  /** Milliseconds the build waited for the index after the pages were rendered. */
  indexWaitMs: number;
  /** The search index being built, settled (never rejected) when it is done or failed. */
  indexing: Promise<void> | null;
  /**
   * Pages the config's `eleventy.after` hook wrote into Eleventy's output folder itself (one per
   * article, speaker, month and quote: src/site/write-pages.ts), which Eleventy does not report:
   * the build command adds them to the site it moves into the output.
   */
  pagesWritten: SiteFile[];
  /** How many of those pages were rendered; the others had the inputs their file in the output was rendered from. */
  pagesRendered: number;
  /** Set by the build command on a rebuild: what the output holds, so unchanged pages are not written again. */
  outputFiles: OutputFiles | null;
  /**
   * Search index bundles (src/search/search-bundles.ts) indexed by this build, and those kept from
   * the output's index, which the build did not write again: the build command keeps their files.
   */
  searchBundles: { indexed: string[]; kept: string[] };
  /** Set by the build command: the renderer's version, under which pages are keyed by their inputs. */
  rendererVersion: string | null;
}

const KEY = Symbol.for('quote-archive.build-session');

export function buildSession(): BuildSession {
  const store = globalThis as unknown as Record<symbol, BuildSession | undefined>;
  return (store[KEY] ??= { managed: false, lastLoad: null, messages: [], articleCount: 0, indexMs: 0, indexWaitMs: 0, indexing: null, pagesWritten: [], pagesRendered: 0, outputFiles: null, rendererVersion: null, searchBundles: { indexed: [], kept: [] } });
}
