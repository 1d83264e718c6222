// The optional people file (`people.yml` beside the articles) lets an editor say who is who:
// merge a mistranslated name into the right person ("Sands" is Peskov), rename someone, add roles
// and an identifier such as a Wikidata QID. Extraction works without it; it only overrides.
import yaml from 'js-yaml';
import type { Message } from '../record.ts';
import { message } from '../read/messages.ts';
import { slugify } from '../extract/resolve-speakers.ts';

export interface PersonEntry {
  name: string;
  aliases: string[];
  roles: string[];
  wikidata: string | null;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function parsePeopleFile(text: string, file: string): { people: PersonEntry[]; messages: Message[] } {
  const messages: Message[] = [];
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (cause) {
    const mark = (cause as { mark?: { line?: number; column?: number } }).mark;
    messages.push(message('error', 'malformed-people-file', `The people file is not valid YAML (${(cause as Error).message.split('\n')[0]}); fix it or remove it`, file, { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 }));
    return { people: [], messages };
  }
  if (data == null) return { people: [], messages };
  if (!Array.isArray(data)) {
    messages.push(message('error', 'malformed-people-file', 'The people file must be a list of people, each with a `name`', file));
    return { people: [], messages };
  }
  const people: PersonEntry[] = [];
  data.forEach((entry: unknown, i) => {
    const e = entry as Record<string, unknown>;
    if (!e || typeof e !== 'object' || typeof e.name !== 'string' || !e.name.trim()) {
      messages.push(message('error', 'invalid-person', `Entry ${i + 1} of the people file needs a \`name\``, file));
      return;
    }
    const wikidata = e.wikidata == null ? null : String(e.wikidata);
    if (wikidata !== null && !/^Q\d+$/.test(wikidata)) messages.push(message('warning', 'invalid-wikidata', `"${wikidata}" for ${e.name} is not a Wikidata QID (Q followed by digits)`, file));
    people.push({
      name: e.name.trim(),
      aliases: isStringList(e.aliases) ? e.aliases : [],
      roles: isStringList(e.roles) ? e.roles : [],
      wikidata: wikidata && /^Q\d+$/.test(wikidata) ? wikidata : null,
    });
  });
  return { people, messages };
}

/** A lookup from any name or alias (case-insensitive) to the entry that owns it. */
export function peopleIndex(people: PersonEntry[]): Map<string, PersonEntry & { id: string }> {
  const index = new Map<string, PersonEntry & { id: string }>();
  for (const p of people) {
    const withId = { ...p, id: slugify(p.name) };
    for (const key of [p.name, ...p.aliases]) index.set(key.toLowerCase(), withId);
  }
  return index;
}
