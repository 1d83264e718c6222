// An article's title as shown. A title the text never states as a headline is marked as derived,
// so a reader does not mistake our words for the publisher's.
import type { ArticleRecord } from '../record.ts';
import { html, type SafeHtml } from './html.ts';

export interface DisplayTitle {
  text: string;
  /** True when the title is ours, not the publisher's. */
  derived: boolean;
}

const MAX_DERIVED_WORDS = 12;

/** The first words of the first body paragraph, for an article without a title. */
function titleFromText(record: ArticleRecord): string {
  const first = record.paragraphs.find((p) => p.role === 'body' && p.text.trim() !== '');
  if (!first) return record.slug;
  const words = first.text.trim().split(/\s+/);
  return words.length > MAX_DERIVED_WORDS ? `${words.slice(0, MAX_DERIVED_WORDS).join(' ')}…` : words.join(' ');
}

export function displayTitle(record: ArticleRecord): DisplayTitle {
  if (record.title !== null && record.title.trim() !== '') {
    return { text: record.title.trim(), derived: record.titleSource === 'derived' };
  }
  return { text: titleFromText(record), derived: true };
}

/** The title with a visible marker when it is derived. */
export function titleMarkup(record: ArticleRecord): SafeHtml {
  const title = displayTitle(record);
  if (!title.derived) return html`${title.text}`;
  return html`${title.text} <span class="derived-mark">(no headline; title derived from the text)</span>`;
}
