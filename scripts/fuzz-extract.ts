// A longer fuzzing pass than the tests run: N generated inputs (default 100,000) through the
// extractor, checking the same properties. Prints the count, failures and time.
//   npm run fuzz -- [N]
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildArchive } from '../src/archive/build-archive.ts';
import { newsLikeText } from '../tests/helpers/arbitraries.ts';

const runs = Number(process.argv[2] ?? 100_000);
const extract = (text: string) => buildArchive([{ path: 'fuzz.txt', bytes: new TextEncoder().encode(text) }]);
const started = Date.now();
let inputs = 0;
fc.assert(
  fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), newsLikeText()), (text) => {
    inputs++;
    const archive = extract(text);
    for (const r of archive.articles) for (const q of r.quotes) assert.equal(r.body.slice(q.start, q.end), q.text);
    assert.deepEqual(extract(text), archive);
  }),
  { numRuns: runs },
);
console.log(`${inputs} inputs, 0 failures, ${((Date.now() - started) / 1000).toFixed(1)} s`);
