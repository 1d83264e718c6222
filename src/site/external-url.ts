// Addresses from front matter are untrusted: only plain http(s) URLs become links, so a
// `javascript:` or `data:` URL in an article file can never be clicked.

/** The URL normalised, or null when it is not an absolute http(s) URL. */
export function externalUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
