// Home: every article, newest first (undated last), with its date and who it quotes.
import type { ArticleRecord } from '../src/record.ts';
import { timeElement } from '../src/site/dates.ts';
import { html, join, type SafeHtml } from '../src/site/html.ts';
import { page, SITE_NAME } from '../src/site/layout.ts';
import { siteModel, type SiteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { titleMarkup } from '../src/site/titles.ts';
import { articleUrl, speakerUrl } from '../src/site/urls.ts';
import { count } from '../src/site/words.ts';

export const data = { permalink: '/' };

function quotedLine(model: SiteModel, article: ArticleRecord): SafeHtml {
  const people = model.quotedIn(article);
  if (people.length === 0) return html`<p class="quoted">No one is quoted.</p>`;
  const links = people.map((p) => html`<a href="${speakerUrl(p.id)}">${p.name}</a>`);
  return html`<p class="quoted">Quoted: ${join(links, ', ')}</p>`;
}

function articleItem(model: SiteModel, article: ArticleRecord): SafeHtml {
  return html`<li>
<article class="article-summary">
<h2><a href="${articleUrl(article.slug)}">${titleMarkup(article)}</a></h2>
<p class="meta">${timeElement(article.date)}${article.dateline ? html` · ${article.dateline}` : ''} · ${count(article.quotes.length, 'quote')}</p>
${quotedLine(model, article)}
</article>
</li>`;
}

export function render(data: SiteData): string {
  const model = siteModel(data.archive);
  const quotes = model.articles.reduce((n, a) => n + a.quotes.length, 0);
  const main = html`<h1>Articles</h1>
<p class="lede">${count(model.articles.length, 'article')}, ${count(quotes, 'quote')} from ${count(model.people.length, 'speaker')}. Newest first.</p>
<ol class="article-list">
${model.articles.map((a) => articleItem(model, a))}
</ol>`;
  return page({ title: SITE_NAME, description: 'News articles and who is quoted in them, newest first.', section: 'articles', sectionIndex: true, main });
}
