// The timeline: years, newest first, each with its months (linking to the month pages) and the
// articles known only to the year; undated articles under their own heading.
import type { ArticleRecord } from '../src/record.ts';
import { archiveOverTime } from '../src/site/charts.ts';
import { displayDate } from '../src/site/dates.ts';
import { html, type SafeHtml } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { siteModel, type Year } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { displayTitle } from '../src/site/titles.ts';
import { articleUrl, DATES_URL, monthUrl } from '../src/site/urls.ts';
import { count } from '../src/site/words.ts';

export const data = { permalink: DATES_URL };

const articleLinks = (articles: ArticleRecord[]): SafeHtml =>
  html`<ul class="plain-list">${articles.map((a) => html`<li><a href="${articleUrl(a.slug)}">${displayTitle(a).text}</a></li>`)}</ul>`;

function yearSection(year: Year): SafeHtml {
  const months = year.months.map(
    (m) => html`<li><a href="${monthUrl(m.key)}">${displayDate(m.key)}</a> <span class="counts">${count(m.articles.length, 'article')}, ${count(m.quotes.length, 'quote')}</span></li>`,
  );
  return html`<section class="year" aria-labelledby="y${year.year}">
<h2 id="y${year.year}">${year.year}</h2>
${months.length > 0 ? html`<ul class="month-list">${months}</ul>` : ''}
${year.yearOnly.length > 0 ? html`<h3>Dated only to ${year.year}</h3>${articleLinks(year.yearOnly)}` : ''}
</section>`;
}

export function render(data: SiteData): string {
  const model = siteModel(data.archive);
  const main = html`<h1>Dates</h1>
<p class="lede">Every article by the month it was published, and the quotes said in each month.</p>
${archiveOverTime(model.years)}
${model.years.map(yearSection)}
${model.undated.length > 0 ? html`<section class="undated-articles" aria-labelledby="undated">
<h2 id="undated">Undated</h2>
<p>Neither the article nor its file says when these were published.</p>
${articleLinks(model.undated)}
</section>` : ''}`;
  return page({ title: 'Dates', description: 'The archive by year and month.', section: 'dates', sectionIndex: true, main, path: DATES_URL });
}
