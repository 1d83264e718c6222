// The heap a build allows itself (src/pipeline/heap-limit.ts): none for small archives, about 1.6 times
// what a build of the archive keeps alive for large ones, never above V8's own limit.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articleBytes, buildHeapLimit, heapLimitFor, HeapLimitError, MIN_LIMIT_MB } from '../src/pipeline/heap-limit.ts';
import { tempDir } from './helpers/temp.ts';

const MB = 2 ** 20;

describe('the heap limit of a build', () => {
  test('a small archive gets no limit', () => {
    assert.equal(heapLimitFor(0, 4096), null);
    assert.equal(heapLimitFor(14 * MB, 4096), null, '5,000 synthetic articles');
  });

  test('a large archive gets a limit that grows with its text, above the floor', () => {
    const at10k = heapLimitFor(27 * MB, 4096);
    assert.equal(at10k, MIN_LIMIT_MB, '10,000 synthetic articles: the estimate (443 MB) is raised to the least limit');
    const at20k = heapLimitFor(57 * MB, 4096);
    assert.ok(at20k !== null && at20k >= 850 && at20k <= 1000, `20,000 synthetic articles: ${at20k} MB`);
    const at40k = heapLimitFor(114 * MB, 4096);
    assert.ok(at40k !== null && at40k > at20k && at20k > MIN_LIMIT_MB);
  });

  test('no limit is set above what V8 allows anyway', () => {
    assert.equal(heapLimitFor(1000 * MB, 4096), null);
  });

  test('the archive is measured by its article files only', async () => {
    const dir = await tempDir('heap-');
    try {
      await writeFile(join(dir, 'a.md'), 'x'.repeat(1000));
      await writeFile(join(dir, 'b.txt'), 'y'.repeat(500));
      await writeFile(join(dir, 'people.yml'), 'z'.repeat(9000));
      await writeFile(join(dir, '.hidden.md'), 'z'.repeat(9000));
      assert.equal(articleBytes(dir), 1500);
      assert.equal(articleBytes(join(dir, 'missing')), 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('ARCHIVE_HEAP_MB sets the limit, 0 sets none, anything else is an error that says what to give', async () => {
    assert.equal(await buildHeapLimit({ ARCHIVE_HEAP_MB: '900' }), 900);
    assert.equal(await buildHeapLimit({ ARCHIVE_HEAP_MB: '0' }), null);
    await assert.rejects(buildHeapLimit({ ARCHIVE_HEAP_MB: '1.5e3x' }), (e: Error) => e instanceof HeapLimitError && /whole number of MB/.test(e.message));
    assert.equal(await buildHeapLimit({ ARCHIVE_JSON: '/some/archive.json' }), null);
  });
});
