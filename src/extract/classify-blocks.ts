// Tells the parts of a pasted article apart: the headline, in-text subheadings, photo captions
// (often printed twice) and page furniture ("Leave a comment") that scrapers drag in. Only body
// paragraphs are the writer's text; the others are kept with their role so nothing is lost.
import type { ParagraphRole } from '../record.ts';

const FURNITURE = [
  /^(leave a comment|comments?|\d+ comments?|share( this( article| story)?)?|advertisement|click here.*|read more.*|related( articles| stories)?:?.*|sign up.*|subscribe.*|follow us.*|print|email|tweet|share on (facebook|twitter).*|getty( images)?\/?.*|photo credit.*|image( copyright| source).*|listen to this article.*|continue reading.*|story continues below.*|embedded content|skip to .*)$/i,
];

const CREDIT = /^(?:[\p{L}.]+(?:\s[\p{L}.]+)?\/){1,3}[\p{L}.]+\.?$|\((?:AP|AFP|Reuters|Getty|EPA)\b[^)]*\)$|\b(?:AP|AFP|Reuters|Getty Images|EPA) Photo\b/u;
// Caption language: who is where in a picture.
const CAPTION_CUE = /,\s*(?:left|right|center|centre|second from (?:left|right)|top|bottom),|\b(?:pictured|poses?|arrives?|attends?|gestures?|listens?|waves?|looks on|speaks during)\b/i;

const TERMINAL = /[.!?:;,…]["'”’»)]*$/u;
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** A line that reads as a title: short, and without the punctuation that ends a sentence. */
export function looksLikeHeadline(text: string, words = wordsOf(text)): boolean {
  if (words.length === 0 || words.length > 25 || text.length > 200) return false;
  if (/^["“”„«‘'`]/u.test(text)) return false;
  if (!TERMINAL.test(text)) return true;
  // Some headlines end with a full stop; they are then title-cased and short.
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return /[.?]["'’”]?$/u.test(text) && !/\.\.$/.test(text) && words.length >= 6 && words.length <= 20 && capitalised / words.length >= 0.75;
}

function looksLikeSubheading(text: string, words: string[]): boolean {
  if (words.length < 2 || words.length > 14 || TERMINAL.test(text) || /^["“”„«‘'`]/u.test(text)) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return capitalised / words.length >= 0.5;
}

// Runs of white space become one space. Written as "two or more, or one that is not a space" because
// a replace that also rewrote every single space with itself took half the time of `comparable`.
const SPACE_RUN = /\s{2,}|[^\S ]/g;
const comparable = (text: string) => text.normalize('NFKC').replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(SPACE_RUN, ' ').trim().toLowerCase();

/** `key` and `nextKey`: the comparable forms of the line and of the next one (undefined at the end). */
function looksLikeCaption(text: string, words: number, key: string, nextKey: string | undefined): boolean {
  if (words > 60) return false; // a caption is a line, not a story
  if (CREDIT.test(text)) return true;
  // "FILE - Dock workers gather …": the wire agencies' mark of an older photo.
  if (/^FILE\s*[-–—]/.test(text)) return true;
  // A caption has no closing full stop and describes a picture, or is repeated verbatim next.
  if (nextKey === key) return true;
  // "Barack Obama, right, and Vladimir Putin arrive …": who stands where is caption language.
  if (/,\s*(?:left|right|center|centre|second from (?:left|right)|top|bottom|front|rear|foreground|background),/i.test(text)) return true;
  return !/[.!?]["'”’]?$/u.test(text) && CAPTION_CUE.test(text) && words >= 6;
}

export function classifyBlocks(texts: string[], headings: boolean[]): ParagraphRole[] {
  const roles: ParagraphRole[] = texts.map(() => 'body');
  const seen = new Set<string>();
  // Each line's comparable form once: it is needed for the line itself and for the line before it.
  const keys = texts.map(comparable);
  texts.forEach((text, i) => {
    const key = keys[i]!;
    const words = wordsOf(text);
    if (FURNITURE.some((re) => re.test(text.trim()))) roles[i] = 'furniture';
    else if (seen.has(key)) roles[i] = 'furniture'; // printed twice: keep the first
    else if (i === 0 && texts.length > 1 && (headings[0] || looksLikeHeadline(text, words))) roles[i] = 'headline';
    else if (looksLikeCaption(text, words.length, key, keys[i + 1])) roles[i] = 'caption';
    else if (headings[i] || (i > 0 && looksLikeSubheading(text, words))) roles[i] = 'subheading';
    seen.add(key);
  });
  return roles;
}
