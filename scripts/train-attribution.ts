// `npm run train:attribution`: learns the speaker ranker's weights from PolNeAR train and writes
// src/extract/attribution-model.json (feature names and weights, no article text).
//
//   npm run train:attribution                       # train on ../shared PolNeAR train, write the model
//   npm run train:attribution -- --cross-validate   # also: train on six outlets, score the seventh
//   npm run train:attribution -- --check DIR GOLD   # score the model written against another corpus
//   npm run train:attribution -- --show-unreachable # list the quotes no candidate could get right
//
// Every article is extracted with the sieve alone (no model), each quote's candidates and features
// are read, the quote is paired with its gold label, and a candidate is right when its name is the
// labelled speaker. Quotes whose source the gold does not score (pronouns in train) are left out.
// Deterministic: files in name order, weights from zero, a fixed number of full-batch steps.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArticle } from '../src/archive/build-archive.ts';
import type { RankedCandidate } from '../src/extract/speaker-ranker.ts';
import { MODEL_PATH, loadAttributionModel, rankCandidates, type AttributionModel } from '../src/extract/speaker-ranker.ts';
import type { SpeakerCandidate } from '../src/extract/speaker-candidates.ts';
import { fitConditionalLogit, type Example } from './attribution/conditional-logit.ts';
import { SOMEONE_NEW, weakLabeller } from './attribution/weak-antecedents.ts';
import { pairQuotes, sameSpeaker, type GoldQuote } from './attribution/gold-match.ts';
import { crossValidateSpeech, labelSpans, speechSummary, trainSpeech } from './attribution/speech-spans.ts';
import { SPEECH_MODEL_PATH, type SpeechModel } from '../src/extract/speech-spans.ts';

const SHARED = join(import.meta.dirname, '..', '..', 'shared');
const TRAIN_TEXT = join(SHARED, 'corpora', 'polnear-train', 'text');
const TRAIN_GOLD = join(SHARED, 'gold', 'polnear-train');
/** Features seen on fewer quotes than this get no weight: too rare to learn from. */
const MIN_SUPPORT = 3;
const SHOW_UNREACHABLE = process.argv.includes('--show-unreachable');

interface LabelledQuote {
  outlet: string;
  candidates: SpeakerCandidate[];
  right: boolean[];
  /** Whether the gold names the speaker (what speaker accuracy counts), or only a mention of them. */
  scored: boolean;
}

const nameOf = (c: SpeakerCandidate): string | null => c.entity?.name ?? (c.unnamedRole ? `unnamed ${c.unnamedRole}` : null);

/** Extracts one corpus with the sieve alone and labels every scored quote's candidates. */
export function labelCorpus(textDir: string, goldDir: string, speech?: SpeechModel): { quotes: LabelledQuote[]; articles: number; unreachable: number } {
  const quotes: LabelledQuote[] = [];
  let articles = 0;
  let unreachable = 0;
  for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const seen: Array<{ text: string; ranked: RankedCandidate[] }> = [];
    readArticle({ path: join(textDir, file), bytes: readFileSync(join(textDir, file)) }, { ranker: null, ...(speech ? { speech } : {}), onCandidates: (q, ranked) => seen.push({ text: q.text, ranked }) });
    const weakLabel = weakLabeller(join(textDir, '..', 'attributions'), join(textDir, file));
    const gold = (JSON.parse(readFileSync(join(goldDir, file.replace(/\.txt$/, '.json')), 'utf8')) as { quotes: GoldQuote[] }).quotes;
    articles++;
    const pairs = pairQuotes(gold.map((g) => g.text), seen.map((s) => s.text));
    for (const [gi, pi] of [...pairs].sort((a, b) => a[0] - b[0])) {
      const g = gold[gi]!;
      const candidates = seen[pi]!.ranked.map((r) => r.candidate);
      const scored = g.score_speaker !== false;
      // A source that is a pronoun or role noun has no name to compare; the candidate that a rule
      // reached through that very mention is taken as right. Leaving these quotes out would teach
      // the ranker that a speaker is always named beside the quote.
      const weak = scored ? null : weakLabel(g.text, g.source_mention ?? g.speaker ?? '');
      // Someone new ("a spokesman said"): the unnamed source the text brings in; when the sieve found
      // none, the quote teaches nothing (nobody would be a worse answer than the named person).
      const right = candidates.map((c) =>
        scored ? sameSpeaker(g, nameOf(c)) : weak === SOMEONE_NEW ? c.unnamedRole !== null : weak ? sameSpeaker({ text: g.text, speaker: weak }, nameOf(c)) : false,
      );
      // "Officials said": both an unnamed source and nobody say nobody; the unnamed source is the
      // better answer, as it keeps the words the text uses.
      if (right.some((r, i) => r && candidates[i]!.unnamedRole)) candidates.forEach((c, i) => (right[i] = right[i]! && c.unnamedRole !== null));
      // A named source no candidate matches still counts against accuracy (and teaches nothing).
      if (!right.some(Boolean)) {
        if (!scored) continue;
        unreachable++;
        if (SHOW_UNREACHABLE) console.log(`${file}: “${g.text.slice(0, 50)}” gold ${g.speaker}; candidates ${candidates.map(nameOf).join(' | ')}`);
      }
      quotes.push({ outlet: basename(file).split('_')[0]!, candidates, right, scored });
    }
  }
  return { quotes, articles, unreachable };
}

function featureIndex(quotes: LabelledQuote[]): string[] {
  const support = new Map<string, number>();
  for (const q of quotes) for (const f of new Set(q.candidates.flatMap((c) => c.features))) support.set(f, (support.get(f) ?? 0) + 1);
  return [...support].filter(([, n]) => n >= MIN_SUPPORT).map(([f]) => f).sort();
}

function examplesOf(quotes: LabelledQuote[], features: string[]): Example[] {
  const index = new Map(features.map((f, i) => [f, i]));
  return quotes.map((q) => ({
    candidates: q.candidates.map((c) => c.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : []))),
    right: q.right,
  }));
}

export function train(quotes: LabelledQuote[]): Record<string, number> {
  const features = featureIndex(quotes);
  const w = fitConditionalLogit(examplesOf(quotes, features), features.length);
  const weights: Record<string, number> = {};
  features.forEach((f, i) => {
    const value = Math.round(w[i]! * 10000) / 10000;
    if (value !== 0) weights[f] = value;
  });
  return weights;
}

interface Scored {
  right: boolean;
  confidence: number;
}

function scoreWith(weights: Record<string, number>, quotes: LabelledQuote[]): Scored[] {
  const model: AttributionModel = { trainedOn: { corpus: '', articles: 0, quotes: 0, candidates: 0 }, weights };
  return quotes.filter((q) => q.scored).map((q) => {
    const top = rankCandidates(model, q.candidates)[0]!;
    return { right: q.right[q.candidates.indexOf(top.candidate)]!, confidence: top.probability };
  });
}

/** Quotes whose source is a pronoun or role noun, against their weak labels (see weak-antecedents.ts). */
function weakSummary(weights: Record<string, number>, quotes: LabelledQuote[]): string {
  const model: AttributionModel = { trainedOn: { corpus: '', articles: 0, quotes: 0, candidates: 0 }, weights };
  const weak = quotes.filter((q) => !q.scored);
  const right = weak.filter((q) => q.right[q.candidates.indexOf(rankCandidates(model, q.candidates)[0]!.candidate)]).length;
  return `pronoun and role-noun sources ${(right / (weak.length || 1)).toFixed(3)} of ${weak.length} (weak labels)`;
}

function summary(scored: Scored[]): string {
  const acc = scored.filter((s) => s.right).length / scored.length;
  const sure = scored.filter((s) => s.confidence >= 0.9);
  const sureAcc = sure.filter((s) => s.right).length / (sure.length || 1);
  return `speaker accuracy ${acc.toFixed(3)} (${scored.length} quotes); confidence ≥ 0.9: ${(sure.length / scored.length).toFixed(3)} of quotes, right ${sureAcc.toFixed(3)}`;
}

function sieveSummary(quotes: LabelledQuote[]): string {
  const scored = quotes.filter((q) => q.scored);
  return `sieve alone ${(scored.filter((q) => q.right[0]).length / scored.length).toFixed(3)}`;
}

function crossValidate(quotes: LabelledQuote[]): void {
  const outlets = [...new Set(quotes.map((q) => q.outlet))].sort();
  const all: Scored[] = [];
  for (const outlet of outlets) {
    const held = quotes.filter((q) => q.outlet === outlet);
    const weights = train(quotes.filter((q) => q.outlet !== outlet));
    const scored = scoreWith(weights, held);
    all.push(...scored);
    console.log(`  held out ${outlet.padEnd(13)} ${summary(scored)}; ${sieveSummary(held)}; ${weakSummary(weights, held)}`);
  }
  console.log(`  all held out      ${summary(all)}`);
  for (const [lo, hi] of [[0, 0.5], [0.5, 0.7], [0.7, 0.9], [0.9, 0.97], [0.97, 1.01]] as const) {
    const inBin = all.filter((s) => s.confidence >= lo && s.confidence < hi);
    if (inBin.length) console.log(`  confidence ${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)}: ${inBin.length} quotes, right ${(inBin.filter((s) => s.right).length / inBin.length).toFixed(3)}`);
  }
}

function main(args: string[]): void {
  const checkAt = args.indexOf('--check');
  if (checkAt >= 0) {
    const [text, gold] = [args[checkAt + 1], args[checkAt + 2]];
    if (!text || !gold) throw new Error('usage: npm run train:attribution -- --check TEXT_DIR GOLD_DIR');
    const labelled = labelCorpus(text, gold);
    console.log(`${text}: ${summary(scoreWith(loadAttributionModel().weights, labelled.quotes))}; ${sieveSummary(labelled.quotes)}; ${labelled.unreachable} with no right candidate`);
    return;
  }
  const started = performance.now();
  // First the speech model (which quoted stretches are speech), as the speaker model sees only those.
  const spans = labelSpans(TRAIN_TEXT, TRAIN_GOLD);
  console.log(`PolNeAR train: ${spans.spans.length} quoted stretches, ${spans.spans.filter((s) => s.speech).length} of them gold quotes (of ${spans.goldQuotes}); keeping all: ${speechSummary({ bias: 100 }, spans.spans, spans.goldQuotes)}`);
  if (args.includes('--cross-validate')) crossValidateSpeech(spans.spans, spans.goldByOutlet);
  const speech: SpeechModel = { trainedOn: { corpus: 'PolNeAR train', articles: spans.articles, spans: spans.spans.length }, weights: trainSpeech(spans.spans) };
  writeFileSync(SPEECH_MODEL_PATH, JSON.stringify(speech, null, 1) + '\n');
  console.log(`wrote ${SPEECH_MODEL_PATH.pathname}: ${Object.keys(speech.weights).length} weights; trained fit ${speechSummary(speech.weights, spans.spans, spans.goldQuotes)}`);
  const labelled = labelCorpus(TRAIN_TEXT, TRAIN_GOLD, speech);
  console.log(`PolNeAR train: ${labelled.articles} articles, ${labelled.quotes.filter((q) => q.scored).length} scored quotes and ${labelled.quotes.filter((q) => !q.scored).length} whose source is a pronoun or role noun, ${labelled.unreachable} with no right candidate; ${sieveSummary(labelled.quotes)}`);
  if (args.includes('--cross-validate')) crossValidate(labelled.quotes);
  const weights = train(labelled.quotes);
  const model: AttributionModel = {
    trainedOn: { corpus: 'PolNeAR train', articles: labelled.articles, quotes: labelled.quotes.length, candidates: labelled.quotes.reduce((n, q) => n + q.candidates.length, 0) },
    weights,
  };
  writeFileSync(MODEL_PATH, JSON.stringify(model, null, 1) + '\n');
  console.log(`wrote ${MODEL_PATH.pathname}: ${Object.keys(weights).length} weights; trained fit ${summary(scoreWith(weights, labelled.quotes))}; ${weakSummary(weights, labelled.quotes)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

// Run as a command; imported (by a test or a notebook-like script), only the functions are wanted.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
