// The files of a built site and the URLs they are served at; a tiny RFC 4180 CSV reader.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function siteFiles(dir: string, extension = '.html'): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The root-relative URL a built file is served at: `articles/x/index.html` → `/articles/x/`. */
export function urlOfFile(dir: string, file: string): string {
  return `/${relative(dir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Parses RFC 4180 CSV: fields separated by commas, records by CRLF, a field in double quotes may
 * hold commas, line breaks and doubled quotes. Throws on anything else, so the test sees bad CSV.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] !== '"') {
      const end = text.slice(i).search(/[,\r\n]/);
      const value = end === -1 ? text.slice(i) : text.slice(i, i + end);
      if (value.includes('"')) throw new Error(`a quote mark in an unquoted field at ${i}`);
      i += value.length;
      return value;
    }
    let value = '';
    i++;
    for (;;) {
      const next = text.indexOf('"', i);
      if (next === -1) throw new Error('an unclosed quoted field');
      value += text.slice(i, next);
      i = next + 1;
      if (text[i] === '"') {
        value += '"';
        i++;
      } else return value;
    }
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
      continue;
    }
    if (i >= text.length) break;
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
