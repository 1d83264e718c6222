// One page per article: headline, date and where it came from, the text with its quotes marked
// up, and the people it quotes.
import type { ArticleRecord } from '../src/record.ts';
import { renderArticleText } from '../src/site/article-text.ts';
import { dateSourceNote, timeElement } from '../src/site/dates.ts';
import { html, type SafeHtml } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { siteModel, type SiteModel } from '../src/site/site-model.ts';
import type { ArticlePageData, SiteData } from '../src/site/template-data.ts';
import { displayTitle, titleMarkup } from '../src/site/titles.ts';
import { articleUrl, speakerUrl } from '../src/site/urls.ts';
import { count } from '../src/site/words.ts';

export const data = {
  pagination: { data: 'archive.articles', size: 1, alias: 'article', addAllPagesToCollections: false },
  permalink: (data: ArticlePageData): string => articleUrl(data.article.slug),
};

function header(article: ArticleRecord): SafeHtml {
  const note = dateSourceNote(article.dateSource);
  return html`<header class="article-header">
<h1>${titleMarkup(article)}</h1>
<p class="meta">${timeElement(article.date)}${article.dateline ? html` · <span class="dateline">${article.dateline}</span>` : ''}</p>
${note ? html`<p class="date-source">${note}</p>` : ''}
</header>`;
}

function speakersSection(model: SiteModel, article: ArticleRecord): SafeHtml {
  const people = model.quotedIn(article);
  const items = people.map((person) => {
    const said = article.quotes.filter((q) => q.speakerId === person.id).length;
    const roles = person.roles.length > 0 ? html`, <span class="roles">${person.roles.join('; ')}</span>` : '';
    return html`<li><a href="${speakerUrl(person.id)}">${person.name}</a>${roles} (${count(said, 'quote')})</li>`;
  });
  return html`<section class="article-speakers" aria-labelledby="speakers-heading">
<h2 id="speakers-heading">Quoted in this article</h2>
${people.length > 0 ? html`<ul>${items}</ul>` : html`<p>No one is quoted by name.</p>`}
</section>`;
}

/** Links to the next newer and older articles, in the home page's order. */
function neighbours(model: SiteModel, article: ArticleRecord): SafeHtml {
  const i = model.articles.findIndex((a) => a.slug === article.slug);
  const newer = model.articles[i - 1];
  const older = model.articles[i + 1];
  const link = (a: ArticleRecord, rel: string) =>
    html`<li><span class="rel">${rel}:</span> <a href="${articleUrl(a.slug)}">${displayTitle(a).text}</a></li>`;
  if (!newer && !older) return html``;
  return html`<nav class="neighbours" aria-label="More articles"><ul>${newer ? link(newer, 'Newer') : ''}${older ? link(older, 'Older') : ''}</ul></nav>`;
}

export function render(data: ArticlePageData & SiteData): string {
  const model = siteModel(data.archive);
  const { article } = data;
  const main = html`<article class="article">
${header(article)}
${renderArticleText(article, model)}
</article>
${speakersSection(model, article)}
${neighbours(model, article)}`;
  const title = displayTitle(article).text;
  return page({ title, description: `The article “${title}” and the quotes in it.`, section: 'articles', sectionIndex: false, main });
}
