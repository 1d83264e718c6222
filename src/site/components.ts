// Pieces of pages used by more than one template: a quote in a list, an article in a list, a
// search box and the "sort by" switch.
import { isCorrected } from './attribution.ts';
import type { ArticleRecord, Person } from '../record.ts';
import { displayDate, timeElement } from './dates.ts';
import { html, join, type SafeHtml } from './html.ts';
import type { PeopleLookup, QuotedLookup } from './page-inputs.ts';
import { quoteDate, type QuoteInArticle, type SiteModel } from './site-model.ts';
import { displayTitle, titleMarkup } from './titles.ts';
import { articleUrl, quotePageUrl, quoteUrl, SEARCH_URL, speakerUrl, SPEAKERS_BY_COUNT_URL, SPEAKERS_URL } from './urls.ts';
import { count } from './words.ts';

export interface QuoteItemOptions {
  /** Name the speaker (lists of several people's quotes). */
  speaker: boolean;
  /** More about the quote, inside its item (a speaker page's other reports of the statement). */
  after?: SafeHtml | undefined;
}

/** A quote out of its article: its words, who and when, and links to its place and its page. */
export function quoteItem(model: PeopleLookup, item: QuoteInArticle, options: QuoteItemOptions): SafeHtml {
  const { article, quote } = item;
  const inArticle = quoteUrl(article.slug, quote.id);
  const person = model.person(quote.speakerId);
  const who = !options.speaker
    ? ''
    : person
      ? html`<a class="quote-speaker" href="${speakerUrl(person.id)}">${person.name}</a> · `
      : html`<span class="unattributed">Speaker not identified</span> · `;
  return html`<li class="quote-item">
<blockquote cite="${inArticle}" class="quote ${quote.kind}"><p>${quote.text}</p></blockquote>
<p class="quote-source">${who}${isCorrected(quote.attribution) ? html`<span class="corrected">attribution corrected by the editor</span> · ` : ''}${timeElement(quoteDate(item))} · in <a class="quote-in-article" href="${inArticle}">${displayTitle(article).text}</a> · <a class="quote-link" href="${quotePageUrl(article.slug, quote.id)}">quote page<span class="visually-hidden">: ${displayDate(quoteDate(item))}, ${person?.name ?? 'unidentified speaker'}</span></a></p>
${options.after ?? ''}</li>`;
}

/** Who an article quotes, as links. */
export function quotedLine(model: QuotedLookup, article: ArticleRecord): SafeHtml {
  const people = model.quotedIn(article);
  if (people.length === 0) return html`<p class="quoted">No one is quoted.</p>`;
  const links = people.map((p) => html`<a href="${speakerUrl(p.id)}">${p.name}</a>`);
  return html`<p class="quoted">Quoted: ${join(links, ', ')}</p>`;
}

/** An article in a list: its title as a heading, date, dateline, number of quotes and who speaks. */
export function articleItem(model: QuotedLookup, article: ArticleRecord, level: 2 | 3 = 2): SafeHtml {
  const heading = html`<a href="${articleUrl(article.slug)}">${titleMarkup(article)}</a>`;
  return html`<li>
<article class="article-summary">
${level === 2 ? html`<h2>${heading}</h2>` : html`<h3>${heading}</h3>`}
<p class="meta">${timeElement(article.date)}${article.dateline ? html` · ${article.dateline}` : ''} · ${count(article.quotes.length, 'quote')}</p>
${quotedLine(model, article)}
</article>
</li>`;
}

/** A plain GET form to the search page: it works without JavaScript, which only the search page has. */
export function searchBox(id: string, label = 'Search the quotes'): SafeHtml {
  return html`<form class="search-box" role="search" action="${SEARCH_URL}" method="get">
<label for="${id}">${label}</label>
<input type="search" id="${id}" name="q" autocomplete="off">
<button type="submit">Search</button>
</form>`;
}

/** Links between the orderings of one list; the current one is text, not a link. */
export function sortSwitch(label: string, options: { text: string; url: string; current: boolean }[]): SafeHtml {
  const items = options.map((o) => (o.current ? html`<strong>${o.text}</strong>` : html`<a href="${o.url}">${o.text}</a>`));
  return html`<p class="sort-switch">${label}: ${join(items, ' · ')}</p>`;
}

/** A speaker in the speakers index: name, first role, how many quotes in how many articles. */
export function speakerItem(model: SiteModel, person: Person): SafeHtml {
  const quotes = model.quotesBy(person.id);
  const articles = model.articlesQuoting(person.id).length;
  const role = person.roles[0];
  return html`<li><a href="${speakerUrl(person.id)}">${person.name}</a>${role ? html`, <span class="roles">${role}</span>` : ''} <span class="counts">(${count(quotes.length, 'quote')} in ${count(articles, 'article')})</span></li>`;
}

/** The switch between the two orderings of the speakers index. */
export function speakerSorting(byCount: boolean): SafeHtml {
  return sortSwitch('Sort', [
    { text: 'by name', url: SPEAKERS_URL, current: !byCount },
    { text: 'by number of quotes', url: SPEAKERS_BY_COUNT_URL, current: byCount },
  ]);
}
