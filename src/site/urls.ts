// Every URL of the site is made here, so that pages, links between them and the search index agree.
// Slugs and ids come from extracted data: they are encoded rather than trusted to be URL-safe.
// These are root-relative paths, which are also the pages' permalinks; under a PATH_PREFIX the
// HTML base plugin prefixes them in the written HTML, and `absoluteUrl` (config.ts) makes the
// addresses used outside HTML.

const segment = (value: string): string => encodeURIComponent(value);

export const HOME_URL = '/';
export const SPEAKERS_URL = '/speakers/';
export const SPEAKERS_BY_COUNT_URL = '/speakers/by-count/';
export const SEARCH_URL = '/search/';
export const DATES_URL = '/dates/';
export const ABOUT_URL = '/about/';
export const NOT_FOUND_URL = '/404.html';
export const ATOM_FEED_URL = '/feed.xml';
export const JSON_FEED_URL = '/feed.json';
export const SITEMAP_URL = '/sitemap.xml';
export const ROBOTS_URL = '/robots.txt';
export const ARTICLES_JSON_URL = '/data/articles.json';
export const QUOTES_CSV_URL = '/data/quotes.csv';
export const STYLESHEET_URL = '/assets/site.css';
export const PRINT_STYLESHEET_URL = '/assets/print.css';
export const SEARCH_SCRIPT_URL = '/assets/search.js';

export function articleUrl(slug: string): string {
  return `/articles/${segment(slug)}/`;
}

/** A speaker's Atom feed of their newest quotes. */
export function speakerFeedUrl(speakerId: string): string {
  return `${speakerUrl(speakerId)}feed.xml`;
}

export function speakerUrl(speakerId: string): string {
  return `/speakers/${segment(speakerId)}/`;
}

/** The search page filtered to one speaker's quotes. */
export function speakerSearchUrl(speakerId: string): string {
  return `${SEARCH_URL}?speaker=${segment(speakerId)}`;
}

/** The fragment id of a quote on its article page: `slug/q3` → `q3`. */
export function quoteAnchor(quoteId: string): string {
  const local = quoteId.slice(quoteId.lastIndexOf('/') + 1);
  // Fragment ids must not be empty or contain whitespace; fall back to a safe form of the whole id.
  return /^[A-Za-z][\w-]*$/.test(local) ? local : `quote-${quoteId.replace(/[^\w-]+/g, '-')}`;
}

/** Where a quote can be read in context. */
export function quoteUrl(slug: string, quoteId: string): string {
  return `${articleUrl(slug)}#${quoteAnchor(quoteId)}`;
}

/** The quote's own page: `/quotes/<article slug>/q3/`. */
export function quotePageUrl(slug: string, quoteId: string): string {
  return `/quotes/${segment(slug)}/${segment(quoteAnchor(quoteId))}/`;
}

/** A month of the timeline: `/dates/2015/09/`. */
export function monthUrl(month: string): string {
  const [year = '', mm = ''] = month.split('-');
  return `${DATES_URL}${segment(year)}/${segment(mm)}/`;
}

/** A year's place on the timeline. */
export function yearUrl(year: string): string {
  return `${DATES_URL}#y${segment(year)}`;
}

/** Part n of a sitemap too big for one file. */
export function sitemapPartUrl(n: number): string {
  return `/sitemaps/${n}.xml`;
}

export const UNDATED_URL = `${DATES_URL}#undated`;
