// The page servers show for an address that does not exist. Its links are root-relative (prefixed
// under a PATH_PREFIX), so they work from whatever address it is shown at.
import { searchBox } from '../src/site/components.ts';
import { html } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { DATES_URL, HOME_URL, NOT_FOUND_URL, SPEAKERS_URL } from '../src/site/urls.ts';

export const data = { permalink: NOT_FOUND_URL };

export function render(): string {
  const main = html`<h1>Page not found</h1>
<p class="lede">There is no page at this address. It may have been mistyped, or the article or quote may have moved when the archive was rebuilt.</p>
<p>Try the <a href="${HOME_URL}">newest articles</a>, the <a href="${SPEAKERS_URL}">speakers</a> or the <a href="${DATES_URL}">timeline</a>, or search the quotes:</p>
${searchBox('not-found-search')}`;
  return page({ title: 'Page not found', description: 'There is no page at this address.', section: null, sectionIndex: false, main, noindex: true });
}
