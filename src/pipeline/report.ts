// The build report printed at the end of a build: what changed in the articles since the last
// build, how much was extracted and how much came from the cache, where the time went, and every
// problem as `file:line:column: severity: reason [rule]` (the form editors and IDEs jump to).
import type { Message } from '../record.ts';
import { formatMessage } from '../read/messages.ts';
import type { Changes } from './manifest.ts';
import type { LoadReport } from './load-articles.ts';
import type { WriteSummary } from './publish.ts';

/** Up to this many warnings are all listed; beyond it, those of added and changed files are. */
export const WARNINGS_LISTED = 50;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function fileList(label: string, files: string[], max = 10): string[] {
  if (files.length === 0) return [];
  const shown = files.slice(0, max).map((f) => `    ${f}`);
  if (files.length > max) shown.push(`    … and ${files.length - max} more`);
  return [`  ${label} (${files.length}):`, ...shown];
}

export function describeChanges(changes: Changes, articleCount: number): string[] {
  if (changes.firstBuild) return [`Articles: ${plural(articleCount, 'file')} (first build into this folder, or the cache was deleted)`];
  const lines: string[] = [];
  const nothing = changes.added.length + changes.changed.length + changes.removed.length === 0 && !changes.peopleFile && !changes.correctionsFile;
  lines.push(`Articles: ${plural(articleCount, 'file')}; ${nothing ? 'no changes since the last build' : 'since the last build:'}`);
  lines.push(...fileList('added', changes.added), ...fileList('changed', changes.changed), ...fileList('removed', changes.removed));
  if (changes.peopleFile) lines.push(`  people file ${changes.peopleFile}`);
  if (changes.correctionsFile) lines.push(`  corrections file ${changes.correctionsFile}`);
  if (changes.extractorChanged) lines.push('  the extractor changed since the last build: articles not already extracted by the new one were extracted again');
  return lines;
}

export interface ProblemSelection {
  errors: Message[];
  warnings: Message[];
  /** Warnings not listed (those of unchanged files, when there are many). */
  hiddenWarnings: number;
}

/**
 * Every error; every warning when there are few (or `all`), else those of added and changed files,
 * or the first ones on a first build.
 */
export function selectProblems(messages: readonly Message[], changes: Changes | null, all = false): ProblemSelection {
  const errors = messages.filter((m) => m.severity === 'error');
  const warnings = messages.filter((m) => m.severity !== 'error');
  let shown: Message[];
  if (all || warnings.length <= WARNINGS_LISTED) shown = warnings;
  else if (changes && !changes.firstBuild) {
    const fresh = new Set([...changes.added, ...changes.changed]);
    shown = warnings.filter((m) => fresh.has(m.file));
  } else shown = warnings.slice(0, WARNINGS_LISTED);
  return { errors, warnings: shown, hiddenWarnings: warnings.length - shown.length };
}

export function formatProblems(selection: ProblemSelection, fullListAt: string | null): string[] {
  const lines = [...selection.errors, ...selection.warnings].map(formatMessage);
  if (selection.hiddenWarnings > 0) {
    const where = fullListAt ? `all are listed in ${fullListAt}; ` : '';
    const more = selection.errors.length + selection.warnings.length > 0 ? 'more ' : '';
    lines.push(`${plural(selection.hiddenWarnings, `${more}warning`)} not listed (${where}npm run build -- --all-warnings prints them)`);
  }
  return lines;
}

/** "Search index: 1 of 3 bundles indexed (2016), 2 kept as they were (2015, undated)". */
function describeSearchBundles({ indexed, kept }: { indexed: string[]; kept: string[] }): string {
  const total = indexed.length + kept.length;
  const list = (names: string[]) => (names.length > 0 ? ` (${names.join(', ')})` : '');
  return `Search index: ${indexed.length} of ${plural(total, 'bundle')} indexed${list(indexed)}, ${kept.length} kept as they were${list(kept)}`;
}

export interface BuildTimings {
  totalMs: number;
  /** The render stage, with the time spent waiting for the search index after it. */
  renderMs: number;
  indexMs: number;
  /** The publish stage (0 when Eleventy writes in place). */
  publishMs: number;
}

/** What a build tells its report. */
export interface ReportInput {
  load: LoadReport | null;
  /** The changes, read before this build's manifest replaced the last one's. */
  changes: Changes | null;
  articleCount: number;
  messages: readonly Message[];
  timings: BuildTimings;
  output: string;
  /** Files in the site, when the build knows them all. */
  files: number | null;
  /** The pages of articles, speakers, months and quotes, and how many of them were rendered. */
  pages?: { total: number; rendered: number };
  write?: WriteSummary;
  /** The search index's bundles this build indexed and those it kept as they were. */
  search?: { indexed: string[]; kept: string[] };
  allWarnings?: boolean;
  fullListAt?: string | null;
  /** The output was built before from the same inputs and code, and is as that build left it: nothing was done. */
  upToDate?: boolean;
}

export function formatReport(input: ReportInput): string {
  const { load, changes, timings } = input;
  const lines: string[] = [];
  if (changes) lines.push(...describeChanges(changes, input.articleCount));
  if (load) {
    const cache = load.cacheDir === null ? 'no cache' : `${plural(load.fromCache, 'file')} from the cache in ${load.cacheDir}`;
    lines.push(`Extraction: ${plural(load.extracted.length, 'file')} extracted, ${cache}${load.cacheWriteFailures ? ` (${plural(load.cacheWriteFailures, 'entry')} could not be cached)` : ''}`);
  }
  const errors = input.messages.filter((m) => m.severity === 'error').length;
  const warnings = input.messages.length - errors;
  const selection = selectProblems(input.messages, changes, input.allWarnings);
  if (input.messages.length > 0) {
    lines.push(`Problems: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    lines.push(...formatProblems(selection, input.fullListAt ?? null).map((l) => `  ${l}`));
  } else {
    lines.push('Problems: none');
  }
  const write = timings.publishMs > 0 ? `, write ${seconds(timings.publishMs)}` : '';
  const stages = input.upToDate
    ? `read and check ${seconds(timings.totalMs)}`
    : load
    ? `read ${seconds(load.ms.read)}, extract ${seconds(load.ms.extract)}, archive ${seconds(load.ms.assemble)}, pages ${seconds(timings.renderMs)}, search index ${seconds(timings.indexMs)} (while the pages render)${write}`
    : `pages ${seconds(timings.renderMs)}, search index ${seconds(timings.indexMs)} (while the pages render)${write}`;
  if (input.pages) {
    const { total, rendered } = input.pages;
    lines.push(`Pages: ${plural(rendered, 'page')} of articles, speakers, months and quotes rendered, ${plural(total - rendered, 'page')} not (the same inputs as their file in the output)`);
  }
  if (input.write) {
    const w = input.write;
    lines.push(
      w.mode === 'full'
        ? `Output: all ${plural(w.written, 'file')} written and swapped in (${w.reason})`
        : `Output: ${plural(w.written, 'file')} new or changed, ${plural(w.deleted, 'file')} deleted, ${plural(w.unchanged, 'file')} unchanged`,
    );
  }
  if (input.upToDate) lines.push('Output: nothing to do: the site was built from these same articles and code, and every file is as that build left it');
  if (input.search) lines.push(describeSearchBundles(input.search));
  lines.push(`Built ${input.output}${input.files !== null ? ` (${plural(input.files, 'file')})` : ''} in ${seconds(timings.totalMs)}: ${stages}`);
  return lines.join('\n');
}
