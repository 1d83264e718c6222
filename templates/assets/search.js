// Quote search on top of Pagefind. Each Pagefind record is one quote (see
// src/search/build-search-index.ts), so each result is rendered as a quote: its words, who said it,
// and a link to its place in the article. Results are built with DOM text nodes only, never
// innerHTML: quote text comes from scraped articles and must never become markup.

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;

const form = document.querySelector('[data-search-form]');
const input = document.querySelector('[data-search-input]');
const status = document.querySelector('[data-search-status]');
const list = document.querySelector('[data-search-results]');
const filterFields = [...document.querySelectorAll('[data-search-filter]')];

let pagefind = null;
let shown = 0;
let currentResults = [];
let currentTerms = [];
let generation = 0;
let timer = 0;

function setStatus(text) {
  status.textContent = text;
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(terms) {
  const words = terms.filter((t) => t.length > 1).map(escapeRegExp);
  return words.length === 0 ? null : new RegExp(`(${words.join('|')})`, 'gi');
}

/** The quote's words as text nodes, with the searched words in <mark>. */
function highlighted(text, terms) {
  const pattern = termPattern(terms);
  if (!pattern) return [text];
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? element('mark', {}, [part]) : part));
}

/**
 * Pagefind also searches a record's metadata, so a quote can be found by its speaker's name or
 * its article's headline; say so, or the reader looks in vain for the words in the quote.
 */
function foundElsewhere(text, terms) {
  const pattern = termPattern(terms);
  return pattern !== null && !pattern.test(text);
}

function resultItem(data) {
  const meta = data.meta ?? {};
  const quote = element('blockquote', { cite: data.url, class: 'quote' }, [element('p', {}, highlighted(data.content, currentTerms))]);
  const link = element('a', { href: data.url }, [meta.article ?? data.url]);
  const source = element('p', { class: 'quote-source' }, [
    element('span', { class: 'result-speaker' }, [meta.speaker ?? 'Unidentified speaker']),
    ` · ${meta.date ?? 'Undated'} · in `,
    link,
  ]);
  if (foundElsewhere(data.content, currentTerms)) {
    source.append(element('span', { class: 'found-elsewhere' }, [' (the words are in the speaker’s name or the headline)']));
  }
  return element('li', { class: 'quote-item search-result' }, [quote, source]);
}

async function showMore() {
  const mine = generation;
  const batch = currentResults.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (mine !== generation) return;
  list.querySelector('.more')?.remove();
  for (const d of data) list.append(resultItem(d));
  shown += batch.length;
  if (shown < currentResults.length) {
    const button = element('button', { type: 'button' }, [`Show more (${currentResults.length - shown} left)`]);
    button.addEventListener('click', showMore);
    list.append(element('li', { class: 'more' }, [button]));
  }
}

function selectedFilters() {
  const filters = {};
  for (const field of filterFields) {
    if (field.value) filters[field.dataset.searchFilter] = field.value;
  }
  return filters;
}

/** Keeps the address in step with the form, so a search can be bookmarked and shared. */
function rememberInUrl(term, filters) {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

async function runSearch() {
  if (!pagefind) return; // start() searches once the index has loaded
  const mine = ++generation;
  const term = input.value.trim();
  const filters = selectedFilters();
  rememberInUrl(term, filters);
  list.replaceChildren();
  shown = 0;
  currentResults = [];
  if (!term && Object.keys(filters).length === 0) {
    setStatus('');
    return;
  }
  const search = await pagefind.search(term || null, { filters, sort: term ? {} : { date: 'desc' } });
  if (mine !== generation) return;
  currentResults = search.results;
  currentTerms = term.split(/\s+/).filter(Boolean);
  const count = currentResults.length;
  const what = term ? ` for “${term}”` : '';
  setStatus(count === 0 ? `No quotes found${what}.` : `${count} ${count === 1 ? 'quote' : 'quotes'} found${what}.`);
  await showMore();
}

function scheduleSearch() {
  clearTimeout(timer);
  timer = setTimeout(() => runSearch().catch(fail), DEBOUNCE_MS);
}

function fail(error) {
  setStatus(`Search failed: ${error instanceof Error ? error.message : String(error)}`);
}

async function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const field of filterFields) field.value = params.get(field.dataset.searchFilter) ?? '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    runSearch().catch(fail);
  });
  input.addEventListener('input', scheduleSearch);
  for (const field of filterFields) field.addEventListener('change', () => runSearch().catch(fail));

  setStatus('Loading the search index…');
  pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  setStatus('');
  document.documentElement.dataset.searchReady = 'true';
  if (input.value || Object.keys(selectedFilters()).length > 0) await runSearch();
}

start().catch(fail);
