// Generated text that looks like news: words, names, speech verbs, every kind of quote mark,
// dashes and line breaks, so the property tests reach the extractor's hard paths.
import fc from 'fast-check';

const pieces = [
  'said', 'told reporters', 'added', 'according to', 'the spokesman', 'he', 'she', 'Anna Berg', 'Peskov', 'Navy Capt. Jeff Davis,',
  'a senior official', 'so-called', '“', '”', '"', "'", '‘', '’', '«', '»', '„', '`', ' – ', ' — ', ' ― ', ',', '.', ':', '\n', '\n\n',
  'We will', 'never', 'Monday', 'ASTANA, October 14.', 'WASHINGTON (Reuters) -', 'Leave a comment', '<script>', '&amp;', '🙂', 'é',
];

export function newsLikeText(): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join(' '));
}
