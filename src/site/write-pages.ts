// Writes the pages there is one of per article, speaker, month and quote (src/site/*-page.ts) into
// the output folder after Eleventy has rendered the site's other pages. They are nearly all of a
// site's pages (about nine per article), and Eleventy keeps every page it renders, with its data,
// until the build ends: at 5,000 articles that was most of a 2 GB build and of its time. Here each
// page is rendered, prefixed, written and forgotten, a few at a time, so memory stays flat however
// large the archive.
//
// Under the build command each page also gets the key of its inputs (src/site/page-inputs.ts),
// which the output manifest keeps beside the page's hash. On a rebuild, a page whose key is the one
// its file in the output was written with is not rendered at all: the output's file is listed as
// it is. Any other page is rendered, and written only when its content hash differs from the
// output's.
//
// Called from the config's `eleventy.after` hook (.eleventy.ts), where the output folder is the
// folder Eleventy writes to: `_site` under `npm start` and the tests, the build's temporary folder
// under `npm run build`, which then moves the pages into the output with the rest of the site
// (src/pipeline/site-writer.ts) from the list this returns.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive } from '../record.ts';
import { insideSite, type SiteFile } from '../io/site-files.ts';
import { threadPoolSink, type FileSink } from '../io/file-sink.ts';
import { eachLimited } from '../io/pool.ts';
import { renderArticlePage } from './article-page.ts';
import { renderMonthPage } from './month-page.ts';
import {
  articlePageInputs,
  articlePageModel,
  inputKeys,
  type InputKeys,
  monthPageInputs,
  monthPageModel,
  quotePageModel,
  quotePagesInputs,
  speakerPageInputs,
  speakerPageModel,
} from './page-inputs.ts';
import { renderQuotePage } from './quote-page.ts';
import { siteModel, type SiteModel } from './site-model.ts';
import { renderSpeakerPage } from './speaker-page.ts';
import { articleUrl, monthUrl, quotePageUrl, speakerFeedUrl, speakerUrl } from './urls.ts';
import { speakerAtomFeed } from './formats.ts';

/**
 * What Eleventy does to the HTML it writes, applied to each page: under a PATH_PREFIX, the HTML
 * base plugin's prefixing of root-relative URLs. Gets the page's root-relative URL.
 */
export type HtmlTransform = (html: string, url: string) => string | Promise<string>;

/** The files the output folder holds now, by path inside the site: content hashes, and the input keys they were rendered from. */
export interface OutputFiles {
  dir: string;
  hashes: ReadonlyMap<string, string>;
  inputKeys: ReadonlyMap<string, string>;
}

/**
 * Pages in flight at once: enough to keep the disk busy while pages render (creating 40,000 folders
 * and files is bound by the file system's latency: a clean build at 5,000 articles took 3 s less
 * with 32 than with 8), few enough to keep memory flat.
 */
const IN_FLIGHT = 32;

/**
 * The longest this thread works on pages before it lets the event loop turn. Pages kept, and pages
 * handed to a writer thread, take no I/O of their own: without a pause now and then, thousands of
 * them in a row would keep all else waiting, the search index's steps and Pagefind's answers among
 * them.
 */
const YIELD_AFTER_MS = 4;

/** The file a page URL is written to inside the site, as Eleventy writes a permalink ending in `/`. */
export function pageOutputPath(url: string): string {
  if (!url.startsWith('/') || !url.endsWith('/')) throw new Error(`A page URL must start and end with "/": ${url}`);
  return `${url.slice(1)}index.html`;
}

interface PageToWrite {
  url: string;
  /** The file inside the site, for what is no HTML page (a speaker's feed); pages derive it from `url`. */
  file?: string;
  /** The key of the page's inputs; null when nothing is keyed. */
  key: string | null;
  render: () => string;
}

/**
 * Every page this module writes, in a fixed order: articles, speakers, months, quotes, each
 * rendered from its inputs alone; with `keys`, each carries the key of its inputs.
 */
export function* entityPages(model: SiteModel, keys: InputKeys | null = null): Generator<PageToWrite> {
  for (const article of model.articles) {
    const inputs = articlePageInputs(model, article);
    yield { url: articleUrl(article.slug), key: keys?.key('article', inputs) ?? null, render: () => renderArticlePage(articlePageModel(inputs), article) };
  }
  // Everyone the site model knows, which includes speakers missing from the people list.
  for (const person of model.people) {
    const inputs = speakerPageInputs(model, person);
    yield { url: speakerUrl(person.id), key: keys?.key('speaker', inputs) ?? null, render: () => renderSpeakerPage(speakerPageModel(inputs), person) };
    // The speaker's feed reads the same inputs as the page.
    if (model.quotesBy(person.id).length > 0) {
      const feed = speakerFeedUrl(person.id);
      yield { url: feed, file: feed.slice(1), key: keys?.key('speaker-feed', inputs) ?? null, render: () => speakerAtomFeed(person, speakerPageModel(inputs).quotesBy(person.id)) };
    }
  }
  for (const month of model.months) {
    const inputs = monthPageInputs(model, month);
    yield { url: monthUrl(month.key), key: keys?.key('month', inputs) ?? null, render: () => renderMonthPage(monthPageModel(inputs), month.key) };
  }
  for (const article of model.articles) {
    // All quote pages of an article read the same inputs: one key for them all.
    const inputs = quotePagesInputs(model, article);
    const key = keys?.key('quotes', inputs) ?? null;
    const pageModel = quotePageModel(inputs);
    for (const quote of pageModel.quotesIn(article)) {
      yield { url: quotePageUrl(article.slug, quote.id), key, render: () => renderQuotePage(pageModel, { article, quote }) };
    }
  }
}

export interface WritePagesOptions {
  transform?: HtmlTransform | undefined;
  /** What the output holds now: pages that come out the same are not written, and pages with the same inputs not rendered. */
  unchanged?: OutputFiles | null;
  /** The renderer's version (src/pipeline/renderer-version.ts): given, pages are keyed by their inputs. */
  rendererVersion?: string | null;
  /**
   * Called once, when the first article page that had to be rendered is written (the pages of a
   * new or changed article: articles come first, newest first), or when every article page was
   * kept: for a caller that wants it written before other work.
   */
  onArticleWritten?: () => void;
  /** Where the rendered pages go (src/io/file-sink.ts); by default through the thread pool, each awaited. */
  sink?: FileSink;
  /**
   * Aborted, no further page is keyed or rendered (those under way are written): under `npm start`
   * a build whose articles changed again meanwhile gives way to the next one, which writes the rest.
   */
  signal?: AbortSignal;
  /** Told of each page as soon as it is written or kept, for a caller that must know what is on disk if the build stops half-way. */
  onFile?: (file: SiteFile) => void;
  /**
   * Awaited, once `onArticleWritten` was called, before the next page: for a caller that has other
   * work to give the thread first (under `npm start`, Eleventy's start of its own build).
   */
  holdAfterArticle?: () => Promise<void>;
}

export interface WrittenPages {
  /** Every page, in the order of `entityPages` (those written before an abort, when aborted). */
  files: SiteFile[];
  /** The signal stopped it before every page was done. */
  aborted: boolean;
  /** The pages rendered, by path inside the site; the others had the inputs their file in the output was rendered from. */
  rendered: string[];
}

/**
 * Writes every page of `archive` that this module renders into `outputDir`; returns them as site
 * files. A page identical to the one in `unchanged` (the output as it is) is not written: its file
 * is the output's own.
 */
export async function writePages(archive: Archive, outputDir: string, options: WritePagesOptions = {}): Promise<WrittenPages> {
  const { transform, unchanged, rendererVersion } = options;
  const model = siteModel(archive);
  let onArticleWritten = options.onArticleWritten;
  const say = () => {
    onArticleWritten?.();
    onArticleWritten = undefined;
  };
  let articlePagesLeft = model.articles.length;
  const articlePageDone = (at: number, written: boolean) => {
    if (at >= model.articles.length) return;
    if (written || --articlePagesLeft === 0) say();
  };
  if (articlePagesLeft === 0) say();
  const pages = untilAborted(entityPages(model, rendererVersion ? inputKeys(rendererVersion, model) : null), options.signal);
  const sink = options.sink ?? threadPoolSink();
  const files: SiteFile[] = [];
  const rendered: string[] = [];
  const puts: Promise<unknown>[] = [];
  const yieldNow = sharedPause();
  let hold: Promise<void> | null = null;
  const held = () => {
    if (onArticleWritten || !options.holdAfterArticle) return undefined;
    hold ??= options.holdAfterArticle();
    return hold;
  };
  // The pages come one at a time from the generator, in order, whichever worker is free.
  await eachLimited(pages, IN_FLIGHT, async ({ url, file, key, render }) => {
    await held();
    const at = files.length++;
    const rel = insideSite(file ?? pageOutputPath(url));
    const target = join(outputDir, rel);
    const hash = reusableHash(unchanged, rel, key);
    if (hash !== undefined) {
      files[at] = { rel, hash, content: null, path: join(unchanged!.dir, rel), inputKey: key };
      options.onFile?.(files[at]);
      articlePageDone(at, false);
    } else {
      rendered.push(rel);
      let content = render();
      // Only HTML goes through the HTML transform; a feed's addresses are absolute already.
      if (transform && !file) content = await transform(content, url);
      const put = sink.put(target, content, unchanged?.hashes.get(rel)).then(({ hash, written }) => {
        files[at] = { rel, hash, content: null, path: written ? target : join(unchanged!.dir, rel), inputKey: key };
        options.onFile?.(files[at]);
        articlePageDone(at, true);
      });
      // Awaited below, all together; a failure must not count as unhandled meanwhile.
      put.catch(() => undefined);
      puts.push(put);
      await sink.admit(put);
    }
    await yieldNow();
  });
  await sink.flush();
  await Promise.all(puts);
  const aborted = options.signal?.aborted ?? false;
  // Aborted, the pages never reached leave holes: the list says what was done.
  return { files: aborted ? files.filter(Boolean) : files, aborted, rendered };
}

/** The pages, until `signal` is aborted: those after it are not even keyed. */
function* untilAborted<T>(pages: Iterable<T>, signal: AbortSignal | undefined): Generator<T> {
  for (const page of pages) {
    if (signal?.aborted) return;
    yield page;
  }
}

/**
 * A turn of the event loop once this thread has worked `YIELD_AFTER_MS` without one, which every
 * worker of the pool waits for together: when one alone waited, the others went on, and the loop
 * turned only once all 32 happened to wait, so that under `npm start` the search index (whose
 * steps each wait for a file) was held back until the pages were done.
 */
function sharedPause(): () => Promise<void> | undefined {
  let since = performance.now();
  let pause: Promise<void> | null = null;
  return () => {
    if (!pause && performance.now() - since >= YIELD_AFTER_MS) {
      pause = new Promise((resolve) =>
        setImmediate(() => {
          pause = null;
          since = performance.now();
          resolve();
        }),
      );
    }
    return pause ?? undefined;
  };
}

/** The hash of the output's file of a page, when that file is still there and was rendered from inputs with this key. */
export function reusableHash(unchanged: OutputFiles | null | undefined, rel: string, key: string | null): string | undefined {
  if (key === null || !unchanged || unchanged.inputKeys.get(rel) !== key) return undefined;
  return unchanged.hashes.get(rel);
}
