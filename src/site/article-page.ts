// One page per article: headline, date as precise as it is known and where it came from, the
// original, the text with its quotes marked up, the people it quotes, the articles before and
// after it, and articles quoting the same people.
// Not an Eleventy template: written one at a time after Eleventy's pages (src/site/write-pages.ts).
import type { ArticleRecord } from '../record.ts';
import { renderArticleText } from './article-text.ts';
import { articleItem } from './components.ts';
import { dateSourceNote, monthOf, timeElement } from './dates.ts';
import { externalUrl } from './external-url.ts';
import { html, type SafeHtml } from './html.ts';
import { newsArticleJsonLd } from './json-ld.ts';
import { page } from './layout.ts';
import type { ArticlePageModel } from './page-inputs.ts';
import { displayTitle, titleMarkup } from './titles.ts';
import { articleUrl, monthUrl, speakerUrl } from './urls.ts';
import { count, listing } from './words.ts';

/** The date, linked to its month on the timeline when it is known to the month. */
function dateLink(article: ArticleRecord): SafeHtml {
  const month = monthOf(article.date);
  return month ? html`<a href="${monthUrl(month)}">${timeElement(article.date)}</a>` : timeElement(article.date);
}

/** Where the article was first published, as far as the front matter says. */
function original(article: ArticleRecord): SafeHtml {
  const url = externalUrl(article.url);
  const by = [article.author ? `by ${article.author}` : null, article.outlet ? `in ${article.outlet}` : null].filter((x): x is string => x !== null);
  if (!url && by.length === 0) return html``;
  const words = by.length > 0 ? `Published ${by.join(' ')}` : 'Published elsewhere';
  return html`<p class="original">${words}${url ? html` · <a href="${url}" rel="external noopener noreferrer">read the original</a>` : ''}</p>`;
}

function header(article: ArticleRecord): SafeHtml {
  const note = dateSourceNote(article.dateSource);
  return html`<header class="article-header">
<h1>${titleMarkup(article)}</h1>
<p class="meta">${dateLink(article)}${article.dateline ? html` · <span class="dateline">${article.dateline}</span>` : ''}</p>
${note ? html`<p class="date-source">${note}</p>` : ''}
${original(article)}
</header>`;
}

function speakersSection(model: ArticlePageModel, article: ArticleRecord): SafeHtml {
  const people = model.speakers(article);
  const items = people.map((person) => {
    const said = article.quotes.filter((q) => q.speakerId === person.id).length;
    const described = person.rolesHere;
    const roles = described.length > 0 ? html`, <span class="roles">${described.join('; ')}</span>` : '';
    return html`<li><a href="${speakerUrl(person.id)}">${person.name}</a>${roles} (${count(said, 'quote')})</li>`;
  });
  return html`<section class="article-speakers" aria-labelledby="speakers-heading">
<h2 id="speakers-heading">Quoted in this article</h2>
${people.length > 0 ? html`<ul>${items}</ul>` : html`<p>No one is quoted by name.</p>`}
</section>`;
}

/** The article before and after this one by date (newest first on the home page). */
function neighbours(model: ArticlePageModel, article: ArticleRecord): SafeHtml {
  const { older, newer } = model.neighbours(article);
  if (!newer && !older) return html``;
  const link = (a: ArticleRecord, rel: 'prev' | 'next', label: string) =>
    html`<li class="${rel}"><span class="rel">${label}:</span> <a href="${articleUrl(a.slug)}" rel="${rel}">${displayTitle(a).text}</a></li>`;
  return html`<nav class="neighbours" aria-label="Previous and next article by date"><ul>${older ? link(older, 'prev', 'Previous (older)') : ''}${newer ? link(newer, 'next', 'Next (newer)') : ''}</ul></nav>`;
}

function related(model: ArticlePageModel, article: ArticleRecord): SafeHtml {
  const others = model.related(article);
  if (others.length === 0) return html``;
  return html`<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading">Articles quoting the same people</h2>
<ol class="article-list compact">${others.map((a) => articleItem(model, a, 3))}</ol>
</section>`;
}

export function renderArticlePage(model: ArticlePageModel, article: ArticleRecord): string {
  const people = model.speakers(article);
  const main = html`<article class="article">
${header(article)}
${renderArticleText(article, model)}
</article>
${speakersSection(model, article)}
${related(model, article)}
${neighbours(model, article)}`;
  const title = displayTitle(article).text;
  const named = people.filter((p) => p.kind !== 'unnamed').map((p) => p.name);
  return page({
    title,
    description: `${title}: the article${named.length > 0 ? ` and its quotes from ${listing(named.slice(0, 4))}` : ' and the quotes in it'}.`,
    section: 'articles',
    sectionIndex: false,
    main,
    path: articleUrl(article.slug),
    ogType: 'article',
    jsonLd: newsArticleJsonLd(article, people),
  });
}
