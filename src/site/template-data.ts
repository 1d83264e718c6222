// The data Eleventy hands to the templates: the archive as global data.
import type { Archive } from '../record.ts';

export interface SiteData {
  archive: Archive;
}
