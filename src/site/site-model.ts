// The archive seen from the site: articles in reading order, people by id, and each person's
// quotes across the archive. Computed once per archive object and shared by every template.
import type { Archive, ArticleRecord, Person, Quote, Speaker } from '../record.ts';
import { compareNewestFirst } from './dates.ts';

/** A quote with the article it appears in. */
export interface QuoteInArticle {
  article: ArticleRecord;
  quote: Quote;
}

export interface SiteModel {
  /** Newest first, undated last. */
  articles: ArticleRecord[];
  /** Everyone with a page, by name. */
  people: Person[];
  person(id: string | null): Person | undefined;
  /** A person's quotes, newest article first, in text order within an article. */
  quotesBy(id: string): QuoteInArticle[];
  /** The people quoted in an article, in order of first quote. */
  quotedIn(article: ArticleRecord): Person[];
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

function groupQuotes(articles: ArticleRecord[]): Map<string, QuoteInArticle[]> {
  const bySpeaker = new Map<string, QuoteInArticle[]>();
  for (const article of articles) {
    const inOrder = [...article.quotes].sort((a, b) => a.start - b.start);
    for (const quote of inOrder) {
      if (quote.speakerId === null) continue;
      const list = bySpeaker.get(quote.speakerId) ?? [];
      list.push({ article, quote });
      bySpeaker.set(quote.speakerId, list);
    }
  }
  return bySpeaker;
}

function buildModel(archive: Archive): SiteModel {
  const articles = [...archive.articles].sort(compareNewestFirst);
  const people = collectPeople(archive);
  const quotes = groupQuotes(articles);
  const byName = [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  return {
    articles,
    people: byName,
    person: (id) => (id === null ? undefined : people.get(id)),
    quotesBy: (id) => quotes.get(id) ?? [],
    quotedIn: (article) => {
      const ids = [...article.quotes].sort((a, b) => a.start - b.start).map((q) => q.speakerId);
      const unique = [...new Set(ids)].filter((id): id is string => id !== null);
      return unique.map((id) => people.get(id)).filter((p): p is Person => p !== undefined);
    },
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
