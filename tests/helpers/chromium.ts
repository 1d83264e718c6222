// Where the browser tests and scripts find Chromium and how they start it: Debian's package, or the
// path in CHROMIUM_PATH, with the flags this closed network needs (no background requests).
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const haveChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM = `no Chromium found at ${CHROMIUM}; install it or set CHROMIUM_PATH to run the browser tests`;

/** What axe-core reports for a rule a page breaks. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
