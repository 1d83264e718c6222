// `npm start` imports its page writers afresh only after a change in src/ (src/pipeline/serve-hooks.ts):
// which of the files Eleventy reports as changed count as code.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { isCodeChange } from '../src/pipeline/serve-hooks.ts';

test('a changed file under src/ is a change of code; an article, a template or a file elsewhere is not', () => {
  assert.equal(isCodeChange('./src/site/article-page.ts'), true);
  assert.equal(isCodeChange(join(process.cwd(), 'src', 'search', 'search-bundles.ts')), true);
  assert.equal(isCodeChange('./articles/2015-10-14-talks.md'), false);
  assert.equal(isCodeChange('./templates/index.11ty.ts'), false);
  assert.equal(isCodeChange('/tmp/elsewhere/src/articles/a.md'), false);
  assert.equal(isCodeChange('./srcs/a.ts'), false);
});
