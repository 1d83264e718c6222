// The corrections file (`corrections.yml` beside the articles): the editor's last word on who said
// what. Each entry finds a quote of an article by its words and says who said it, that it is no
// quote, or its kind; or adds a quote the extractor missed. Problems are messages at the entry's
// line and column, like an article's; only malformed YAML is an error (the build stops).
import YAML, { isMap, isSeq, type Node } from 'yaml';
import type { Message, QuoteKind } from '../record.ts';
import { lineColumn, message } from '../read/messages.ts';

export const CORRECTIONS_FILE = 'corrections.yml';

export interface CorrectionEntry {
  /** The article's slug or its file name. */
  article: string;
  /** Words of an extracted quote, enough to tell it from the article's others. */
  quote: string | null;
  /** Words of a quote the extractor missed, exactly as in the text. */
  add: string | null;
  /** Who said it: a name or a person id; null when the text does not say; undefined when the entry does not say. */
  speaker?: string | null;
  notAQuote: boolean;
  kind: QuoteKind | null;
  /** The editor checked the extractor's speaker and kept it (written by `npm run review`). */
  kept: boolean;
  note: string | null;
  by: string | null;
  /** Where the entry starts in the corrections file. */
  file: string;
  line: number;
  column: number;
}

const KEYS = new Set(['article', 'quote', 'add', 'speaker', 'not-a-quote', 'kind', 'kept', 'note', 'by']);

export interface ParsedCorrections {
  entries: CorrectionEntry[];
  messages: Message[];
}

export function parseCorrectionsFile(text: string, file: string): ParsedCorrections {
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const at = (node: Node | null | undefined) => lineColumn(text, node?.range?.[0] ?? 0);
  const syntax = doc.errors[0];
  if (syntax) {
    const reason = `The corrections file is not valid YAML (${syntax.message.split('\n')[0]}); fix it at this line, or remove the entry`;
    return { entries: [], messages: [message('error', 'malformed-corrections-file', reason, file, lineColumn(text, syntax.pos[0]))] };
  }
  if (doc.contents === null) return { entries: [], messages: [] };
  if (!isSeq(doc.contents)) {
    return { entries: [], messages: [message('error', 'malformed-corrections-file', 'The corrections file must be a list of entries, each starting with `- article:`', file, at(doc.contents))] };
  }
  const messages: Message[] = [];
  const entries: CorrectionEntry[] = [];
  for (const item of doc.contents.items) {
    const entry = readEntry(item as Node, file, at, messages);
    if (entry) entries.push(entry);
  }
  return { entries, messages };
}

type At = (node: Node | null | undefined) => { line: number; column: number };

function readEntry(item: Node, file: string, at: At, messages: Message[]): CorrectionEntry | null {
  const place = at(item);
  const warn = (ruleId: string, reason: string, node: Node | null | undefined = item) => messages.push(message('warning', ruleId, reason, file, at(node)));
  if (!isMap(item)) {
    warn('invalid-correction', 'A correction is a map of keys (`article:`, `quote:`, `speaker:` …); this entry was skipped');
    return null;
  }
  const values = new Map<string, unknown>();
  for (const pair of item.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
    if (!KEYS.has(key)) warn('unknown-correction-key', `Unknown key \`${key}\` in a correction; the keys are ${[...KEYS].join(', ')}`, pair.key as Node);
    else values.set(key, (pair.value as { value?: unknown } | null)?.value ?? null);
  }
  const text = (key: string): string | null => {
    const v = values.get(key);
    return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
  };
  const article = text('article');
  const quote = text('quote');
  const add = text('add');
  if (!article || (!quote && !add) || (quote && add)) {
    warn('invalid-correction', 'A correction needs `article:` and either `quote:` (words of a quote) or `add:` (a missed quote); this entry was skipped');
    return null;
  }
  const kind = text('kind');
  if (kind && kind !== 'direct' && kind !== 'partial') warn('invalid-correction', `\`kind: ${kind}\` is neither direct nor partial; the kind was left as extracted`);
  const entry: CorrectionEntry = {
    article,
    quote,
    add,
    notAQuote: values.get('not-a-quote') === true,
    kind: kind === 'direct' || kind === 'partial' ? kind : null,
    kept: values.get('kept') === true,
    note: text('note'),
    by: text('by'),
    file,
    ...place,
  };
  if (values.has('speaker')) entry.speaker = text('speaker');
  return entry;
}
