// Dates as readers see them: only as precise as they are known ("September 2015", never a made-up
// day), with a machine-readable <time>, and a note saying where a date came from when the editor
// did not give it.
import type { ArticleRecord, DateSource } from '../record.ts';
import { formatEdtf, parseEdtf } from '../read/edtf.ts';
import { html, type SafeHtml } from './html.ts';
import { remembering } from '../io/remembering.ts';

export const UNDATED = 'Undated';

export function displayDate(edtf: string | null): string {
  return shown(edtf).display;
}

/** A `<time>` element; EDTF day, month and year values are all valid HTML datetime values. */
export function timeElement(edtf: string | null): SafeHtml {
  return shown(edtf).time;
}

interface ShownDate {
  display: string;
  time: SafeHtml;
}

/**
 * A date as pages show it, made once per EDTF string: the site shows the same few thousand dates
 * over and over (on every quote page, in every report of a statement and every list), and parsing
 * and formatting them each time took 0.5 s of a clean build's thread at 5,000 articles. Both are
 * functions of the string alone (a SafeHtml never changes), so a page gets what it would make.
 */
const shown = remembering((edtf: string | null): ShownDate => {
  const display = edtf === null ? UNDATED : formatEdtf(edtf);
  const time = edtf === null || !parseEdtf(edtf) ? html`<span class="undated">${display}</span>` : html`<time datetime="${edtf}">${display}</time>`;
  return { display, time };
}, 8192);

const SOURCE_NOTES: Record<DateSource, string | null> = {
  'front-matter': null,
  dateline: 'Date taken from the dateline.',
  text: 'Date taken from the article text.',
  inferred: 'Date inferred: the article does not state it.',
};

/** Why the reader should or should not trust the date; null when the editor supplied it. */
export function dateSourceNote(source: DateSource | null): string | null {
  return source === null ? null : SOURCE_NOTES[source];
}

/** The year as a search filter value, or null when undated. */
export function yearOf(edtf: string | null): string | null {
  const parsed = edtf === null ? null : parseEdtf(edtf);
  return parsed ? String(parsed.year) : null;
}

/**
 * Newest first, undated last. EDTF strings of mixed precision compare as text, which puts
 * "2015-09" after every day in September 2015: a month is sorted by its first possible day.
 * Ties fall back to the slug so the order is stable from build to build.
 */
export function compareNewestFirst(a: ArticleRecord, b: ArticleRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** `2015-09` for a date known to the month or the day; null otherwise. */
export function monthOf(edtf: string | null): string | null {
  const parsed = edtf === null ? null : parseEdtf(edtf);
  return parsed && parsed.month !== null ? `${parsed.year}-${String(parsed.month).padStart(2, '0')}` : null;
}

/** Newest first, unknown last; a month sorts as its first day (see compareNewestFirst). */
export function compareEdtfNewestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/**
 * An EDTF date as the RFC 3339 timestamp feeds require: the first moment of the day, month or year
 * it names (feeds cannot say "sometime in September"). Null when the date is unknown or invalid.
 */
export function feedTimestamp(edtf: string | null): string | null {
  const parsed = edtf === null ? null : parseEdtf(edtf);
  if (!parsed) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(parsed.year).padStart(4, '0')}-${pad(parsed.month ?? 1)}-${pad(parsed.day ?? 1)}T00:00:00Z`;
}
