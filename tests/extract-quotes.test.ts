// Quote marks as news text really writes them. Each fixture is a short invented text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordOf, said } from './helpers/extract.ts';

const texts = (body: string) => recordOf(body).quotes.map((q) => q.text);

test('straight and curly double quotes both delimit quotes', () => {
  const r = recordOf('“The river is rising fast,” Mayor Ana Lind said.\n"We will open the shelters tonight," Lind added.');
  assert.deepEqual(said(r), [
    ['The river is rising fast,', 'Ana Lind'],
    ['We will open the shelters tonight,', 'Ana Lind'],
  ]);
});

test('a quote closed with an opening mark still ends there', () => {
  assert.deepEqual(texts('“The bridge will stay closed until Friday“, the engineer said, and left.'), ['The bridge will stay closed until Friday']);
});

test('a quote opened with a closing mark and a backtick is still found', () => {
  assert.deepEqual(texts('Ruth Okafor said she would back a `”fair and open review,” and nothing less.'), ['fair and open review,']);
  assert.deepEqual(texts('”Nobody told us anything about the new rules,” said Tom Berg.'), ['Nobody told us anything about the new rules,']);
});

test('guillemets and low-high marks delimit quotes', () => {
  assert.deepEqual(texts('«We are not leaving this valley,» said Marta Ruiz.'), ['We are not leaving this valley,']);
  assert.deepEqual(texts('„The talks were useful and frank“, said Karl Weber.'), ['The talks were useful and frank']);
});

test('single quotes in a headline are a quote, apostrophes are not', () => {
  const r = recordOf('Minister says ‘the worst is over’ after storm\n\nThe minister’s staff didn’t comment on the farmers’ losses.');
  assert.deepEqual(r.quotes.map((q) => q.text), ['the worst is over']);
});

test('a quote inside a quote stays part of the outer quote', () => {
  const r = recordOf('“They kept shouting “no more cuts” at the gate all morning,” said Lena Park.');
  assert.deepEqual(said(r), [['They kept shouting “no more cuts” at the gate all morning,', 'Lena Park']]);
});

test('double marks inside a single-quoted quote (British style) stay part of it', () => {
  assert.deepEqual(texts('Ahmed Farah told the BBC: ‘My brother said, “Run,” and we ran.’'), ['My brother said, “Run,” and we ran.']);
});

test('in an article that quotes with single marks, one word in single marks after a verb of saying is a quote', () => {
  assert.deepEqual(texts('The minister, Ruth Kane, said the plan was ‘unworkable’ and ‘dangerous’.'), ['unworkable', 'dangerous']);
  assert.deepEqual(texts('Labour’s deputy leader said the plans were ‘a disgrace’ and that ministers had ‘lost the plot’. The Tories’ chairman disagreed.'), ['a disgrace', 'lost the plot']);
  // "'n'" is a word between two apostrophes, not the end of a quote.
  const song = texts("Fans sang 'Rock 'n' roll' all night. 'We love it,' said fan Amy Doyle.");
  assert.ok(!song.includes("Rock 'n") && song.includes('We love it,'), JSON.stringify(song));
  assert.deepEqual(texts('The minister said the plan was “unworkable”. Critics called it the ‘nuclear’ option.'), ['unworkable']);
});

test('in single marks, a plural possessive (“members’ decision”) is no close when the quote closes later in its paragraph', () => {
  assert.deepEqual(texts("Strike vote\n\nUnion boss Mick Platt said: 'It's our members' decision, and they've made it. We won't back down.'"), ["It's our members' decision, and they've made it. We won't back down."]);
  assert.deepEqual(texts("Farm\n\n'The farmers' union is wrong,' said Tom Lee."), ["The farmers' union is wrong,"]);
  assert.deepEqual(texts("Farm\n\nThe minister called it 'a blow to farmers' and left the room."), ['a blow to farmers'], 'no close later: the mark closes');
});

test('a quote over several paragraphs reopens each paragraph and closes in the last', () => {
  const r = recordOf('Chief Omar Haddad said:\n\n“The first crews arrived within minutes.\n\n“The second wave came an hour later, and that was the hardest part.”\n\nThe fire was out by noon.');
  assert.equal(r.quotes.length, 1);
  const q = r.quotes[0]!;
  assert.equal(q.parts.length, 2);
  assert.match(q.text, /^The first crews arrived within minutes\.[\s\S]*hardest part\.$/);
  assert.equal(r.body.slice(q.start, q.end), q.text);
});

test('a quote interrupted by its attribution becomes two quotes by one speaker', () => {
  const r = recordOf('"We did not expect this result," Professor Ines Moreau said. "But the data are clear."');
  assert.deepEqual(said(r), [
    ['We did not expect this result,', 'Ines Moreau'],
    ['But the data are clear.', 'Ines Moreau'],
  ]);
});

test('an attribution between dashes inside the quote splits it and names the speaker', () => {
  const r = recordOf('Spokesman Pavel Orlov commented.\n\n“We can only regret this, – said Orlov. – Any refusal of talks hurts the region”.');
  assert.deepEqual(said(r), [
    ['We can only regret this', 'Pavel Orlov'],
    ['Any refusal of talks hurts the region', 'Pavel Orlov'],
  ]);
});

test('a colon introduces a quote', () => {
  assert.deepEqual(said(recordOf('Senator Joan Avery said: “This bill is dead on arrival.”')), [['This bill is dead on arrival.', 'Joan Avery']]);
});

test('a dash credit after the quote names the speaker', () => {
  assert.deepEqual(said(recordOf('“I vote because my grandmother could not.” ― Rosa Delgado')), [['I vote because my grandmother could not.', 'Rosa Delgado']]);
});

test('an unclosed quote ends at its paragraph with a warning', () => {
  const r = recordOf('“We will rebuild every school, said Governor Ken Ito.\n\nThe storm hit on Monday.');
  assert.equal(r.quotes.length, 1);
  assert.ok(r.messages.some((m) => m.ruleId === 'unclosed-quote' && m.line === 1));
});

test('every quote offset points at exactly its text', () => {
  const r = recordOf('Title line here\n\n“One,” said Ann Lee. “Two, three and four,” she added.\n\n"Five and six," Bo Chen said.');
  for (const q of r.quotes) assert.equal(r.body.slice(q.start, q.end), q.text);
});
