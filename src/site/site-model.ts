// The archive seen from the site: articles in reading order, people by id, each person's quotes
// across the archive, the links between articles and the timeline. Computed once per archive
// object and shared by every template.
import { earliestFirst } from '../archive/statements.ts';
import type { Archive, ArticleRecord, Person, Quote, Speaker } from '../record.ts';
import { compareEdtfNewestFirst, compareNewestFirst, monthOf, yearOf } from './dates.ts';

/** A quote with the article it appears in. */
export interface QuoteInArticle {
  article: ArticleRecord;
  quote: Quote;
}

/** When a quote was said: its own date, else its article's. */
export function quoteDate({ article, quote }: QuoteInArticle): string | null {
  return quote.date ?? article.date;
}

export interface Month {
  /** `2015-09`. */
  key: string;
  /** Articles dated to a day of this month or to the month, oldest first. */
  articles: ArticleRecord[];
  /** Quotes said in this month (their own date, else their article's), oldest first. */
  quotes: QuoteInArticle[];
}

export interface Year {
  year: string;
  /** Newest first. */
  months: Month[];
  /** Articles dated only to the year. */
  yearOnly: ArticleRecord[];
}

export interface CoSpeaker {
  person: Person;
  /** Articles both are quoted in. */
  shared: number;
}

export interface SiteModel {
  /** Newest first, undated last. */
  articles: ArticleRecord[];
  /** Everyone with a page, by name. */
  people: Person[];
  /** Everyone with a page, most quoted first, then by name. */
  peopleByCount: Person[];
  /** Every quote, in the order of `articles` and in text order within an article. */
  quotes: QuoteInArticle[];
  person(id: string | null): Person | undefined;
  article(slug: string): ArticleRecord | undefined;
  quote(id: string): QuoteInArticle | undefined;
  /** An article's quotes in text order. */
  quotesIn(article: ArticleRecord): Quote[];
  /** A person's quotes, newest first by the date they were said, in text order within an article. */
  quotesBy(id: string): QuoteInArticle[];
  /** The articles that quote a person, newest first. */
  articlesQuoting(id: string): ArticleRecord[];
  /** The people quoted in an article, in order of first quote (one frozen list per article). */
  quotedIn(article: ArticleRecord): readonly Person[];
  /** Named people quoted in the same articles as this one, most shared articles first. */
  alsoQuotedWith(id: string): CoSpeaker[];
  /** The next older and next newer article in the order of `articles`. */
  neighbours(article: ArticleRecord): { older: ArticleRecord | undefined; newer: ArticleRecord | undefined };
  /**
   * Up to RELATED_LIMIT articles sharing named speakers with this one, most shared first, then
   * nearest in the order, then newer (among each speaker's nearest articles).
   */
  related(article: ArticleRecord): ArticleRecord[];
  /** Every report of a statement (quotes with one `statement` id), earliest first. */
  reportsOf(statement: string | null): readonly QuoteInArticle[];
  /** The timeline: years newest first. */
  years: Year[];
  /** Every month page, newest first. */
  months: Month[];
  month(key: string): Month | undefined;
  undated: ArticleRecord[];
}

/** How many of a speaker's articles on each side of an article are considered related candidates. */
const RELATED_WINDOW = 25;
/** Related articles shown on an article's page. */
export const RELATED_LIMIT = 5;

/** The index of the first item that is at least `key`, in an ascending list. */
function firstAtOrAfter(items: readonly number[], key: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Every article's related articles at once, by position in the article order: `speakers[i]` are
 * the named speakers of article i, `articlesOf[s]` the positions of speaker s's articles, in
 * order. Candidates are the articles nearest in the order among each speaker's articles, so a
 * speaker quoted in thousands of articles costs a window, not a scan of them all. Positions and
 * one score array reused for every article make this a small part of a build, as every article
 * page (and the key of its inputs) needs it.
 */
function relatedPositions(speakers: readonly (readonly number[])[], articlesOf: readonly (readonly number[])[]): number[][] {
  const score = new Uint32Array(speakers.length);
  return speakers.map((mine, here) => {
    const scored: number[] = [];
    for (const speaker of mine) {
      const theirs = articlesOf[speaker]!;
      const at = firstAtOrAfter(theirs, here);
      const end = Math.min(theirs.length, at + RELATED_WINDOW + 1);
      for (let k = Math.max(0, at - RELATED_WINDOW); k < end; k++) {
        const other = theirs[k]!;
        if (other === here) continue;
        if (score[other] === 0) scored.push(other);
        score[other]! += 1;
      }
    }
    const distance = (i: number) => Math.abs(i - here);
    scored.sort((a, b) => score[b]! - score[a]! || distance(a) - distance(b) || a - b);
    for (const other of scored) score[other] = 0;
    return scored.slice(0, RELATED_LIMIT);
  });
}

/** A speaker an article names but the archive's people list lacks still gets a page. */
function personFromSpeaker(speaker: Speaker): Person {
  return { ...speaker, wikidata: null, articles: [], quoteCount: 0 };
}

function collectPeople(archive: Archive): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const person of archive.people) people.set(person.id, person);
  for (const article of archive.articles) {
    for (const speaker of article.speakers) {
      if (!people.has(speaker.id)) people.set(speaker.id, personFromSpeaker(speaker));
    }
  }
  return people;
}

/** An article's quotes in the order they stand in its text. */
export const inTextOrder = (article: ArticleRecord): Quote[] => [...article.quotes].sort((a, b) => a.start - b.start || a.end - b.end);

function groupQuotes(quotes: QuoteInArticle[]): Map<string, QuoteInArticle[]> {
  const bySpeaker = new Map<string, QuoteInArticle[]>();
  for (const item of quotes) {
    if (item.quote.speakerId === null) continue;
    const list = bySpeaker.get(item.quote.speakerId) ?? [];
    list.push(item);
    bySpeaker.set(item.quote.speakerId, list);
  }
  // Newest said first; the sort is stable, so ties keep the article order and the text order.
  for (const list of bySpeaker.values()) list.sort((a, b) => compareEdtfNewestFirst(quoteDate(a), quoteDate(b)));
  return bySpeaker;
}

function buildTimeline(articles: ArticleRecord[], quotes: QuoteInArticle[]): Pick<SiteModel, 'years' | 'months' | 'undated'> {
  const months = new Map<string, Month>();
  const monthFor = (key: string): Month => {
    let month = months.get(key);
    if (!month) months.set(key, (month = { key, articles: [], quotes: [] }));
    return month;
  };
  const yearOnly = new Map<string, ArticleRecord[]>();
  const undated: ArticleRecord[] = [];
  // `articles` is newest first: walking it backwards lists each month oldest first.
  for (const article of [...articles].reverse()) {
    const key = monthOf(article.date);
    const year = yearOf(article.date);
    if (key) monthFor(key).articles.push(article);
    else if (year) yearOnly.set(year, [...(yearOnly.get(year) ?? []), article]);
    else undated.push(article);
  }
  for (const item of [...quotes].reverse()) {
    const key = monthOf(quoteDate(item));
    if (key) monthFor(key).quotes.push(item);
  }
  for (const month of months.values()) month.quotes.sort((a, b) => -compareEdtfNewestFirst(quoteDate(a), quoteDate(b)));
  const allMonths = [...months.values()].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const yearKeys = [...new Set([...allMonths.map((m) => m.key.slice(0, 4)), ...yearOnly.keys()])].sort().reverse();
  const years = yearKeys.map((year) => ({
    year,
    months: allMonths.filter((m) => m.key.startsWith(`${year}-`)),
    yearOnly: yearOnly.get(year) ?? [],
  }));
  return { years, months: allMonths, undated: undated.reverse() };
}

function buildModel(archive: Archive): SiteModel {
  const articles = [...archive.articles].sort(compareNewestFirst);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const position = new Map(articles.map((a, i) => [a.slug, i]));
  const people = collectPeople(archive);
  const ordered = new Map(articles.map((a) => [a, inTextOrder(a)]));
  const quotes = articles.flatMap((article) => ordered.get(article)!.map((quote) => ({ article, quote })));
  const quoteById = new Map(quotes.map((q) => [q.quote.id, q]));
  const bySpeaker = groupQuotes(quotes);
  const byStatement = new Map<string, QuoteInArticle[]>();
  for (const item of quotes) {
    if (!item.quote.statement) continue;
    const reports = byStatement.get(item.quote.statement);
    if (reports) reports.push(item);
    else byStatement.set(item.quote.statement, [item]);
  }
  for (const [id, reports] of byStatement) byStatement.set(id, earliestFirst(reports));
  const byName = [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  const countOf = (id: string) => bySpeaker.get(id)?.length ?? 0;
  const byCount = [...byName].sort((a, b) => countOf(b.id) - countOf(a.id));

  // Asked for again and again (each article's page, its related articles', the lists): worked out once.
  const quotedCache = new Map<ArticleRecord, readonly Person[]>();
  const quotedIn = (article: ArticleRecord): readonly Person[] => {
    let list = quotedCache.get(article);
    if (!list) {
      const ids = new Set((ordered.get(article) ?? inTextOrder(article)).map((q) => q.speakerId));
      list = Object.freeze([...ids].filter((id): id is string => id !== null).map((id) => people.get(id)).filter((p): p is Person => p !== undefined));
      quotedCache.set(article, list);
    }
    return list;
  };
  const named = (article: ArticleRecord): Person[] => quotedIn(article).filter((p) => p.kind !== 'unnamed');

  const quotingCache = new Map<string, ArticleRecord[]>();
  const articlesQuoting = (id: string): ArticleRecord[] => {
    let list = quotingCache.get(id);
    if (!list) {
      list = [...new Set((bySpeaker.get(id) ?? []).map((q) => q.article))].sort(
        (a, b) => (position.get(a.slug) ?? 0) - (position.get(b.slug) ?? 0),
      );
      quotingCache.set(id, list);
    }
    return list;
  };

  let related: ArticleRecord[][] | undefined;
  const relatedOf = (article: ArticleRecord): ArticleRecord[] => {
    if (!related) {
      // Speakers by number, and each one's articles by position (in order, as `articles` is walked in order).
      const numbers = new Map<string, number>();
      const articlesOf: number[][] = [];
      const speakers = articles.map((article, i) =>
        named(article).map((person) => {
          let n = numbers.get(person.id);
          if (n === undefined) numbers.set(person.id, (n = articlesOf.push([]) - 1));
          articlesOf[n]!.push(i);
          return n;
        }),
      );
      related = relatedPositions(speakers, articlesOf).map((list) => list.map((i) => articles[i]!));
    }
    return related[position.get(article.slug) ?? -1] ?? [];
  };

  const timeline = buildTimeline(articles, quotes);
  const monthByKey = new Map(timeline.months.map((m) => [m.key, m]));

  return {
    articles,
    people: byName,
    peopleByCount: byCount,
    quotes,
    person: (id) => (id === null ? undefined : people.get(id)),
    article: (slug) => bySlug.get(slug),
    quote: (id) => quoteById.get(id),
    quotesIn: (article) => ordered.get(article) ?? inTextOrder(article),
    quotesBy: (id) => bySpeaker.get(id) ?? [],
    reportsOf: (statement) => (statement ? byStatement.get(statement) ?? [] : []),
    articlesQuoting,
    quotedIn,
    alsoQuotedWith: (id) => {
      const shared = new Map<string, number>();
      for (const article of articlesQuoting(id)) {
        for (const other of named(article)) if (other.id !== id) shared.set(other.id, (shared.get(other.id) ?? 0) + 1);
      }
      return [...shared]
        .map(([otherId, n]) => ({ person: people.get(otherId)!, shared: n }))
        .sort((a, b) => b.shared - a.shared || a.person.name.localeCompare(b.person.name, 'en'));
    },
    neighbours: (article) => {
      const i = position.get(article.slug) ?? -1;
      return { newer: i > 0 ? articles[i - 1] : undefined, older: i >= 0 ? articles[i + 1] : undefined };
    },
    related: relatedOf,
    ...timeline,
    month: (key) => monthByKey.get(key),
  };
}

const models = new WeakMap<Archive, SiteModel>();

export function siteModel(archive: Archive): SiteModel {
  let model = models.get(archive);
  if (!model) {
    model = buildModel(archive);
    models.set(archive, model);
  }
  return model;
}
