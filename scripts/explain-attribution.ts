// `npm run explain:attribution -- FILE [WORDS]`: every quote of an article (or those containing
// WORDS) with the speakers the ranker weighed, their probabilities and features: to see why a
// quote went to whom.
import { readFileSync } from 'node:fs';
import { readArticle } from '../src/archive/build-archive.ts';

const [file, words] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run explain:attribution -- FILE [WORDS]');
  process.exit(2);
}
readArticle({ path: file, bytes: readFileSync(file) }, {
  onCandidates: (quote, ranked) => {
    if (words && !quote.text.toLowerCase().includes(words.toLowerCase())) return;
    console.log(`\n“${quote.text.slice(0, 90)}” [${quote.attribution.rule}]`);
    for (const r of ranked.slice(0, 5)) {
      const name = r.candidate.entity?.name ?? (r.candidate.unnamedRole ? `unnamed ${r.candidate.unnamedRole}` : 'nobody');
      console.log(`  ${r.probability.toFixed(3)} ${name}: ${r.candidate.features.join(' ')}`);
    }
  },
});
