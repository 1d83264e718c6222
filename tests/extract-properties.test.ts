// Properties that hold for any text at all, checked on generated input: extraction never throws,
// every quote's offsets point at exactly its text, and extracting twice gives the same record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildArchive } from '../src/archive/build-archive.ts';
import { newsLikeText } from './helpers/arbitraries.ts';

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
