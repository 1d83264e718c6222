// The page writer's thread (src/io/file-sink.ts): it writes what it is given with the hash the rest
// of the build uses, skips a file the output holds the same, and a failure fails the flush.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileWriterThread, threadPoolSink } from '../src/io/file-sink.ts';
import { hashOf } from '../src/io/hash.ts';
import { tempDir } from './helpers/temp.ts';

test('the writer thread writes files in folders of their own, with the hash of their bytes, and skips a file the output holds the same', async () => {
  const dir = await tempDir('file-sink-');
  const sink = new FileWriterThread();
  try {
    const text = 'Peskov: “Dialogue is indispensable.”';
    const puts = Array.from({ length: 200 }, (_, i) => sink.put(join(dir, 'a', String(i % 7), `${i}.html`), `${text} ${i}`, undefined));
    const same = sink.put(join(dir, 'same.html'), text, hashOf(text));
    await sink.flush();
    const results = await Promise.all(puts);
    assert.deepEqual(results[5], { hash: hashOf(`${text} 5`), written: true });
    assert.equal(await readFile(join(dir, 'a', '5', '5.html'), 'utf8'), `${text} 5`);
    assert.deepEqual(await same, { hash: hashOf(text), written: false });
    assert.equal(existsSync(join(dir, 'same.html')), false);
    // The in-thread sink answers the same.
    assert.deepEqual(await threadPoolSink().put(join(dir, 'b', 'x.html'), `${text} 5`, undefined), results[5]);
  } finally {
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file the writer thread cannot write fails its put and the flush', async () => {
  const dir = await tempDir('file-sink-');
  const sink = new FileWriterThread();
  try {
    await writeFile(join(dir, 'taken'), 'a file where a folder would go');
    const put = sink.put(join(dir, 'taken', 'index.html'), '<p>page</p>', undefined);
    put.catch(() => undefined);
    await assert.rejects(sink.flush(), /Writing the pages failed/);
    await assert.rejects(put, /Writing the pages failed/);
  } finally {
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  }
});
