// The learned step of attribution: the committed model loads and predicts, training is
// deterministic, and on short texts of our own the ranker gets each class of error right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitConditionalLogit, predict, type Example } from '../scripts/attribution/conditional-logit.ts';
import { sameSpeaker, pairQuotes } from '../scripts/attribution/gold-match.ts';
import { lexicalType } from '../src/extract/entity-types.ts';
import { speaksAfterName } from '../src/extract/speech-verbs.ts';
import { possessesNext } from '../src/extract/mentions.ts';
import { loadAttributionModel, rankCandidates, UNDECIDED } from '../src/extract/speaker-ranker.ts';
import { readArticle } from '../src/archive/build-archive.ts';
import { parse } from 'node-html-parser';
import { quotePagesInputs, quotePageModel } from '../src/site/page-inputs.ts';
import { renderQuotePage } from '../src/site/quote-page.ts';
import { siteModel } from '../src/site/site-model.ts';
import { ModelFileError } from '../src/extract/model-file.ts';
import type { SpeakerCandidate } from '../src/extract/speaker-candidates.ts';
import { archiveOf, recordOf, speakerOf } from './helpers/extract.ts';
import { tempDirSync } from './helpers/temp.ts';

const candidate = (key: string, features: string[]): SpeakerCandidate => ({ key, entity: null, unnamedRole: null, proposal: null, proposals: [], features });

test('the committed model loads, weighs the sieve’s choice up and nobody down', () => {
  const model = loadAttributionModel();
  assert.ok(Object.keys(model.weights).length > 20);
  assert.ok(model.weights['sieve-choice']! > 0);
  assert.ok((model.weights['nobody'] ?? 0) < 0);
  assert.ok(model.trainedOn.quotes > 1000);
});

test('a model file that cannot be read names its path and how to write it again', () => {
  const dir = tempDirSync('model-');
  const path = join(dir, 'attribution-model.json');
  writeFileSync(path, '{ "weights": { "sieve-choice": "high" } }');
  assert.throws(() => loadAttributionModel(path), (e: Error) => e instanceof ModelFileError && e.name === 'ModelFileError' && e.message.includes(path) && e.message.includes('npm run train:attribution'));
  writeFileSync(path, 'not json');
  assert.throws(() => loadAttributionModel(path), (e: Error) => e instanceof ModelFileError && e.cause instanceof SyntaxError);
});

const TRAIN = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'polnear-train', 'text');

test('training again on PolNeAR train gives the committed weights, number for number', { skip: existsSync(TRAIN) ? false : 'PolNeAR train is not beside the checkout (../shared)', timeout: 120_000 }, async () => {
  const { labelCorpus, train } = await import('../scripts/train-attribution.ts');
  const weights = train(labelCorpus(TRAIN, join(TRAIN, '..', '..', '..', 'gold', 'polnear-train')).quotes);
  assert.deepEqual(weights, loadAttributionModel().weights, 'the model file is not what the code and data give: run npm run train:attribution');
});

test('ranking turns weights into probabilities that sum to one, most probable first', () => {
  const model = { trainedOn: { corpus: 'test', articles: 0, quotes: 0, candidates: 0 }, weights: { a: 2, b: -1 } };
  const ranked = rankCandidates(model, [candidate('x', ['b']), candidate('y', ['a']), candidate('nobody', [])]);
  assert.deepEqual(ranked.map((r) => r.candidate.key), ['y', 'nobody', 'x']);
  assert.ok(Math.abs(ranked.reduce((s, r) => s + r.probability, 0) - 1) < 1e-9);
  assert.ok(ranked[0]!.probability > 0.8);
});

test('a candidate the pronoun rules out goes last with no probability, and the others share its part', () => {
  const model = { trainedOn: { corpus: 'test', articles: 0, quotes: 0, candidates: 0 }, weights: { a: 2, b: 1 } };
  const ranked = rankCandidates(model, [candidate('woman', ['a', 'pronoun:gender-differs']), candidate('man', ['b']), candidate('nobody', [])]);
  assert.deepEqual(ranked.map((r) => r.candidate.key), ['man', 'nobody', 'woman']);
  assert.equal(ranked[2]!.probability, 0);
  assert.ok(Math.abs(ranked[0]!.probability + ranked[1]!.probability - 1) < 1e-9);
});

function toyExamples(): Example[] {
  // Feature 0 marks the right candidate four times in five; feature 1 is noise; feature 2 is always there.
  return Array.from({ length: 50 }, (_, i) => ({
    candidates: [[0, 2], [1, 2], [2]],
    right: i % 5 === 0 ? [false, true, false] : [true, false, false],
  }));
}

test('fitting the same examples twice gives the same weights, bit for bit', () => {
  const a = fitConditionalLogit(toyExamples(), 3);
  const b = fitConditionalLogit(toyExamples(), 3);
  assert.deepEqual([...a], [...b]);
});

test('fitting learns the feature that marks the right candidate, and its probability is near its rate', () => {
  const w = fitConditionalLogit(toyExamples(), 3, { iterations: 800, l2: 0, learningRate: 0.05 });
  assert.ok(w[0]! > w[1]!);
  const { best, probability } = predict(w, toyExamples()[1]!);
  assert.equal(best, 0);
  assert.ok(probability > 0.7 && probability < 0.85, `probability ${probability}`);
});

test('training labels: surnames agree, a full name inside a long mention, nobody for nobody', () => {
  assert.ok(sameSpeaker({ text: '', speaker: 'Spokeswoman Haley Morris' }, 'Haley Morris'));
  assert.ok(sameSpeaker({ text: '', speaker: 'Ann Reyes of the Institute for Fiscal Studies' }, 'Ann Reyes'));
  assert.ok(sameSpeaker({ text: '', speaker: 'Gerhard Schröder' }, 'Gerhard Schroeder'));
  assert.ok(sameSpeaker({ text: '', speaker: null }, 'unnamed official'));
  assert.ok(!sameSpeaker({ text: '', speaker: 'Haley Morris' }, 'Tom Clarke'));
  assert.deepEqual([...pairQuotes(['we will win this seat', 'nothing'], ['We will win this seat!'])], [[0, 0]]);
});

test('the lexicon tells places, given names, surnames and common words apart', () => {
  assert.equal(lexicalType('Ohio'), 'place');
  assert.equal(lexicalType('Hillary'), 'given-name');
  assert.equal(lexicalType('Meanwhile'), 'word');
  assert.equal(lexicalType('Zzyzxq'), 'unknown');
});

test('a quote whose likeliest speaker is under 0.45 and not half again as likely as the next gets nobody, and every candidate stays an alternative', () => {
  const model = { trainedOn: { corpus: 'test', articles: 0, quotes: 0, candidates: 0 }, weights: { a: 0.2, b: 0.1, nobody: -1 } };
  const split = rankCandidates(model, [candidate('x', ['a']), candidate('y', ['b']), candidate('z', []), candidate('nobody', ['nobody'])]);
  assert.ok(split[1]!.probability < UNDECIDED.below);
  assert.deepEqual(split.map((r) => r.candidate.key), ['nobody', 'x', 'y', 'z']);
  assert.equal(split[0]!.undecided, true);
  const clear = rankCandidates({ ...model, weights: { a: 3, nobody: -1 } }, [candidate('x', ['a']), candidate('y', []), candidate('nobody', ['nobody'])]);
  assert.equal(clear[0]!.candidate.key, 'x');
  assert.equal(clear[0]!.undecided, undefined);
  // Under 0.45, but well ahead of the others: a favourite still.
  const ahead = rankCandidates({ ...model, weights: { a: 1.1 } }, [candidate('x', ['a']), candidate('y', []), candidate('z', []), candidate('w', []), candidate('nobody', ['nobody'])]);
  assert.ok(ahead[0]!.probability < UNDECIDED.below && ahead[0]!.probability > UNDECIDED.lead * ahead[1]!.probability);
  assert.equal(ahead[0]!.candidate.key, 'x');
  const certain = rankCandidates(model, [candidate('x', ['a']), candidate('y', ['b']), candidate('mayor', ['sieve-choice:role-by-title']), candidate('nobody', ['nobody'])]);
  assert.equal(certain[0]!.candidate.key, 'mayor', 'a certain rule is no guess');
});

test('an undecided quote is recorded with no speaker, rule “undecided” and the people it could be, and its page says so', () => {
  const even = { trainedOn: { corpus: 'test', articles: 0, quotes: 0, candidates: 0 }, weights: { nobody: -0.2 } };
  const text = 'Port talks end\n\nTom Ode and Sam Wu met on Monday.\n\n“We want a solution,” he said.\n';
  const { extracted } = readArticle({ path: 'port.txt', bytes: new TextEncoder().encode(text) }, { ranker: even });
  const quote = extracted!.record.quotes[0]!;
  assert.equal(quote.speakerId, null);
  assert.equal(quote.attribution.rule, 'undecided');
  assert.deepEqual(quote.attribution.alternatives.map((a) => a.name).sort(), ['Sam Wu', 'Tom Ode']);
  const archive = archiveOf({ 'port.txt': text });
  const record = { ...archive.articles[0]!, quotes: [quote], speakers: [] };
  const model = siteModel({ ...archive, articles: [record], people: [] });
  const page = parse(renderQuotePage(quotePageModel(quotePagesInputs(model, record)), { article: record, quote }));
  assert.equal(page.querySelector('#why-heading')!.text, 'Why no speaker');
  assert.equal(page.querySelector('p.confidence')!.text, 'The program named no one. The likeliest were: Tom Ode (36%), Sam Wu (36%).');
});

test('every quote carries a confidence from 0 to 1, and alternatives that are other people', () => {
  const r = recordOf('Mayor Lena Ortiz and councillor Hugo Brandt spoke on Monday.\n\n“The bridge opens in May,” Ortiz said.\n\n“We will see,” he said.');
  for (const q of r.quotes) {
    assert.ok(q.attribution.confidence >= 0 && q.attribution.confidence <= 1);
    for (const a of q.attribution.alternatives) assert.notEqual(a.name, r.speakers.find((s) => s.id === q.speakerId)?.name);
  }
  assert.equal(speakerOf(r, 'bridge opens'), 'Lena Ortiz');
  assert.ok(r.quotes[0]!.attribution.confidence >= 0.9);
});

test('a person named inside the quote is not its speaker', () => {
  const r = recordOf('“We will never let Paul Verhoef down,” said Irene Castell, the party chair.');
  assert.equal(speakerOf(r, 'never let'), 'Irene Castell');
});

test('a pronoun goes to the person of its gender, not to the last one named', () => {
  const r = recordOf('Nurse Maria Lindqvist met the hospital director, Tomas Berg, on Monday.\n\n“The ward needs more staff,” she said.');
  assert.equal(speakerOf(r, 'ward needs'), 'Maria Lindqvist');
});

test('an institution named before speaks for itself when the text calls it “the bank”', () => {
  const r = recordOf('Northfield Bank cut its savings rate on Monday, said analyst Petra Vogel.\n\n“Savers will still be rewarded,” the bank said in a statement.');
  assert.notEqual(speakerOf(r, 'Savers will'), 'Petra Vogel');
});

test('“the commission said” after the commission is named is that commission, not an unnamed one', () => {
  const r = recordOf(
    'The Harbour Safety Commission met on Tuesday to review the ferry timetable.\n\nFerries have run late all winter.\n\nThe mayor, Ines Marr, said the port “cannot wait another year”.\n\nShe met dock workers afterwards.\n\nThe commission said the new crossings were “safe for every passenger”.',
  );
  assert.equal(speakerOf(r, 'safe for every'), 'Harbour Safety Commission');
  const joined = recordOf('The Commission on Ferry Safety met on Tuesday.\n\nFerries have run late all winter.\n\nThe mayor, Ines Marr, said the port “cannot wait another year”.\n\nThe commission said the crossings were “safe for every passenger”.');
  assert.equal(speakerOf(joined, 'safe for every'), 'Commission on Ferry Safety');
});

test('a verb of saying used as a noun (“her early-morning tweets”) does not make the person after it the speaker', () => {
  const r = recordOf('Mayor Carla Voss spoke at the harbour on Friday.\n\nShe says Councillor Rob Hale’s early-morning tweets accusing Dan Ortiz of fraud are “plainly false”.');
  assert.equal(speakerOf(r, 'plainly false'), 'Carla Voss');
});

test('“she said” long after the woman was last named is still her words, not nobody’s', () => {
  const r = recordOf(
    'Zerlinde Okafor filmed the arrest on her phone from across the street.\n\nThe video runs for four minutes.\n\nOfficers can be heard shouting at the driver.\n\nLater the camera points at the ground.\n\n“Let him breathe,” she said.',
  );
  assert.equal(speakerOf(r, 'Let him breathe'), 'Zerlinde Okafor');
});

test('“…,” reported Reuters: a weak verb right after the quote still names its source', () => {
  const r = recordOf('A new poll puts the mayor six points ahead.\n\nThat is “about the lead she has held since May,” reported Reuters.');
  assert.equal(speakerOf(r, 'about the lead'), 'Reuters');
});

test('an apposition that opens with a possessive (“Ruritania’s only ally”) is not the subject', () => {
  const r = recordOf('Even Borduria, Ruritania’s only ally and its main trading partner, said it was “firmly opposed” to the test.');
  assert.equal(speakerOf(r, 'firmly opposed'), 'Borduria');
});

test('“Mr. Holm of the Harbour Trust said” is Mr. Holm, with his affiliation, not an unnamed source', () => {
  const r = recordOf('Dredging began on Monday.\n\n“It was the least bad outcome,” Mr. Holm of the Harbour Trust said.');
  assert.equal(speakerOf(r, 'least bad'), 'Holm');
});

test('after “told”, “thanked” or “urged” comes whom it was said to, not who said it', () => {
  const r = recordOf(
    'Mayor Odile Ferrand did not name her rivals, but told her supporters, “this town deserves better than the last four years.”\n\nThe actor Tomas Reyna thanked Ferrand for “standing up for the river.”\n\nA new radio advert urges voters in Lyonne to “send a message to the council.”',
  );
  assert.equal(speakerOf(r, 'this town deserves'), 'Odile Ferrand');
  assert.equal(speakerOf(r, 'standing up for'), 'Tomas Reyna');
  assert.notEqual(speakerOf(r, 'send a message'), 'unnamed voters');
});

test('in the passive (“was asked by the host, Lena Varga”) the one after “by” speaks', () => {
  const r = recordOf('Senator Piet Aalders was asked by the host, Lena Varga, “Will you run again next year?”');
  assert.equal(speakerOf(r, 'Will you run'), 'Lena Varga');
});

test('a heading in capitals is never a speaker, and “the letter reads” is the letter’s words', () => {
  const r = recordOf(
    'HARBOUR BOARD MEMBERS QUIT OVER FARES - Anneke Visser: “Fares will go up again in March, and nobody on the island was asked.”\n\nCouncillor Joost Brand met a group of parents in May, who later sent him a letter.\n\n“We need the morning crossing back,” the letter reads.',
  );
  assert.equal(speakerOf(r, 'Fares will go up'), 'Anneke Visser');
  assert.ok(!r.speakers.some((s) => /HARBOUR/.test(s.name)), JSON.stringify(r.speakers.map((s) => s.name)));
  assert.notEqual(speakerOf(r, 'morning crossing'), 'Joost Brand');
});

test('a quote paragraph that goes on from an unnamed source’s quote is theirs, not the last person named', () => {
  const r = recordOf(
    'Prime Minister Aline Roux met the delegation on Monday.\n\n“The talks will go on for as long as they need to,” the official said, adding that Roux had spoken to both sides.\n\n“Nobody is leaving this table before a deal is done.”',
  );
  assert.notEqual(speakerOf(r, 'Nobody is leaving'), 'Aline Roux');
});

test('an apposition opening with “another” is skipped to the name, and “for” is never a source', () => {
  const r = recordOf('State Sen. Marta Lindh (R), another early Ek supporter, suggested that Mayor Bo Ek was weak on the “a bargain at twice the price” claims.\n\nCouncillor Per Holm said Lindh was “plainly wrong” for saying the tunnel was cheap.');
  assert.equal(speakerOf(r, 'a bargain'), 'Marta Lindh');
  assert.ok(!r.speakers.some((s) => s.name === 'unnamed for'), JSON.stringify(r.speakers.map((s) => s.name)));
});

test('a participle right after a name (“with Sen. Ada Holm calling it …”) has that name for its subject', () => {
  const r = recordOf('Councillors who back the bridge were angry about the delay, with Sen. Ada Holm calling it “a slow-motion disaster.”\n\nBoth sides issued statements, Mayor Ruud Smit saying he was “very encouraged” and Holm calling the meeting “useful.”');
  assert.equal(speakerOf(r, 'slow-motion'), 'Ada Holm');
  assert.equal(speakerOf(r, 'very encouraged'), 'Ruud Smit');
});

test('a name and a colon just before the quote (“Holm: “…””) credit it', () => {
  const r = recordOf('The two candidates answered the same question on the ferry.\n\nHolm: “We will keep the morning crossing.” Smit: “We will build the bridge instead.”');
  assert.equal(speakerOf(r, 'keep the morning'), 'Holm');
  assert.equal(speakerOf(r, 'build the bridge'), 'Smit');
  // A label before a colon is no speaker.
  const labels = recordOf('Update: “The ferry is running again.”\n\nLONDON: “Fares rise in March.”');
  assert.ok(!labels.speakers.some((s) => /^(?:Update|LONDON)$/i.test(s.name)), JSON.stringify(labels.speakers.map((s) => s.name)));
});

test('the subject of an opening clause (“When Holm suggested …,”) is not the sentence’s speaker', () => {
  const r = recordOf('When Mayor Bo Holm suggested that the ferry could close, Councillor Ines Smit fired back: “If they close it, the island dies.”\n\nContinuing to explain her view, Smit rejected the plan, saying that the crossing was “the island’s only road.”');
  assert.equal(speakerOf(r, 'If they close'), 'Ines Smit');
  assert.equal(speakerOf(r, 'only road'), 'Ines Smit');
  // "As … put it," is no such clause: it is the attribution.
  const as = recordOf('The council met on Monday.\n\nAs Mayor Anna Berg put it, “the bridge is finished.”');
  assert.equal(as.quotes[0]?.attribution.rule, 'verb-before');
  assert.equal(speakerOf(as, 'the bridge is'), 'Anna Berg');
});

test('a state after a comma is an apposition, and “said that Holm …” makes Holm no speaker', () => {
  const r = recordOf('Cory Lund, 22, of Flint, Mich., said he still hoped for a “surprise at the convention.”\n\nCouncillor Ines Smit said the budget was fine, and said that Holm “lost his nerve last night.”');
  assert.equal(speakerOf(r, 'surprise at the'), 'Cory Lund');
  assert.equal(speakerOf(r, 'lost his nerve'), 'Ines Smit');
});

test('a named government spoken of in lower case is that organisation, not an unnamed source', () => {
  const r = recordOf('The Welsh government said in a statement that the closure was “a hard but necessary decision for the region”.');
  assert.equal(speakerOf(r, 'hard but necessary'), 'Welsh government');
  assert.equal(r.speakers.find((s) => s.name === 'Welsh government')?.kind, 'organisation');
});

test('a title and a given name, or the given name alone, are the person with the full name', () => {
  const r = recordOf('Dame Helen Marsh opened the new library on Friday.\n\n“Books are for everyone,” Dame Helen said.\n\nHelen said: “This building belongs to the town and to nobody else.”');
  assert.equal(speakerOf(r, 'Books are'), 'Helen Marsh');
  assert.equal(speakerOf(r, 'This building'), 'Helen Marsh');
  assert.equal(r.speakers.length, 1);
});

test('two people with one surname stay two people, and “she” is the woman', () => {
  const r = recordOf('Mark Ellis met his sister, Rosa Ellis, on Tuesday.\n\n“We agreed on everything that matters,” she said.');
  assert.equal(speakerOf(r, 'We agreed'), 'Rosa Ellis');
});

test('one person spelled Schröder in one article and Schroeder in another is one speaker', () => {
  const archive = archiveOf({ 'a.txt': '“We will not cut pensions,” said Gerhard Schröder on Monday.', 'b.txt': '“The talks were useful,” Gerhard Schroeder said.' });
  const ids = archive.articles.flatMap((r) => r.quotes.map((q) => q.speakerId));
  assert.deepEqual(ids, ['gerhard-schroder', 'gerhard-schroder']);
  assert.equal(archive.people.length, 1);
});

test('“he said” after a woman’s quote is the man named before, and “De Vries” is Piet de Vries', () => {
  const r = recordOf('Minister Clara Jensen said the rise was “below inflation for the first time in years.” Piet de Vries called it “a rise all the same.”\n\n“The money will go back to the passengers,” Jensen said.\n\nDe Vries was not convinced. “We have heard this before,” he told reporters.');
  assert.equal(speakerOf(r, 'heard this before'), 'Piet de Vries');
  assert.ok(!r.speakers.some((s) => s.name === 'De Vries'));
});

test('an institution that “said in a statement” is the source, not the statement', () => {
  const r = recordOf('Dockers walked out on Monday.\n\nThe port authority said in a statement that the strike was “regrettable and unnecessary” and that talks would resume.');
  assert.equal(speakerOf(r, 'regrettable'), 'unnamed port authority');
});

test('a source after a long role apposition is the name before it, not a place inside it', () => {
  const r = recordOf('The barrage was approved on the River Usk.\n\nGareth Pryce, director of the charity Save the Usk, said the barrage would “destroy the feeding grounds of thousands of birds.”');
  assert.equal(speakerOf(r, 'feeding grounds'), 'Gareth Pryce');
  assert.ok(!r.speakers.some((s) => s.name === 'River Usk'));
});

test('a company named like a person is an organisation', () => {
  const r = recordOf('The bank financing the project, Cambrian Capital, said it was “proud to support” the barrage.');
  const speaker = r.speakers.find((s) => s.id === r.quotes[0]!.speakerId)!;
  assert.equal(speaker.name, 'Cambrian Capital');
  assert.equal(speaker.kind, 'organisation');
});

test('“according to” a role and a name between commas is that name', () => {
  const r = recordOf('Council leader James Whitcombe was disappointed.\n\nAccording to the traders’ lawyer, Simon Adeyemi, the ruling “sets a precedent for every market in the country.”');
  assert.equal(speakerOf(r, 'sets a precedent'), 'Simon Adeyemi');
});

test('“said his wife, Anna” is Anna, not her husband', () => {
  const r = recordOf('“I am leaving undecided,” said Peter Lindqvist, a nurse.\n\n“She won the argument,” said his wife, Anna. “He won the jokes.”');
  assert.equal(speakerOf(r, 'won the argument'), 'Anna');
});

test('the writer’s pronouns tell a person’s gender where the given name does not, or says otherwise', () => {
  // "Terry" is a man's name in the list and "Aparna" is in no list; the text says who they are.
  const r = recordOf('Governor Jane Holt vetoed the bill on Friday.\n\n“It is a betrayal of every family who waited,” said Terry Ocampo, whose son died in the flood. She has campaigned for the bill since 2019. She spoke at every hearing.\n\n“We will keep asking,” she said.');
  assert.equal(speakerOf(r, 'keep asking'), 'Terry Ocampo');
});

test('a name before “’s statement said” did not say it; the person who did speaks on in “she said”', () => {
  const r = recordOf('Economist Aparna Desai, who studies labour markets at the Ridge Institute, said Nora Field’s statement left questions open.\n\n“I don’t see who is eligible,” she said.');
  assert.equal(speakerOf(r, 'who is eligible'), 'Aparna Desai');
});

test('a common word opening a sentence (“Wait”, “Eleven”) is nobody’s name, while a surname that looks plural is', () => {
  const r = recordOf('Pianist Ida Holm plays the Lantern Hall on Friday.\n\nWait, it gets better: “The second half is all new.”\n\nEleven of the players said they would “stay for the encore.”\n\nMarta Fields, the conductor, agreed. Fields said the hall was “made for this.”');
  const names = r.speakers.map((s) => s.name);
  for (const word of ['Wait', 'Eleven']) assert.ok(!names.includes(word), `${word} is no speaker`);
  assert.equal(speakerOf(r, 'made for this'), 'Marta Fields');
});

test('“But a source familiar with the talks said” is an unnamed source, not the person named before', () => {
  const r = recordOf('Mayor Olga Brandt spent the week in talks with the unions.\n\nBut a source familiar with the talks said the deal was “all but done.”');
  assert.equal(speakerOf(r, 'all but done'), 'unnamed source familiar with the talks');
});

test('“Officials familiar with the matter said” and “said a person close to the mayor” are unnamed sources', () => {
  const r = recordOf('Mayor Olga Brandt spent the week in talks with the unions.\n\nOfficials familiar with the matter said the mayor was “angry about the leak.”\n\n“She was furious,” said a person close to the mayor.');
  assert.equal(speakerOf(r, 'angry about'), 'unnamed officials familiar with the matter');
  assert.equal(speakerOf(r, 'She was furious'), 'unnamed person close to the mayor');
});

test('the verb of an opening “After …,” clause reports nothing; the subject after it speaks', () => {
  const r = recordOf('The council met on Monday.\n\nAfter Jan Brandt criticized the plan during the debate, Ada Holm shot back, “We have heard this before.”');
  assert.equal(speakerOf(r, 'heard this before'), 'Ada Holm');
});

test('“he said” after “While A …, the vote left B alone” is B: a name in an opening clause is no antecedent', () => {
  const r = recordOf('The council voted on Monday.\n\nWhile Karl Lund won many friends on the council, the vote left Paul Carver, chair of the tenants’ union, alone. “Nobody called me before the vote,” he said.');
  assert.equal(speakerOf(r, 'Nobody called'), 'Paul Carver');
});

test('“His rival, Maria Cruz, disagreed: “…”” is Maria Cruz: a role, then the name holding it, and a colon that introduces the quote', () => {
  const r = recordOf('The senator, John Ellis, was blunt. “This bill is dead,” he said. His rival, Maria Cruz, disagreed: “It has the votes.”');
  assert.equal(speakerOf(r, 'This bill is dead'), 'John Ellis');
  assert.equal(speakerOf(r, 'has the votes'), 'Maria Cruz');
});

test('“one witness said” is an unnamed witness, and the quote that goes on is theirs too', () => {
  const r = recordOf('A fire broke out at the market on Friday.\n\n“It was chaos,” one witness said. “People were running everywhere.”');
  assert.equal(speakerOf(r, 'It was chaos'), 'unnamed witness');
  assert.equal(speakerOf(r, 'running everywhere'), 'unnamed witness');
});

test('“the bank said”, “the company added”, “the government said” are the organisation named just before, not an unnamed source', () => {
  const bank = recordOf('Shares in HSBC fell 4 per cent on Tuesday. “We expected a hard quarter,” the bank said in a statement.');
  assert.equal(speakerOf(bank, 'hard quarter'), 'HSBC');
  const firm = recordOf('Siemens will cut 2,000 jobs, the firm said on Tuesday. “This is painful,” the company added.');
  assert.equal(speakerOf(firm, 'painful'), 'Siemens');
  const government = recordOf('The Welsh government has delayed the plan. “We need more time,” the government said.');
  assert.equal(speakerOf(government, 'more time'), 'Welsh government');
  const unnamed = recordOf('Maria Holt founded the company in 2001. “We never took a loan,” the company said.');
  assert.equal(speakerOf(unnamed, 'took a loan'), 'unnamed company');
  const carmaker = recordOf('Toyota recalled a million cars on Monday. “Safety comes first,” the carmaker said.');
  assert.equal(speakerOf(carmaker, 'Safety comes'), 'Toyota');
  const product = recordOf('The Toyota Corolla was the best-selling car. “It is a great car,” the retailer said.');
  assert.equal(speakerOf(product, 'great car'), 'unnamed retailer');
});

test('“said Bashar al-Assad”, then “Assad said” and “al-Assad added”, are one speaker: an Arabic article joined by a hyphen is part of the name', () => {
  const r = recordOf('President Bashar al-Assad met the envoy on Sunday.\n\n“We want peace,” Assad said.\n\n“But not at any price,” al-Assad added.\n\n“Talks begin tomorrow,” said Ahmed el-Sayed, the envoy.');
  assert.equal(speakerOf(r, 'want peace'), 'Bashar al-Assad');
  assert.equal(speakerOf(r, 'any price'), 'Bashar al-Assad');
  assert.equal(speakerOf(r, 'Talks begin'), 'Ahmed el-Sayed');
});

test('“I agree,” he said after a woman’s quote is the man, whichever rule proposed her', () => {
  const r = recordOf('Tom Baird and Lisa Moreno spoke at the rally. “We are united,” Moreno said. “I agree,” he said.');
  assert.equal(speakerOf(r, 'We are united'), 'Lisa Moreno');
  assert.equal(speakerOf(r, 'I agree'), 'Tom Baird');
});

test('“the governor, who told him: “…”” relays the governor’s words, not the mayor’s who reports them', () => {
  const r = recordOf('Mayor Dan Kerr said he spoke to the governor, who told him: “Help is coming.”');
  assert.equal(speakerOf(r, 'Help is coming'), 'unnamed governor');
});

test('“according to a statement from the Ministry of Health” is the ministry, and “said another, Li Wei” is Li Wei', () => {
  const r = recordOf('Hospitals were crowded on Monday. According to a statement from the Ministry of Health, “all hospitals remain open.”\n\nTwo residents spoke to the Herald. “It smells,” said one. “We want answers,” said another, Li Wei.');
  assert.equal(speakerOf(r, 'hospitals remain open'), 'Ministry of Health');
  assert.equal(speakerOf(r, 'want answers'), 'Li Wei');
});

test('the interviewer named “in an interview with Radio Five’s Tom Hale” does not speak the quote that goes on', () => {
  const r = recordOf('Ana Ruiz on Wednesday called on the mayor to resign.\n\n“That was outrageous,” the former adviser said in an interview with Radio Five’s Tom Hale. “He should apologise today.”');
  assert.equal(speakerOf(r, 'apologise'), 'Ana Ruiz');
});

test('a name inside another person’s title (“FactCheck Executive Director Aaron Sharp”) is not who “he” is', () => {
  const r = recordOf('The website rated most claims false.\n\nFactCheck Executive Director Aaron Sharp defended the ratings. “We’re not just validating numbers,” he told reporters.');
  assert.equal(speakerOf(r, 'validating'), 'Aaron Sharp');
});

test('“the governor said” after “the mayor, Ann Lee, and the governor, Tom Bell,” is Tom Bell: a role between commas before a name is theirs', () => {
  const r = recordOf('The mayor, Ann Lee, and the governor, Tom Bell, met on Friday.\n\n“We agreed on nothing,” the governor said. “Not even the date,” the mayor added.');
  assert.equal(speakerOf(r, 'agreed on nothing'), 'Tom Bell');
  assert.equal(speakerOf(r, 'Not even the date'), 'Ann Lee');
});

test('an adjective before a title is part of it: “Independent presidential candidate Ruth Okafor” is a person, “Independent” nobody', () => {
  const r = recordOf('Independent presidential candidate Ruth Okafor is refusing to answer claims by Senator Mark Hale that her ads are “misleading.”');
  assert.equal(speakerOf(r, 'misleading'), 'Ruth Okafor');
  const doctor = recordOf('Libertarian mayoral candidate Joe Park’s doctor is calling the candidate “as fit as a fiddle.”');
  assert.notEqual(speakerOf(doctor, 'fiddle'), 'Libertarian');
});

test('“Lee went after Ross, calling him “…”” is Lee: a verb or a preposition ending like “senator” is no title before Ross', () => {
  const r = recordOf('Ann Lee and Tom Ross met twice. Speaking at a rally in Dayton, Lee went after Ross, calling him “a total failure.”');
  assert.equal(speakerOf(r, 'total failure'), 'Ann Lee');
});

test('“Ann Lee, 35, the daughter of …, said on Twitter, “…”” is Ann Lee: a name after a preposition after the verb is where it was said', () => {
  const r = recordOf('Ann Lee, 35, the daughter of former Governor Tom Lee, said on Twitter on Monday, in reply to a fan, “See you all in June!”');
  assert.equal(speakerOf(r, 'See you all'), 'Ann Lee');
});

test('“Economists agree - Tom Hale: “…”” is Tom Hale: a name and a colon right before the quote credit it over the verb before them', () => {
  const r = recordOf('The forecasts were mixed.\n\nEconomists agree - Tom Hale: “The market will turn by spring, and rates will follow.”');
  assert.equal(speakerOf(r, 'market will turn'), 'Tom Hale');
});

test('“Tom Ross, now the party chairman, who in 2012 said …“a footnote.”” is Tom Ross: words of time between “who” and its verb, and an apposition before it', () => {
  const r = recordOf('Lee has had a cold relationship with Tom Ross, now the party chairman, who in 2012 said the party’s goal was to make Lee “a footnote.”');
  assert.equal(speakerOf(r, 'footnote'), 'Tom Ross');
});

test('“Her co-author, Professor James Holt, was more cautious: “…”” is James Holt: a role, then a name with its own title', () => {
  const r = recordOf('Dr Priya Nair, who led the study at the University of Leeds, said the results were “striking”. Her co-author, Professor James Holt, was more cautious: “We need a larger trial.”');
  assert.equal(speakerOf(r, 'larger trial'), 'James Holt');
});

test('“the ministry of defence said” is the Ministry of Defence, and “the employers’ body said” an unnamed body, not the person named before', () => {
  const ministry = recordOf('In a statement, the ministry of defence said the aircraft had “returned safely to base”.');
  assert.equal(speakerOf(ministry, 'returned safely'), 'Ministry of Defence');
  const body = recordOf('The union’s general secretary, Frances O’Grady, called the offer “an insult”. The employers’ body said it was “fair and generous”.');
  assert.equal(speakerOf(body, 'fair and generous'), 'unnamed employers’ body');
});

test('“Lee, flanked by Ross, told the crowd …” is Lee: a participle’s phrase between commas describes the subject', () => {
  assert.equal(speakerOf(recordOf('Ann Lee and Tom Ross spoke. Lee, flanked by Ross, told the crowd the plan was “dead on arrival.”'), 'dead on arrival'), 'Ann Lee');
  assert.equal(speakerOf(recordOf('The mayor, Ann Lee, met Tom Ross. Lee, standing beside Ross, called the deal “a disgrace.”'), 'disgrace'), 'Ann Lee');
});

test('“said a longtime party veteran” is someone not named before, and “Purple PAC, steered by Tom Ross,” is the PAC', () => {
  assert.equal(speakerOf(recordOf('Tom Ross met the staff. “He never listens,” said a longtime party veteran.'), 'never listens'), 'unnamed longtime party veteran');
  assert.equal(speakerOf(recordOf('Ann Lee is running again. Purple PAC, steered by former mayor Tom Ross, began an ad buy casting Lee as an “honest choice” for voters.'), 'honest choice'), 'Purple PAC');
});

test('“Ann Lee, communications director for the Ross campaign, said” is Ann Lee: a role of several words before “for” is an apposition', () => {
  assert.equal(speakerOf(recordOf('Tom Ross spoke first. Ann Lee, communications director for the Ross campaign, said in a statement: “We will not be distracted.”'), 'not be distracted'), 'Ann Lee');
});

test('“Lee repeated accusations that Ross reads …, calling him a “…”” is Lee: the participle shares the main clause’s subject, not the “that” clause’s', () => {
  assert.equal(speakerOf(recordOf('Ann Lee repeated accusations that Tom Ross reads the same lines every night, calling him a “talented actor” with nothing to say.'), 'talented actor'), 'Ann Lee');
});

test('“derided as “…” by Senator Ann Lee” is Ann Lee: the agent after the quote of a passive verb of naming', () => {
  assert.equal(speakerOf(recordOf('Tom Ross wrote the bill. The plan, derided as “a giveaway to the richest families in the state” by Senator Ann Lee, passed on Tuesday.'), 'giveaway'), 'Ann Lee');
});

test('a name after an opening adverbial (“On “Meet the Press,” Sen. Ann Lee …”) is its sentence’s subject, and the quote after it hers', () => {
  const r = recordOf('“We will win this state,” Tom Ross said on Friday.\n\nOn “Meet the Press,” Sen. Ann Lee, who lost the primary to Ross, named young voters as the reason to vote. “The younger people are sick and tired of the old politics.”');
  assert.equal(speakerOf(r, 'younger people'), 'Ann Lee');
});

test('a name before “called … a “…”” spoke, and before “called for calm” did not: a weak verb speaks when a quote follows it', () => {
  assert.equal(speaksAfterName(' Kerr called the ruling a “huge win for voters.”'), true);
  assert.equal(speaksAfterName(' Kerr called for calm on Friday.'), false);
  assert.equal(speaksAfterName(' Kerr said the ruling was wrong.'), true);
});

test('a name with particles keeps three names: “Sheikh Mohammed bin Rashid Al Maktoum”, then “Sheikh Mohammed said”, is one speaker', () => {
  assert.equal(speakerOf(recordOf('Sheikh Mohammed bin Rashid Al Maktoum praised the plan. “This is the future,” Sheikh Mohammed said.'), 'the future'), 'Mohammed bin Rashid Al Maktoum');
});

test('a name that only possesses what opens its sentence (“Lee and Ross’s meeting”, “the Smiths’ lawyer”) is not its subject', () => {
  assert.equal(possessesNext('Ann Lee and Tom Ross’s first meeting ended badly.'), true);
  assert.equal(possessesNext('Ross’ lawyer said'), true);
  assert.equal(possessesNext('Tom Ross said on Monday'), false);
  assert.equal(possessesNext('Tom Ross, the party’s leader, said'), false);
});

test('“Paul Ryan, the speaker, was blunt. “…,” he said” is Paul Ryan: a word of his name is not Rand Paul’s, nor is he the object of the sentence before', () => {
  const text = (name: string) => `Rand Paul and Mark Hale spoke on Monday. ${name}, the speaker, was blunt. “They are trial lawyers trying to get rich,” he said.`;
  assert.equal(speakerOf(recordOf(text('Paul Ryan')), 'trial lawyers'), 'Paul Ryan');
  assert.equal(speakerOf(recordOf(text('Tom Ryan')), 'trial lawyers'), 'Tom Ryan');
});

test('two words the lexicon knows as common nouns are a name when the text treats them as a person’s (“Leo Park, 24,”, “Striker Leo Park”, “Park said”)', () => {
  assert.equal(speakerOf(recordOf('Leo Park, 24, was modest. “The lads did the hard work,” he said.'), 'hard work'), 'Leo Park');
  assert.equal(speakerOf(recordOf('Leo Park was modest after the win. “The lads did the hard work,” Park said.'), 'hard work'), 'Leo Park');
  const act = recordOf('The court ruled that Ohio broke the National Voter Registration Act. “This is a victory,” said Ann Lee.');
  assert.ok(!act.speakers.some((s) => s.name === 'Registration Act'));
});

test('“…,” it added: “it” speaks for the institution that spoke just before, named (“the Welsh government”) or not (“the city council”)', () => {
  assert.equal(speakerOf(recordOf('The Welsh government said in a statement that the ferry service would resume. “Passenger safety comes first,” it added.'), 'Passenger safety'), 'Welsh government');
  assert.equal(speakerOf(recordOf('The city council said the service would resume. “Passenger safety comes first,” it said.'), 'Passenger safety'), 'unnamed city council');
  assert.equal(speakerOf(recordOf('Norland Bank said on Monday that it would cut 500 jobs. “This was a difficult decision,” it said.'), 'difficult decision'), 'Norland Bank');
  assert.equal(speakerOf(recordOf('The rule was changed in 2019. “It is unfair,” it said.'), 'unfair'), null);
});

test('“Liz Ford of the charity Shelter called it “…”” is Liz Ford: a surname shared with a company does not make the person before “of” a role', () => {
  assert.equal(speakerOf(recordOf('The ruling was welcomed by campaigners. Liz Ford of the charity Shelter called it “a landmark decision for renters.”'), 'landmark decision'), 'Liz Ford');
  assert.equal(speakerOf(recordOf('Liz Ford of Shelter called it “a landmark decision for renters.”'), 'landmark decision'), 'Liz Ford');
});

test('“her husband, Thabo,” is a man named Thabo: “he said” after it is his words, “she said” hers', () => {
  const text = (pronoun: string) => `Sarah Ndlovu and her husband, Thabo, lost their home in the floods. “We have nothing left,” ${pronoun} said.`;
  assert.equal(speakerOf(recordOf(text('he')), 'nothing left'), 'Thabo');
  assert.equal(speakerOf(recordOf(text('she')), 'nothing left'), 'Sarah Ndlovu');
});

test('“Weaver was unimpressed with Sanders’ comments, telling reporters, “…”” is Weaver: after a plural possessive, “comments” is a noun and Sanders no subject', () => {
  assert.equal(speakerOf(recordOf('Karen Weaver didn’t seem impressed with Sanders’ comments Tuesday, telling reporters, “A lot of people said the governor should step down.”'), 'step down'), 'Karen Weaver');
});

test('“one senior Democrat said” and “a Republican said” are unnamed party members, not the person named before', () => {
  assert.equal(speakerOf(recordOf('Tom Ross left early. “The campaign has been reluctant to jump in,” one senior Democrat said.'), 'reluctant'), 'unnamed senior Democrat');
  assert.equal(speakerOf(recordOf('Tom Ross left early. “The campaign is over,” a Republican said.'), 'is over'), 'unnamed Republican');
});

test('“Her coach, Ray Nunez, was in tears. “…,” he said” is Ray Nunez, and “it said” never speaks for an institution named inside the quote', () => {
  assert.equal(speakerOf(recordOf('Emma Clarke won gold in the 400m. Her coach, Ray Nunez, was in tears. “She has worked for this for ten years,” he said.'), 'worked for this'), 'Ray Nunez');
  assert.notEqual(speakerOf(recordOf('The club’s statement was brief.\n\n“We are aware of the allegations and are cooperating fully with the police,” it said.'), 'cooperating'), 'unnamed police');
});

test('“said the Serbian” after “Novak Djokovic beat …” is Djokovic: a nationality after an article is a role noun, not a name', () => {
  assert.equal(speakerOf(recordOf('Defending champion Novak Djokovic beat Carlos Alcaraz in straight sets. “He pushed me to the limit,” said the Serbian.'), 'limit'), 'Novak Djokovic');
});

test('“the Scot said”, “the Frenchman said” are the person before: a nationality made of a country’s name or of “-man” is a role too; “the Greens said” stays a party', () => {
  assert.equal(speakerOf(recordOf('Rovers won 3-0. Manager Alex Ferguson was in a buoyant mood. “We showed real character today,” the Scot said.'), 'real character'), 'Alex Ferguson');
  assert.equal(speakerOf(recordOf('Stage winner Julien Morel crossed the line alone. “I attacked on the last climb,” said the Frenchman.'), 'last climb'), 'Julien Morel');
  assert.equal(speakerOf(recordOf('The coalition lost its majority on Monday. “This government has failed,” the Greens said.'), 'has failed'), 'Greens');
});

test('“the Japanese carmaker said” after Toyota is Toyota: a nationality before a trade describes the firm named, where “the Welsh government” is one by name', () => {
  assert.equal(speakerOf(recordOf('Toyota said sales rose 5% in the quarter. The Japanese carmaker said in a statement: “Demand for hybrids remains strong.”'), 'hybrids'), 'Toyota');
  assert.equal(speakerOf(recordOf('Ministers met on Monday. “We will fund the line,” the Welsh government said.'), 'fund the line'), 'Welsh government');
});

test('“a spokesman for the fire service said” after another’s quote is that spokesman: the role’s head comes before “for” and a body in lower case', () => {
  const r = recordOf('Fire at mill\n\nStation manager Rob Kerr said: “My crews did an outstanding job.”\n\nThe cause is not yet known. “We will investigate fully,” a spokesman for the fire service said.');
  assert.equal(speakerOf(r, 'investigate fully'), 'unnamed spokesman for the fire service');
});

test('“Kim Lowe … she told the court” is Lowe’s: a given name that the list and the lexicon give to different sexes is either’s', () => {
  const r = recordOf('Prosecutor Alan Reid told the jury that Kim Lowe had stolen £2m. Lowe denies the charges. “I never took a penny,” she told the court on Tuesday.');
  assert.equal(speakerOf(r, 'never took a penny'), 'Kim Lowe');
});

test('“The housing minister disputed them, saying: “…”” is the minister’s: a role noun opening a sentence that hands itself to the quote speaks, by its shortest words', () => {
  assert.equal(speakerOf(recordOf('Report author Rhys Morgan said the figures were “shocking”. But the housing minister disputed them, saying: “These numbers are out of date.”'), 'out of date'), 'unnamed housing minister');
  assert.equal(speakerOf(recordOf('Polls closed at ten. The party’s candidate hit back, saying: “We will win this seat.”'), 'win this seat'), 'unnamed party’s candidate');
});

test('“said one passenger, Ingrid Holm” is Holm, and “Councillor Jan Price (Labour, Riverside) said” is Price: a name after “one …,” and before a parenthesis', () => {
  assert.equal(speakerOf(recordOf('Captain Olav Dahl brought the ship into port. “He saved our lives,” said one passenger, Ingrid Holm.'), 'saved our lives'), 'Ingrid Holm');
  assert.equal(speakerOf(recordOf('The library will close in May. Councillor Jan Price (Labour, Riverside) said the closure was “a disgrace”.'), 'a disgrace'), 'Jan Price');
});

test('“Pope Leo … the pontiff said”, “Emir Tamim … he said” are those men: a sovereign’s or a cleric’s title with one name is a person’s whole name; “King Street” is not', () => {
  assert.equal(speakerOf(recordOf('Camp visit\n\nPope Leo visited the camp on Sunday. “No one should live like this,” the pontiff said.'), 'live like'), 'Pope Leo');
  assert.equal(speakerOf(recordOf('Gulf talks\n\nEmir Tamim met the president in Doha. “We want peace,” he said.'), 'want peace'), 'Emir Tamim');
  assert.equal(speakerOf(recordOf('Royal visit\n\n“We are grateful to everyone,” said King Charles.'), 'grateful'), 'King Charles');
  assert.deepEqual(recordOf('Road works\n\nKing Street was closed on Monday. “It was chaos,” she said.').speakers, []);
});

test('“said council leader Amy Fox”, “said the council leader, Amy Fox” are Amy Fox: a surname that ends bodies’ names (“Fox News”) is a person’s after a role', () => {
  assert.equal(speakerOf(recordOf('Library\n\n“We will not close the library,” said council leader Amy Fox.'), 'close the library'), 'Amy Fox');
  assert.equal(speakerOf(recordOf('Library\n\n“We will not close the library,” said the council leader, Amy Fox.'), 'close the library'), 'Amy Fox');
  assert.equal(speakerOf(recordOf('News\n\n“We stand by our reporting,” Fox News said in a statement.'), 'our reporting'), 'Fox News');
});

test('“According to the minister, the president told him: “…”” is the president’s: the verb nearer the quote says who spoke, “according to” who reports it', () => {
  assert.equal(speakerOf(recordOf('Talks\n\nAccording to the minister, President Omar Sall told him: “We will not back down.”'), 'not back down'), 'Omar Sall');
  assert.equal(speakerOf(recordOf('Talks\n\nAccording to Ann Reyes, the talks were “very close” to a deal.'), 'very close'), 'Ann Reyes');
});

test('“Apple reported … the iPhone maker said” is Apple: a word the lexicon does not know, opening a sentence before as its subject, is the firm an institution noun stands for', () => {
  assert.equal(speakerOf(recordOf('Tech\n\nApple reported record sales on Thursday. “Demand in China has recovered,” the iPhone maker said.'), 'Demand in China'), 'Apple');
  assert.equal(speakerOf(recordOf('Cars\n\nTesla cut prices again on Friday. “We want cars everyone can afford,” the carmaker said.'), 'afford'), 'Tesla');
  assert.equal(speakerOf(recordOf('Courts\n\nJohnson said the firm would appeal. “We disagree with the ruling,” the company said.'), 'disagree'), 'unnamed company', 'a surname is a person’s');
});

test('a run of quote-only paragraphs goes on with its speaker, however many paragraphs back they were named', () => {
  const r = recordOf('Interview\n\nMayor Dana Holt said on Monday that the city would cut spending.\n\n“We have to do something,” Holt told the Herald.\n\n“We have to be a lot tougher.”\n\n“We are playing by different rules now.”\n\n“We have to play the game at a tougher level.”\n');
  assert.deepEqual(r.quotes.map((q) => q.speakerId), ['dana-holt', 'dana-holt', 'dana-holt', 'dana-holt']);
});

test('“Pieter van der Berg … Van der Berg said”, “Anna ter Horst … Ter Horst said” are one person each: two particles inside a name, and one capitalised to open a sentence', () => {
  const berg = recordOf('Port\n\nDutch minister Pieter van der Berg signed the deal. “It is a good day,” Van der Berg said.');
  assert.deepEqual(berg.speakers.map((s) => s.name), ['Pieter van der Berg']);
  const horst = recordOf('Vote\n\nDutch MP Anna ter Horst voted against. “This is a mistake,” Ter Horst said.');
  assert.deepEqual(horst.speakers.map((s) => s.name), ['Anna ter Horst']);
  assert.equal(speakerOf(recordOf('News\n\n“We stand by the report,” Al Jazeera said.'), 'stand by'), 'Al Jazeera');
});

test('“John and Mary Clarke” are two people of one surname: “Mary said” is Mary Clarke, and “her husband … he said” John Clarke; “Rubio and Ted Cruz” share nothing', () => {
  const r = recordOf('Couple\n\nJohn and Mary Clarke have run the shop for 40 years. “We never took a holiday,” Mary said. Her husband laughed. “She’s exaggerating,” he said.');
  assert.equal(speakerOf(r, 'holiday'), 'Mary Clarke');
  assert.equal(speakerOf(r, 'exaggerating'), 'John Clarke');
  assert.deepEqual(recordOf('Race\n\nRubio and Ted Cruz clashed. “He lied,” Cruz said.').speakers.map((s) => s.name), ['Ted Cruz']);
});

test('“His sister, Kelly, said” is Kelly (a name ending like an adverb that the lexicon knows as a name), and “Amira Shah QC”, “Jess Lowe MP” are their names without the letters after them', () => {
  assert.equal(speakerOf(recordOf('Crime\n\nThe victim, Mark Jones, 34, was stabbed. His sister, Kelly, said he was “the kindest man you could meet”.'), 'kindest man'), 'Kelly');
  assert.equal(speakerOf(recordOf('Court\n\nDefence barrister Amira Shah QC told jurors her client had acted “in blind panic”.'), 'blind panic'), 'Amira Shah');
  assert.equal(speakerOf(recordOf('Vote\n\nJess Lowe MP said the bill was “a disgrace”.'), 'disgrace'), 'Jess Lowe');
  assert.equal(speakerOf(recordOf('Ads\n\n“We will fight,” Purple PAC said.'), 'fight'), 'Purple PAC');
});

test('“he said” is never an organisation’s: with no man named, the quote is nobody’s rather than the body’s', () => {
  const r = recordOf('Talks stall\n\nEU talks stalled on Monday in Brussels. “It is going nowhere,” he said.');
  assert.notEqual(speakerOf(r, 'going nowhere'), 'EU');
});

test('“Diplomats said … “…,” one said” is an unnamed diplomat, not an “unnamed one”', () => {
  assert.equal(speakerOf(recordOf('Talks stall\n\nDiplomats said the mood was tense. “It is going nowhere,” one said.'), 'going nowhere'), 'unnamed diplomat');
  assert.equal(speakerOf(recordOf('Flood\n\nResidents were evacuated overnight. “We lost everything,” one said.'), 'lost everything'), 'unnamed resident');
});

test('“Council leader Amy Fox … she said”, “Local historian Mary Church … she said” are those women: a given name with a role before it is a person, whatever the surname', () => {
  assert.equal(speakerOf(recordOf('Library\n\nCouncil leader Amy Fox opened the meeting on Monday. “We will not close the library,” she said.'), 'close the library'), 'Amy Fox');
  assert.equal(speakerOf(recordOf('Library\n\nLocal historian Mary Church has written six books on the town. “The library is its memory,” she said.'), 'its memory'), 'Mary Church');
  assert.equal(speakerOf(recordOf('Police\n\n“Officers attended the scene,” Victoria Police said.'), 'Officers attended'), 'Victoria Police');
});

test('“Ghana’s culture minister said”, “the boy’s mother said” are someone new: a name’s possessive is a determiner, a relative is no one named before, and X’s spokesman is not X', () => {
  assert.equal(speakerOf(recordOf('Museum\n\nThe museum’s director, Nicholas Cullinan, said the deal was “a new chapter”. Ghana’s culture minister welcomed it but said the objects “belong at home”.'), 'belong at home'), 'unnamed Ghana’s culture minister');
  assert.equal(speakerOf(recordOf('Rescue\n\n“He was very brave,” said coastguard officer Sam Treloar. The boy’s mother said she was “eternally grateful” to the rescuers.'), 'eternally grateful'), 'unnamed boy’s mother');
  assert.notEqual(speakerOf(recordOf('Briefing\n\nPresident Ana Ruiz left for Paris on Monday. Ruiz’s spokesman said the trip would be “short and useful”.'), 'short and useful'), 'Ana Ruiz');
  assert.equal(speakerOf(recordOf('Airline\n\nRyanair boss Michael O’Leary said fares would rise. “Cheap flights are over for this summer,” the airline’s chief executive told reporters.'), 'Cheap flights'), 'Michael O’Leary');
});

test('“said mother of three Leanne Price” is Leanne Price, and “The hospital trust said” is the trust, not the nurse quoted before', () => {
  assert.equal(speakerOf(recordOf('School meals\n\n“My son comes home starving,” said mother of three Leanne Price.'), 'starving'), 'Leanne Price');
  assert.equal(speakerOf(recordOf('Meals\n\n“It is not enough,” said father-of-two Sam Lee.'), 'not enough'), 'Sam Lee');
  const trust = recordOf('Hospital\n\n“We are exhausted,” said nurse Emma Clarke. The hospital trust said patient safety “remains our priority”.');
  assert.equal(speakerOf(trust, 'remains our priority'), 'unnamed hospital trust');
});

test('“The singer Adele … she wrote” is Adele (one name after a noun for a person), and “the Slovenian said” a role for the rider before (a country’s people by its name)', () => {
  assert.equal(speakerOf(recordOf('Concert\n\nThe singer Adele has postponed her Las Vegas residency. “I’m gutted,” she wrote on Instagram.'), 'gutted'), 'Adele');
  assert.equal(speakerOf(recordOf('Cycling\n\nTadej Pogačar won his third Tour de France on Sunday. “This one is special,” the Slovenian said on the podium.'), 'special'), 'Tadej Pogačar');
  const firm = recordOf('Ads\n\nThe company Apple cut prices. “Demand is strong,” she said.');
  assert.ok(!firm.speakers.some((s) => s.name === 'Apple' && s.kind === 'person'), 'after a body’s noun, a name is no person');
});

test('“Andy Cole of Dorset and Wiltshire Fire and Rescue Service said” is Cole: an “and” inside a body’s name does not end the clause; “Sen. Ted Cruz and Gov. John Kasich said” still does', () => {
  assert.equal(speakerOf(recordOf('Fire\n\nGroup manager Andy Cole of Dorset and Wiltshire Fire and Rescue Service said: “The fire is now under control.”'), 'under control'), 'Andy Cole');
  const r = recordOf('Debate\n\nSen. Ted Cruz and Gov. John Kasich said the plan was “a disaster”.');
  assert.equal(speakerOf(r, 'disaster'), 'John Kasich');
  assert.ok(!r.speakers.some((s) => s.roles.some((role) => role.includes('Cruz'))), 'no role made of the other name');
});

test('“X said Democrats had written the bill “in secret”” is X’s: writing a thing is no verb of saying', () => {
  const r = recordOf('The Senate rejected the bill.\n\nMajority Leader Chuck Sumner blamed Republicans. “They had every chance,” he said.\n\nMinority Leader Mitch Connell said Democrats had written the bill “in secret.”');
  assert.equal(speakerOf(r, 'in secret'), 'Mitch Connell');
});

test('“the DNC said”, “The NAACP said” are those organisations, and “Sanders’ Jewish faith” names no one', () => {
  const r = recordOf('The emails suggested someone should question Sanders’ Jewish faith. “We apologise,” the DNC said.');
  assert.equal(speakerOf(r, 'apologise'), 'DNC');
  assert.ok(!r.speakers.some((s) => /Jewish/.test(s.name)));
  assert.equal(speakerOf(recordOf('Tom Ross left early. “We apologise,” the RNC said.'), 'apologise'), 'RNC');
  assert.equal(speakerOf(recordOf('The NAACP said the ruling was “a victory.”'), 'victory'), 'NAACP');
});

test('“Volodymyr Zelenskyy”, then “Zelensky said”, is one speaker: a doubled letter is a transliteration, not another name', () => {
  const r = recordOf('Volodymyr Zelenskyy thanked the allies. “We will not forget,” Zelensky said.');
  assert.equal(speakerOf(r, 'not forget'), 'Volodymyr Zelenskyy');
  assert.equal(r.speakers.length, 1);
});

test('a given name alone after the full name is that person though the lexicon does not know it (“Priya” after “Priya Raman”), and no name runs across a quote', () => {
  assert.equal(speakerOf(recordOf('Priya Raman started the business in her garage. “I never imagined this,” Priya said.'), 'never imagined'), 'Priya Raman');
  const across = recordOf('Mary Susan, a delegate, spoke to us. Her friends mock the campaign, calling Trump “an orange buffoon,” Susan said.');
  assert.ok(!across.speakers.some((s) => s.name === 'Trump Susan'));
  assert.equal(speakerOf(recordOf('State Del. Marcia “Cia” Price spoke first. “We have to show up,” Price said.'), 'show up'), 'Marcia Price');
});

test('“Okoro said he had told Lavrov that …“unacceptable.”” is Okoro: a surname alone before “said” is a person the pronoun can stand for', () => {
  assert.equal(speakerOf(recordOf('Okoro said he had told Lavrov that the strikes were “unacceptable.”'), 'unacceptable'), 'Okoro');
  assert.equal(speakerOf(recordOf('Officials said the plan was “dead.”'), 'dead'), 'unnamed officials');
});

test('“Officials quoted the general as saying …“never surrender.”” is the general’s: the one quoted speaks, not who quotes them', () => {
  assert.equal(speakerOf(recordOf('Officials quoted the general as saying the army would “never surrender.”'), 'never surrender'), 'unnamed general');
  assert.equal(speakerOf(recordOf('The newspaper quoted Ann Lee as saying she was “done with politics.”'), 'done with politics'), 'Ann Lee');
});

test('an institution’s name never runs into the next paragraph, and “as a Homeland Security memo put it” is the memo’s author', () => {
  const union = recordOf('The pilots endorsed Ann Lee.\n\nA union official said the vote was close. The union said: “Parallel to our progress, Lee has stood with us.”');
  assert.ok(!union.speakers.some((s) => /\n/.test(s.name)));
  assert.equal(speakerOf(recordOf('The first requirement is a “lawful source of investment income,” as a Homeland Security memo put it.'), 'lawful source'), 'Homeland Security');
});

test('“The club issued a statement: “…”” is the club’s, and “it said” after it too: an institution’s “it” is certain, never the person named before', () => {
  assert.equal(speakerOf(recordOf('The club issued a statement on Friday: “We are cooperating with the police.”'), 'cooperating'), 'unnamed club');
  assert.equal(speakerOf(recordOf('Tom Ross left. The club released a statement. “We are cooperating with the police,” it said.'), 'cooperating'), 'unnamed club');
  assert.equal(speakerOf(recordOf('Tom Ross left. Norland Bank released a statement. “We are cooperating with the police,” it said.'), 'cooperating'), 'Norland Bank');
});
