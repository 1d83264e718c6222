// The page shell shared by every page: language, metadata for other tools (canonical URL,
// OpenGraph, feeds, JSON-LD), the Content-Security-Policy, landmarks, skip link, site navigation
// and the stylesheets. Only pages that ask for it get a script; everything else works without
// JavaScript, and the policy forbids scripts on every other page.
import { absoluteUrl, SITE_NAME } from './config.ts';
import { html, type SafeHtml } from './html.ts';
import { jsonLdScript, type JsonLd } from './json-ld.ts';
import {
  ABOUT_URL,
  ARTICLES_JSON_URL,
  ATOM_FEED_URL,
  DATES_URL,
  HOME_URL,
  JSON_FEED_URL,
  PRINT_STYLESHEET_URL,
  QUOTES_CSV_URL,
  SEARCH_URL,
  SPEAKERS_URL,
  STYLESHEET_URL,
} from './urls.ts';

export { SITE_NAME };

export type Section = 'articles' | 'speakers' | 'dates' | 'search' | 'about';

export interface PageOptions {
  /** The page's own title; the site name is appended. */
  title: string;
  description: string;
  section: Section | null;
  /** True on the page the section's navigation link points to; other pages of it are only "in" it. */
  sectionIndex: boolean;
  main: SafeHtml;
  /** Module scripts; only the search page has one. */
  scripts?: string[];
  /** Stylesheets only this page needs, after the site's own. */
  stylesheets?: string[];
  /** The page's own root-relative URL: its canonical address. Pages without one (404) get none. */
  path?: string;
  /** OpenGraph type. */
  ogType?: 'website' | 'article' | 'profile';
  /** schema.org description of what the page is about. */
  jsonLd?: JsonLd;
  /** Keeps the page out of search engines (the 404 page). */
  noindex?: boolean;
  /** Atom feeds of this page's own, besides the site's (a speaker's quotes). */
  feeds?: Array<{ title: string; href: string }>;
}

const NAV: { section: Section; url: string; label: string }[] = [
  { section: 'articles', url: HOME_URL, label: 'Articles' },
  { section: 'speakers', url: SPEAKERS_URL, label: 'Speakers' },
  { section: 'dates', url: DATES_URL, label: 'Dates' },
  { section: 'search', url: SEARCH_URL, label: 'Search quotes' },
];

/**
 * What a page may load: its own styles, images and, on the search page only, its scripts with
 * Pagefind's WebAssembly and index files. Inline scripts and styles are refused everywhere;
 * JSON-LD is a data block, which no policy needs to allow because it never runs. connect-src 'self'
 * lets tools that audit a page from inside it (Lighthouse reads robots.txt that way) fetch the
 * site's own files; with no script on the page nothing else can use it.
 * (frame-ancestors cannot be set from a meta element; a server header has to add it.)
 */
export function contentSecurityPolicy(withScripts: boolean): string {
  const scripts = withScripts ? "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'" : "script-src 'none'";
  return `default-src 'none'; style-src 'self'; img-src 'self' data:; ${scripts}; connect-src 'self'; base-uri 'none'; form-action 'self'`;
}

function navigation(current: Section | null, sectionIndex: boolean): SafeHtml {
  const items = NAV.map((item) => {
    const here = item.section !== current ? '' : html` aria-current="${sectionIndex ? 'page' : 'true'}"`;
    return html`<li><a href="${item.url}"${here}>${item.label}</a></li>`;
  });
  return html`<nav class="site-nav" aria-label="Site"><ul>${items}</ul></nav>`;
}

function metadata(options: PageOptions, title: string): SafeHtml {
  const url = options.path === undefined ? null : absoluteUrl(options.path);
  return html`${url ? html`<link rel="canonical" href="${url}">\n` : ''}<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:type" content="${options.ogType ?? 'website'}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${options.description}">
${url ? html`<meta property="og:url" content="${url}">\n` : ''}${options.noindex ? html`<meta name="robots" content="noindex">\n` : ''}<link rel="alternate" type="application/atom+xml" title="${SITE_NAME}: articles (Atom)" href="${ATOM_FEED_URL}">${(options.feeds ?? []).map((f) => html`\n<link rel="alternate" type="application/atom+xml" title="${f.title}" href="${f.href}">`)}
<link rel="alternate" type="application/feed+json" title="${SITE_NAME}: articles (JSON Feed)" href="${JSON_FEED_URL}">
${options.jsonLd ? html`${jsonLdScript(options.jsonLd)}\n` : ''}`;
}

export function page(options: PageOptions): string {
  const title = options.title === SITE_NAME ? SITE_NAME : `${options.title} · ${SITE_NAME}`;
  const scripts = options.scripts ?? [];
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts.length > 0)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${options.description}">
${metadata(options, options.title)}<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET_URL}">
<link rel="stylesheet" href="${PRINT_STYLESHEET_URL}" media="print">
${(options.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${scripts.map((src) => html`<script type="module" src="${src}"></script>\n`)}</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<p class="site-name"><a href="${HOME_URL}">${SITE_NAME}</a></p>
${navigation(options.section, options.sectionIndex)}
</header>
<main id="main" tabindex="-1">
${options.main}
</main>
<footer class="site-footer">
<p>An archive of news articles and the words quoted in them. Quotes and speakers are found by a program and can be wrong; every quote links to its place in the article. <a href="${ABOUT_URL}">How this archive was made, and how to report a wrong attribution</a>.</p>
<p class="formats">Also as: <a href="${ATOM_FEED_URL}">Atom feed</a> · <a href="${JSON_FEED_URL}">JSON Feed</a> · <a href="${ARTICLES_JSON_URL}">all articles as JSON</a> · <a href="${QUOTES_CSV_URL}">all quotes as CSV</a></p>
</footer>
</body>
</html>
`.value;
}
