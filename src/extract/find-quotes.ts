// Quote-mark pairing. News text mixes straight, curly, low-high and angle marks, opens with a
// closing mark (`”Mr. …`), closes with an opening one (`…government“,`), and reopens each
// paragraph of a long quote without closing the one before. Every mark is read by what flanks it
// (a space on one side, a word on the other), not by its glyph alone.
import type { Paragraph, QuoteSpan } from '../record.ts';
import { matchesOf } from './matches.ts';

export interface FoundQuote {
  parts: QuoteSpan[];
  /** The quote never closed: it was cut at the end of its paragraph. */
  unclosed: boolean;
  /**
   * Single quote marks in an article that quotes with double ones (a headline, a term, a nested
   * quote). In an article that quotes with single marks alone they are its quote marks: false.
   */
  single: boolean;
}

const DOUBLE_OPENERS = new Set(['“', '„', '«', '"', '”', '‟', '″']);
const DOUBLE_CLOSERS = new Set(['”', '“', '»', '"', '″']);
// Where a quote can open after: the start, a space, an opening bracket, a dash, a slash or backtick.
const OPEN_CONTEXT = /[\s([{\-–—―/`'‘:]/u;
const CLOSE_CONTEXT = /[\s)\]}.,;:!?…\-–—―/'’]/u;

type Role = 'open' | 'close' | 'either' | 'none';

function roleOf(text: string, i: number): Role {
  const c = text[i]!;
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = i + 1 < text.length ? text[i + 1]! : ' ';
  const canOpen = OPEN_CONTEXT.test(prev) && !/\s/u.test(next);
  const canClose = !/\s/u.test(prev) && (CLOSE_CONTEXT.test(next) || DOUBLE_CLOSERS.has(next)) || (i + 1 === text.length && !/\s/u.test(prev));
  if (c === '«' || c === '„' || c === '‟') return 'open';
  if (c === '»') return 'close';
  if (c === '“') return canClose && !canOpen ? 'close' : 'open';
  if (c === '”' || c === '″') return canOpen && !canClose ? 'open' : 'close';
  // Straight quotes have no direction of their own.
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  return canOpen || canClose ? 'either' : 'none';
}

interface Mark {
  at: number;
  role: Role;
}

// Every double mark at once: a regular expression skips the text between marks far faster than a
// test of each character.
const DOUBLE_MARK = new RegExp(`[${[...new Set([...DOUBLE_OPENERS, ...DOUBLE_CLOSERS])].join('')}]`, 'g');

function doubleMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const m of matchesOf(text, DOUBLE_MARK)) {
    const role = roleOf(text, m.index);
    if (role !== 'none') marks.push({ at: m.index, role });
  }
  return marks;
}

const startsWithOpener = (text: string) => /^[`'‘]?["“„«”]/u.test(text);

/**
 * Finds the double-quoted stretches of one paragraph. `carried` is a quote left open by the paragraph
 * before; the result says whether this paragraph leaves one open in turn.
 */
function pairParagraph(p: Paragraph, carried: boolean): { spans: Array<{ start: number; end: number; continues: boolean; closed: boolean }>; open: boolean } {
  const text = p.text;
  const spans: Array<{ start: number; end: number; continues: boolean; closed: boolean }> = [];
  let openAt = -1; // offset in text just after the opening mark
  let depth = 0;
  let continues = false;
  let lastInnerClose = -1;
  const marks = doubleMarks(text);
  if (carried && marks[0]?.at !== undefined && marks[0].at <= 1 && marks[0].role !== 'close') {
    openAt = marks[0].at + 1;
    depth = 1;
    continues = true;
    marks.shift();
  }
  for (const mark of marks) {
    if (depth === 0) {
      if (mark.role === 'close') continue; // a stray closing mark: nothing to close
      openAt = mark.at + 1;
      depth = 1;
      continue;
    }
    const nestedOpen = mark.role === 'open' && text[mark.at] !== '"' || (mark.role === 'either' && /\s/u.test(text[mark.at - 1] ?? ' '));
    if (nestedOpen && depth === 1 && mark.at > openAt) {
      depth = 2; // a quote inside the quote: “… the so-called “Islamic state”.”
      continue;
    }
    if (depth === 2) {
      depth = 1;
      lastInnerClose = mark.at;
      continue;
    }
    spans.push({ start: openAt, end: mark.at, continues, closed: true });
    depth = 0;
    continues = false;
  }
  if (depth === 0) return { spans, open: false };
  // The inner quote's closing mark also closes the outer one when only punctuation follows it.
  if (depth === 1 && lastInnerClose > openAt && /^[\s.,;:!?…]*$/u.test(text.slice(lastInnerClose + 1))) {
    spans.push({ start: openAt, end: lastInnerClose, continues, closed: true });
    return { spans, open: false };
  }
  let end = text.length;
  while (end > openAt && /\s/u.test(text[end - 1]!)) end--;
  spans.push({ start: openAt, end, continues, closed: false });
  return { spans, open: true };
}

// Single quotes are told from apostrophes by position: an opener starts a word, a closer ends one,
// and a mark between two letters (don’t, Russia’s) is an apostrophe.
// "Rock 'n' roll": the "n" between two apostrophes is a word, not the end of a quote.
// 'It's our members' decision … back down.': a mark after a plural "s" and before a lower-case word
// is a possessive when the quote closes later in the paragraph.
const CLOSER_AHEAD = String.raw`[^\n]*?[\p{L}\p{N}.,!?][’'](?:$|[\s.,;:!?)\]}—–―-])`;
const PLURAL_POSSESSIVE = String.raw`(?<=\p{L}s)[’'](?=\s\p{Ll}${CLOSER_AHEAD})`;
const SINGLE = new RegExp(
  String.raw`(^|[\s([{—–―-])[‘'](?=[\p{L}\p{N}])((?:[^‘’'\n]|[‘’'](?=[\p{L}])|(?<=\s[‘']n)[’'](?=\s)|${PLURAL_POSSESSIVE})*?[\p{L}\p{N}.,!?])(?<!\s[‘']n)(?!${PLURAL_POSSESSIVE})[’'](?=$|[\s.,;:!?)\]}—–―-])`,
  'gu',
);

function singleQuotes(p: Paragraph, covered: Array<{ start: number; end: number }>, singleStyle: boolean): FoundQuote[] {
  const found: FoundQuote[] = [];
  for (const m of matchesOf(p.text, SINGLE)) {
    const start = m.index + m[1]!.length + 1;
    const end = start + m[2]!.length;
    if (covered.some((c) => start >= c.start && end <= c.end)) continue;
    // One word in single quotes is a term where double marks quote speech; in an article quoting
    // with single marks (British style) it may be speech, as one word in double marks may be.
    if (!singleStyle && m[2]!.split(/\s+/).length < 2) continue;
    found.push({ parts: [{ paragraph: p.index, start: p.start + start, end: p.start + end }], unclosed: false, single: !singleStyle });
  }
  return found;
}

function trimSpan(body: string, span: QuoteSpan): QuoteSpan {
  let { start, end } = span;
  while (start < end && /\s/u.test(body[start]!)) start++;
  while (end > start && /\s/u.test(body[end - 1]!)) end--;
  return { paragraph: span.paragraph, start, end };
}

export function findQuotes(body: string, paragraphs: Paragraph[]): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  let current: FoundQuote | null = null;
  const text = paragraphs.filter((p) => p.role !== 'furniture');
  // Two apostrophes for a double mark (''like this'') are double quotes too.
  const singleStyle = !text.some((p) => /["“”„«»]|''/u.test(p.text));
  text.forEach((p, k) => {
    const next = text[k + 1];
    const { spans, open } = pairParagraph(p, current !== null);
    for (const s of spans) {
      const part = trimSpan(body, { paragraph: p.index, start: p.start + s.start, end: p.start + s.end });
      if (s.continues && current) current.parts.push(part);
      else {
        if (current) quotes.push(current);
        current = { parts: [part], unclosed: false, single: false };
      }
      if (s.closed) {
        quotes.push(current);
        current = null;
      }
    }
    // A long quote reopens each paragraph and closes only in the last; otherwise it never closed.
    if (open && current && !(next && startsWithOpener(next.text))) {
      current.unclosed = true;
      quotes.push(current);
      current = null;
    } else if (!open && current) {
      quotes.push(current);
      current = null;
    }
    const covered = spans.map((s) => ({ start: s.start, end: s.end }));
    quotes.push(...singleQuotes(p, covered, singleStyle));
  });
  if (current) quotes.push(current);
  const found = quotes.filter((q) => q.parts.some((s) => /[\p{L}\p{N}]/u.test(body.slice(s.start, s.end))));
  return withoutNested(found).sort((a, b) => a.parts[0]!.start - b.parts[0]!.start);
}

/**
 * ‘My brother said, “Run,” and we ran.’: a quote inside another's words is part of them, not a quote
 * of its own. A part is inside when a part that starts before it ends no earlier: spans in start
 * order with the furthest end so far, so that a paragraph of thousands of quotes costs a sort.
 */
function withoutNested(quotes: FoundQuote[]): FoundQuote[] {
  const parts = quotes.flatMap((q) => q.parts).sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const nested = new Set<QuoteSpan>();
  let furthest = { paragraph: -1, start: -1, end: -1 };
  for (const s of parts) {
    if (s.paragraph === furthest.paragraph && furthest.start < s.start && s.end <= furthest.end) nested.add(s);
    if (s.paragraph !== furthest.paragraph || s.end > furthest.end) furthest = s;
  }
  return quotes.filter((q) => !q.parts.every((s) => nested.has(s)));
}
