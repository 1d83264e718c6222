// Quote search on top of Pagefind. The index holds one Pagefind page per article in which every
// quote is an anchor (src/search/search-document.ts); search-core.js turns each result into the
// quotes that match, and this module puts them on the page. Results are built from DOM text nodes
// only, never innerHTML: quote text comes from scraped articles and must never become markup.
//
// The address holds the search (?q=…&speaker=…&year=…&month=…&kind=…&outlet=…&article=…&sort=…):
// a search can be shared, the page restores it on load, and Back returns to the previous one.
// Typing replaces the current history entry; a submitted search, a changed filter or order, and a
// typed search that has rested for a moment each get an entry of their own.
import {
  archiveCounts,
  countQuotes,
  countSource,
  effectiveSort,
  EVERY_ARTICLE_WORD,
  hitsIn,
  markRuns,
  mergeCounts,
  monthName,
  nameMarks,
  pagefindFilters,
  BUNDLES_FILE,
  bundleOrder,
  bundlesFor,
  joinAnswers,
  pagefindSort,
  parseQuery,
  QUOTE_COUNTS_FILE,
  readState,
  sameState,
  shardOf,
  FILTER,
  writeState,
} from './search-core.js';

/** Articles whose fragments are loaded per step, and the quotes a step aims to show. */
const BATCH = 5;
const QUOTES_PER_STEP = 5;
/** Articles scanned for quotes before saying that none of the most relevant have one. */
const MAX_SCAN = 60;
/** Typed words shorter than this wait this long for the next key before they are searched. */
const SHORT_QUERY_LETTERS = 3;
const SHORT_QUERY_WAIT_MS = 400;
/** A typed search that rests this long becomes a history entry of its own. */
const SETTLE_MS = 1500;
const UNIDENTIFIED = 'Unidentified speaker';

const form = document.querySelector('[data-search-form]');
const input = document.querySelector('[data-search-input]');
const status = document.querySelector('[data-search-status]');
const suggestions = document.querySelector('[data-search-suggestions]');
const quotesSection = document.querySelector('[data-search-quotes]');
const quoteList = document.querySelector('[data-search-results]');
const moreBox = document.querySelector('[data-search-more]');
const moreButton = moreBox.querySelector('button');
const articlesSection = document.querySelector('[data-search-articles]');
const articleList = document.querySelector('[data-search-article-results]');
const filtersPanel = document.querySelector('[data-search-filters]');
const filtersOn = document.querySelector('[data-search-filters-on]');
const articleBox = document.querySelector('[data-search-article]');
const articleTitle = document.querySelector('[data-search-article-title]');
const field = (name) => form.querySelector(`[data-search-filter="${name}"]`);
const speakerSelect = field('speaker');
const yearSelect = field('year');
const monthSelect = field('month');
const kindSelect = field('kind');
const outletSelect = field('outlet');
const sortSelect = field('sort');
const articleField = field('article');
const countsHint = document.querySelector('#search-counts-hint');

const settings = {
  speakerShards: Number(form.dataset.speakerShards) || 1,
  articleShards: Number(form.dataset.articleShards) || 1,
};

let pagefind = null;
/** The index's bundles, newest first, as the bundles file lists them (src/search/search-bundles.ts). */
let bundles = [];
/** Bundles merged into the first one, or being merged, by name. */
const merging = new Map();
/** The search being shown; a newer search makes older ones stop where they are. */
let generation = 0;
let current = null;
/** Full filter values of speakers (`id name`), by id, as the index spells them. */
const speakerValues = new Map();
/** Speaker names seen in results, by id, for the menu before the counts have loaded. */
const speakerNames = new Map();
let countsWanted = false;
/** The build's quote counts over the whole archive, loaded once when the reader opens the filters. */
let archiveCountsLoaded = null;
let settleTimer = 0;

// ---------------------------------------------------------------- the form and the address

function formState() {
  return {
    q: input.value,
    speaker: speakerSelect.value,
    year: yearSelect.value,
    month: yearSelect.value ? monthSelect.value : '',
    kind: kindSelect.value,
    outlet: outletSelect?.value ?? '',
    article: articleField.value,
    sort: sortSelect.value,
  };
}

function ensureOption(select, value, label) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  select.append(new Option(label, value));
}

function showState(state) {
  input.value = state.q;
  ensureOption(speakerSelect, state.speaker, speakerNames.get(state.speaker) ?? state.speaker);
  speakerSelect.value = state.speaker;
  ensureOption(yearSelect, state.year, state.year);
  yearSelect.value = state.year;
  monthSelect.value = state.month;
  kindSelect.value = state.kind;
  if (outletSelect) {
    ensureOption(outletSelect, state.outlet, state.outlet);
    outletSelect.value = state.outlet;
  }
  articleField.value = state.article;
  sortSelect.value = state.sort;
  updateFilterControls(state);
}

function activeFilters(state) {
  const list = [];
  if (state.speaker) list.push({ key: 'speaker', label: `speaker: ${speakerNames.get(state.speaker) ?? state.speaker}` });
  if (state.year) list.push({ key: 'year', label: `year: ${state.year}` });
  if (state.year && state.month) list.push({ key: 'month', label: `month: ${monthName(state.month)}` });
  if (state.kind) list.push({ key: 'kind', label: `kind: ${state.kind} quotes` });
  if (state.outlet) list.push({ key: 'outlet', label: `outlet: ${state.outlet}` });
  if (state.article) list.push({ key: 'article', label: 'only one article' });
  return list;
}

function updateFilterControls(state) {
  monthSelect.disabled = !state.year;
  const on = activeFilters(state).length;
  filtersOn.textContent = on > 0 ? `(${on} on)` : '';
  articleBox.hidden = !state.article;
  if (state.article && !articleTitle.textContent) articleTitle.textContent = state.article;
  if (on > 0 && !filtersPanel.open) {
    // Opened to show the filters in use; only the reader opening it asks for the counts.
    filtersPanel.dataset.openedBySearch = 'true';
    filtersPanel.open = true;
  }
}

/**
 * Puts the search in the address. `mode` is `push` for a search of its own, `replace` to correct the
 * current entry, and `typing` while the words are being typed: the first typed search after a
 * settled one pushes, the rest replace, and a pause settles it.
 */
function remember(state, mode) {
  const query = writeState(state);
  const url = query ? `?${query}` : location.pathname;
  const here = readState(new URLSearchParams(location.search));
  clearTimeout(settleTimer);
  if (mode === 'typing') {
    if (history.state?.typing) history.replaceState({ typing: true }, '', url);
    else if (!sameState(here, state)) history.pushState({ typing: true }, '', url);
    settleTimer = setTimeout(() => history.replaceState({ typing: false }, '', location.href), SETTLE_MS);
  } else if (mode === 'push' && !sameState(here, state)) {
    history.pushState({ typing: false }, '', url);
  } else {
    history.replaceState({ typing: false }, '', url);
  }
}

// ---------------------------------------------------------------- rendering

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function runsOf(text, marks) {
  return markRuns(text, marks).map((run) => (run.mark ? element('mark', {}, [run.text]) : run.text));
}

function quoteItem(hit, article, query) {
  const quote = element('blockquote', { cite: hit.url, class: `quote ${hit.kind}` }, [element('p', {}, runsOf(hit.text, hit.marks))]);
  const name = hit.speakerName ?? UNIDENTIFIED;
  const speaker = element('span', { class: 'result-speaker' }, hit.byName ? runsOf(name, nameMarks(name, query)) : [name]);
  const date = hit.date ? element('time', { datetime: hit.date }, [hit.shownDate]) : element('span', {}, ['Undated']);
  const link = element('a', { href: hit.url, class: 'result-link' }, [article.title]);
  const kind = hit.kind === 'partial' ? [' · ', element('span', { class: 'result-kind' }, ['partial quote'])] : [];
  const source = element('p', { class: 'quote-source' }, [speaker, ' · ', date, ...kind, ' · in ', link]);
  return element('li', { class: 'quote-item search-result' }, [quote, source]);
}

/** Another article's report of a result's statement, added to the result's list of reports. */
function addReport(item, hit, article) {
  let details = item.querySelector('details.result-reports');
  if (!details) {
    details = element('details', { class: 'result-reports' }, [element('summary', {}, ['']), element('ol', {}, [])]);
    item.append(details);
  }
  const list = details.querySelector('ol');
  const date = hit.date ? element('time', { datetime: hit.date }, [hit.shownDate]) : element('span', {}, ['Undated']);
  list.append(element('li', {}, [element('a', { href: hit.url }, [article.title]), ' · ', date, ': ', element('q', {}, [hit.text])]));
  const n = list.children.length + 1;
  details.querySelector('summary').textContent = `Reported in ${n} articles`;
}

function articleItem(article, textHit, query, state) {
  const words = runsOf(textHit.words.join(' '), textHit.marks);
  const excerpt = element('p', { class: 'search-excerpt' }, [textHit.cutStart ? '… ' : '', ...words, textHit.cutEnd ? ' …' : '']);
  const date = article.date ? element('time', { datetime: article.date }, [article.shownDate]) : element('span', {}, ['Undated']);
  const slug = decodeURIComponent(article.url.replace(/\/$/, '').split('/').pop() ?? '');
  const onlyHere = new URLSearchParams(writeState({ ...state, article: slug, q: query.text }));
  const children = [
    element('h3', {}, [element('a', { href: article.url }, [article.title])]),
    element('p', { class: 'quote-source' }, [date]),
    excerpt,
  ];
  if (!state.article) {
    children.push(element('p', { class: 'search-in-article' }, [element('a', { href: `?${onlyHere}`, 'data-search-link': '' }, ['Search only this article'])]));
  }
  return element('li', { class: 'search-article-hit' }, children);
}

function setStatus(text) {
  if (status.textContent !== text) status.textContent = text;
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** What the live region says once results are shown: counts first, then what they are. */
function describe(run) {
  const { query, state } = run;
  const words = query.empty ? '' : query.text.includes('"') ? ` for ${query.text}` : ` for “${query.text}”`;
  const articles = run.results.length;
  if (articles === 0) return `No quotes or articles found${words}.`;
  const parts = [];
  if (run.quoteCount > 0) parts.push(`${plural(run.quoteCount, 'quote', 'quotes')} shown${words}, from ${plural(run.scanned, 'article', 'articles')}`);
  else if (run.exhausted) parts.push(`No quotes found${words}`);
  else parts.push(`No quotes found${words} in the ${plural(run.scanned, 'most relevant article', 'most relevant articles')}`);
  parts.push(`${plural(articles, 'article matches', 'articles match')} in all`);
  if (run.articleCount > 0) parts.push(`${plural(run.articleCount, 'article has', 'articles have')} the words in the text around the quotes`);
  const order = effectiveSort(state);
  if (order !== 'relevance') parts.push(order === 'newest' ? 'newest first' : 'oldest first');
  return `${parts.join('; ')}.`;
}

function removeFilterButton(key, label) {
  const button = element('button', { type: 'button', 'data-remove': key }, [`Remove ${label}`]);
  button.addEventListener('click', () => {
    const state = formState();
    if (key === 'year') state.month = '';
    state[key] = '';
    showState(state);
    search(state, 'push', { focusStatus: true });
  });
  return button;
}

function showSuggestions(run) {
  suggestions.replaceChildren();
  const filters = activeFilters(run.state);
  const noQuotes = run.quoteCount === 0 && run.exhausted;
  const nothing = run.results.length === 0 || (noQuotes && run.articleCount === 0);
  suggestions.hidden = !(nothing || (noQuotes && filters.length > 0));
  if (suggestions.hidden) return;
  if (filters.length > 0) {
    const buttons = filters.map((f) => removeFilterButton(f.key, f.label));
    const all = element('button', { type: 'button' }, ['Remove all filters']);
    all.addEventListener('click', () => {
      const state = { ...formState(), speaker: '', year: '', month: '', kind: '', outlet: '', article: '' };
      showState(state);
      search(state, 'push', { focusStatus: true });
    });
    suggestions.append(element('p', {}, ['Try removing a filter:']), element('ul', { class: 'search-remove' }, [...buttons, ...(filters.length > 1 ? [all] : [])].map((b) => element('li', {}, [b]))));
  } else if (!run.query.empty) {
    const tips = ['Check the spelling, or try fewer or other words.'];
    if (run.query.phrases.length > 0) tips.push('A phrase in quote marks must appear exactly; remove the quote marks to find the words anywhere.');
    suggestions.append(element('p', {}, [tips.join(' ')]));
  }
}

// ---------------------------------------------------------------- counts for the filter menus

function optionLabel(label, count) {
  return count === undefined ? label : `${label} (${count})`;
}

/** Records the speakers' full filter values (`id name`) and names that Pagefind's filter counts list. */
function noteSpeakers(filters) {
  for (const [id, speaker] of mergeCounts(filters).speakers) {
    speakerValues.set(id, speaker.value);
    speakerNames.set(id, speaker.name);
  }
  // An option added from the address shows the id until the name is known.
  for (const option of speakerSelect.options) {
    if (option.value && option.textContent === option.value && speakerNames.has(option.value)) option.textContent = speakerNames.get(option.value);
  }
}

function loadArchiveCounts() {
  archiveCountsLoaded ??= fetch(new URL(`../pagefind/${QUOTE_COUNTS_FILE}`, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`the filter counts did not load (${response.status})`);
    return response.json().then(archiveCounts);
  });
  return archiveCountsLoaded;
}

/**
 * The menus' counts, of quotes: over the whole archive while nothing else narrows the search, else
 * of the quotes the page has mapped for the search shown (see countSource), which are every matching
 * quote only once every result has been loaded; the hint says when they are not.
 */
async function showCounts(run) {
  if (!countsWanted) return;
  const archive = await loadArchiveCounts();
  if (run !== current) return;
  const state = run?.state ?? formState();
  const mapped = countQuotes(run?.hits ?? []);
  const exact = !run || run.exhausted;
  const sources = {};
  for (const menu of ['speaker', 'date', 'kind', 'outlet']) sources[menu] = run ? countSource(menu, state) : 'archive';
  const pick = (menu) => (sources[menu] === 'archive' ? archive : mapped);
  // A count that may grow as more results load is shown only when some quotes were counted.
  const known = (menu, count) => sources[menu] === 'archive' || (exact && sources[menu] === 'results') || count > 0;

  for (const speaker of archive.speakers.values()) if (!speakerNames.has(speaker.id)) speakerNames.set(speaker.id, speaker.name);
  // A menu being used is not rebuilt under the reader's hands; it catches up on the next search.
  if (document.activeElement !== speakerSelect) {
    const counts = pick('speaker').speakers;
    const counted = [...counts.values()].filter((s) => s.count > 0);
    counted.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    // Speakers not counted are listed after, without a number, unless the counts are known to be complete.
    const rest = sources.speaker === 'archive' || (exact && sources.speaker === 'results') ? [] : [...archive.speakers.values()].filter((s) => !counts.has(s.id));
    rest.sort((a, b) => a.name.localeCompare(b.name));
    const options = [new Option('Anyone', ''), ...counted.map((s) => new Option(optionLabel(s.name, s.count), s.id)), ...rest.map((s) => new Option(s.name, s.id))];
    if (state.speaker && !options.some((o) => o.value === state.speaker)) options.push(new Option(speakerNames.get(state.speaker) ?? state.speaker, state.speaker));
    speakerSelect.replaceChildren(...options);
    speakerSelect.value = state.speaker;
  }
  // countOf gives null where no count applies (months before a year is chosen).
  const label = (select, menu, countOf, text) => {
    if (!select || document.activeElement === select) return;
    for (const option of select.options) {
      if (!option.value) continue;
      const count = countOf(option.value);
      option.textContent = count === null || !known(menu, count ?? 0) ? text(option.value) : optionLabel(text(option.value), count ?? 0);
    }
  };
  label(yearSelect, 'date', (y) => pick('date').years.get(y), (y) => y);
  label(monthSelect, 'date', (m) => (state.year ? pick('date').months.get(`${state.year}-${m}`) : null), monthName);
  label(kindSelect, 'kind', (k) => pick('kind').kinds.get(k), (k) => (k === 'direct' ? 'Direct: whole sentences' : 'Partial: words inside a sentence'));
  label(outletSelect, 'outlet', (o) => pick('outlet').outlets.get(o), (o) => o);

  const fromResults = Object.values(sources).some((source) => source !== 'archive');
  let hint = 'The number after each choice counts the quotes that match.';
  if (fromResults && !exact) hint += ` Counts are of the quotes in the first ${plural(run.scanned, 'article', 'articles')} loaded, of ${run.results.length} that match; showing more quotes updates them.`;
  if (Object.values(sources).includes('chosen')) hint += ' A menu whose choice is made counts only that choice.';
  if (countsHint.textContent !== hint) countsHint.textContent = hint;
}

// ---------------------------------------------------------------- searching

/**
 * The speaker's full filter value (`id name`), read from the index the first time the address names
 * only the id: a search for the same words that loads the speaker's shard lists its values. A speaker
 * not among them has no article matching the words, and so no value is needed.
 */
async function speakerValue(id, term) {
  if (!id) return null;
  if (speakerValues.has(id)) return speakerValues.get(id);
  const shard = `${FILTER.speaker}${shardOf(id, settings.speakerShards)}`;
  const probe = await pagefind.search(term, { filters: { [shard]: { any: [] } } });
  noteSpeakers(probe.totalFilters);
  return speakerValues.get(id) ?? null;
}

function showRun(run) {
  quotesSection.hidden = run.quoteCount === 0;
  articlesSection.hidden = run.articleCount === 0;
  moreBox.hidden = run.exhausted;
  quoteList.removeAttribute('aria-busy');
  setStatus(describe(run));
  showSuggestions(run);
}

/**
 * Runs a search and shows it. `mode` says what happens to the address (see `remember`);
 * `options.focusStatus` moves the focus to the status line, for a search started by a button that
 * the new results replace.
 */
async function search(state, mode, options = {}) {
  if (!pagefind) return; // main() searches once the index has loaded
  const mine = ++generation;
  performance.mark(`search-start-${mine}`);
  remember(state, mode);
  updateFilterControls(state);
  const query = parseQuery(state.q);
  if (query.empty && activeFilters(state).length === 0) {
    current = null;
    quoteList.replaceChildren();
    articleList.replaceChildren();
    quotesSection.hidden = articlesSection.hidden = moreBox.hidden = suggestions.hidden = true;
    setStatus('');
    showCounts(null).catch(fail);
    return;
  }
  quoteList.setAttribute('aria-busy', 'true');
  await mergeBundles(bundlesFor(bundles, state));
  if (mine !== generation) return;
  const value = await speakerValue(state.speaker, query.pagefindTerm);
  if (mine !== generation) return;
  // A speaker the index does not list for these words has no results: nothing to ask.
  const response =
    state.speaker && !value ? { results: [], filters: {} } : await searchBundles(query.pagefindTerm, pagefindFilters(state, settings, value), state);
  if (mine !== generation) return;
  performance.mark(`search-answered-${mine}`);
  const results = response.results;
  const run = { generation: mine, state, query, response, results, hits: [], statements: new Map(), scanned: 0, quoteCount: 0, articleCount: 0, exhausted: results.length === 0, scanLimit: MAX_SCAN };
  // Detached lists are filled first and swapped in at once: the old results stay until the new are ready.
  const quotes = element('ol');
  const articles = element('ol');
  if (!(await collect(run, quotes, articles))) return;
  performance.mark(`search-loaded-${mine}`);
  quoteList.replaceChildren(...quotes.childNodes);
  articleList.replaceChildren(...articles.childNodes);
  current = run;
  showRun(run);
  performance.mark(`search-shown-${mine}`);
  performance.measure('search', `search-start-${mine}`, `search-shown-${mine}`);
  document.documentElement.dataset.searchShown = String(mine);
  if (options.focusStatus) status.focus();
  noteSpeakers(response.filters);
  showCounts(run).catch(fail);
}

/**
 * Pagefind's answer over every bundle of the index: by relevance, one search of the merged bundles;
 * sorted by date, one search per bundle in date order (see bundleOrder), each kept to its bundle.
 */
async function searchBundles(term, filters, state) {
  const sort = pagefindSort(state);
  if (effectiveSort(state) === 'relevance' || bundles.length <= 1) return pagefind.search(term, { filters, sort });
  const answers = [];
  for (const name of bundleOrder(bundlesFor(bundles, state), effectiveSort(state))) {
    answers.push(await pagefind.search(term, { filters: { ...filters, [FILTER.bundle]: name }, sort }));
  }
  return joinAnswers(answers);
}

/** Loads results' fragments a batch at a time until enough quotes are found, appending their hits. */
async function collect(run, quotesTarget, articlesTarget) {
  // A report folded into an earlier result counts toward the step as a quote found: without it, a
  // statement reported in hundreds of articles kept the page loading fragments up to MAX_SCAN.
  let found = 0;
  while (!run.exhausted && found < QUOTES_PER_STEP && run.scanned < run.scanLimit) {
    const batch = run.results.slice(run.scanned, run.scanned + BATCH);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (run.generation !== generation) return false;
    run.scanned += batch.length;
    run.exhausted = run.scanned >= run.results.length;
    for (const d of data) {
      const { article, quotes, textHit } = hitsIn(d, run.query, run.state);
      if (run.state.article && article.title) articleTitle.textContent = article.title;
      for (const q of quotes) {
        if (q.speakerId && q.speakerName) speakerNames.set(q.speakerId, q.speakerName);
        run.hits.push({ ...q, outlet: article.outlet });
        // Reports of one statement in other articles are one result, listed under the first shown.
        const first = q.statement ? run.statements.get(q.statement) : undefined;
        found++;
        if (first) {
          addReport(first, q, article);
          continue;
        }
        const item = quoteItem(q, article, run.query);
        if (q.statement) run.statements.set(q.statement, item);
        quotesTarget.append(item);
        run.quoteCount++;
      }
      if (textHit) {
        articlesTarget.append(articleItem(article, textHit, run.query, run.state));
        run.articleCount++;
      }
    }
  }
  return true;
}

async function showMore() {
  const run = current;
  if (!run || run.exhausted) return;
  run.scanLimit = run.scanned + MAX_SCAN;
  const before = quoteList.children.length;
  moreButton.disabled = true;
  const ok = await collect(run, quoteList, articleList);
  moreButton.disabled = false;
  if (!ok) return;
  showRun(run);
  showCounts(run).catch(fail);
  // Keyboard users continue where the new quotes start.
  const first = quoteList.children[before]?.querySelector('a');
  if (first) first.focus();
  else moreButton.focus();
}

function fail(error) {
  quoteList.removeAttribute('aria-busy');
  setStatus(`Search failed: ${error instanceof Error ? error.message : String(error)}`);
}

// ---------------------------------------------------------------- events

/** Runs one typed search at a time; keys pressed meanwhile are searched together when it ends. */
let typing = null;
let typedAgain = false;
function searchTyped() {
  if (typing) {
    typedAgain = true;
    return;
  }
  typing = search(formState(), 'typing')
    .catch(fail)
    .finally(() => {
      typing = null;
      if (typedAgain) {
        typedAgain = false;
        searchTyped();
      }
    });
}

/**
 * Searches as the reader types. One or two letters wait for the next key: they match a large part
 * of a big archive by prefix, and the search for them would hold up the one for the word.
 */
let shortTimer = 0;
function typed() {
  performance.mark('search-typed');
  clearTimeout(shortTimer);
  const query = parseQuery(input.value);
  const letters = [...query.terms, ...query.phrases.flat()].join('').length;
  if (letters > 0 && letters < SHORT_QUERY_LETTERS) shortTimer = setTimeout(searchTyped, SHORT_QUERY_WAIT_MS);
  else searchTyped();
}

function start() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(shortTimer);
    clearTimeout(settleTimer);
    if (history.state?.typing) history.replaceState({ typing: false }, '', location.href);
    search(formState(), 'push').catch(fail);
  });
  input.addEventListener('input', typed);
  for (const select of [speakerSelect, yearSelect, monthSelect, kindSelect, outletSelect, sortSelect]) {
    select?.addEventListener('change', () => {
      const state = formState();
      search(state, 'push').catch(fail);
    });
  }
  document.querySelector('[data-search-article-clear]').addEventListener('click', () => {
    articleTitle.textContent = '';
    const state = { ...formState(), article: '' };
    showState(state);
    search(state, 'push').catch(fail);
    input.focus();
  });
  articleList.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[data-search-link]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const state = readState(new URL(link.href).searchParams);
    articleTitle.textContent = link.closest('li')?.querySelector('h3')?.textContent ?? '';
    showState(state);
    search(state, 'push', { focusStatus: true }).catch(fail);
  });
  const wantCounts = () => {
    if (countsWanted) return;
    countsWanted = true;
    showCounts(current).catch(fail);
  };
  filtersPanel.addEventListener('toggle', () => {
    if (filtersPanel.dataset.openedBySearch) delete filtersPanel.dataset.openedBySearch;
    else if (filtersPanel.open) wantCounts();
  });
  filtersPanel.addEventListener('focusin', wantCounts);
  filtersPanel.addEventListener('pointerdown', wantCounts);
  moreButton.addEventListener('click', () => showMore().catch(fail));
  window.addEventListener('popstate', () => {
    const state = readState(new URLSearchParams(location.search));
    showState(state);
    search(state, 'replace').catch(fail);
  });
}

/**
 * Loads Pagefind from the index's first bundle and merges the others into it (src/search/search-bundles.ts):
 * they share its WebAssembly, and each adds its metadata.
 */
async function openIndex() {
  const response = await fetch(new URL(`../pagefind/${BUNDLES_FILE}`, import.meta.url));
  if (!response.ok) throw new Error(`the search index did not load (${response.status})`);
  bundles = (await response.json()).bundles;
  if (bundles.length === 0) {
    // An archive without quotes or text has nothing to index.
    pagefind = { search: async () => ({ results: [], filters: {}, totalFilters: {} }), preload: async () => undefined };
    return;
  }
  const first = bundles[0].name;
  pagefind = await import(`${bundlePath(first)}pagefind.js`);
  // Searching on the page's own thread spares the reader Pagefind's worker script (12 KB), which
  // loads the library a second time; a search takes milliseconds of the page's time.
  await pagefind.options({ noWorker: true });
  await pagefind.init();
  // Each bundle answers to a filter of its own name, which no file holds (a "synthetic" filter):
  // a search sorted by date asks one bundle at a time with it (searchBundles).
  if (bundles.length > 1) await pagefind.options({ mergeFilter: { [FILTER.bundle]: first } });
  merging.set(first, Promise.resolve());
}

/**
 * A bundle's folder as a path from the site's root, as Pagefind has its first bundle's: it takes the
 * pages' URLs to be relative to the folder above `pagefind/`, and makes them absolute for a merged
 * index given as a whole URL.
 */
function bundlePath(name) {
  return new URL(`../pagefind/${encodeURIComponent(name)}/`, import.meta.url).pathname;
}

/**
 * Merges the bundles a search needs into the first one, once each: each costs its metadata, so a
 * search narrowed to a year loads only the bundles that have quotes of that year.
 */
function mergeBundles(names) {
  for (const name of names) {
    if (!merging.has(name)) merging.set(name, pagefind.mergeIndex(bundlePath(name), { mergeFilter: { [FILTER.bundle]: name } }));
  }
  return Promise.all(names.map((name) => merging.get(name)));
}

async function main() {
  const state = readState(new URLSearchParams(location.search));
  showState(state);
  start();
  setStatus('Loading the search index…');
  await openIndex();
  // While the reader types: the bundles the address's search needs (every bundle, unless it names a year).
  await mergeBundles(bundlesFor(bundles, state));
  // The index's metadata and WebAssembly load now, while the reader is still typing.
  await pagefind.preload('');
  setStatus('');
  const now = formState();
  if (parseQuery(now.q).empty && activeFilters(now).length === 0) {
    // Nothing to show yet: one search over every article (its word's index file is tiny) gets the
    // WebAssembly compiled to its fast tier, which takes a third off the reader's first search.
    await pagefind.search(EVERY_ARTICLE_WORD);
  }
  document.documentElement.dataset.searchReady = 'true';
  await search(formState(), 'replace');
}

main().catch(fail);
