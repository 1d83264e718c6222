// The built site, read back as HTML: the real archive from articles/, and a hand-made fixture
// archive for what the seed articles do not contain (markup in the text, odd dates and titles).
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { HTMLElement } from 'node-html-parser';
import { loadArchive } from '../src/archive/load-archive.ts';
import type { Archive, ArticleRecord } from '../src/record.ts';
import { searchDocuments } from '../src/search/search-document.ts';
import { quoteAnchor, quotePageUrl } from '../src/site/urls.ts';
import { fixtureArchive, SCRIPT_IN_TEXT } from './fixtures/archive.ts';
import { buildSite, buildSiteFrom, pageExists, readHtml, readPage, squash, type BuiltSite } from './helpers/build-site.ts';
import { tempDir } from './helpers/temp.ts';

/** The text a reader sees in an element, without the speaker tags, quote links and screen-reader-only words. */
function readerText(element: HTMLElement): string {
  const copy = element.clone() as HTMLElement;
  for (const extra of copy.querySelectorAll('.speaker, .quote-link, .visually-hidden')) extra.remove();
  return squash(copy.text);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** URL of a built HTML file. */
const urlOf = (dir: string, file: string): string => `/${relative(dir, file).replace(/index\.html$/, '')}`;

/** Splits `/articles/x/#q3` into the page and the fragment. */
function splitLink(href: string): { page: string; anchor: string } {
  const [page = '', anchor = ''] = href.split('#');
  return { page, anchor };
}

/** Independent of the site's own sorting: dated articles by date descending, then undated ones. */
function expectedOrder(archive: Archive): string[] {
  const dated = archive.articles.filter((a) => a.date !== null);
  const undated = archive.articles.filter((a) => a.date === null);
  dated.sort((a, b) => (a.date! === b.date! ? a.slug.localeCompare(b.slug) : a.date! < b.date! ? 1 : -1));
  undated.sort((a, b) => a.slug.localeCompare(b.slug));
  return [...dated, ...undated].map((a) => a.slug);
}

const SHOWN_ROLES = new Set(['body', 'subheading', 'caption', 'dateline']);

async function assertArticlePagesHoldTheirText(site: BuiltSite, articles: ArticleRecord[]): Promise<void> {
  for (const article of articles) {
    const url = `/articles/${article.slug}/`;
    assert.ok(pageExists(site.dir, url), `no page for ${article.slug}`);
    const text = readerText((await readPage(site.dir, url)).querySelector('.article-text')!);
    for (const p of article.paragraphs.filter((p) => SHOWN_ROLES.has(p.role) && p.text.trim() !== '')) {
      assert.ok(text.includes(squash(p.text)), `${url} lacks paragraph ${p.index}: ${p.text.slice(0, 60)}`);
    }
  }
}

async function assertQuotesLinkToSpeakers(site: BuiltSite, articles: ArticleRecord[]): Promise<void> {
  for (const article of articles) {
    const url = `/articles/${article.slug}/`;
    const page = await readPage(site.dir, url);
    for (const quote of article.quotes) {
      const anchor = page.getElementById(quoteAnchor(quote.id));
      assert.ok(anchor, `${url} has no anchor for ${quote.id}`);
      const cite = anchor.getAttribute('cite') ?? anchor.querySelector('[cite]')?.getAttribute('cite');
      if (quote.speakerId === null) {
        assert.equal(cite, undefined, `${quote.id} has no speaker but cites one`);
        continue;
      }
      assert.equal(cite, `/speakers/${quote.speakerId}/`, `${quote.id} does not cite its speaker`);
      assert.ok(pageExists(site.dir, cite), `${quote.id} cites ${cite}, which does not exist`);
    }
    for (const link of page.querySelectorAll('.article-text a.speaker, .other-quotes a.speaker')) {
      assert.ok(pageExists(site.dir, link.getAttribute('href')!), `${url} links to a missing speaker page`);
    }
  }
}

async function assertSpeakerQuotesLinkBack(site: BuiltSite, archive: Archive): Promise<void> {
  const index = await readPage(site.dir, '/speakers/');
  const speakerLinks = index.querySelectorAll('.speaker-list a').map((a) => a.getAttribute('href')!);
  assert.ok(speakerLinks.length > 0, 'the speakers index lists no one');
  let linked = 0;
  for (const href of speakerLinks) {
    assert.ok(pageExists(site.dir, href), `the speakers index links to a missing ${href}`);
    const page = await readPage(site.dir, href);
    for (const a of page.querySelectorAll('.quote-source a.quote-in-article')) {
      const { page: articleUrl, anchor } = splitLink(a.getAttribute('href')!);
      assert.match(articleUrl, /^\/articles\/[^/]+\/$/);
      const article = await readPage(site.dir, articleUrl);
      assert.ok(article.getElementById(anchor), `${href} links to ${articleUrl}#${anchor}, which has no such anchor`);
      linked++;
    }
  }
  const attributed = archive.articles.flatMap((a) => a.quotes).filter((q) => q.speakerId !== null).length;
  assert.equal(linked, attributed, 'every attributed quote is on exactly one speaker page');
}

/** Every page passes html-validate's recommended rules and has the landmarks a reader relies on. */
async function assertValidPages(site: BuiltSite): Promise<void> {
  // Headlines are the publisher's and often longer than 70 characters; the title keeps them whole.
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
  const problems: string[] = [];
  for (const file of await htmlFiles(site.dir)) {
    const url = urlOf(site.dir, file);
    const report = await validator.validateFile(file);
    problems.push(...report.results.flatMap((r) => r.messages.map((m) => `${url} ${m.line}:${m.column} ${m.message} (${m.ruleId})`)));
    const page = await readPage(site.dir, url);
    assert.equal(page.querySelector('html')?.getAttribute('lang'), 'en');
    assert.equal(page.querySelectorAll('main').length, 1);
    assert.equal(page.querySelector('a.skip-link')?.getAttribute('href'), '#main');
    const levels = page.querySelectorAll('h1, h2, h3, h4').map((h) => Number(h.tagName[1]));
    assert.equal(levels[0], 1, `${url} does not start with an h1`);
    assert.equal(levels.filter((l) => l === 1).length, 1, `${url} has more than one h1`);
    levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1]! + 1, `${url} skips a heading level`));
  }
  assert.deepEqual(problems, [], 'html-validate finds problems');
}

async function homeOrder(site: BuiltSite): Promise<string[]> {
  const home = await readPage(site.dir, '/');
  return home.querySelectorAll('.article-list h3 a').map((a) => a.getAttribute('href')!.split('/')[2]!);
}

describe('the site built from the articles folder', () => {
  let site: BuiltSite;
  let archive: Archive;

  before(async () => {
    [site, archive] = await Promise.all([buildSite(), loadArchive('articles')]);
    console.log(`  real site built in ${site.ms} ms`);
  });

  test('has a page for every article holding the text of each of its shown paragraphs', async () => {
    assert.ok(archive.articles.length >= 5);
    await assertArticlePagesHoldTheirText(site, archive.articles);
  });

  test('gives every quote on an article page an anchor that links to an existing speaker page', async () => {
    await assertQuotesLinkToSpeakers(site, archive.articles);
  });

  test('links every quote on a speaker page back to an existing anchor on its article page', async () => {
    await assertSpeakerQuotesLinkBack(site, archive);
  });

  test('lists all articles on the home page, newest first', async () => {
    assert.deepEqual(await homeOrder(site), expectedOrder(archive));
  });

  test('shows a month-precision date as the month, never a made-up day', async () => {
    const monthOnly = archive.articles.find((a) => a.datePrecision === 'month');
    assert.ok(monthOnly, 'the seed articles include one dated only to the month');
    const home = await readPage(site.dir, '/');
    const item = home.querySelectorAll('.article-list li').find((li) => li.querySelector(`a[href="/articles/${monthOnly.slug}/"]`));
    assert.equal(item?.querySelector('time')?.getAttribute('datetime'), monthOnly.date);
    assert.equal(item?.querySelector('time')?.text, 'September 2015');
  });

  test('shows Jeff Davis on his page with his quote about de-confliction', async () => {
    const page = await readPage(site.dir, '/speakers/jeff-davis/');
    assert.equal(page.querySelector('h1')?.text, 'Jeff Davis');
    assert.ok(page.querySelectorAll('.quote-item blockquote').some((q) => q.text.includes('de-confliction')));
  });

  test('indexes every quote, in one search page per article, each pointing at an anchor that exists', async () => {
    const documents = searchDocuments(archive);
    assert.equal(documents.flatMap((d) => d.quotes).length, archive.articles.flatMap((a) => a.quotes).filter((q) => q.text.trim() !== '').length);
    for (const doc of documents) {
      const page = await readPage(site.dir, doc.url);
      for (const quote of doc.quotes) assert.ok(page.getElementById(quote.anchor), `${doc.url}#${quote.anchor} is not an anchor`);
    }
    const bundles = JSON.parse(await readHtml(site.dir, '/pagefind/bundles.json')) as { bundles: { name: string; pages: number }[] };
    let pages = 0;
    for (const bundle of bundles.bundles) {
      const entry = JSON.parse(await readHtml(site.dir, `/pagefind/${bundle.name}/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
      assert.equal(entry.languages['en']?.page_count, bundle.pages);
      pages += bundle.pages;
    }
    assert.equal(pages, documents.length);
  });

  test('loads JavaScript on the search page only, and says so when it is off', async () => {
    for (const file of await htmlFiles(site.dir)) {
      const url = urlOf(site.dir, file);
      // JSON-LD is data, never run: only other scripts count.
      const scripts = (await readPage(site.dir, url)).querySelectorAll('script:not([type="application/ld+json"])');
      if (url === '/search/') assert.equal(scripts.length, 1);
      else assert.equal(scripts.length, 0, `${url} has a script`);
    }
    const search = await readPage(site.dir, '/search/');
    assert.match(search.querySelector('noscript')?.text ?? '', /needs JavaScript/);
    const input = search.querySelector('input[type=search]');
    assert.ok(search.querySelector(`label[for="${input?.id}"]`), 'the search input has a label');
  });

  test('serves valid, accessible HTML: a language, one main, a skip link and headings in order', async () => {
    await assertValidPages(site);
  });
});

describe('the site built from the fixture archive', () => {
  let site: BuiltSite;
  const archive = fixtureArchive();

  before(async () => {
    site = await buildSiteFrom(archive);
  });

  test('escapes markup in article text, quotes, titles and roles instead of rendering it', async () => {
    const html = await readHtml(site.dir, '/articles/pier-lights-fail-again/');
    const page = await readPage(site.dir, '/articles/pier-lights-fail-again/');
    assert.equal(page.querySelectorAll('script:not([type="application/ld+json"])').length, 0);
    assert.equal(page.querySelectorAll('.article-text b').length, 0);
    assert.ok(readerText(page.querySelector('.article-text')!).includes(SCRIPT_IN_TEXT));
    assert.ok(page.querySelector('h1')!.text.includes(SCRIPT_IN_TEXT), 'the derived title keeps the text as text');
    assert.ok(!html.includes(SCRIPT_IN_TEXT));
    assert.ok(page.getElementById('q1')!.text.includes('Fix the <b>lights</b> & the rails'));
    for (const url of ['/', '/speakers/mara-quist/']) {
      assert.equal((await readPage(site.dir, url)).querySelectorAll('script:not([type="application/ld+json"]), b').length, 0, `${url} renders markup from the text`);
    }
    const historian = await readPage(site.dir, '/speakers/elin-sand/');
    assert.equal(historian.querySelectorAll('main em').length, 0);
    assert.ok(historian.querySelector('.facts')!.text.includes('<em>local</em> historian'));
  });

  test('describes a speaker on a quote page as the quote’s article does, not with every role from other articles', async () => {
    let checked = 0;
    for (const article of archive.articles) {
      for (const quote of article.quotes) {
        const person = archive.people.find((p) => p.id === quote.speakerId);
        if (!person) continue;
        const here = article.speakers.find((s) => s.id === person.id)?.roles ?? [];
        const expected = (here.length > 0 ? here : person.roles.slice(0, 1)).join('; ');
        const page = await readPage(site.dir, quotePageUrl(article.slug, quote.id));
        assert.equal(page.querySelector('.facts .roles')?.text ?? '', expected, `${article.slug} ${quote.id}`);
        checked++;
      }
    }
    assert.ok(checked > 0);
  });

  test('has pages that hold their text and quotes linked both ways', async () => {
    await assertArticlePagesHoldTheirText(site, archive.articles);
    await assertQuotesLinkToSpeakers(site, archive.articles);
    await assertSpeakerQuotesLinkBack(site, archive);
  });

  test('puts undated articles last on the home page and marks a derived title', async () => {
    assert.deepEqual(await homeOrder(site), ['ferry-timetable-approved', 'pier-lights-fail-again', 'lighthouse-keepers-remembered']);
    const home = await readPage(site.dir, '/');
    const derived = home.querySelectorAll('.article-list h3').filter((h) => h.querySelector('.derived-mark'));
    assert.equal(derived.length, 1);
    assert.ok(derived[0]!.text.startsWith('In February the lights'));
    assert.ok(home.text.includes('February 2021'));
    assert.ok(home.text.includes('Undated'));
  });

  test('says where a date came from unless the editor gave it', async () => {
    const fromText = await readPage(site.dir, '/articles/pier-lights-fail-again/');
    assert.equal(fromText.querySelector('.date-source')?.text, 'Date taken from the article text.');
    const fromEditor = await readPage(site.dir, '/articles/ferry-timetable-approved/');
    assert.equal(fromEditor.querySelector('.date-source'), null);
  });

  test('sets a direct quote that is a whole paragraph as a blockquote and others inline', async () => {
    const page = await readPage(site.dir, '/articles/ferry-timetable-approved/');
    assert.equal(page.getElementById('q3')?.tagName, 'BLOCKQUOTE');
    assert.equal(page.getElementById('q1')?.tagName, 'Q');
    assert.equal(page.getElementById('q4')?.tagName, 'Q');
    assert.ok(page.getElementById('q4')!.classList.contains('partial'));
  });

  test('shows the headline once and never shows furniture', async () => {
    const page = await readPage(site.dir, '/articles/lighthouse-keepers-remembered/');
    assert.equal(page.querySelector('h1')?.text, 'Keepers ‘never left the light’, historian says');
    assert.ok(!readerText(page.querySelector('.article-text')!).includes('historian says'));
    const ferry = await readPage(site.dir, '/articles/ferry-timetable-approved/');
    assert.ok(!ferry.querySelector('main')!.text.includes('Share this article'));
  });

  test('marks a quote over two paragraphs in both, with one anchor and one speaker link', async () => {
    const page = await readPage(site.dir, '/articles/lighthouse-keepers-remembered/');
    const parts = page.querySelectorAll('.article-text q');
    assert.equal(parts.length, 2);
    assert.equal(parts[0]!.id, 'q2');
    assert.equal(parts[1]!.id, '');
    assert.equal(parts[1]!.text, 'They never left the light,');
    assert.equal(page.querySelectorAll('.article-text a.speaker').length, 1);
  });

  test('lists a quote it cannot show in the text, such as one in the headline, with its anchor', async () => {
    const page = await readPage(site.dir, '/articles/lighthouse-keepers-remembered/');
    const item = page.querySelector('.other-quotes li#q1');
    assert.ok(item, 'the headline quote is listed with its anchor');
    assert.match(item.text, /in the headline/);
  });

  test('serves valid HTML for every kind of block and quote', async () => {
    await assertValidPages(site);
  });

  test('shows an unattributed quote with its anchor and without a speaker link', async () => {
    const page = await readPage(site.dir, '/articles/pier-lights-fail-again/');
    const quote = page.getElementById('q2');
    assert.ok(quote);
    assert.equal(quote.getAttribute('cite'), undefined);
    assert.ok(page.querySelector('.article-text .unattributed'));
  });
});

describe('the site built from an articles folder with markup in the text', () => {
  let site: BuiltSite;

  before(async () => {
    const dir = await tempDir('articles-');
    await writeFile(
      join(dir, '2020-05-01-harbour-notice.md'),
      [
        '---',
        'date: 2020-05-01',
        'title: Harbour <script>alert("title")</script> notice',
        '---',
        'The notice on the harbour gate read <script>alert("gate")</script> in red paint.',
        '',
        '“Nobody should write <b>anything</b> on the gate,” said harbour master Ana Ruiz.',
        '',
      ].join('\n'),
    );
    site = await buildSite({ ARCHIVE_DIR: dir });
  });

  test('escapes markup written in an article instead of running or rendering it', async () => {
    const url = '/articles/harbour-notice/';
    const page = await readPage(site.dir, url);
    assert.equal(page.querySelectorAll('script:not([type="application/ld+json"]), b').length, 0);
    assert.ok(page.querySelector('h1')!.text.includes('<script>alert("title")</script>'));
    assert.ok(readerText(page.querySelector('.article-text')!).includes('<script>alert("gate")</script>'));
    const home = await readPage(site.dir, '/');
    assert.equal(home.querySelectorAll('script:not([type="application/ld+json"])').length, 0);
  });
});
