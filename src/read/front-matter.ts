// Front matter: gray-matter splits it off, js-yaml reads it with the core schema (so that a date
// stays the string the editor wrote and `2015-13-45` is not silently rolled over into 2016), and a
// small schema checks each field. Problems become messages; the body is never lost.
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { Message } from '../record.ts';
import { lineColumn, message } from './messages.ts';
import { parseEdtf } from './edtf.ts';

export interface FrontMatter {
  title?: string;
  /** EDTF publication date. */
  date?: string;
  dateline?: string;
  slug?: string;
  outlet?: string;
  url?: string;
  author?: string;
}

export interface SplitArticle {
  data: FrontMatter;
  hasFrontMatter: boolean;
  /** The text after the front matter block. */
  body: string;
  /** Where the body starts in the file, to turn body offsets into file lines. */
  bodyOffset: number;
  messages: Message[];
}

type FieldCheck = (value: unknown) => string | null;

const isText: FieldCheck = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'must be non-empty text');
const FIELDS: Record<keyof FrontMatter, FieldCheck> = {
  title: isText,
  date: (v) => {
    if (typeof v !== 'string' && typeof v !== 'number') return 'must be a date such as 2015-10-14, 2015-09 or 2015';
    return parseEdtf(String(v)) ? null : `"${String(v)}" is not a real date: write YYYY-MM-DD, YYYY-MM or YYYY`;
  },
  dateline: isText,
  slug: (v) =>
    typeof v === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v)
      ? null
      : 'must be lowercase letters, digits and single hyphens (it becomes a URL and a file name)',
  outlet: isText,
  url: (v) => (typeof v === 'string' && /^https?:\/\/\S+$/.test(v) ? null : 'must be an http(s) URL'),
  author: isText,
};

const yamlEngine = (source: string): object => {
  const data = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  return data && typeof data === 'object' && !Array.isArray(data) ? data : {};
};

function fieldLine(raw: string, key: string): { line: number; column: number } {
  const at = raw.search(new RegExp(`^${key}\\s*:`, 'm'));
  return lineColumn(raw, at < 0 ? 0 : at);
}

function checkFields(raw: Record<string, unknown>, text: string, file: string, messages: Message[]): FrontMatter {
  const data: FrontMatter = {};
  for (const [key, value] of Object.entries(raw)) {
    const check = FIELDS[key as keyof FrontMatter];
    const place = fieldLine(text, key);
    if (!check) {
      messages.push(message('warning', 'unknown-field', `Unknown front matter field "${key}" is ignored; known fields: ${Object.keys(FIELDS).join(', ')}`, file, place));
      continue;
    }
    const problem = check(value);
    if (problem) {
      messages.push(message('error', 'invalid-field', `Front matter field "${key}" ${problem}`, file, place));
      continue;
    }
    (data as Record<string, string>)[key] = String(value).trim();
  }
  return data;
}

export function splitFrontMatter(text: string, file: string): SplitArticle {
  const messages: Message[] = [];
  if (!/^---[ \t]*\n/.test(text)) return { data: {}, hasFrontMatter: false, body: text, bodyOffset: 0, messages };
  try {
    // An options object also turns off gray-matter's cache, which would share results between files.
    const parsed = matter(text, { engines: { yaml: yamlEngine } });
    const bodyOffset = text.length - parsed.content.length;
    const data = checkFields(parsed.data as Record<string, unknown>, text, file, messages);
    return { data, hasFrontMatter: true, body: parsed.content, bodyOffset, messages };
  } catch (cause) {
    const mark = (cause as { mark?: { line?: number; column?: number } }).mark;
    const place = mark ? { line: (mark.line ?? 0) + 2, column: (mark.column ?? 0) + 1 } : { line: 1, column: 1 };
    const reason = (cause as Error).message.split('\n')[0] ?? 'unreadable';
    messages.push(message('error', 'malformed-front-matter', `Front matter is not valid YAML (${reason}); fix it or remove the --- block`, file, place));
    return { data: {}, hasFrontMatter: true, body: text, bodyOffset: 0, messages };
  }
}
