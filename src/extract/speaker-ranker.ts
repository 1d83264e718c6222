// The speaker ranker: a conditional logit over a quote's candidates. Each candidate's score is the
// sum of its features' weights; a softmax over the quote's candidates turns the scores into the
// probability that each one said it, which is the attribution's confidence. The weights are learned
// from PolNeAR train by `npm run train:attribution` (scripts/train-attribution.ts) and committed as
// attribution-model.json: feature names and numbers, no article text.
import { readModelFile, scoreOf } from './model-file.ts';
import { NOBODY, type SpeakerCandidate } from './speaker-candidates.ts';

export interface AttributionModel {
  /** What the weights were trained on, for the record. */
  trainedOn: { corpus: string; articles: number; quotes: number; candidates: number };
  weights: Record<string, number>;
}

export interface RankedCandidate {
  candidate: SpeakerCandidate;
  /** The probability that this candidate said the quote, 0–1. */
  probability: number;
  /** Nobody, put first because the model favoured no one (see `withheld`). */
  undecided?: true;
}

export const MODEL_PATH = new URL('./attribution-model.json', import.meta.url);

/** Reads and checks a model file. */
export function loadAttributionModel(path: URL | string = MODEL_PATH): AttributionModel {
  return readModelFile<AttributionModel>(path, 'the speaker model');
}

/**
 * Rules that are certain stay rules: a role noun whose words match one person's title ("the mayor"
 * after "Mayor Lucia Gomez"), one that brings in someone new ("a Downing Street spokesman said"),
 * and an institution the text does not name ("the company said"), which is nobody named before.
 * PolNeAR train scores no role-noun source, so the weights cannot have learned these.
 */
const CERTAIN = ['sieve-choice:role-by-title', 'sieve-choice:role-unnamed-indefinite', 'sieve-choice:role-unnamed'];

/** The candidates, most probable first; ties keep the candidates' order; a certain rule's choice first. */
export function rankCandidates(model: AttributionModel, candidates: SpeakerCandidate[]): RankedCandidate[] {
  const ranked = agreeingFirst(byProbability(model, candidates));
  const certain = ranked.find((r) => r.candidate.features.some((f) => CERTAIN.includes(f))) ?? institutionFor(ranked) ?? continued(ranked);
  if (certain) return [certain, ...ranked.filter((r) => r !== certain)];
  return withheld(ranked) ?? ranked;
}

/**
 * When the model has no favourite, a name would mislead more than "unattributed" does: the likeliest
 * candidate under 0.45 and not half again as likely as the next. On PolNeAR train (the model of
 * 2026-12-07) such quotes' top names were right 6 times in 80 (7.5 %), against 34 % at 0.45–0.5
 * overall. Such a quote gets nobody, and every candidate stays an alternative for the editor.
 */
export const UNDECIDED = { below: 0.45, lead: 1.5 };

/** Nobody first, when the model's favourite is no favourite; undefined when it is. */
function withheld(ranked: RankedCandidate[]): RankedCandidate[] | undefined {
  const [top, next] = ranked;
  const nobody = ranked.find((r) => r.candidate.key === NOBODY);
  if (!top || !nobody || top === nobody || top.probability >= UNDECIDED.below) return undefined;
  if (next && top.probability >= UNDECIDED.lead * next.probability) return undefined;
  return [{ ...nobody, undecided: true }, ...ranked.filter((r) => r !== nobody)];
}

const DISAGREES = ['pronoun:disagrees', 'nearby-only:pronoun-disagrees', 'pronoun:gender-differs'];

/** "he said" is never a woman's words, nor "she said" a man's: those candidates go last. */
function agreeingFirst(ranked: RankedCandidate[]): RankedCandidate[] {
  const disagrees = (r: RankedCandidate) => r.candidate.features.some((f) => DISAGREES.includes(f));
  const agreeing = ranked.filter((r) => !disagrees(r));
  // What the pronoun rules out is no alternative: the others share its probability.
  const mass = agreeing.reduce((sum, r) => sum + r.probability, 0);
  const shared = mass > 0 ? agreeing.map((r) => ({ ...r, probability: r.probability / mass })) : agreeing;
  return [...shared, ...ranked.filter(disagrees).map((r) => ({ ...r, probability: mass > 0 ? 0 : r.probability }))];
}

/** A paragraph of nothing but a quote, after a quote, that no rule attributes: the previous speaker goes on. */
function continued(ranked: RankedCandidate[]): RankedCandidate | undefined {
  return ranked.find((r) => r.candidate.features.includes('previous-speaker:continues-quote-only-paragraph') && r.candidate.features.includes('previous-speaker:continues'));
}

/**
 * "the company said", "it said": an institution speaks, never a person; the likeliest organisation a rule
 * proposed, or the unnamed one. One only named nearby is what the resolver already weighed and
 * found no tie to ("The Toyota Corolla … the retailer said").
 */
function institutionFor(ranked: RankedCandidate[]): RankedCandidate | undefined {
  const unnamed = (r: RankedCandidate) => UNNAMED_INSTITUTION.some((f) => r.candidate.features.includes(f));
  if (!ranked.some(unnamed)) return undefined;
  return ranked.find((r) => (r.candidate.entity?.kind === 'organisation' && r.candidate.proposal) || unnamed(r));
}

/** "the company said", and "“…,” it said" after "The club said …": an institution the text does not name. */
const UNNAMED_INSTITUTION = ['sieve-choice:role-unnamed-institution', 'sieve-choice:pronoun-unnamed-institution'];

function byProbability(model: AttributionModel, candidates: SpeakerCandidate[]): RankedCandidate[] {
  const scores = candidates.map((c) => scoreOf(model.weights, c.features));
  const top = Math.max(...scores);
  const exp = scores.map((z) => Math.exp(z - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return candidates
    .map((candidate, i) => ({ candidate, probability: exp[i]! / sum, i }))
    .sort((a, b) => b.probability - a.probability || a.i - b.i)
    .map(({ candidate, probability }) => ({ candidate, probability }));
}

/**
 * The sieve's own order, without a model: the first rule's candidate, else the previous speaker
 * when the quote continues them, else nobody. Training reads the features of an extraction made
 * this way, so that the weights never depend on an earlier model.
 */
export function sieveOrder(candidates: SpeakerCandidate[]): RankedCandidate[] {
  const rank = (c: SpeakerCandidate) => (c.features.includes('sieve-choice') ? 0 : c.features.includes('previous-speaker:continues') ? 1 : c.key === NOBODY ? 2 : 3);
  return [...candidates].sort((a, b) => rank(a) - rank(b)).map((candidate, i) => ({ candidate, probability: i === 0 ? 1 : 0 }));
}

let committed: AttributionModel | null = null;

/** The committed model, read once per process (a constant, like the code around it). */
export function defaultModel(): AttributionModel {
  committed ??= loadAttributionModel();
  return committed;
}
