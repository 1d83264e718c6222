// One page per speaker: who they are and everything they are quoted saying, each quote linking to
// its place in the article.
import type { Person } from '../src/record.ts';
import { timeElement } from '../src/site/dates.ts';
import { html, type SafeHtml } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { siteModel, type QuoteInArticle } from '../src/site/site-model.ts';
import type { SiteData, SpeakerPageData } from '../src/site/template-data.ts';
import { displayTitle } from '../src/site/titles.ts';
import { quoteUrl, speakerUrl, SPEAKERS_URL } from '../src/site/urls.ts';
import { count } from '../src/site/words.ts';

export const data = {
  pagination: {
    data: 'archive.people',
    size: 1,
    alias: 'person',
    addAllPagesToCollections: false,
    // Everyone the site model knows, which includes speakers missing from the people list.
    before: (_people: Person[], data: SiteData): Person[] => siteModel(data.archive).people,
  },
  permalink: (data: SpeakerPageData): string => speakerUrl(data.person.id),
};

const WIKIDATA_ID = /^Q\d+$/;

function facts(person: Person): SafeHtml {
  const rows: SafeHtml[] = [];
  if (person.kind !== 'person') rows.push(html`<dt>Kind</dt><dd>${person.kind === 'organisation' ? 'Organisation' : 'Unnamed speaker'}</dd>`);
  if (person.roles.length > 0) rows.push(html`<dt>Described as</dt>${person.roles.map((r) => html`<dd>${r}</dd>`)}`);
  const aliases = person.aliases.filter((a) => a !== person.name);
  if (aliases.length > 0) rows.push(html`<dt>Also called</dt>${aliases.map((a) => html`<dd>${a}</dd>`)}`);
  if (person.wikidata && WIKIDATA_ID.test(person.wikidata)) {
    rows.push(html`<dt>Wikidata</dt><dd><a href="https://www.wikidata.org/wiki/${person.wikidata}">${person.wikidata}</a></dd>`);
  }
  return rows.length > 0 ? html`<dl class="facts">${rows}</dl>` : html``;
}

function quoteItem({ article, quote }: QuoteInArticle): SafeHtml {
  const url = quoteUrl(article.slug, quote.id);
  return html`<li class="quote-item">
<blockquote cite="${url}" class="quote ${quote.kind}"><p>${quote.text}</p></blockquote>
<p class="quote-source">${timeElement(quote.date ?? article.date)} · in <a href="${url}">${displayTitle(article).text}</a></p>
</li>`;
}

export function render(data: SpeakerPageData & SiteData): string {
  const model = siteModel(data.archive);
  const { person } = data;
  const quotes = model.quotesBy(person.id);
  const main = html`<p class="breadcrumb"><a href="${SPEAKERS_URL}">All speakers</a></p>
<h1>${person.name}</h1>
${facts(person)}
<h2>${count(quotes.length, 'quote')}</h2>
${quotes.length > 0 ? html`<ol class="quote-list">${quotes.map(quoteItem)}</ol>` : html`<p>No quotes are attributed to ${person.name}.</p>`}`;
  return page({ title: person.name, description: `Everything ${person.name} is quoted saying in the archive.`, section: 'speakers', sectionIndex: false, main });
}
