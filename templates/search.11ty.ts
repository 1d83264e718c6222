// The search page: the only page with JavaScript. The form and its filters are plain HTML rendered
// from the archive; the script asks the Pagefind index, whose every record is one quote.
import { yearOf } from '../src/site/dates.ts';
import { html } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { HOME_URL, SEARCH_SCRIPT_URL, SEARCH_URL, SPEAKERS_URL } from '../src/site/urls.ts';

export const data = { permalink: SEARCH_URL };

export function render(data: SiteData): string {
  const model = siteModel(data.archive);
  const speakers = model.people.filter((p) => model.quotesBy(p.id).length > 0);
  const years = [...new Set(model.articles.flatMap((a) => a.quotes.map((q) => yearOf(q.date ?? a.date))))]
    .filter((y): y is string => y !== null)
    .sort()
    .reverse();
  const main = html`<h1>Search quotes</h1>
<noscript><p class="notice">Search needs JavaScript, and it is off in this browser. Every quote can still be read on the <a href="${HOME_URL}">articles</a> and on the page of <a href="${SPEAKERS_URL}">each speaker</a>.</p></noscript>
<form class="search-form" role="search" action="${SEARCH_URL}" method="get" data-search-form>
<p class="search-field">
<label for="search-input">Words said</label>
<input type="search" id="search-input" name="q" autocomplete="off" spellcheck="false" data-search-input>
<button type="submit">Search</button>
</p>
<p class="search-filters">
<label for="search-speaker">Speaker</label>
<select id="search-speaker" name="speaker" data-search-filter="speaker">
<option value="">Anyone</option>
${speakers.map((p) => html`<option value="${p.name}">${p.name}</option>`)}
</select>
<label for="search-year">Year</label>
<select id="search-year" name="year" data-search-filter="year">
<option value="">Any year</option>
${years.map((y) => html`<option value="${y}">${y}</option>`)}
</select>
</p>
</form>
<p class="search-status" role="status" aria-live="polite" data-search-status></p>
<ol class="quote-list search-results" data-search-results></ol>`;
  return page({
    title: 'Search quotes',
    description: 'Search the words quoted in the archive.',
    section: 'search',
    sectionIndex: true,
    main,
    scripts: [SEARCH_SCRIPT_URL],
  });
}
