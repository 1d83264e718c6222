// `npm run --silent extract -- FILE...`: prints one JSON array with a record per file. All files of
// one call form the archive, so a dateline's missing year and a bare surname are resolved against
// the others. Problems go to stderr; unreadable input exits non-zero.
import { readFile } from 'node:fs/promises';
import { buildArchive, type ArticleInput } from '../archive/build-archive.ts';
import { formatMessage } from '../read/messages.ts';
import { parsePeopleFile } from '../archive/people-file.ts';
import type { Message } from '../record.ts';
import { parseCorrectionsFile } from '../archive/corrections-file.ts';

/** The value after a flag (`--people FILE`), and the arguments without the flag and its value. */
function takeOption(args: string[], flag: string): { value: string | undefined; given: boolean; rest: string[] } {
  const at = args.indexOf(flag);
  if (at < 0) return { value: undefined, given: false, rest: args };
  return { value: args[at + 1], given: true, rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

/** A people or corrections file given on the command line, its problems printed; null when it has errors. */
async function readOptionFile<T extends { messages: Message[] }>(path: string, parse: (text: string, path: string) => T): Promise<T | null> {
  const parsed = parse(await readFile(path, 'utf8'), path);
  for (const m of parsed.messages) process.stderr.write(formatMessage(m) + '\n');
  return parsed.messages.some((m) => m.severity === 'error') ? null : parsed;
}

async function main(args: string[]): Promise<number> {
  // `--people FILE` names a people file (aliases, roles, Wikidata QIDs) to apply, `--corrections FILE`
  // the editor's corrections.
  const peopleOption = takeOption(args, '--people');
  const correctionsOption = takeOption(peopleOption.rest, '--corrections');
  const files = correctionsOption.rest;
  if (files.length === 0 || (peopleOption.given && !peopleOption.value) || (correctionsOption.given && !correctionsOption.value)) {
    process.stderr.write('usage: npm run --silent extract -- [--people people.yml] [--corrections corrections.yml] FILE...\n');
    return 2;
  }
  const people = peopleOption.value ? await readOptionFile(peopleOption.value, parsePeopleFile) : { people: [] };
  const corrections = correctionsOption.value ? await readOptionFile(correctionsOption.value, parseCorrectionsFile) : { entries: [] };
  if (people === null || corrections === null) return 1;
  const inputs: ArticleInput[] = [];
  let unreadable = 0;
  for (const path of files) {
    try {
      inputs.push({ path, bytes: await readFile(path) });
    } catch (cause) {
      unreadable++;
      process.stderr.write(`${path}:1:1: error: cannot read the file (${(cause as NodeJS.ErrnoException).code ?? String(cause)}); check the path and its permissions\n`);
    }
  }
  const archive = buildArchive(inputs, { people: people.people, corrections: corrections.entries });
  for (const m of archive.messages) if (m.severity === 'error' || m.file === correctionsOption.value) process.stderr.write(formatMessage(m) + '\n');
  // Records in the order the files were given, as tools that pair them with their inputs expect.
  const order = new Map(files.map((f, i) => [f, i]));
  const records = [...archive.articles].sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
  process.stdout.write(JSON.stringify(records) + '\n');
  return unreadable > 0 || archive.messages.some((m) => m.severity === 'error') ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
