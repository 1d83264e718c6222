// The people a quote could be given to, each described by features the speaker ranker weighs.
// Candidates are every person or organisation the sieve's rules propose (each rule's mention,
// resolved) and everyone named in the writer's text near the quote, plus "nobody". Features are
// names of facts, all true or absent: which rules point at the candidate, where it is named
// relative to the quote, what kind of name it is, whether it spoke just before. They hold no text.
import type { Paragraph } from '../record.ts';
import type { Proposal } from './attribute-quotes.ts';
import { nameTypes } from './entity-types.ts';
import { opensMainClause, possessesNext } from './mentions.ts';
import type { Entity, EntityTable, Resolved, SpeakerResolver } from './resolve-speakers.ts';
import { isInstitutionRole, speaksAt, surnameOf } from './resolve-speakers.ts';
import { firstFrom, lastAtOrBefore, lastBelow } from './sorted.ts';

export interface SpeakerCandidate {
  /** One key per person, unnamed role or nobody, so that several rules naming one person meet. */
  key: string;
  entity: Entity | null;
  unnamedRole: string | null;
  /** The most reliable proposal that names this candidate; null for one found only nearby. */
  proposal: Proposal | null;
  /** Every proposal that names it, most reliable first. */
  proposals: Proposal[];
  features: string[];
}

/** Where a quote stands and what came before it, as the candidates' features need it. */
export interface QuoteSituation {
  /** Body offsets of the quoted words (first part's start, last part's end). */
  start: number;
  end: number;
  text: string;
  proposals: Proposal[];
  /** The key of the speaker the sieve gave the previous quote, and whether this one continues it. */
  previous: { key: string; unnamedRole: string | null; continuation: boolean; sameParagraph: boolean } | null;
  /** Keys of the speakers the sieve gave earlier quotes of the article. */
  quotedBefore: ReadonlySet<string>;
  /** The key of the speaker the sieve gives the next quote, and whether it stands in this quote's paragraph. */
  next: { key: string; sameParagraph: boolean } | null;
}

export const NOBODY = 'nobody';

/** The people named nearest before the quote opens and after it closes. */
interface Nearest {
  before: Entity | null;
  after: Entity | null;
  /** The person who opened the latest sentence before the quote that a person opens. */
  subject: Entity | null;
}

export function candidateKey(resolved: Resolved): string {
  if (resolved.entity) return `${resolved.entity.kind}:${resolved.entity.name.toLowerCase()}`;
  if (resolved.unnamedRole) return `unnamed:${resolved.unnamedRole.toLowerCase()}`;
  return NOBODY;
}

const bucket = (n: number, edges: number[]): string => {
  const i = edges.findIndex((e) => n <= e);
  return i < 0 ? `${edges.at(-1)}+` : String(edges[i]);
};

/** What one article's text gives every quote's candidates: its people and its layout. */
export class CandidateFinder {
  private readonly paragraphStarts: number[];
  private readonly firstPerson: Entity | null;
  private readonly mostNamed: Entity | null;
  private readonly subjects = new Map<Entity, number[]>();

  constructor(
    private readonly table: EntityTable,
    private readonly resolver: SpeakerResolver,
    paragraphs: Paragraph[],
    private readonly body: string,
  ) {
    this.paragraphStarts = paragraphs.map((p) => p.start);
    const people = table.entities.filter((e) => e.kind === 'person' && e.positions.length > 0);
    this.firstPerson = [...people].sort((a, b) => a.positions[0]! - b.positions[0]!)[0] ?? null;
    this.mostNamed = [...people].sort((a, b) => b.positions.length - a.positions.length)[0] ?? null;
  }

  private paragraphOf(at: number): number {
    return lastAtOrBefore(this.paragraphStarts, at);
  }

  private sentenceOf(at: number): number {
    return lastAtOrBefore(this.resolver.sentenceStarts, at);
  }

  /** Every candidate for one quote, with its features; "nobody" is always among them. */
  candidates(q: QuoteSituation): SpeakerCandidate[] {
    const byKey = new Map<string, SpeakerCandidate>();
    const nobody: SpeakerCandidate = { key: NOBODY, entity: null, unnamedRole: null, proposal: null, proposals: [], features: ['nobody'] };
    byKey.set(NOBODY, nobody);
    this.addProposed(q, byKey);
    this.addNearby(q, byKey);
    this.addFarPreviousSpeaker(q, byKey);
    // “…,” the official said. ¶ “…”: a quote that goes on from an unnamed source's is theirs too.
    if (q.previous?.unnamedRole && q.previous.continuation && !byKey.has(q.previous.key)) {
      byKey.set(q.previous.key, { key: q.previous.key, entity: null, unnamedRole: q.previous.unnamedRole, proposal: null, proposals: [], features: ['carried-unnamed'] });
    }
    if (q.proposals.length === 0) nobody.features.push('nobody:no-rule');
    const nearest = { before: this.nearestBefore(q.start), after: this.nearestAfter(q.end), subject: this.lastSubjectBefore(q.start) };
    const pronoun = this.pronounContext(q);
    if (pronoun) this.addAntecedents(q, pronoun, byKey);
    for (const c of byKey.values()) {
      if (c.key === NOBODY) continue;
      c.features.push(...this.describe(c, q, nearest));
      if (pronoun && c.entity) c.features.push(...pronounFeatures(pronoun, c.entity));
      // "“…,” said Leslie Wimes. … “…,” she said.": a pronoun most often goes on with whoever spoke last.
      if (pronoun && c.entity && q.previous?.key === c.key) c.features.push(c.entity.gender === pronoun.gender ? 'pronoun:previous-speaker-agrees' : 'pronoun:previous-speaker');
    }
    return [...byKey.values()];
  }

  private addProposed(q: QuoteSituation, byKey: Map<string, SpeakerCandidate>): void {
    q.proposals.forEach((p, i) => {
      const resolved = this.resolver.lookup(p.mention!, p.at);
      const key = candidateKey(resolved);
      let c = byKey.get(key);
      if (!c) {
        c = { key, entity: resolved.entity, unnamedRole: resolved.unnamedRole, proposal: p, proposals: [], features: [] };
        byKey.set(key, c);
      }
      c.proposal ??= p;
      c.proposals.push(p);
      const kind = p.mention!.kind;
      const reached = resolved.how ? `${kind}-by-${resolved.how}` : resolved.unnamedRole ? `${kind}-unnamed${unnamedHow(p.mention!.text, resolved.unnamedRole)}` : kind;
      c.features.push(`rule:${p.source}`, `rule:${p.source}:${kind}`, `reached:${reached}`);
      if (i === 0) c.features.push('sieve-choice', `sieve-choice:${reached}`);
      if (kind === 'pronoun' && resolved.entity) c.features.push(...agreement(p.mention!, resolved.entity));
    });
    const proposed = [...byKey.values()].filter((c) => c.proposal);
    for (const c of proposed) if (c.features.filter((f) => /^rule:[^:]+$/.test(f)).length > 1) c.features.push('rules:several');
  }

  /** People and organisations named in the writer's text from two paragraphs before to one after. */
  private addNearby(q: QuoteSituation, byKey: Map<string, SpeakerCandidate>): void {
    const from = this.paragraphStarts[Math.max(0, this.paragraphOf(q.start) - 2)] ?? 0;
    const to = this.paragraphStarts[this.paragraphOf(q.end) + 2] ?? Number.POSITIVE_INFINITY;
    for (const e of this.table.entities) {
      const inReach = firstFrom(e.positions, from);
      if (e.kind === 'unnamed' || inReach === undefined || inReach >= to) continue;
      const key = candidateKey({ entity: e, unnamedRole: null });
      if (!byKey.has(key)) byKey.set(key, { key, entity: e, unnamedRole: null, proposal: null, proposals: [], features: ['nearby-only', ...this.beside(q, e)] });
    }
  }

  /**
   * “…” ¶ “…” ¶ “…”: a run of quote paragraphs goes on with the speaker of the one before, however
   * many paragraphs back they were named (addNearby reaches two).
   */
  private addFarPreviousSpeaker(q: QuoteSituation, byKey: Map<string, SpeakerCandidate>): void {
    const previous = q.previous;
    if (!previous?.continuation || previous.unnamedRole || byKey.has(previous.key)) return;
    const e = this.table.entities.find((x) => candidateKey({ entity: x, unnamedRole: null }) === previous.key);
    if (e) byKey.set(previous.key, { key: previous.key, entity: e, unnamedRole: null, proposal: null, proposals: [], features: ['nearby-only', 'far-previous-speaker', ...this.beside(q, e)] });
  }

  /**
   * "she says" three paragraphs after the woman was last named: the people a pronoun could stand
   * for are candidates however far back they were named (the latest three of its gender).
   */
  private addAntecedents(q: QuoteSituation, pronoun: PronounContext, byKey: Map<string, SpeakerCandidate>): void {
    for (const [e, rank] of pronoun.compatible) {
      const key = candidateKey({ entity: e, unnamedRole: null });
      if (rank > 2 || byKey.has(key)) continue;
      byKey.set(key, { key, entity: e, unnamedRole: null, proposal: null, proposals: [], features: ['nearby-only', 'far-antecedent', ...this.beside(q, e)] });
    }
  }

  /**
   * When the sieve's mention is "he" or "she": the people who could be meant, ranked by how recently
   * the writer named them before the pronoun (the same gender, or a gender not known), and the one
   * of them who spoke last (named before a verb of saying).
   */
  private pronounContext(q: QuoteSituation): PronounContext | null {
    const first = q.proposals[0];
    const mention = first?.mention;
    if (!first || mention?.kind !== 'pronoun' || (mention.gender !== 'male' && mention.gender !== 'female')) return null;
    const gender = mention.gender;
    const latest: Array<{ e: Entity; at: number }> = [];
    for (const e of this.table.entities) {
      if (e.kind !== 'person' || (e.gender !== 'unknown' && e.gender !== gender)) continue;
      const at = lastBelow(e.positions, first.at);
      if (at !== undefined) latest.push({ e, at });
    }
    latest.sort((a, b) => b.at - a.at);
    const compatible = new Map(latest.map((l, i) => [l.e, i]));
    const same = new Map(latest.filter((l) => l.e.gender === gender).map((l, i) => [l.e, i]));
    // Who spoke last: the latest mention, among the people it could be, followed by a verb of saying.
    let speaker: Entity | null = null;
    let speakerAt = -1;
    for (const { e } of latest.slice(0, 4)) {
      for (let i = e.positions.length - 1; i >= 0; i--) {
        const at = e.positions[i]!;
        if (at >= first.at) continue;
        if (at <= speakerAt) break;
        if (this.speaksAt(at)) {
          speaker = e;
          speakerAt = at;
          break;
        }
      }
    }
    return { gender, compatible, same, speaker, insideSameGender: thirdPerson(q.text, gender) };
  }

  /** What a bystander stands beside: the sieve's mention, and whether a pronoun could be them. */
  private beside(q: QuoteSituation, e: Entity): string[] {
    const first = q.proposals[0]?.mention;
    if (!first) return ['nearby-only:no-rule'];
    const f = [`nearby-only:beside-${first.kind}`];
    // "Peskov said that Assad is “the only force…”": named between the source and the quote, in the
    // words reported, not the one who reports them.
    const at = q.proposals[0]!.at;
    const next = firstFrom(e.positions, at + 1);
    if (at < q.start && next !== undefined && next < q.start && this.sentenceOf(next) === this.sentenceOf(at)) f.push('nearby-only:between-source-and-quote');
    if (first.kind === 'pronoun' && (first.gender === 'male' || first.gender === 'female')) {
      f.push(e.gender === 'unknown' ? 'nearby-only:pronoun-gender-unknown' : e.gender === first.gender ? 'nearby-only:pronoun-agrees' : 'nearby-only:pronoun-disagrees');
    }
    // "the senator said" beside someone the text calls a senator: a title shared with the role noun.
    if (first.kind === 'role' && sharesRoleWord(first.role, e.roles)) f.push('nearby-only:shares-role-word');
    return f;
  }

  /** The features of a candidate that do not depend on which rule named it. */
  private describe(c: SpeakerCandidate, q: QuoteSituation, nearest: Nearest): string[] {
    const f: string[] = [];
    if (q.previous?.key === c.key) {
      f.push('previous-speaker');
      // Continuing the previous speaker means most when nothing else in the text attributes the quote.
      if (q.previous.continuation) f.push(q.proposals.length === 0 ? 'previous-speaker:continues' : 'previous-speaker:continues-beside-rule');
      // A paragraph that is nothing but a quote, after a quote: the same voice going on.
      if (q.previous.continuation && this.quoteOnly(q)) f.push('previous-speaker:continues-quote-only-paragraph');
      if (q.previous.sameParagraph) f.push('previous-speaker:same-paragraph');
    }
    if (q.quotedBefore.has(c.key)) f.push('quoted-before');
    // "“We agree,” … “and we will say so,” Smith said.": the next quote's speaker, named after both.
    if (q.next && q.next.key === c.key && c.key !== NOBODY) f.push(q.next.sameParagraph ? 'next-speaker:same-paragraph' : 'next-speaker');
    if (c.proposal) f.push(...proposalPlacement(c.proposal, q));
    if (!c.entity) {
      f.push('unnamed');
      return f;
    }
    const e = c.entity;
    f.push(`kind:${e.kind}`);
    // Where a person is named means one thing for a rule's mention and another for a bystander.
    // And again under what the sieve's mention was: a person named beside "he said" may be who "he"
    // is; beside "Smith said" they are a bystander.
    const origin = c.proposal ? 'proposed' : 'nearby';
    const situation = q.proposals[0]?.mention?.kind ?? 'no-rule';
    for (const x of this.placement(e, q, nearest)) f.push(`${origin}:${x}`, `${origin}@${situation}:${x}`);
    f.push(`mentions:${bucket(e.positions.length, [0, 1, 3, 6])}`);
    if (nearest.subject === e) f.push(`${origin}:last-subject`, `${origin}@${situation}:last-subject`, `last-subject:sentences:${this.subjectDistance(e, q)}`);
    // A person first named just before the quote is likely the one it is about to quote.
    const first = e.positions[0];
    if (first !== undefined && first < q.start) f.push(`${origin}@${situation}:introduced:${bucket(this.paragraphOf(q.start) - this.paragraphOf(first), [0, 1, 2])}`);
    if (e === this.firstPerson) f.push('first-person-named');
    if (e === this.mostNamed) f.push('most-named');
    if (e.kind === 'person') {
      const types = nameTypes(e.name);
      f.push(`whole:${types.whole}`, `first-word:${types.first}`, `last-word:${types.last}`);
      for (const t of new Set(types.words)) f.push(`some-word:${t}`);
      if (!/\s/.test(e.name)) f.push('one-word-name');
      if (e.gender !== 'unknown') f.push('known-gender');
      if (e.personLike) f.push('person-like');
      if (e.roles.length > 0) f.push('has-role');
    } else {
      f.push(`org-whole:${nameTypes(e.name).whole}`);
    }
    if (namedInside(e, q.text)) f.push('named-inside-quote');
    return f;
  }

  /** Whether the quote's paragraph holds no words of the writer's around it. */
  private quoteOnly(q: QuoteSituation): boolean {
    const p = this.paragraphOf(q.start);
    const start = this.paragraphStarts[p] ?? 0;
    const end = this.paragraphStarts[p + 1] ?? this.body.length;
    return /^[\s\p{P}]*$/u.test(this.body.slice(start, q.start)) && /^[\s\p{P}]*$/u.test(this.body.slice(q.end, end));
  }

  /** How far before the quote a mention at `at` stands, in sentences, paragraphs and characters. */
  private namedBefore(at: number, q: QuoteSituation): string[] {
    const sentences = this.sentenceOf(q.start) - this.sentenceOf(at);
    const paragraphs = this.paragraphOf(q.start) - this.paragraphOf(at);
    return [`before:sentences:${bucket(sentences, [0, 1, 2, 4])}`, `before:paragraphs:${bucket(paragraphs, [0, 1, 2, 4])}`, `before:chars:${bucket(q.start - at, [40, 120, 300, 800])}`];
  }

  /** Where the candidate is named nearest the quote, before and after it. */
  private placement(e: Entity, q: QuoteSituation, nearest: Nearest): string[] {
    const f: string[] = [];
    const beforeAt = lastBelow(e.positions, q.start);
    const afterAt = firstFrom(e.positions, q.end);
    if (beforeAt === undefined && afterAt === undefined) f.push('not-named-nearby');
    if (beforeAt !== undefined) {
      f.push(...this.namedBefore(beforeAt, q));
      if (nearest.before === e) f.push('nearest-before');
      if (this.opensSentence(beforeAt)) f.push('before:opens-sentence');
      if (this.speaksAt(beforeAt)) f.push('before:speaks');
      if (this.objectAt(beforeAt)) f.push('before:object');
    }
    if (afterAt !== undefined) {
      const sentences = this.sentenceOf(afterAt) - this.sentenceOf(q.end);
      const paragraphs = this.paragraphOf(afterAt) - this.paragraphOf(q.end);
      f.push(`after:sentences:${bucket(sentences, [0, 1, 2])}`, `after:paragraphs:${bucket(paragraphs, [0, 1])}`);
      f.push(`after:chars:${bucket(afterAt - q.end, [40, 120, 300])}`);
      if (nearest.after === e) f.push('nearest-after');
      if (this.objectAt(afterAt)) f.push('after:object');
    }
    return f;
  }

  /**
   * "… in an interview with CNN’s Wolf Blitzer", "told Governor Ann Pike": a name after a
   * preposition or a verb of telling is whom it was said to or about, seldom who said it ("by" names
   * an agent, "of" a title: "reported by the Minister of Foreign Affairs of Russia Sergey Lavrov").
   */
  private objectAt(at: number): boolean {
    // Within the name's own sentence: "… spoke on Monday. Tom Ryan said" has no "on" before Ryan.
    const sentenceStart = this.resolver.sentenceStarts[this.sentenceOf(at)] ?? 0;
    return OBJECT_BEFORE.test(this.body.slice(Math.max(sentenceStart, at - 60), at));
  }

  private speaksAt(at: number): boolean {
    return speaksAt(this.body, this.resolver.sentenceStarts, at);
  }

  /** Is the name at `at` the first words of its sentence's main clause (a subject, most likely)? */
  private opensSentence(at: number): boolean {
    const start = this.resolver.sentenceStarts[this.sentenceOf(at)] ?? 0;
    return opensMainClause(this.body.slice(start, at)) && !possessesNext(this.body.slice(at, at + 200));
  }

  /** Where a person's name opens its sentence, worked out once per person (positions are sorted). */
  private subjectPositions(e: Entity): number[] {
    let list = this.subjects.get(e);
    if (!list) this.subjects.set(e, (list = e.positions.filter((p) => this.opensSentence(p))));
    return list;
  }

  /** How many sentences before the quote's the candidate last opened one, in buckets: 0, 1, 2 or more. */
  private subjectDistance(e: Entity, q: QuoteSituation): string {
    const at = lastBelow(this.subjectPositions(e), q.start);
    return at === undefined ? 'none' : bucket(this.sentenceOf(q.start) - this.sentenceOf(at), [0, 1, 2]);
  }

  /** The person who opened the latest sentence before `at` that a person opens. */
  private lastSubjectBefore(at: number): Entity | null {
    return this.closest(this.table.entities.filter((e) => e.kind === 'person'), (e) => lastBelow(this.subjectPositions(e), at), 'latest');
  }

  private nearestBefore(at: number): Entity | null {
    return this.closest(this.table.entities, (e) => lastBelow(e.positions, at), 'latest');
  }

  private nearestAfter(at: number): Entity | null {
    return this.closest(this.table.entities, (e) => firstFrom(e.positions, at), 'earliest');
  }

  /** Of `entities`, the one whose position (`positionOf`) is the latest or the earliest; the first on a tie. */
  private closest(entities: Entity[], positionOf: (e: Entity) => number | undefined, which: 'latest' | 'earliest'): Entity | null {
    let best: { e: Entity; p: number } | null = null;
    for (const e of entities) {
      const p = positionOf(e);
      if (p !== undefined && (!best || (which === 'latest' ? p > best.p : p < best.p))) best = { e, p };
    }
    return best?.e ?? null;
  }
}

/**
 * Where the rule's own mention stands: "“…,” the official said" puts it a few characters after the
 * quote, a subject four sentences back is far. An unnamed source has no other placement to go by.
 */
function proposalPlacement(p: Proposal, q: QuoteSituation): string[] {
  const side = p.at < q.start ? 'before' : 'after';
  const distance = bucket(side === 'before' ? q.start - p.at : p.at - q.end, [20, 60, 150, 400]);
  return [`proposal:${side}:${distance}`, `proposal@${p.source}:${side}:${distance}`];
}

const OBJECT_BEFORE = /\b(?:with|to|told|tells|asked|asks|thanked|urged|from|for|against|about|at|on)\s+(?:(?:the|\p{Lu}[\p{L}.'’-]*)\s+)*$/u;

interface PronounContext {
  gender: 'male' | 'female';
  /** Rank by latest mention before the pronoun among people of its gender or of no known gender. */
  compatible: Map<Entity, number>;
  /** The same among people of its gender. */
  same: Map<Entity, number>;
  speaker: Entity | null;
  /** The quote speaks of a "he" (or a "she") itself: someone else of that gender, often. */
  insideSameGender: boolean;
}

function pronounFeatures(p: PronounContext, e: Entity): string[] {
  const f: string[] = [];
  // "“I agree,” he said" is no woman's quote, whichever rule proposed her.
  if (e.kind === 'person' && e.gender !== 'unknown' && e.gender !== p.gender) f.push('pronoun:gender-differs');
  // "he said", "she said" are never an organisation's words.
  if (e.kind === 'organisation') f.push('pronoun:gender-differs');
  const compatible = p.compatible.get(e);
  if (compatible !== undefined) f.push(`pronoun:latest-compatible:${Math.min(compatible, 2)}`);
  const same = p.same.get(e);
  if (same !== undefined) f.push(`pronoun:latest-same-gender:${Math.min(same, 2)}`);
  if (p.speaker === e) f.push('pronoun:spoke-last');
  if (p.insideSameGender && e.gender === p.gender) f.push('pronoun:quote-speaks-of-same-gender');
  return f;
}

const THIRD_PERSON = { male: /\b(?:he|him|his|himself)\b/i, female: /\b(?:she|her|hers|herself)\b/i };
const thirdPerson = (text: string, gender: 'male' | 'female') => THIRD_PERSON[gender].test(text);

/** "a spokesman" is someone new; "the company" an institution: neither is a person named before. */
function unnamedHow(text: string, role: string): string {
  if (/^(?:a|an|another)\s/i.test(text)) return '-indefinite';
  return isInstitutionRole(role) ? '-institution' : '';
}

const ROLE_WORD_STOP = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'in', 'on', 'at', 'to', 'his', 'her', 'its', 'their', 'former', 'new']);

/** Whether a role noun and a person's roles share a content word ("senator", "director"). */
function sharesRoleWord(role: string, roles: readonly string[]): boolean {
  const words = role.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !ROLE_WORD_STOP.has(w));
  return roles.some((r) => r.toLowerCase().split(/[^\p{L}]+/u).some((w) => words.includes(w)));
}

/** Does a pronoun agree with the person it was resolved to? */
function agreement(mention: Proposal['mention'] & object, e: Entity): string[] {
  if (mention.kind !== 'pronoun' || mention.gender === 'unknown' || e.gender === 'unknown') return ['pronoun:gender-unknown'];
  return [e.gender === mention.gender ? 'pronoun:agrees' : 'pronoun:disagrees'];
}

/** A person whose surname (or an organisation whose name) stands in the quote's own words. */
function namedInside(e: Entity, text: string): boolean {
  const word = e.kind === 'person' ? surnameOf(e.name) : e.name.toLowerCase();
  if (word.length < 3) return false;
  const at = text.toLowerCase().indexOf(word);
  return at >= 0 && !/\p{L}/u.test(text[at + word.length] ?? '') && !/\p{L}/u.test(text[at - 1] ?? '');
}
