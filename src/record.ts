// The record contract: the single source of truth for everything downstream.
// An article file becomes one ArticleRecord; the archive is the records plus the people
// merged across them. Templates, feeds and the search index only read these types.

/** How much of a date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** Where a date came from, most trusted first. */
export type DateSource = 'front-matter' | 'dateline' | 'text' | 'inferred';

/** Where a title came from; `derived` marks a title the text never states as a headline. */
export type TitleSource = 'text' | 'front-matter' | 'derived';

/** What a block of the article is. Furniture and repeated captions are kept but never shown as text. */
export type ParagraphRole = 'headline' | 'dateline' | 'body' | 'subheading' | 'caption' | 'furniture';

export interface Paragraph {
  index: number;
  role: ParagraphRole;
  /** Offsets into `ArticleRecord.body` (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  text: string;
}

export type QuoteKind = 'direct' | 'partial';

/** The rule of the attribution sieve that chose a speaker; it makes every attribution explainable. */
export type AttributionRule =
  | 'inside-quote' // “…, – said Peskov. – …”
  | 'verb-after' // “…,” Peskov said.
  | 'verb-before' // Peskov said: “…”
  | 'dash-credit' // “…” ― Name
  | 'according-to' // according to X, “…”
  | 'sentence-subject' // partial quote inside the writer's sentence: its subject speaks
  | 'carry-over' // an unattributed quote following an attributed one
  | 'context' // no rule names anyone: the person the text around the quote is about (the ranker's choice)
  | 'undecided' // several people could have said it and the ranker favoured none: left without a speaker
  | 'correction' // the editor said who (articles/corrections.yml)
  | 'none';

/** Another speaker the ranker weighed for a quote, with its probability. */
export interface AlternativeSpeaker {
  /** The speaker's fullest name in the article, "unnamed …" for an unnamed source, or null for nobody. */
  name: string | null;
  score: number;
}

export interface Attribution {
  rule: AttributionRule;
  /** The words in the text that name the speaker ("the Kremlin spokesman", "he"). */
  mention: string | null;
  /** The speech verb or cue ("said", "according to", "―"). */
  cue: string | null;
  /**
   * How likely the speaker is right, 0–1: the speaker ranker's probability, calibrated so that on
   * held-out news about nine in ten of the quotes at 0.9 or more are right.
   */
  confidence: number;
  /** The next most likely speakers, most likely first (at most three). */
  alternatives: AlternativeSpeaker[];
  /** Why the editor corrected it (a correction's `note`), shown to readers. */
  note?: string;
  /** Who corrected it (a correction's `by`). */
  by?: string;
  /** What the extractor had said, when the editor corrected it (an added quote: rule `none`). */
  extracted?: ExtractedAttribution;
  /** The editor checked the extractor's speaker and kept it. */
  confirmed?: boolean;
}

/** The extractor's attribution of a corrected quote, with the name of the speaker it chose. */
export interface ExtractedAttribution {
  rule: AttributionRule;
  speaker: string | null;
  kind: QuoteKind;
  mention: string | null;
  cue: string | null;
  confidence: number;
}

export interface QuoteSpan {
  paragraph: number;
  start: number;
  end: number;
}

export interface Quote {
  /** Unique within the archive: `<article slug>/q<n>`. */
  id: string;
  /** The words inside the quote marks, exactly as in the body (a quote over several paragraphs keeps the marks between them). */
  text: string;
  speakerId: string | null;
  kind: QuoteKind;
  /** Index into `paragraphs` of the paragraph where the quote opens. */
  paragraph: number;
  /** Offsets into `body` of the quoted words (without the marks), end exclusive: `body.slice(start, end) === text`. */
  start: number;
  end: number;
  /** One span per paragraph the quote runs through (a quote over several paragraphs reopens in each). */
  parts: QuoteSpan[];
  attribution: Attribution;
  /** When the words were said, as EDTF, where the text says ("said Tuesday"); else the article's date. */
  date: string | null;
  /**
   * The statement this quote reports, when other articles report it too (the same speaker, words
   * that match closely): one id for all its reports (src/archive/statements.ts); else null.
   */
  statement: string | null;
}

export type SpeakerKind = 'person' | 'organisation' | 'unnamed';

export interface Speaker {
  /** Slug of the canonical name; the same person has the same id across the archive. */
  id: string;
  name: string;
  kind: SpeakerKind;
  /** Roles and descriptions seen in the text ("Kremlin spokesman"). */
  roles: string[];
  /** The words this article uses for them ("Peskov", "the representative of the Kremlin"). */
  aliases: string[];
}

export type Severity = 'error' | 'warning';

/** A problem found while reading or extracting an article, recorded rather than thrown. */
export interface Message {
  severity: Severity;
  /** A stable identifier of the check ("unclosed-quote", "no-date"). */
  ruleId: string;
  reason: string;
  file: string;
  line: number;
  column: number;
}

export interface ArticleRecord {
  slug: string;
  /** The article file as given. */
  source: string;
  title: string | null;
  titleSource: TitleSource | null;
  /** EDTF: `2015-10-14`, `2015-09` or `2015`; null when nothing says. */
  date: string | null;
  datePrecision: DatePrecision | null;
  dateSource: DateSource | null;
  dateline: string | null;
  /** Where the article was first published, from front matter; null when not given. */
  url: string | null;
  outlet: string | null;
  author: string | null;
  /** The article text after any front matter, verbatim: every offset points into it. */
  body: string;
  paragraphs: Paragraph[];
  speakers: Speaker[];
  quotes: Quote[];
  messages: Message[];
}

/** A speaker across the whole archive. */
export interface Person extends Speaker {
  /** An identifier from the people file, such as a Wikidata QID. */
  wikidata: string | null;
  /** Slugs of the articles that quote this speaker, newest first. */
  articles: string[];
  quoteCount: number;
}

export interface Archive {
  articles: ArticleRecord[];
  people: Person[];
  messages: Message[];
}
