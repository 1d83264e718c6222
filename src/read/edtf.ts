// The dates we store are the plain levels of EDTF (ISO 8601-2): a day, a month or a year.
import type { DatePrecision } from '../record.ts';

export interface SimpleDate {
  year: number;
  month: number | null;
  day: number | null;
}

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null unless it is a real calendar date. */
export function parseEdtf(value: string): (SimpleDate & { precision: DatePrecision }) | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (month === null || day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day, precision: day !== null ? 'day' : month !== null ? 'month' : 'year' };
}

export function toEdtf(d: SimpleDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function precisionOf(d: SimpleDate): DatePrecision {
  return d.day !== null ? 'day' : d.month !== null ? 'month' : 'year';
}

/** "14 October 2015", "September 2015", "2015": the date as precise as it is known. */
export function formatEdtf(value: string): string {
  const d = parseEdtf(value);
  if (!d) return value;
  const month = d.month ? MONTHS[d.month - 1] : undefined;
  const name = month ? month[0]!.toUpperCase() + month.slice(1) : '';
  if (d.day !== null) return `${d.day} ${name} ${d.year}`;
  if (d.month !== null) return `${name} ${d.year}`;
  return String(d.year);
}
