// The site's assets (templates/assets) as the build publishes them: scripts and stylesheets
// minified, anything else as it is. Why: every search loads the search page's two modules and its
// stylesheets before its first result, and their comments (which say why, for the next editor)
// were a third of what a one-word search fetched beyond Pagefind's own files: minified, gzip sends
// 8 KB less (search.js 9.5 → 5.5 KB, search-core.js 7.5 → 4.0 KB, site.css 3.6 → 2.8 KB), which
// pays for the newest month's own search bundle (src/search/search-bundles.ts). The sources stay
// readable, and are what the build imports (search-core.js is the search wire format). The build
// command publishes these with the rest of the site (src/pipeline/render-site.ts); under Eleventy's
// own command line (`npm start`) they are written in place (writeAssets), not copied by Eleventy.
// esbuild only minifies: the syntax is left as written.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
import { transform } from 'esbuild';
import { writeFileAtomically } from '../io/atomic-write.ts';
import { ASSETS } from './eleventy-site.ts';

export interface Asset {
  /** Path inside the site, with `/` separators. */
  rel: string;
  content: Uint8Array;
}

const MINIFIED: Record<string, 'js' | 'css'> = { '.js': 'js', '.css': 'css' };

/** One asset's published bytes: minified when it is a script or a stylesheet. */
export async function publishedAsset(name: string, source: Uint8Array): Promise<Uint8Array> {
  const loader = MINIFIED[extname(name)];
  if (!loader) return source;
  const { code } = await transform(Buffer.from(source).toString('utf8'), { loader, minify: true, legalComments: 'none', sourcefile: name });
  return Buffer.from(code);
}

/** Every asset under `from`, as published under `to`, in path order. */
export async function siteAssets(from: string = ASSETS.from, to: string = ASSETS.to): Promise<Asset[]> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true }).catch(() => []);
  const paths = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  return Promise.all(
    paths.map(async (path) => ({
      rel: [to, ...relative(from, path).split(sep)].join('/'),
      content: await publishedAsset(path, await readFile(path)),
    })),
  );
}

/** Writes the assets into the site folder `outputDir` in place, each only when its bytes differ from the file there. */
export async function writeAssets(outputDir: string): Promise<void> {
  for (const { rel, content } of await siteAssets()) {
    const path = join(outputDir, ...rel.split('/'));
    const there = await readFile(path).catch(() => null);
    if (there && Buffer.compare(there, content) === 0) continue;
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomically(path, content);
  }
}
