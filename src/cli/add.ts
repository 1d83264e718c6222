// `npm run add -- FILE` (or `npm run add -- -` to read stdin): imports a raw article into the
// articles folder as `<date>-<slug>.md`, with front matter holding what was extracted (title, date,
// dateline; where each came from as YAML comments) for an editor to check. The text after the front
// matter is the input's text byte for byte, once decoded to UTF-8 with LF line endings. It never
// overwrites a file, and prints what it found: speakers, quotes and warnings, as the build would.
//
//   npm run add -- [--dir DIR] [--dry-run] FILE|-
//
// DIR defaults to ARCHIVE_DIR or `articles`. The other articles are read too (through the
// extraction cache), because a dateline's year and a bare surname are resolved against them.
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import yaml from 'js-yaml';
import type { ArticleRecord, Message } from '../record.ts';
import { decodeText } from '../read/decode-text.ts';
import { splitFrontMatter } from '../read/front-matter.ts';
import { formatMessage } from '../read/messages.ts';
import { assembleArchive, readArticle, type ReadResult } from '../archive/build-archive.ts';
import { cacheDirFromEnv } from '../pipeline/extraction-cache.ts';
import { extractArticles, readFolder } from '../pipeline/load-articles.ts';
import { slugify } from '../extract/resolve-speakers.ts';

const USAGE = 'usage: npm run add -- [--dir DIR] [--dry-run] FILE|-   (- reads the article from stdin)\n';
const SLUG_MAX = 60;

interface Options {
  source: string;
  dir: string;
  dryRun: boolean;
}

function parseArgs(args: string[]): Options | string {
  let source: string | undefined;
  let dir = process.env['ARCHIVE_DIR'] || 'articles';
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dir') dir = args[++i] ?? '';
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '-' || !arg.startsWith('-')) {
      if (source !== undefined) return 'give one article at a time';
      source = arg;
    } else return `unknown option ${arg}`;
  }
  if (source === undefined) return 'give the article file, or - to read stdin';
  if (!dir) return '--dir needs a folder';
  return { source, dir, dryRun };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A slug of at most SLUG_MAX characters, cut at a hyphen. */
function shortSlug(text: string): string {
  const slug = slugify(text);
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.slice(0, SLUG_MAX + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : SLUG_MAX);
}

const paragraphTexts = (r: ReadResult) => r.extracted?.record.paragraphs.map((p) => p.text) ?? [];

/** The line `key: value` as YAML writes it (quoted when it must be). */
const field = (key: string, value: string) => yaml.dump({ [key]: value }, { lineWidth: -1, schema: yaml.CORE_SCHEMA }).trimEnd();

function dateNote(record: ArticleRecord, yearInferred: boolean): string {
  switch (record.dateSource) {
    case 'front-matter':
      return 'from the front matter';
    case 'dateline':
      return yearInferred
        ? `from the dateline${record.dateline ? ` (${record.dateline})` : ''}; its year is not in the text and was taken from the other articles — check it`
        : `from the dateline${record.dateline ? ` (${record.dateline})` : ''}`;
    case 'text':
      return 'from a date in the text — check that it is the publication date';
    default:
      return 'inferred';
  }
}

/** The front matter block: the input's own (kept as written) plus what was extracted and is missing. */
function frontMatter(existing: string | null, record: ArticleRecord, yearInferred: boolean, from: string): string {
  const has = (key: string) => existing !== null && new RegExp(`^${key}\\s*:`, 'm').test(existing);
  const lines = [`# Imported by npm run add from ${from}. Check these fields against the text, then delete this comment.`];
  if (!has('title')) {
    if (record.title && record.titleSource === 'text') lines.push('# title: the first line of the text', field('title', record.title));
    else if (!record.title) lines.push('# title: none found; add `title:` if the text has no headline line');
  }
  if (!has('date')) {
    if (record.date) lines.push(`# date: ${dateNote(record, yearInferred)}`, field('date', record.date));
    else lines.push('# date: none found in the text; add `date:` (YYYY-MM-DD, YYYY-MM or YYYY)');
  }
  if (!has('dateline') && record.dateline) lines.push('# dateline: from the start of the first paragraph', field('dateline', record.dateline));
  if (existing === null) return `---\n${lines.join('\n')}\n---\n`;
  // Before the closing --- of the input's own block.
  const close = existing.lastIndexOf('---');
  return `${existing.slice(0, close)}${lines.join('\n')}\n${existing.slice(close)}`;
}

function describe(record: ArticleRecord, messages: Message[], dateComment: string): string[] {
  const quoted = new Map<string, number>();
  for (const q of record.quotes) if (q.speakerId) quoted.set(q.speakerId, (quoted.get(q.speakerId) ?? 0) + 1);
  const speakers = record.speakers
    .filter((s) => quoted.has(s.id))
    .map((s) => `${s.name} (${quoted.get(s.id)} quote${quoted.get(s.id) === 1 ? '' : 's'})`);
  const unattributed = record.quotes.filter((q) => !q.speakerId).length;
  const lines = [
    `  title:    ${record.title ?? '(none)'}${record.titleSource ? ` [${record.titleSource}]` : ''}`,
    `  date:     ${record.date ?? '(none)'}${record.date ? ` [${dateComment}]` : ''}`,
    `  dateline: ${record.dateline ?? '(none)'}`,
    `  quotes:   ${record.quotes.length}${unattributed ? ` (${unattributed} without a speaker)` : ''}`,
    `  speakers: ${speakers.length > 0 ? speakers.join(', ') : '(none)'}`,
  ];
  const problems = messages.map((m) => `    ${formatMessage(m)}`);
  lines.push(problems.length > 0 ? `  problems (${problems.length}):` : '  problems: none', ...problems);
  return lines;
}

export async function runAdd(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n${USAGE}`);
    return 2;
  }
  const from = options.source === '-' ? 'stdin' : options.source;
  let bytes: Uint8Array;
  try {
    bytes = options.source === '-' ? await readStdin() : await readFile(options.source);
  } catch (error) {
    process.stderr.write(`${from}:1:1: error: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path\n`);
    return 1;
  }
  const decoded = decodeText(bytes);
  if (decoded.binary) {
    process.stderr.write(`${from}:1:1: error: this is not a text file; save the article as text and add it again\n`);
    return 1;
  }
  if (decoded.text.trim() === '') {
    process.stderr.write(`${from}:1:1: error: the article is empty; nothing was added\n`);
    return 1;
  }
  const notes: string[] = [];
  if (decoded.encoding === 'windows-1252') notes.push('The text was not UTF-8; it was read as Windows-1252 and is written as UTF-8. Check its accented letters and quote marks.');
  else if (decoded.encoding !== 'utf-8') notes.push(`The text was ${decoded.encoding}; it is written as UTF-8.`);
  if (decoded.convertedLineEndings) notes.push('Line endings were converted to LF.');

  const split = splitFrontMatter(decoded.text, from);
  if (split.messages.some((m) => m.severity === 'error')) {
    process.stderr.write(`${split.messages.map(formatMessage).join('\n')}\nThe front matter has errors; fix them and add the article again. Nothing was added.\n`);
    return 1;
  }
  const body = split.body;
  const existingBlock = split.hasFrontMatter ? decoded.text.slice(0, split.bodyOffset) : null;

  // Markdown or plain text: raw text is written as .md unless Markdown would read it differently
  // (lines starting with #, -, > or 1. become headings, lists and quotes), then as .txt.
  const givenMarkdown = /\.(md|markdown)$/i.test(from);
  const asMarkdown = readArticle({ path: join(options.dir, '.add-candidate.md'), bytes: utf8(decoded.text) });
  const asText = readArticle({ path: join(options.dir, '.add-candidate.txt'), bytes: utf8(decoded.text) });
  const sameReading = JSON.stringify(paragraphTexts(asMarkdown)) === JSON.stringify(paragraphTexts(asText));
  const extension = givenMarkdown || sameReading ? '.md' : '.txt';
  if (extension === '.txt') notes.push('Written as .txt: read as Markdown, some lines would become headings, lists or block quotes.');
  const candidate = extension === '.md' ? asMarkdown : asText;

  // The other articles, for the year of a dateline and the people across the archive.
  const folder = await readFolder(options.dir);
  const others = (await extractArticles(folder.inputs, cacheDirFromEnv())).results.map((r) => r.result);
  const people = folder.beside.people.people;
  const yearInferred = candidate.extracted?.yearless != null;
  const first = assembleArchive([...clone(others), clone(candidate)], { people });
  const draft = first.articles.find((r) => r.source === join(options.dir, `.add-candidate${extension}`));
  if (!draft) {
    process.stderr.write(`${[...candidate.messages].map(formatMessage).join('\n')}\nNo article could be read from ${from}; nothing was added.\n`);
    return 1;
  }

  const datePrefix = draft.date ? `${draft.date}-` : '';
  // The slug: the front matter's, else the headline's, else the first words of the text, else the file name.
  const firstWords = body.trim().split(/\s+/).slice(0, 8).join(' ');
  const named = draft.title ?? (firstWords || (options.source === '-' ? 'article' : basename(from, extname(from))));
  const slug = split.data.slug ?? (shortSlug(named) || 'article');
  const target = join(options.dir, `${datePrefix}${slug}${extension}`);
  const fileText = frontMatter(existingBlock, draft, yearInferred, from) + body;
  // The promise of this command: the text after the front matter is the input's, byte for byte.
  const check = splitFrontMatter(fileText, target);
  if (check.body !== body || check.messages.some((m) => m.severity === 'error')) {
    process.stderr.write(`Internal error: the front matter written for ${from} would change its text or is invalid; nothing was added.\n${check.messages.map(formatMessage).join('\n')}\n`);
    return 1;
  }

  // The file as it will be built: its messages point at its own lines.
  const final = assembleArchive([...clone(others), readArticle({ path: target, bytes: utf8(fileText) })], { people });
  const record = final.articles.find((r) => r.source === target) ?? draft;
  const messages = final.messages.filter((m) => m.file === target);

  if (options.dryRun && existsSync(target)) {
    process.stderr.write(`${target} already exists; the article would not be added.\n`);
    return 1;
  }
  if (!options.dryRun) {
    try {
      const handle = await open(target, 'wx');
      await handle.writeFile(fileText);
      await handle.close();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(
        code === 'EEXIST'
          ? `${target} already exists; nothing was added. If this is a different article, give it a slug: in its front matter; if it is the same, it is already in the archive.\n`
          : `Cannot write ${target} (${code ?? String(error)}); nothing was added.\n`,
      );
      return 1;
    }
  }
  const out = [`${options.dryRun ? 'Would write' : 'Wrote'} ${target}`, ...describe(record, messages, dateNote(draft, yearInferred)), ...notes.map((n) => `  note: ${n}`)];
  out.push(options.dryRun ? 'Nothing was written (--dry-run).' : 'Check its front matter, then run npm run build.');
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

const entry = process.argv[1] ?? '';
if (/src[\\/]cli[\\/]add\.ts$/.test(entry)) process.exitCode = await runAdd(process.argv.slice(2));
