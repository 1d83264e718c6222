// How the archive was made, what can go wrong, and how to report a wrong attribution.
import { html } from '../src/site/html.ts';
import { page, SITE_NAME } from '../src/site/layout.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { ABOUT_URL, ARTICLES_JSON_URL, ATOM_FEED_URL, DATES_URL, JSON_FEED_URL, QUOTES_CSV_URL, SITEMAP_URL, SPEAKERS_URL } from '../src/site/urls.ts';
import { count } from '../src/site/words.ts';

export const data = { permalink: ABOUT_URL };

export function render(data: SiteData): string {
  const model = siteModel(data.archive);
  const main = html`<h1>About this archive</h1>
<p class="lede">${SITE_NAME} holds ${count(model.articles.length, 'news article')} and the ${count(model.quotes.length, 'quote')} found in them. It answers one question: who said what, and when.</p>
<h2 id="how">How it was made</h2>
<p>Editors put news articles into the archive as they were published. Everything else is done by a program, without a person checking each result:</p>
<ul>
<li>It finds every quotation, whatever quote marks the text uses, including quotes that run over several paragraphs and quotes broken by an attribution (“…, – said Peskov. – …”).</li>
<li>It decides who said each quote in two steps. Rules find the people the text could mean: a speech verb after or before the quote, “according to”, a credit after a dash, the subject of the sentence, the speaker of the quote before, and everyone named nearby. A model trained on hundreds of news articles then weighs them and chooses one, with a measure of how sure it is. Every quote’s page names the rule behind the choice, the words it relied on, how sure the program is, and whom else it weighed.</li>
<li>The editor has the last word. Where the program got a speaker wrong, took a scare quote for speech or missed a quote, the editor corrects it in a file beside the articles, without touching the article’s text; the correction holds when the program changes. A corrected quote says so on its page, with the editor’s note and what the program had said, and is marked on its article and speaker pages; the data files say which quotes were corrected.</li>
<li>It works out who “he”, “the spokesman” or a bare surname stands for, and merges the same person across articles into one <a href="${SPEAKERS_URL}">speaker page</a>.</li>
<li>It groups one statement reported by several articles: the same speaker’s words, matching closely in different articles, are one statement; each quote’s page lists the other reports, earliest first, with the words that differ marked, and a search shows them as one result.</li>
<li>It dates each article from its front matter, its dateline or its text, and says so on the article when the date was not given by an editor. Dates are shown only as precisely as they are known: “September 2015”, never an invented day. See the <a href="${DATES_URL}">timeline</a>.</li>
</ul>
<p>The article text is shown exactly as published, as plain text. Words that look like markup are shown as they are written and never run.</p>
<h2 id="report">Reporting a wrong attribution</h2>
<p>Programs make mistakes: a quote can be given to the wrong person, a scare quote can be taken for speech, or a quote can be missed. If you find one, tell the editors of this archive and give them:</p>
<ol>
<li>the address of the quote’s page (every quote has one, under “Cite this quote”),</li>
<li>who really said it, or why it is not a quote, and</li>
<li>where you know it from.</li>
</ol>
<p>Editors correct people in the archive’s people file (names, aliases, roles and Wikidata identifiers) and fix extraction rules in the program, then rebuild the archive.</p>
<h2 id="formats">Using the data</h2>
<p>Everything on the site is also available for other tools: an <a href="${ATOM_FEED_URL}">Atom feed</a> and a <a href="${JSON_FEED_URL}">JSON Feed</a> of the newest articles, <a href="${ARTICLES_JSON_URL}">every article record as JSON</a> (the text, its paragraphs, quotes, speakers and dates), <a href="${QUOTES_CSV_URL}">every quote as CSV</a> (UTF-8, one row per quote) and a <a href="${SITEMAP_URL}">sitemap</a>. Pages carry schema.org data: NewsArticle on articles, Person on speakers and Quotation on quote pages.</p>`;
  return page({ title: 'About this archive', description: `How ${SITE_NAME} was made, and how to report a wrong attribution.`, section: 'about', sectionIndex: true, main, path: ABOUT_URL });
}
