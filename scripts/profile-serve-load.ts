// Profiles what `npm start` does between a dropped article and its page, outside Eleventy: the
// archive loaded with a LoadMemo (as serve-hooks.ts keeps one), an article added, loaded again.
//   ARCHIVE_DIR=DIR ARCHIVE_CACHE_DIR=CACHE [BUILD_TRACE=1] node --cpu-prof --import tsx scripts/profile-serve-load.ts
// It adds three articles to DIR (and removes them at the end) and writes the pages of the last
// load into a temporary folder (PROFILE_OUT), which it removes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LoadMemo, loadSource } from '../src/pipeline/load-articles.ts';
import { writePages } from '../src/site/write-pages.ts';

const dir = process.env['ARCHIVE_DIR']!;
const out = process.env['PROFILE_OUT'] ?? mkdtempSync(join(tmpdir(), 'profile-serve-'));
const memo = new LoadMemo();
const time = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const value = await run();
  console.log(`${what}: ${(performance.now() - started).toFixed(0)} ms`);
  return value;
};
await time('first load', () => loadSource(process.env, { memo }));
await memo.results.prepare();
for (let n = 1; n <= 3; n++) {
  const file = join(dir, `2012-12-29-harbour-${n}.md`);
  writeFileSync(file, `---\ndate: 2012-12-29\n---\nHarbour board meets on ferry timetable ${n}\n\nDOVER, October 16. The harbour board met on Friday to discuss the winter timetable.\n\n“We will keep the ferries running,” harbour master Ana Ruiz said. “Nobody will be stranded.”\n`);
  memo.results.stopPreparing();
  const source = await time(`load after drop ${n}`, () => loadSource(process.env, { memo }));
  if (n === 3) await time('pages', () => writePages(source.archive, out, { rendererVersion: 'x' }));
  await memo.results.prepare();
}
for (let n = 1; n <= 3; n++) rmSync(join(dir, `2012-12-29-harbour-${n}.md`));
rmSync(out, { recursive: true, force: true });
