// One article's text → its record, before the archive links it to the others: the pipeline of
// pure steps paragraphs → headline and dateline → quotes → speakers → date.
import type { AlternativeSpeaker, ArticleRecord, AttributionRule, Message, Paragraph, Quote, QuoteKind, Speaker, TitleSource } from '../record.ts';
import type { FrontMatter } from '../read/front-matter.ts';
import { lineColumn, message } from '../read/messages.ts';
import { attributionProposals, type FoundAttribution, type Proposal } from './attribute-quotes.ts';
import { CandidateFinder, candidateKey, NOBODY, type QuoteSituation, type SpeakerCandidate } from './speaker-candidates.ts';
import { defaultModel, rankCandidates, sieveOrder, type AttributionModel, type RankedCandidate } from './speaker-ranker.ts';
import { classifyBlocks } from './classify-blocks.ts';
import { parseEdtf, precisionOf, toEdtf, type SimpleDate } from '../read/edtf.ts';
import { findDateline, findTextDate, resolveWeekday } from './find-dates.ts';
import { findQuotes } from './find-quotes.ts';
import { gatherEntities, slugify, SpeakerResolver, type Entity, type EntityTable } from './resolve-speakers.ts';
import type { Range } from './sentences.ts';
import { splitBlocks, toParagraphs } from './split-paragraphs.ts';
import { splitQuotes, type QuoteCandidate } from './split-quotes.ts';
import { defaultSpeechModel, punctuationOutside, SPEECH_THRESHOLD, speechFeatures, speechProbability, type SpeechModel } from './speech-spans.ts';

export interface ArticleInputText {
  /** The file as given, for messages and the record's `source`. */
  source: string;
  slug: string;
  format: 'markdown' | 'text';
  body: string;
  /** Where the body starts in the file (after front matter), to report file lines. */
  bodyOffset: number;
  fileText: string;
  frontMatter: FrontMatter;
}

export interface ExtractedArticle {
  record: ArticleRecord;
  /** A dateline's month and day whose year must come from the rest of the archive. */
  yearless: { month: number; day: number } | null;
}

function titleOf(paragraphs: Paragraph[], fm: FrontMatter): { title: string | null; titleSource: TitleSource | null } {
  const headline = paragraphs.find((p) => p.role === 'headline');
  if (headline) return { title: headline.text, titleSource: 'text' };
  if (fm.title) return { title: fm.title, titleSource: 'front-matter' };
  return { title: null, titleSource: null };
}

function kindOf(body: string, c: QuoteCandidate, paragraphs: Paragraph[]): QuoteKind {
  const first = c.parts[0]!;
  const para = paragraphs[first.paragraph]!;
  // Only the words just before the quote matter (and a paragraph may be a megabyte long).
  const before = body.slice(Math.max(para.start, first.start - 40), first.start).replace(/["“”„«»‘’'`\s]+$/u, '');
  const atParagraphStart = /^\W*$/u.test(body.slice(para.start, Math.min(first.start, para.start + 8)));
  const text = body.slice(first.start, c.parts.at(-1)!.end);
  const opensSentence = (atParagraphStart && first.start - para.start < 8) || /(?:[.!?:…]|,|[–—―-]|\b(?:said|says|added|told \S+|asked|wrote|tweeted))$/iu.test(before);
  const startsUpper = /^[\p{Lu}\p{N}]/u.test(text) || /^['"‘“…]/u.test(text);
  return opensSentence && startsUpper && text.split(/\s+/).length >= 3 ? 'direct' : 'partial';
}

function quoteRangesByParagraph(candidates: QuoteCandidate[], paragraphs: Paragraph[]): Map<number, Range[]> {
  const map = new Map<number, Range[]>();
  for (const c of candidates) {
    for (const p of c.parts) {
      const para = paragraphs[p.paragraph]!;
      const list = map.get(para.index) ?? [];
      list.push({ start: Math.max(0, p.start - para.start - 1), end: Math.min(para.text.length, p.end - para.start + 1) });
      map.set(para.index, list);
    }
  }
  return map;
}

function speakerOf(e: Entity): Speaker {
  return { id: slugify(e.name), name: e.name, kind: e.kind, roles: [...e.roles], aliases: [...e.aliases] };
}

const round = (p: number) => Math.round(p * 1000) / 1000;

function speakerOfResolved(resolved: { entity: Entity | null; unnamedRole: string | null }, slug: string): Speaker | null {
  if (resolved.entity) return speakerOf(resolved.entity);
  return resolved.unnamedRole ? unnamedSpeaker(resolved.unnamedRole, slug) : null;
}

/** The rule that explains a ranked choice: the proposal's rule, a carried-over speaker, or the text around. */
function ruleOf(chosen: SpeakerCandidate): AttributionRule {
  if (chosen.proposal) return chosen.proposal.rule;
  if (chosen.key === NOBODY) return 'none';
  return chosen.features.includes('previous-speaker') ? 'carry-over' : 'context';
}

/** The other candidates, named once every mention is resolved (a name may still grow: "Morris" → "Haley Morris"). */
function alternativesOf(ranked: RankedCandidate[]): AlternativeSpeaker[] {
  return ranked.slice(1, 4).filter((r) => r.probability >= 0.01).map(({ candidate: c, probability }) => ({
    name: c.entity?.name ?? (c.unnamedRole ? `unnamed ${c.unnamedRole}` : null),
    score: round(probability),
  }));
}

function unnamedSpeaker(role: string, slug: string): Speaker {
  const name = `unnamed ${role}`;
  return { id: `${slug}--${slugify(name)}`, name, kind: 'unnamed', roles: [role], aliases: [`the ${role}`] };
}

interface Dated {
  date: SimpleDate | null;
  source: ArticleRecord['dateSource'];
  yearless: { month: number; day: number } | null;
}

function dateOf(fm: FrontMatter, paragraphs: Paragraph[]): Dated {
  const fromFm = fm.date ? parseEdtf(fm.date) : null;
  if (fromFm) return { date: fromFm, source: 'front-matter', yearless: null };
  const dateline = findDateline(paragraphs);
  if (dateline?.date?.year) return { date: { year: dateline.date.year, month: dateline.date.month, day: dateline.date.day }, source: 'dateline', yearless: null };
  const text = findTextDate(paragraphs.filter((p) => p.role !== 'furniture'));
  if (text) return { date: text, source: 'text', yearless: null };
  if (dateline?.date) return { date: null, source: null, yearless: { month: dateline.date.month, day: dateline.date.day } };
  return { date: null, source: null, yearless: null };
}

export interface ExtractOptions {
  /** The speaker model; null ranks by the sieve alone (as training reads features). Default: the committed model. */
  ranker?: AttributionModel | null;
  /** Sees every quote with its ranked candidates (training and review read them). */
  onCandidates?: (quote: Quote, ranked: RankedCandidate[]) => void;
  /** The model that tells speech from titles and terms in quote marks; null keeps every quoted stretch (as training reads features). Default: the committed model. */
  speech?: SpeechModel | null;
  /** Sees every quoted stretch outside captions with its features, before the speech model decides. */
  onSpan?: (text: string, features: string[]) => void;
}

export function extractArticle(input: ArticleInputText, options: ExtractOptions = {}): ExtractedArticle {
  const { body, slug } = input;
  const messages: Message[] = [];
  const at = (offset: number) => lineColumn(input.fileText, input.bodyOffset + offset);
  const blocks = splitBlocks(body, input.format);
  const roles = classifyBlocks(blocks.map((b) => body.slice(b.start, b.end)), blocks.map((b) => b.heading));
  const paragraphs = toParagraphs(body, blocks, roles);
  const dateline = findDateline(paragraphs);

  const found = findQuotes(body, paragraphs);
  for (const q of found.filter((f) => f.unclosed)) {
    messages.push(message('warning', 'unclosed-quote', 'A quote mark opens here and never closes; the quote was ended at its paragraph. Check the closing mark.', input.source, at(q.parts[0]!.start - 1)));
  }
  const candidates = splitQuotes(body, found);
  const proposals = attributionProposals({ candidates, paragraphs, body });
  const attributions: FoundAttribution[] = proposals.map((list, i) => list[0] ?? { rule: 'none', mention: null, cue: null, at: candidates[i]!.parts[0]!.start });
  const ranges = quoteRangesByParagraph(candidates, paragraphs);
  const named = attributions.flatMap((a) => (a.mention?.kind === 'name' ? [{ name: a.mention.name, roles: a.mention.roles, at: a.at }] : []));
  const table = gatherEntities(paragraphs, ranges, named);
  const resolver = new SpeakerResolver(table, paragraphs, ranges, body);
  const ranker = options.ranker === undefined ? defaultModel() : options.ranker;
  const speech = options.speech === undefined ? defaultSpeechModel() : options.speech;
  const { quotes, speakers } = attributeSpeakers({ body, slug, paragraphs, candidates, proposals, attributions, table, resolver, ranker, speech, punctuationOutside: punctuationOutside(body), options });
  for (const q of quotes) if (q.speakerId === null) messages.push(message('warning', 'no-speaker', `No speaker found for the quote “${q.text.slice(0, 40)}…”`, input.source, at(q.start)));

  const dated = dateOf(input.frontMatter, paragraphs);
  const { title, titleSource } = titleOf(paragraphs, input.frontMatter);
  const record: ArticleRecord = {
    slug,
    source: input.source,
    title,
    titleSource,
    date: dated.date ? toEdtf(dated.date) : null,
    datePrecision: dated.date ? precisionOf(dated.date) : null,
    dateSource: dated.source,
    dateline: input.frontMatter.dateline ?? dateline?.place ?? null,
    url: input.frontMatter.url ?? null,
    outlet: input.frontMatter.outlet ?? null,
    author: input.frontMatter.author ?? null,
    body,
    paragraphs,
    speakers,
    quotes,
    messages,
  };
  dateQuotes(record);
  return { record, yearless: dated.yearless };
}

interface SpeakerContext {
  body: string;
  slug: string;
  paragraphs: Paragraph[];
  candidates: QuoteCandidate[];
  proposals: Proposal[][];
  attributions: FoundAttribution[];
  table: EntityTable;
  resolver: SpeakerResolver;
  ranker: AttributionModel | null;
  speech: SpeechModel | null;
  /** The article's style of closing a quote (see speech-spans.ts). */
  punctuationOutside: boolean;
  options: ExtractOptions;
}

/** Each quote that is speech, with the speaker the ranker chose; the speakers under their final names. */
function attributeSpeakers(ctx: SpeakerContext): { quotes: Quote[]; speakers: Speaker[] } {
  const { body, paragraphs, resolver } = ctx;
  const finder = new CandidateFinder(ctx.table, resolver, paragraphs, body);
  const speakers = new Map<string, Speaker>();
  const quotes: Quote[] = [];
  // The sieve's speaker of the previous quote: a feature of the next one, never the ranker's choice,
  // so that features do not depend on the model that weighs them.
  let previous: { key: string; unnamedRole: string | null; paragraph: number; end: number } | null = null;
  const quotedBefore = new Set<string>();
  const weighed: RankedCandidate[][] = [];
  const quotesIn = new Map<number, number>();
  for (const c of ctx.candidates) quotesIn.set(c.parts[0]!.paragraph, (quotesIn.get(c.parts[0]!.paragraph) ?? 0) + 1);
  const nextOf = (i: number): QuoteSituation['next'] => {
    const [c, next] = [ctx.candidates[i]!, ctx.candidates[i + 1]];
    const mention = next ? ctx.attributions[i + 1]!.mention : null;
    if (!next || !mention) return null;
    const key = candidateKey(resolver.lookup(mention, ctx.attributions[i + 1]!.at));
    return { key, sameParagraph: next.parts[0]!.paragraph === c.parts.at(-1)!.paragraph };
  };
  ctx.candidates.forEach((c, i) => {
    let attribution = ctx.attributions[i]!;
    const first = c.parts[0]!;
    const last = c.parts.at(-1)!;
    const sieveResolved = attribution.mention ? resolver.lookup(attribution.mention, attribution.at) : null;
    let sieveKey = sieveResolved ? candidateKey(sieveResolved) : NOBODY;
    let sieveRole = sieveResolved?.entity ? null : (sieveResolved?.unnamedRole ?? null);
    const continuation = previous !== null && isContinuation(body, paragraphs, previous, first);
    // An unattributed quote right after an attributed one keeps its speaker.
    if (!attribution.mention && previous && previous.key !== NOBODY && continuation) {
      sieveKey = previous.key;
      sieveRole = previous.unnamedRole;
      attribution = { rule: 'carry-over', mention: null, cue: null, at: first.start };
    }
    if (!isSpeech(ctx, i, attribution, quotesIn)) return;
    const situation: QuoteSituation = {
      start: first.start,
      end: last.end,
      text: body.slice(first.start, last.end),
      proposals: ctx.proposals[i]!,
      previous: previous && { key: previous.key, unnamedRole: previous.unnamedRole, continuation, sameParagraph: previous.paragraph === first.paragraph },
      next: nextOf(i),
      quotedBefore,
    };
    const candidates = finder.candidates(situation);
    const ranked = ctx.ranker ? rankCandidates(ctx.ranker, candidates) : sieveOrder(candidates);
    const quote = chosenQuote(ctx, c, ranked, `${ctx.slug}/q${quotes.length + 1}`, speakers);
    quotes.push(quote);
    weighed.push(ranked);
    ctx.options.onCandidates?.(quote, ranked);
    previous = { key: sieveKey, unnamedRole: sieveRole, paragraph: last.paragraph, end: last.end };
    if (sieveKey !== NOBODY) quotedBefore.add(sieveKey);
  });
  const final = finalSpeakers(ctx.table, speakers, quotes);
  quotes.forEach((q, i) => (q.attribution.alternatives = alternativesOf(weighed[i]!)));
  return { quotes, speakers: final };
}

/** Captions and furniture are never speech; elsewhere the speech model decides (null: every stretch is kept). */
function isSpeech(ctx: SpeakerContext, i: number, attribution: FoundAttribution, quotesIn: Map<number, number>): boolean {
  const c = ctx.candidates[i]!;
  const first = c.parts[0]!;
  const last = c.parts.at(-1)!;
  const paragraph = ctx.paragraphs[first.paragraph]!;
  if (paragraph.role === 'caption' || paragraph.role === 'furniture') return false;
  const features = speechFeatures({
    body: ctx.body,
    paragraph,
    start: first.start,
    end: last.end,
    parts: c.parts.length,
    single: c.single,
    unclosed: c.unclosed,
    rule: attribution.rule,
    proposals: ctx.proposals[i]!.length,
    kind: kindOf(ctx.body, c, ctx.paragraphs),
    quotesInParagraph: quotesIn.get(first.paragraph) ?? 1,
    punctuationOutside: ctx.punctuationOutside,
  });
  ctx.options.onSpan?.(ctx.body.slice(first.start, last.end), features);
  // A quote cut around its own attribution ("…, – said Peskov. – …") is speech: the text says so.
  return ctx.speech === null || c.inside !== undefined || speechProbability(ctx.speech, features) >= SPEECH_THRESHOLD;
}

/** The quote's record with the top candidate as its speaker (recorded in `speakers`). */
function chosenQuote(ctx: SpeakerContext, c: QuoteCandidate, ranked: RankedCandidate[], id: string, speakers: Map<string, Speaker>): Quote {
  const first = c.parts[0]!;
  const last = c.parts.at(-1)!;
  const chosen = ranked[0]!.candidate;
  const resolved = chosen.proposal ? ctx.resolver.resolve(chosen.proposal.mention!, chosen.proposal.at) : chosen;
  const speaker = speakerOfResolved(resolved, ctx.slug);
  if (speaker) speakers.set(speaker.id, speaker);
  return {
    id,
    text: ctx.body.slice(first.start, last.end),
    speakerId: speaker?.id ?? null,
    kind: kindOf(ctx.body, c, ctx.paragraphs),
    paragraph: first.paragraph,
    start: first.start,
    end: last.end,
    parts: c.parts,
    attribution: {
      rule: ranked[0]!.undecided ? 'undecided' : ruleOf(chosen),
      mention: chosen.proposal?.mention?.text ?? null,
      cue: chosen.proposal?.cue ?? null,
      confidence: round(ranked[0]!.probability),
      alternatives: [],
    },
    date: null,
    statement: null,
  };
}

/** Speakers' final names are known only after every mention is resolved: quotes take their ids. */
function finalSpeakers(table: EntityTable, speakers: Map<string, Speaker>, quotes: Quote[]): Speaker[] {
  const final = new Map<string, Speaker>();
  for (const e of table.entities) {
    const s = speakerOf(e);
    for (const [id, old] of speakers) if (old.kind !== 'unnamed' && (old.name === e.name || e.aliases.includes(old.name))) {
      for (const q of quotes) if (q.speakerId === id) q.speakerId = s.id;
      final.set(s.id, s);
    }
  }
  for (const [id, s] of speakers) if (s.kind === 'unnamed') final.set(id, s);
  return [...final.values()];
}

function isContinuation(body: string, paragraphs: Paragraph[], previous: { paragraph: number; end: number }, first: { paragraph: number; start: number }): boolean {
  if (first.paragraph === previous.paragraph) return true;
  const para = paragraphs[first.paragraph]!;
  const between = paragraphs.slice(previous.paragraph + 1, first.paragraph).filter((p) => p.role === 'body');
  return between.length === 0 && /^\W*$/u.test(body.slice(para.start, first.start));
}

/** Each quote's date: a weekday in its sentence resolved against the article's date, else the article's. */
export function dateQuotes(record: ArticleRecord): void {
  const date = record.date ? parseEdtf(record.date) : null;
  for (const q of record.quotes) {
    const para = record.paragraphs[q.paragraph];
    const weekday = date && para ? resolveWeekday(para.text, date) : null;
    q.date = weekday ? toEdtf(weekday) : record.date;
  }
}
