// The archive for other tools: Atom and JSON Feed of the newest articles, a sitemap, robots.txt,
// the records as JSON and the quotes as CSV. Article text is data in every one of them: escaped
// in XML, a string in JSON, a quoted cell in CSV, never markup.
import { stringify } from 'csv-stringify/sync';
import { isCorrected } from './attribution.ts';
import type { ArticleRecord } from '../record.ts';
import { absoluteUrl, SITE_NAME } from './config.ts';
import { feedTimestamp } from './dates.ts';
import { externalUrl } from './external-url.ts';
import { escapeHtml } from './html.ts';
import { quoteDate, type QuoteInArticle, type SiteModel } from './site-model.ts';
import { displayTitle } from './titles.ts';
import {
  ABOUT_URL,
  articleUrl,
  ATOM_FEED_URL,
  DATES_URL,
  HOME_URL,
  JSON_FEED_URL,
  monthUrl,
  quotePageUrl,
  SEARCH_URL,
  SITEMAP_URL,
  sitemapPartUrl,
  speakerFeedUrl,
  speakerUrl,
  SPEAKERS_BY_COUNT_URL,
  SPEAKERS_URL,
} from './urls.ts';
import { listing } from './words.ts';

/** Articles in each feed: the newest dated ones (a feed entry must have a date). */
export const FEED_SIZE = 50;
const SUMMARY_WORDS = 60;
const FEED_DESCRIPTION = 'News articles and who is quoted in them, newest first.';

/** Characters XML 1.0 does not allow at all (most control characters, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for XML content or a quoted attribute: disallowed characters dropped, the rest escaped. */
export function xmlText(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''));
}

/** The articles in the feeds, newest first. */
export function feedArticles(model: SiteModel): ArticleRecord[] {
  return model.articles.filter((a) => feedTimestamp(a.date) !== null).slice(0, FEED_SIZE);
}

/** A plain-text summary: the first words of the text, and who is quoted. */
export function articleSummary(model: SiteModel, article: ArticleRecord): string {
  const first = article.paragraphs.find((p) => p.role === 'body' && p.text.trim() !== '');
  const words = first ? first.text.trim().split(/\s+/) : [];
  const opening = words.length > SUMMARY_WORDS ? `${words.slice(0, SUMMARY_WORDS).join(' ')}…` : words.join(' ');
  const names = model.quotedIn(article).filter((p) => p.kind !== 'unnamed').map((p) => p.name);
  const quoted = names.length > 0 ? `Quotes from ${listing(names)}.` : '';
  return [opening, quoted].filter(Boolean).join(' ');
}

/** One Atom entry: text only, every field escaped as XML text. */
export interface AtomEntry {
  title: string;
  url: string;
  /** RFC 3339. */
  when: string;
  summary: string;
  related?: string | null;
  author?: string | null;
  categories?: Array<{ term: string; label: string }>;
}

/** An Atom document: the one writer of the site's feed and every speaker's. Text is `type="text"`, never markup. */
export function atomDocument(feed: { title: string; subtitle: string; id: string; self: string; alternate: string; entries: AtomEntry[] }): string {
  const updated = feed.entries[0]?.when ?? '1970-01-01T00:00:00Z';
  const entries = feed.entries.map((e) =>
    [
      '<entry>',
      `<title type="text">${xmlText(e.title)}</title>`,
      `<id>${xmlText(e.url)}</id>`,
      `<link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>`,
      ...(e.related ? [`<link rel="related" href="${xmlText(e.related)}"/>`] : []),
      `<published>${e.when}</published>`,
      `<updated>${e.when}</updated>`,
      ...(e.author ? [`<author><name>${xmlText(e.author)}</name></author>`] : []),
      ...(e.categories ?? []).map((c) => `<category term="${xmlText(c.term)}" label="${xmlText(c.label)}" scheme="${xmlText(absoluteUrl(SPEAKERS_URL))}"/>`),
      `<summary type="text">${xmlText(e.summary)}</summary>`,
      '</entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `<title>${xmlText(feed.title)}</title>`,
    `<subtitle>${xmlText(feed.subtitle)}</subtitle>`,
    `<id>${xmlText(feed.id)}</id>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${xmlText(SITE_NAME)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function atomFeed(model: SiteModel): string {
  const entries = feedArticles(model).map((article) => ({
    title: displayTitle(article).text,
    url: absoluteUrl(articleUrl(article.slug)),
    when: feedTimestamp(article.date)!,
    summary: articleSummary(model, article),
    related: externalUrl(article.url),
    author: article.author,
    categories: model.quotedIn(article).filter((p) => p.kind !== 'unnamed').map((p) => ({ term: p.id, label: p.name })),
  }));
  return atomDocument({ title: SITE_NAME, subtitle: FEED_DESCRIPTION, id: absoluteUrl(HOME_URL), self: absoluteUrl(ATOM_FEED_URL), alternate: absoluteUrl(HOME_URL), entries });
}

/** Quotes in a speaker's feed: the newest dated ones. */
export const SPEAKER_FEED_SIZE = 50;

/** A speaker's newest quotes as Atom: one entry per quote, linking to the quote's page. */
export function speakerAtomFeed(person: { id: string; name: string }, quotes: readonly QuoteInArticle[]): string {
  const dated = quotes.filter((item) => feedTimestamp(quoteDate(item)) !== null).slice(0, SPEAKER_FEED_SIZE);
  const entries = dated.map((item) => {
    const words = item.quote.text.split(/\s+/);
    return {
      title: `“${words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : item.quote.text}”`,
      url: absoluteUrl(quotePageUrl(item.article.slug, item.quote.id)),
      when: feedTimestamp(quoteDate(item))!,
      summary: `“${item.quote.text}” — ${person.name}, quoted in “${displayTitle(item.article).text}”.`,
      related: absoluteUrl(articleUrl(item.article.slug)),
    };
  });
  const page = absoluteUrl(speakerUrl(person.id));
  return atomDocument({ title: `${person.name} · ${SITE_NAME}`, subtitle: `The newest quotes of ${person.name} in ${SITE_NAME}.`, id: page, self: absoluteUrl(speakerFeedUrl(person.id)), alternate: page, entries });
}

export function jsonFeed(model: SiteModel): string {
  const items = feedArticles(model).map((article) => {
    const url = absoluteUrl(articleUrl(article.slug));
    const original = externalUrl(article.url);
    const summary = articleSummary(model, article);
    return {
      id: url,
      url,
      ...(original ? { external_url: original } : {}),
      title: displayTitle(article).text,
      content_text: summary,
      summary,
      date_published: feedTimestamp(article.date),
      ...(article.author ? { authors: [{ name: article.author }] } : {}),
      tags: model.quotedIn(article).filter((p) => p.kind !== 'unnamed').map((p) => p.name),
    };
  });
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: SITE_NAME,
    home_page_url: absoluteUrl(HOME_URL),
    feed_url: absoluteUrl(JSON_FEED_URL),
    description: FEED_DESCRIPTION,
    language: 'en',
    items,
  };
  return `${JSON.stringify(feed, null, 1)}\n`;
}

/** The most addresses one sitemap file may hold (sitemaps.org); more are split under an index. */
export const SITEMAP_LIMIT = 50_000;

interface SitemapEntry {
  path: string;
  lastmod?: string | null;
}

/** Every page worth finding, with the date of the articles. */
function sitemapEntries(model: SiteModel): SitemapEntry[] {
  return [
    { path: HOME_URL, lastmod: model.articles[0]?.date ?? null },
    { path: SPEAKERS_URL },
    { path: SPEAKERS_BY_COUNT_URL },
    { path: DATES_URL },
    { path: SEARCH_URL },
    { path: ABOUT_URL },
    ...model.articles.map((a) => ({ path: articleUrl(a.slug), lastmod: a.date })),
    ...model.quotes.map(({ article, quote }) => ({ path: quotePageUrl(article.slug, quote.id), lastmod: article.date })),
    ...model.people.map((p) => ({ path: speakerUrl(p.id) })),
    ...model.months.map((m) => ({ path: monthUrl(m.key) })),
  ];
}

/** The sitemap's parts: one when it fits in one file. */
export function sitemapParts(model: SiteModel, limit = SITEMAP_LIMIT): SitemapEntry[][] {
  const entries = sitemapEntries(model);
  const parts: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += limit) parts.push(entries.slice(i, i + limit));
  return parts.length > 0 ? parts : [[]];
}

function urlset(entries: SitemapEntry[]): string {
  const urls = entries.map(
    ({ path, lastmod }) => `<url><loc>${xmlText(absoluteUrl(path))}</loc>${lastmod && feedTimestamp(lastmod) ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** `/sitemap.xml`: the addresses themselves, or an index of the parts when there are too many. */
export function sitemap(model: SiteModel, limit = SITEMAP_LIMIT): string {
  const parts = sitemapParts(model, limit);
  if (parts.length === 1) return urlset(parts[0]!);
  const items = parts.map((_, i) => `<sitemap><loc>${xmlText(absoluteUrl(sitemapPartUrl(i + 1)))}</loc></sitemap>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...items, '</sitemapindex>', ''].join('\n');
}

/** One part of a split sitemap, numbered from 1. */
export function sitemapPart(model: SiteModel, n: number, limit = SITEMAP_LIMIT): string {
  return urlset(sitemapParts(model, limit)[n - 1] ?? []);
}

/** Crawlers may read everything; the sitemap says where it all is. Only read at the root of a host. */
export function robotsTxt(): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_URL)}\n`;
}

/**
 * Every article record, exactly as extracted, newest first: the JSON of the array, in pieces, so
 * that the whole text (200 MB at 20,000 articles) is never in memory at once; `json` makes a
 * record's JSON (JSON.stringify by default).
 */
export function* articlesJson(model: SiteModel, json: (record: ArticleRecord) => string = (record) => JSON.stringify(record)): Generator<string> {
  yield '[';
  let first = true;
  for (const article of model.articles) {
    yield `${first ? '' : ','}${json(article)}`;
    first = false;
  }
  yield ']\n';
}

export const CSV_COLUMNS = ['id', 'text', 'speaker_id', 'speaker_name', 'kind', 'date', 'article_slug', 'article_title', 'url', 'corrected', 'statement'] as const;

/** Spreadsheets run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would take for a formula gets a leading apostrophe. */
const defused = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * One RFC 4180 row (csv-stringify): a cell holding a quote mark, comma or line break is quoted with
 * its quote marks doubled; a lone CR or LF counts as a line break, which csv-stringify leaves alone
 * unless told.
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/, cast: { string: defused } } as const;

/**
 * Rows written at once: csv-stringify checks its options on every call, which a call per row made
 * cost as much as writing the rows (0.7 s of a rebuild at 5,000 articles).
 */
const CSV_BATCH = 512;

/** Every quote, one row each, in the order of the site (newest article first, text order), a batch of rows at a time. */
export function* quotesCsv(model: SiteModel): Generator<string> {
  let rows: string[][] = [[...CSV_COLUMNS]];
  for (const item of model.quotes) {
    rows.push(quoteRow(model, item));
    if (rows.length >= CSV_BATCH) {
      yield stringify(rows, CSV_OPTIONS);
      rows = [];
    }
  }
  if (rows.length > 0) yield stringify(rows, CSV_OPTIONS);
}

function quoteRow(model: SiteModel, item: QuoteInArticle): string[] {
  const { article, quote } = item;
  return [
    quote.id,
    quote.text,
    quote.speakerId ?? '',
    model.person(quote.speakerId)?.name ?? '',
    quote.kind,
    quoteDate(item) ?? '',
    article.slug,
    displayTitle(article).text,
    absoluteUrl(quotePageUrl(article.slug, quote.id)),
    // "yes" when the editor corrected the attribution (articles.json keeps what the extractor said).
    isCorrected(quote.attribution) ? 'yes' : '',
    // One id for every report of a statement across articles (src/archive/statements.ts).
    quote.statement ?? '',
  ];
}
