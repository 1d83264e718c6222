// Training the speech model (src/extract/speech-spans.ts): every quoted stretch of PolNeAR train,
// extracted with no speech model (every stretch kept), is paired with the gold quotes of its
// article; a stretch is speech when a gold quote matches it (word F1 ≥ 0.7, as the scorer counts).
// A logistic model is a conditional logit over two candidates, "speech" with the stretch's
// features and "not speech" with none, so the same deterministic fit serves both models.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readArticle } from '../../src/archive/build-archive.ts';
import { SPEECH_THRESHOLD, speechProbability, type SpeechModel } from '../../src/extract/speech-spans.ts';
import { fitConditionalLogit, type Example } from './conditional-logit.ts';
import { pairQuotes, type GoldQuote } from './gold-match.ts';

export interface LabelledSpan {
  outlet: string;
  features: string[];
  speech: boolean;
}

/** Features seen on fewer stretches than this get no weight. */
const MIN_SUPPORT = 5;

export function labelSpans(textDir: string, goldDir: string): { spans: LabelledSpan[]; articles: number; goldQuotes: number; goldByOutlet: Map<string, number> } {
  const spans: LabelledSpan[] = [];
  let articles = 0;
  let goldQuotes = 0;
  const goldByOutlet = new Map<string, number>();
  for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const seen: Array<{ text: string; features: string[] }> = [];
    readArticle({ path: join(textDir, file), bytes: readFileSync(join(textDir, file)) }, { ranker: null, speech: null, onSpan: (text, features) => seen.push({ text, features }) });
    const gold = (JSON.parse(readFileSync(join(goldDir, file.replace(/\.txt$/, '.json')), 'utf8')) as { quotes: GoldQuote[] }).quotes;
    articles++;
    goldQuotes += gold.length;
    const matched = new Set(pairQuotes(gold.map((g) => g.text), seen.map((s) => s.text)).values());
    const outlet = basename(file).split('_')[0]!;
    goldByOutlet.set(outlet, (goldByOutlet.get(outlet) ?? 0) + gold.length);
    seen.forEach((s, i) => spans.push({ outlet, features: s.features, speech: matched.has(i) }));
  }
  return { spans, articles, goldQuotes, goldByOutlet };
}

export function trainSpeech(spans: LabelledSpan[]): Record<string, number> {
  const support = new Map<string, number>();
  for (const s of spans) for (const f of new Set(s.features)) support.set(f, (support.get(f) ?? 0) + 1);
  const features = [...support].filter(([, n]) => n >= MIN_SUPPORT).map(([f]) => f).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const examples: Example[] = spans.map((s) => ({
    candidates: [s.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])), []],
    right: [s.speech, !s.speech],
  }));
  const w = fitConditionalLogit(examples, features.length, { iterations: 600, l2: 0.001, learningRate: 0.05 });
  const weights: Record<string, number> = {};
  features.forEach((f, i) => {
    const value = Math.round(w[i]! * 10000) / 10000;
    if (value !== 0) weights[f] = value;
  });
  return weights;
}

/** Kept stretches against gold: precision, recall and F1 as the scorer would count them, had every other stretch matched. */
export function speechSummary(weights: Record<string, number>, spans: LabelledSpan[], goldQuotes: number): string {
  const model: SpeechModel = { trainedOn: { corpus: '', articles: 0, spans: 0 }, weights };
  const kept = spans.filter((s) => speechProbability(model, s.features) >= SPEECH_THRESHOLD);
  const right = kept.filter((s) => s.speech).length;
  const p = right / (kept.length || 1);
  const r = right / (goldQuotes || 1);
  return `quote precision ${p.toFixed(3)}, recall ${r.toFixed(3)}, F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (${kept.length} of ${spans.length} stretches kept)`;
}

export function crossValidateSpeech(spans: LabelledSpan[], goldByOutlet: Map<string, number>): void {
  for (const outlet of [...goldByOutlet.keys()].sort()) {
    const held = spans.filter((s) => s.outlet === outlet);
    console.log(`  speech, held out ${outlet.padEnd(13)} ${speechSummary(trainSpeech(spans.filter((s) => s.outlet !== outlet)), held, goldByOutlet.get(outlet)!)}; keeping all: ${speechSummary({ bias: 100 }, held, goldByOutlet.get(outlet)!)}`);
  }
}
