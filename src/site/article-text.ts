// The article text, paragraph by paragraph, with every quote marked up where it stands.
// Offsets in the record point into `body`, so the text is sliced from `body` and every slice is
// escaped: the words on the page are exactly the words of the article, never markup.
//
// A quote becomes <q id="q3" cite="/speakers/…/"> inside its paragraph (one <q> per part when it
// runs over several paragraphs; only the first carries the id), or a <blockquote> when a direct
// quote is the whole of every paragraph it runs through. After the quote (and its closing marks) a small link names
// the speaker, and another leads to the quote's own page. A quote that cannot be placed in the shown text (it sits in the headline, in
// furniture, or overlaps another quote) is listed after the text, so every quote has an anchor.
import { isCorrected } from './attribution.ts';
import type { ArticleRecord, Paragraph, Quote, QuoteSpan } from '../record.ts';
import { html, type SafeHtml } from './html.ts';
import type { PeopleLookup } from './page-inputs.ts';
import { displayTitle } from './titles.ts';
import { quoteAnchor, quotePageUrl, speakerUrl } from './urls.ts';

/** Paragraph roles always shown in the text; furniture never is, the headline only sometimes. */
const SHOWN_ROLES = new Set<Paragraph['role']>(['body', 'subheading', 'caption', 'dateline']);

/** What may stand outside the quoted words in a paragraph that is one whole quote. */
const ONLY_MARKS = /^[\s“”‘’"'«»„‚‹›.,;:!?…–—-]*$/;

/** Closing marks and punctuation right after the quoted words; the speaker link goes after them. */
const CLOSING_RUN = /^[“”‘’"'«»‹›.,;:!?…]*/;

type Block =
  | { kind: 'paragraph'; paragraph: Paragraph }
  | { kind: 'blockquote'; quote: Quote; paragraphs: Paragraph[] };

interface Layout {
  blocks: Block[];
  /** Quotes shown in the text, in order. */
  placed: Quote[];
  /** Quotes that are not, with the reason. */
  unplaced: { quote: Quote; where: string }[];
  /** For each placed quote, the last shown paragraph it reaches: its speaker link goes there. */
  lastParagraph: Map<Quote, number>;
}

/** The spans of the quoted words, one per paragraph; a record without parts is one span. */
function spansOf(q: Quote): QuoteSpan[] {
  return q.parts.length > 0 ? q.parts : [{ paragraph: q.paragraph, start: q.start, end: q.end }];
}

const spanIn = (span: QuoteSpan, p: Paragraph): boolean => span.start < p.end && span.end > p.start;

/** The part of a quote inside a paragraph, clipped to it. */
function partIn(q: Quote, p: Paragraph): QuoteSpan | undefined {
  const span = spansOf(q).find((s) => spanIn(s, p));
  return span && { paragraph: p.index, start: Math.max(span.start, p.start), end: Math.min(span.end, p.end) };
}

const overlaps = (q: Quote, p: Paragraph): boolean => spansOf(q).some((s) => spanIn(s, p));

function hasValidOffsets(record: ArticleRecord, q: Quote): boolean {
  const valid = (s: QuoteSpan) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= record.body.length;
  return valid(q) && spansOf(q).every(valid);
}

function whereIs(record: ArticleRecord, q: Quote): string {
  const p = record.paragraphs.find((p) => q.start >= p.start && q.start < p.end);
  if (!p) return 'outside the paragraphs of the text';
  if (p.role === 'headline') return 'in the headline';
  if (p.role === 'furniture') return 'in page furniture that is not shown';
  return 'overlapping another quote';
}

/** Chooses which quotes are shown in the text: valid, opening in a shown paragraph, not overlapping. */
function placeQuotes(record: ArticleRecord, shown: Paragraph[]): Pick<Layout, 'placed' | 'unplaced' | 'lastParagraph'> {
  const placed: Quote[] = [];
  const unplaced: Layout['unplaced'] = [];
  const lastParagraph = new Map<Quote, number>();
  let previousEnd = -1;
  for (const q of [...record.quotes].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (!hasValidOffsets(record, q)) {
      unplaced.push({ quote: q, where: 'at a place the text does not have' });
      continue;
    }
    const reached = shown.filter((p) => overlaps(q, p));
    const opening = spansOf(q)[0]!.start;
    const opensInShown = reached.some((p) => opening >= p.start && opening < p.end);
    if (!opensInShown || q.start < previousEnd) {
      unplaced.push({ quote: q, where: whereIs(record, q) });
      continue;
    }
    placed.push(q);
    lastParagraph.set(q, reached[reached.length - 1]!.index);
    previousEnd = q.end;
  }
  return { placed, unplaced, lastParagraph };
}

/** True when the paragraph holds nothing but this quote and its marks. */
function isAllQuote(record: ArticleRecord, p: Paragraph, q: Quote, placed: Quote[]): boolean {
  const part = partIn(q, p);
  if (!part || p.role !== 'body' || placed.some((other) => other !== q && overlaps(other, p))) return false;
  const before = record.body.slice(p.start, part.start);
  const after = record.body.slice(part.end, p.end);
  return ONLY_MARKS.test(before) && ONLY_MARKS.test(after);
}

/**
 * The direct quote that makes up the whole of this paragraph and of every other paragraph it
 * reaches: such a quote is set as a block. A quote that ends in "…,” she said." stays inline.
 */
function wholeParagraphQuote(record: ArticleRecord, p: Paragraph, shown: Paragraph[], placed: Quote[]): Quote | undefined {
  const q = placed.find((q) => overlaps(q, p));
  if (!q || q.kind !== 'direct') return undefined;
  return shown.filter((other) => overlaps(q, other)).every((other) => isAllQuote(record, other, q, placed)) ? q : undefined;
}

/**
 * The paragraphs shown as text. The headline is the page's h1, so it is shown only when it says
 * something else than the title (a title from front matter over a different headline).
 */
function shownParagraphs(record: ArticleRecord, title: string): Paragraph[] {
  return record.paragraphs.filter(
    (p) => p.text.trim() !== '' && (SHOWN_ROLES.has(p.role) || (p.role === 'headline' && p.text.trim() !== title)),
  );
}

function layOut(record: ArticleRecord): Layout {
  const shown = shownParagraphs(record, displayTitle(record).text);
  const placement = placeQuotes(record, shown);
  const blocks: Block[] = [];
  for (const p of shown) {
    const whole = wholeParagraphQuote(record, p, shown, placement.placed);
    const last = blocks[blocks.length - 1];
    if (whole && last?.kind === 'blockquote' && last.quote === whole) last.paragraphs.push(p);
    else if (whole) blocks.push({ kind: 'blockquote', quote: whole, paragraphs: [p] });
    else blocks.push({ kind: 'paragraph', paragraph: p });
  }
  return { blocks, ...placement };
}

/** The link naming who said a quote; plain text when the extractor found no speaker. */
export function speakerLink(model: PeopleLookup, q: Quote): SafeHtml {
  const person = model.person(q.speakerId);
  if (!person) return html`<span class="speaker unattributed">speaker not identified</span>`;
  return html`<a class="speaker" href="${speakerUrl(person.id)}"><span class="visually-hidden">said by </span>${person.name}</a>`;
}

/** The number of a quote as readers see it: `slug/q3` → 3. */
function quoteNumber(q: Quote): string {
  const anchor = quoteAnchor(q.id);
  return /^q\d+$/.test(anchor) ? anchor.slice(1) : anchor;
}

/** The link to a quote's own page, where it can be cited and its attribution is explained. */
export function quotePageLink(slug: string, q: Quote): SafeHtml {
  return html`<a class="quote-link" href="${quotePageUrl(slug, q.id)}"><span class="visually-hidden">Quote </span>#${quoteNumber(q)}</a>`;
}

/** After a quote: who said it, and the quote's own page. */
function attribution(model: PeopleLookup, slug: string, q: Quote): SafeHtml {
  const corrected = isCorrected(q.attribution) ? html` <span class="corrected">(corrected)</span> ` : '';
  return html`<span class="attribution">${speakerLink(model, q)}${corrected}${quotePageLink(slug, q)}</span>`;
}

/** ` cite="/speakers/…/"`: the quote's machine-readable link to who said it; nothing when unknown. */
function citeAttribute(model: PeopleLookup, q: Quote): SafeHtml {
  const person = model.person(q.speakerId);
  return person ? html` cite="${speakerUrl(person.id)}"` : html``;
}

/** One paragraph's text with the placed quotes inside it. */
function inlineText(record: ArticleRecord, p: Paragraph, layout: Layout, model: PeopleLookup): SafeHtml[] {
  const { body } = record;
  const inside = layout.placed
    .map((q) => ({ q, part: partIn(q, p) }))
    .filter((x): x is { q: Quote; part: QuoteSpan } => x.part !== undefined);
  const parts: SafeHtml[] = [];
  let pos = p.start;
  inside.forEach(({ q, part: { start, end } }, i) => {
    const opensHere = spansOf(q)[0]!.start >= p.start;
    parts.push(html`${body.slice(pos, start)}`);
    parts.push(
      html`<q${opensHere ? html` id="${quoteAnchor(q.id)}"` : ''}${citeAttribute(model, q)} class="quote ${q.kind}">${body.slice(start, end)}</q>`,
    );
    pos = end;
    if (layout.lastParagraph.get(q) === p.index) {
      const limit = Math.min(inside[i + 1]?.part.start ?? p.end, p.end);
      const closing = CLOSING_RUN.exec(body.slice(end, limit))?.[0] ?? '';
      parts.push(html`${closing} ${attribution(model, record.slug, q)}`);
      pos = end + closing.length;
    }
  });
  parts.push(html`${body.slice(pos, p.end)}`);
  return parts;
}

function renderParagraph(record: ArticleRecord, p: Paragraph, layout: Layout, model: PeopleLookup): SafeHtml {
  const text = inlineText(record, p, layout, model);
  switch (p.role) {
    case 'subheading':
      return html`<h2 class="subheading">${text}</h2>`;
    case 'caption':
      return html`<p class="caption"><span class="visually-hidden">Photo caption: </span>${text}</p>`;
    case 'dateline':
      return html`<p class="dateline-paragraph">${text}</p>`;
    case 'headline':
      return html`<p class="headline-paragraph">${text}</p>`;
    default:
      return html`<p>${text}</p>`;
  }
}

function renderBlockquote(record: ArticleRecord, block: Extract<Block, { kind: 'blockquote' }>, model: PeopleLookup): SafeHtml {
  const q = block.quote;
  const paragraphs = block.paragraphs.map((p) => html`<p>${record.body.slice(p.start, p.end)}</p>`);
  return html`<figure class="quote-block">
<blockquote id="${quoteAnchor(q.id)}"${citeAttribute(model, q)} class="quote ${q.kind}">${paragraphs}</blockquote>
<figcaption>— ${attribution(model, record.slug, q)}</figcaption>
</figure>`;
}

function renderUnplaced(record: ArticleRecord, model: PeopleLookup, unplaced: Layout['unplaced']): SafeHtml {
  if (unplaced.length === 0) return html``;
  const items = unplaced.map(
    ({ quote, where }) =>
      html`<li id="${quoteAnchor(quote.id)}"><q${citeAttribute(model, quote)} class="quote ${quote.kind}">${quote.text}</q> ${attribution(model, record.slug, quote)} <span class="where">(${where})</span></li>`,
  );
  return html`<section class="other-quotes" aria-labelledby="other-quotes">
<h2 id="other-quotes">Other quotes</h2>
<ul>${items}</ul>
</section>`;
}

/** The article's text with its quotes, then any quotes the text could not show. */
export function renderArticleText(record: ArticleRecord, model: PeopleLookup): SafeHtml {
  const layout = layOut(record);
  const blocks = layout.blocks.map((block) =>
    block.kind === 'blockquote' ? renderBlockquote(record, block, model) : renderParagraph(record, block.paragraph, layout, model),
  );
  return html`<div class="article-text">
${blocks.map((b) => html`${b}\n`)}</div>
${renderUnplaced(record, model, layout.unplaced)}`;
}
