// schema.org data as JSON-LD. It sits in a <script type="application/ld+json">, which the browser
// never runs but whose content ends at the first "</script" whatever the JSON says: so every "<"
// (and ">", "&" for good measure) is written as a JSON escape, and article text cannot break out
// of the element or become markup.
import type { ArticleRecord, Person, Quote } from '../record.ts';
import { absoluteUrl, SITE_NAME } from './config.ts';
import { SafeHtml } from './html.ts';
import { displayTitle } from './titles.ts';
import { articleUrl, HOME_URL, quotePageUrl, SEARCH_URL, speakerUrl } from './urls.ts';
import { externalUrl } from './external-url.ts';
import { otherNames } from './people.ts';
import type { PersonRef } from './page-inputs.ts';

export type JsonLd = Record<string, unknown>;

const SCRIPT_UNSAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

const SCRIPT_UNSAFE_ANY = /[<>&\u2028\u2029]/;

/** JSON that can stand inside a <script> element: no "<", ">" or "&" is left as itself. */
export function scriptSafeJson(value: unknown): string {
  const json = JSON.stringify(value);
  // Usually nothing to replace: a quick scan spares the replace and its callbacks.
  return SCRIPT_UNSAFE_ANY.test(json) ? json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c] ?? c) : json;
}

/** The <script type="application/ld+json"> element. Safe markup because scriptSafeJson leaves no "<". */
export function jsonLdScript(data: JsonLd): SafeHtml {
  return new SafeHtml(`<script type="application/ld+json">${scriptSafeJson({ '@context': 'https://schema.org', ...data })}</script>`);
}

function personRef(person: PersonRef): JsonLd {
  return { '@type': person.kind === 'organisation' ? 'Organization' : 'Person', name: person.name, url: absoluteUrl(speakerUrl(person.id)) };
}

export function websiteJsonLd(): JsonLd {
  return {
    '@type': 'WebSite',
    name: SITE_NAME,
    url: absoluteUrl(HOME_URL),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(SEARCH_URL)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function newsArticleJsonLd(article: ArticleRecord, quoted: PersonRef[]): JsonLd {
  const original = externalUrl(article.url);
  return {
    '@type': 'NewsArticle',
    headline: displayTitle(article).text,
    url: absoluteUrl(articleUrl(article.slug)),
    mainEntityOfPage: absoluteUrl(articleUrl(article.slug)),
    ...(article.date ? { datePublished: article.date } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
    ...(original ? { isBasedOn: original, sameAs: original } : {}),
    ...(quoted.length > 0 ? { mentions: quoted.map(personRef) } : {}),
  };
}

export function personJsonLd(person: Person, quoteCount: number): JsonLd {
  const aliases = otherNames(person);
  return {
    ...personRef(person),
    ...(person.roles.length > 0 ? { description: person.roles.join('; ') } : {}),
    ...(aliases.length > 0 ? { alternateName: aliases } : {}),
    ...(person.wikidata && /^Q\d+$/.test(person.wikidata) ? { sameAs: `https://www.wikidata.org/wiki/${person.wikidata}` } : {}),
    subjectOf: { '@type': 'WebPage', url: absoluteUrl(speakerUrl(person.id)), description: `${quoteCount} quotes in ${SITE_NAME}` },
  };
}

export function quotationJsonLd(article: ArticleRecord, quote: Quote, speaker: PersonRef | undefined, date: string | null): JsonLd {
  return {
    '@type': 'Quotation',
    text: quote.text,
    url: absoluteUrl(quotePageUrl(article.slug, quote.id)),
    ...(speaker ? { creator: personRef(speaker) } : {}),
    ...(date ? { dateCreated: date } : {}),
    isPartOf: { '@type': 'NewsArticle', headline: displayTitle(article).text, url: absoluteUrl(articleUrl(article.slug)) },
  };
}
