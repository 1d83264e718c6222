// What kind of thing a capitalised name is, from compromise's lexicon (a well-kept English
// gazetteer of given names, surnames, places and organisations, and the part of speech of common
// words): "Northern Ohio" ends in a place, "Meanwhile" is an adverb, "Marco Rubio" is a given name
// and a surname. Only the lexicon is read, never the tagger, so a lookup is a table access.
import { createRequire } from 'node:module';
import { remembering } from '../io/remembering.ts';

export type LexicalType = 'given-name' | 'surname' | 'person' | 'place' | 'organisation' | 'word' | 'unknown';

interface TagInfo {
  parents?: string[];
}
interface LexiconModel {
  one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, TagInfo> };
}

interface TaggedTerm {
  text: string;
  tags: string[];
}
interface Compromise {
  (text: string): { json(options: { terms: { tags: true } }): Array<{ terms: TaggedTerm[] }> };
  model(): LexiconModel;
}

let compromise: Compromise | null = null;
let lexicon: LexiconModel['one'] | null = null;

// compromise's bundled CommonJS build loads in about half the time of its ES modules, and only an
// extraction that weighs speakers needs it.
function nlp(): Compromise {
  compromise ??= createRequire(import.meta.url)('compromise/two') as Compromise;
  return compromise;
}

function model(): LexiconModel['one'] {
  lexicon ??= nlp().model().one;
  return lexicon;
}

/**
 * Whether compromise's tagger reads `word` as a noun in `phrase` ("tweets" in "Trump's early
 * tweets accusing her", not in "the president tweets that"). The tagger costs about half a
 * millisecond a sentence, so callers ask only where the lexicon alone cannot tell.
 */
export function taggedAsNoun(phrase: string, word: string): boolean {
  // The same phrase is asked about once per quote near it.
  return tagged(`${word}\u0000${phrase}`);
}

const tagged = remembering((key: string): boolean => {
  const [word, phrase] = key.split('\u0000') as [string, string];
  const terms = nlp()(phrase).json({ terms: { tags: true } }).flatMap((s) => s.terms);
  const term = terms.find((t) => t.text.toLowerCase() === word.toLowerCase());
  return term !== undefined && term.tags.includes('Noun') && !term.tags.includes('Verb');
}, 8192);

const COMMON_WORD_TAGS = ['Value', 'Determiner', 'Imperative'];

/**
 * Whether a capitalised word standing alone reads as a common word, not a name, as the tagger reads
 * it: a number ("Eleven", "First"), a determiner ("Several"), an imperative ("Wait") or a participle
 * ("Informed"). Not a plural: "Audiences" is one, but so are the surnames Sands, Mills and Banks.
 * Callers ask only of a word no fuller name in the text explains ("Early" after "Jim Early").
 */
export const readsAsCommonWord = remembering((word: string): boolean => {
  const tags = nlp()(word).json({ terms: { tags: true } }).flatMap((s) => s.terms).flatMap((t) => t.tags);
  return tags.some((t) => COMMON_WORD_TAGS.includes(t)) || (tags.includes('Adjective') && /ed$/i.test(word));
}, 8192);

/**
 * Whether a lowercase word reads as an adjective by itself ("presidential", "gubernatorial",
 * "conservative"): before a title it says what kind of title it is ("Republican presidential
 * candidate Ann Lee"), which the lexicon alone cannot tell for the many adjectives it derives.
 */
export const readsAsAdjective = remembering((word: string): boolean => {
  const terms = nlp()(word).json({ terms: { tags: true } }).flatMap((s) => s.terms);
  return terms.length === 1 && terms[0]!.tags.includes('Adjective');
}, 8192);

function typeOfTag(tag: string, tagSet: Record<string, TagInfo>): LexicalType {
  const lineage = [tag, ...(tagSet[tag]?.parents ?? [])];
  if (lineage.includes('FirstName') || lineage.includes('MaleName') || lineage.includes('FemaleName')) return 'given-name';
  if (lineage.includes('LastName')) return 'surname';
  if (lineage.includes('Person') || lineage.includes('Honorific')) return 'person';
  if (lineage.includes('Place')) return 'place';
  if (lineage.includes('Organization')) return 'organisation';
  return 'word';
}

/**
 * The type the lexicon gives a word or a phrase ("new hampshire"), `unknown` when it has none.
 * Asked of every capitalised word and name, again and again: remembered.
 */
export const lexicalType = remembering((phrase: string) => lexicalTypeOf(phrase), 16384);

function lexicalTypeOf(phrase: string): LexicalType {
  const { lexicon: words, tagSet } = model();
  const entry = words[phrase.toLowerCase().replace(/['’]s$/u, '')];
  if (entry === undefined) return 'unknown';
  const tags = Array.isArray(entry) ? entry : [entry];
  const types = tags.map((t) => typeOfTag(t, tagSet));
  // A proper-noun tag beside a place ("Region", "ProperNoun") says nothing more.
  return types.find((t) => t !== 'word') ?? 'word';
}

export interface NameTypes {
  whole: LexicalType;
  first: LexicalType;
  last: LexicalType;
  /** The type of every word. */
  words: LexicalType[];
}

/** The lexicon's type of a name as a whole, of its first word and of its last. */
export function nameTypes(name: string): NameTypes {
  const words = name.split(/\s+/).filter(Boolean);
  const types = words.map(lexicalType);
  return { whole: lexicalType(name), first: types[0] ?? 'unknown', last: types.at(-1) ?? 'unknown', words: types };
}

/** The gender compromise's lexicon gives a given name ("Dante": male), `unknown` for any other word. */
export function genderOfGivenName(word: string): 'male' | 'female' | 'unknown' {
  const entry = model().lexicon[word.toLowerCase()];
  const tags = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  return 'unknown';
}

/** Each of the lexicon's tags for a word with the tags it descends from; null when it has none. */
function lineages(word: string): string[][] | null {
  const { lexicon: words, tagSet } = model();
  const entry = words[word];
  if (entry === undefined) return null;
  return (Array.isArray(entry) ? entry : [entry]).map((t) => [t, ...(tagSet[t]?.parents ?? [])]);
}

/** Whether every tag the lexicon has for `word` descends from one of `tags`. */
const knownOnlyAs = (word: string, tags: string[]) => lineages(word.toLowerCase())?.every((l) => l.some((t) => tags.includes(t))) ?? false;

/**
 * Whether the lexicon knows a word (or its singular) as a noun for a person ("veteran", "staffer",
 * "activists"): compromise's Actor nouns, about a thousand, where a hand list would grow per error.
 */
export function knownAsPersonNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const found = lineages(lower) ?? (lower.endsWith('s') ? lineages(lower.slice(0, -1)) : null);
  return found?.some((l) => l.includes('Actor')) ?? false;
}

const NOT_A_NAME_TAGS = ['QuestionWord', 'Conjunction', 'Preposition', 'Determiner', 'Adverb', 'Pronoun', 'Verb', 'Modal', 'Negative'];

/**
 * Whether the lexicon knows a lowercase word only as a verb or a function word ("went", "after",
 * "consider", "whether"): such a word is no person, though it ends like "senator" or "agent".
 */
export const knownAsNoNoun = (word: string) => knownOnlyAs(word, [...NOT_A_NAME_TAGS, 'Comparative']);

/**
 * A capitalised word that the lexicon knows only as a function word, an adverb or a verb opens a
 * sentence, not a name: "When" in "When Wallace said", "Meanwhile", "Said".
 */
export const isNeverAName = (word: string) => knownOnlyAs(word, NOT_A_NAME_TAGS);

const taggedAs = (word: string, tag: string) => lineages(word.toLowerCase())?.some((l) => l.includes(tag)) ?? false;

/**
 * Whether a word is a nationality's noun: one the lexicon knows ("Spaniard", "Serbian", "Kenyan"),
 * one made of a nationality and "man" or "woman" ("Frenchman", "Scotsman", "Welshwoman"), or the
 * people of a country named "…land" ("Scot", "Scots"); the lexicon lists the nationalities and
 * the countries, the word's shape is English's.
 */
export function isDemonym(word: string): boolean {
  if (taggedAs(word, 'Demonym')) return true;
  const stem = /^(\p{L}{3,}?)(?:wo)?m[ae]n$/u.exec(word)?.[1];
  if (stem && (taggedAs(stem, 'Demonym') || isPeopleOfALand(stem))) return true;
  return isPeopleOfALand(word) || isPeopleOfACountry(word);
}

/** "Slovenian", "Kenyan" (Slovenia, Kenya), "Pakistani", "Israeli" (Pakistan, Israel): a country's people by its name. */
const isPeopleOfACountry = (word: string) => word.length > 4 && /(?:n|i)$/.test(word) && taggedAs(word.slice(0, -1), 'Country');

/** "Scot" (Scotland); not a common word that happens to prefix one ("the Greens", "Ice"). */
const isPeopleOfALand = (word: string) => lexicalType(word) !== 'word' && taggedAs(`${word.replace(/s$/, '')}land`, 'Country');
