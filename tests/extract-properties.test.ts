// Properties that hold for any text at all, checked on generated input: extraction never throws,
// every quote's offsets point at exactly its text, and extracting twice gives the same record; and
// the extractor's shortcuts give what the slow way gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildArchive } from '../src/archive/build-archive.ts';
import { newsLikeText } from './helpers/arbitraries.ts';
import { remarkBlocks, splitBlocks } from '../src/extract/split-paragraphs.ts';
import { findSpeechVerb, SPEECH_VERB, SPEECH_VERB_GLOBAL, speechVerbsIn } from '../src/extract/speech-verbs.ts';

const extract = (text: string) => buildArchive([{ path: 'fuzz.txt', bytes: new TextEncoder().encode(text) }]);

function checkRecord(text: string): void {
  const archive = extract(text);
  for (const r of archive.articles) {
    for (const q of r.quotes) {
      assert.equal(r.body.slice(q.start, q.end), q.text);
      for (const part of q.parts) {
        const para = r.paragraphs[part.paragraph]!;
        assert.ok(part.start >= para.start && part.end <= para.end, 'a quote part lies inside its paragraph');
      }
      if (q.speakerId) assert.ok(r.speakers.some((s) => s.id === q.speakerId), 'a quote’s speaker is in the record');
    }
    for (const p of r.paragraphs) assert.equal(r.body.slice(p.start, p.end), p.text);
  }
  assert.deepEqual(extract(text), archive);
}

test('extraction of arbitrary Unicode text never throws and keeps its offsets', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkRecord), { numRuns: 300 });
});

test('extraction of news-like text full of quote marks keeps its offsets and is deterministic', () => {
  fc.assert(fc.property(newsLikeText(), checkRecord), { numRuns: 300 });
});

// Markdown that looks like pasted text, with the syntax that could make remark's blocks differ from
// plain lines: headings, underlines, quotes, lists, code, HTML, definitions, odd white space.
const markdownPiece = fc.oneof(
  fc.constantFrom('\n', '\n\n', ' ', '    ', '\t', '\u00a0', '\u2028', '\f', '\r', '\ufeff', '\0', '\\', '`', '```', '~~~', '<div>', '<!--', '-->', '<script>'),
  fc.constantFrom('[a]: /u', '[a]', '*', '_', '**', '&amp;', '#', '# ', '>', '> ', '-', '- ', '+ ', '1. ', '2) ', '===', '---', '***', '“', '”', '"'),
  fc.constantFrom('word', 'Said Putin.', 'He said', '2015', '<https://a.b>', 'é', '😀'),
  fc.string({ maxLength: 6 }),
);

test('Markdown without block syntax splits into the same blocks as remark finds', () => {
  fc.assert(
    fc.property(fc.array(markdownPiece, { maxLength: 40 }), (pieces) => {
      const body = pieces.join('');
      assert.deepEqual(splitBlocks(body, 'markdown'), remarkBlocks(body));
    }),
    { numRuns: 3000 },
  );
});

test('the fast speech-verb search finds what the Unicode one finds, also around ſ and K', () => {
  const words = fc.constantFrom('said', 'SAID', 'ſaid', 'ſays', 'asKed', 'asked', 'told', 'pointed out', 'went on', 'emphasized', 'x', '_', '1', 'é', '😀', 'K');
  fc.assert(
    fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 4 })), { maxLength: 20 }), (parts) => {
      const text = parts.join(' ');
      const positions = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => `${m.index}:${m[0]}`);
      assert.deepEqual(positions(speechVerbsIn(text)), positions(text.matchAll(SPEECH_VERB_GLOBAL)));
      assert.deepEqual(findSpeechVerb(text)?.slice(), SPEECH_VERB.exec(text)?.slice());
      assert.equal(findSpeechVerb(text)?.index, SPEECH_VERB.exec(text)?.index);
    }),
    { numRuns: 2000 },
  );
});
