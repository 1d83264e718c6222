// The data Eleventy hands to the templates: the archive as global data, plus the pagination alias
// of the page being rendered.
import type { Archive, ArticleRecord, Person } from '../record.ts';

export interface SiteData {
  archive: Archive;
}

export interface ArticlePageData extends SiteData {
  article: ArticleRecord;
}

export interface SpeakerPageData extends SiteData {
  person: Person;
}
