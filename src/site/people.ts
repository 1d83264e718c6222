// How a speaker is presented: the other names they go by.
import type { Speaker } from '../record.ts';

/** Pronouns the text used for someone ("he") are how they were found, not names they go by. */
const PRONOUN = /^(he|she|they|him|her|them|it|we|i|you)$/i;

/** The aliases worth showing: not the name itself, not a pronoun. */
export function otherNames(person: Speaker): string[] {
  return person.aliases.filter((a) => a.trim() !== '' && a !== person.name && !PRONOUN.test(a.trim()));
}
