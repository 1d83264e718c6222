// The search page's logic without the page: reading and writing the address, turning the form into
// a Pagefind query, and turning a Pagefind result (one article) into quote hits and a text hit.
// No DOM here, so the browser tests can call every function directly.
//
// This module is also where the index's wire format is defined, once: the build
// (src/search/search-document.ts) imports the ids, marks, filter and file names from here.
// The index has one Pagefind page per article; each quote is an element whose id carries its data
// (src/search/search-document.ts says why):
//   quote:    anchor | speaker id | speaker name | kind (d/p) | own date or empty [| statement id]
//   headline: "a" | article date | article date as shown
// Every part is encodeURIComponent-ed, so the separator never occurs inside one.

export const PART_SEPARATOR = '|';

/** How a quote's kind is spelled in its id. */
export const KIND_CODES = { direct: 'd', partial: 'p' };

/** The first part of the headline's id, which no quote anchor is. */
const HEAD = 'a';

const encodeParts = (parts) => parts.map((part) => encodeURIComponent(part ?? '')).join(PART_SEPARATOR);

/**
 * The id of a quote's element in the indexed document, from `{ anchor, speakerId, speakerName,
 * kind, date, statement }` (null parts empty; the statement only when there is one).
 */
export function quoteAnchorId({ anchor, speakerId, speakerName, kind, date, statement }) {
  const parts = [anchor, speakerId, speakerName, kind === 'partial' ? KIND_CODES.partial : KIND_CODES.direct, date];
  return encodeParts(statement ? [...parts, statement] : parts);
}

/** The id of the headline's element: the article's EDTF date and that date as the site shows it. */
export function headAnchorId(date, shownDate) {
  return encodeParts([HEAD, date, shownDate]);
}

/** Address parameters, in the order they are written. */
export const STATE_KEYS = ['q', 'speaker', 'year', 'month', 'kind', 'outlet', 'article', 'sort'];

export const SORTS = ['relevance', 'newest', 'oldest'];

/**
 * The word every article has (search-document.ts EVERY_ARTICLE_META says why): a search by filters
 * alone asks for it, because a search without words makes Pagefind load its whole word index.
 */
export const EVERY_ARTICLE_WORD = 'qqeveryarticle';

/**
 * The commonest short words are indexed with this mark in front (search-document.ts
 * `markCommonWords` says why): a query asks for them so, and the text shown has the mark taken out.
 */
export const COMMON_WORD_MARK = '\u203f';
export const COMMON_WORDS = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his', 'i', 'if', 'in',
  'is', 'it', 'its', 'not', 'of', 'on', 'or', 'our', 'she', 'that', 'the', 'their', 'they', 'this', 'to', 'was', 'we', 'were', 'will', 'with', 'you',
];
const COMMON = new Set(COMMON_WORDS);

/** A query word as the index spells it. */
export function indexWord(word) {
  return COMMON.has(word) ? `${COMMON_WORD_MARK}${word}` : word;
}

const unmarked = (text) => text.replaceAll(COMMON_WORD_MARK, '');

/**
 * Filter names in the index (see search-document.ts); speaker and article are sharded; `bundle` is
 * the index bundle an article is in (its year, or `undated`), which the page gives each bundle as it
 * merges it.
 */
export const FILTER = { speaker: 'speaker', date: 'date', kind: 'kind', outlet: 'outlet', article: 'article', bundle: 'bundle' };

/** Where the build lists the index's bundles, newest first (src/search/search-bundles.ts BUNDLES_FILE). */
export const BUNDLES_FILE = 'bundles.json';
export const UNDATED_BUNDLE = 'undated';

/** Where the build writes the archive's quotes per filter value (search-document.ts QUOTE_COUNTS_FILE). */
export const QUOTE_COUNTS_FILE = 'quote-counts.json';

/** The shard of a speaker id or article slug (filters `speaker0…`, `article0…`): FNV-1a over UTF-16 code units. */
export function shardOf(key, shards) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** The search as the address states it; unknown or malformed values are dropped. */
export function readState(params) {
  const get = (key) => (params.get(key) ?? '').trim();
  const year = /^\d{4}$/.test(get('year')) ? get('year') : '';
  const month = year && /^(0[1-9]|1[0-2])$/.test(get('month')) ? get('month') : '';
  const kind = ['direct', 'partial'].includes(get('kind')) ? get('kind') : '';
  const sort = SORTS.includes(get('sort')) ? get('sort') : '';
  return { q: params.get('q') ?? '', speaker: get('speaker'), year, month, kind, outlet: get('outlet'), article: get('article'), sort };
}

/** The address query string of a search: only what is set, in a fixed order. */
export function writeState(state) {
  const params = new URLSearchParams();
  for (const key of STATE_KEYS) {
    const value = key === 'q' ? (state.q ?? '').trim() : state[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function sameState(a, b) {
  return writeState(a) === writeState(b);
}

/** The sort in effect: relevance needs words; without them the newest come first. */
export function effectiveSort(state) {
  if (state.sort === 'newest' || state.sort === 'oldest') return state.sort;
  return parseQuery(state.q).empty ? 'newest' : 'relevance';
}

/** Words as Pagefind and the phrase check see them: lower case, letters and digits. */
export function words(text) {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’\-‐–][\p{L}\p{N}]+)*/gu) ?? []
  ).map((w) => w.replace(/['’\-‐–]/g, ''));
}

/**
 * The query: its free words and its "quoted phrases". Curly and low quote marks count as straight
 * ones. Pagefind runs a phrase search only when the whole query is one phrase; otherwise it gets all
 * the words and the page keeps the quotes that contain every phrase.
 */
export function parseQuery(raw) {
  const text = (raw ?? '').replace(/[“”„‟″]/g, '"').trim();
  const phrases = [];
  const free = text.replace(/"([^"]*)"?/g, (_, inner) => {
    const phrase = words(inner);
    if (phrase.length > 0) phrases.push(phrase);
    return ' ';
  });
  const terms = words(free);
  const all = [...terms, ...phrases.flat()];
  const exact = phrases.length === 1 && terms.length === 0 && phrases[0].length > 1;
  return {
    text,
    terms,
    phrases,
    empty: all.length === 0,
    /** What Pagefind is asked: without words, the word every article has. */
    pagefindTerm: all.length === 0 ? EVERY_ARTICLE_WORD : exact ? `"${phrases[0].map(indexWord).join(' ')}"` : all.map(indexWord).join(' '),
  };
}

/** The Pagefind filters of a search. `speakerValue` is the speaker's full filter value, once known. */
export function pagefindFilters(state, settings, speakerValue) {
  const filters = {};
  if (state.speaker && speakerValue) filters[`${FILTER.speaker}${shardOf(state.speaker, settings.speakerShards)}`] = speakerValue;
  if (state.year && state.month) filters[FILTER.date] = `${state.year}-${state.month}`;
  else if (state.year) {
    const months = Array.from({ length: 12 }, (_, i) => `${state.year}-${String(i + 1).padStart(2, '0')}`);
    filters[FILTER.date] = { any: [state.year, ...months] };
  }
  if (state.kind) filters[FILTER.kind] = state.kind;
  if (state.outlet) filters[FILTER.outlet] = state.outlet;
  if (state.article) filters[`${FILTER.article}${shardOf(state.article, settings.articleShards)}`] = state.article;
  return filters;
}

export function pagefindSort(state) {
  const sort = effectiveSort(state);
  return sort === 'newest' ? { date: 'desc' } : sort === 'oldest' ? { date: 'asc' } : {};
}

/**
 * The bundles in the order a search sorted by date reads them: as the build lists them (newest
 * first) or the other way round; undated articles last either way. Each bundle holds one year, so
 * reading them in turn, each sorted by Pagefind, gives the archive in date order; Pagefind's own
 * merge of indexes orders by score, and under a sort a result's score is its place in its bundle.
 */
export function bundleOrder(names, sort) {
  const dated = names.filter((name) => name !== UNDATED_BUNDLE);
  return [...(sort === 'oldest' ? dated.reverse() : dated), ...names.filter((name) => name === UNDATED_BUNDLE)];
}

/**
 * The bundles a search needs, newest first: those that list the year it is narrowed to (each lists
 * the years its quotes were said in), else all. `bundles` are the bundles file's entries.
 */
export function bundlesFor(bundles, state) {
  return bundles.filter((bundle) => !state.year || (bundle.years ?? []).includes(state.year)).map((bundle) => bundle.name);
}

/** Adds Pagefind filter counts (`{ filter: { value: count } }`) into `into`. */
function addCounts(into, counts) {
  for (const [name, values] of Object.entries(counts ?? {})) {
    const target = (into[name] ??= {});
    for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
  }
  return into;
}

/**
 * The answers of one search per bundle as one answer: the results one bundle after the other, and
 * the counts of the results added up. Counts without the filters are the same in every answer.
 */
export function joinAnswers(answers) {
  return {
    results: answers.flatMap((answer) => answer.results),
    filters: answers.reduce((sum, answer) => addCounts(sum, answer.filters), {}),
    totalFilters: answers[0]?.totalFilters ?? {},
    unfilteredResultCount: answers[0]?.unfilteredResultCount ?? 0,
  };
}

/** A speaker filter value is the encoded id, a space and the name. */
export function splitSpeakerValue(value) {
  const space = value.indexOf(' ');
  if (space < 0) return null;
  try {
    return { id: decodeURIComponent(value.slice(0, space)), name: value.slice(space + 1) };
  } catch {
    return null;
  }
}

/** Pagefind's per-filter counts, merged over shards: speakers by id, years and months, kinds, outlets. */
export function mergeCounts(filters) {
  const counts = { speakers: new Map(), years: new Map(), months: new Map(), kinds: new Map(), outlets: new Map() };
  for (const [name, values] of Object.entries(filters ?? {})) {
    for (const [value, count] of Object.entries(values)) {
      if (name.startsWith(FILTER.speaker)) {
        const speaker = splitSpeakerValue(value);
        if (speaker) counts.speakers.set(speaker.id, { ...speaker, value, count });
      } else if (name === FILTER.date) {
        const year = value.slice(0, 4);
        counts.years.set(year, (counts.years.get(year) ?? 0) + count);
        if (value.length === 7) counts.months.set(value, count);
      } else if (name === FILTER.kind) counts.kinds.set(value, count);
      else if (name === FILTER.outlet) counts.outlets.set(value, count);
    }
  }
  return counts;
}

/** Quote counts as the menus show them: speakers by id, years, months (`2015-10`), kinds, outlets. */
export function emptyCounts() {
  return { speakers: new Map(), years: new Map(), months: new Map(), kinds: new Map(), outlets: new Map() };
}

const bump = (map, key, n = 1) => {
  if (key) map.set(key, (map.get(key) ?? 0) + n);
};

/** Adds `n` quotes of an EDTF date (or date filter value) to its year and, when known, its month. */
function addDate(counts, date, n) {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date ?? '');
  if (!m) return;
  bump(counts.years, m[1], n);
  if (m[2]) bump(counts.months, `${m[1]}-${m[2]}`, n);
}

/** The build's quote counts over the whole archive (QUOTE_COUNTS_FILE), as counts. */
export function archiveCounts(file) {
  const counts = emptyCounts();
  for (const [id, name, count] of file?.speakers ?? []) counts.speakers.set(id, { id, name, value: null, count });
  for (const [date, n] of Object.entries(file?.dates ?? {})) addDate(counts, date, n);
  for (const [kind, n] of Object.entries(file?.kinds ?? {})) bump(counts.kinds, kind, n);
  for (const [outlet, n] of Object.entries(file?.outlets ?? {})) bump(counts.outlets, outlet, n);
  return counts;
}

/** Counts of quote hits (as hitsIn returns them, with their article's outlet). */
export function countQuotes(hits) {
  const counts = emptyCounts();
  for (const hit of hits) {
    if (hit.speakerId) {
      const speaker = counts.speakers.get(hit.speakerId) ?? { id: hit.speakerId, name: hit.speakerName ?? hit.speakerId, value: null, count: 0 };
      speaker.count++;
      counts.speakers.set(hit.speakerId, speaker);
    }
    addDate(counts, hit.date, 1);
    bump(counts.kinds, hit.kind);
    bump(counts.outlets, hit.outlet);
  }
  return counts;
}

/** The filter menus, and the parts of the search each one sets. */
export const MENUS = { speaker: ['speaker'], date: ['year', 'month'], kind: ['kind'], outlet: ['outlet'] };

/**
 * Where a menu's counts come from: `archive` when nothing but the menu itself narrows the search
 * (the menu counts as if its own choice were not made, so the build's counts are exact), `results`
 * when the menu's choice is not made (the quotes the page has mapped: exact once every result is
 * loaded), and `chosen` when its choice is made and something else narrows the search too: the
 * mapped quotes then count only the choice made.
 */
export function countSource(menu, state) {
  const others = Object.entries(MENUS).filter(([name]) => name !== menu).flatMap(([, keys]) => keys);
  const narrowed = !parseQuery(state.q).empty || Boolean(state.article) || others.some((key) => state[key]);
  if (!narrowed) return 'archive';
  return MENUS[menu].some((key) => state[key]) ? 'chosen' : 'results';
}

function decodeParts(id) {
  try {
    return id.split(PART_SEPARATOR).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** A quote's data from its anchor id; null for any other anchor. */
export function decodeQuote(id) {
  const parts = decodeParts(id);
  if (!parts || (parts.length !== 5 && parts.length !== 6) || parts[0] === HEAD) return null;
  const [anchor, speakerId, speakerName, kind, date, statement] = parts;
  return { anchor, speakerId: speakerId || null, speakerName: speakerName || null, kind: kind === KIND_CODES.partial ? 'partial' : 'direct', date: date || null, statement: statement || null };
}

/** The article's date from the headline's anchor id. */
export function decodeHead(id) {
  const parts = decodeParts(id);
  if (!parts || parts.length !== 3 || parts[0] !== HEAD) return null;
  return { date: parts[1] || null, shownDate: parts[2] || null };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "14 October 2015", "September 2015", "2015", as the site shows EDTF dates (src/read/edtf.ts). */
export function formatDate(edtf) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(edtf ?? '');
  if (!m) return edtf ?? 'Undated';
  const month = m[2] ? MONTH_NAMES[Number(m[2]) - 1] : null;
  if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
  if (month) return `${month} ${m[1]}`;
  return m[1];
}

export function monthName(month) {
  return MONTH_NAMES[Number(month) - 1] ?? month;
}

/** True when the words contain the phrase's words in a row. */
function containsPhrase(textWords, phrase) {
  outer: for (let i = 0; i + phrase.length <= textWords.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (textWords[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Positions of the whitespace-separated tokens of `tokens` that make up an occurrence of any of the
 * phrases. Pagefind marks only the first occurrence of a phrase in a page, so the page finds every
 * occurrence itself.
 */
function phraseMarks(tokens, phrases) {
  const flat = tokens.flatMap((token, i) => words(token).map((word) => ({ word, i })));
  const marks = new Set();
  for (const phrase of phrases) {
    for (let start = 0; start + phrase.length <= flat.length; start++) {
      if (phrase.every((word, j) => flat[start + j].word === word)) for (let j = 0; j < phrase.length; j++) marks.add(flat[start + j].i);
    }
  }
  return [...marks].sort((a, b) => a - b);
}

/** True when the quote passes the filters that a page-level Pagefind filter cannot decide per quote. */
export function quotePassesFilters(quote, state) {
  if (state.speaker && quote.speakerId !== state.speaker) return false;
  if (state.kind && quote.kind !== state.kind) return false;
  const date = quote.date ?? '';
  if (state.year && !date.startsWith(state.year)) return false;
  if (state.year && state.month && !date.startsWith(`${state.year}-${state.month}`)) return false;
  return true;
}

/** A word matches a term when it starts with the term or they share a stem of at least four letters. */
function wordMatchesTerm(word, term) {
  if (word.startsWith(term)) return true;
  const stem = term.slice(0, Math.max(4, term.length - 3));
  return term.length >= 5 && word.startsWith(stem);
}

/**
 * The hits in one Pagefind result (an article): its quotes that match the query and pass the
 * filters, each with the positions of its matched words, and the match in the text around the
 * quotes, if any. `data` is what `result.data()` returns.
 */
export function hitsIn(data, query, state) {
  const contentWords = unmarked(data.raw_content ?? data.content ?? '').trim().split(/[\r\n\s]+/g);
  const anchors = [...(data.anchors ?? [])].map((a) => (a.text ? { ...a, text: unmarked(a.text) } : a)).sort((a, b) => a.location - b.location);
  const head = anchors.map((a) => ({ a, head: decodeHead(a.id) })).find((x) => x.head);
  const articleDate = head?.head.date ?? null;
  const article = {
    url: data.url,
    title: unmarked(data.meta?.title ?? data.url),
    outlet: data.filters?.[FILTER.outlet]?.[0] ?? null,
    date: articleDate,
    shownDate: head?.head.shownDate || formatDate(articleDate),
  };
  const quoteAnchors = anchors.map((a) => ({ a, quote: decodeQuote(a.id) })).filter((x) => x.quote);
  const locations = data.locations ?? [];
  const hasWords = !query.empty;
  const termsAll = [...query.terms, ...query.phrases.flat()];

  const quotes = [];
  quoteAnchors.forEach(({ a, quote }, i) => {
    const start = a.location;
    const end = quoteAnchors[i + 1]?.a.location ?? contentWords.length;
    const date = quote.date ?? articleDate;
    const full = { ...quote, date, shownDate: quote.date ? formatDate(quote.date) : article.shownDate };
    if (!quotePassesFilters(full, state)) return;
    const text = a.text ?? contentWords.slice(start, end).join(' ');
    const textWords = words(text);
    if (query.phrases.some((phrase) => !containsPhrase(textWords, phrase))) return;
    const shownTokens = text.trim().split(/\s+/);
    const fromPagefind = query.phrases.length > 0 && query.terms.length === 0 ? [] : locations.filter((l) => l >= start && l < end).map((l) => l - start);
    const marked = [...new Set([...fromPagefind, ...phraseMarks(shownTokens, query.phrases)])].sort((x, y) => x - y);
    const nameWords = words(full.speakerName ?? '');
    const byName = query.terms.length > 0 && query.phrases.length === 0 && query.terms.every((t) => nameWords.some((w) => w.startsWith(t)));
    if (hasWords && marked.length === 0 && !byName) return;
    const markedWords = marked.map((i) => words(shownTokens[i] ?? '').join(''));
    const covered = termsAll.filter((t) => markedWords.some((w) => wordMatchesTerm(w, t)) || nameWords.some((w) => w.startsWith(t))).length;
    quotes.push({
      ...full,
      url: `${data.url.replace(/#.*$/, '')}#${full.anchor}`,
      text,
      marks: marked,
      byName,
      position: i,
      score: covered * 100 + Math.min(marked.length, 99),
    });
  });
  quotes.sort((a, b) => b.score - a.score || a.position - b.position);

  // The text around the quotes: everything before the first quote, after the headline.
  let textHit = null;
  if (hasWords) {
    const titleLength = head ? (head.a.text ?? '').trim().split(/\s+/).filter(Boolean).length : 0;
    const textEnd = quoteAnchors[0]?.a.location ?? contentWords.length;
    const tokens = contentWords.slice(titleLength, textEnd);
    const fromPagefind = query.phrases.length > 0 && query.terms.length === 0 ? [] : locations.filter((l) => l >= titleLength && l < textEnd);
    const inText = [...new Set([...fromPagefind, ...phraseMarks(tokens, query.phrases).map((i) => i + titleLength)])].sort((x, y) => x - y);
    const textWords = query.phrases.length > 0 ? words(tokens.join(' ')) : [];
    if (inText.length > 0 && query.phrases.every((phrase) => containsPhrase(textWords, phrase))) {
      const from = Math.max(titleLength, inText[0] - 12);
      const to = Math.min(textEnd, from + 36);
      textHit = {
        words: contentWords.slice(from, to),
        marks: inText.filter((l) => l < to).map((l) => l - from),
        cutStart: from > titleLength,
        cutEnd: to < textEnd,
      };
    }
  }
  return { article, quotes, textHit };
}

/** Text split into runs, with the words at `marks` (word positions) marked; whitespace is kept. */
export function markRuns(text, marks) {
  const marked = new Set(marks);
  const runs = [];
  let index = 0;
  for (const piece of text.trim().split(/(\s+)/)) {
    if (piece === '') continue;
    if (/^\s+$/.test(piece)) runs.push({ text: piece, mark: false });
    else runs.push({ text: piece, mark: marked.has(index++) });
  }
  // Neighbouring marked words become one run, so a phrase reads as one highlight.
  const merged = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const last = merged[merged.length - 1];
    const next = runs[i + 1];
    if (last?.mark && (run.mark || (/^\s+$/.test(run.text) && next?.mark))) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** Marks the speaker's name words that the query names. */
export function nameMarks(name, query) {
  const nameWords = (name ?? '').trim().split(/\s+/);
  return nameWords.flatMap((w, i) => (query.terms.some((t) => words(w).some((x) => x.startsWith(t))) ? [i] : []));
}
