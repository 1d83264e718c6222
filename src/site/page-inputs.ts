// What an article page and the quote pages of an article read, as plain inputs, so that a rebuild
// can tell which of them would come out the same without rendering them.
//
// These pages are not rendered from the site model but from a narrow model made from their inputs
// alone (`articlePageModel`, `quotePageModel`), in every build, clean or not. So a page is a
// function of its inputs and of the renderer's code: the inputs' key (`inputKey`) cannot miss
// something the page shows, and a page whose key is unchanged needs no rendering. A renderer that
// asks the narrow model for anything outside its inputs gets an error, not a silently stale page.
import { createHash } from 'node:crypto';
import type { ArticleRecord, Person, Quote } from '../record.ts';
import { inTextOrder, type SiteModel } from './site-model.ts';

/** A link to a person: what lists and structured data show of them. */
export type PersonRef = Pick<Person, 'id' | 'name' | 'kind'>;

/**
 * A person as the pages of one article show them. Only the first role the archive knows: every
 * other role is on the speaker's own page, and carrying all of them would change these pages
 * whenever another article describes the speaker anew (see `rolesInArticle`).
 */
export interface PersonView extends PersonRef {
  firstRole: string | null;
}

/** Finds the people an article's quotes are by. */
export interface PeopleLookup {
  person(id: string | null): PersonView | undefined;
}

/** Who an article quotes, in order of first quote. */
export interface QuotedLookup {
  quotedIn(article: ArticleRecord): PersonRef[];
}

/** What a quote page may ask of the site. */
export interface QuotePageModel extends PeopleLookup {
  /** The article's quotes in text order. */
  quotesIn(article: ArticleRecord): readonly Quote[];
}

/** What an article page may ask of the site. */
export interface ArticlePageModel extends PeopleLookup, QuotedLookup {
  quotedIn(article: ArticleRecord): PersonView[];
  neighbours(article: ArticleRecord): { older: ArticleRecord | undefined; newer: ArticleRecord | undefined };
  related(article: ArticleRecord): ArticleRecord[];
}

/** Everything the quote pages of one article read: the record and the people it quotes. */
export interface QuotePagesInputs {
  article: ArticleRecord;
  quoted: PersonView[];
}

/** Everything an article page reads: its record and people, its neighbours by date, its related articles and their people. */
export interface ArticlePageInputs extends QuotePagesInputs {
  older: ArticleRecord | null;
  newer: ArticleRecord | null;
  related: QuotePagesInputs[];
}

export function personView(person: Person): PersonView {
  return { id: person.id, name: person.name, kind: person.kind, firstRole: person.roles[0] ?? null };
}

export function quotePagesInputs(model: SiteModel, article: ArticleRecord): QuotePagesInputs {
  return { article, quoted: model.quotedIn(article).map(personView) };
}

export function articlePageInputs(model: SiteModel, article: ArticleRecord): ArticlePageInputs {
  const { older, newer } = model.neighbours(article);
  return {
    ...quotePagesInputs(model, article),
    older: older ?? null,
    newer: newer ?? null,
    related: model.related(article).map((other) => quotePagesInputs(model, other)),
  };
}

function notAnInput(article: ArticleRecord): never {
  throw new Error(`A page asked for ${article.slug}, which is not one of its inputs (src/site/page-inputs.ts)`);
}

function peopleLookup(quoted: PersonView[]): PeopleLookup {
  const byId = new Map(quoted.map((p) => [p.id, p]));
  return { person: (id) => (id === null ? undefined : byId.get(id)) };
}

export function quotePageModel(inputs: QuotePagesInputs): QuotePageModel {
  const ordered = inTextOrder(inputs.article);
  return {
    ...peopleLookup(inputs.quoted),
    quotesIn: (article) => (article === inputs.article ? ordered : notAnInput(article)),
  };
}

export function articlePageModel(inputs: ArticlePageInputs): ArticlePageModel {
  const quoted = new Map([inputs, ...inputs.related].map((i) => [i.article, i.quoted]));
  const only = (article: ArticleRecord) => (article === inputs.article ? article : notAnInput(article));
  return {
    ...peopleLookup(inputs.quoted),
    quotedIn: (article) => quoted.get(article) ?? notAnInput(article),
    neighbours: (article) => (only(article), { older: inputs.older ?? undefined, newer: inputs.newer ?? undefined }),
    related: (article) => (only(article), inputs.related.map((r) => r.article)),
  };
}

/**
 * Keys of page inputs under one renderer version. A record counts by a hash of its whole JSON,
 * computed once per record however many pages read it (an article, its neighbours' and related
 * articles' pages): more than a page shows of another article, so a change there may re-render a
 * page that comes out the same, but never leaves one stale.
 */
export class InputKeys {
  private readonly records = new Map<ArticleRecord, string>();

  constructor(
    private readonly version: string,
    articles: readonly ArticleRecord[],
  ) {
    for (const article of articles) this.records.set(article, '');
  }

  /** The key of a page kind's inputs: equal keys, equal pages. */
  key(kind: 'article' | 'quotes', inputs: QuotePagesInputs | ArticlePageInputs): string {
    const json = JSON.stringify(inputs, (_, value: unknown) => this.recordHash(value) ?? value);
    return createHash('sha1').update(`${this.version}\0${kind}\0${json}`).digest('hex').slice(0, 24);
  }

  private recordHash(value: unknown): string | undefined {
    const hash = this.records.get(value as ArticleRecord);
    if (hash === undefined || hash !== '') return hash;
    const computed = `record:${createHash('sha1').update(JSON.stringify(value)).digest('hex')}`;
    this.records.set(value as ArticleRecord, computed);
    return computed;
  }
}
