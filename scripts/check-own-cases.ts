// `npm run check:attribution`: our own short news texts (scripts/attribution/own-cases.json, written
// here, in styles PolNeAR lacks: British and wire copy, sport, courts, business, kin, titles,
// particles, nested speech) with the speaker a reader would name. It prints the ones the extractor
// gets wrong and a count: a check to run before and after a change to the rules, beside the scorer
// on PolNeAR train and dev. Not a test: some cases are known to be wrong (see the README).
import { readFileSync } from 'node:fs';
import { buildArchive } from '../src/archive/build-archive.ts';

interface OwnCase {
  text: string;
  /** Words of the quote, to find it among the article's quotes. */
  quote: string;
  /** The speaker's name as the archive should give it ("unnamed …" for an unnamed source), or null. */
  speaker: string | null;
}

const cases: OwnCase[] = JSON.parse(readFileSync(new URL('./attribution/own-cases.json', import.meta.url), 'utf8'));

/** The speaker the archive gives the quote holding `words`, "NO QUOTE" when no quote holds them. */
function speakerOf(text: string, words: string): string | null {
  const record = buildArchive([{ path: 'case.txt', bytes: new TextEncoder().encode(text) }]).articles[0];
  const quote = record?.quotes.find((q) => q.text.includes(words));
  if (!record || !quote) return 'NO QUOTE';
  return quote.speakerId ? record.speakers.find((s) => s.id === quote.speakerId)?.name ?? quote.speakerId : null;
}

/** Names agree on their last word, as the scorer compares them ("Kim Lowe" and "Lowe"). */
const lastWord = (name: string) => name.toLowerCase().split(/\s+/).at(-1);
const agrees = (got: string | null, want: string | null) => (got === null || want === null ? got === want : got === want || lastWord(got) === lastWord(want));

let wrong = 0;
cases.forEach((c, i) => {
  const got = speakerOf(c.text, c.quote);
  if (agrees(got, c.speaker)) return;
  wrong++;
  console.log(`#${i} wanted ${c.speaker}, got ${got}: ${c.text.replace(/\s+/g, ' ').slice(0, 140)}`);
});
console.log(`${cases.length - wrong} of ${cases.length} right`);
