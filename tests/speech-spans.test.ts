// The learned step that tells speech from titles, terms and irony in quote marks: the committed
// model loads, a retrain gives the same weights, and on short texts of our own it keeps words
// someone said and drops names in quote marks, in American and British punctuation alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpeechModel, punctuationOutside, speechProbability } from '../src/extract/speech-spans.ts';
import { ModelFileError } from '../src/extract/model-file.ts';
import { recordOf, said } from './helpers/extract.ts';
import { tempDirSync } from './helpers/temp.ts';

test('the committed speech model loads and weighs a speech verb beside the quote up', () => {
  const model = loadSpeechModel();
  assert.ok(Object.keys(model.weights).length > 50);
  assert.ok(model.weights['speech-verb-near&long']! > 0);
  assert.ok(model.trainedOn.spans > 1000);
  assert.ok(speechProbability(model, ['bias', 'rule:verb-after', 'speech-verb-near&long']) > speechProbability(model, ['bias', 'rule:none', 'title-case&short']));
});

test('a speech model file that cannot be read names its path', () => {
  const path = join(tempDirSync('speech-'), 'speech-model.json');
  writeFileSync(path, '{ "weights": { "bias": "yes" } }');
  assert.throws(() => loadSpeechModel(path), (e: Error) => e instanceof ModelFileError && e.message.includes(path));
});

const TRAIN = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'polnear-train', 'text');

test('training the speech model again on PolNeAR train gives the committed weights', { skip: existsSync(TRAIN) ? false : 'PolNeAR train is not beside the checkout (../shared)', timeout: 120_000 }, async () => {
  const { labelSpans, trainSpeech } = await import('../scripts/attribution/speech-spans.ts');
  const weights = trainSpeech(labelSpans(TRAIN, join(TRAIN, '..', '..', '..', 'gold', 'polnear-train')).spans);
  assert.deepEqual(weights, loadSpeechModel().weights, 'the speech model file is not what the code and data give: run npm run train:attribution');
});

test('an article’s punctuation style: inside the closing mark or after it', () => {
  assert.equal(punctuationOutside('“We will win,” she said. “It is done.”'), false);
  assert.equal(punctuationOutside('“We will win”, she said. “It is done”.'), true);
});

test('titles and nicknames in quote marks are not speech; the words around a speech verb are', () => {
  const r = recordOf('The council screened the film “Harbour Lights” on Friday.\n\n“We will open the new library in March,” Mayor Tilda Brenner said.\n\nBrenner called the old building “a leaking ruin that nobody can fix”.');
  const texts = said(r).map(([t]) => t);
  assert.ok(!texts.includes('Harbour Lights'), JSON.stringify(texts));
  assert.ok(texts.some((t) => t.startsWith('We will open')));
  assert.ok(texts.some((t) => t.startsWith('a leaking ruin')), JSON.stringify(texts));
});

test('British punctuation after the closing mark keeps a whole-paragraph quote', () => {
  const r = recordOf('Transport minister Owen Pryce spoke in Cardiff on Monday.\n\n“The bridge will reopen before the winter, whatever the cost turns out to be”.\n\n“We owe that to the valley”, he said.');
  const texts = said(r).map(([t]) => t);
  assert.ok(texts.some((t) => t.startsWith('The bridge will reopen')), JSON.stringify(texts));
});

test('a partial quote whose attribution ends a long sentence (“…, she added.”) is kept as speech', () => {
  const r = recordOf('Finance minister Aino Lahti spoke to reporters in Turku.\n\nThe “quiet collapse of the old subsidies” is shown by the closing of three mills along the coast, the loss of the river ferries that once ran every hour, the shuttered shops of the old town and the empty harbour in the long winter months, she added.');
  assert.ok(said(r).some(([t]) => t.startsWith('quiet collapse')), JSON.stringify(said(r)));
});
