// Pages keyed by their inputs (src/site/page-inputs.ts): a rebuild renders only the article and
// quote pages whose inputs or renderer changed, and still writes exactly the pages a clean build
// writes. Each case renders a synthetic archive, changes it, renders it again with what the first
// render left as the output, and compares every page with a clean render of the changed archive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, cp, readFile, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive } from '../src/archive/build-archive.ts';
import { parsePeopleFile } from '../src/archive/people-file.ts';
import { deepFreeze } from '../src/site/archive-source.ts';
import { articlePageInputs, articlePageModel, monthPageInputs, monthPageModel, speakerPageInputs, speakerPageModel } from '../src/site/page-inputs.ts';
import { siteModel } from '../src/site/site-model.ts';
import { writePages, type OutputFiles, type WrittenPages } from '../src/site/write-pages.ts';
import type { Archive } from '../src/record.ts';
import { sourceHash } from '../src/io/code-version.ts';
import { rendererCode } from '../src/pipeline/versions.ts';
import { SITE } from '../src/site/config.ts';
import { readSourceText, syntheticArticles, type SyntheticArticle } from '../scripts/make-synthetic-archive.ts';
import { tempDir } from './helpers/temp.ts';

const ARTICLES = syntheticArticles(40, readSourceText('articles'));

function archiveOf(articles: SyntheticArticle[], peopleYaml = ''): Archive {
  const inputs = articles.map((a) => ({ path: `/articles/${a.name}`, bytes: Buffer.from(a.text) }));
  return deepFreeze(buildArchive(inputs, { people: parsePeopleFile(peopleYaml, 'people.yml').people }));
}

/** The output a render left, as the build command hands it to the next one. */
function outputOf(dir: string, written: WrittenPages): OutputFiles {
  const hashes = new Map(written.files.map((f) => [f.rel, f.hash]));
  const inputKeys = new Map(written.files.flatMap((f) => (f.inputKey ? [[f.rel, f.inputKey] as const] : [])));
  return { dir, hashes, inputKeys };
}

async function contents(written: WrittenPages): Promise<Map<string, string>> {
  return new Map(await Promise.all(written.files.map(async (f) => [f.rel, await readFile(f.path!, 'utf8')] as const)));
}

/**
 * Renders `before` keyed under `versions[0]`, then `after` under `versions[1]` with the first
 * render as the output (less `lost`, files deleted by hand); checks the result against a clean,
 * unkeyed render of `after`, and returns the pages the second render rendered.
 */
async function rebuild(before: Archive, after: Archive, options: { versions?: [string, string]; lost?: string[] } = {}): Promise<{ rendered: Set<string>; all: string[] }> {
  const [v1, v2] = options.versions ?? ['v1', 'v1'];
  const root = await tempDir('page-inputs-');
  try {
    const first = await writePages(before, join(root, 'first'), { rendererVersion: v1 });
    const output = outputOf(join(root, 'first'), first);
    for (const rel of options.lost ?? []) (output.hashes as Map<string, string>).delete(rel);
    const second = await writePages(after, join(root, 'second'), { rendererVersion: v2, unchanged: output });
    const clean = await writePages(after, join(root, 'clean'));
    assert.deepEqual(
      second.files.map((f) => f.rel),
      clean.files.map((f) => f.rel),
    );
    const [got, want] = await Promise.all([contents(second), contents(clean)]);
    const differing = [...want].filter(([rel, html]) => got.get(rel) !== html).map(([rel]) => rel);
    assert.deepEqual(differing, [], 'the rebuild wrote the pages a clean build writes');
    return { rendered: new Set(second.rendered), all: clean.files.map((f) => f.rel) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const isQuotePage = (rel: string) => rel.startsWith('quotes/');
const isArticlePage = (rel: string) => rel.startsWith('articles/');
const quotePagesOf = (slug: string, all: string[]) => all.filter((rel) => rel.startsWith(`quotes/${slug}/`));

test('with nothing changed, no page is rendered', async () => {
  const archive = archiveOf(ARTICLES);
  const { rendered } = await rebuild(archive, archiveOf(ARTICLES));
  assert.deepEqual([...rendered], []);
});

test('after one article changes, the quote pages of the other articles are not rendered', async () => {
  const changed = ARTICLES.map((a, i) => (i === 7 ? { ...a, text: `${a.text}\nThe weather stayed mild all week.\n` } : a));
  const before = archiveOf(ARTICLES);
  const after = archiveOf(changed);
  const slug = after.articles.find((a) => a.source.endsWith(ARTICLES[7]!.name))!.slug;
  const { rendered, all } = await rebuild(before, after);
  const quotePages = [...rendered].filter(isQuotePage);
  assert.deepEqual(quotePages.sort(), quotePagesOf(slug, all).sort(), 'only the changed article’s quote pages');
  const articlePages = [...rendered].filter(isArticlePage);
  assert.ok(articlePages.includes(`articles/${slug}/index.html`));
  // Its neighbours and the articles it is related to link to it; nothing else needs rendering.
  assert.ok(articlePages.length < 12, `${articlePages.length} article pages rendered`);
  // The pages that list it: its month and the pages of the people it quotes.
  const article = after.articles.find((a) => a.slug === slug)!;
  const speakers = new Set(article.quotes.map((q) => q.speakerId));
  const others = [...rendered].filter((rel) => !isArticlePage(rel) && !isQuotePage(rel));
  assert.deepEqual(others.filter((rel) => rel.startsWith('dates/')), [`dates/${article.date!.slice(0, 4)}/${article.date!.slice(5, 7)}/index.html`]);
  assert.ok(others.filter((rel) => rel.startsWith('speakers/')).every((rel) => speakers.has(decodeURIComponent(rel.split('/')[1]!))));
});

test('a quote’s words changed re-render the pages that list it: its speaker’s and its month’s', async () => {
  const before = archiveOf(ARTICLES);
  const article = before.articles.find((a) => a.quotes.some((q) => q.speakerId !== null && q.date !== null && /^\w{4,}/.test(q.text)))!;
  const quote = article.quotes.find((q) => q.speakerId !== null && q.date !== null && /^\w{4,}/.test(q.text))!;
  const changed = ARTICLES.map((a) => (article.source.endsWith(a.name) ? { ...a, text: a.text.replace(quote.text, quote.text.replace(/^\w+/, (w) => (/^\p{Lu}/u.test(w) ? 'Zebras' : 'zebras'))) } : a));
  const { rendered } = await rebuild(before, archiveOf(changed));
  assert.ok(rendered.has(`speakers/${quote.speakerId}/index.html`));
  assert.ok(rendered.has(`dates/${quote.date!.slice(0, 4)}/${quote.date!.slice(5, 7)}/index.html`));
});

test('an added and a removed article re-render only what they touch', async () => {
  const before = archiveOf(ARTICLES.slice(1));
  const { rendered, all } = await rebuild(before, archiveOf(ARTICLES));
  assert.ok([...rendered].filter(isQuotePage).length < all.filter(isQuotePage).length / 2);
  await rebuild(archiveOf(ARTICLES), archiveOf(ARTICLES.slice(0, -1)));
});

test('a person renamed in the people file re-renders their quote pages in every article, and no other quote pages', async () => {
  const before = archiveOf(ARTICLES);
  // The most quoted person, renamed as an editor would: the old name becomes an alias.
  const person = [...before.people].sort((a, b) => b.quoteCount - a.quoteCount)[0]!;
  const after = archiveOf(ARTICLES, `- name: Renamed Person\n  aliases: [${JSON.stringify(person.name)}]\n`);
  const { rendered, all } = await rebuild(before, after);
  const quoting = new Set(before.articles.filter((a) => a.quotes.some((q) => q.speakerId === person.id)).map((a) => a.slug));
  assert.ok(quoting.size > 1);
  const expected = all.filter((rel) => isQuotePage(rel) && quoting.has(decodeURIComponent(rel.split('/')[1]!)));
  assert.deepEqual([...rendered].filter(isQuotePage).sort(), expected.sort());
});

test('a new renderer version renders every page again', async () => {
  const archive = archiveOf(ARTICLES);
  const { rendered, all } = await rebuild(archive, archive, { versions: ['v1', 'v2'] });
  assert.deepEqual([...rendered].sort(), [...all].sort());
});

test('a page whose file is no longer in the output is rendered, though its inputs are the same', async () => {
  const archive = archiveOf(ARTICLES);
  const model = siteModel(archive);
  const article = model.articles[3]!;
  const lost = [`articles/${article.slug}/index.html`, quotePagesOf(article.slug, model.quotes.map((q) => `quotes/${q.article.slug}/${q.quote.id.split('/').pop()}/index.html`))[0]!];
  const { rendered } = await rebuild(archive, archive, { lost });
  assert.deepEqual([...rendered].filter((rel) => isQuotePage(rel) || isArticlePage(rel)).sort(), [...lost].sort());
});

test('a page asking the narrow model for something outside its inputs fails loudly', () => {
  const model = siteModel(archiveOf(ARTICLES));
  const [article, other] = model.articles;
  const pageModel = articlePageModel(articlePageInputs(model, article!));
  assert.throws(() => pageModel.quotedIn(other!), /not one of its inputs/);
  assert.throws(() => pageModel.related(other!), /not one of its inputs/);
  const [person, someoneElse] = model.people;
  assert.throws(() => speakerPageModel(speakerPageInputs(model, person!)).quotesBy(someoneElse!.id), /not one of its inputs/);
  const [month, otherMonth] = model.months;
  assert.throws(() => monthPageModel(monthPageInputs(model, month!)).adjacentMonths(otherMonth!.key), /not one of its inputs/);
});

test('the renderer version follows the code the pages are rendered with, and only it', async () => {
  const root = await tempDir('renderer-');
  await cp('src', join(root, 'src'), { recursive: true });
  await cp('.eleventy.ts', join(root, '.eleventy.ts'));
  const version = () => sourceHash(rendererCode(SITE, root));
  const base = version();
  for (const file of ['src/search/search-page.ts', 'src/extract/find-quotes.ts', 'src/pipeline/publish.ts']) {
    await appendFile(join(root, file), '\n// not part of the renderer\n');
    assert.equal(version(), base, `${file} does not render the pages`);
  }
  for (const file of ['src/site/quote-page.ts', 'src/site/html.ts', 'src/read/edtf.ts', 'src/site/eleventy-site.ts', 'src/site/formats.ts', '.eleventy.ts']) {
    const before = version();
    await appendFile(join(root, file), '\n// changed\n');
    assert.notEqual(version(), before, `a change in ${file} changes the version`);
  }
  await rm(root, { recursive: true, force: true });
});

test('the writer says when the first article page it renders is written, or that it kept them all (npm start lets Eleventy render then)', async () => {
  const root = await tempDir('page-inputs-');
  try {
    const archive = archiveOf(ARTICLES);
    const newest = archive.articles[0]!.slug;
    const said: string[][] = [];
    const onArticleWritten = () => said.push(readdirSync(join(root, 'first', 'articles')));
    const first = await writePages(archive, join(root, 'first'), { rendererVersion: 'v1', onArticleWritten });
    assert.equal(said.length, 1, 'said once');
    assert.ok(said[0]!.includes(newest), 'the newest article, rendered first, was on disk');
    const kept: string[] = [];
    await writePages(archive, join(root, 'second'), { rendererVersion: 'v1', unchanged: outputOf(join(root, 'first'), first), onArticleWritten: () => kept.push('said') });
    assert.deepEqual(kept, ['said'], 'every page kept: said once all were');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
