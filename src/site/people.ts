// How a speaker is presented: the other names they go by, and how an article describes them.
import type { ArticleRecord, Person, Speaker } from '../record.ts';

/** Pronouns the text used for someone ("he") are how they were found, not names they go by. */
const PRONOUN = /^(he|she|they|him|her|them|it|we|i|you)$/i;

/** The aliases worth showing: not the name itself, not a pronoun. */
export function otherNames(person: Speaker): string[] {
  return person.aliases.filter((a) => a.trim() !== '' && a !== person.name && !PRONOUN.test(a.trim()));
}

/**
 * The roles to show beside a speaker on an article's own pages: those the article gives them, else
 * the first the archive knows. Everything the archive says of them is on their speaker page; a
 * list gathered from every article would repeat on each of their quote pages and change them all
 * whenever another article describes them anew.
 */
export function rolesInArticle(person: Person, article: ArticleRecord): string[] {
  const here = article.speakers.find((s) => s.id === person.id)?.roles ?? [];
  if (here.length > 0) return here;
  return person.roles.slice(0, 1);
}
