// Where the site is published, read from the environment in this one module:
//   SITE_URL     the origin the site is served from, e.g. https://news.example.org
//                (default http://localhost:8080, where `npm start` serves it);
//   PATH_PREFIX  the folder it is served under, e.g. /archive/ (default /).
// Links inside pages stay root-relative ("/speakers/x/") and Eleventy's HTML base plugin adds the
// prefix to every URL in the HTML it writes; everything read outside a page (feeds, sitemap,
// JSON-LD, CSV, canonical and OpenGraph URLs) is made absolute with `absoluteUrl`.

/** The archive's name, in titles, feeds and structured data. */
export const SITE_NAME = 'Who Said What';

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

export interface SiteConfig {
  /** Origin (and any path the origin itself has), without a trailing slash: `https://example.org`. */
  siteUrl: string;
  /** `/` or a folder with a slash at both ends: `/archive/`. */
  pathPrefix: string;
}

export const DEFAULT_SITE_URL = 'http://localhost:8080';

/** One path segment of a prefix: letters, digits and the URL-safe punctuation, nothing that walks up. */
const PREFIX_SEGMENT = /^[A-Za-z0-9._~-]+$/;

function readSiteUrl(value: string | undefined): string {
  const raw = value?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteConfigError(`SITE_URL must be an absolute http(s) URL such as https://example.org, not "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SiteConfigError(`SITE_URL must use http or https, not "${url.protocol}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new SiteConfigError(`SITE_URL must be an origin without query, fragment or credentials: "${raw}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function readPathPrefix(value: string | undefined): string {
  const segments = (value ?? '').split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (!PREFIX_SEGMENT.test(segment) || segment === '.' || segment === '..') {
      throw new SiteConfigError(`PATH_PREFIX must be a folder such as /archive/, not "${value}"`);
    }
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

export function readSiteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return { siteUrl: readSiteUrl(env['SITE_URL']), pathPrefix: readPathPrefix(env['PATH_PREFIX']) };
}

/** The configuration of this build. */
export const SITE: SiteConfig = readSiteConfig();

/** A root-relative site path (`/speakers/x/`) as the address it is published at. */
export function absoluteUrl(path: string, config: SiteConfig = SITE): string {
  if (!path.startsWith('/')) throw new Error(`absoluteUrl needs a root-relative path, not "${path}"`);
  return `${config.siteUrl}${config.pathPrefix.slice(0, -1)}${path}`;
}

/** A root-relative site path with the prefix, for the rare link not written into HTML attributes. */
export function prefixedPath(path: string, config: SiteConfig = SITE): string {
  if (!path.startsWith('/')) throw new Error(`prefixedPath needs a root-relative path, not "${path}"`);
  return `${config.pathPrefix.slice(0, -1)}${path}`;
}
