// `npm run --silent extract -- FILE...`: prints one JSON array with a record per file. All files of
// one call form the archive, so a dateline's missing year and a bare surname are resolved against
// the others. Problems go to stderr; unreadable input exits non-zero.
import { readFile } from 'node:fs/promises';
import { buildArchive, type ArticleInput } from '../archive/build-archive.ts';
import { formatMessage } from '../read/messages.ts';
import { parsePeopleFile, type PersonEntry } from '../archive/people-file.ts';

async function main(args: string[]): Promise<number> {
  // `--people FILE` names a people file (aliases, roles, Wikidata QIDs) to apply.
  const peopleAt = args.indexOf('--people');
  const peoplePath = peopleAt >= 0 ? args[peopleAt + 1] : undefined;
  const files = args.filter((_, i) => peopleAt < 0 || (i !== peopleAt && i !== peopleAt + 1));
  if (files.length === 0 || (peopleAt >= 0 && !peoplePath)) {
    process.stderr.write('usage: npm run --silent extract -- [--people people.yml] FILE...\n');
    return 2;
  }
  let people: PersonEntry[] = [];
  if (peoplePath) {
    const parsed = parsePeopleFile(await readFile(peoplePath, 'utf8'), peoplePath);
    for (const m of parsed.messages) process.stderr.write(formatMessage(m) + '\n');
    if (parsed.messages.some((m) => m.severity === 'error')) return 1;
    people = parsed.people;
  }
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
  const archive = buildArchive(inputs, { people });
  for (const m of archive.messages) if (m.severity === 'error') process.stderr.write(formatMessage(m) + '\n');
  // Records in the order the files were given, as tools that pair them with their inputs expect.
  const order = new Map(files.map((f, i) => [f, i]));
  const records = [...archive.articles].sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
  process.stdout.write(JSON.stringify(records) + '\n');
  return unreadable > 0 || archive.messages.some((m) => m.severity === 'error') ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
