// Dates in the text: the dateline ("ASTANA, October 14.", "WASHINGTON (Reuters) -"), explicit
// dates ("Monday, September 28, 2015"), and weekdays ("said Tuesday") that date a quote once the
// article's own date is known.
import type { Paragraph } from '../record.ts';
import { daysInMonth, MONTHS, type SimpleDate } from './edtf.ts';

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
    `(?:,\\s*${MONTH}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?)?\\.?\\s*(?:\\(([^)]{2,40})\\)|\\/[^/\\s]{2,20}\\/)?\\s*(?:[-–—―]+|\\.|:)\\s+(?=\\S)`,
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
  const month = m[2] ? monthNumber(m[2]) : 0;
  const day = m[3] ? Number(m[3]) : 0;
  const year = m[4] ? Number(m[4]) : null;
  const valid = month > 0 && day > 0 && day <= (year ? daysInMonth(year, month) : 31);
  return { place: place.replace(/\b(\p{Lu})(\p{Lu}+)/gu, (_, a: string, b: string) => a + b.toLowerCase()), date: valid ? { year, month, day } : null, length: m[0].length };
}

const FULL_DATE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b|\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'gu');

/** The first complete date (day, month and year) the text states. */
export function findTextDate(paragraphs: Paragraph[]): SimpleDate | null {
  for (const p of paragraphs) {
    if (p.role === 'furniture') continue;
    for (const m of p.text.matchAll(FULL_DATE)) {
      const month = monthNumber(m[1] ?? m[5] ?? '');
      const day = Number(m[2] ?? m[4]);
      const year = Number(m[3] ?? m[6]);
      if (month > 0 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
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
