// The verbs and phrases that report speech. News uses far more than "said": a quote is "argued",
// "tweeted", "told reporters", "wrote in a statement". Each verb is listed with its forms.
import { taggedAsNoun } from './entity-types.ts';
import { matchesOf } from './matches.ts';

const VERBS = [
  'say|says|said|saying',
  'tell|tells|told|telling',
  'add|adds|added|adding',
  'ask|asks|asked|asking',
  'note|notes|noted|noting',
  'explain|explains|explained|explaining',
  'argue|argues|argued|arguing',
  'insist|insists|insisted|insisting',
  'claim|claims|claimed|claiming',
  'state|states|stated|stating',
  'declare|declares|declared|declaring',
  'warn|warns|warned|warning',
  'write|writes|wrote|written|writing',
  'tweet|tweets|tweeted|tweeting',
  'post|posts|posted',
  'announce|announces|announced|announcing',
  'acknowledge|acknowledges|acknowledged|acknowledging',
  'admit|admits|admitted|admitting',
  'assert|asserts|asserted|asserting',
  'continued',
  'recall|recalls|recalled|recalling',
  'suggest|suggests|suggested|suggesting',
  'stress|stresses|stressed|stressing',
  'emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|emphasi[sz]ing',
  'reply|replies|replied|replying',
  'respond|responds|responded|responding',
  'answer|answers|answered',
  'elaborate|elaborates|elaborated',
  'assure|assures|assured',
  'clarify|clarifies|clarified',
  'comment|comments|commented',
  'remark|remarks|remarked',
  'observe|observes|observed',
  'quip|quips|quipped',
  'joke|jokes|joked',
  'complain|complains|complained|complaining',
  'charge|charges|charged',
  'contend|contends|contended',
  'maintain|maintains|maintained',
  'predict|predicts|predicted',
  'promise|promises|promised|promising',
  'vow|vows|vowed|vowing',
  'pledge|pledges|pledged',
  'urge|urges|urged|urging',
  'concede|concedes|conceded',
  'confirm|confirms|confirmed',
  'deny|denies|denied',
  'report|reports|reported',
  'repeat|repeats|repeated',
  'reiterate|reiterates|reiterated',
  'boast|boasts|boasted',
  'brag|brags|bragged',
  'lament|laments|lamented',
  'muse|muses|mused',
  'shout|shouts|shouted',
  'yell|yells|yelled',
  'exclaim|exclaims|exclaimed',
  'whisper|whispers|whispered',
  'testify|testifies|testified',
  'recount|recounts|recounted',
  'disclose|discloses|disclosed',
  'reveal|reveals|revealed',
  'proclaim|proclaims|proclaimed',
  'conclude|concludes|concluded',
  'agree|agrees|agreed',
  'protest|protests|protested',
  'counter|counters|countered',
  'retort|retorts|retorted',
  'snap|snaps|snapped',
  'demand|demands|demanded',
  'plead|pleads|pleaded|pled',
  'thank|thanks|thanked',
  'praise|praises|praised',
  'criticize|criticizes|criticized|criticise|criticises|criticised',
  'condemn|condemns|condemned',
  'accuse|accuses|accused',
  'blast|blasts|blasted',
  'slam|slams|slammed',
  'dismiss|dismisses|dismissed',
  'mock|mocks|mocked',
  'defend|defends|defended|defending',
  'tout|touts|touted',
  'describe|describes|described|describing',
  'call|calls|called|calling',
  'label|labels|labeled|labelled',
  'allege|alleges|alleged',
  'estimate|estimates|estimated',
  'believe|believes|believed',
  'think|thinks|thought',
  'hope|hopes|hoped',
  'fear|fears|feared',
  'want|wants|wanted',
  'promote|promotes|promoted',
  'signal|signals|signaled|signalled',
  'hint|hints|hinted',
  'mention|mentions|mentioned',
  'speak|speaks|spoke',
  'decry|decries|decried',
  'deride|derides|derided',
  'scoff|scoffs|scoffed',
  'sneer|sneers|sneered',
  'chide|chides|chided',
  'rail|rails|railed',
  'lash|lashes|lashed',
  'fume|fumes|fumed',
  'rant|rants|ranted',
  'cheer|cheers|cheered',
  'chant|chants|chanted',
  'preach|preaches|preached',
  'pitch|pitches|pitched',
  'press|presses|pressed',
  'propose|proposes|proposed',
  'recommend|recommends|recommended',
  'advise|advises|advised',
  'caution|cautions|cautioned',
  'inform|informs|informed',
  'quote|quotes|quoted',
  'cite|cites|cited',
  'recite|recites|recited',
  'characterize|characterizes|characterized|characterise|characterised',
  'deem|deems|deemed',
  'dub|dubs|dubbed',
  'brand|brands|branded',
  'opine|opines|opined',
  'reason|reasons|reasoned',
  'surmise|surmised',
  'speculate|speculates|speculated',
  'expect|expects|expected',
  'hail|hails|hailed',
  'welcome|welcomes|welcomed',
  'applaud|applauds|applauded',
  'regret|regrets|regretted',
  'apologi[sz]e|apologi[sz]es|apologi[sz]ed',
  'envision|envisions|envisioned',
  'pray|prays|prayed',
  'point(?:s|ed)? out',
  'put it',
  'went on',
  'go(?:es)? on',
  'scold|scolds|scolded',
  'admonish|admonishes|admonished',
  'attack|attacks|attacked',
  'sing|sings|sang',
  'wonder|wonders|wondered',
  'vent|vents|vented',
  'gush|gushes|gushed',
  'rave|raves|raved',
  'grumble|grumbles|grumbled',
  'murmur|murmurs|murmured',
  'interject|interjects|interjected',
  'interrupt|interrupts|interrupted',
  'begin|begins|began',
  'liken|likens|likened',
  'laud|lauds|lauded',
  'rule|rules|ruled',
  'echo|echoes|echoed',
  'question|questions|questioned',
  'pan|pans|panned',
  'hammer|hammers|hammered',
  'assail|assails|assailed',
  'rip|rips|ripped',
  'bash|bashes|bashed',
  'knock|knocks|knocked',
  'denounce|denounces|denounced',
  'lambast|lambasts|lambasted|lambaste|lambastes',
  'castigate|castigates|castigated',
  'ridicule|ridicules|ridiculed',
  'reads',
  // "The club issued a statement: “…”": putting out a statement is saying it.
  '(?:issue|issues|issued|release|releases|released|put out|puts out) (?:a|an|its|his|her|their) (?:statement|apology)',

];

/** Verbs that report speech only with a particular complement ("called for", "described as"). */
const SPEECH = VERBS.join('|');

export const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH})\\b`, 'iu');
export const SPEECH_VERB_GLOBAL = new RegExp(`\\b(?:${SPEECH})\\b`, 'giu');

// The same patterns without the `u` flag, which makes case-insensitive matching several times slower.
// They find exactly the same matches in a text without ſ (long s) or K (Kelvin sign), the only
// characters that Unicode case folding turns into ASCII letters (and so into word characters).
const SPEECH_VERB_ASCII = new RegExp(`\\b(?:${SPEECH})\\b`, 'i');
const SPEECH_VERB_ASCII_GLOBAL = new RegExp(`\\b(?:${SPEECH})\\b`, 'gi');
const FOLDS_TO_ASCII = /[\u017F\u212A]/;

/** The first verb of saying in `text`: `SPEECH_VERB.exec(text)`, faster. */
export const findSpeechVerb = (text: string): RegExpExecArray | null => (FOLDS_TO_ASCII.test(text) ? SPEECH_VERB : SPEECH_VERB_ASCII).exec(text);

/** Every verb of saying in `text`: `text.matchAll(SPEECH_VERB_GLOBAL)`, faster. */
export const speechVerbsIn = (text: string): Iterable<RegExpExecArray> => matchesOf(text, FOLDS_TO_ASCII.test(text) ? SPEECH_VERB_GLOBAL : SPEECH_VERB_ASCII_GLOBAL);

/** Weak verbs that report speech only in some uses; they never attribute a quote standing alone. */
export const WEAK_VERBS = /^(?:believe|believes|believed|think|thinks|thought|hope|hopes|hoped|fear|fears|feared|want|wants|wanted|expect|expects|expected|continued|state|states|post|posts|posted|report|reports|reported|press|presses|pressed|pitch|pitches|pitched|reason|reasons|reasoned|call|calls|called|calling|charge|charges|charged|counter|counters|countered|speak|speaks|spoke|promote|promotes|promoted|quote|quotes|quoted|cite|cites|cited|describe|describes|described|describing|dub|dubs|dubbed|brand|brands|branded|label|labels|labeled|labelled|deem|deems|deemed|characterize|characterizes|characterized|characterise|characterised)$/i;

/** Phrases that introduce speech without a verb of saying. */
export const ACCORDING_TO = /\baccording to\b/iu;
export const QUOTED_AS_SAYING = /\b(?:quoted as saying|in a statement|in an interview|in a tweet|on Twitter|in remarks)\b/iu;

// Past forms and participles are verbs, as are phrases ("pointed out", "went on"): only a
// present form ("tweets", "claims", "record") can be a noun.
const PAST_OR_PARTICIPLE = /(?:ed|ing|said|told|wrote|written|spoke|thought|sang|began|pled|\s\p{L}+)$/iu;
const DETERMINER_BEFORE = /(?:^|\s)(?:the|a|an|his|her|their|its|our|my|your|this|these|those|\p{L}+['’]s|\p{L}+s['’])\s+(?:\S+\s+){0,3}$/iu;

/**
 * A verb of saying in a present form after a determiner or a possessive may be a noun: "Trump’s
 * early-morning tweets accusing her", "a criminal record". Past forms are always verbs; the
 * tagger reads the rest in their phrase (`before` is the text before the match, `after` after it).
 */
export function isNounUse(before: string, verb: string, after: string): boolean {
  if (PAST_OR_PARTICIPLE.test(verb)) return false;
  const lead = DETERMINER_BEFORE.exec(before.slice(-60));
  if (!lead) return false;
  // Right after an article or a possessive ("his remarks", "Trump's tweets") the word is a noun;
  // the tagger is asked only where words stand between ("the president tweets that").
  if (/^\s*(?:the|a|an|his|their|its|our|my|your|these|those|\p{L}+['’]s|\p{L}+s['’])\s+$/iu.test(lead[0])) return true;
  const tail = after.split(/\s+/).slice(0, 4).join(' ');
  return taggedAsNoun(`${lead[0].trim()} ${verb} ${tail}`, verb);
}

const POSSESSIVE_NAME = /^(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s?\s/u;

/**
 * Whether the name that opens `text` (the rest of its sentence) is followed by a verb of saying it
 * governs: "Chinni, a pollster, said", not "Trump’s statement said", nor "Smith believes".
 */
export function speaksAfterName(text: string): boolean {
  if (POSSESSIVE_NAME.test(text)) return false;
  const verb = findSpeechVerb(text);
  if (verb === null) return false;
  const after = text.slice(verb.index + verb[0].length);
  // "Pepper called the decision a “huge win”": a weak verb speaks when a quote follows it.
  if (WEAK_VERBS.test(verb[0]) && !/[“"]/u.test(after)) return false;
  return !isNounUse(text.slice(0, verb.index), verb[0], after);
}
