// The speakers index: everyone quoted, by name, with how often and where.
import type { Person } from '../src/record.ts';
import { html, type SafeHtml } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { siteModel, type SiteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { speakerUrl, SPEAKERS_URL } from '../src/site/urls.ts';
import { count } from '../src/site/words.ts';

export const data = { permalink: SPEAKERS_URL };

function speakerItem(model: SiteModel, person: Person): SafeHtml {
  const quotes = model.quotesBy(person.id);
  const articles = new Set(quotes.map((q) => q.article.slug)).size;
  const role = person.roles[0];
  return html`<li><a href="${speakerUrl(person.id)}">${person.name}</a>${role ? html`, <span class="roles">${role}</span>` : ''} <span class="counts">(${count(quotes.length, 'quote')} in ${count(articles, 'article')})</span></li>`;
}

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
${group(model, 'People and organisations', named)}
${group(model, 'Unnamed sources', unnamed)}`;
  return page({ title: 'Speakers', description: 'Everyone quoted in the archive.', section: 'speakers', sectionIndex: true, main });
}
