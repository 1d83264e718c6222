// One page per month: the articles published in it and the quotes said in it, oldest first.
// Not an Eleventy template: written one at a time after Eleventy's pages (src/site/write-pages.ts).
import { articleItem, quoteItem } from './components.ts';
import { displayDate } from './dates.ts';
import { html, type SafeHtml } from './html.ts';
import { page } from './layout.ts';
import type { MonthPageModel } from './page-inputs.ts';
import { DATES_URL, monthUrl, yearUrl } from './urls.ts';
import { count } from './words.ts';

function neighbours(model: MonthPageModel, key: string): SafeHtml {
  const { older, newer } = model.adjacentMonths(key);
  if (!older && !newer) return html``;
  const link = (k: string, rel: 'prev' | 'next', label: string) =>
    html`<li><span class="rel">${label}:</span> <a href="${monthUrl(k)}" rel="${rel}">${displayDate(k)}</a></li>`;
  return html`<nav class="neighbours" aria-label="Previous and next month"><ul>${older ? link(older, 'prev', 'Previous month') : ''}${newer ? link(newer, 'next', 'Next month') : ''}</ul></nav>`;
}

export function renderMonthPage(model: MonthPageModel, monthKey: string): string {
  const month = model.month(monthKey);
  if (!month) throw new Error(`No month ${monthKey}`);
  const name = displayDate(month.key);
  const year = month.key.slice(0, 4);
  const main = html`<p class="breadcrumb"><a href="${DATES_URL}">Dates</a> › <a href="${yearUrl(year)}">${year}</a></p>
<h1>${name}</h1>
<p class="lede">${count(month.articles.length, 'article')} published and ${count(month.quotes.length, 'quote')} said in ${name}, oldest first.</p>
<section aria-labelledby="articles-heading">
<h2 id="articles-heading">Articles</h2>
${month.articles.length > 0 ? html`<ol class="article-list">${month.articles.map((a) => articleItem(model, a, 3))}</ol>` : html`<p>No article was published this month; the quotes below are from articles of other months.</p>`}
</section>
<section aria-labelledby="quotes-heading">
<h2 id="quotes-heading">Quotes</h2>
${month.quotes.length > 0 ? html`<ol class="quote-list">${month.quotes.map((q) => quoteItem(model, q, { speaker: true }))}</ol>` : html`<p>No quote is dated to this month.</p>`}
</section>
${neighbours(model, month.key)}`;
  return page({
    title: name,
    description: `Articles and quotes of ${name}.`,
    section: 'dates',
    sectionIndex: false,
    main,
    path: monthUrl(month.key),
  });
}
