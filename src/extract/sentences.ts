// Sentence boundaries inside a paragraph, ignoring full stops inside quotes and after
// abbreviations ("Navy Capt. Jeff Davis", "the U.S. military").
import { matchesOf } from './matches.ts';

const ABBREVIATIONS = /(?:^|[\s(])(?:mr|mrs|ms|dr|st|jr|sr|capt|gen|lt|col|sgt|adm|maj|cmdr|rep|sen|gov|rev|prof|gen|no|vs|etc|inc|corp|co|ltd|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ft|mt|pp|vol|fig|approx|dept|est|u\.s|u\.n|u\.k|e\.g|i\.e|a\.m|p\.m|[A-Z])\.$/i;

export interface Range {
  start: number;
  end: number;
}

/** Sentence ranges of `text`; `masked` ranges (quotes) never hold a boundary. */
export function sentenceRanges(text: string, masked: Range[] = []): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  const re = /[.!?…]+["'”’»)]*\s+(?=["“‘'«(\[]?[\p{Lu}\p{N}])/gu;
  for (const m of matchesOf(text, re)) {
    const at = m.index;
    // Inside a quote only a full stop that ends the quote ends the sentence.
    const punct = /^[.!?…]+/u.exec(m[0])![0].length;
    if (masked.some((r) => at >= r.start && at + punct < r.end)) continue;
    if (ABBREVIATIONS.test(text.slice(Math.max(0, at - 6), at + 1))) continue;
    const end = at + m[0].trimEnd().length;
    ranges.push({ start, end });
    start = at + m[0].length;
  }
  if (start < text.length) ranges.push({ start, end: text.length });
  return ranges;
}

export function sentenceAt(ranges: Range[], offset: number): Range {
  return ranges.find((r) => offset >= r.start && offset < r.end) ?? ranges.at(-1) ?? { start: 0, end: 0 };
}
