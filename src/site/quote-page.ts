// One page per quote, its permalink: the words, who said them and when, the paragraph around
// them, why the program gave them to this speaker, and a citation ready to copy.
// Not an Eleventy template: written one at a time after Eleventy's pages (src/site/write-pages.ts).
import type { ArticleRecord, Quote } from '../record.ts';
import { explainRule, isCorrected } from './attribution.ts';
import { absoluteUrl } from './config.ts';
import { displayDate, timeElement } from './dates.ts';
import { html, join, type SafeHtml } from './html.ts';
import { remembering } from '../io/remembering.ts';
import { quotationJsonLd } from './json-ld.ts';
import { page, SITE_NAME } from './layout.ts';
import { quoteInContext } from './quote-context.ts';
import type { QuotePageModel } from './page-inputs.ts';
import { quoteDate, type QuoteInArticle } from './site-model.ts';
import { displayTitle } from './titles.ts';
import { ABOUT_URL, articleUrl, quotePageUrl, quoteUrl, speakerUrl } from './urls.ts';
import { count } from './words.ts';

const KIND_TEXT: Record<Quote['kind'], string> = {
  direct: 'Direct quote',
  partial: 'Partial quote: a few quoted words inside the writer’s sentence',
};

/** "“…” — Name, quoted in “Title” (Outlet), 14 October 2015. Site: URL" */
export function citationText(model: QuotePageModel, item: QuoteInArticle): string {
  const { article, quote } = item;
  const speaker = model.person(quote.speakerId)?.name ?? 'Unidentified speaker';
  const outlet = article.outlet ? ` (${article.outlet})` : '';
  const date = quoteDate(item);
  const when = date ? `, ${displayDate(date)}` : '';
  const text = quote.text.replace(/\s+/g, ' ').trim();
  return `“${text}” — ${speaker}, quoted in “${displayTitle(article).text}”${outlet}${when}. ${SITE_NAME}: ${absoluteUrl(quotePageUrl(article.slug, quote.id))}`;
}

/** The words as a reader would quote them, without stray quote marks or spaces at the ends. */
const trimMarks = (words: string): string => words.replace(/^[\s“”‘’"'«»„‚‹›]+|[\s“”‘’"'«»„‚‹›]+$/g, '');

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** How sure the program is of the speaker, and whom else it weighed. */
function certainty(quote: Quote): SafeHtml {
  const { confidence, alternatives } = quote.attribution;
  const others = alternatives.map((a) => html`${a.name ?? 'nobody named'} (${percent(a.score)})`);
  const checked = quote.attribution.confirmed ? html` The editor has checked it.` : '';
  if (quote.attribution.rule === 'undecided') return html`<p class="confidence">The program named no one. The likeliest were: ${join(others, ', ')}.${checked}</p>`;
  const list = others.length === 0 ? '' : html` Others it weighed: ${join(others, ', ')}.`;
  return html`<p class="confidence">How sure the program is of this speaker: ${percent(confidence)}.${list}${checked}</p>`;
}

/** What the editor said of a corrected quote, and what the program had said. */
function correction(quote: Quote): SafeHtml {
  const { extracted, note, by } = quote.attribution;
  const had = extracted
    ? extracted.rule === 'none' && extracted.speaker === null && extracted.confidence === 0
      ? html`The program had not found this quote.`
      : html`The program had said: ${extracted.speaker ?? 'no speaker'} (${extracted.kind} quote; rule <code>${extracted.rule}</code>, ${percent(extracted.confidence)} sure).`
    : '';
  return html`<section class="why" aria-labelledby="why-heading">
<h2 id="why-heading">Attribution corrected by the editor</h2>
${note ? html`<p class="note">${note}${by ? html` — ${by}` : ''}</p>` : by ? html`<p class="note">Corrected by ${by}.</p>` : ''}
<p>${had}</p>
</section>`;
}

function why(item: QuoteInArticle): SafeHtml {
  const { quote } = item;
  if (isCorrected(quote.attribution)) return correction(quote);
  const { rule, summary, example } = explainRule(quote.attribution);
  const { mention, cue } = quote.attribution;
  const words: SafeHtml[] = [];
  if (mention && trimMarks(mention)) words.push(html`the speaker is named as “${trimMarks(mention)}”`);
  if (cue && trimMarks(cue)) words.push(html`the cue is “${trimMarks(cue)}”`);
  return html`<section class="why" aria-labelledby="why-heading">
<h2 id="why-heading">${quote.speakerId ? 'Why this speaker' : 'Why no speaker'}</h2>
<p>${summary} <span class="rule">(Rule: <code>${rule}</code>.)</span></p>
${words.length > 0 ? html`<p>In this article ${words.length === 2 ? html`${words[0]} and ${words[1]}` : words[0]}.</p>` : ''}
${example ? html`<p class="example">For example: ${example}</p>` : ''}
${certainty(quote)}
<p>The quote and its speaker were found by a program and can be wrong. <a href="${ABOUT_URL}#report">How to report a wrong attribution</a>.</p>
</section>`;
}

const wordKey = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Which of the words `b` are in a longest common run with `a` (by the usual table; quotes are
 * short, and a long one is cut). The words both start and end with are shared without a table:
 * reports of one statement mostly differ in a word or two, and the table of two long quotes cost
 * more than the rest of their pages.
 */
function sharedWords(a: string[], b: string[]): Set<number> {
  const shared = new Set<number>();
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) shared.add(start++);
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) shared.add(--endB), endA--;
  const x = a.slice(start, Math.min(endA, start + 400));
  const y = b.slice(start, Math.min(endB, start + 400));
  const table = Array.from({ length: x.length + 1 }, () => new Uint16Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) table[i]![j] = x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      shared.add(start + j);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return shared;
}

/**
 * A report's words when they are the page's own, made once per text: of the 112,000 reports the
 * quote pages of the benchmark's 5,000 synthetic articles list, 108,000 have their page's words,
 * and a statement's text is listed on each of its pages. Bounded, as the tagger's memos are.
 */
const sameWords = remembering((text: string): SafeHtml => html`${text.split(/\s+/).join(' ')}`, 4096);

/** The words of `other`, with those this quote does not have marked: where the reports differ. */
export function markDifferences(own: string, other: string): SafeHtml {
  // Most reports of a statement are word for word the same.
  if (own === other) return sameWords(other);
  const theirs = other.split(/\s+/);
  const shared = sharedWords(own.split(/\s+/).map(wordKey), theirs.map(wordKey));
  const words = theirs.map((w, j) => (shared.has(j) || wordKey(w) === '' ? html`${w}` : html`<mark>${w}</mark>`));
  return join(words.flatMap((w, i) => (i === 0 ? [w] : [html` `, w])), '');
}

/** "Also reported in": the statement's other reports, earliest first, their differing words marked. */
function otherReports(model: QuotePageModel, quote: Quote): SafeHtml {
  const reports = model.reports(quote);
  if (!reports) return html``;
  const items = reports.others.map(
    (r) => html`<li><a href="${quotePageUrl(r.slug, r.quoteId)}">${r.title}</a>${r.outlet ? html` · ${r.outlet}` : ''} · ${timeElement(r.date)}<blockquote class="quote"><p>${markDifferences(quote.text, r.text)}</p></blockquote></li>`,
  );
  const more = reports.total - 1 - reports.others.length;
  return html`<section class="reports" aria-labelledby="reports-heading">
<h2 id="reports-heading">Also reported in ${count(reports.total - 1, 'other article')}</h2>
<p>${reports.earliest ? 'This is the earliest report of these words.' : 'The first of these is the earliest report.'} Words that differ from this quote are marked.</p>
<ol class="report-list">${items}</ol>
${more > 0 ? html`<p>And ${count(more, 'more report')}.</p>` : ''}
</section>`;
}

function siblings(model: QuotePageModel, article: ArticleRecord, quote: Quote): SafeHtml {
  const all = model.quotesIn(article);
  const i = all.findIndex((q) => q.id === quote.id);
  const previous = all[i - 1];
  const next = all[i + 1];
  if (!previous && !next) return html``;
  const link = (q: Quote, rel: 'prev' | 'next', label: string) =>
    html`<li><span class="rel">${label}:</span> <a href="${quotePageUrl(article.slug, q.id)}" rel="${rel}">${q.text.length > 80 ? `${q.text.slice(0, 80).trimEnd()}…` : q.text}</a></li>`;
  return html`<nav class="neighbours" aria-label="Other quotes in this article"><ul>${previous ? link(previous, 'prev', 'Previous quote') : ''}${next ? link(next, 'next', 'Next quote') : ''}</ul></nav>`;
}

/** The quote's page, as it is written to `quotePageUrl(article.slug, quote.id)` (before any path prefix). */
export function renderQuotePage(model: QuotePageModel, item: QuoteInArticle): string {
  const { article, quote } = item;
  const person = model.person(quote.speakerId);
  const date = quoteDate(item);
  const title = displayTitle(article).text;
  const number = model.quotesIn(article).findIndex((q) => q.id === quote.id) + 1;
  const inArticle = quoteUrl(article.slug, quote.id);
  const roles = person ? person.rolesHere : [];
  const speakerName = person ? html`<a href="${speakerUrl(person.id)}">${person.name}</a>` : html`<span class="unattributed">speaker not identified</span>`;
  const main = html`<p class="breadcrumb"><a href="${articleUrl(article.slug)}">${title}</a> › quote ${number} of ${model.quotesIn(article).length}</p>
<h1>${person ? `Quote by ${person.name}` : 'Unattributed quote'}</h1>
<figure class="quote-figure">
<blockquote cite="${inArticle}" class="quote ${quote.kind}"><p>${quote.text}</p></blockquote>
<figcaption>— ${speakerName}, ${timeElement(date)}</figcaption>
</figure>
<dl class="facts">
<dt>Said by</dt><dd>${speakerName}${roles.length > 0 ? html`, <span class="roles">${roles.join('; ')}</span>` : ''}</dd>
<dt>Date</dt><dd>${timeElement(date)}${quote.date === null && article.date !== null ? ' (the article’s date)' : ''}</dd>
<dt>Article</dt><dd><a href="${articleUrl(article.slug)}">${title}</a></dd>
<dt>Kind</dt><dd>${KIND_TEXT[quote.kind] ?? quote.kind}</dd>
</dl>
<p class="in-article-link"><a class="quote-in-article" href="${inArticle}">Read this quote in the article</a></p>
<section class="context" aria-labelledby="context-heading">
<h2 id="context-heading">In context</h2>
<div class="context-text">${quoteInContext(article, quote)}</div>
</section>
${otherReports(model, quote)}
${why(item)}
<section class="cite" aria-labelledby="cite-heading">
<h2 id="cite-heading">Cite this quote</h2>
<p class="citation">${citationText(model, item)}</p>
</section>
${siblings(model, article, quote)}`;
  const short = quote.text.length > 120 ? `${quote.text.slice(0, 120).trimEnd()}…` : quote.text;
  return page({
    title: `${person ? person.name : 'Unattributed'}: “${short}”`,
    description: `“${short}”, ${person ? `said by ${person.name}` : 'an unattributed quote'}, ${displayDate(date)}, in “${title}”.`,
    section: 'articles',
    sectionIndex: false,
    main,
    path: quotePageUrl(article.slug, quote.id),
    ogType: 'article',
    jsonLd: quotationJsonLd(article, quote, person, date),
  });
}
