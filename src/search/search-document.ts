// What the search index holds, built from the records (never from the site's pages): one Pagefind
// page per article, written as a small HTML document so that Pagefind records where each quote
// starts. One Pagefind page per quote would cost every search a metadata file that grows with the
// number of pages: 526 KB at 10,000 articles (65,000 quotes) before the first result. One page per
// article keeps it near 100 KB and still lets every hit be a quote:
//
//   <h1 id="HEAD">headline</h1>          the article's title and, in its id, its date
//   <p>text around the quotes</p>…       each paragraph a quote stands in, the quotes cut out (…)
//   <p id="QUOTE">quoted words</p>…      one element per quote, in text order
//
// Pagefind reports every element with an id as an anchor (id, text, word position) in the page's
// fragment, and the word positions of every match; the search page maps each match to the quote
// (or the surrounding text) it falls in. Ids are never indexed as words, so the data a result needs
// travels in them instead of in metadata, which Pagefind indexes (a speaker's name there would make
// every article match it):
//
//   QUOTE = anchor | speaker id | speaker name | kind | date [| statement]   (each part encodeURIComponent-ed)
//   HEAD  = "a" | article date | article date as shown
//
// `anchor` is the quote's fragment id on its article page, `kind` is `d` (direct) or `p`
// (partial), and `date` is the quote's own EDTF date when it differs from the article's, else
// empty; `statement` is there only for a quote whose statement other articles report too
// (src/archive/statements.ts), so that the page can show its reports as one result.
// The format (ids, marks, filter and file names) is defined once, in templates/assets/search-core.js,
// which the search page runs; this module imports it.
//
// Only the paragraphs that hold a quote are searchable as text around the quotes: the words a
// reader sees next to a quote, without the background paragraphs that make up most of a news
// article (and, at 10,000 articles, more than half of the word index).
//
// Filters (speaker, date, kind, outlet, article) and the one sort (date) are per article:
// they narrow the articles, and the search page keeps only the quotes of a result that match them.
// The filter menus count quotes, not articles: see quoteCounts.
import type { Archive, ArticleRecord, Paragraph, Quote, QuoteSpan } from '../record.ts';
import { parseEdtf } from '../read/edtf.ts';
import { displayDate } from '../site/dates.ts';
import { html, type SafeHtml } from '../site/html.ts';
import { siteModel, type SiteModel } from '../site/site-model.ts';
import { displayTitle } from '../site/titles.ts';
import { recordHash } from '../site/page-inputs.ts';
import { startHash } from '../io/hash.ts';
import { articleUrl, quoteAnchor } from '../site/urls.ts';
import * as wire from '../../templates/assets/search-core.js';

export const { PART_SEPARATOR, EVERY_ARTICLE_WORD, COMMON_WORD_MARK, COMMON_WORDS, FILTER, QUOTE_COUNTS_FILE, shardOf } = wire;

/** The paragraphs whose words are searchable as "text around the quotes"; furniture never is. */
const TEXT_ROLES = new Set<Paragraph['role']>(['body', 'subheading', 'caption', 'dateline']);

/** What stands in the surrounding text where a quote was cut out. */
const CUT = '…';

/**
 * Sort value of an undated article: Pagefind drops a page without a sort value from sorted results.
 * Undated articles are in a bundle of their own (search-bundles.ts), which the page reads last.
 */
export const UNDATED_SORT = '0000';

/**
 * A word every article has, in a metadata field of its own: a search by filters alone asks for it.
 * Pagefind 1.5.2 answers a search without words (`search(null, …)`) by loading every chunk of the
 * word index (3.9 MB at 10,000 articles); this word's chunk, one entry per article, is 0.4 KB.
 */
export const EVERY_ARTICLE_META = 'every';

/**
 * The commonest short words are indexed with a mark in front ("‿the"), in quotes, text and
 * headline alike. Pagefind 1.5.2 looks a searched word up by the ranges of its word-index chunks,
 * and when the word falls between two ranges (as an unstemmed word often does: "isis" is indexed as
 * "isi") it loads every chunk that may hold a prefix of it instead: "isis" fetched the chunks of "i"
 * and "is" (52 KB at 10,000 articles) besides its own 11 KB, "official" the 77 KB chunk of "of".
 * Marked, these words sort after every letter and are no word's prefix, so no search loads them
 * unless it asks for one; the page asks with the same mark (search-core.js `indexWord`) and takes it
 * out of the text it shows. Pagefind keeps U+203F inside words (it is one of its
 * include_characters, and unlike "_" it does not split a word into parts), and news text never has it.
 */
const COMMON = new Set(COMMON_WORDS);

/** The text with a mark before every common word standing alone (not inside "it's" or "in-depth"). */
export function markCommonWords(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}'’\-‐–\u203f])\p{L}+(?![\p{L}\p{N}]|['’\-‐–][\p{L}\p{N}])/gu, (word) =>
    COMMON.has(word.toLowerCase()) ? `${COMMON_WORD_MARK}${word}` : word,
  );
}

/**
 * Filter names. Pagefind keeps each filter in one file that a search using it must load whole, so
 * the two filters with a value per article or per speaker are split over shards named
 * `speaker0…` and `article0…`: choosing one speaker or one article loads one small file.
 */
/** Speakers per speaker shard: about 15 KB of filter file each at 10,000 articles. */
export const SPEAKERS_PER_SHARD = 400;
/** Articles per article shard: about 6 KB of filter file each. */
export const ARTICLES_PER_SHARD = 500;

export interface SearchQuote {
  anchor: string;
  speakerId: string | null;
  speakerName: string | null;
  kind: Quote['kind'];
  /** The quote's own EDTF date, when it differs from the article's. */
  date: string | null;
  /** The statement it reports, when other articles report it too. */
  statement: string | null;
  text: string;
}

export interface SearchDocument {
  url: string;
  slug: string;
  title: string;
  /** The article's EDTF date. */
  date: string | null;
  /** The words around the quotes, paragraph by paragraph, each quote replaced by an ellipsis. */
  text: string[];
  quotes: SearchQuote[];
  filters: Record<string, string[]>;
  sort: { date: string };
  /** The document handed to Pagefind. */
  html: string;
}

/** The anchor id that carries a quote's data to the search page (see the module comment). */
export function quoteAnchorId(quote: SearchQuote): string {
  return wire.quoteAnchorId(quote);
}

export function headAnchorId(date: string | null): string {
  return wire.headAnchorId(date, date === null ? '' : displayDate(date));
}

/** A speaker filter value: the id (which never holds a space once encoded), a space, the name. */
export function speakerFilterValue(id: string, name: string): string {
  return `${encodeURIComponent(id)} ${name}`;
}

/** The date filter value: `2015-10` when the month is known, `2015` when only the year is. */
export function dateFilterValue(edtf: string | null): string | null {
  const d = edtf === null ? null : parseEdtf(edtf);
  if (!d) return null;
  return d.month === null ? String(d.year) : `${d.year}-${String(d.month).padStart(2, '0')}`;
}

/**
 * Shards for `items`: a power of two, so that the count, which every document's filter names
 * depend on, changes when the archive doubles rather than every few hundred articles (a change
 * makes every bundle of the index be indexed again).
 */
export function shardCount(items: number, perShard: number): number {
  const needed = Math.ceil(items / perShard);
  return needed <= 1 ? 1 : 2 ** Math.ceil(Math.log2(needed));
}

const spansOf = (q: Quote): QuoteSpan[] => (q.parts.length > 0 ? q.parts : [{ paragraph: q.paragraph, start: q.start, end: q.end }]);

/** True when a quote stands in (or runs through) the paragraph. */
function holdsQuote(article: ArticleRecord, paragraph: Paragraph): boolean {
  return article.quotes.some((q) => spansOf(q).some((s) => s.start < paragraph.end && s.end > paragraph.start));
}

/** The paragraph's text with every quote part inside it replaced by an ellipsis. */
function textAround(article: ArticleRecord, paragraph: Paragraph): string {
  const cuts = article.quotes
    .flatMap(spansOf)
    .map((s) => ({ start: Math.max(s.start, paragraph.start), end: Math.min(s.end, paragraph.end) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let pos = paragraph.start;
  for (const cut of cuts) {
    if (cut.start < pos) {
      pos = Math.max(pos, cut.end);
      continue;
    }
    out += `${article.body.slice(pos, cut.start)}${CUT}`;
    pos = cut.end;
  }
  return (out + article.body.slice(pos, paragraph.end)).trim();
}

function searchQuote(model: SiteModel, article: ArticleRecord, quote: Quote): SearchQuote {
  const person = model.person(quote.speakerId);
  return {
    anchor: quoteAnchor(quote.id),
    speakerId: person ? person.id : null,
    speakerName: person ? person.name : null,
    kind: quote.kind,
    date: quote.date !== null && quote.date !== article.date ? quote.date : null,
    statement: quote.statement,
    text: quote.text.trim(),
  };
}

/**
 * Pagefind's weight of the words around the quotes and of the headline (a quote's are 1; Pagefind
 * gives a heading 7 of its own): low, so that articles whose quotes have the words rank above those
 * that have them only around the quotes or in the headline, and the page finds its first quotes in
 * the first fragments it loads instead of loading batch after batch.
 */
const AROUND_WEIGHT = '0.25';

function documentHtml(doc: Omit<SearchDocument, 'html'>): string {
  const filters: SafeHtml[] = Object.entries(doc.filters).flatMap(([name, values]) =>
    values.map((value) => html`<span data-pagefind-filter="${name}[data-v]" data-v="${value}"></span>`),
  );
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${doc.title}</title></head><body>
<h1 id="${headAnchorId(doc.date)}" data-pagefind-weight="${AROUND_WEIGHT}">${markCommonWords(doc.title)}</h1>
${filters}<span data-pagefind-sort="date[data-v]" data-v="${doc.sort.date}"></span><span data-pagefind-meta="${EVERY_ARTICLE_META}:${EVERY_ARTICLE_WORD}"></span>
${doc.text.map((t) => html`<p data-pagefind-weight="${AROUND_WEIGHT}">${markCommonWords(t)}</p>\n`)}${doc.quotes.map((q) => html`<p id="${quoteAnchorId(q)}">${markCommonWords(q.text)}</p>\n`)}</body></html>`.value;
}

/** An article's quotes as the index holds them, in text order. */
function searchQuotes(model: SiteModel, article: ArticleRecord): SearchQuote[] {
  return [...article.quotes]
    .filter((q) => q.text.trim() !== '')
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((q) => searchQuote(model, article, q));
}

function searchDocument(model: SiteModel, article: ArticleRecord, settings: SearchSettings): SearchDocument {
  const title = displayTitle(article).text;
  const quotes = searchQuotes(model, article);
  const text = article.paragraphs
    .filter((p) => (TEXT_ROLES.has(p.role) && holdsQuote(article, p)) || (p.role === 'headline' && p.text.trim() !== title))
    .map((p) => textAround(article, p))
    .filter((t) => /[\p{L}\p{N}]/u.test(t.replaceAll(CUT, '')));
  const filters: Record<string, string[]> = {};
  const add = (name: string, value: string | null) => {
    if (value !== null) filters[name] = [...new Set([...(filters[name] ?? []), value])].sort();
  };
  for (const q of quotes) {
    if (q.speakerId && q.speakerName) add(`${FILTER.speaker}${shardOf(q.speakerId, settings.speakerShards)}`, speakerFilterValue(q.speakerId, q.speakerName));
    add(FILTER.date, dateFilterValue(q.date ?? article.date));
    add(FILTER.kind, q.kind);
  }
  add(FILTER.outlet, article.outlet?.trim() || null);
  add(`${FILTER.article}${shardOf(article.slug, settings.articleShards)}`, article.slug);
  const doc = { url: articleUrl(article.slug), slug: article.slug, title, date: article.date, text, quotes, filters, sort: { date: article.date ?? UNDATED_SORT } };
  return { ...doc, html: documentHtml(doc) };
}

/** What the search page needs to know about the index that is not in it: how filters are sharded. */
export interface SearchSettings {
  speakerShards: number;
  articleShards: number;
}

export function searchSettings(archive: Archive): SearchSettings {
  const model = siteModel(archive);
  return { speakerShards: shardCount(model.people.length, SPEAKERS_PER_SHARD), articleShards: shardCount(model.articles.length, ARTICLES_PER_SHARD) };
}

/**
 * The documents to index: one per article that has quotes or text, newest first; of `articles`
 * only, when given (articles of `archive`, whose people and size decide the rest).
 */
export function searchDocuments(archive: Archive, articles?: ArticleRecord[]): SearchDocument[] {
  const model = siteModel(archive);
  const settings = searchSettings(archive);
  return (articles ?? model.articles).map((article) => searchDocument(model, article, settings)).filter((d) => d.quotes.length > 0 || d.text.length > 0);
}

/**
 * What `quoteCounts` reads of the documents of `articles`, made without their text: for a bundle
 * kept from the last build, whose documents are not made again.
 */
export function countingDocuments(archive: Archive, articles: ArticleRecord[]): SearchDocument[] {
  const model = siteModel(archive);
  return articles.map((article) => {
    const outlet = article.outlet?.trim();
    const quotes = searchQuotes(model, article).map((q) => ({ ...q, text: '' }));
    return { url: '', slug: article.slug, title: '', date: article.date, text: [], quotes, filters: outlet ? { [FILTER.outlet]: [outlet] } : {}, sort: { date: '' }, html: '' };
  });
}

/**
 * A key of everything the documents of `articles` are made from: each record, the names of the
 * people it quotes as the archive has them, and how filters are sharded. `version` is the search
 * code's. Equal keys, equal documents: a bundle whose key is the last build's is kept without
 * making its documents.
 */
export function documentsKey(archive: Archive, articles: ArticleRecord[], version: string): string {
  const model = siteModel(archive);
  const hash = startHash().update(`${version}\0${JSON.stringify(searchSettings(archive))}\0`);
  for (const article of articles) {
    hash.update(`${recordHash(article)}\0`);
    for (const quote of article.quotes) hash.update(`${model.person(quote.speakerId)?.name ?? ''}\0`);
  }
  return hash.digest('hex');
}

/**
 * Quotes per filter value over the whole archive: what the filter menus count before a search
 * narrows them (the page counts the quotes it has mapped after that). Written next to the index as
 * QUOTE_COUNTS_FILE and loaded only when the reader opens the filters.
 */
export interface QuoteCounts {
  /** [speaker id, name, quotes], most quoted first. */
  speakers: [string, string, number][];
  /** By date filter value: `2015-10`, or `2015` for quotes dated to the year only. */
  dates: Record<string, number>;
  kinds: Record<string, number>;
  outlets: Record<string, number>;
}

export function quoteCounts(documents: SearchDocument[]): QuoteCounts {
  const speakers = new Map<string, [string, string, number]>();
  const dates: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const outlets: Record<string, number> = {};
  const bump = (record: Record<string, number>, key: string | null | undefined) => {
    if (key) record[key] = (record[key] ?? 0) + 1;
  };
  for (const doc of documents) {
    const outlet = doc.filters[FILTER.outlet]?.[0];
    for (const q of doc.quotes) {
      if (q.speakerId && q.speakerName) {
        const entry = speakers.get(q.speakerId) ?? [q.speakerId, q.speakerName, 0];
        entry[2]++;
        speakers.set(q.speakerId, entry);
      }
      bump(dates, dateFilterValue(q.date ?? doc.date));
      bump(kinds, q.kind);
      bump(outlets, outlet);
    }
  }
  return { speakers: [...speakers.values()].sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1], 'en')), dates, kinds, outlets };
}
