// The paragraph around a quote, for its own page: the paragraph's words sliced from the body and
// escaped, with the quoted words marked. A quote over several paragraphs shows each of them.
import type { ArticleRecord, Paragraph, Quote, QuoteSpan } from '../record.ts';
import { html, type SafeHtml } from './html.ts';

function spansOf(q: Quote): QuoteSpan[] {
  return q.parts.length > 0 ? q.parts : [{ paragraph: q.paragraph, start: q.start, end: q.end }];
}

const validSpan = (body: string, s: QuoteSpan): boolean =>
  Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= body.length;

/** The paragraphs the quote runs through, in order; empty when its offsets point nowhere. */
function paragraphsOf(article: ArticleRecord, q: Quote): { paragraph: Paragraph; spans: QuoteSpan[] }[] {
  const spans = spansOf(q).filter((s) => validSpan(article.body, s));
  return article.paragraphs
    .map((paragraph) => ({ paragraph, spans: spans.filter((s) => s.start < paragraph.end && s.end > paragraph.start) }))
    .filter((x) => x.spans.length > 0);
}

function markedParagraph(body: string, p: Paragraph, spans: QuoteSpan[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let pos = p.start;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(s.start, pos);
    const end = Math.min(s.end, p.end);
    if (end <= start) continue;
    parts.push(html`${body.slice(pos, start)}<mark>${body.slice(start, end)}</mark>`);
    pos = end;
  }
  parts.push(html`${body.slice(pos, p.end)}`);
  return html`<p>${parts}</p>`;
}

/** The quote in its paragraph(s), or just its words when the record cannot place it. */
export function quoteInContext(article: ArticleRecord, q: Quote): SafeHtml {
  const found = paragraphsOf(article, q);
  if (found.length === 0) return html`<p><mark>${q.text}</mark></p>`;
  return html`${found.map(({ paragraph, spans }) => markedParagraph(article.body, paragraph, spans))}`;
}
