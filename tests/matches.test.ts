// matchesOf (src/extract/matches.ts): the matches `matchAll` gives, without copying the pattern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesOf } from '../src/extract/matches.ts';

const found = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, m[0], ...m.slice(1)]);

test('gives the matches and groups matchAll gives, empty ones and surrogate pairs included', () => {
  const cases: [string, RegExp][] = [
    ['Jan Price said, and Ana Holm said.', /(\p{Lu}\p{L}+) (\p{Lu}\p{L}+)/gu],
    ['a😀b', /(?:)/gu],
    ['a😀b', /(?:)/g],
    ['“one” and “two”', /[“”]/g],
    ['', /x*/g],
  ];
  for (const [text, pattern] of cases) assert.deepEqual(found(matchesOf(text, pattern)), found(text.matchAll(pattern)), `${pattern} in ${JSON.stringify(text)}`);
});

test('a search with the same pattern between two matches leaves the outer one in its place, and the pattern where it was', () => {
  const word = /\p{L}+/gu;
  const outer: string[] = [];
  for (const m of matchesOf('one two three', word)) {
    outer.push(m[0]);
    assert.equal(word.lastIndex, 0);
    assert.equal([...matchesOf('x y', word)].length, 2);
    assert.ok(word.test('z'));
    word.lastIndex = 0;
  }
  assert.deepEqual(outer, ['one', 'two', 'three']);
  assert.equal(word.lastIndex, 0);
});

test('refuses a pattern that is not global, as matchAll does', () => {
  assert.throws(() => [...matchesOf('abc', /b/)], TypeError);
});
