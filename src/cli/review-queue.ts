// What `npm run review` lists: the quotes whose attribution is least certain, each with its place
// in its file, and the words a correction needs to find it again. Pure functions of the archive
// and the corrections file, so that the command only reads, prints and appends.
import type { Archive, ArticleRecord, Quote } from '../record.ts';
import { lineColumn } from '../read/messages.ts';
import { articleFinder, findWords, quotesWithWords, wordsWithOffsets } from '../archive/apply-corrections.ts';
import type { CorrectionEntry } from '../archive/corrections-file.ts';

export interface ReviewItem {
  file: string;
  line: number;
  column: number;
  /** The article's slug. */
  article: string;
  /** The quote's id. */
  quote: string;
  text: string;
  speaker: string | null;
  confidence: number;
  alternatives: Array<{ name: string | null; score: number }>;
  /** The fewest words from the quote's start that find it alone among its article's quotes. */
  words: string;
}

export interface ReviewOptions {
  limit: number;
  below: number;
}

/** Quotes an entry of the corrections file already finds: reviewed, not to be asked again. */
function reviewedQuotes(archive: Archive, entries: CorrectionEntry[]): Set<Quote> {
  const reviewed = new Set<Quote>();
  const articleFor = articleFinder(archive.articles);
  for (const entry of entries) {
    const record = articleFor(entry.article);
    const words = entry.quote ?? entry.add;
    if (!record || !words) continue;
    for (const q of quotesWithWords(record, words)) reviewed.add(q);
  }
  return reviewed;
}

/** The words from the quote's start, six at least, until no other quote of the article has them. */
export function identifyingWords(record: ArticleRecord, quote: Quote): string {
  const own = wordsWithOffsets(quote.text);
  for (let n = Math.min(6, own.length); n <= own.length; n++) {
    const text = quote.text.slice(own[0]!.start, own[n - 1]!.end);
    const wanted = own.slice(0, n).map((w) => w.text);
    if (record.quotes.every((q) => q === quote || findWords(wordsWithOffsets(q.text), wanted) < 0)) return text;
  }
  return quote.text;
}

/** The least certain quotes first, those the editor has not reviewed, at most `limit`, under `below`. */
export function reviewQueue(archive: Archive, entries: CorrectionEntry[], fileTexts: Map<string, string>, options: ReviewOptions): ReviewItem[] {
  const reviewed = reviewedQuotes(archive, entries);
  const names = new Map(archive.people.map((p) => [p.id, p.name]));
  const items = archive.articles.flatMap((record) =>
    record.quotes
      .filter((q) => q.attribution.rule !== 'correction' && !q.attribution.confirmed && !reviewed.has(q) && q.attribution.confidence < options.below)
      .map((q) => ({ record, q })),
  );
  items.sort((a, b) => a.q.attribution.confidence - b.q.attribution.confidence || a.q.id.localeCompare(b.q.id));
  return items.slice(0, options.limit).map(({ record, q }) => {
    const fileText = fileTexts.get(record.source) ?? record.body;
    const bodyAt = Math.max(0, fileText.indexOf(record.body));
    const place = lineColumn(fileText, bodyAt + q.start);
    const speaker = q.speakerId ? names.get(q.speakerId) ?? record.speakers.find((s) => s.id === q.speakerId)?.name ?? q.speakerId : null;
    return {
      file: record.source,
      ...place,
      article: record.slug,
      quote: q.id,
      text: q.text,
      speaker,
      confidence: q.attribution.confidence,
      alternatives: q.attribution.alternatives.map((a) => ({ name: a.name, score: a.score })),
      words: identifyingWords(record, q),
    };
  });
}

/** A correction entry as YAML, ready to append to the corrections file. */
export function correctionYaml(item: ReviewItem, answer: { speaker?: string | null; notAQuote?: boolean; kept?: boolean }): string {
  const lines = [`- article: ${JSON.stringify(item.article)}`, `  quote: ${JSON.stringify(item.words)}`];
  if (answer.notAQuote) lines.push('  not-a-quote: true');
  else if (answer.speaker !== undefined) lines.push(`  speaker: ${answer.speaker === null ? 'null' : JSON.stringify(answer.speaker)}`);
  if (answer.kept) lines.push('  kept: true');
  lines.push('  by: review');
  return `${lines.join('\n')}\n`;
}
