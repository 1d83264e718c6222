// Home: how big the archive is, a search box, the most-quoted speakers and the newest articles.
import { articleItem, searchBox } from '../src/site/components.ts';
import { html } from '../src/site/html.ts';
import { websiteJsonLd } from '../src/site/json-ld.ts';
import { page, SITE_NAME } from '../src/site/layout.ts';
import { siteModel } from '../src/site/site-model.ts';
import { archiveOverTime } from '../src/site/charts.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { DATES_URL, HOME_URL, SPEAKERS_BY_COUNT_URL, speakerUrl } from '../src/site/urls.ts';
import { count } from '../src/site/words.ts';

export const data = { permalink: HOME_URL };

/** Articles listed on the home page; the timeline lists every one. */
export const HOME_ARTICLES = 30;
/** Speakers in the "most quoted" list. */
export const TOP_SPEAKERS = 8;

export function render(data: SiteData): string {
  const model = siteModel(data.archive);
  const quotes = model.quotes.length;
  const top = model.peopleByCount.filter((p) => p.kind !== 'unnamed' && model.quotesBy(p.id).length > 0).slice(0, TOP_SPEAKERS);
  const newest = model.articles.slice(0, HOME_ARTICLES);
  const more = model.articles.length - newest.length;
  const main = html`<h1>Who said what, and when</h1>
<p class="lede"><span class="stat" data-stat="articles">${count(model.articles.length, 'article')}</span>, <span class="stat" data-stat="quotes">${count(quotes, 'quote')}</span> from <span class="stat" data-stat="speakers">${count(model.people.length, 'speaker')}</span>. Every quote is linked to its speaker and to its place in the article.</p>
${searchBox('home-search')}
${archiveOverTime(model.years, true)}
${top.length > 0 ? html`<section class="top-speakers" aria-labelledby="top-speakers">
<h2 id="top-speakers">Most quoted</h2>
<ol class="speaker-ranking">
${top.map((p) => html`<li><a href="${speakerUrl(p.id)}">${p.name}</a> <span class="counts">${count(model.quotesBy(p.id).length, 'quote')}</span></li>`)}
</ol>
<p class="more"><a href="${SPEAKERS_BY_COUNT_URL}">All speakers by number of quotes</a></p>
</section>` : ''}
<section aria-labelledby="newest">
<h2 id="newest">Newest articles</h2>
<ol class="article-list">
${newest.map((a) => articleItem(model, a, 3))}
</ol>
<p class="more">${more > 0 ? html`${count(more, 'older article')} on ` : 'Every article by month on '}<a href="${DATES_URL}">the timeline</a>.</p>
</section>`;
  return page({
    title: SITE_NAME,
    description: `${count(model.articles.length, 'news article')} and the ${count(quotes, 'quote')} in them, each linked to who said it and when.`,
    section: 'articles',
    sectionIndex: true,
    main,
    path: HOME_URL,
    jsonLd: websiteJsonLd(),
  });
}
