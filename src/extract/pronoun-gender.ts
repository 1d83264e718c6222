// What the writer's own pronouns say of a person's gender. A given-name list cannot know that
// "Terry Strada" is a woman or that "Dante Chinni" is a man, but the text does: "… said Terry
// Strada. She continued, …". A "he" or "she" that opens the writer's words after a sentence naming
// one person, and no one else before it, is evidence about that person. Evidence only fills a gender
// no name gave, or overturns a name's gender when it all points the other way at least twice.
import type { Entity } from './resolve-speakers.ts';
import { lastAtOrBefore } from './sorted.ts';

const PRONOUN = /\b(?:(he|him|his|himself)|(she|her|hers|herself))\b/giu;

interface Evidence {
  male: number;
  female: number;
}

/**
 * Sets the gender of the people in `entities` that the pronouns of `writerText` (the body with its
 * quotes blanked, so that offsets stay the body's) point at, and marks them as persons.
 */
export function learnGenderFromPronouns(entities: readonly Entity[], sentenceStarts: readonly number[], writerText: string): void {
  const people = entities.filter((e) => e.kind === 'person' && e.positions.length > 0);
  if (people.length === 0) return;
  const named = peopleBySentence(people, sentenceStarts);
  const evidence = new Map<Entity, Evidence>();
  // "… said Terry Strada. She has campaigned … She spoke …": a sentence that names nobody and opens
  // with the same pronoun goes on about the person the sentence before was about.
  let carried: { e: Entity; gender: 'male' | 'female'; sentence: number } | null = null;
  for (let s = 0; s < sentenceStarts.length; s++) {
    const start = sentenceStarts[s]!;
    const end = sentenceStarts[s + 1] ?? writerText.length;
    const pronoun = firstPronoun(writerText.slice(start, end));
    if (!pronoun) continue;
    const sole = soleAntecedent(named, s, start + pronoun.at);
    const goesOn: boolean = carried !== null && carried.sentence === s - 1 && carried.gender === pronoun.gender && !named.has(s - 1) && !named.has(s);
    const antecedent: Entity | null = sole ?? (goesOn && carried ? carried.e : null);
    carried = antecedent ? { e: antecedent, gender: pronoun.gender, sentence: s } : null;
    if (!antecedent) continue;
    const e = evidence.get(antecedent) ?? { male: 0, female: 0 };
    e[pronoun.gender]++;
    evidence.set(antecedent, e);
  }
  for (const [person, e] of evidence) settleGender(person, e);
}

/** For each sentence, the people named in it and where. */
function peopleBySentence(people: readonly Entity[], sentenceStarts: readonly number[]): Map<number, Array<{ e: Entity; at: number }>> {
  const bySentence = new Map<number, Array<{ e: Entity; at: number }>>();
  for (const e of people) {
    for (const at of e.positions) {
      const s = lastAtOrBefore(sentenceStarts, at);
      const list = bySentence.get(s) ?? [];
      list.push({ e, at });
      bySentence.set(s, list);
    }
  }
  return bySentence;
}

function firstPronoun(sentence: string): { at: number; gender: 'male' | 'female' } | null {
  PRONOUN.lastIndex = 0;
  const m = PRONOUN.exec(sentence);
  if (!m) return null;
  return { at: m.index, gender: m[1] ? 'male' : 'female' };
}

/**
 * The one person a pronoun can stand for: the only person named before it in its own sentence or,
 * when its sentence names nobody before it, the only person the previous sentence names.
 */
function soleAntecedent(named: Map<number, Array<{ e: Entity; at: number }>>, sentence: number, pronounAt: number): Entity | null {
  const before = (named.get(sentence) ?? []).filter((n) => n.at < pronounAt);
  const pool = before.length > 0 ? before : (named.get(sentence - 1) ?? []);
  const distinct = new Set(pool.map((n) => n.e));
  return distinct.size === 1 ? [...distinct][0]! : null;
}

function settleGender(person: Entity, e: Evidence): void {
  const said = e.male > e.female ? 'male' : e.female > e.male ? 'female' : null;
  if (!said) return;
  const against = said === 'male' ? e.female : e.male;
  const forIt = said === 'male' ? e.male : e.female;
  // One pronoun can be about someone the writer has not named; a name's gender gives way only to more.
  if (person.gender === 'unknown' ? forIt > against : forIt >= 2 && against === 0) person.gender = said;
  person.personLike = true;
}
