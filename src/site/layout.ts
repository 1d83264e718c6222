// The page shell shared by every page: language, landmarks, skip link, site navigation and the
// stylesheets. Only pages that ask for it get a script; everything else works without JavaScript.
import { html, type SafeHtml } from './html.ts';
import { HOME_URL, PRINT_STYLESHEET_URL, SEARCH_URL, SPEAKERS_URL, STYLESHEET_URL } from './urls.ts';

export const SITE_NAME = 'Who Said What';

export type Section = 'articles' | 'speakers' | 'search';

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
}

const NAV: { section: Section; url: string; label: string }[] = [
  { section: 'articles', url: HOME_URL, label: 'Articles' },
  { section: 'speakers', url: SPEAKERS_URL, label: 'Speakers' },
  { section: 'search', url: SEARCH_URL, label: 'Search quotes' },
];

function navigation(current: Section | null, sectionIndex: boolean): SafeHtml {
  const items = NAV.map((item) => {
    const here = item.section !== current ? '' : html` aria-current="${sectionIndex ? 'page' : 'true'}"`;
    return html`<li><a href="${item.url}"${here}>${item.label}</a></li>`;
  });
  return html`<nav class="site-nav" aria-label="Site"><ul>${items}</ul></nav>`;
}

export function page(options: PageOptions): string {
  const title = options.title === SITE_NAME ? SITE_NAME : `${options.title} · ${SITE_NAME}`;
  const scripts = (options.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>\n`);
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${options.description}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET_URL}">
<link rel="stylesheet" href="${PRINT_STYLESHEET_URL}" media="print">
${scripts}</head>
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
<p>An archive of news articles and the words quoted in them. Quotes and speakers are found by a program and can be wrong; every quote links to its place in the article.</p>
</footer>
</body>
</html>
`.value;
}
