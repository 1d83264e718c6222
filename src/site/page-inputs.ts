// What each page src/site/write-pages.ts writes reads, as plain inputs, so that a rebuild can tell
// which pages would come out the same without rendering them.
//
// These pages are not rendered from the site model but from a narrow model made from their inputs
// alone (`articlePageModel`, `quotePageModel`, `speakerPageModel`, `monthPageModel`), in every
// build, clean or not. So a page is a function of its inputs and of the renderer's code: the
// inputs' key (`InputKeys`) cannot miss something the page shows, and a page whose key is
// unchanged needs no rendering. A renderer that asks its narrow model for anything outside its
// inputs gets an error, not a silently stale page.
import { hashOf } from '../io/hash.ts';
import type { ArticleRecord, Person, Quote } from '../record.ts';
import { rolesInArticle } from './people.ts';
import { displayTitle } from './titles.ts';
import { inTextOrder, type Month, type QuoteInArticle, type SiteModel } from './site-model.ts';

/** A link to a person: what lists and structured data show of them. */
export type PersonRef = Pick<Person, 'id' | 'name' | 'kind'>;

/**
 * A person as an article's own pages show them: with the roles that article gives them (see
 * `rolesInArticle`), not every role the archive knows, so that these pages do not change whenever
 * another article describes the person anew.
 */
export interface QuotedPerson extends PersonRef {
  rolesHere: string[];
}

/** Finds the people quotes are by. */
export interface PeopleLookup<P extends PersonRef = PersonRef> {
  person(id: string | null): P | undefined;
}

/** Who an article quotes, in order of first quote. */
export interface QuotedLookup {
  quotedIn(article: ArticleRecord): readonly PersonRef[];
}

/** What a quote page may ask of the site. */
export interface QuotePageModel extends PeopleLookup<QuotedPerson> {
  /** The article's quotes in text order. */
  quotesIn(article: ArticleRecord): readonly Quote[];
  /** The other reports of the quote's statement, when other articles report it. */
  reports(quote: Quote): StatementReports | null;
}

/** Another article's report of a statement, as a quote's page lists it. */
export interface OtherReport {
  slug: string;
  title: string;
  outlet: string | null;
  date: string | null;
  quoteId: string;
  text: string;
}

/** A statement's reports as one of them sees it: whether it is the earliest, how many, the first others. */
export interface StatementReports {
  earliest: boolean;
  total: number;
  others: OtherReport[];
}

/** Other reports a quote's page lists; the count says how many more there are. */
export const REPORTS_SHOWN = 10;

/** What an article page may ask of the site. */
export interface ArticlePageModel extends PeopleLookup, QuotedLookup {
  /** The people the article quotes, as it describes them, in order of first quote. */
  speakers(article: ArticleRecord): QuotedPerson[];
  neighbours(article: ArticleRecord): { older: ArticleRecord | undefined; newer: ArticleRecord | undefined };
  related(article: ArticleRecord): ArticleRecord[];
}

/** What a speaker page may ask of the site. */
export interface SpeakerPageModel extends PeopleLookup {
  quotesBy(id: string): readonly QuoteInArticle[];
  articlesQuoting(id: string): readonly ArticleRecord[];
  alsoQuotedWith(id: string): readonly { person: PersonRef; shared: number }[];
}

/** What a month page may ask of the site. */
export interface MonthPageModel extends PeopleLookup, QuotedLookup {
  month(key: string): Month | undefined;
  adjacentMonths(key: string): { older: string | undefined; newer: string | undefined };
}

/** Everything the quote pages of one article read: the record and the people it quotes. */
export interface ArticleQuotesInputs {
  article: ArticleRecord;
  speakers: QuotedPerson[];
}

/** What an article's quote pages read besides: the other reports of each quote's statement, by quote id. */
export interface QuotePagesInputs extends ArticleQuotesInputs {
  reports: Record<string, StatementReports>;
}

/** An article in a list, with who it quotes. */
export interface ListedArticle {
  article: ArticleRecord;
  quoted: PersonRef[];
}

/** Everything an article page reads: its record and people, its neighbours by date, its related articles and their people. */
export interface ArticlePageInputs extends ArticleQuotesInputs {
  older: ArticleRecord | null;
  newer: ArticleRecord | null;
  related: ListedArticle[];
}

/** Everything a speaker page reads. */
export interface SpeakerPageInputs {
  person: Person;
  quotes: readonly QuoteInArticle[];
  articles: readonly ArticleRecord[];
  alsoQuoted: { person: PersonRef; shared: number }[];
}

/** Everything a month page reads: the month, its neighbours' keys, its articles with who they quote, and the speakers of its quotes. */
export interface MonthPageInputs {
  month: Month;
  older: string | null;
  newer: string | null;
  articles: ListedArticle[];
  people: PersonRef[];
}

export type PageInputs = ArticleQuotesInputs | QuotePagesInputs | ArticlePageInputs | SpeakerPageInputs | MonthPageInputs;

/** What a data file (src/site/write-data-files.ts) is made of: every record, and everyone, in the site's order. */
export interface DataFileInputs {
  file: string;
  articles: readonly ArticleRecord[];
  people: readonly Person[];
}

/** Each record's hash, once per record object (the archive is frozen: a record never changes after it is hashed). */
const recordHashes = new WeakMap<ArticleRecord, string>();

/**
 * The record's JSON, its hash remembered for `recordHash` on the way: for a writer that makes the
 * JSON of every record anyway (articles.json), so that the keys do not make it a second time (0.3 s
 * of a rebuild at 5,000 articles).
 */
export function recordJson(record: ArticleRecord): string {
  const json = JSON.stringify(record);
  if (!recordHashes.has(record)) recordHashes.set(record, hashOf(json));
  return json;
}

/** A hash of the whole record: what every page and file made from it is keyed by. */
export function recordHash(record: ArticleRecord): string {
  let hash = recordHashes.get(record);
  if (hash === undefined) {
    hash = hashOf(JSON.stringify(record));
    recordHashes.set(record, hash);
  }
  return hash;
}

/** Keys under one renderer version, one per site model: each record is hashed once for all pages and files. */
const keysByModel = new WeakMap<object, InputKeys>();

export function inputKeys(version: string, model: Pick<SiteModel, 'articles' | 'quotes'>): InputKeys {
  let keys = keysByModel.get(model);
  if (!keys || keys.version !== version) {
    keys = new InputKeys(version, model);
    keysByModel.set(model, keys);
  }
  return keys;
}

const personRef = (person: PersonRef): PersonRef => ({ id: person.id, name: person.name, kind: person.kind });

function listed(model: SiteModel, article: ArticleRecord): ListedArticle {
  return { article, quoted: model.quotedIn(article).map(personRef) };
}

export function articleQuotesInputs(model: SiteModel, article: ArticleRecord): ArticleQuotesInputs {
  const speakers = model.quotedIn(article).map((person) => ({ ...personRef(person), rolesHere: rolesInArticle(person, article) }));
  return { article, speakers };
}

/**
 * Each other report's quote in its article: a report is made from it alone, so every report of one
 * quote is the same, and `InputKeys` hashes its JSON once for all the quote pages that list it (up
 * to ten each). The reports' words had been most of the JSON the keys hashed: 49 of 73 MB at 5,000
 * synthetic articles, whose statements repeat often.
 */
const reportSources = new WeakMap<OtherReport, QuoteInArticle>();
/** Each quote's report, made once: the quote pages of a statement's ten earliest reports all list the same ones. */
const reportsMade = new WeakMap<QuoteInArticle, OtherReport>();

function otherReport(item: QuoteInArticle): OtherReport {
  const made = reportsMade.get(item);
  if (made) return made;
  const { article, quote } = item;
  const report = { slug: article.slug, title: displayTitle(article).text, outlet: article.outlet, date: quote.date, quoteId: quote.id, text: quote.text };
  reportSources.set(report, item);
  reportsMade.set(item, report);
  return report;
}

export function quotePagesInputs(model: SiteModel, article: ArticleRecord): QuotePagesInputs {
  const reports: Record<string, StatementReports> = {};
  for (const quote of article.quotes) {
    const all = model.reportsOf(quote.statement);
    if (all.length < 2) continue;
    // A statement a thousand articles repeat: only the first few others are looked at.
    const others = all.slice(0, REPORTS_SHOWN + 1).filter((r) => r.quote !== quote).slice(0, REPORTS_SHOWN);
    reports[quote.id] = {
      earliest: all[0]!.quote === quote,
      total: all.length,
      others: others.map(otherReport),
    };
  }
  return { ...articleQuotesInputs(model, article), reports };
}

export function articlePageInputs(model: SiteModel, article: ArticleRecord): ArticlePageInputs {
  const { older, newer } = model.neighbours(article);
  return {
    ...articleQuotesInputs(model, article),
    older: older ?? null,
    newer: newer ?? null,
    related: model.related(article).map((other) => listed(model, other)),
  };
}

export function speakerPageInputs(model: SiteModel, person: Person): SpeakerPageInputs {
  return {
    person,
    quotes: model.quotesBy(person.id),
    articles: model.articlesQuoting(person.id),
    alsoQuoted: model.alsoQuotedWith(person.id).map(({ person: other, shared }) => ({ person: personRef(other), shared })),
  };
}

export function monthPageInputs(model: SiteModel, month: Month): MonthPageInputs {
  const at = model.months.indexOf(month);
  const speakers = new Set(month.quotes.map(({ quote }) => quote.speakerId));
  return {
    month,
    older: model.months[at + 1]?.key ?? null,
    newer: model.months[at - 1]?.key ?? null,
    articles: month.articles.map((article) => listed(model, article)),
    people: [...speakers].flatMap((id) => model.person(id) ?? []).map(personRef),
  };
}

function notAnInput(what: string): never {
  throw new Error(`A page asked for ${what}, which is not one of its inputs (src/site/page-inputs.ts)`);
}

/** The people among the inputs; anyone else is unknown, as the archive's unknown speakers are, in every build alike. */
function peopleLookup<P extends PersonRef>(people: readonly P[]): PeopleLookup<P> {
  const byId = new Map(people.map((p) => [p.id, p]));
  return { person: (id) => (id === null ? undefined : byId.get(id)) };
}

function quotedLookup(lists: readonly ListedArticle[]): QuotedLookup {
  const quoted = new Map(lists.map((l) => [l.article, l.quoted]));
  return { quotedIn: (article) => quoted.get(article) ?? notAnInput(`the article ${article.slug}`) };
}

/** `value` when `key` is the page's own (its article, person id or month), else an error. */
function own<K extends ArticleRecord | string, T>(page: K, key: K, value: T): T {
  return key === page ? value : notAnInput(typeof key === 'string' ? key : `the article ${key.slug}`);
}

export function quotePageModel(inputs: QuotePagesInputs): QuotePageModel {
  const ordered = inTextOrder(inputs.article);
  return { ...peopleLookup(inputs.speakers), quotesIn: (article) => own(inputs.article, article, ordered), reports: (quote) => inputs.reports[quote.id] ?? null };
}

export function articlePageModel(inputs: ArticlePageInputs): ArticlePageModel {
  const page = inputs.article;
  return {
    ...peopleLookup(inputs.speakers),
    ...quotedLookup([{ article: page, quoted: inputs.speakers }, ...inputs.related]),
    speakers: (article) => own(page, article, inputs.speakers),
    neighbours: (article) => own(page, article, { older: inputs.older ?? undefined, newer: inputs.newer ?? undefined }),
    related: (article) => own(page, article, inputs.related.map((r) => r.article)),
  };
}

export function speakerPageModel(inputs: SpeakerPageInputs): SpeakerPageModel {
  const id = inputs.person.id;
  return {
    ...peopleLookup([inputs.person]),
    quotesBy: (of) => own(id, of, inputs.quotes),
    articlesQuoting: (of) => own(id, of, inputs.articles),
    alsoQuotedWith: (of) => own(id, of, inputs.alsoQuoted),
  };
}

export function monthPageModel(inputs: MonthPageInputs): MonthPageModel {
  const key = inputs.month.key;
  return {
    ...peopleLookup(inputs.people),
    ...quotedLookup(inputs.articles),
    month: (of) => own(key, of, inputs.month),
    adjacentMonths: (of) => own(key, of, { older: inputs.older ?? undefined, newer: inputs.newer ?? undefined }),
  };
}

/**
 * Keys of page inputs under one renderer version. A record of the model counts by a hash of its
 * whole JSON, computed once however many pages read it, and a quote of the model (with its article)
 * as its record's hash and its place in it: more than a page shows of another article, so a change
 * there may re-render a page that comes out the same, but never leaves one stale. Another report of
 * a quote (on a quote's page) counts as a hash of its JSON. Anything else counts as its JSON.
 */
export class InputKeys {
  /** Each record's hash, '' until it is needed. */
  private readonly records = new Map<object, string>();
  /** Each quote's place, '' until it is needed. */
  private readonly quotes = new Map<object, string>();
  /** The key of each quote's report on other articles' quote pages, once made. */
  private readonly reports = new Map<QuoteInArticle, string>();

  constructor(
    readonly version: string,
    model: Pick<SiteModel, 'articles' | 'quotes'>,
  ) {
    for (const article of model.articles) this.records.set(article, '');
    for (const item of model.quotes) this.quotes.set(item, '');
  }

  /**
   * The last inputs made into JSON, and their JSON: a speaker's page and feed read the same inputs,
   * the largest of any page's (every quote of the speaker), which took 0.17 s at 5,000 articles to
   * make into JSON a second time.
   */
  private last: { inputs: object; json: string } | null = null;

  /** The key of a page's inputs: equal keys, equal pages. */
  key(kind: 'article' | 'quotes' | 'speaker' | 'speaker-feed' | 'month' | 'data', inputs: PageInputs | DataFileInputs): string {
    if (this.last?.inputs !== inputs) {
      const json = JSON.stringify(inputs, (_, value: unknown) => (typeof value === 'object' && value !== null ? this.short(value) : value));
      this.last = { inputs, json };
    }
    return hashOf(this.version, '\0', kind, '\0', this.last.json).slice(0, 24);
  }

  /** A record, a quote of the model or another report of a quote as its short form; anything else as itself. */
  private short(value: object): unknown {
    const record = this.records.get(value);
    if (record !== undefined) return record || this.hashRecord(value as ArticleRecord);
    const quote = this.quotes.get(value);
    if (quote !== undefined) return quote || this.placeQuote(value as QuoteInArticle);
    const source = reportSources.get(value as OtherReport);
    if (source !== undefined) return this.reportKey(source, value as OtherReport);
    return value;
  }

  /** Another report of a quote as a hash of its JSON (what the page shows of it), once per quote. */
  private reportKey(source: QuoteInArticle, report: OtherReport): string {
    let key = this.reports.get(source);
    if (key === undefined) {
      key = `report:${hashOf(JSON.stringify(report)).slice(0, 24)}`;
      this.reports.set(source, key);
    }
    return key;
  }

  private hashRecord(record: ArticleRecord): string {
    // 96 bits, as the keys themselves: a record is named in the keys of many pages (every report of its quotes).
    const hash = `record:${recordHash(record).slice(0, 24)}`;
    this.records.set(record, hash);
    return hash;
  }

  private placeQuote(item: QuoteInArticle): string {
    const { article, quote } = item;
    const record = this.records.get(article);
    const at = article.quotes.indexOf(quote);
    // A quote that is not its article's (never, from the model) counts as itself.
    const place = record === undefined || at < 0 ? JSON.stringify(item) : `${record || this.hashRecord(article)}#${at}`;
    this.quotes.set(item, place);
    return place;
  }
}
