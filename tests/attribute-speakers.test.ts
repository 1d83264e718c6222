// Who said it: speech verbs, appositions, pronouns, role nouns, unnamed sources and scare quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archiveOf, recordOf, said, speakerOf } from './helpers/extract.ts';

test('the subject of a speech verb after the quote speaks, with its apposition as a role', () => {
  const r = recordOf('“The runway work is finished,” Navy Capt. Mark Dale, a base spokesman, said Monday.');
  assert.equal(speakerOf(r, 'runway'), 'Mark Dale');
  const dale = r.speakers.find((s) => s.name === 'Mark Dale')!;
  assert.ok(dale.roles.some((role) => /spokesman/.test(role)));
});

test('a pronoun resolves to the person the sentences before introduced', () => {
  const r = recordOf('Farm minister Elsa Brandt visited the flooded fields on Tuesday.\n\n“We will pay for every lost harvest,” she said.');
  assert.equal(speakerOf(r, 'harvest'), 'Elsa Brandt');
});

test('a role noun resolves to the person who holds that role', () => {
  const r = recordOf(
    'Harbour spokesman Ivan Petrov and Mayor Lucia Gomez met on Friday.\n\n“The port stays open,” the spokesman said.\n\n“The city will help,” the mayor said.',
  );
  assert.equal(speakerOf(r, 'port stays'), 'Ivan Petrov');
  assert.equal(speakerOf(r, 'city will help'), 'Lucia Gomez');
});

test('an unattributed quote right after an attributed one keeps its speaker', () => {
  const r = recordOf('“The vote was fair,” said Judge Amir Khan.\n\n“Nobody has shown otherwise, and nobody will.”');
  assert.equal(speakerOf(r, 'Nobody has shown'), 'Amir Khan');
  assert.equal(r.quotes[1]!.attribution.rule, 'carry-over');
});

test('a partial quote inside the writer’s sentence belongs to the sentence’s subject', () => {
  const r = recordOf('Union leader Dana Cole, who has led the strike since May, called the offer “an insult to every nurse”.');
  assert.equal(speakerOf(r, 'insult'), 'Dana Cole');
  assert.equal(r.quotes[0]!.kind, 'partial');
});

test('“according to” names the source', () => {
  const r = recordOf('According to Inspector Raj Patel, the driver was “going far too fast for the wet road”.');
  assert.equal(speakerOf(r, 'too fast'), 'Raj Patel');
});

test('an unnamed source is a speaker of its own kind, not a person', () => {
  const r = recordOf('“The deal is done and will be signed on Friday,” a senior administration official said.');
  const quote = r.quotes[0]!;
  const speaker = r.speakers.find((s) => s.id === quote.speakerId)!;
  assert.equal(speaker.kind, 'unnamed');
  assert.match(speaker.name, /^unnamed /);
});

test('scare quotes, names and titles are not speech', () => {
  const r = recordOf('The so-called “green corridor” opened on Monday, and the film “Silent River” opened too.');
  assert.deepEqual(r.quotes, []);
});

test('the same person is one speaker across the archive', () => {
  const archive = archiveOf({
    'one.txt': '“We are ready to talk,” Kremlin spokesman Dmitry Peskov said.',
    'two.txt': '“Talks are possible at any level,” Peskov told reporters.',
  });
  const ids = archive.articles.flatMap((a) => a.quotes.map((q) => q.speakerId));
  assert.deepEqual(new Set(ids), new Set(['dmitry-peskov']));
  const peskov = archive.people.find((p) => p.id === 'dmitry-peskov')!;
  assert.equal(peskov.quoteCount, 2);
  assert.ok(peskov.roles.includes('Kremlin spokesman'));
});

test('a bare surname is the namesake the archive names far more often, and its own person when none is', () => {
  const often = Object.fromEntries(
    Array.from({ length: 4 }, (_, i) => [`often-${i}.txt`, `“The harbour will reopen in spring,” port director Ada Vennick said on day ${i + 1}.`]),
  );
  const bare = { 'bare.txt': '“Repairs are ahead of schedule,” Vennick told reporters.' };
  const speakerOfBare = (files: Record<string, string>) => archiveOf(files).articles.find((a) => a.slug === 'bare')!.quotes[0]!.speakerId;
  assert.equal(speakerOfBare({ ...often, ...bare }), 'ada-vennick');
  // One article naming a namesake does not move the quote: four articles against one.
  const namesake = { 'namesake.txt': '“We sell bread,” baker Tom Vennick said.' };
  assert.equal(speakerOfBare({ ...often, ...bare, ...namesake }), 'ada-vennick');
  // Two namesakes named about as often: the surname alone says neither.
  const twice = { 'namesake-2.txt': '“Fresh every day,” baker Tom Vennick said again.' };
  assert.equal(speakerOfBare({ 'one.txt': often['often-0.txt']!, ...bare, ...namesake, ...twice }), 'vennick');
});

test('every attribution names the rule that made it', () => {
  const r = recordOf('“Fine,” said Ana Ruiz. “Really fine.”');
  assert.deepEqual(r.quotes.map((q) => q.attribution.rule), ['verb-after', 'carry-over']);
  assert.deepEqual(said(r).map(([, who]) => who), ['Ana Ruiz', 'Ana Ruiz']);
});

test('the people file merges a mistranslated name into the right person and adds an identifier', async () => {
  const { buildArchive } = await import('../src/archive/build-archive.ts');
  const { parsePeopleFile } = await import('../src/archive/people-file.ts');
  const { people } = parsePeopleFile('- name: Dmitry Peskov\n  aliases: [Sands]\n  roles: [Kremlin spokesman]\n  wikidata: Q1234\n', 'people.yml');
  const enc = (t: string) => new TextEncoder().encode(t);
  const archive = buildArchive(
    [
      { path: 'a.txt', bytes: enc('“We regret the refusal,” Sands said.') },
      { path: 'b.txt', bytes: enc('“Talks remain possible,” Dmitry Peskov said.') },
    ],
    { people },
  );
  assert.deepEqual(archive.articles.map((a) => a.quotes[0]!.speakerId), ['dmitry-peskov', 'dmitry-peskov']);
  const peskov = archive.people.find((p) => p.id === 'dmitry-peskov')!;
  assert.equal(peskov.wikidata, 'Q1234');
  assert.ok(peskov.aliases.includes('Sands'));
});

test('a broken people file is reported with its line', async () => {
  const { parsePeopleFile } = await import('../src/archive/people-file.ts');
  const { messages } = parsePeopleFile('- name: A\n  aliases: [B\n', 'people.yml');
  assert.equal(messages[0]!.ruleId, 'malformed-people-file');
  assert.ok(messages[0]!.line >= 2);
});

test('British single quotes are quotes, and apostrophes inside them are not marks', () => {
  const r = recordOf("Prime Minister Alan Ross said: 'We will not wait, and it's time to say so.'\n\n'The country has waited long enough,' he added.");
  assert.deepEqual(said(r), [
    ["We will not wait, and it's time to say so.", 'Alan Ross'],
    ['The country has waited long enough,', 'Alan Ross'],
  ]);
});

test('“a spokesman” with no matching person is a new unnamed source, not the last person named', () => {
  const r = recordOf('“The plan is a fantasy,” said opposition leader Kim Hale.\n\nA Downing Street spokesman said: “The position has not changed at all.”');
  assert.match(speakerOf(r, 'position has not')!, /^unnamed Downing Street spokesman$/);
});

test('a time between the subject and the verb does not hide the subject', () => {
  const r = recordOf('Chancellor Greta Lenz on Wednesday warned that the talks would be "very difficult" for everyone.');
  assert.equal(speakerOf(r, 'very difficult'), 'Greta Lenz');
});

test('an institution the text does not name is an unnamed source, not the last person quoted', () => {
  const r = recordOf('“It is a sad day,” says Maria Costa, a machinist.\n\nIn a statement, the company said it would "support every worker."');
  assert.equal(speakerOf(r, 'support every worker'), 'unnamed company');
});
