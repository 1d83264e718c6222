// A synthetic archive of N articles made from real text, for benchmarks and scale tests:
//   npm run synthetic -- N OUTDIR
// The paragraphs of the project's own articles (`articles/*.md`, `*.txt`) are recombined, and the
// real people in them are renamed to invented people, so the number of speakers grows with N
// (sub-linearly, as in a real archive: a few speakers are quoted everywhere, most rarely) and
// quotes grow linearly. Dates are spread over several years. Each article is written as
// `OUTDIR/<date>-<slug>-<n>.md` with `date:` front matter. The output depends only on N and the
// source articles: the PRNG is seeded by N.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The real people of the source articles: full names first (so "Dmitry Peskov" is renamed as a
// whole before "Peskov" alone), then the surname used on its own.
const REAL_PEOPLE: { full: string[]; surname: string | null }[] = [
  { full: ['Dmitry Peskov'], surname: 'Peskov' },
  { full: ['Vladimir Putin'], surname: 'Putin' },
  { full: ['Barack Obama'], surname: 'Obama' },
  { full: ['Bashar al-Assad', 'Bashar Assad'], surname: 'Assad' },
  { full: ['Ban Ki-moon'], surname: null },
  { full: ['Hassan Rouhani'], surname: 'Rouhani' },
  { full: ['Francois Hollande'], surname: 'Hollande' },
  { full: ['Raul Castro'], surname: 'Castro' },
  { full: ['John Kerry'], surname: 'Kerry' },
  { full: ['Jeff Davis'], surname: 'Davis' },
  { full: ['Sergey Lavrov'], surname: 'Lavrov' },
  { full: ['Dmitry Medvedev'], surname: 'Medvedev' },
];

// Invented names: no real person is meant.
const FIRST_NAMES = (
  'Aldric Maren Tobin Selka Idris Varya Corwin Lenna Osric Tamsin Bram Ysolde Kestrel Anwen Dorian Petra ' +
  'Lucan Sabine Emric Nerys Faron Ilsa Garrick Odile Hollis Rhiannon Jory Talia Casimir Mirela Evander Zora ' +
  'Ansel Liesl Bastien Orla Cyprian Vesna Dario Elke Fenwick Greta Ivor Jolan Kasimir Linnea Matthias Noor ' +
  'Oskar Pilar Quentin Rosalind Stellan Thea Ulric Veda Wendell Xenia Yorick Zelda'
).split(' ');
const SURNAME_HEADS = (
  'Var Dor Kal Mer Tor Bel Grim Hal Lor Vost Kren Marl Pell Rask Sorv Tal Ulm Vel Wy Zar ' +
  'Ash Brin Cald Dray Ek Fen Gav Hask Isk Jarn Kov Lind Mov Narv Orl Pasc'
).split(' ');
const SURNAME_TAILS = (
  'enko ovich ström wick ley ard ani escu ova holm berg dottir ski vitz mann ton ford ez ino ari ' +
  'eau ssen quist ley-Hart ides opoulos yan ish ault'
).split(' ');

interface Invented {
  first: string;
  last: string;
}

/** P invented people with distinct surnames (as long as P stays under the number of combinations). */
function inventPeople(count: number, random: () => number): Invented[] {
  const surnames = SURNAME_HEADS.flatMap((h) => SURNAME_TAILS.map((t) => h + t));
  for (let i = surnames.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [surnames[i], surnames[j]] = [surnames[j]!, surnames[i]!];
  }
  return Array.from({ length: count }, (_, i) => ({
    first: FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!,
    last: surnames[i % surnames.length]!,
  }));
}

/** Zipf-distributed choice of 0..n-1 (rank 0 the most frequent). */
function zipf(n: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < n; k++) cumulative.push((total += 1 / (k + 1)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface SourceText {
  headlines: string[];
  paragraphs: string[];
}

/** The source articles' lines: a short first line without a full stop is a headline. */
export function readSourceText(dir: string): SourceText {
  const headlines: string[] = [];
  const paragraphs: string[] = [];
  const names = readdirSync(dir).filter((n) => /\.(md|markdown|txt)$/i.test(n)).sort();
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const [first, ...rest] = lines;
    if (first === undefined) continue;
    if (first.length < 130 && !/[.”"]$/.test(first)) headlines.push(first);
    else paragraphs.push(first);
    paragraphs.push(...rest);
  }
  if (headlines.length === 0) headlines.push('Synthetic article');
  return { headlines, paragraphs };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Renames every real person of the text to the invented person chosen for them in this article. */
function rename(text: string, cast: Map<number, Invented>): string {
  let out = text;
  REAL_PEOPLE.forEach((real, i) => {
    const who = cast.get(i)!;
    for (const full of real.full) out = out.replace(new RegExp(`\\b${escapeRegExp(full)}\\b`, 'g'), `${who.first} ${who.last}`);
    if (real.surname) out = out.replace(new RegExp(`\\b${escapeRegExp(real.surname)}\\b`, 'g'), who.last);
  });
  return out;
}

function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 6)
    .join('-');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface SyntheticArticle {
  name: string;
  text: string;
}

/** The N articles, as file names and contents. */
export function syntheticArticles(count: number, source: SourceText): SyntheticArticle[] {
  const random = prng(count);
  // Distinct speakers grow sub-linearly with the archive: about 6·√N invented people.
  const people = inventPeople(Math.ceil(6 * Math.sqrt(count)) + 20, random);
  const pickPerson = zipf(people.length, random);
  const years = Math.min(20, Math.max(3, Math.ceil(count / 2000)));
  const firstYear = 2010;
  const articles: SyntheticArticle[] = [];
  for (let n = 1; n <= count; n++) {
    const cast = new Map<number, Invented>();
    const used = new Set<number>();
    REAL_PEOPLE.forEach((_, i) => {
      let p = pickPerson();
      for (let tries = 0; used.has(p) && tries < 20; tries++) p = pickPerson();
      used.add(p);
      cast.set(i, people[p]!);
    });
    const headline = rename(source.headlines[Math.floor(random() * source.headlines.length)]!, cast);
    const length = 6 + Math.floor(random() * 15);
    const body: string[] = [];
    const chosen = new Set<number>();
    while (chosen.size < Math.min(length, source.paragraphs.length)) chosen.add(Math.floor(random() * source.paragraphs.length));
    for (const i of chosen) body.push(rename(source.paragraphs[i]!, cast));
    const year = firstYear + Math.floor(random() * years);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${pad(month)}-${pad(day)}`;
    // Half the articles have a blank line between paragraphs (Markdown), half one line each (pasted text).
    const separator = random() < 0.5 ? '\n\n' : '\n';
    const text = `---\ndate: ${date}\n---\n${headline}\n${separator === '\n\n' ? '\n' : ''}${body.join(separator)}\n`;
    articles.push({ name: `${date}-${slugOf(headline) || 'article'}-${pad(n, 5)}.md`, text });
  }
  return articles;
}

function main(args: string[]): number {
  const count = Number(args[0]);
  const out = args[1];
  const sourceDir = args[2] ?? 'articles';
  if (!Number.isInteger(count) || count < 1 || !out) {
    process.stderr.write('usage: npm run synthetic -- N OUTDIR [SOURCE_DIR]\n');
    return 2;
  }
  mkdirSync(out, { recursive: true });
  if (readdirSync(out).length > 0) {
    process.stderr.write(`${out} is not empty; give a new or empty folder\n`);
    return 1;
  }
  const articles = syntheticArticles(count, readSourceText(sourceDir));
  let bytes = 0;
  for (const a of articles) {
    writeFileSync(join(out, a.name), a.text);
    bytes += Buffer.byteLength(a.text);
  }
  process.stdout.write(`${articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB, in ${out}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
