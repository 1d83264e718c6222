// The render stage: every file of the site but the search index, from the archive. Eleventy
// renders its few site-wide pages (templates/) in memory, through its programmatic API with the
// site registered by the config callback (src/site/eleventy-site.ts); the pages there is one of per
// article, speaker, month and quote, and the data files, are written into the build's temporary
// folder by the site's own writers (src/site/write-pages.ts, write-data-files.ts), which Eleventy
// would hold in memory all at once; the assets are minified (src/site/assets.ts).
import type { Archive } from '../record.ts';
import { pageFile, type SiteFile } from '../io/site-files.ts';
import { hashOf } from '../io/hash.ts';
import { FileWriterThread } from '../io/file-sink.ts';
import { siteAssets } from '../site/assets.ts';
import { prefixTransform, registerSite, SITE_DIRS, type EleventyConfig } from '../site/eleventy-site.ts';
import { SITE } from '../site/config.ts';
import { writePages, type OutputFiles } from '../site/write-pages.ts';
import { writeDataFiles } from '../site/write-data-files.ts';
import { trace } from '../io/trace.ts';

interface EleventyInstance {
  init(): Promise<void>;
  toJSON(): Promise<{ outputPath: string | false; content?: string }[]>;
}

type EleventyClass = new (input: string, output: string, options: Record<string, unknown>) => EleventyInstance;

// Eleventy ships no types; the specifier in a constant keeps tsc from looking for them.
const ELEVENTY_MODULE: string = '@11ty/eleventy';
const importEleventy = () => import(ELEVENTY_MODULE) as Promise<{ Eleventy: EleventyClass }>;

/**
 * Starts importing Eleventy, for a build that will render: its modules take 0.45 s to load, which
 * overlap the reading of the archive when started before it (Node keeps the one module; the render
 * stage's import then finds it loaded or loading). A failure shows there.
 */
export function preloadEleventy(): void {
  importEleventy().catch(() => undefined);
}

/** An Eleventy of the site alone, writing (were it asked to) into `outputDir`; and its config, for the base plugin's filter. */
async function siteEleventy(archive: Archive, outputDir: string, verbose: boolean): Promise<{ eleventy: EleventyInstance; config: EleventyConfig }> {
  const { Eleventy } = await importEleventy();
  let config: EleventyConfig | null = null;
  const eleventy = new Eleventy(SITE_DIRS.input, outputDir, {
    // No config file: the config callback registers the site, and nothing else is registered.
    configPath: false,
    config: (eleventyConfig: EleventyConfig) => {
      config = eleventyConfig;
      registerSite(eleventyConfig, () => archive);
    },
    pathPrefix: SITE.pathPrefix,
    quietMode: !verbose,
    // Keeps the output folder given here.
    source: 'cli',
  });
  await eleventy.init();
  if (!config) throw new Error('Eleventy did not run the config callback, so the site is not registered');
  return { eleventy, config };
}

export interface RenderOptions {
  /** The folder the pages are written into (the build's temporary folder). */
  outputDir: string;
  /** What the output holds now: pages with the inputs of their file there are not rendered, and pages that come out the same not written. */
  unchanged: OutputFiles | null;
  /** The renderer's version (versions.ts), under which pages are keyed by their inputs. */
  rendererVersion: string;
  verbose: boolean;
}

export interface Rendered {
  files: SiteFile[];
  /** The HTML pages of articles, speakers, months and quotes, and how many of them were rendered. */
  pages: { total: number; rendered: number };
}

/** The assets as the site publishes them (src/site/assets.ts: scripts and stylesheets minified). */
async function assetFiles(): Promise<SiteFile[]> {
  return (await siteAssets()).map(({ rel, content }) => ({ rel, hash: hashOf(content), content, path: null }));
}

/** Renders the site of `archive` (see the module comment): every file but the search index. */
export async function renderSite(archive: Archive, options: RenderOptions): Promise<Rendered> {
  const { outputDir, unchanged, rendererVersion } = options;
  // At once, each waiting on something else now and then: the data files on the disk, Eleventy on
  // its modules and templates, the pages on both (a rebuild at 5,000 articles had the thread idle
  // for 0.3 s while the data files alone were written).
  const data = writeDataFiles(archive, outputDir, unchanged, rendererVersion);
  data.catch(() => undefined);
  const { eleventy, config } = await siteEleventy(archive, outputDir, options.verbose);
  const siteWide = eleventy.toJSON();
  siteWide.catch(() => undefined);
  // The pages are written by a thread of their own, so that this one renders on meanwhile (file-sink.ts).
  const sink = new FileWriterThread();
  const written = await writePages(archive, outputDir, { transform: prefixTransform(config), unchanged, rendererVersion, sink }).finally(() => sink.close());
  trace('render: per-item pages written');
  const pages = (await siteWide).filter((t) => typeof t.outputPath === 'string' && t.content !== undefined);
  // Encoded once, for the hash and the file alike.
  const files = pages.map((p) => pageFile(outputDir, p.outputPath as string, Buffer.from(p.content as string)));
  const dataFiles = await data;
  trace('render: data files written');
  files.push(...written.files, ...dataFiles, ...(await assetFiles()));
  // A speaker's feed is rendered beside their page, not counted as one.
  const html = (rel: string) => rel.endsWith('.html');
  return { files, pages: { total: written.files.filter((f) => html(f.rel)).length, rendered: written.rendered.filter(html).length } };
}

