// What the search page renders before any search: the choices its filter menus offer that do not
// depend on the query (years, outlets) and how the index shards its filters. Speakers are not
// listed here: there can be thousands, so the page fills that menu from the index's own counts.
import type { Archive } from '../record.ts';
import { yearOf } from '../site/dates.ts';
import { siteModel } from '../site/site-model.ts';
import { searchSettings, type SearchSettings } from './search-document.ts';

export interface SearchPageData {
  settings: SearchSettings;
  /** Years in which a quote was said, newest first. */
  years: string[];
  /** Outlets named in front matter, by name; empty when no article names one. */
  outlets: string[];
}

export function searchPageData(archive: Archive): SearchPageData {
  const model = siteModel(archive);
  const years = new Set<string>();
  const outlets = new Set<string>();
  for (const article of model.articles) {
    for (const quote of article.quotes) {
      const year = yearOf(quote.date ?? article.date);
      if (year) years.add(year);
    }
    const outlet = article.outlet?.trim();
    if (outlet) outlets.add(outlet);
  }
  return {
    settings: searchSettings(archive),
    years: [...years].sort().reverse(),
    outlets: [...outlets].sort((a, b) => a.localeCompare(b, 'en')),
  };
}
