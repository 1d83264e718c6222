// The render stage: every file of the site but the search index, from the archive. Eleventy
// renders its few site-wide pages (templates/) in memory, through its programmatic API with the
// site registered by the config callback (src/site/eleventy-site.ts); the pages there is one of per
// article, speaker, month and quote, and the data files, are written into the build's temporary
// folder by the site's own writers (src/site/write-pages.ts, write-data-files.ts), which Eleventy
// would hold in memory all at once; the assets are minified (src/site/assets.ts).
import type { Archive } from '../record.ts';
import { pageFile, type SiteFile } from '../io/site-files.ts';
import { hashOf } from '../io/hash.ts';
import { siteAssets } from '../site/assets.ts';
import { prefixTransform, registerSite, SITE_DIRS, type EleventyConfig } from '../site/eleventy-site.ts';
import { SITE } from '../site/config.ts';
import { writePages, type OutputFiles } from '../site/write-pages.ts';
import { writeDataFiles } from '../site/write-data-files.ts';

interface EleventyInstance {
  init(): Promise<void>;
  toJSON(): Promise<{ outputPath: string | false; content?: string }[]>;
}

type EleventyClass = new (input: string, output: string, options: Record<string, unknown>) => EleventyInstance;

/** An Eleventy of the site alone, writing (were it asked to) into `outputDir`; and its config, for the base plugin's filter. */
async function siteEleventy(archive: Archive, outputDir: string, verbose: boolean): Promise<{ eleventy: EleventyInstance; config: EleventyConfig }> {
  // Eleventy ships no types; the specifier in a variable keeps tsc from looking for them.
  const eleventyModule = '@11ty/eleventy';
  const { Eleventy } = (await import(eleventyModule)) as { Eleventy: EleventyClass };
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
  const { eleventy, config } = await siteEleventy(archive, outputDir, options.verbose);
  const pages = (await eleventy.toJSON()).filter((t) => typeof t.outputPath === 'string' && t.content !== undefined);
  // Encoded once, for the hash and the file alike.
  const files = pages.map((p) => pageFile(outputDir, p.outputPath as string, Buffer.from(p.content as string)));
  const written = await writePages(archive, outputDir, { transform: prefixTransform(config), unchanged, rendererVersion });
  files.push(...written.files, ...(await writeDataFiles(archive, outputDir, unchanged, rendererVersion)), ...(await assetFiles()));
  // A speaker's feed is rendered beside their page, not counted as one.
  const html = (rel: string) => rel.endsWith('.html');
  return { files, pages: { total: written.files.filter((f) => html(f.rel)).length, rendered: written.rendered.filter(html).length } };
}

