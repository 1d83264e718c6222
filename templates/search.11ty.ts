// The search page: the only page with JavaScript. The form is plain HTML that submits to this same
// page, so every search has an address; assets/search.js runs it against the Pagefind index (one
// page per article, each quote an anchor: src/search/search-document.ts), shows each hit as a
// quote and keeps the address in step. Its stylesheet is linked here, so only this page loads it.
import { html } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { HOME_URL, SEARCH_SCRIPT_URL, SEARCH_URL, SPEAKERS_URL } from '../src/site/urls.ts';
import { searchPageData } from '../src/search/search-page.ts';

export const data = { permalink: SEARCH_URL };

export const SEARCH_STYLESHEET_URL = '/assets/search.css';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function render(data: SiteData): string {
  const { settings, years, outlets } = searchPageData(data.archive);
  const months = MONTHS.map((name, i) => html`<option value="${String(i + 1).padStart(2, '0')}">${name}</option>`);
  const main = html`<h1>Search quotes</h1>
<noscript><p class="notice">Search needs JavaScript, and it is off in this browser. Every quote can still be read on the <a href="${HOME_URL}">articles</a> and on the page of <a href="${SPEAKERS_URL}">each speaker</a>.</p></noscript>
<form class="search-form" role="search" aria-label="Quotes" action="${SEARCH_URL}" method="get" data-search-form data-speaker-shards="${settings.speakerShards}" data-article-shards="${settings.articleShards}">
<div class="search-field">
<label for="search-input">Words said</label>
<div class="search-row">
<input type="search" id="search-input" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-hint" data-search-input>
<button type="submit">Search</button>
</div>
<p id="search-hint" class="search-hint">Finds the words in quotes and in the articles around them. Put words in "double quotes" to find them as a phrase.</p>
</div>
<details class="search-filters" data-search-filters>
<summary>Filters <span class="search-filters-on" data-search-filters-on></span></summary>
<p class="search-hint" id="search-counts-hint">The number after each choice counts the quotes that match.</p>
<div class="search-filter-grid">
<p><label for="search-speaker">Speaker</label>
<select id="search-speaker" name="speaker" aria-describedby="search-counts-hint" data-search-filter="speaker"><option value="">Anyone</option></select></p>
<p><label for="search-year">Year</label>
<select id="search-year" name="year" aria-describedby="search-counts-hint" data-search-filter="year"><option value="">Any year</option>
${years.map((y) => html`<option value="${y}">${y}</option>`)}</select></p>
<p><label for="search-month">Month</label>
<select id="search-month" name="month" aria-describedby="search-month-hint" data-search-filter="month"><option value="">Any month</option>
${months}</select>
<span class="search-hint" id="search-month-hint">Choose a year first.</span></p>
<p><label for="search-kind">Kind of quote</label>
<select id="search-kind" name="kind" aria-describedby="search-counts-hint" data-search-filter="kind"><option value="">Any kind</option>
<option value="direct">Direct: whole sentences</option>
<option value="partial">Partial: words inside a sentence</option></select></p>
${
  outlets.length > 0
    ? html`<p><label for="search-outlet">Outlet</label>
<select id="search-outlet" name="outlet" aria-describedby="search-counts-hint" data-search-filter="outlet"><option value="">Any outlet</option>
${outlets.map((o) => html`<option value="${o}">${o}</option>`)}</select></p>`
    : ''
}
</div>
<p class="search-article" data-search-article hidden><input type="hidden" name="article" value="" data-search-filter="article">
Only in the article <cite data-search-article-title></cite>
<button type="button" data-search-article-clear>Search all articles</button></p>
</details>
<p class="search-sort"><label for="search-sort">Order</label>
<select id="search-sort" name="sort" data-search-filter="sort"><option value="">Most relevant first</option>
<option value="newest">Newest first</option>
<option value="oldest">Oldest first</option></select></p>
</form>
<div class="search-outcome">
<p class="search-status" role="status" aria-live="polite" aria-atomic="true" tabindex="-1" data-search-status></p>
<div class="search-suggestions" data-search-suggestions hidden></div>
</div>
<section class="search-section" aria-labelledby="search-quotes-heading" data-search-quotes hidden>
<h2 id="search-quotes-heading">Quotes</h2>
<ol class="quote-list search-results" data-search-results></ol>
<p class="search-more" data-search-more hidden><button type="button">Show more quotes</button></p>
</section>
<section class="search-section" aria-labelledby="search-articles-heading" data-search-articles hidden>
<h2 id="search-articles-heading">In articles</h2>
<p class="search-hint">The words are in the text around the quotes of these articles.</p>
<ol class="search-article-list" data-search-article-results></ol>
</section>`;
  return page({
    title: 'Search quotes',
    description: 'Search the words quoted in the archive: who said them, and when.',
    path: SEARCH_URL,
    section: 'search',
    sectionIndex: true,
    main,
    scripts: [SEARCH_SCRIPT_URL],
    stylesheets: [SEARCH_STYLESHEET_URL],
  });
}
