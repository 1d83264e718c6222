// The attribution sieve: for each quote, rules are tried in order of reliability and the first
// that finds a speaker mention wins, so every attribution can name the rule that made it.
//   1. inside-quote   “…, – said Peskov. – …”          (found while splitting, see split-quotes.ts)
//   2. dash-credit    “…” ― Sonya Herridge
//   3. verb-after     “…,” Navy Capt. Jeff Davis, a Pentagon spokesman, said Monday.
//   4. according-to   According to him, the American side expressed readiness “…”
//   5. verb-before    Putin said in his speech: “…”  / Peskov assured that Moscow will “…”
//   6. sentence-subject / carry-over: see the bottom of this file.
import type { AttributionRule, Paragraph } from '../record.ts';
import { lexicalType, nameTypes } from './entity-types.ts';
import { OPENING_CLAUSE, SUBORDINATE_OPENING } from './clauses.ts';
import { DOCUMENT_FROM, ORGANISATION_WORDS, parseMention, personDespiteBodyWord, POSSESSIVE_WORD, TITLE_ABBREVIATIONS, type Mention } from './mentions.ts';
import { sentenceAt, sentenceRanges, type Range } from './sentences.ts';
import { ACCORDING_TO, isNounUse, speechVerbsIn, WEAK_VERBS } from './speech-verbs.ts';
import type { QuoteCandidate } from './split-quotes.ts';
import { matchesOf } from './matches.ts';

export interface FoundAttribution {
  rule: AttributionRule;
  mention: Mention | null;
  cue: string | null;
  /** Body offset of the mention, to resolve pronouns against what came before it. */
  at: number;
}

const QUOTE_CHARS = /["“”„«»‟″'‘’`]/u;
const AUXILIARIES = /(?:\s+|^)(?:has|have|had|was|is|were|are|also|later|then|again|further|once|previously|repeatedly|would|will|did|does|do|not|never|reportedly|recently|earlier|quickly|simply|just|even|still|publicly|privately|bluntly|flatly|openly|forcefully|strongly|angrily|first|last|often|always|frequently|long|had long|soon|immediately|ultimately|then|now|has since|once)$/i;
const PARENTHETICAL = /^(?:who|whose|which|a|an|the|another|however|though|meanwhile|in turn|in fact|too|also|for example|for instance|\d+|[DRI]-|like|as|at|in|on|with|from|by|of)\b/i;
const ROLE_APPOSITION = /^(?!(?:and|but|or|so|then|yet|nor)\b)\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*){0,2}\s+(?:of|at|for|to|with|in)\b/u;
// The AP's abbreviations of US states, as datelines and appositions write them ("Flint, Mich.");
// "Del." is left out, being a delegate's title as often as Delaware.
const STATE_ABBREVIATION = /^(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo)[.\u2024]$/u;

/** "Cory James, 22, of Flint, Mich., said": a place (or a state's abbreviation) between commas is an apposition. */
const isPlaceApposition = (segment: string) => STATE_ABBREVIATION.test(segment) || lexicalType(restoreAbbreviations(segment)) === 'place';

// "China, Pyongyang's only ally, said": an apposition may open with a possessive name.
const POSSESSIVE_APPOSITION = /^\p{Lu}[\p{L}.-]*['’]s\s+\p{Ll}/u;
// "The report, written by economists at the IMF, warned", "Obama, speaking in Ohio, said": a
// participle's phrase between commas describes the subject.
const PARTICIPLE_APPOSITION = /^\p{Ll}+(?:ed|en|ing)\s/u;
const CLAUSE_BREAK = /(?:[;:()]|,\s|\s[–—―-]+\s|\s--\s|^|\b(?:that|and|but|as|while|when|because|after|before|since|although|though|if|so|where|whether|than|whom?|which)\s)(?![^;:(),–—―]*[;:(),–—―])/giu;

// "Angela Merkel on Wednesday warned": a time between the subject and its verb.
const TIME_ADVERBIAL = /\s+(?:(?:on|last|this|next|early|late|earlier|later)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning|afternoon|evening|weekend|today|yesterday|tonight)(?:\s+(?:night|morning|afternoon|evening))?$|\s+(?:earlier|later|again)$|\s+in\s+(?:a|an|his|her|their)\s+(?:statement|interview|speech|letter|tweet|post)$/i;

function stripTrailingNoise(text: string): string {
  let s = text.trimEnd();
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    s = s.replace(AUXILIARIES, '').replace(TIME_ADVERBIAL, '').trimEnd();
    // "Councillor Jan Price (Labour, Riverside) said", "Rep. Ann Kim (D-Calif.) said": a short
    // parenthesis after the subject says where they are from, whatever its commas.
    const aside = /\s*\([^()“”"]{1,60}\)$/u.exec(s);
    if (aside && aside.index > 0) {
      s = s.slice(0, aside.index).trimEnd();
      continue;
    }
    // Drop an apposition or aside that sits between the subject and its verb.
    if (/[,–—―)]$/u.test(s)) {
      const body = s.slice(0, -1).trimEnd();
      const open = Math.max(body.lastIndexOf(','), body.lastIndexOf('–'), body.lastIndexOf('—'), body.lastIndexOf('―'), body.lastIndexOf('('));
      const segment = body.slice(open + 1).trim();
      // "Gareth Pryce, director of the charity Save the Usk, said": a role noun after a comma is an apposition too.
      if (open > 0 && (PARENTHETICAL.test(segment) || ROLE_APPOSITION.test(segment) || POSSESSIVE_APPOSITION.test(segment) || PARTICIPLE_APPOSITION.test(segment) || isPlaceApposition(segment))) s = body.slice(0, open).trimEnd();
      else s = body;
    }
    if (s === before) break;
  }
  return s;
}

/** "Dorset and Wiltshire Fire and Rescue Service": an "and" between capitalised words joins a name, not two clauses. */
function andInsideName(text: string, m: RegExpMatchArray): boolean {
  if (!/^and\s$/i.test(m[0]) || !/\p{Lu}[\p{L}.'’-]*\s$/u.test(text.slice(Math.max(0, m.index! - 30), m.index))) return false;
  // The capitalised words after it end in a body's word ("… Rescue Service"), not a person ("Gov. John Kasich").
  const run = /^(?:(?:\p{Lu}[\p{L}.'’-]*|and|of|the)\s+)*(\p{Lu}[\p{L}'’-]*)\s*$/u.exec(text.slice(m.index! + m[0].length));
  return run !== null && ORGANISATION_WORDS.has(run[1]!.toLowerCase());
}

/** The mention that is the subject of a verb, from the clause before it. */
export function subjectBefore(raw: string): { mention: Mention; offset: number } | null {
  const text = protectAbbreviations(raw);
  const cleaned = stripTrailingNoise(text);
  // "… spoke to the governor, who told him: “…”": a relative "who" speaks for the phrase before it.
  // Words of time may stand between "who" and its verb: "McConnell, who in 2010 said".
  const relative = /,\s+who(?:\s+(?:in|on|at|last|this|that|once|later|also|then|earlier|previously|recently|famously|repeatedly|often|has|had|have)(?:\s+[\p{L}\d]+){0,2}?)?\s*$/u.exec(cleaned);
  // "Tom Ross, now the party chairman, who …": the relative speaks for the name, not its apposition.
  if (relative) return subjectBefore(raw.slice(0, relative.index).replace(/(\p{Lu}[\p{L}.'’-]*),\s+(?:now\s+|then\s+)?(?:the|a|an|his|her|its|their)\s[^,]*$/u, '$1'));
  let from = 0;
  for (const m of matchesOf(cleaned, CLAUSE_BREAK)) if (!andInsideName(cleaned, m)) from = m.index + m[0].length;
  let tail = cleaned.slice(from).trim();
  // "as reported by the Minister" names the agent after "by".
  const agent = /\b(?:by|to)\s+(.+)$/i.exec(tail);
  if (agent && /^(?:as\s+)?(?:reported|said|stated|noted|quoted|according)\b/i.test(tail)) tail = agent[1]!;
  const tokens = tail.split(/\s+/).filter(Boolean).slice(-10);
  // The longest ending of the clause that reads as a mention: "In a Bloomberg interview Trump" → "Trump".
  for (let i = 0; i < tokens.length; i++) {
    const phrase = tokens.slice(i).join(' ');
    // A possessive is not a subject: "Bill Clinton’s comments", "Sanders’ comments".
    if (POSSESSIVE_WORD.test(phrase)) return null;
    const mention = parseMention(restoreAbbreviations(phrase));
    if (!mention || (mention.kind === 'role' && i > 0 && !/^(?:the|a|an|his|her|their|its|one|two|three|several|some|many)$/i.test(tokens[i]!))) continue;
    return { mention, offset: cleaned.lastIndexOf(phrase) };
  }
  return null;
}

// A full stop after a title or an initial ("Rep. G.K. Butterfield") ends no sentence; it is swapped
// for a one-dot leader of the same length while clauses are cut, so offsets stay true.
const ABBREVIATION_DOT = new RegExp(String.raw`\b(${TITLE_ABBREVIATIONS}|St|Mt|Ft|No|Inc|Corp|Co|Ltd|U\.S|U\.N|U\.K|\p{Lu})\.(?=[\s\p{Lu},)-])`, 'gu');
export const protectAbbreviations = (text: string) => text.replace(ABBREVIATION_DOT, '$1\u2024');
export const restoreAbbreviations = (text: string) => text.replace(/\u2024/g, '.');

/** The mention after an inverted verb: "said the representative of the Kremlin". */
function subjectAfter(raw: string): { mention: Mention; offset: number } | null {
  // "said that Trump “melted down”": a clause follows, whose subject is not the speaker. The phrase
  // ends at a preposition, unless it says which source it is ("a person close to the mayor") or how
  // many children ("said mother of three Leanne Price").
  if (/^\s*that\s/i.test(raw)) return null;
  const text = protectAbbreviations(raw);
  // "according to a statement from the Ministry of Health": the document's "from" names its author.
  const phrase = /^\s*([^.,;:!?“”"–—―()]+)/u.exec(text)?.[1]?.trim();
  if (phrase && DOCUMENT_FROM.test(phrase)) {
    const author = parseMention(restoreAbbreviations(phrase));
    if (author) return { mention: author, offset: text.indexOf(phrase) };
  }
  const m = /^\s*((?:[^.,;:!?“”"–—―()]|\.(?=\s*\p{Ll}))+?)(?=$|[.,;:!?“”"–—―()]|(?<!\b(?:familiar|close|involved|briefed|knowledgeable))\s(?:on|in|at|to|during|after|before|when|while|as|of(?!\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s)|who|from|with|via|about|that|told|said|says|for)\s)/u.exec(text);
  if (!m) return null;
  const tokens = m[1]!.trim().split(/\s+/);
  // "said on Twitter", "said in Dayton": a preposition right after the verb says where, not who.
  if (/^(?:on|in|at|to|during|after|before|from|with|via|about|for|into|over|through)$/.test(tokens[0]!)) return null;
  for (let i = 0; i < Math.min(tokens.length, 4); i++) {
    const phrase = tokens.slice(i).join(' ');
    const mention = parseMention(restoreAbbreviations(phrase));
    if (mention && (i === 0 || mention.kind === 'name')) return { mention, offset: text.indexOf(phrase) };
  }
  return null;
}

interface Context {
  para: Paragraph;
  sentences: Range[];
  /** Offsets in the paragraph of the quote's opening and closing marks. */
  open: number;
  close: number;
  innerEndsSentence: boolean;
}

// Verbs that report speech only in some uses, but always right after a quote and before its source:
// "“… month,” reported Reuters", "“…,” countered Sen. Ted Cruz".
const INVERTED_WEAK = /^(?:reported|continued|countered|charged|stated|posted|pressed|reasoned)$/i;

/** The first verb that reports speech on its own ("states" in "the states suing" is skipped). */
function firstVerb(text: string, limit: number): RegExpExecArray | null {
  for (const m of speechVerbsIn(text)) {
    if (m.index > limit) return null;
    if (!WEAK_VERBS.test(m[0]) || (m.index === 0 && INVERTED_WEAK.test(m[0]))) return m as RegExpExecArray;
  }
  return null;
}

const ENDS_CLAUSE = /^\s*(?:$|[.,;:!?)]|[–—―-]|(?:on|in|at|to|during|after|before|via|from|through|with|about|of|last|this|early|late|earlier|later|again|recently|afterward|afterwards|then|yesterday|today|tonight|\p{Lu}\p{L}*day)\b|(?:the|a|an)\s+\p{L}+(?:\s+\p{L}+)?\s*[.,]|journalists|reporters|\p{L}+ly\b|\p{Lu})/u;

function verbAfter(ctx: Context): FoundAttribution | null {
  const rest = ctx.para.text.slice(ctx.close);
  const nextQuote = rest.search(/(?<=\s)["“„«]/u);
  let after = nextQuote > 0 ? rest.slice(0, nextQuote) : rest;
  const sentenceEnd = protectAbbreviations(after).search(/[.!?](?:\s|$)/u);
  if (sentenceEnd >= 0) after = after.slice(0, sentenceEnd + 1);
  const lead = /^[\s,;:]*[–—―-]*\s*/u.exec(after)![0];
  const text = after.slice(lead.length);
  const verb = firstVerb(text, 160);
  if (!verb) return null;
  const pre = text.slice(0, verb.index);
  const post = text.slice(verb.index + verb[0].length);
  const base = ctx.para.start + ctx.close + lead.length;
  if (pre.trim() === '') {
    // "said his wife, Anna.": the name after the role noun.
    const subject = namedInApposition(post) ?? subjectAfter(post);
    return subject ? { rule: 'verb-after', mention: subject.mention, cue: verb[0], at: base + verb.index + verb[0].length + subject.offset } : null;
  }
  // A quote that ends its sentence is followed by a new sentence: only a bare "he said." attributes it.
  if (ctx.innerEndsSentence && !/^\s*(?:[.,;!?]|$|\s*(?:on|in|to|at)\b)/u.test(post) && !/^\p{Ll}/u.test(text)) return null;
  if (!ENDS_CLAUSE.test(post) && !/^(?:tell|tells|told|ask|asks|asked|inform|informs|informed)$/i.test(verb[0])) return null;
  if (/[“”"]/u.test(pre)) return null;
  // "Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing, said":
  // the name before the first comma is the subject.
  const head = protectAbbreviations(pre).split(',')[0]!;
  const subject = subjectBefore(pre) ?? (head.length < pre.length ? subjectBefore(head) : null);
  if (!subject) return null;
  return { rule: 'verb-after', mention: subject.mention, cue: verb[0], at: base + Math.max(0, subject.offset) };
}

/** Verbs of naming in the passive, whose agent follows the quote: "labeled a “witch hunt” by Democrats". */
const PASSIVE_NAMING = /\b(?:labell?ed|called|described|dubbed|branded|derided|denounced|hailed|praised|critici[sz]ed|condemned|termed|characteri[sz]ed|deemed)(?:\s+as)?\s+(?:an?|the)?\s*$/iu;

/** "… often labeled as a “witch hunt” by Democrats": the agent after the quote called it that. */
function passiveNamingAgent(ctx: Context): FoundAttribution | null {
  const before = ctx.para.text.slice(Math.max(0, ctx.open - 40), ctx.open).replace(/["“„«‘']+$/u, '');
  if (!PASSIVE_NAMING.test(before)) return null;
  const by = /^\s+by\s+/u.exec(ctx.para.text.slice(ctx.close));
  if (!by) return null;
  const agent = subjectAfter(ctx.para.text.slice(ctx.close + by[0].length));
  if (!agent) return null;
  return { rule: 'verb-after', mention: agent.mention, cue: 'by', at: ctx.para.start + ctx.close + by[0].length + agent.offset };
}

function dashCredit(ctx: Context): FoundAttribution | null {
  const rest = ctx.para.text.slice(ctx.close);
  const m = /^\s*[―—–-]{1,2}\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*[.,]?\s*$/u.exec(rest);
  if (!m) return null;
  const mention = parseMention(m[1]!);
  return mention ? { rule: 'dash-credit', mention, cue: '―', at: ctx.para.start + ctx.close + rest.indexOf(m[1]!) } : null;
}

/** "Clinton: “Our goal is …”", "Pollsters agree - Carl Bialik: “…”": a name and a colon just before the quote. */
function colonCredit(ctx: Context): FoundAttribution | null {
  const before = ctx.para.text.slice(Math.max(0, ctx.open - 80), ctx.open);
  const m = /(?:^|[.;!?–—―-]["”’]?\s+|\s-\s)((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s*:\s*$/u.exec(before);
  if (!m) return null;
  const mention = parseMention(m[1]!);
  if (mention?.kind !== 'name' && mention?.kind !== 'organisation') return null;
  // "Update:", "Watch:", "Breaking News:", "LONDON:": words and places before a colon are labels.
  if (nameTypes(m[1]!).words.every((t) => t === 'word' || t === 'place')) return null;
  return { rule: 'verb-before', mention, cue: ':', at: ctx.para.start + Math.max(0, ctx.open - 80) + m.index + m[0].indexOf(m[1]!) };
}

/** The writer's sentence around a quote, with other quotes blanked so their words are not read as the writer's. */
function sentenceText(ctx: Context, masks: Range[]): { text: string; start: number } {
  const s = sentenceAt(ctx.sentences, Math.max(0, ctx.open));
  let text = ctx.para.text.slice(s.start, s.end);
  for (const m of masks) {
    const a = Math.max(m.start, s.start) - s.start;
    const b = Math.min(m.end, s.end) - s.start;
    if (b > a) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return { text, start: s.start };
}

function accordingTo(ctx: Context, masks: Range[]): FoundAttribution | null {
  const { text, start } = sentenceText(ctx, masks);
  const m = ACCORDING_TO.exec(text);
  if (!m) return null;
  const after = text.slice(m.index + m[0].length);
  const subject = namedInApposition(after) ?? subjectAfter(after);
  if (!subject) return null;
  return { rule: 'according-to', mention: subject.mention, cue: 'according to', at: ctx.para.start + start + m.index + m[0].length + subject.offset };
}

/** "according to the traders' lawyer, Simon Adeyemi, …", "said his wife, Anna.": the name that follows a role noun. */
function namedInApposition(text: string): { mention: Mention; offset: number } | null {
  const m = /^\s*((?:the|a|an|his|her|their|its|one|another)\s[^,;:.“”"]{2,60}),\s+([^,;:.“”"]{3,60}?)\s*(?:[,;:.]|$)/iu.exec(text);
  if (!m) return anotherNamed(text);
  const role = parseMention(m[1]!);
  // "the council leader, Amy Fox": after a role, a given name and a word ending like a body's name is a person.
  const parsed = parseMention(m[2]!);
  const name: Mention | null = parsed?.kind === 'organisation' && personDespiteBodyWord(parsed.name.split(/\s+/), true) ? { kind: 'name', text: parsed.text, name: parsed.name, roles: [] } : parsed;
  if (role?.kind !== 'role' || name?.kind !== 'name') return null;
  return { mention: { ...name, roles: [...name.roles, role.role] }, offset: text.indexOf(m[2]!) };
}

/** "“…,” said one. “…,” said another, Li Wei.": the name after "another" is who it is. */
function anotherNamed(text: string): { mention: Mention; offset: number } | null {
  const m = /^\s*(?:another|one)\s*,\s+([^,;:.“”"]{3,60}?)\s*(?:[,;:.]|$)/iu.exec(text);
  const name = m ? parseMention(m[1]!) : null;
  return name?.kind === 'name' ? { mention: name, offset: text.indexOf(m![1]!) } : null;
}

const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being)\s+$/i;

/** The mention after "by" that follows a passive verb of saying: "was asked by host Bill Maher". */
function passiveAgent(after: string): { mention: Mention; offset: number } | null {
  const by = /^\s+by\s+/i.exec(after);
  if (!by) return null;
  const rest = after.slice(by[0].length);
  const subject = namedInApposition(rest) ?? subjectAfter(rest);
  return subject ? { mention: subject.mention, offset: by[0].length + subject.offset } : null;
}

/** Verbs of saying that put their subject after them: "said the minister", "added Ms. Reyes". */
const INVERTIBLE = /^(?:said|says|added|adds|wrote|writes|explained|explains|noted|notes|continued|recalled|recalls|replied|replies|responded|insisted|argued|argues|countered|declared|announced|observed|remarked|quipped|joked|conceded|acknowledged|agreed|asserted|warned|cautioned|concluded|stressed|emphasi[sz]ed|tweeted|exclaimed|shouted|whispered|offered|predicted|opined|complained|lamented|boasted|suggested|admitted|confirmed|reported)$/i;

/** A speech verb in the writer's sentence, nearest the quote first; its subject speaks. */
function sentenceSubject(ctx: Context, masks: Range[], rule: AttributionRule): FoundAttribution | null {
  const { text, start } = sentenceText(ctx, masks);
  const openInSentence = ctx.open - start;
  const verbs = [...speechVerbsIn(text)].filter((v) => !/^(?:state|states|post|posts)$/i.test(v[0]));
  const usable = verbs.filter((v) => isVerbOfSaying(text, v));
  const strongFirst = (list: RegExpExecArray[]) => [...list.filter((v) => !WEAK_VERBS.test(v[0])), ...list.filter((v) => WEAK_VERBS.test(v[0]))];
  // "When Trump suggested …, Rubio fired back: “…”": a verb in an opening subordinate clause reports
  // nothing the quote after the clause says.
  const subordinate = SUBORDINATE_OPENING.exec(text)?.[0].length ?? 0;
  // "Christie repeated accusations that Rubio recites …, calling him a “talented guy”": a participle
  // after a comma shares the main clause's subject, not that of a verb in a "that" clause before it.
  const shared = SHARED_PARTICIPLE.test(text.slice(0, openInSentence));
  const embedded = (v: RegExpExecArray) => shared && /\bthat\s[^,;:]*$/iu.test(text.slice(0, v.index).replace(/\s{2,}/g, ' , '));
  const before = strongFirst(usable.filter((v) => v.index < openInSentence && (v.index > subordinate || openInSentence < subordinate) && !embedded(v)).reverse());
  const after = strongFirst(usable.filter((v) => v.index > openInSentence));
  for (const v of [...before, ...after]) {
    const found = subjectOfVerb(text, v);
    if (found) return { rule: v.index < openInSentence ? rule : 'sentence-subject', mention: found.mention, cue: v[0], at: ctx.para.start + start + found.offset };
  }
  // "His rival, Maria Cruz, disagreed: “…”": a colon after the writer's verb hands the sentence to
  // the quote. (A name right before the colon is a credit line, which colonCredit reads.)
  const introducedByColon = /\s\p{Ll}[\p{L}-]*:\s*$/u.test(text.slice(0, openInSentence));
  // "The housing minister disputed them, saying: “…”": where the sentence hands itself to the quote,
  // a role noun opening it speaks as a name would.
  return sentenceInitialSubject(text, ctx, start, verbs.length > 0 || introducedByColon, shared || introducedByColon);
}

/** ", calling him a", ", saying": a participle of saying after a comma, just before the quote. */
const SHARED_PARTICIPLE = /,\s+(?:calling|describing|labell?ing|branding|dubbing|saying|adding|noting|warning|arguing|insisting|claiming)\b[^,;:.!?“”"]{0,40}$/iu;

/**
 * Whether a match of a verb of saying is one here. A participle never has a subject of its own ("a
 * statement announcing", "…, saying": the sentence's main verb is read instead) unless it follows a
 * name; after a possessive or an article the tagger may read it as a noun ("his opening remarks", "Trump's tweets").
 */
function isVerbOfSaying(text: string, v: RegExpExecArray): boolean {
  if (/ing$/i.test(v[0]) && !absoluteParticiple(text, v)) return false;
  const after = text.slice(v.index + v[0].length);
  // "Democrats had written the bill “in secret”": writing a thing, not saying something.
  if (WRITE.test(v[0]) && WRITTEN_THING.test(after)) return false;
  return !isNounUse(text.slice(0, v.index), v[0], after);
}

const QUOTED_AS = /^\s+([^,;:“”"]{2,60}?)\s+as\s+(?:saying|telling|writing|stating|describing|calling)\b/u;
const WRITE = /^(?:write|writes|wrote|written)$/i;
/** An article or a possessive right after a verb of writing: its object, a document ("wrote the bill", "wrote his memoir"). */
const WRITTEN_THING = /^\s+(?:the|a|an|his|her|their|its|this|these|those)\s/i;

/** Who a verb of saying has speak, and where in the sentence they are named: the agent, the subject, or an inverted subject. */
function subjectOfVerb(text: string, v: RegExpExecArray): { mention: Mention; offset: number } | null {
  const clause = text.slice(0, v.index);
  const afterVerb = v.index + v[0].length;
  // "Officials quoted the general as saying …": the one quoted speaks, not who quotes them.
  const quoted = /^quot(?:e|es|ed)$/i.test(v[0]) ? QUOTED_AS.exec(text.slice(afterVerb)) : null;
  const quotedMention = quoted ? parseMention(restoreAbbreviations(quoted[1]!)) : null;
  if (quoted && quotedMention) return { mention: quotedMention, offset: afterVerb + quoted[0].indexOf(quoted[1]!) };
  // "Sanders was asked by host Bill Maher, “…”": in the passive the agent after "by" speaks.
  const agent = PASSIVE_BEFORE.test(clause) ? passiveAgent(text.slice(afterVerb)) : null;
  if (agent) return { mention: agent.mention, offset: afterVerb + agent.offset };
  const subject = subjectBefore(clause.replace(/\s{2,}/g, ' , '));
  // Only a plain verb of saying is inverted ("said the minister"); after "told", "thanked" or
  // "urged" comes whom it was said to ("told his supporters", "urges voters").
  const inverted = subject || !INVERTIBLE.test(v[0]) ? null : subjectAfter(text.slice(afterVerb));
  const found = subject ?? inverted;
  if (!found || (found.mention.kind === 'role' && !found.mention.unnamed && found.mention.role.split(/\s+/).length > 6)) return null;
  return { mention: found.mention, offset: subject ? Math.max(0, subject.offset) : afterVerb + found.offset };
}

/** "Speaking in Salem, New Hampshire, Trump went after Bush": the end of an opening place phrase is no subject. */
function skipPlace(text: string): string {
  const m = /^\s*((?:\p{Lu}[\p{L}.'’-]*\s*){1,3}),\s*/u.exec(text);
  return m && isPlaceApposition(m[1]!.trim()) ? text.slice(m[0].length) : text;
}

/**
 * "Ryan saying he was “very encouraged”", "with Sen. John McCain calling it a “Chinese menu”": a
 * participle right after a name has that name for its subject (an absolute clause), unlike
 * "…, saying" after a comma, which shares the main verb's.
 */
function absoluteParticiple(text: string, v: RegExpExecArray): boolean {
  return /(?:^|[\s(])\p{Lu}[\p{L}.'’-]*\s+$/u.test(text.slice(Math.max(0, v.index - 40), v.index)) && !/['’]s\s+$/u.test(text.slice(0, v.index));
}


const QUANTIFIER = /^(?:one|ones|some|another|many|several|few|both|all|each|most)$/i;

const OPENING_PREPOSITION = /^(?:From|With|Under|Despite|Unlike|Like|Amid|Beyond|Without|In|On|At|During|For|To|Of|Since|Until|Through|Among|Between|Against|Across|Behind|Toward|Towards)$/;

/** The subject that opens the writer's sentence ("Trump took to Twitter to accuse … “duped”"). */
function sentenceInitialSubject(text: string, ctx: Context, start: number, hasVerb: boolean, rolesSpeak = false): FoundAttribution | null {
  if (!hasVerb) return null;
  const opening = skipPlace(text.replace(SUBORDINATE_OPENING, '').replace(OPENING_CLAUSE, ''));
  const offset = text.length - opening.length;
  const tokens = opening.split(/\s+/).filter(Boolean).slice(0, 8);
  // "From Donald Trump’s “…” to his call for …, Will described": a phrase after a preposition is no subject.
  if (OPENING_PREPOSITION.test(tokens[0] ?? '')) return null;
  const at = ctx.para.start + start + offset;
  const mentionOf = (n: number) => {
    const phrase = tokens.slice(0, n).join(' ');
    return /[“”"«»]/u.test(phrase) ? null : parseMention(phrase.replace(/[,;:]$/, ''));
  };
  // The longest opening that is a name ("Sen. Tim Kaine of Virginia"); a role noun's is its shortest,
  // since a role's words run on into the clause ("The Vermont senator emailed supporters").
  for (let n = tokens.length; n >= 1; n--) {
    const mention = mentionOf(n);
    if (mention && mention.kind !== 'role') return { rule: 'sentence-subject', mention, cue: null, at };
  }
  for (let n = 1; rolesSpeak && n <= tokens.length; n++) {
    const mention = mentionOf(n);
    // "One operative …", "The piece used one …": a quantifier alone heads nothing here;
    // "The party’s candidate": a possessive is not yet the head.
    const last = tokens[n - 1]!;
    if (mention?.kind === 'role' && !QUANTIFIER.test(last) && !/['’]s?$/u.test(last)) return { rule: 'sentence-subject', mention, cue: null, at };
  }
  return null;
}

/** “…,” Schiff said. “The other factor …”: a quote opening a sentence continues the speech reported just before it. */
function previousSentence(ctx: Context, masks: Range[]): FoundAttribution | null {
  const index = ctx.sentences.findIndex((r) => ctx.open >= r.start && ctx.open < r.end);
  const current = ctx.sentences[index];
  const prev = ctx.sentences[index - 1];
  if (!current || !prev || !/^\W*$/u.test(ctx.para.text.slice(current.start, ctx.open))) return null;
  const prevCtx: Context = { ...ctx, open: prev.end - 1, close: prev.end };
  const found = sentenceSubject(prevCtx, masks, 'verb-before');
  return found && found.mention?.kind !== 'role' ? { ...found, rule: 'carry-over' } : null;
}

/** “The New York Times reports:” ending the paragraph before a quote that opens its own. */
function colonIntroduced(para: Paragraph, start: number, paragraphs: Paragraph[], sentencesOf: (p: Paragraph) => Range[]): FoundAttribution | null {
  if (!/^\W*$/u.test(para.text.slice(0, start - para.start))) return null;
  const prev = paragraphs.slice(0, para.index).reverse().find((p) => p.role === 'body');
  if (!prev || !/:\s*$/u.test(prev.text)) return null;
  const last = sentencesOf(prev).at(-1);
  if (!last) return null;
  const ctx: Context = { para: prev, sentences: sentencesOf(prev), open: last.end - 1, close: last.end, innerEndsSentence: false };
  const found = sentenceSubject(ctx, [], 'verb-before') ?? sentenceInitialSubject(prev.text.slice(last.start, last.end), ctx, last.start, true);
  return found ? { ...found, rule: 'verb-before' } : null;
}

export interface AttributionInput {
  candidates: QuoteCandidate[];
  paragraphs: Paragraph[];
  body: string;
}

/** The offsets of the quote marks around a candidate, relative to its paragraph. */
function markOffsets(para: Paragraph, start: number, end: number): { open: number; close: number } {
  let open = start - para.start;
  while (open > 0 && QUOTE_CHARS.test(para.text[open - 1]!)) open--;
  let close = end - para.start;
  while (close < para.text.length && QUOTE_CHARS.test(para.text[close]!)) close++;
  return { open, close };
}

/** Which step of the sieve proposed a mention: a feature of the speaker ranker, finer than the rule. */
export type ProposalSource =
  | 'inside-quote'
  | 'dash-credit'
  | 'verb-after'
  | 'according-to'
  | 'verb-before'
  | 'sentence-subject'
  | 'colon-introduced'
  | 'previous-sentence'
  | 'colon-credit';

export interface Proposal extends FoundAttribution {
  source: ProposalSource;
}

const NO_ATTRIBUTION = (at: number): FoundAttribution => ({ rule: 'none', mention: null, cue: null, at });

/** For each quote, every mention the sieve's rules propose, most reliable rule first. */
export function attributionProposals({ candidates, paragraphs, body }: AttributionInput): Proposal[][] {
  const byParagraph = quoteWordsByParagraph(candidates, paragraphs);
  const sentenceCache = new Map<number, Range[]>();
  const sentencesOf = (p: Paragraph) => {
    if (!sentenceCache.has(p.index)) sentenceCache.set(p.index, sentenceRanges(p.text, byParagraph.get(p.index) ?? []));
    return sentenceCache.get(p.index)!;
  };
  return candidates.map((c) => proposalsFor(c, { paragraphs, body, sentencesOf, byParagraph }));
}

/** Each paragraph's quoted words (marks left out), at offsets within the paragraph. */
function quoteWordsByParagraph(candidates: QuoteCandidate[], paragraphs: Paragraph[]): Map<number, Range[]> {
  const byParagraph = new Map<number, Range[]>();
  for (const c of candidates) {
    for (const part of c.parts) {
      const para = paragraphs[part.paragraph]!;
      const list = byParagraph.get(para.index) ?? [];
      list.push({ start: part.start - para.start, end: part.end - para.start });
      byParagraph.set(para.index, list);
    }
  }
  return byParagraph;
}

interface ArticleContext {
  paragraphs: Paragraph[];
  body: string;
  sentencesOf: (p: Paragraph) => Range[];
  byParagraph: Map<number, Range[]>;
}

/** One quote's proposals, in the sieve's order. */
function proposalsFor(c: QuoteCandidate, { paragraphs, body, sentencesOf, byParagraph }: ArticleContext): Proposal[] {
  const first = c.parts[0]!;
  const last = c.parts.at(-1)!;
  const openPara = paragraphs[first.paragraph]!;
  const closePara = paragraphs[last.paragraph]!;
  const { open } = markOffsets(openPara, first.start, first.end);
  const { close } = markOffsets(closePara, last.start, last.end);
  const inner = body.slice(last.start, last.end);
  const closing: Context = { para: closePara, sentences: sentencesOf(closePara), open: last.start - closePara.start, close, innerEndsSentence: /[.!?…]\W*$/u.test(inner) };
  const opening: Context = { para: openPara, sentences: sentencesOf(openPara), open, close: first.end - openPara.start, innerEndsSentence: false };
  // The quote's own words are never the writer's: all quotes of the paragraph are blanked.
  const masks = byParagraph.get(openPara.index) ?? [];
  const according = accordingTo(opening, masks);
  const verbBefore = sentenceSubject(opening, masks, 'verb-before');
  // "According to the minister, the president told him: “…”": the one whose verb stands nearer the
  // quote said it; the one it is according to reports it.
  const relayed = according !== null && verbBefore?.rule === 'verb-before' && verbBefore.at > according.at;
  const found: Array<[ProposalSource, FoundAttribution | null]> = [
    ['inside-quote', c.inside ?? null],
    ['dash-credit', dashCredit(closing)],
    ['verb-after', verbAfter(closing) ?? passiveNamingAgent(closing)],
    ['verb-before', relayed ? verbBefore : null],
    ['according-to', according],
    // "Pollsters agree - Carl Bialik: “…”": a name and a colon right before the quote credit it,
    // whatever verb the sentence had before them.
    ['colon-credit', colonCredit(opening)],
    ['verb-before', relayed ? null : verbBefore],
    ['colon-introduced', colonIntroduced(openPara, first.start, paragraphs, sentencesOf)],
    ['previous-sentence', previousSentence(opening, masks)],
  ];
  return found.flatMap(([source, f]) => (f ? [{ ...f, source: f.rule === 'sentence-subject' && source === 'verb-before' ? 'sentence-subject' : source }] : []));
}

/** The sieve's own choice for each quote: the first rule that found a mention. */
export function attributeQuotes(input: AttributionInput): FoundAttribution[] {
  return attributionProposals(input).map((list, i) => list[0] ?? NO_ATTRIBUTION(input.candidates[i]!.parts[0]!.start));
}
