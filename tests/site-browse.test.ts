// The pages for browsing and the files for other tools, read back from real builds: every kind of
// page links to the others and back, the feeds, JSON and CSV parse and agree with the records,
// JSON-LD parses, untrusted text stays data everywhere, and a build under /archive/ stays there.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import type { HTMLElement } from 'node-html-parser';
import { loadArchive } from '../src/archive/load-archive.ts';
import type { Archive, ArticleRecord, Person, Quote } from '../src/record.ts';
import { sitemap, sitemapPart } from '../src/site/formats.ts';
import { siteModel } from '../src/site/site-model.ts';
import { HOME_ARTICLES } from '../templates/index.11ty.ts';
import { fixtureArchive, PEOPLE, SCRIPT_IN_TEXT } from './fixtures/archive.ts';
import { buildSite, buildSiteFrom, fileOf, pageExists, readHtml, readPage, squash, type BuiltSite } from './helpers/build-site.ts';
import { parseCsv, siteFiles, urlOfFile } from './helpers/site-files.ts';

const SITE_URL = 'https://news.example.org';
const ORIGIN_ENV = { SITE_URL };

// Independent of the site's code: URLs and orders are written out here from the brief.
const articlePath = (slug: string) => `/articles/${slug}/`;
const speakerPath = (id: string) => `/speakers/${id}/`;
const local = (quoteId: string) => quoteId.slice(quoteId.lastIndexOf('/') + 1);
const quotePagePath = (slug: string, quoteId: string) => `/quotes/${slug}/${local(quoteId)}/`;
const monthPath = (date: string) => `/dates/${date.slice(0, 4)}/${date.slice(5, 7)}/`;
const hasMonth = (date: string | null): date is string => date !== null && /^\d{4}-\d{2}/.test(date);

function newestFirst(archive: Archive): ArticleRecord[] {
  const dated = archive.articles.filter((a) => a.date !== null);
  const undated = archive.articles.filter((a) => a.date === null);
  dated.sort((a, b) => (a.date! === b.date! ? a.slug.localeCompare(b.slug) : a.date! < b.date! ? 1 : -1));
  undated.sort((a, b) => a.slug.localeCompare(b.slug));
  return [...dated, ...undated];
}

const allQuotes = (archive: Archive): { article: ArticleRecord; quote: Quote }[] =>
  archive.articles.flatMap((article) => article.quotes.map((quote) => ({ article, quote })));

/** Every person with a page: the people list plus speakers it lacks. */
function everyone(archive: Archive): Map<string, Pick<Person, 'id' | 'name' | 'kind'>> {
  const people = new Map<string, Pick<Person, 'id' | 'name' | 'kind'>>(archive.people.map((p) => [p.id, p]));
  for (const s of archive.articles.flatMap((a) => a.speakers)) if (!people.has(s.id)) people.set(s.id, s);
  return people;
}

function jsonLdOf(page: HTMLElement): Record<string, unknown>[] {
  return page.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.rawText) as Record<string, unknown>);
}

/** Parses XML, failing on anything not well-formed or holding characters XML forbids. */
function parseXml(text: string): Document {
  assert.doesNotMatch(text, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u, 'the XML holds a character XML does not allow');
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  });
  return parser.parseFromString(text, 'application/xml') as unknown as Document;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const childText = (el: Element, name: string): string | undefined => el.getElementsByTagNameNS(ATOM, name)[0]?.textContent ?? undefined;

interface JsonFeed {
  version: string;
  feed_url: string;
  items: { id: string; url: string; title: string; date_published: string; content_text: string; tags: string[]; external_url?: string }[];
}

describe('the browsable site built from the articles folder', () => {
  let site: BuiltSite;
  let archive: Archive;

  before(async () => {
    [site, archive] = await Promise.all([buildSite(ORIGIN_ENV), loadArchive('articles')]);
  });

  test('links each quote in an article to its speaker page and its own quote page, and each quote page back to its place', async () => {
    for (const article of archive.articles) {
      const page = await readPage(site.dir, articlePath(article.slug));
      for (const quote of article.quotes) {
        const own = quotePagePath(article.slug, quote.id);
        const links = page.querySelectorAll(`a.quote-link[href="${own}"]`);
        assert.equal(links.length, 1, `${article.slug} links ${quote.id} to its page ${links.length} times`);
        assert.ok(pageExists(site.dir, own), `no quote page ${own}`);
        const quotePage = await readPage(site.dir, own);
        const back = quotePage.querySelector('a.quote-in-article')?.getAttribute('href');
        assert.equal(back, `${articlePath(article.slug)}#${local(quote.id)}`);
        assert.ok(page.getElementById(local(quote.id)), `${back} is not an anchor`);
        if (quote.speakerId === null) continue;
        const speaker = speakerPath(quote.speakerId);
        assert.ok(quotePage.querySelectorAll('main a').some((a) => a.getAttribute('href') === speaker), `${own} does not link to ${speaker}`);
        const speakerPage = await readPage(site.dir, speaker);
        assert.equal(speakerPage.querySelectorAll(`a.quote-link[href="${own}"]`).length, 1, `${speaker} does not link to ${own}`);
      }
    }
  });

  test('gives each quote a page with its words, speaker, date, paragraph, citation and the rule that attributed it', async () => {
    const people = everyone(archive);
    for (const { article, quote } of allQuotes(archive)) {
      const url = quotePagePath(article.slug, quote.id);
      const page = await readPage(site.dir, url);
      assert.equal(squash(page.querySelector('.quote-figure blockquote')!.text), squash(quote.text), url);
      const name = quote.speakerId ? people.get(quote.speakerId)!.name : null;
      assert.equal(page.querySelector('h1')!.text, name ? `Quote by ${name}` : 'Unattributed quote');
      const date = quote.date ?? article.date;
      if (date) assert.equal(page.querySelector('.quote-figure time')?.getAttribute('datetime'), date);
      const marked = page.querySelectorAll('.context-text mark').map((m) => m.text).join('');
      assert.equal(squash(marked.replace(/[“”"]/g, '')), squash(quote.text.replace(/[“”"]/g, '')), `${url} marks other words than the quote`);
      assert.equal(page.querySelector('.why code')?.text, quote.attribution.rule);
      const citation = page.querySelector('.citation')!.text;
      assert.ok(citation.endsWith(`${SITE_URL}${url}`), `${url} citation: ${citation}`);
      if (name) assert.ok(citation.includes(name));
    }
  });

  test('lists every speaker by name and by number of quotes, and each speaker page lists their articles, fellow speakers and a search link', async () => {
    const people = everyone(archive);
    const quotes = allQuotes(archive);
    const countOf = (id: string) => quotes.filter((q) => q.quote.speakerId === id).length;
    const byName = (await readPage(site.dir, '/speakers/')).querySelectorAll('.speaker-list a').map((a) => a.getAttribute('href'));
    const byCount = (await readPage(site.dir, '/speakers/by-count/')).querySelectorAll('.speaker-list a').map((a) => a.getAttribute('href'));
    assert.deepEqual([...byName].sort(), [...people.keys()].map(speakerPath).sort());
    assert.deepEqual([...byCount].sort(), [...byName].sort());
    const counts = byCount.map((href) => countOf(decodeURIComponent(href!.split('/')[2]!)));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'the by-count index is not most quoted first');
    for (const [id] of people) {
      const page = await readPage(site.dir, speakerPath(id));
      const quoting = archive.articles.filter((a) => a.quotes.some((q) => q.speakerId === id));
      if (quoting.length > 0) assert.equal(page.querySelector('.search-speaker a')?.getAttribute('href'), `/search/?speaker=${encodeURIComponent(id)}`);
      const listed = page.querySelectorAll('#articles-heading + ol a').map((a) => a.getAttribute('href'));
      assert.deepEqual([...listed].sort(), quoting.map((a) => articlePath(a.slug)).sort(), `${id}: articles`);
      const fellows = new Set(
        quoting.flatMap((a) => a.quotes.map((q) => q.speakerId)).filter((other): other is string => other !== null && other !== id && people.get(other)?.kind !== 'unnamed'),
      );
      const shown = page.querySelectorAll('#others-heading + ul a').map((a) => a.getAttribute('href'));
      assert.deepEqual([...shown].sort(), [...fellows].map(speakerPath).sort(), `${id}: also quoted`);
      assert.equal(page.querySelectorAll('.quote-list .quote-item').length, countOf(id));
    }
  });

  test('links previous and next articles in date order, each link answered by the other page', async () => {
    const order = newestFirst(archive).map((a) => a.slug);
    const prev = new Map<string, string | undefined>();
    const next = new Map<string, string | undefined>();
    for (const slug of order) {
      const page = await readPage(site.dir, articlePath(slug));
      prev.set(slug, page.querySelector('.neighbours a[rel=prev]')?.getAttribute('href'));
      next.set(slug, page.querySelector('.neighbours a[rel=next]')?.getAttribute('href'));
    }
    order.forEach((slug, i) => {
      assert.equal(prev.get(slug), order[i + 1] && articlePath(order[i + 1]!), `${slug}: previous (older)`);
      assert.equal(next.get(slug), order[i - 1] && articlePath(order[i - 1]!), `${slug}: next (newer)`);
      const older = order[i + 1];
      if (older) assert.equal(next.get(older), articlePath(slug), `${older}'s next is not ${slug}, whose previous it is`);
    });
  });

  test('lists each article dated to a month or day on its month page, linked from the timeline and from the article', async () => {
    const timeline = await readPage(site.dir, '/dates/');
    const monthLinks = new Set(timeline.querySelectorAll('.month-list a').map((a) => a.getAttribute('href')));
    for (const article of archive.articles.filter((a) => hasMonth(a.date))) {
      const month = monthPath(article.date!);
      assert.ok(monthLinks.has(month), `the timeline lacks ${month}`);
      const page = await readPage(site.dir, month);
      assert.ok(page.querySelector(`.article-list a[href="${articlePath(article.slug)}"]`), `${month} does not list ${article.slug}`);
      const articlePage = await readPage(site.dir, articlePath(article.slug));
      assert.ok(articlePage.querySelector(`.article-header a[href="${month}"]`), `${article.slug} does not link to ${month}`);
    }
    for (const month of monthLinks) {
      const said = allQuotes(archive).filter(({ article, quote }) => {
        const date = quote.date ?? article.date;
        return hasMonth(date) && monthPath(date) === month;
      });
      const page = await readPage(site.dir, month!);
      assert.deepEqual(
        page.querySelectorAll('.quote-list a.quote-link').map((a) => a.getAttribute('href')).sort(),
        said.map(({ article, quote }) => quotePagePath(article.slug, quote.id)).sort(),
        `${month} quotes`,
      );
    }
  });

  test('shows related articles only when they quote a named speaker of the article', async () => {
    const people = everyone(archive);
    const named = (a: ArticleRecord) => new Set(a.quotes.map((q) => q.speakerId).filter((id): id is string => id !== null && people.get(id)?.kind !== 'unnamed'));
    let shown = 0;
    for (const article of archive.articles) {
      const page = await readPage(site.dir, articlePath(article.slug));
      for (const a of page.querySelectorAll('.related h3 a')) {
        const other = archive.articles.find((o) => articlePath(o.slug) === a.getAttribute('href'))!;
        assert.ok([...named(other)].some((id) => named(article).has(id)), `${other.slug} shares no speaker with ${article.slug}`);
        shown++;
      }
    }
    assert.ok(shown > 0, 'the seed articles share speakers, so some related articles are shown');
  });

  test('has a home page with the counts, a search form that works without script, the most quoted and the newest articles', async () => {
    const home = await readPage(site.dir, '/');
    const stat = (name: string) => Number.parseInt(home.querySelector(`[data-stat=${name}]`)!.text, 10);
    assert.equal(stat('articles'), archive.articles.length);
    assert.equal(stat('quotes'), allQuotes(archive).length);
    assert.equal(stat('speakers'), everyone(archive).size);
    const form = home.querySelector('form[role=search]')!;
    assert.equal(form.getAttribute('action'), '/search/');
    assert.equal(form.getAttribute('method'), 'get');
    assert.equal(form.querySelector('input')?.getAttribute('name'), 'q');
    const top = home.querySelector('.speaker-ranking a')?.getAttribute('href');
    const counts = new Map<string, number>();
    for (const { quote } of allQuotes(archive)) if (quote.speakerId) counts.set(quote.speakerId, (counts.get(quote.speakerId) ?? 0) + 1);
    assert.equal(top, speakerPath([...counts].sort((a, b) => b[1] - a[1])[0]![0]));
    const listed = home.querySelectorAll('.article-list h3 a').map((a) => a.getAttribute('href'));
    assert.deepEqual(listed, newestFirst(archive).slice(0, HOME_ARTICLES).map((a) => articlePath(a.slug)));
  });

  test('publishes an Atom feed and a JSON Feed that parse and list the newest dated articles', async () => {
    const expected = newestFirst(archive).filter((a) => a.date !== null).slice(0, 50);
    const atom = parseXml(await readHtml(site.dir, '/feed.xml'));
    const entries = [...(atom.getElementsByTagNameNS(ATOM, 'entry') as unknown as Element[])];
    assert.deepEqual(entries.map((e) => childText(e, 'id')), expected.map((a) => `${SITE_URL}${articlePath(a.slug)}`));
    entries.forEach((entry, i) => {
      assert.match(childText(entry, 'updated')!, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      assert.ok(childText(entry, 'updated')!.startsWith(expected[i]!.date!));
      assert.ok(childText(entry, 'title'));
    });
    const feed = JSON.parse(await readHtml(site.dir, '/feed.json')) as JsonFeed;
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.feed_url, `${SITE_URL}/feed.json`);
    assert.deepEqual(feed.items.map((i) => i.url), expected.map((a) => `${SITE_URL}${articlePath(a.slug)}`));
    assert.deepEqual(feed.items.map((i) => i.title), entries.map((e) => childText(e, 'title')));
    const home = await readPage(site.dir, '/');
    assert.equal(home.querySelector('link[type="application/atom+xml"]')?.getAttribute('href'), '/feed.xml');
  });

  test('publishes an Atom feed per speaker of their newest quotes, linked from their page', async () => {
    const peskov = allQuotes(archive).filter(({ quote }) => quote.speakerId === 'dmitry-peskov');
    const page = await readPage(site.dir, speakerPath('dmitry-peskov'));
    const feedPath = `${speakerPath('dmitry-peskov')}feed.xml`;
    assert.equal(page.querySelector(`head link[rel="alternate"][type="application/atom+xml"][href="${feedPath}"]`)?.getAttribute('title'), 'Dmitry Peskov: new quotes (Atom)');
    assert.ok(page.querySelector(`main a[href="${feedPath}"]`), 'a visible link to the feed');
    const atom = parseXml(await readHtml(site.dir, feedPath));
    assert.equal(atom.documentElement.namespaceURI, ATOM);
    const self = [...(atom.getElementsByTagNameNS(ATOM, 'link') as unknown as Element[])].find((l) => l.getAttribute('rel') === 'self');
    assert.equal(self?.getAttribute('href'), `${SITE_URL}${feedPath}`);
    const entries = [...(atom.getElementsByTagNameNS(ATOM, 'entry') as unknown as Element[])];
    assert.equal(entries.length, peskov.filter(({ article }) => article.date !== null).length);
    const quotePages = new Set(peskov.map(({ article, quote }) => `${SITE_URL}/quotes/${article.slug}/${quote.id.split('/').at(-1)}/`));
    for (const entry of entries) {
      assert.ok(quotePages.has(childText(entry, 'id')!), `${childText(entry, 'id')} is one of his quotes`);
      assert.match(childText(entry, 'summary')!, /— Dmitry Peskov, quoted in/);
    }
    const dates = entries.map((e) => childText(e, 'updated')!);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  });

  test('publishes every record as JSON, exactly as extracted', async () => {
    const published = JSON.parse(await readHtml(site.dir, '/data/articles.json')) as ArticleRecord[];
    assert.deepEqual(published.map((a) => a.slug), newestFirst(archive).map((a) => a.slug));
    const bySlug = new Map(archive.articles.map((a) => [a.slug, a]));
    for (const record of published) assert.deepEqual(record, JSON.parse(JSON.stringify(bySlug.get(record.slug))));
  });

  test('publishes every quote as RFC 4180 CSV that agrees with the records', async () => {
    const raw = await readHtml(site.dir, '/data/quotes.csv');
    assert.ok(raw.endsWith('\r\n'));
    const [header, ...rows] = parseCsv(raw);
    assert.deepEqual(header, ['id', 'text', 'speaker_id', 'speaker_name', 'kind', 'date', 'article_slug', 'article_title', 'url', 'corrected', 'statement']);
    const people = everyone(archive);
    const quotes = new Map(allQuotes(archive).map((q) => [q.quote.id, q]));
    assert.equal(rows.length, quotes.size);
    for (const row of rows) {
      assert.equal(row.length, header!.length);
      const [id, text, speakerId, speakerName, kind, date, slug, , url] = row as string[];
      const found = quotes.get(id!);
      assert.ok(found, `${id} is not a quote`);
      const unformula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
      assert.equal(unformula(text!), found.quote.text);
      assert.equal(speakerId, found.quote.speakerId ?? '');
      assert.equal(speakerName, found.quote.speakerId ? people.get(found.quote.speakerId)!.name : '');
      assert.equal(kind, found.quote.kind);
      assert.equal(date, found.quote.date ?? found.article.date ?? '');
      assert.equal(slug, found.article.slug);
      assert.equal(url, `${SITE_URL}${quotePagePath(found.article.slug, found.quote.id)}`);
    }
  });

  test('describes pages with schema.org JSON-LD that parses: NewsArticle, Person and Quotation', async () => {
    for (const article of archive.articles) {
      const [data] = jsonLdOf(await readPage(site.dir, articlePath(article.slug)));
      assert.equal(data?.['@type'], 'NewsArticle');
      assert.equal(data?.['url'], `${SITE_URL}${articlePath(article.slug)}`);
      if (article.date) assert.equal(data?.['datePublished'], article.date);
    }
    for (const [id, person] of everyone(archive)) {
      const [data] = jsonLdOf(await readPage(site.dir, speakerPath(id)));
      assert.equal(data?.['@type'], person.kind === 'organisation' ? 'Organization' : 'Person');
      assert.equal(data?.['name'], person.name);
    }
    for (const { article, quote } of allQuotes(archive)) {
      const [data] = jsonLdOf(await readPage(site.dir, quotePagePath(article.slug, quote.id)));
      assert.equal(data?.['@type'], 'Quotation');
      assert.equal(data?.['text'], quote.text);
    }
    assert.equal(jsonLdOf(await readPage(site.dir, '/'))[0]?.['@type'], 'WebSite');
  });

  test('gives every page its canonical address, OpenGraph tags and a Content-Security-Policy with no inline script or style', async () => {
    for (const file of await siteFiles(site.dir)) {
      const url = urlOfFile(site.dir, file);
      const html = await readFile(file, 'utf8');
      const page = await readPage(site.dir, url);
      const csp = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
      assert.match(csp, /default-src 'none'/, `${url} CSP`);
      assert.match(csp, /style-src 'self'/, `${url} CSP`);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/, `${url} CSP allows too much`);
      if (url === '/search/') assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      else assert.match(csp, /script-src 'none'/, `${url} may run scripts`);
      assert.equal(page.querySelectorAll('script:not([src]):not([type="application/ld+json"]), style, [style]').length, 0, `${url} has inline script or style`);
      assert.doesNotMatch(html, /\son[a-z]+=/i, `${url} has an inline event handler`);
      if (url === '/404.html') {
        assert.equal(page.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex');
        continue;
      }
      assert.equal(page.querySelector('link[rel=canonical]')?.getAttribute('href'), `${SITE_URL}${url}`, `${url} canonical`);
      assert.equal(page.querySelector('meta[property="og:url"]')?.getAttribute('content'), `${SITE_URL}${url}`);
      assert.ok(page.querySelector('meta[property="og:title"]')?.getAttribute('content'), `${url} og:title`);
    }
  });

  test('keeps every article page with its stylesheet under 30 KB gzipped, without web fonts or scripts', async () => {
    const css = await readFile(join(site.dir, 'assets/site.css'));
    assert.doesNotMatch(css.toString(), /@font-face|@import|url\(/, 'the stylesheet loads something else');
    const cssBytes = gzipSync(css).length;
    for (const article of archive.articles) {
      const html = await readFile(fileOf(site.dir, articlePath(article.slug)));
      const total = gzipSync(html).length + cssBytes;
      assert.ok(total < 30 * 1024, `${article.slug} weighs ${total} bytes gzipped with its CSS`);
    }
  });

  test('has a sitemap of every page, robots.txt pointing to it, an about page and a 404 page', async () => {
    const sitemap = parseXml(await readHtml(site.dir, '/sitemap.xml'));
    const locs = [...(sitemap.getElementsByTagName('loc') as unknown as Element[])].map((l) => l.textContent);
    const pages = (await siteFiles(site.dir)).map((f) => urlOfFile(site.dir, f)).filter((u) => u !== '/404.html');
    assert.deepEqual([...locs].sort(), pages.map((u) => `${SITE_URL}${u}`).sort());
    const robots = await readHtml(site.dir, '/robots.txt');
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, new RegExp(`^Sitemap: ${SITE_URL}/sitemap.xml$`, 'm'));
    const about = await readPage(site.dir, '/about/');
    assert.match(about.querySelector('#report')?.text ?? '', /wrong attribution/i);
    const notFound = await readPage(site.dir, '/404.html');
    assert.equal(notFound.querySelector('h1')?.text, 'Page not found');
  });

  test('splits a sitemap with more addresses than one file may hold into parts under an index', () => {
    const model = siteModel(archive);
    const whole = parseXml(sitemap(model));
    const all = [...(whole.getElementsByTagName('loc') as unknown as Element[])].map((l) => l.textContent);
    const index = parseXml(sitemap(model, 10));
    assert.equal(index.documentElement.tagName, 'sitemapindex');
    const parts = [...(index.getElementsByTagName('loc') as unknown as Element[])].map((l) => l.textContent ?? '');
    assert.equal(parts.length, Math.ceil(all.length / 10));
    const fromParts = parts.flatMap((url, i) => {
      assert.ok(url.endsWith(`/sitemaps/${i + 1}.xml`), url);
      const part = parseXml(sitemapPart(model, i + 1, 10));
      return [...(part.getElementsByTagName('loc') as unknown as Element[])].map((l) => l.textContent);
    });
    assert.deepEqual(fromParts, all);
  });
});

/** The fixture archive with the front matter fields set, one original URL hostile, and cells a spreadsheet would run. */
function hostileArchive(): Archive {
  const archive = fixtureArchive();
  const articles = archive.articles.map((a): ArticleRecord => {
    if (a.slug === 'ferry-timetable-approved') {
      return { ...a, url: 'https://portwell.example/news/ferry?id=1&b=2', outlet: 'Portwell <Gazette>', author: 'A. Writer', title: '=HYPERLINK("https://evil.example","click")' };
    }
    if (a.slug === 'lighthouse-keepers-remembered') return { ...a, url: 'javascript:alert(1)', outlet: null, author: null };
    return a;
  });
  const people = PEOPLE.map((p) => (p.id === 'tomas-berg' ? { ...p, name: '@SUM(1+1) </script><b>Berg</b>' } : p));
  return { ...archive, articles: articles.map((a) => ({ ...a, speakers: a.speakers.map((s) => people.find((p) => p.id === s.id) ?? s) })), people };
}

describe('the browsable site built from hostile text', () => {
  let site: BuiltSite;
  const archive = hostileArchive();

  before(async () => {
    site = await buildSiteFrom(archive, ORIGIN_ENV);
  });

  test('keeps markup from the text as data in JSON-LD, which cannot end its script element', async () => {
    const html = await readHtml(site.dir, '/articles/pier-lights-fail-again/');
    const scripts = html.match(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.doesNotMatch(scripts[0]!.slice(0, -'</script>'.length).slice('<script type="application/ld+json">'.length), /</);
    const [data] = jsonLdOf(await readPage(site.dir, '/articles/pier-lights-fail-again/'));
    assert.ok(String(data?.['headline']).includes(SCRIPT_IN_TEXT));
    const speaker = jsonLdOf(await readPage(site.dir, '/speakers/tomas-berg/'))[0];
    assert.equal(speaker?.['name'], '@SUM(1+1) </script><b>Berg</b>');
    for (const url of ['/speakers/tomas-berg/', '/quotes/ferry-timetable-approved/q3/', '/articles/ferry-timetable-approved/']) {
      assert.equal((await readPage(site.dir, url)).querySelectorAll('main b, main script').length, 0, `${url} renders markup`);
    }
  });

  test('keeps markup and odd characters as text in the feeds and the CSV', async () => {
    const atom = parseXml(await readHtml(site.dir, '/feed.xml'));
    const titles = [...(atom.getElementsByTagNameNS(ATOM, 'title') as unknown as Element[])].map((t) => t.textContent ?? '');
    assert.ok(titles.some((t) => t.includes(SCRIPT_IN_TEXT)), 'the derived title with markup is in the feed as text');
    const categories = [...(atom.getElementsByTagNameNS(ATOM, 'category') as unknown as Element[])].map((c) => c.getAttribute('label'));
    assert.ok(categories.includes('@SUM(1+1) </script><b>Berg</b>'));
    const feed = JSON.parse(await readHtml(site.dir, '/feed.json')) as JsonFeed;
    assert.ok(feed.items.some((i) => i.title.includes(SCRIPT_IN_TEXT)));
    assert.ok(feed.items.every((i) => !('content_html' in i)), 'the JSON Feed carries no HTML');
  });

  test('prefixes CSV cells that a spreadsheet would run as a formula, and quotes cells with marks and line breaks', async () => {
    const rows = parseCsv(await readHtml(site.dir, '/data/quotes.csv'));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const ferry = rows.filter((r) => r[col('article_slug')] === 'ferry-timetable-approved');
    assert.ok(ferry.length > 0);
    for (const row of ferry) assert.equal(row[col('article_title')], `'=HYPERLINK("https://evil.example","click")`);
    const berg = rows.filter((r) => r[col('speaker_id')] === 'tomas-berg');
    assert.ok(berg.length > 0);
    for (const row of berg) assert.equal(row[col('speaker_name')], `'@SUM(1+1) </script><b>Berg</b>`);
    const overTwo = rows.find((r) => r[col('text')]!.includes('\n'));
    assert.ok(overTwo, 'the quote over two paragraphs keeps its line break inside one cell');
    for (const row of rows.slice(1)) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a cell starts a formula: ${cell}`);
  });

  test('links the original only when its address is http(s), and names the outlet and author', async () => {
    const ferry = await readPage(site.dir, '/articles/ferry-timetable-approved/');
    const original = ferry.querySelector('.original')!;
    assert.match(original.text, /Published by A\. Writer in Portwell <Gazette>/);
    assert.equal(original.querySelector('a')?.getAttribute('href'), 'https://portwell.example/news/ferry?id=1&b=2');
    const keepers = await readPage(site.dir, '/articles/lighthouse-keepers-remembered/');
    assert.equal(keepers.querySelectorAll('a[href^="javascript:"]').length, 0);
    assert.equal(keepers.querySelector('.original'), null);
    const feed = JSON.parse(await readHtml(site.dir, '/feed.json')) as JsonFeed;
    assert.equal(feed.items.find((i) => i.url.endsWith('/ferry-timetable-approved/'))?.external_url, 'https://portwell.example/news/ferry?id=1&b=2');
  });

  test('lists undated articles under their own heading on the timeline, and month-only articles on their month page', async () => {
    const timeline = await readPage(site.dir, '/dates/');
    const undated = timeline.querySelectorAll('#undated ~ ul a').map((a) => a.getAttribute('href'));
    assert.deepEqual(undated, ['/articles/lighthouse-keepers-remembered/']);
    const february = await readPage(site.dir, '/dates/2021/02/');
    assert.equal(february.querySelector('h1')?.text, 'February 2021');
    assert.ok(february.querySelector('.article-list a[href="/articles/pier-lights-fail-again/"]'));
    assert.ok(!pageExists(site.dir, '/dates/undated/'));
  });
});

describe('the site built under the path prefix /archive/', () => {
  let site: BuiltSite;
  const PREFIX = '/archive/';

  before(async () => {
    site = await buildSite({ SITE_URL, PATH_PREFIX: PREFIX });
  });

  test('keeps every link, asset, form and citation of every page inside /archive/, each pointing at a built file', async () => {
    let checked = 0;
    for (const file of await siteFiles(site.dir)) {
      const url = urlOfFile(site.dir, file);
      const page = await readPage(site.dir, url);
      for (const el of page.querySelectorAll('[href], [src], [action], [cite]')) {
        for (const attribute of ['href', 'src', 'action', 'cite']) {
          const value = el.getAttribute(attribute);
          if (value === undefined || value.startsWith('#') || value.startsWith('data:')) continue;
          const target = new URL(value, `${SITE_URL}${PREFIX}`);
          if (target.origin !== SITE_URL) continue; // another site: Wikidata, the original article
          assert.ok(target.pathname.startsWith(PREFIX), `${url} ${attribute}="${value}" leaves ${PREFIX}`);
          assert.ok(pageExists(site.dir, `/${target.pathname.slice(PREFIX.length)}`), `${url} ${attribute}="${value}" points at nothing`);
          checked++;
        }
      }
    }
    assert.ok(checked > 500, `only ${checked} links checked`);
  });

  test('writes absolute addresses under the prefix in feeds, sitemap, robots.txt, JSON-LD and CSV', async () => {
    for (const file of ['/feed.xml', '/feed.json', '/speakers/dmitry-peskov/feed.xml', '/sitemap.xml', '/robots.txt', '/data/quotes.csv', '/articles/kremlin-dialogue-always-needed/']) {
      const text = await readHtml(site.dir, file);
      const addresses = text.match(/https:\/\/news\.example\.org[^\s"'<>,)]*/g) ?? [];
      assert.ok(addresses.length > 0, `${file} has no address of the site`);
      for (const address of addresses) assert.ok(address.startsWith(`${SITE_URL}${PREFIX}`), `${file}: ${address}`);
    }
  });
});
