// The assets as the build publishes them (src/site/assets.ts): scripts and stylesheets minified,
// meaning the same; the sources stay as they are.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { publishedAsset, siteAssets } from '../src/site/assets.ts';
import * as core from '../templates/assets/search-core.js';

test('publishes every asset, the scripts and stylesheets minified and smaller on the wire', async () => {
  const assets = await siteAssets();
  const rels = assets.map((a) => a.rel);
  for (const name of ['assets/search.js', 'assets/search-core.js', 'assets/site.css', 'assets/search.css']) assert.ok(rels.includes(name), name);
  for (const { rel, content } of assets.filter((a) => /\.(js|css)$/.test(a.rel))) {
    const source = await readFile(`templates/${rel}`);
    assert.ok(gzipSync(content).length < gzipSync(source).length, `${rel} is smaller gzipped`);
    assert.doesNotMatch(Buffer.from(content).toString(), /^\s*\/\//m, `${rel} keeps no line comments`);
  }
});

test('the minified search core exports the same names and computes the same', async () => {
  const source = await readFile('templates/assets/search-core.js');
  const minified = Buffer.from(await publishedAsset('search-core.js', source)).toString();
  const published = (await import(`data:text/javascript;base64,${Buffer.from(minified).toString('base64')}`)) as typeof core;
  assert.deepEqual(Object.keys(published).sort(), Object.keys(core).sort());
  for (const key of ['sergey-lavrov', 'ü-ñ', '']) for (const n of [1, 8, 1000]) assert.equal(published.shardOf(key, n), core.shardOf(key, n));
  assert.equal(published.EVERY_ARTICLE_WORD, core.EVERY_ARTICLE_WORD);
});

test('leaves other files as they are', async () => {
  const bytes = Buffer.from([0, 1, 2, 255]);
  assert.deepEqual(await publishedAsset('logo.png', bytes), bytes);
});
