import { mainClauseStart, OPENING_CLAUSE } from './clauses.ts';
import { genderOfFirstName } from './first-names.ts';
import { isDemonym, isNeverAName, knownAsNoNoun, knownAsPersonNoun, lexicalType, nameTypes, readsAsAdjective, readsAsCommonWord } from './entity-types.ts';

// A mention is the words that stand for a speaker: a name with its titles ("Navy Capt. Jeff Davis,
// a Pentagon spokesman"), a pronoun ("he"), a role noun ("the Kremlin spokesman") or an organisation
// ("the Pentagon"). Parsing one tells which, and splits a name from the roles around it.

export type Mention =
  | { kind: 'name'; text: string; name: string; roles: string[] }
  | { kind: 'pronoun'; text: string; gender: 'male' | 'female' | 'plural' | 'unknown' }
  | { kind: 'role'; text: string; role: string; unnamed: boolean }
  | { kind: 'organisation'; text: string; name: string };

/** Words that are titles or offices, never part of a name. */
export const TITLE_WORDS = new Set(
  ('mr mrs ms miss dr prof sir dame lord lady president vice secretary minister prime deputy chairman chairwoman chair ' +
    'spokesman spokeswoman spokesperson press capt captain gen general lt col sgt adm admiral maj major cmdr commander ' +
    'rep representative sen senator gov governor mayor judge justice attorney ambassador chancellor king queen prince ' +
    'princess pope rev reverend father sheikh emir ayatollah premier director chief ceo executive leader speaker ' +
    'state foreign affairs defense defence interior finance treasury navy army air force marine marines police ' +
    'former acting assistant associate senior junior head officer official candidate nominee congressman congresswoman ' +
    'lawmaker councilman councilwoman sheriff commissioner superintendent professor coach manager founder owner ' +
    'sergeant corporal private lieutenant colonel inspector detective agent analyst strategist adviser advisor ' +
    'host anchor correspondent editor columnist author economist chairperson treasurer trustee delegate envoy ' +
    'supreme federal national house senate democrat democratic republican gop u.s. us un uk eu nato mrs. mr. ms. dr.').split(' '),
);

/** Capitalised words that end names of places and organisations rather than people. */
export const ORGANISATION_WORDS = new Set(
  ('post times journal news tribune herald globe gazette telegraph guardian review magazine press agency network channel ' +
    'committee department ministry party campaign council agency institute foundation university college school inc corp ' +
    'company association network service office house senate congress administration commission court bureau group ' +
    'union league club bank fund church media center centre organization organisation nations states state assembly ' +
    'federation republic kingdom army forces force navy coalition alliance government board authority police ' +
    'times reuters ap afp cnn bbc fox msnbc abc nbc cbs npr pentagon kremlin whitehall').split(' '),
);

const PRONOUNS: Record<string, 'male' | 'female' | 'plural' | 'unknown'> = {
  he: 'male', him: 'male', his: 'male', she: 'female', her: 'female', they: 'plural', them: 'plural', we: 'plural',
  i: 'unknown', it: 'unknown',
};

/** Generic roles that never name anyone: "the official", "a senior administration official". */
const UNNAMED_HEADS = /\b(?:official|officials|source|sources|aide|aides|person|people|insider|insiders|observer|observers|analyst|analysts|expert|experts|diplomat|diplomats|staffer|staffers|witness|witnesses|resident|residents|voter|voters|supporter|supporters|critic|critics|man|woman|someone|somebody|one|member|members|spokesperson|statement|report|reports|poll|survey|police|authorities|prosecutors|investigators|officers|agents|troopers|lawmakers|legislators|democrats|republicans|activists|protesters|demonstrators|organizers|organisers|researchers|scientists|doctors|lawyers|attorneys|advocates|groups|campaign|aides|spokespeople|representatives)$/i;

const ROLE_GLUE = /^(?:of|the|for|and|retired|former|top|longtime|veteran|fellow|outgoing|incoming|then|current|new|special|regional|national|international|local|state|federal|press|foreign|public|political|campaign|communications|media|policy|economic|security|military|intelligence|defense|legal|health|education|energy|trade|cabinet|white|house|party|committee|staff|deputy|assistant|acting|interim|executive|founding|co-founder|founder|member|chairman|head|russian|american|british|french|german|chinese|iranian|syrian|israeli|turkish|ukrainian|democratic|republican|conservative|liberal)$/i;
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|sir|dame)\.?$/i;
/** Capitalised words that never name a person: sentence openers, weekdays, months. */
export const NOT_NAMES = new Set(
  ('the a an in at on but and for with as if when while after before meanwhile however this that these those both earlier ' +
    'despite following according speaking during under over from by to of it its he she they we i his her their our ' +
    'there here then now yet also still even so not no yes all some many most one two later asked like since until ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december feb apr aug sept oct nov dec today tonight yesterday tomorrow what why how who where which').split(' '),
);
/** Groups that act as institutions and are quoted as such: "Police say …", "Democrats blasted …". */
const INSTITUTIONS = /^(?:police|democrats|republicans|prosecutors|authorities)$/i;
const DETERMINER = /^(?:the|a|an|his|her|their|its|our|my|this|that|another|one|some|two|three|several)\s+/i;
/** A word in the possessive: "Obama’s", "Sanders’". */
export const POSSESSIVE_WORD = /(?:['’]s|\p{L}s['’])$/u;
const POSSESSIVE_NAME = /^\p{Lu}[\p{L}.-]*(?:['’]s|s['’])$/u;
/** The Arabic article that joins a surname by a hyphen: "al-Assad", "el-Sayed", "ash-Shami". */
export const ARABIC_ARTICLE = String.raw`(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)-`;
const NAME_TOKEN = new RegExp(String.raw`^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|${ARABIC_ARTICLE}\p{Lu}[\p{L}'’.-]*)$`, 'u');
/** The small words inside surnames: "al-Assad", "de la Cruz", "van der Berg", "ter Horst". */
export const PARTICLE_WORDS = 'al|el|bin|ibn|de|del|della|da|di|du|van|von|der|den|le|la|dos|das|ter|ten';
export const PARTICLE = new RegExp(`^(?:${PARTICLE_WORDS})$`, 'i');
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
/** Letters after a name that are no part of it: "Amira Shah QC", "Jess Lowe MP", "Dr Ann Reyes PhD". */
const POST_NOMINAL = /^(?:QC|KC|MP|MEP|MSP|OBE|CBE|MBE|KBE|DBE|PhD)$/;
/** An initial, "J." (a constant: written in place, the regex was compiled again on every call). */
const INITIAL = /^\p{Lu}\.$/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,}$|^\p{Lu}\.(?:\p{Lu}\.)+$/u;

export const normaliseApostrophes = (s: string) => s.replace(/[’‘`´]/g, "'");

const isTitle = (token: string) => TITLE_WORDS.has(token.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '')) || TITLE_WORDS.has(token.toLowerCase());

/** Splits "X, a Pentagon spokesman," into the head and its appositions; drops ages and clauses. */
export function splitApposition(phrase: string): { head: string; appositions: string[] } {
  const pieces = phrase.split(/\s*(?:,|\s[–—―]\s|\(|\))\s*/u).map((p) => p.trim()).filter(Boolean);
  const head = pieces[0] ?? '';
  const appositions = pieces.slice(1).filter((p) => /^(?:the|a|an|his|her|their|its)\s/i.test(p) && !/\b(?:who|which|that|whose)\b/i.test(p) && p.split(/\s+/).length <= 12);
  return { head, appositions };
}

/** The name at the end of a run of capitalised words: "UN Secretary General Ban Ki-moon" → "Ban Ki-moon". */
export function trailingName(tokens: string[]): { name: string[]; rest: string[] } {
  const name: string[] = [];
  let i = tokens.length - 1;
  while (i > 0 && POST_NOMINAL.test(tokens[i]!.replace(/[.,]$/, ''))) i--;
  while (i >= 0 && SUFFIX.test(tokens[i]!)) name.unshift(tokens[i--]!);
  while (i >= 0) {
    const t = tokens[i]!;
    const isParticle = PARTICLE.test(t) && name.length > 0;
    // A surname can be a title word ("Charlie King", "Mr. King") when a first name or honorific precedes it.
    const surnameTitle = name.length === 0 && isTitle(t) && NAME_TOKEN.test(t) && i > 0 && (HONORIFIC.test(tokens[i - 1]!) || (NAME_TOKEN.test(tokens[i - 1]!) && !isTitle(tokens[i - 1]!) && !NOT_NAMES.has(tokens[i - 1]!.toLowerCase())));
    if (!isParticle && !surnameTitle && (!NAME_TOKEN.test(t) || isTitle(t) || ACRONYM.test(t.replace(/['’]s$/, '')))) break;
    const core = name.filter((n) => !SUFFIX.test(n) && !PARTICLE.test(n) && !INITIAL.test(n)).length;
    // First and last name are enough; a name with a particle may have three ("Maria Gonzalez de la Cruz").
    const enough = name.some((n) => PARTICLE.test(n)) ? 3 : 2;
    if (core >= enough && !isParticle && !INITIAL.test(t)) break;
    name.unshift(t);
    i--;
  }
  return { name: name.filter((n) => !SUFFIX.test(n) || name.length > 1), rest: tokens.slice(0, i + 1) };
}

const isTitleWord = (t: string) => isTitle(t) || isPersonNoun(t);

/** "presidential" in "Republican presidential candidate": an adjective in the words of a title, which end in its head. */
const modifiesTitle = (words: string[], i: number) => i < words.length - 1 && isTitleWord(words.at(-1)!.replace(/,$/, '')) && readsAsAdjective(words[i]!);

const cleanRole = (s: string) => s.replace(DETERMINER, '').replace(/[,.;:]+$/, '').trim();

// The head of a role noun phrase must be a word for a person or a body of people.
const PERSON_NOUN = /(?:er|or|ist|ian|man|men|woman|women|ant|ent|ee|eer|ess|arch|ive)s?$/i;
const PERSON_WORDS = /^(?:official|officials|source|sources|aide|aides|person|people|staff|leader|leaders|president|minister|secretary|spokesman|spokeswoman|spokesperson|representative|candidate|nominee|senator|governor|mayor|judge|campaign|administration|government|ministry|department|side|team|family|friend|friends|ally|allies|colleague|colleagues|critic|critics|expert|experts|analyst|analysts|diplomat|diplomats|voter|voters|police|military|army|committee|group|organization|organisation|agency|office|white|house|chief|head|counterpart|host|anchor|pollster|economist|official's|prosecutors|democrat|republican|libertarian|conservative|liberal|progressive|tory|lawyer|attorney|attorneys|guard|jury|panel|board|company|firm|union|party|democrats|republicans|gop|kremlin|pentagon|state|statement|report|poll|study|survey|memo|letter|website|blog|paper|newspaper|network|magazine|station|outlet|emir|king|queen|prince|pope|pontiff|monarch|imam|rabbi|priest|pastor|bishop|sheikh|general|captain|colonel|sergeant|admiral|commander|lieutenant|one|someone|somebody|everyone|woman|man|girl|boy|child|children|mother|father|wife|husband|son|daughter|sister|brother|witness|witnesses|eyewitness|eyewitnesses|victim|victims|nurse|nurses|pilot|pilots|coach|fan|fans|mp|mps|academic|academics|suspect|suspects|cleric|clerics|sheriff|rival|rivals|neighbour|neighbours|boss|deputy|niece|nephew|cousin|uncle|aunt)$/i;
/** The head of a role noun for an institution: "the company", "the port authority". */
export const INSTITUTION_HEAD = /^(?:company|companies|firm|government|ministry|department|agency|administration|committee|council|party|campaign|group|organi[sz]ation|union|bank|court|board|commission|office|authority|authorities|institute|university|school|hospital|army|military|police|network|newspaper|paper|channel|station|website|report|statement|study|survey|poll|letter|memo|embassy|team|club|coalition|alliance|movement|foundation|charity|regulator|watchdog|prosecutor's office|airline|carrier|carmaker|automaker|manufacturer|retailer|supermarket|chain|lender|insurer|broadcaster|publisher|operator|utility|startup|conglomerate|exchange|airport|federation|league|body|maker|giant|trust)$/i;

export const isPersonNoun = (word: string) => INSTITUTION_HEAD.test(word) || PERSON_WORDS.test(word.replace(/['’]s?$/, '')) || knownAsPersonNoun(word.replace(/['’]s?$/, '')) || (PERSON_NOUN.test(word) && !/(?:ment|ness|tion|sion|ance|ence|ity|ism|ing|ure)s?$/i.test(word) && !knownAsNoNoun(word));

/**
 * "council leader Amy Fox", "the council leader, Amy Fox", "local historian Mary Church": a known given
 * name and a role the text gives it make a person, though the surname ends bodies' names (Fox News,
 * the Church of England); without a role, "Victoria Police" stays a body.
 */
export const personDespiteBodyWord = (name: readonly string[], hasRole: boolean) => hasRole && name.length >= 2 && genderOfFirstName(name[0]!) !== 'unknown';

/** "singer" in "The singer Adele", "historian" in "local historian Mary Church": a lowercase noun for a person (not a body's) just before a name. */
export function personNounBefore(before: string): string | null {
  const noun = /(?:^|\s)(\p{Ll}[\p{L}-]*)\s+$/u.exec(before)?.[1];
  if (!noun || !isPersonNoun(noun) || INSTITUTION_HEAD.test(noun) || /^(?:one|someone|somebody|everyone|people)$/.test(noun)) return null;
  return noun;
}

/** Titles that go with one name, which is then the person's whole name with the title. */
export const ONE_NAME_TITLE = /^(?:pope|king|queen|prince|princess|emperor|empress|sultan|sheikh|sheikha|emir|ayatollah|patriarch)$/i;
/** Titles that also name streets, pubs and ships ("King Street", "Queen Anne"): only with a given name. */
const PLACE_NAMING_TITLE = /^(?:king|queen|prince|princess|emperor|empress)$/i;

/**
 * "Pope Leo", "King Charles", "Sheikh Tamim": a sovereign's or a cleric's title and one name name a
 * person, the title being part of the name; a royal title with a word that is no given name
 * ("King Street") is left as it was.
 */
export function oneNamed(found: { name: string[]; rest: string[] }): { name: string[]; rest: string[] } {
  const { name, rest } = found;
  const title = rest.at(-1);
  const one = name.length === 1 ? name[0]! : null;
  if (!one || !title || !ONE_NAME_TITLE.test(title) || readsAsCommonWord(one)) return found;
  if (PLACE_NAMING_TITLE.test(title) && nameTypes(one).first !== 'given-name' && genderOfFirstName(one) === 'unknown') return found;
  return { name: [title, one], rest: rest.slice(0, -1) };
}

/**
 * "Similarly", "Notably", "Meanwhile": a capitalised adverb opening a sentence is no name, though the
 * lexicon lists few adverbs; a word it knows as a given name or a surname ("Kelly", "Reilly") is one.
 */
function readsAsAdverb(word: string): boolean {
  return /ly$/.test(word) && !['given-name', 'surname', 'person'].includes(lexicalType(word));
}

/** "diplomats" → "diplomat", "witnesses" → "witness", "deputies" → "deputy": the singular of a plural noun for people, or null. */
export function singularOfPeople(word: string): string | null {
  const w = word.toLowerCase();
  if (!/s$/.test(w) || w === 'people') return null;
  const forms = [w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.slice(0, -1)];
  return forms.find((f) => f !== w && f.length > 2 && (knownAsPersonNoun(f) || UNNAMED_HEADS.test(f) || PERSON_WORDS.test(f))) ?? null;
}

/** "mother-of-three", "father-of-two": a parent with how many children, one role word. */
const FAMILY_SIZE = /^(?:mother|father|mum|dad|grandmother|grandfather|parent)-of-(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/i;

/** "mother of three Leanne Price": the words of a family's size joined as the press hyphenates them. */
function familySizeJoined(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const joined = `${tokens[i]}-of-${tokens[i + 2] ?? ''}`;
    if (tokens[i + 1]?.toLowerCase() === 'of' && FAMILY_SIZE.test(joined)) {
      out.push(joined);
      i += 2;
    } else out.push(tokens[i]!);
  }
  return out;
}

/** Titles written short with a full stop ("Rep.", "Del."): the sieve keeps their dot from ending a sentence. */
export const TITLE_ABBREVIATIONS = 'Capt|Gen|Lt|Col|Sgt|Maj|Adm|Cmdr|Rep|Reps|Sen|Sens|Gov|Del|Dr|Mr|Mrs|Ms|Jr|Sr|Rev|Prof|Hon|Pres|Sec|Amb|Atty|Supt|Insp|Det|Cpl|Pvt';
const TITLE_ABBREVIATION = new RegExp(`^(?:${TITLE_ABBREVIATIONS})\\.?$`);

/** A title or given name and a surname before "of", "from" or "at", which then names their affiliation. */
function affiliatedName(head: string): Mention | null {
  const m = /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)+)\s+(?:of|from|at)\s+(\S.*)$/u.exec(head);
  if (!m || DETERMINER.test(head)) return null;
  const lead = parseMention(m[1]!);
  if (lead?.kind !== 'name' || !/\s/.test(lead.name) && lead.roles.length === 0) return null;
  // "New Jersey of", "Bank of": a place or a body before "of"; a surname shared with a company
  // ("Liz Ford of Shelter") is still a person's.
  const types = nameTypes(lead.name);
  const notAPerson = (t: string) => t === 'place' || t === 'organisation';
  if (notAPerson(types.whole) || notAPerson(types.first)) return null;
  return { ...lead, text: head, roles: [...lead.roles, cleanRole(head.slice(m[1]!.length).trim())] };
}

/**
 * "a source familiar with the talks", "officials close to the president": the words after the head
 * say which source it is, not what it is; the head decides whether the role names anyone.
 */
const POSTMODIFIER = /\s+(?:familiar|close|involved|briefed|knowledgeable|with|in|at|from|to|on|inside|within|who|whose)\s.*$/iu;
// "a spokesman for the fire service": the head comes before "for" and a lowercase body; "Club for
// Growth", "a spokesman for Bernie Sanders" keep theirs, as names.
const FOR_BODY = /\s+for\s+(?:(?:the|a|an)\s+)?\p{Ll}.*$/u;
const roleHead = (role: string) => role.replace(POSTMODIFIER, '').replace(FOR_BODY, '');

/** "But a source said", "as a Homeland Security memo put it": a conjunction before the mention is not part of it. */
const LEADING_CONJUNCTION = /^(?:but|and|yet|so|still|meanwhile|however|now|then|also|as)\s+(?=(?:a|an|the|one|some|two|three|several)\s)/iu;

/**
 * "His rival, Maria Cruz", "Trump’s Virginia state director, Mike Rubino": a role noun (after a
 * possessive or a determiner), then between commas the name of the one who holds it.
 */
const POSSESSED_ROLE = /^(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]he|[Aa]n?)\s+|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*['’]s?\s+)(?:[\p{L}.'’-]+\s+){0,4}([\p{Ll}][\p{L}-]*)$/u;
function roleThenName(text: string): Mention | null {
  const pieces = text.split(/\s*,\s*/u);
  if (pieces.length !== 2) return null;
  const [role, named] = pieces as [string, string];
  const head = POSSESSED_ROLE.exec(role)?.[1];
  if (!head || !isPersonNoun(head) || INSTITUTION_HEAD.test(head)) return null;
  const mention = parseMention(named);
  // "Her co-author, Professor James Holt": a title of the name's own may come with it.
  if (mention?.kind !== 'name' || !mention.roles.every((r) => r.split(/\s+/).every(isTitle))) return null;
  return { ...mention, text, roles: [cleanRole(role), ...mention.roles] };
}

/** "a statement from the ministry": a document and who it is from. */
export const DOCUMENT_FROM = /^(?:a|an|the)\s+(?:[\p{L}-]+\s+)?(?:statement|report|letter|memo|release|filing|post|tweet|email|e-mail|message|notice)\s+(?:from|by|signed by|issued by|released by|sent by)\s+(\S.*)$/iu;

export function parseMention(phrase: string): Mention | null {
  const text = phrase.trim().replace(/^[\s,;:–—―\-"“”„«»‘’'`]+|[\s,;:–—―\-"“”„«»‘’'`]+$/gu, '').trim().replace(LEADING_CONJUNCTION, '');
  if (!text || text.length > 160) return null;
  const introduced = roleThenName(text);
  if (introduced) return introduced;
  const { head, appositions } = splitApposition(text);
  const lower = head.toLowerCase();
  if (PRONOUNS[lower]) return { kind: 'pronoun', text: head, gender: PRONOUNS[lower] };
  const tokens = familySizeJoined(head.split(/\s+/).filter(Boolean));
  if (tokens.length === 0 || tokens.length > 12) return null;
  // "Del." alone, where a sentence was cut after a title: a title names nobody.
  if (tokens.length === 1 && TITLE_ABBREVIATION.test(head)) return null;
  // "RED STATES OUTNUMBER BLUE STATES": a heading in capitals, not a name (acronyms are one word).
  if (tokens.length >= 3 && tokens.every((t) => !/\p{Ll}/u.test(t))) return null;
  // "Critics", "Officials": a capitalised word for a group at the start of a sentence.
  if (tokens.length === 1 && INSTITUTIONS.test(lower)) return { kind: 'organisation', text: head, name: head[0]!.toUpperCase() + head.slice(1) };
  if (tokens.length === 1 && UNNAMED_HEADS.test(lower)) return { kind: 'role', text: head, role: lower, unnamed: true };
  // "the DNC said", "The NAACP": an acronym after the article is the body it names.
  if (tokens.length === 2 && /^the$/i.test(tokens[0]!) && ACRONYM.test(tokens[1]!)) return { kind: 'organisation', text: head, name: tokens[1]! };
  const startsWithDeterminer = DETERMINER.test(head);
  // "the Association of Flight Attendants", "the Security Council": a body named in capitals.
  if (startsWithDeterminer && tokens.length > 2 && tokens.slice(1).every((t) => /^\p{Lu}/u.test(t) || /^(?:of|for|and|the|on)$/.test(t)) && /^\p{Lu}/u.test(tokens.at(-1)!)) {
    return { kind: 'organisation', text: head, name: tokens.slice(1).join(' ') };
  }
  // "a statement from the Ministry of Health", "a letter signed by Senator Ann Lee": the document's author.
  const from = DOCUMENT_FROM.exec(head);
  const author = from ? parseMention(from[1]!) : null;
  if (author && author.kind !== 'pronoun') return { ...author, text: head };
  // "a Homeland Security memo", "the IMF report": a document speaks for whoever wrote it.
  const document = /^(?:the|a|an)\s+((?:\p{Lu}[\p{L}.'’-]*\s+)+)(?:report|memo|statement|letter|study|poll|survey|article|analysis|editorial|release|filing|complaint|ruling|website|account|spokesman|spokeswoman|spokesperson)$/u.exec(head);
  if (document) return { kind: 'organisation', text: head, name: document[1]!.trim() };
  // "Purple PAC", "Priorities USA": capitalised words ending in an acronym name an organisation.
  if (tokens.length >= 2 && tokens.length <= 5 && ACRONYM.test(tokens.at(-1)!) && !POST_NOMINAL.test(tokens.at(-1)!) && tokens.slice(0, -1).every((t) => NAME_TOKEN.test(t) && !isTitle(t) && !ACRONYM.test(t))) {
    return { kind: 'organisation', text: head, name: head };
  }
  const { name: found, rest } = oneNamed(trailingName(tokens));
  // "When Wallace said", "While Sullivan": a sentence's first word is not part of the name.
  const name = found.length > 1 && isNeverAName(found[0]!) ? found.slice(1) : found;
  if (name.length === 1 && isNeverAName(name[0]!)) return null;
  // "Mr. Morgan of the Sierra Club", "Sen. Tim Kaine of Virginia": a person, then where they are from.
  const affiliated = affiliatedName(head);
  if (affiliated) return affiliated;
  // "the representative of the Kremlin": a capitalised word after "of" ends a role, not a name.
  if (name.length > 0 && /^(?:of|for|at|in|from|to)$/i.test(rest.filter((t) => !/^the$/i.test(t)).at(-1) ?? '')) {
    const role = cleanRole(head);
    return { kind: 'role', text: head, role, unnamed: UNNAMED_HEADS.test(roleHead(role)) };
  }
  const roles = [...(rest.length ? [cleanRole(rest.join(' '))] : []), ...appositions.map(cleanRole)].filter((r) => r && /\p{L}/u.test(r));
  // Words before a name are titles and roles ("Kremlin spokesman", "Secretary of State"); any other
  // lowercase word means the phrase is a clause, not a mention.
  if (name.length > 0 && rest.some((t, i) => /^\p{Ll}/u.test(t) && !ROLE_GLUE.test(t) && !isTitle(t) && !isPersonNoun(t) && !FAMILY_SIZE.test(t) && !(i === 0 && DETERMINER.test(t + ' ')) && !modifiesTitle(rest, i))) return null;
  if (name.length > 0 && (name.every((t) => NOT_NAMES.has(t.toLowerCase().replace(/[.'’s]+$/, '')) || readsAsAdverb(t)) || name.join('').replace(/[^\p{L}]/gu, '').length < 2)) return null;
  if (name.length > 0) {
    const last = name.at(-1)!.toLowerCase().replace(/\.$/, '');
    const allCapsAfterDeterminer = startsWithDeterminer && rest.length === 1;
    // "said the Serbian", "the Spaniard said": a nationality after an article is a person's role.
    if (allCapsAfterDeterminer && name.length === 1 && isDemonym(name[0]!)) return { kind: 'role', text: head, role: name[0]!, unnamed: false };
    // "Fox said", "the Post": a body's word ends the name; "council leader Amy Fox" holds a role, so is a person.
    if ((ORGANISATION_WORDS.has(last) && !personDespiteBodyWord(name, rest.some(isTitleWord))) || allCapsAfterDeterminer) {
      return { kind: 'organisation', text: head, name: tokens.slice(startsWithDeterminer ? 1 : 0).join(' ') };
    }
    if (rest.some((t) => /^(?:of|for|and|in|at|on|to|with|from|by)$/i.test(t)) && !rest.some(isTitle)) return null;
    return { kind: 'name', text: head, name: name.join(' ').replace(/['’]s$/, ''), roles };
  }
  // "Officials familiar with the matter": a capital that only opens the sentence; "Russia’s foreign
  // minister", "Obama’s spokesman": a name's possessive stands where a determiner would.
  const possessed = tokens.length >= 2 && POSSESSIVE_NAME.test(tokens[0]!);
  if (!startsWithDeterminer && !possessed && !/^\p{Ll}/u.test(head) && !isTitle(tokens[0]!) && !UNNAMED_HEADS.test(tokens[0]!)) return null;
  const core = roleHead(head);
  // "a letter from his doctor Friday afternoon that …": a clause after the head ends the phrase short of a mention.
  const after = head.slice(core.length);
  if (!/^\s*(?:who|whose)\s/i.test(after) && /\s(?:that|had|has|have|is|are|was|were)(?:\s|$)/i.test(after)) return null;
  if (core.split(/\s+/).some((t) => /^(?:that|which|who|because|if|when|while|and|but|is|are|was|were|be|been|has|have|had|will|would|can|could|to)$/i.test(t))) return null;
  // "in a statement", "on Twitter": a phrase after a preposition is where it was said, not who.
  if (/^(?:in|on|at|by|for|from|with|into|during|after|before|under|over|through|via)\s/i.test(head)) return null;
  const written = cleanRole(head);
  // The capital of a sentence's first word is not the role's: "unnamed officials familiar with …".
  const role = UNNAMED_HEADS.test(tokens[0]!) && written.startsWith(tokens[0]!) ? written.charAt(0).toLowerCase() + written.slice(1) : written;
  const coreRole = cleanRole(core);
  // "for", "after": a function word is no role, though it ends like "senator".
  // "the ministry of defence", "the head of security": the noun before "of" is the head.
  const headNoun = coreRole.split(/\s+of\s+/)[0]!.split(/\s+/).at(-1)!;
  if (!role || !coreRole || !isPersonNoun(headNoun) || tokens.every((t) => NOT_NAMES.has(t.toLowerCase()))) return null;
  // "a 2008 Clinton veteran": an indefinite article brings in someone not named before.
  return { kind: 'role', text: head, role, unnamed: UNNAMED_HEADS.test(role) || UNNAMED_HEADS.test(coreRole) || /^(?:a|an|another)\s/i.test(head) };
}

/**
 * Whether the words from a sentence's start to a name make the name its subject: nothing, or only
 * capitalised words and the lowercase words of a title ("Conservative economist Aparna Mathur",
 * "Former Sen. Jim Webb", "The company's chief executive, Tim Cook" does not).
 */
export function isSubjectPrefix(prefix: string): boolean {
  const words = prefix.replace(/^[\s"“”‘’']+/u, '').split(/\s+/).filter(Boolean);
  // A title before a name is a few words; a longer prefix is a clause (and costly to read word by word).
  if (words.length > 8) return false;
  return words.every((w, i) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) || /^(?:of|the|and|a|an)$/.test(w) || (/^\p{Ll}[\p{L}-]*$/u.test(w) && (ROLE_GLUE.test(w) || isTitle(w) || isPersonNoun(w) || modifiesTitle(words, i))));
}

/**
 * Whether the name that `rest` starts with only possesses the noun phrase it stands in: "Putin’s
 * first meeting", "Obama and Putin’s meeting" (each name of the coordination), "the Smiths’ lawyer".
 * The words read are the name-like run from the name on: capitalised words and the glue of a
 * coordination or title; the run ends at the first other word, the head noun of the phrase.
 */
export function possessesNext(rest: string): boolean {
  const run = /^(?:[\p{Lu}][\p{L}\p{N}.'’-]*(?:\s+|$)|(?:and|of|the|&)\s+)+/u.exec(rest)?.[0];
  return run !== undefined && /(?:\p{L}['’]s|\p{L}s['’])(?:\s|$)/u.test(run) && /^\s*\p{Ll}/u.test(rest.slice(run.length));
}

/** Whether a name after `prefix` (its sentence's words before it) is the subject of the main clause. */
export function opensMainClause(prefix: string): boolean {
  const start = mainClauseStart(prefix);
  if (start === null) return false;
  // "On Sunday, Sanders …", "In a statement, the ministry …": an adverbial before the subject.
  const main = prefix.slice(start);
  return isSubjectPrefix(main) || isSubjectPrefix(main.replace(OPENING_CLAUSE, ''));
}
