// The speakers index by name: everyone quoted, with how often and where. The same list by number
// of quotes is speakers-by-count.11ty.ts; each links to the other, so both work without script.
import type { Person } from '../src/record.ts';
import { speakerItem, speakerSorting } from '../src/site/components.ts';
import { html, type SafeHtml } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { siteModel, type SiteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { SPEAKERS_URL } from '../src/site/urls.ts';

export const data = { permalink: SPEAKERS_URL };

function group(model: SiteModel, heading: string, people: Person[]): SafeHtml {
  if (people.length === 0) return html``;
  return html`<h2>${heading}</h2>
<ul class="speaker-list">
${people.map((p) => speakerItem(model, p))}
</ul>`;
}

export function render(data: SiteData): string {
  const model = siteModel(data.archive);
  const named = model.people.filter((p) => p.kind !== 'unnamed');
  const unnamed = model.people.filter((p) => p.kind === 'unnamed');
  const main = html`<h1>Speakers</h1>
<p class="lede">Everyone quoted in the archive, by name.</p>
${speakerSorting(false)}
${group(model, 'People and organisations', named)}
${group(model, 'Unnamed sources', unnamed)}`;
  return page({ title: 'Speakers', description: 'Everyone quoted in the archive, by name.', section: 'speakers', sectionIndex: true, main, path: SPEAKERS_URL });
}
