// The speakers index by number of quotes, most quoted first.
import { speakerItem, speakerSorting } from '../src/site/components.ts';
import { html } from '../src/site/html.ts';
import { page } from '../src/site/layout.ts';
import { siteModel } from '../src/site/site-model.ts';
import type { SiteData } from '../src/site/template-data.ts';
import { SPEAKERS_BY_COUNT_URL } from '../src/site/urls.ts';

export const data = { permalink: SPEAKERS_BY_COUNT_URL };

export function render(data: SiteData): string {
  const model = siteModel(data.archive);
  const main = html`<h1>Speakers by number of quotes</h1>
<p class="lede">Everyone quoted in the archive, most quoted first.</p>
${speakerSorting(true)}
<ol class="speaker-list ranked">
${model.peopleByCount.map((p) => speakerItem(model, p))}
</ol>`;
  return page({
    title: 'Speakers by number of quotes',
    description: 'Everyone quoted in the archive, most quoted first.',
    section: 'speakers',
    sectionIndex: false,
    main,
    path: SPEAKERS_BY_COUNT_URL,
  });
}
