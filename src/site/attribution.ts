// Why a quote was given to its speaker, in words: each rule of the attribution sieve (see
// src/extract/attribute-quotes.ts) explained with an example, and the words of this article that
// triggered it. A rule this module does not know yet is still named rather than hidden.
import type { Attribution, AttributionRule } from '../record.ts';

interface RuleText {
  /** What the rule looks for. */
  summary: string;
  /** A made-up example of the pattern. */
  example: string;
}

const RULES: Record<AttributionRule, RuleText> = {
  'inside-quote': {
    summary: 'The speaker is named inside the quote itself, between two of its parts.',
    example: '“We regret it, – said Peskov. – Dialogue is needed.”',
  },
  'verb-after': {
    summary: 'A speech verb and the speaker follow the quote.',
    example: '“We regret it,” Peskov said.',
  },
  'verb-before': {
    summary: 'The speaker and a speech verb come before the quote.',
    example: 'Peskov said: “We regret it.”',
  },
  'dash-credit': {
    summary: 'The quote is credited after a dash.',
    example: '“We regret it.” ― Dmitry Peskov',
  },
  'according-to': {
    summary: 'The sentence gives the quote “according to” the speaker.',
    example: 'According to Peskov, the talks were “useful”.',
  },
  'sentence-subject': {
    summary: 'A few quoted words inside the writer’s own sentence: the subject of that sentence is taken as the speaker.',
    example: 'Peskov called the refusal “regrettable”.',
  },
  'carry-over': {
    summary: 'The quote has no attribution of its own and follows a quote by the same speaker, so it is given to them too.',
    example: '“We regret it,” Peskov said. “Dialogue is needed.”',
  },
  context: {
    summary: 'No rule names the speaker in the quote’s sentence; a model trained on news chose the person the text around the quote is about.',
    example: 'Peskov spoke to reporters in Moscow. “Dialogue is needed.”',
  },
  undecided: {
    summary: 'Several people named nearby could have said it, and the model trained on news favoured none of them enough to name one: the quote is left without a speaker, and the candidates are listed with their likelihood.',
    example: 'Tom Ode and Sam Wu met on Monday. “It went well,” he said.',
  },
  correction: {
    summary: 'The archive’s editor said who said it, correcting the program.',
    example: '',
  },
  none: {
    summary: 'No rule found a speaker for this quote.',
    example: '',
  },
};

export interface AttributionExplanation {
  rule: string;
  summary: string;
  example: string;
}

export function explainRule(attribution: Attribution): AttributionExplanation {
  const known = (RULES as Record<string, RuleText | undefined>)[attribution.rule];
  return {
    rule: attribution.rule,
    summary: known?.summary ?? `The attribution rule “${attribution.rule}” chose the speaker.`,
    example: known?.example ?? '',
  };
}

/** Whether the editor corrected the quote (its speaker, kind, or added it). */
export const isCorrected = (attribution: Attribution): boolean => attribution.rule === 'correction';
