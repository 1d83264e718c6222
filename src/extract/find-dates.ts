// Dates in the text: the dateline ("ASTANA, October 14.", "WASHINGTON (Reuters) -"), explicit
// dates ("Monday, September 28, 2015"), and weekdays ("said Tuesday") that date a quote once the
// article's own date is known.
import type { Paragraph } from '../record.ts';
import { daysInMonth, MONTHS, type SimpleDate } from '../read/edtf.ts';
import { matchesOf } from './matches.ts';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;

export interface Dateline {
  place: string;
  /** Month and day when the dateline gives them; the year only if it does. */
  date: { year: number | null; month: number; day: number } | null;
  /** Offset of the dateline's end in its paragraph. */
  length: number;
}

const DATELINE = new RegExp(
  `^([\\p{Lu}][\\p{Lu}\\p{M} .'’-]{2,40}?)(?:,\\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d)[\\p{Lu}][\\p{L}.]+(?:\\s[\\p{Lu}][\\p{L}.]+)?)?` +
    `(?:,\\s*(?:${MONTH}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?|(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4}))?))?\\.?\\s*(?:\\(([^)]{2,40})\\)|\\/[^/\\s]{2,20}\\/)?\\s*(?:[-–—―]+|\\.|:)\\s+(?=\\S)`,
  'u',
);

export function findDateline(paragraphs: Paragraph[]): Dateline | null {
  const first = paragraphs.find((p) => p.role === 'body');
  if (!first) return null;
  const m = DATELINE.exec(first.text);
  if (!m) return null;
  const place = m[1]!.trim();
  // A dateline's place is in capitals ("ASTANA"), which tells it from a sentence's first words.
  if (!/^[\p{Lu}\p{M} .'’-]+$/u.test(place) || place.replace(/[^\p{Lu}]/gu, '').length < 3) return null;
  // "ASTANA, October 14, 2015." or, in British style, "LEEDS, 14 March 2024 —".
  const monthName = m[2] ?? m[6];
  const month = monthName ? monthNumber(monthName) : 0;
  const day = Number(m[3] ?? m[5] ?? 0);
  const year = m[4] ?? m[7] ? Number(m[4] ?? m[7]) : null;
  const valid = month > 0 && day > 0 && day <= (year ? daysInMonth(year, month) : 31);
  return { place: place.replace(/\b(\p{Lu})(\p{Lu}+)/gu, (_, a: string, b: string) => a + b.toLowerCase()), date: valid ? { year, month, day } : null, length: m[0].length };
}

// "September 28, 2015", "28 September 2015", and the ISO form a scraped page keeps ("2015-09-28T10:00Z").
const FULL_DATE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b|\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b`, 'gu');

// A photo the caption calls a file or archive picture, or "In this … photo", was taken before the story.
const OLDER_PHOTO = /\bfile\b|\barchive\b|\bin this\b[^.]{0,40}\b(?:photo|image|picture)\b/i;

// The words a date line holds beside the date: "Published", "3:04 p.m. EDT", a weekday (or a
// capitalised word: a byline's name, the outlet).
const DATE_LINE_WORD = /^(?:published|updated|posted|first|on|at|by|am|pm|a\.m|p\.m|[ecmp][sd]t|gmt|utc|bst|cet|cest|\d{1,2}[:.]\d{2}(?:[ap]m)?)$/i;
const PUBLISHED = /\b(?:published|posted)\b/i;

/**
 * A line that holds a date and little else ("Monday, September 28, 2015", "Published Sept. 28,
 * 2015 3:04 p.m. EDT", "By Ann Reyes | Sept. 28, 2015") at the top of the article; at its end only
 * when it says "published" (a date alone there dates a correction or the print edition).
 */
function isDateLine(p: Paragraph, date: RegExpMatchArray, count: number): boolean {
  if (p.index > 3 && !(p.index >= count - 2 && PUBLISHED.test(p.text))) return false;
  const rest = p.text.slice(0, date.index) + p.text.slice(date.index! + date[0].length);
  const words = rest.split(/[\s,|·•–—-]+/u).map((w) => w.replace(/[:.;()]+$/u, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length <= 8 && words.every((w) => DATE_LINE_WORD.test(w) || /^\p{Lu}/u.test(w)) && !/^correction/i.test(p.text);
}

/**
 * The article's own date as the text states it: on a line of its own, or in the caption of a photo
 * taken that day (wire captions date their pictures; a file photo is older). A date inside a
 * sentence of the story is the date of something it reports (a memo, an attack, a vote), not of
 * the article: taking the first full date anywhere gave 79 of PolNeAR's 924 articles a date, 12 of
 * them right (their file names give the day of publication).
 */
export function findTextDate(paragraphs: Paragraph[]): SimpleDate | null {
  const count = paragraphs.at(-1)?.index ?? 0;
  for (const p of paragraphs) {
    if (p.role === 'furniture') continue;
    for (const m of matchesOf(p.text, FULL_DATE)) {
      const month = m[8] ? Number(m[8]) : monthNumber(m[1] ?? m[5] ?? '');
      const day = Number(m[2] ?? m[4] ?? m[9]);
      const year = Number(m[3] ?? m[6] ?? m[7]);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) continue;
      if (isDateLine(p, m, count) || (p.role === 'caption' && !OLDER_PHOTO.test(p.text))) return { year, month, day };
    }
  }
  return null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "said Tuesday" in an article of Wednesday 2015-09-16 → 2015-09-15: the last such weekday on or before it. */
export function resolveWeekday(text: string, articleDate: SimpleDate): SimpleDate | null {
  if (articleDate.day === null || articleDate.month === null) return null;
  const m = /\b(?:on\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/u.exec(text);
  if (!m) return null;
  const target = WEEKDAYS.indexOf(m[1]!.toLowerCase());
  const base = new Date(Date.UTC(articleDate.year, articleDate.month - 1, articleDate.day));
  const back = (base.getUTCDay() - target + 7) % 7;
  const d = new Date(base.getTime() - back * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The year that puts a month and day nearest the dates of the archive's other articles. */
export function inferYear(month: number, day: number, known: SimpleDate[]): number | null {
  if (known.length === 0) return null;
  const years = [...new Set(known.flatMap((k) => [k.year - 1, k.year, k.year + 1]))];
  let best: { year: number; distance: number } | null = null;
  for (const year of years) {
    if (day > daysInMonth(year, month)) continue;
    const t = Date.UTC(year, month - 1, day);
    const distance = Math.min(...known.map((k) => Math.abs(t - Date.UTC(k.year, (k.month ?? 7) - 1, k.day ?? 15))));
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year ?? null;
}
