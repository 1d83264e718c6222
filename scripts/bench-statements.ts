// How long grouping quotes into statements takes, against extracting and assembling the same
// archive in the same run: `npm run bench:statements -- [N ...]` (default 5000 20000 synthetic
// articles, which repeat the seed paragraphs heavily, so groups are large).
import { performance } from 'node:perf_hooks';
import { assembleArchive, readArticle } from '../src/archive/build-archive.ts';
import { groupStatements } from '../src/archive/statements.ts';
import { readSourceText, syntheticArticles } from './make-synthetic-archive.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const source = readSourceText('articles');

for (const n of sizes.length > 0 ? sizes : [5000, 20000]) {
  const inputs = syntheticArticles(n, source).map((a) => ({ path: `articles/${a.name}`, bytes: new TextEncoder().encode(a.text) }));
  let t = performance.now();
  const results = inputs.map((input) => readArticle(input));
  const extractMs = performance.now() - t;
  t = performance.now();
  const archive = assembleArchive(results);
  const assembleMs = performance.now() - t;
  t = performance.now();
  groupStatements(archive.articles);
  const groupMs = performance.now() - t;
  const quotes = archive.articles.flatMap((a) => a.quotes);
  const sizesOf = new Map<string, number>();
  for (const q of quotes) if (q.statement) sizesOf.set(q.statement, (sizesOf.get(q.statement) ?? 0) + 1);
  const largest = Math.max(0, ...sizesOf.values());
  console.log(
    `${n} articles, ${quotes.length} quotes: ${sizesOf.size} statements reported more than once (largest ${largest} reports); ` +
      `grouping ${(groupMs / 1000).toFixed(2)} s = ${((100 * groupMs) / (extractMs + assembleMs)).toFixed(1)} % of extracting and assembling (${((extractMs + assembleMs) / 1000).toFixed(1)} s, grouping included once)`,
  );
}
