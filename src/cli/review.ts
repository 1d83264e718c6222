// `npm run review`: the quotes whose attribution is least certain, lowest confidence first, so that
// the editor checks the likeliest mistakes first.
//
//   npm run review                          # the 20 least certain quotes, with their alternatives
//   npm run review -- --json                # the same as a JSON array
//   npm run review -- --limit 50 --below 0.8
//   npm run review -- --interactive         # one by one; each answer goes into corrections.yml at once
//   npm run review -- --dir DIR             # another articles folder (default ARCHIVE_DIR or articles)
//
// Answers (a terminal or a pipe): k keep, 1–3 an alternative, t type a name (on the next line),
// n not a quote, u unattributed, s skip, q quit. A quote the corrections file already finds is
// not asked again.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadArticles } from '../pipeline/load-articles.ts';
import { CORRECTIONS_FILE, parseCorrectionsFile } from '../archive/corrections-file.ts';
import { correctionYaml, reviewQueue, type ReviewItem } from './review-queue.ts';

interface Options {
  json: boolean;
  interactive: boolean;
  limit: number;
  below: number;
  dir: string;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseArgs(args: string[]): Options {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const number = (flag: string, fallback: number) => {
    const v = value(flag);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} needs a number, not "${v}"`);
    return n;
  };
  return {
    json: args.includes('--json'),
    interactive: args.includes('--interactive'),
    limit: number('--limit', args.includes('--interactive') ? Number.POSITIVE_INFINITY : 20),
    below: number('--below', 1.01),
    dir: value('--dir') ?? (process.env['ARCHIVE_DIR'] || 'articles'),
  };
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

function describe(item: ReviewItem, n?: number): string {
  const alternatives = item.alternatives.map((a, i) => `${i + 1}. ${a.name ?? 'nobody'} (${percent(a.score)})`).join('  ');
  return [
    `${n === undefined ? '' : `[${n}] `}${item.file}:${item.line}:${item.column}  ${percent(item.confidence)} sure`,
    `  “${item.text.length > 160 ? `${item.text.slice(0, 160)}…` : item.text}”`,
    `  speaker: ${item.speaker ?? 'none found'}${alternatives ? `   others: ${alternatives}` : ''}`,
  ].join('\n');
}

/** Reads answers one line at a time from a terminal or a pipe; null at the end of the input. */
function lineReader(): { next(prompt: string): Promise<string | null>; close(): void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async next(prompt: string) {
      process.stdout.write(prompt);
      const r = await lines.next();
      if (r.done) return null;
      // A terminal shows what was typed; through a pipe the answer is echoed, so the log reads as a dialogue.
      if (!process.stdin.isTTY) process.stdout.write(`${r.value}\n`);
      return r.value.trim();
    },
    close: () => rl.close(),
  };
}

type Answer = { speaker?: string | null; notAQuote?: boolean; kept?: boolean } | 'skip' | 'quit';

async function ask(item: ReviewItem, read: ReturnType<typeof lineReader>): Promise<Answer> {
  for (;;) {
    const line = await read.next('keep (k), alternative (1-3), type a name (t), not a quote (n), unattributed (u), skip (s), quit (q)? ');
    if (line === null || line === 'q') return 'quit';
    if (line === 's' || line === '') return 'skip';
    if (line === 'k') return { speaker: item.speaker, kept: true };
    if (line === 'n') return { notAQuote: true };
    if (line === 'u') return { speaker: null };
    if (line === 't') {
      const name = await read.next('name: ');
      if (name === null) return 'quit';
      if (name) return { speaker: name };
      continue;
    }
    const alternative = /^\d$/.test(line) ? item.alternatives[Number(line) - 1] : undefined;
    if (alternative) return { speaker: alternative.name };
    process.stdout.write(`“${line}” is not an answer.\n`);
  }
}

async function interactive(items: ReviewItem[], correctionsPath: string): Promise<void> {
  const read = lineReader();
  let answered = 0;
  try {
    for (const [i, item] of items.entries()) {
      process.stdout.write(`\n${describe(item, i + 1)}\n`);
      const answer = await ask(item, read);
      if (answer === 'quit') break;
      if (answer === 'skip') continue;
      // Written at once, so that stopping (Ctrl-C) loses nothing already answered.
      await appendFile(correctionsPath, correctionYaml(item, answer));
      answered++;
    }
  } finally {
    read.close();
  }
  process.stdout.write(`\n${answered} answer${answered === 1 ? '' : 's'} written to ${correctionsPath}\n`);
}

/** The corrections file's text, ending in a line break, or '' when there is none yet. */
async function correctionsText(path: string): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    if (text && !text.endsWith('\n')) await appendFile(path, '\n');
    return text;
  } catch {
    return '';
  }
}

async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const correctionsPath = join(options.dir, CORRECTIONS_FILE);
  const corrections = parseCorrectionsFile(await correctionsText(correctionsPath), correctionsPath);
  const { archive } = await loadArticles(options.dir);
  const fileTexts = new Map(await Promise.all(archive.articles.map(async (r) => [r.source, await readFile(r.source, 'utf8')] as const)));
  const items = reviewQueue(archive, corrections.entries, fileTexts, options);
  if (options.json) process.stdout.write(`${JSON.stringify(items.map(({ words: _, ...item }) => item), null, 1)}\n`);
  else if (options.interactive) await interactive(items, correctionsPath);
  else process.stdout.write(items.length === 0 ? 'Nothing to review.\n' : `${items.map((item) => describe(item)).join('\n\n')}\n`);
  return 0;
}

// `npm run review | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`review: ${error.message}\n`);
  process.exitCode = 2;
}
