// Who a mention stands for, within one article. Names are gathered from the whole text (a role
// noun may point at someone introduced without being quoted), then each attribution's mention is
// resolved: a surname to the full name, a role noun ("the Kremlin spokesman") to the person whose
// titles match, a pronoun to the most prominent person of the sentences before it.
import type { Paragraph, Speaker } from '../record.ts';
import { ARABIC_ARTICLE, INSTITUTION_HEAD, isPersonNoun, NOT_NAMES, ONE_NAME_TITLE, PARTICLE, PARTICLE_WORDS, personDespiteBodyWord, personNounBefore, POSSESSIVE_WORD, singularOfPeople, oneNamed, trailingName, TITLE_WORDS, ORGANISATION_WORDS, type Mention } from './mentions.ts';
import { mainClauseStart } from './clauses.ts';
import { sentenceRanges, type Range } from './sentences.ts';
import { isDemonym, lexicalType, nameTypes, readsAsCommonWord } from './entity-types.ts';
import { genderOfFirstName } from './first-names.ts';
import { learnGenderFromPronouns } from './pronoun-gender.ts';
import { speaksAfterName } from './speech-verbs.ts';
import { firstFrom, lastAtOrBefore, lastBelow } from './sorted.ts';
import { remembering } from '../io/remembering.ts';
import { matchesOf } from './matches.ts';

export interface Entity {
  name: string;
  kind: Speaker['kind'];
  roles: string[];
  aliases: string[];
  /** Body offsets where the entity is mentioned outside quotes. */
  positions: number[];
  /** Evidence that this is a person: a title, a bare surname elsewhere, or speech. */
  personLike: boolean;
  gender: 'male' | 'female' | 'unknown';
}

const roleKey = (role: string) => role.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Adds a role once: "Navy Capt." and "Navy Capt" are one role, a repeated word is written once
 * ("Russia’s President President"), and a role inside a longer one ("President" in "Russian
 * President") gives way to it.
 */
export function addRole(roles: string[], raw: string): void {
  const role = raw.replace(/\b(\p{L}+)(?:\s+\1\b)+/giu, '$1').replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/gu, '').trim();
  const key = roleKey(role);
  if (!key || !/\p{L}/u.test(key)) return;
  const within = (inner: string, outer: string) => ` ${outer} `.includes(` ${inner} `);
  if (roles.some((r) => within(key, roleKey(r)))) return;
  for (let i = roles.length - 1; i >= 0; i--) if (within(roleKey(roles[i]!), key)) roles.splice(i, 1);
  roles.push(role);
}

export const slugify = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'unknown';

const LEADING_ARTICLE = new RegExp(String.raw`^${ARABIC_ARTICLE}(?=\p{L})`, 'u');

/**
 * A name as names are compared: accents, case and doubled letters folded, Schröder = Schroder = Schroeder.
 * Remembered, as the entity table folds every name it holds for every name it looks up.
 */
export const foldName = remembering(
  // A doubled letter counts once: "Zelenskyy" and "Zelensky", "Mohammed" and "Mohamed" are transliterations of one name.
  (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/([aou])e/g, '$1').replace(/(\p{L})\1+/gu, '$1'),
  4096,
);

/**
 * A surname without its Arabic article: "al-Assad" and "Assad" are one surname. Remembered, as the
 * entity table asks it of every person for every name it looks up.
 */
export const surnameOf = remembering((name: string): string => {
  const tokens = name.split(/\s+/).filter((t) => !/^(?:jr\.?|sr\.?|ii|iii|iv)$/i.test(t));
  const last = (tokens.at(-1) ?? name).toLowerCase().replace(/['’]s$/, '');
  return last.includes('-') ? last.replace(LEADING_ARTICLE, '') : last;
}, 4096);

const CAP_STOPWORDS = new Set(
  ('the a an in at on but and for with as if when while after before meanwhile however this that these those both earlier ' +
    'despite following according speaking during under over from by to of it its he she they we i his her their our ' +
    'mr mrs ms dr sen rep gov there here then now yet also still even so not no yes all some many most one two').split(' '),
);
const FEMALE = /^(?:mrs|ms|miss|madam|dame|lady|queen|princess)\.?$/i;
const MALE = /^(?:mr|sir|lord|king|prince)\.?$/i;

// The lookahead `(?=[A-Z\u00C0-\u{10FFFF}])` changes no match (every capital letter is A–Z or above
// U+00BF), but lets the engine pass over most of the text before it tries the costly Unicode classes.
// "Bashar al-Assad", "Ahmed el-Sayed": an Arabic article joined to the surname by a hyphen.
const NAME_RUN = new RegExp(String.raw`(?=[A-Z\u00C0-\u{10FFFF}])(?<![\p{L}'’-])(?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:(?:${PARTICLE_WORDS})\s+){1,2}|${ARABIC_ARTICLE}(?=\p{Lu}))?)+\p{Lu}[\p{L}'’-]*[\p{L}]`, 'gu');

/**
 * A token that ends in two letters and a full stop ("Post.", not "D."). The regex alone tries
 * every position of every token; most tokens have no full stop, which `endsWith` sees at once.
 */
const WORD_STOP = /\p{L}{2,}\.$/u;
const endsWordWithStop = (token: string) => token.endsWith('.') && WORD_STOP.test(token);

/** A capitalised word (with the same lookahead). */
const CAPITALISED_WORD = new RegExp(String.raw`(?<![\p{L}'’.-])(?:${ARABIC_ARTICLE})?(?=[A-Z\u00C0-\u{10FFFF}])\p{Lu}[\p{L}'’-]*\p{L}`, 'gu');

/** Capitalised words alone in quote marks: "“Cia”", "“The Rock”". */
const NICKNAME = /^\P{L}*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}\P{L}*$/u;

/** The text with the ranges (quotes) blanked out, offsets kept, in one pass: a paragraph may hold thousands. */
export function blank(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    // A word joiner (no space, no letter) first, so that no name runs across the quote: "calling
    // Trump “an orange buffoon,” Susan said" names no "Trump Susan". A nickname stays a gap inside
    // the name: "Marcia “Cia” Price".
    const nickname = NICKNAME.test(text.slice(start, r.end));
    pieces.push(text.slice(at, start), nickname ? ' ' : '\u2060', ' '.repeat(r.end - start - 1));
    at = r.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** Role words before a name: "Kremlin spokesman Dmitry Peskov" → "Kremlin spokesman". */
function rolePrefix(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 60), at);
  const m = /((?:(?:\p{Lu}[\p{L}'’.-]*|press|deputy|foreign|former|senior|chief|vice|top|spokesman|spokeswoman|spokesperson|secretary|minister|president|leader|general|of|the|state|affairs|chairman|head|director|adviser|advisor|ambassador|envoy|senator|representative|governor|mayor|candidate|nominee|nationalist)\s+)*)$/u.exec(before);
  const prefix = (m?.[1] ?? '').trim().replace(/^(?:the|of)\s+/i, '');
  return prefix.split(/\s+/).some((t) => TITLE_WORDS.has(t.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, ''))) ? prefix : '';
}

/** Whether the text gives the name at `at` a role just before it: "Council leader Amy Fox", "local historian Mary Church". */
const roleJustBefore = (text: string, at: number) => rolePrefix(text, at) !== '' || roleBefore(text, at) !== null || personNounBefore(text.slice(Math.max(0, at - 40), at)) !== null;

/** "the governor, Tom Bell,": a role between commas before the name is the role of whom it names. */
function roleBefore(text: string, at: number): string | null {
  const m = /(?:^|[\s(])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(\p{Ll}[\p{L}'’-]*(?:\s+\p{Ll}[\p{L}'’-]*){0,3}),\s*$/u.exec(text.slice(Math.max(0, at - 60), at));
  return m && isPersonNoun(m[1]!.split(/\s+/).at(-1)!) ? m[1]! : null;
}

// "Jeff Weaver, Sanders’ campaign manager,", "Htay Oo, its acting chairman,": a possessive as well as an article.
const APPOSITION_OPENER = String.raw`(?:the|a|an|his|her|its|their|\p{Lu}[\p{L}.-]*(?:['’]s|s['’]))`;
const APPOSITION_COMMAS = new RegExp(String.raw`^,\s+(${APPOSITION_OPENER}\s+[^,.;“”"]{3,60}?),`, 'u');
const APPOSITION_DASHES = new RegExp(String.raw`^\s+[–—―]\s+(${APPOSITION_OPENER}\s+[^–—―.;“”"]{3,60}?)\s+[–—―]`, 'u');

function apposition(text: string, end: number): string | null {
  const rest = text.slice(end);
  const m = APPOSITION_COMMAS.exec(rest) ?? APPOSITION_DASHES.exec(rest);
  return m ? m[1]!.replace(/^(?:the|a|an)\s+/i, '') : null;
}

export class EntityTable {
  readonly entities: Entity[] = [];

  find(name: string): Entity | undefined {
    const key = foldName(name);
    const exact = this.entities.find((e) => foldName(e.name) === key || e.aliases.some((a) => foldName(a) === key));
    if (exact) return exact;
    // "Sheikh Mohammed" after "Sheikh Mohammed bin Rashid Al Maktoum": the one name, without its title.
    const [title, one, ...more] = name.split(/\s+/);
    if (one && more.length === 0 && ONE_NAME_TITLE.test(title!)) {
      const byName = this.find(one);
      if (byName && byName.name !== one) return byName;
    }
    const surname = foldName(surnameOf(name));
    const tokens = name.split(/\s+/);
    const candidates = this.entities.filter((e) => e.kind === 'person' && foldName(surnameOf(e.name)) === surname);
    if (tokens.length > 1) {
      // "Bill Clinton" is not "Hillary Clinton": another first name is another person; a bare
      // surname or a matching initial ("J. Smith") is the same one.
      const first = foldName(tokens[0]!).replace(/\.$/, '');
      // "De Vries" opening a sentence is the surname of "Piet de Vries".
      if (PARTICLE.test(first)) return candidates.sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)[0];
      return candidates.find((e) => foldName(e.name).split(/\s+/)[0] === first) ?? candidates.find((e) => !/\s/.test(e.name) || (first.length === 1 && foldName(e.name).startsWith(first)));
    }
    const bySurname = candidates.sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)[0];
    if (bySurname) return bySurname;
    // "Helen" after "Helen Marsh" (or "Dame Helen", "Priya" after "Priya Raman"): a given name
    // alone, when one person has it and the lexicon does not read the word as a place or a body.
    if (genderOfFirstName(name) === 'unknown' && ['place', 'organisation'].includes(lexicalType(name))) return undefined;
    const byFirst = this.entities.filter((e) => e.kind === 'person' && /\s/.test(e.name) && foldName(e.name.split(/\s+/)[0]!) === key);
    return byFirst.length === 1 ? byFirst[0] : undefined;
  }

  add(name: string, kind: Speaker['kind'], roles: string[], alias: string | null, position: number | null): Entity {
    let e = kind === 'person' ? this.find(name) : this.entities.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!e) {
      e = { name, kind, roles: [], aliases: [], positions: [], personLike: false, gender: 'unknown' };
      this.entities.push(e);
    } else if (kind === 'person' && name.split(/\s+/).length > e.name.split(/\s+/).length) {
      if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.name = name;
    }
    for (const r of roles) addRole(e.roles, r);
    if (alias && alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
    if (position !== null) e.positions.push(position);
    if (roles.length) e.personLike = true;
    return e;
  }
}


/** The one a role belongs to: "Obama" in "Obama’s spokesman", "boy" in "the boy’s mother", "his" in "his wife". */
const POSSESSOR = /^(?:the\s+)?(?:([\p{L}.-]+)(?:['’]s|(?<=s)['’])|(his|her|their))\s/iu;
const KIN_GENDER: Record<string, 'male' | 'female'> = {
  husband: 'male', son: 'male', brother: 'male', father: 'male', uncle: 'male', nephew: 'male', grandson: 'male', grandfather: 'male',
  wife: 'female', daughter: 'female', sister: 'female', mother: 'female', aunt: 'female', niece: 'female', granddaughter: 'female', grandmother: 'female',
};
/** "her husband, Thabo,", "his sister, Amal,": a relative, then between commas the one given name they are known by. */
const KIN_NAMED = new RegExp(String.raw`\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(${[...Object.keys(KIN_GENDER), 'partner', 'cousin'].join('|')}),\s+(\p{Lu}[\p{Ll}'’-]+),`, 'gu');

/** Adds the relative a KIN_NAMED match names, with the gender the kin word gives. */
function addKin(table: EntityTable, m: RegExpMatchArray, offset: number): void {
  const [, kin, name] = m as unknown as [string, string, string];
  if (NOT_NAMES.has(name.toLowerCase()) || ['place', 'organisation'].includes(lexicalType(name))) return;
  const e = table.add(name, 'person', [kin], null, offset + m.index! + m[0].lastIndexOf(name));
  e.personLike = true;
  if (e.gender === 'unknown' && KIN_GENDER[kin]) e.gender = KIN_GENDER[kin];
}

/** "John and Mary Clarke", "Bill and Hillary Clinton": two given names that share the surname after them. */
const SHARED_SURNAME = /(?=[A-Z\u00C0-\u{10FFFF}])(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)\s+and\s+(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{Ll}'’-]*\p{Ll})(?![\p{L}'’-])/gu;

/** Adds the first of a SHARED_SURNAME match's people under their full name (the second is a name run). */
function addSharedSurname(table: EntityTable, m: RegExpMatchArray, offset: number): void {
  const [, first, second, surname] = m as unknown as [string, string, string, string];
  const given = (w: string) => genderOfFirstName(w) !== 'unknown' || nameTypes(w).first === 'given-name';
  if (!given(first) || !given(second) || ['place', 'organisation', 'word'].includes(lexicalType(surname))) return;
  const e = table.add(`${first} ${surname}`, 'person', [], null, offset + m.index!);
  e.personLike = true;
  if (e.gender === 'unknown') e.gender = genderOfFirstName(first);
}

/**
 * What the text says of the words from `start` to `end` that only a person is: an age ("Leo Park, 24,"), a
 * relative "who", an apposition or a title that is a noun for a person ("Striker Leo Park", ", the
 * club's captain,"), or a verb of saying right after.
 */
function namedAsPerson(text: string, start: number, end: number, titles: string[]): boolean {
  // "the National Voter Registration Act", "Commission on Presidential Debates": part of a longer name.
  if (/\b(?:the|of|on|for|at|in|to|from)\s+$/iu.test(text.slice(Math.max(0, start - 6), start))) return false;
  const after = text.slice(end, end + 100);
  if (/^,\s*(?:\d{1,3},|who\s)/u.test(after) || titles.some(isCommonPersonNoun)) return true;
  const role = apposition(text, end);
  if (role !== null && isPersonNoun(role.split(/\s+/).at(-1)!)) return true;
  // "Her coach, Ray Nunez,": a role between commas before the name.
  return roleBefore(text, start) !== null || (/^\s+\p{Ll}/u.test(after) && speaksAfterName(after));
}

/** "Striker", "Coach": a title or a noun for a person, not a name that ends like one ("Kent", "Brent"). */
function isCommonPersonNoun(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return TITLE_WORDS.has(lower) || (isPersonNoun(lower) && ['word', 'unknown'].includes(lexicalType(lower)));
}

const isOrganisationName = (tokens: string[]) => tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase()));

/**
 * Two capitalised words are a person's name unless the lexicon says otherwise: "Florida Friday",
 * "Birch Society", "York City", "N. Korea" end in a place, a weekday or a common word. A known
 * given name first ("Marcia Price", "Tom King") settles it the other way.
 */
function couldBePersonName(tokens: string[], namedAsPerson: () => boolean = () => false): boolean {
  const types = nameTypes(tokens.join(' '));
  if (types.first === 'given-name' || genderOfFirstName(tokens[0]!) !== 'unknown') return true;
  // "Pope Leo", "Emir Tamim" (see oneNamed).
  if (tokens.length === 2 && ONE_NAME_TITLE.test(tokens[0]!)) return true;
  if (types.whole === 'place' || types.whole === 'organisation') return false;
  // "Van der Berg said", "De Mistura told": a surname's particle, capitalised to open a sentence.
  if (tokens.length >= 2 && PARTICLE.test(tokens[0]!) && /^\p{Lu}/u.test(tokens.at(-1)!)) return true;
  const noPlace = !types.words.some((t) => t === 'place' || t === 'organisation');
  // "River Usk", "County Republican": a common word first, where a given name would stand.
  const byLexicon = noPlace && !(tokens.length >= 2 && types.first === 'word') && !['word', 'place', 'organisation'].includes(types.last);
  // "Leo Park, 24,": words the lexicon knows as common nouns ("leo", "park") are a name when the
  // text treats them as a person's; it never says so of a place or a company.
  return byLexicon || (noPlace && namedAsPerson());
}

/**
 * "Wait, it gets better", "Eleven said": a capitalised word opening a sentence that the tagger reads
 * as a common word, and that is nobody's surname in the text, names no one. A noun for people
 * ("Proponents say") stays: readers know that source by the word, as they know "Democrats".
 */
const commonWordAlone = (table: EntityTable, name: string): boolean => !/\s/.test(name) && !isPersonNoun(name) && !table.find(name) && readsAsCommonWord(name);

const NOBODY_NAMED: Resolved = { entity: null, unnamedRole: null };

/** A name's kind as the lexicon reads it: "Cambrian Capital" is an organisation, "Ann Reyes" a person. */
const kindOfName = (name: string): 'person' | 'organisation' => {
  const tokens = name.split(/\s+/);
  return tokens.length > 1 && !couldBePersonName(tokens) ? 'organisation' : 'person';
};

/** A capitalised word of the writer's text, where it stands, and its paragraph's text (quotes blanked). */
interface Single {
  token: string;
  at: number;
  text: string;
  offset: number;
}

/**
 * The words before a person's name in one run of capitals ("PolitiFact Executive Director Aaron
 * Sharockman", "Clinton spokesman Brian Fallon"): a title, whose names are no one's mention. Found
 * in text order, so their starts are sorted.
 */
interface Titles {
  starts: number[];
  ends: number[];
}

/** Gathers the people named in the writer's text (quotes blanked out). */
export function gatherEntities(paragraphs: Paragraph[], quoteRanges: Map<number, Range[]>, speakers: Array<{ name: string; roles: string[]; at: number }> = []): EntityTable {
  const table = new EntityTable();
  const singles: Single[] = [];
  const titles: Titles = { starts: [], ends: [] };
  // Headlines, subheadings and captions name people too, but they are not the running text a
  // pronoun points back into.
  for (const p of paragraphs) {
    if (p.role !== 'body' && p.role !== 'dateline') continue;
    const text = blank(p.text, quoteRanges.get(p.index) ?? []);
    for (const m of matchesOf(text, NAME_RUN)) addNameRun(table, { token: m[0], at: p.start + m.index, text, offset: p.start }, singles, titles);
    for (const m of matchesOf(text, KIN_NAMED)) addKin(table, m, p.start);
    if (text.includes(' and ')) for (const m of matchesOf(text, SHARED_SURNAME)) addSharedSurname(table, m, p.start);
    for (const m of matchesOf(text, CAPITALISED_WORD)) singles.push({ token: m[0].replace(/['’]s$/, ''), at: p.start + m.index, text, offset: p.start });
  }
  for (const s of speakers) {
    if (commonWordAlone(table, s.name)) continue;
    const e = table.add(s.name, kindOfName(s.name), s.roles, null, null);
    if (e.kind === 'person') e.personLike = true;
  }
  attachSingles(table, singles, titles);
  for (const e of table.entities) e.positions.sort((a, b) => a - b);
  return table;
}

/** One run of capitalised words (`run`): a person with their titles, else single words and perhaps an organisation. */
function addNameRun(table: EntityTable, run: Single, singles: Single[], titles: Titles): void {
  const { text, offset, token: words } = run;
  const local = run.at - offset;
  let tokens = words.split(/\s+/);
  // A full stop after a word that is no initial or title ends a sentence: "Washington Post. The".
  const stop = tokens.findLastIndex((t, i) => i < tokens.length - 1 && endsWordWithStop(t) && !TITLE_WORDS.has(t.toLowerCase().replace(/\.$/, '')));
  if (stop >= 0) tokens = tokens.slice(stop + 1);
  while (tokens.length && CAP_STOPWORDS.has(tokens[0]!.toLowerCase().replace(/['’]s$/, ''))) tokens = tokens.slice(1);
  while (tokens.length && CAP_STOPWORDS.has(tokens.at(-1)!.toLowerCase())) tokens = tokens.slice(0, -1);
  // "Sanders’ Jewish faith", "Obama’s Chief of Staff Denis McDonough": a name never runs across a possessive.
  const owner = tokens.findLastIndex((t, i) => i < tokens.length - 1 && POSSESSIVE_WORD.test(t));
  const { name, rest } = oneNamed(trailingName(tokens.slice(owner + 1).map((t) => t.replace(/['’]s$/, ''))));
  const at = run.at + Math.max(0, words.lastIndexOf(name[0] ?? ''));
  const organisation = isOrganisationName(name) && !personDespiteBodyWord(name, roleJustBefore(text, local));
  if (name.length < 2 || organisation || !couldBePersonName(name, () => namedAsPerson(text, local, local + words.length, rest))) {
    for (const t of tokens) singles.push({ token: t.replace(/['’]s$/, ''), at: run.at + words.indexOf(t), text, offset });
    // "The Washington Post", "Tampa Bay Times": an organisation the text names can be a source too.
    const org = tokens.map((t) => t.replace(/['’]s$/, ''));
    const shouted = org.length >= 3 && org.every((t) => !/\p{Ll}/u.test(t));
    if (org.length >= 2 && !shouted && (isOrganisationName(org) || nameTypes(org.join(' ')).whole === 'organisation')) table.add(org.join(' '), 'organisation', [], null, run.at + words.indexOf(tokens[0]!));
    return;
  }
  const prefix = [rolePrefix(text, local), rest.join(' ')].filter(Boolean).join(' ').trim();
  const appos = apposition(text, local + words.length) ?? roleBefore(text, local);
  const roles = [prefix, appos].filter((r): r is string => !!r && r.split(/\s+/).some((t) => TITLE_WORDS.has(t.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '')) || /\p{Ll}/u.test(t)));
  const e = table.add(name.join(' '), 'person', roles, null, at);
  titles.starts.push(run.at);
  titles.ends.push(at);
  if (tokens.some((t) => FEMALE.test(t))) e.gender = 'female';
  if (tokens.some((t) => MALE.test(t))) e.gender = 'male';
  const titled = ONE_NAME_TITLE.test(name[0]!);
  // "Prince Harry … the prince said": the title is the role a role noun finds him by.
  if (titled) addRole(e.roles, name[0]!.toLowerCase());
  if (e.gender === 'unknown') e.gender = genderOfFirstName(name[titled ? 1 : 0]!);
  // A known given name, or a sovereign's title, is evidence enough that this is a person, not a place.
  if (e.gender !== 'unknown' || titled) e.personLike = true;
}

/**
 * A surname standing alone is another mention of the person, and evidence that they are one. The
 * first person with each surname is looked up once per surname rather than per capitalised word.
 */
function attachSingles(table: EntityTable, singles: Single[], titles: Titles): void {
  const bySurname = new Map<string, Entity>();
  for (const x of table.entities) {
    const surname = x.kind === 'person' ? surnameOf(x.name) : null;
    if (surname !== null && !bySurname.has(surname)) bySurname.set(surname, x);
  }
  const named = namedSpans(table.entities);
  for (const { token, at, text, offset } of singles) {
    const title = lastAtOrBefore(titles.starts, at);
    if (title >= 0 && at < titles.ends[title]!) continue;
    let e = bySurname.get(surnameOf(token));
    // "Kerry said he had told …": a surname alone that says something is a person, named first so;
    // as is one name right after a noun for a person ("The singer Adele", "striker Neymar").
    const local = at - offset;
    if (!e && (speaksAsSurname(token, text.slice(local + token.length, local + token.length + 100)) || namedAfterPersonNoun(token, text.slice(Math.max(0, local - 40), local)))) {
      e = table.add(token, 'person', [], null, null);
      e.personLike = true;
      bySurname.set(surnameOf(token), e);
    }
    // "House Speaker Paul Ryan" beside Rand Paul: a word inside another person's full name is theirs.
    if (e && insideOtherName(named, at, e)) continue;
    // "Toyota recalled …", "HSBC said": one word the lexicon knows as an organisation's name.
    if (!e && lexicalType(token) === 'organisation' && !table.entities.some((x) => x.positions.includes(at))) table.add(token, 'organisation', [], null, at);
    if (!e) continue;
    if (!e.positions.includes(at) && !e.positions.some((p) => at > p && at < p + e.name.length)) {
      e.positions.push(at);
      e.personLike = true;
    }
  }
}

/** "singer Adele": a lowercase noun for a person (not a body: "the company Apple") just before a name-like word. */
function namedAfterPersonNoun(token: string, before: string): boolean {
  if (personNounBefore(before) === null) return false;
  const bare = token.toLowerCase().replace(/\.$/, '');
  if (token.length < 3 || NOT_NAMES.has(bare) || TITLE_WORDS.has(bare) || isPersonNoun(token) || /\p{Lu}{2}|\.$/u.test(token)) return false;
  return ['unknown', 'given-name', 'surname', 'person'].includes(lexicalType(token)) && !readsAsCommonWord(token);
}

/**
 * A word that may be a surname (the lexicon knows it as nothing else: no acronym, no common word),
 * right before a plain verb of saying ("Kerry said", "Okoro told").
 */
function speaksAsSurname(token: string, after: string): boolean {
  const verb = /^\s+(?:(?:also|then|later|again|once)\s+)?(\p{Ll}+)\b/u.exec(after)?.[1];
  if (!verb || !/^(?:said|says|told|tells|added|adds|wrote|writes|argued|argues|insisted|explained|noted|recalled)$/.test(verb)) return false;
  if (token.length < 3 || NOT_NAMES.has(token.toLowerCase()) || isPersonNoun(token) || /\p{Lu}{2}|-/u.test(token)) return false;
  return ['unknown', 'surname', 'person'].includes(lexicalType(token)) && !readsAsCommonWord(token);
}

interface NamedSpan {
  start: number;
  end: number;
  entity: Entity;
}

/** Where each name of several words is mentioned, sorted by start: the words no bare surname can take. */
function namedSpans(entities: Entity[]): NamedSpan[] {
  const spans = entities.filter((e) => /\s/.test(e.name)).flatMap((entity) => entity.positions.map((start) => ({ start, end: start + entity.name.length, entity })));
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether `at` lies inside a mention of a full name other than `e`'s (spans of a text do not nest deeply: three looked at). */
function insideOtherName(spans: NamedSpan[], at: number, e: Entity): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) {
    const span = spans[i]!;
    if (span.entity !== e && at < span.end) return true;
  }
  return false;
}

const SYNONYMS: Record<string, string> = {
  spokeswoman: 'spokesman', spokesperson: 'spokesman', representative: 'spokesman', secretary: 'secretary',
  leader: 'president', head: 'president', chief: 'president', premier: 'president', chancellor: 'president',
  minister: 'minister', senator: 'senator', sen: 'senator', congressman: 'representative', congresswoman: 'representative',
  rep: 'representative', gov: 'governor', capt: 'captain',
};
const STOP = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'in', 'on', 'at', 'to', 'his', 'her', 'its', 'their']);

function roleWords(role: string): string[] {
  const words = role.toLowerCase().replace(/['’]s\b/g, '').replace(/press secretary/g, 'spokesman').split(/[^\p{L}]+/u).filter((w) => w && !STOP.has(w));
  return words.map((w) => SYNONYMS[w] ?? w.replace(/n$/, ''));
}

/** The word a role is about: "Minister of foreign Affairs of Russia" → minister. */
function roleHead(role: string): string {
  const head = role.toLowerCase().split(/\s+(?:of|for|at|to)\s+/)[0] ?? role;
  return roleWords(head).at(-1) ?? '';
}

const newEntity = (name: string, kind: Speaker['kind']): Entity => ({ name, kind, roles: [], aliases: [], positions: [], personLike: kind === 'person', gender: 'unknown' });

/** "the company", "the ministry": a role noun for an institution, never for one person. */
/**
 * "the ministry of defence said", "the office for national statistics": an institution noun and
 * what it is of, written in lower case as some outlets write names, is that institution by name
 * ("Ministry of Defence"), where "the ministry" alone is whichever the text named before.
 */
function institutionSpelledOut(mention: Mention & { kind: 'role' }): string | null {
  const m = /^the\s+(\p{Ll}+)\s+(of|for)\s+((?:the\s+)?\p{Ll}[\p{Ll}\s-]*)$/u.exec(mention.text.trim());
  if (!m || !INSTITUTION_HEAD.test(m[1]!) || m[3]!.split(/\s+/).length > 3) return null;
  const capital = (w: string) => (/^(?:of|for|the|and)$/.test(w) ? w : w[0]!.toUpperCase() + w.slice(1));
  return [m[1]!, m[2]!, ...m[3]!.split(/\s+/)].map(capital).join(' ');
}

/** `head` as a whole word anywhere in a name, any case; made once per noun (a build asks for a few dozen nouns thousands of times). */
const wordPattern = remembering((head: string): RegExp => new RegExp(`(?:^|\\s)${head}(?:$|\\s)`, 'iu'), 256);

/**
 * A name in capitals that holds the institution noun `head`, joined by "of", "on", "for", "and"
 * or "the" ("the Commission on Presidential Debates"), or ends in it in lower case ("the Welsh
 * government"); spaces within a line only, so a name never runs into the next paragraph
 * ("Clinton.¶A union"). Made once per noun; global, for `matchesOf`.
 */
const institutionNamePattern = remembering((head: string): RegExp => {
  const word = `${head[0]!.toUpperCase()}${head.slice(1)}`;
  const cap = String.raw`\p{Lu}[\p{L}’'.-]*`;
  const glue = String.raw`(?:[^\S\n]+(?:of|on|for|and|the)){0,2}[^\S\n]+`;
  return new RegExp(`(?:${cap}${glue})*${word}(?:${glue}${cap})*|(?:${cap}[^\\S\\n]+)+${head}\\b`, 'gu');
}, 256);

/** "the Welsh government", "the city council": "the", up to three words and an institution noun. */
const INSTITUTION_PHRASE = new RegExp(String.raw`\b[Tt]he\s+((?:[\p{L}’'-]+\s+){0,3}?${INSTITUTION_HEAD.source.slice(1, -1)})(?![\p{L}’'-])`, 'gu');

export const isInstitutionRole = (role: string) => INSTITUTION_HEAD.test(role.split(/\s+/).at(-1) ?? '');

/** "the Welsh government", "the Ohio Democratic Party": an institution the text names, though not in capitals alone. */
function namedInstitution(role: string): string | null {
  if (!isInstitutionRole(role)) return null;
  const words = role.split(/\s+/);
  const before = words.slice(0, -1);
  if (words.length < 2 || !before.every((w) => /^\p{Lu}/u.test(w))) return null;
  // "the Japanese carmaker", "the Swiss bank": a nationality before a trade describes some firm
  // (the one the text named), where before a state's body it names that state's ("the Welsh government").
  return TRADE_HEAD.test(words.at(-1)!) && before.every(isDemonym) ? null : role;
}

/** Institution nouns for a business, not a public body. */
const TRADE_HEAD = /^(?:company|firm|bank|airline|carrier|carmaker|automaker|manufacturer|retailer|supermarket|chain|lender|insurer|broadcaster|publisher|operator|utility|startup|conglomerate|maker|giant|group|network|newspaper|paper|channel)$/i;

export interface Resolved {
  entity: Entity | null;
  unnamedRole: string | null;
  /** How a pronoun or role noun found its person: by a matching title, or as the most prominent one before. */
  how?: 'title' | 'salient';
}

/** Is the name at `at` of `text` followed by a verb of saying in its sentence ("Chinni, a pollster, said")? */
export function speaksAt(text: string, sentenceStarts: readonly number[], at: number): boolean {
  const end = sentenceStarts[lastAtOrBefore(sentenceStarts, at) + 1] ?? text.length;
  return speaksAfterName(text.slice(at, Math.min(end, at + 120)));
}

export class SpeakerResolver {
  /** Body offsets where sentences start, in order. */
  readonly sentenceStarts: number[];
  /** The body with every quote blanked out: the writer's words alone, at the body's offsets. */
  private readonly writerText: string;

  constructor(
    private readonly table: EntityTable,
    paragraphs: Paragraph[],
    quoteRanges: Map<number, Range[]>,
    private readonly body: string,
  ) {
    this.sentenceStarts = paragraphs.flatMap((p) => sentenceRanges(p.text, quoteRanges.get(p.index) ?? []).map((r) => p.start + r.start)).sort((a, b) => a - b);
    const quoted = paragraphs.flatMap((p) => (quoteRanges.get(p.index) ?? []).map((r) => ({ start: p.start + r.start, end: p.start + r.end })));
    this.writerText = blank(body, quoted);
    learnGenderFromPronouns(table.entities, this.sentenceStarts, this.writerText);
    this.markSpeakersAsPeople(this.writerText);
  }

  /** "Aparna Mathur, who studies tax policy, said …": a name that says something is a person's. */
  private markSpeakersAsPeople(writerText: string): void {
    for (const e of this.table.entities) {
      if (e.kind !== 'person' || e.personLike) continue;
      e.personLike = e.positions.some((at) => speaksAt(writerText, this.sentenceStarts, at));
    }
  }

  /** The most prominent person before `at`: the first one named in the nearest sentence that names one. */
  salient(at: number, gender: 'male' | 'female' | 'plural' | 'unknown', except: Entity | null = null): Entity | null {
    const persons = this.table.entities.filter((e) => e !== except && e.kind === 'person' && e.personLike && (gender === 'unknown' || e.gender === 'unknown' || e.gender === gender));
    const sentenceStart = this.sentenceStartAt(at);
    // "Kerry said …, and he urged …": a person opening the same sentence is the antecedent.
    const opener = persons.find((e) => {
      for (let i = lastAtOrBefore(e.positions, sentenceStart - 1) + 1; i < e.positions.length && e.positions[i]! < at; i++) {
        const p = e.positions[i]!;
        if (/^(?:(?:\p{Lu}[\p{L}.'’-]*|of|the|and)\s+)*$/u.test(this.body.slice(sentenceStart, p)) && !/^['’]s/u.test(this.body.slice(p + e.name.length))) return true;
      }
      return false;
    });
    if (opener) return opener;
    // Else the first person named in the latest earlier sentence that names one.
    let lastAt = -1;
    for (const e of persons) lastAt = Math.max(lastAt, lastBelow(e.positions, sentenceStart) ?? -1);
    if (lastAt < 0) return null;
    const boundary = this.sentenceStartAt(lastAt);
    // "While Obama had …, that concerns Henry Crespo. “…,” he said.": the main clause's people first.
    const clause = mainClauseStart(this.body.slice(boundary, sentenceStart)) ?? 0;
    return this.firstNamedBetween(persons, boundary + clause, sentenceStart) ?? this.firstNamedBetween(persons, boundary, sentenceStart);
  }

  /** Of `persons`, the one named first in [from, to). */
  private firstNamedBetween(persons: Entity[], from: number, to: number): Entity | null {
    let best: { e: Entity; p: number } | null = null;
    for (const e of persons) {
      const p = firstFrom(e.positions, from);
      if (p !== undefined && p < to && (!best || p < best.p)) best = { e, p };
    }
    return best?.e ?? null;
  }

  /** The start of the sentence that holds `at` (0 before the first). */
  private sentenceStartAt(at: number): number {
    return this.sentenceStarts[lastAtOrBefore(this.sentenceStarts, at)] ?? 0;
  }

  /**
   * "the commission said" after "the Commission on Presidential Debates", "the bank" after "Barclays
   * Bank": a definite institution noun stands for the latest organisation named before it whose
   * name holds that noun. "A union" is some other one; "the company" after "Apple" stays unnamed,
   * as nothing in the words ties the two.
   */
  private institutionNamedBefore(mention: Mention & { kind: 'role' }, at: number): Entity | null {
    const spelled = institutionSpelledOut(mention);
    if (spelled) return this.table.entities.find((e) => e.kind === 'organisation' && foldName(e.name) === foldName(spelled)) ?? newEntity(spelled, 'organisation');
    const head = mention.role.toLowerCase().split(/\s+/).at(-1) ?? '';
    if (!isInstitutionRole(head) || !/^the\s/i.test(mention.text)) return null;
    const holds = wordPattern(head);
    let best: { e: Entity; last: number } | null = null;
    for (const e of this.table.entities) {
      if (e.kind !== 'organisation' || !holds.test(e.name)) continue;
      const last = lastBelow(e.positions, at);
      if (last !== undefined && (!best || last > best.last)) best = { e, last };
    }
    if (best) return best.e;
    const named = this.institutionInText(head, at);
    if (named) return this.table.entities.find((e) => e.kind === 'organisation' && foldName(e.name) === foldName(named)) ?? newEntity(named, 'organisation');
    return this.organisationThatSpoke(at) ?? this.onlyOrganisationNamed(at) ?? this.firmOpeningSentence(at);
  }

  /**
   * "Apple reported record sales. … the iPhone maker said": one capitalised word opening one of the
   * sentences up to two before, its verb right after it, that no person in the text is called and
   * the lexicon knows as no given name, common word or place: a firm the lexicon does not list.
   */
  private firmOpeningSentence(at: number): Entity | null {
    const sentence = lastAtOrBefore(this.sentenceStarts, at);
    for (let i = sentence; i >= Math.max(0, sentence - 2); i--) {
      const start = this.sentenceStarts[i]!;
      const m = /^\s*(\p{Lu}[\p{L}&’'-]+)\s+(?!(?:and|or|of|in|on|at|to|for|with|from|by|the|a|an|nor|but)\b)\p{Ll}{2,}\b/u.exec(this.writerText.slice(start, start + 80));
      const word = m?.[1];
      if (!word || start + m[0].indexOf(word) >= at || !this.mayBeFirm(word)) continue;
      return this.table.entities.find((e) => e.kind === 'organisation' && e.name === word) ?? newEntity(word, 'organisation');
    }
    return null;
  }

  private mayBeFirm(word: string): boolean {
    if (NOT_NAMES.has(word.toLowerCase()) || isPersonNoun(word) || genderOfFirstName(word) !== 'unknown') return false;
    if (!['unknown', 'organisation'].includes(lexicalType(word)) || readsAsCommonWord(word)) return false;
    const person = this.table.find(word);
    return !person || person.kind === 'organisation';
  }

  /**
   * "Shares in HSBC fell. “…,” the bank said.": the one organisation the sentences before name, and
   * not as a maker's name before its product ("The Boeing 737 Max … the airline said").
   */
  private onlyOrganisationNamed(at: number): Entity | null {
    const from = this.sentenceStarts[Math.max(0, lastAtOrBefore(this.sentenceStarts, at) - 3)] ?? 0;
    const named = this.table.entities.filter((e) => e.kind === 'organisation' && e.positions.some((p) => p >= from && p < at));
    if (named.length !== 1) return null;
    const only = named[0]!;
    const standsAlone = (p: number) => !/^\s+[\p{Lu}\p{N}]/u.test(this.body.slice(p + only.name.length, p + only.name.length + 3));
    return only.positions.some((p) => p >= from && p < at && standsAlone(p)) ? only : null;
  }

  /**
   * "Homeland Security Investigations … said they were concerned. … the agency suggested": the
   * latest organisation that said something in the three sentences before `at`, whose name need not
   * hold the noun. Further back, "the company" may be any company.
   */
  private organisationThatSpoke(at: number): Entity | null {
    const sentence = lastAtOrBefore(this.sentenceStarts, at);
    const from = this.sentenceStarts[Math.max(0, sentence - 3)] ?? 0;
    let best: { e: Entity; p: number } | null = null;
    for (const e of this.table.entities) {
      if (e.kind !== 'organisation') continue;
      // Latest mention first; one no later than the best so far cannot win.
      for (let i = lastAtOrBefore(e.positions, at - 1); i >= 0 && e.positions[i]! >= from && (!best || e.positions[i]! > best.p); i--) {
        if (speaksAt(this.body, this.sentenceStarts, e.positions[i]!)) {
          best = { e, p: e.positions[i]! };
          break;
        }
      }
    }
    return best?.e ?? null;
  }

  /**
   * "The Welsh government said …. “…,” it added.": "it" speaks for the latest organisation, or
   * institution noun phrase, that said something in the three sentences before.
   */
  private institutionSpokenOf(at: number): Resolved {
    const org = this.organisationThatSpoke(at);
    const from = this.sentenceStarts[Math.max(0, lastAtOrBefore(this.sentenceStarts, at) - 3)] ?? 0;
    let role: { text: string; p: number } | null = null;
    for (const m of matchesOf(this.writerText.slice(from, at), INSTITUTION_PHRASE)) {
      const p = from + m.index;
      if (speaksAt(this.writerText, this.sentenceStarts, p + m[0].length - m[1]!.length)) role = { text: m[1]!, p };
    }
    if (role && (!org || role.p > (lastBelow(org.positions, at) ?? -1))) {
      const named = namedInstitution(role.text);
      if (!named) return { entity: null, unnamedRole: role.text };
      return { entity: this.table.entities.find((x) => x.kind === 'organisation' && foldName(x.name) === foldName(named)) ?? newEntity(named, 'organisation'), unnamedRole: null };
    }
    return { entity: org, unnamedRole: null, how: 'salient' };
  }

  /**
   * The latest name in capitals before `at` that holds the institution noun, joined by "of", "on"
   * or "for" ("the Commission on Presidential Debates"), which the name gatherer reads as two names.
   */
  private institutionInText(head: string, at: number): string | null {
    let found: string | null = null;
    for (const m of matchesOf(this.body.slice(Math.max(0, at - 6000), at), institutionNamePattern(head))) {
      const name = m[0].replace(/^(?:The|An?)\s+/, '');
      if (/\s/.test(name)) found = name;
    }
    return found;
  }

  /**
   * "Diplomats said the mood was tense. “…,” one said.": "one" of the people the writer's sentence
   * before named in the plural, who is then an unnamed diplomat; any other role as it is written.
   */
  private oneOf(mention: Mention & { kind: 'role' }, at: number): string {
    if (!/^one$/i.test(mention.role)) return mention.role;
    const sentence = lastAtOrBefore(this.sentenceStarts, at);
    const from = this.sentenceStarts[Math.max(0, sentence - 1)] ?? 0;
    const words = this.writerText.slice(from, at).match(/\p{L}+/gu) ?? [];
    for (let i = words.length - 1; i >= 0; i--) {
      const one = singularOfPeople(words[i]!);
      if (one) return one;
    }
    return mention.role;
  }

  /**
   * "the governor" as the most prominent person before it, unless the text gives that person only
   * other offices ("Mayor Dan Kerr … the governor, who told him"): then the governor is someone else.
   */
  private salientFor(mention: Mention & { kind: 'role' }, at: number): Entity | null {
    const { role } = mention;
    const head = roleHead(role);
    // "the boy’s mother", "his wife": a relative the text did not name before is someone new.
    const possessor = POSSESSOR.exec(mention.text);
    const owner = possessor?.[1] ?? possessor?.[2];
    if (owner && KIN_GENDER[head]) return null;
    // "Obama’s spokesman": whoever it is, not Obama.
    const e = this.salient(at, 'unknown', owner ? this.table.find(owner) ?? null : null);
    const otherOffice = (r: string) => TITLE_WORDS.has(roleHead(r)) && roleHead(r) !== head && !roleWords(r).includes(head);
    const otherOffices = e !== null && TITLE_WORDS.has(head) && e.roles.length > 0 && e.roles.every(otherOffice);
    return otherOffices ? null : e;
  }

  private byRole(role: string, at: number): Entity | null {
    const words = roleWords(role);
    const head = roleHead(role);
    let best: { e: Entity; score: number; last: number } | null = null;
    for (const e of this.table.entities) {
      if (e.kind !== 'person') continue;
      let score = 0;
      for (const r of e.roles) {
        const rw = new Set(roleWords(r));
        let s = words.filter((w) => rw.has(w)).length;
        if (head && roleHead(r) === head) s += 2;
        else if (head && rw.has(head)) s += 1;
        score = Math.max(score, s);
      }
      if (score === 0) continue;
      const last = lastBelow(e.positions, at) ?? -1;
      if (!best || score > best.score || (score === best.score && last > best.last)) best = { e, score, last };
    }
    return best?.e ?? null;
  }

  /**
   * Whom a mention would resolve to, without recording anything: the ranker weighs every rule's
   * mention before one is chosen, and only the chosen one may add names, roles and aliases.
   * A name not seen yet is a new person, returned but not added.
   */
  lookup(mention: Mention, at: number): Resolved {
    switch (mention.kind) {
      case 'name': {
        if (commonWordAlone(this.table, mention.name)) return NOBODY_NAMED;
        return { entity: this.table.find(mention.name) ?? newEntity(mention.name, kindOfName(mention.name)), unnamedRole: null };
      }
      case 'organisation':
        return { entity: this.table.entities.find((x) => x.name.toLowerCase() === mention.name.toLowerCase()) ?? newEntity(mention.name, 'organisation'), unnamedRole: null };
      case 'pronoun':
        if (/^it$/i.test(mention.text)) return this.institutionSpokenOf(at);
        if (mention.gender === 'plural' || /^i$/i.test(mention.text)) return { entity: null, unnamedRole: null };
        return { entity: this.salient(at, mention.gender), unnamedRole: null, how: 'salient' };
      case 'role': {
        const named = namedInstitution(mention.role);
        if (named) return { entity: this.table.entities.find((x) => x.kind === 'organisation' && foldName(x.name) === foldName(named)) ?? newEntity(named, 'organisation'), unnamedRole: null };
        const institution = this.institutionNamedBefore(mention, at);
        if (institution) return { entity: institution, unnamedRole: null, how: 'title' };
        if (mention.unnamed || isInstitutionRole(mention.role)) return { entity: null, unnamedRole: this.oneOf(mention, at) };
        const indefinite = /^(?:a|an|one|another)\s/i.test(mention.text);
        const titled = this.byRole(mention.role, at);
        if (titled) return { entity: titled, unnamedRole: null, how: 'title' };
        const e = indefinite ? null : this.salientFor(mention, at);
        return e ? { entity: e, unnamedRole: null, how: 'salient' } : { entity: null, unnamedRole: mention.role };
      }
    }
  }

  resolve(mention: Mention, at: number): Resolved {
    switch (mention.kind) {
      case 'name': {
        if (commonWordAlone(this.table, mention.name)) return NOBODY_NAMED;
        // "Cambrian Capital said": a name the lexicon reads as a company's, not a person's.
        const e = this.table.find(mention.name) ?? this.table.add(mention.name, kindOfName(mention.name), [], null, null);
        for (const r of mention.roles) addRole(e.roles, r);
        if (mention.text !== e.name && !e.aliases.includes(mention.text)) e.aliases.push(mention.text);
        e.personLike = true;
        return { entity: e, unnamedRole: null };
      }
      case 'organisation': {
        const e = this.table.add(mention.name, 'organisation', [], mention.text, null);
        return { entity: e, unnamedRole: null };
      }
      case 'pronoun': {
        if (mention.text.toLowerCase() === 'it') {
          const found = this.institutionSpokenOf(at);
          if (found.entity && !this.table.entities.includes(found.entity)) return { ...found, entity: this.table.add(found.entity.name, 'organisation', [], null, null) };
          return found;
        }
        if (mention.gender === 'plural' || mention.text.toLowerCase() === 'i') return { entity: null, unnamedRole: null };
        // A pronoun is not an alias: "he" names nobody on a speaker page.
        const e = this.salient(at, mention.gender);
        if (e && e.gender === 'unknown' && mention.gender !== 'unknown') e.gender = mention.gender;
        return { entity: e, unnamedRole: null };
      }
      case 'role': {
        const named = namedInstitution(mention.role);
        if (named) return { entity: this.table.add(named, 'organisation', [], mention.text, null), unnamedRole: null };
        // "the commission" after "the Commission on Presidential Debates": the institution named before.
        const institution = this.institutionNamedBefore(mention, at);
        if (institution) return { entity: this.table.entities.includes(institution) ? institution : this.table.add(institution.name, 'organisation', [], mention.text, null), unnamedRole: null };
        // "the company", "the ministry": an institution the text does not name is its own source.
        if (mention.unnamed || isInstitutionRole(mention.role)) return { entity: null, unnamedRole: this.oneOf(mention, at) };
        // "the spokesman" points back to someone; "a Downing Street spokesman" may be someone new.
        const indefinite = /^(?:a|an|one|another)\s/i.test(mention.text);
        const e = this.byRole(mention.role, at) ?? (indefinite ? null : this.salientFor(mention, at));
        if (!e) return { entity: null, unnamedRole: mention.role };
        if (!e.aliases.includes(mention.text)) e.aliases.push(mention.text);
        return { entity: e, unnamedRole: null };
      }
    }
  }
}
