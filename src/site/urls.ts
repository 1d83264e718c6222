// Every URL of the site is made here, so that pages, links between them and the search index agree.
// Slugs and ids come from extracted data: they are encoded rather than trusted to be URL-safe.

const segment = (value: string): string => encodeURIComponent(value);

export const HOME_URL = '/';
export const SPEAKERS_URL = '/speakers/';
export const SEARCH_URL = '/search/';
export const STYLESHEET_URL = '/assets/site.css';
export const PRINT_STYLESHEET_URL = '/assets/print.css';
export const SEARCH_SCRIPT_URL = '/assets/search.js';

export function articleUrl(slug: string): string {
  return `/articles/${segment(slug)}/`;
}

export function speakerUrl(speakerId: string): string {
  return `/speakers/${segment(speakerId)}/`;
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
