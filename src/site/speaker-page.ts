// One page per speaker: who they are, everything they are quoted saying (each quote linking to
// its place in the article and to its own page), the articles they appear in and who else is
// quoted there.
// Not an Eleventy template: written one at a time after Eleventy's pages (src/site/write-pages.ts).
import type { Person } from '../record.ts';
import { barChart, monthOf, periodsOf, periodUrl } from './charts.ts';
import { quoteItem } from './components.ts';
import { timeElement } from './dates.ts';
import { html, type SafeHtml } from './html.ts';
import { personJsonLd } from './json-ld.ts';
import { page } from './layout.ts';
import { otherNames } from './people.ts';
import { REPORTS_SHOWN, type SpeakerPageModel } from './page-inputs.ts';
import { quoteDate, type QuoteInArticle } from './site-model.ts';
import { displayTitle } from './titles.ts';
import { articleUrl, quotePageUrl, speakerFeedUrl, speakerSearchUrl, speakerUrl, SPEAKERS_URL } from './urls.ts';
import { count } from './words.ts';

const WIKIDATA_ID = /^Q\d+$/;

function facts(person: Person): SafeHtml {
  const rows: SafeHtml[] = [];
  if (person.kind !== 'person') rows.push(html`<dt>Kind</dt><dd>${person.kind === 'organisation' ? 'Organisation' : 'Unnamed speaker'}</dd>`);
  if (person.roles.length > 0) rows.push(html`<dt>Described as</dt>${person.roles.map((r) => html`<dd>${r}</dd>`)}`);
  const aliases = otherNames(person);
  if (aliases.length > 0) rows.push(html`<dt>Also called</dt>${aliases.map((a) => html`<dd>${a}</dd>`)}`);
  if (person.wikidata && WIKIDATA_ID.test(person.wikidata)) {
    rows.push(html`<dt>Wikidata</dt><dd><a href="https://www.wikidata.org/wiki/${person.wikidata}">${person.wikidata}</a></dd>`);
  }
  return rows.length > 0 ? html`<dl class="facts">${rows}</dl>` : html``;
}

function articlesSection(model: SpeakerPageModel, person: Person): SafeHtml {
  const articles = model.articlesQuoting(person.id);
  if (articles.length === 0) return html``;
  const items = articles.map((a) => {
    const n = a.quotes.filter((q) => q.speakerId === person.id).length;
    return html`<li><a href="${articleUrl(a.slug)}">${displayTitle(a).text}</a> <span class="counts">${timeElement(a.date)} · ${count(n, 'quote')}</span></li>`;
  });
  return html`<section aria-labelledby="articles-heading">
<h2 id="articles-heading">In ${count(articles.length, 'article')}</h2>
<ol class="plain-list">${items}</ol>
</section>`;
}

function alsoQuoted(model: SpeakerPageModel, person: Person): SafeHtml {
  const others = model.alsoQuotedWith(person.id);
  if (others.length === 0) return html``;
  const items = others.map(
    ({ person: other, shared }) => html`<li><a href="${speakerUrl(other.id)}">${other.name}</a> <span class="counts">(${count(shared, 'article')} together)</span></li>`,
  );
  return html`<section aria-labelledby="others-heading">
<h2 id="others-heading">Also quoted in these articles</h2>
<ul class="plain-list">${items}</ul>
</section>`;
}

/** The quotes, newest first, each statement once: its newest report, with the others. */
function byStatement(quotes: readonly QuoteInArticle[]): Array<[QuoteInArticle, QuoteInArticle[]]> {
  const groups = new Map<string, [QuoteInArticle, QuoteInArticle[]]>();
  const out: Array<[QuoteInArticle, QuoteInArticle[]]> = [];
  for (const item of quotes) {
    const group = item.quote.statement ? groups.get(item.quote.statement) : undefined;
    if (group) {
      group[1].push(item);
      continue;
    }
    const entry: [QuoteInArticle, QuoteInArticle[]] = [item, []];
    if (item.quote.statement) groups.set(item.quote.statement, entry);
    out.push(entry);
  }
  return out;
}

/** A statement's other reports under its newest one: at most REPORTS_SHOWN links and a count. */
function otherReports(others: QuoteInArticle[]): SafeHtml | undefined {
  if (others.length === 0) return undefined;
  const shown = others.slice(0, REPORTS_SHOWN).map(({ article, quote }) => html`<li><a href="${quotePageUrl(article.slug, quote.id)}">${displayTitle(article).text}</a> <span class="counts">${timeElement(quoteDate({ article, quote }))}</span></li>`);
  const more = others.length - shown.length;
  return html`<details class="other-reports"><summary>Also reported in ${count(others.length, 'other article')}</summary><ul class="plain-list">${shown}</ul>${more > 0 ? html`<p>And ${count(more, 'more')}.</p>` : ''}</details>`;
}

/** "12 statements, reported 30 times": when other articles report the same words. */
function statementsLine(quotes: readonly QuoteInArticle[]): SafeHtml {
  const statements = new Set(quotes.map(({ quote }) => quote.statement ?? quote.id)).size;
  if (statements === quotes.length) return html``;
  return html`<p class="statements">${count(statements, 'statement')}, reported ${count(quotes.length, 'time')}: some of these words were reported by more than one article, and each quote’s page lists the others.</p>`;
}

/** The speaker's quotes per month of the articles they stand in. */
function quotesOverTime(quotes: readonly QuoteInArticle[], person: Person): SafeHtml {
  const byMonth = new Map<string, number[]>();
  for (const { article } of quotes) {
    const month = monthOf(article.date);
    if (month) byMonth.set(month, [(byMonth.get(month)?.[0] ?? 0) + 1]);
  }
  if (byMonth.size === 0) return html``;
  return barChart({ id: 'quotes-chart', title: `Quotes by ${person.name} over time`, series: ['quote'], periods: periodsOf(byMonth, 1, periodUrl) });
}

export function renderSpeakerPage(model: SpeakerPageModel, person: Person): string {
  const quotes = model.quotesBy(person.id);
  const main = html`<p class="breadcrumb"><a href="${SPEAKERS_URL}">All speakers</a></p>
<h1>${person.name}</h1>
${facts(person)}
${quotes.length > 0 ? html`<p class="search-speaker"><a href="${speakerSearchUrl(person.id)}">Search this speaker’s quotes</a> · <a href="${speakerFeedUrl(person.id)}" type="application/atom+xml">Follow ${person.name}’s new quotes (Atom feed)</a></p>` : ''}
${quotesOverTime(quotes, person)}
<section aria-labelledby="quotes-heading">
<h2 id="quotes-heading">${count(quotes.length, 'quote')}, newest first</h2>
${statementsLine(quotes)}
${quotes.length > 0 ? html`<ol class="quote-list">${byStatement(quotes).map(([q, others]) => quoteItem(model, q, { speaker: false, after: otherReports(others) }))}</ol>` : html`<p>No quotes are attributed to ${person.name}.</p>`}
</section>
${articlesSection(model, person)}
${alsoQuoted(model, person)}`;
  return page({
    title: person.name,
    description: `Everything ${person.name} is quoted saying in the archive: ${count(quotes.length, 'quote')}.`,
    section: 'speakers',
    sectionIndex: false,
    main,
    path: speakerUrl(person.id),
    ogType: 'profile',
    jsonLd: personJsonLd(person, quotes.length),
    feeds: quotes.length > 0 ? [{ title: `${person.name}: new quotes (Atom)`, href: speakerFeedUrl(person.id) }] : [],
  });
}
