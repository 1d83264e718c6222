// Counts over time as a bar chart, drawn at build time as inline SVG (no script): a bar per month,
// or per year when months would be too many to read, each bar a link to its period's page. The
// chart is an image with a title and a description for screen readers, and the same figures
// follow as a table, readable without CSS and by anyone who would rather read than look.
import { displayDate } from './dates.ts';
import { html, type SafeHtml } from './html.ts';
import { DATES_URL, monthUrl } from './urls.ts';
import type { Year } from './site-model.ts';
import { count } from './words.ts';

export interface Period {
  /** `2015-09` or `2015`. */
  key: string;
  /** Each series' count in the period, in the order of `ChartSpec.series`. */
  values: number[];
  /** The period's page, when there is one. */
  href: string | null;
}

export interface ChartSpec {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** Singular nouns of what is counted, one per series ("quote", "article"). */
  series: string[];
  periods: Period[];
  /** A smaller drawing, without the table (the home page's, whose page has the table). */
  compact?: boolean;
}

/** Beyond this many months, a bar per year. */
const MAX_MONTHS = 48;

/** Every month from the first to the last of `keys` (`YYYY-MM`), so that time runs evenly. */
export function monthRange(keys: string[]): string[] {
  const sorted = [...keys].sort();
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (!first || !last) return [];
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * Periods from counts per month: every month between the first and the last, or every year when
 * there would be more than MAX_MONTHS bars. `hrefOf` gives a period's page (null: none).
 */
export function periodsOf(byMonth: Map<string, number[]>, seriesCount: number, hrefOf: (key: string) => string | null): Period[] {
  const months = monthRange([...byMonth.keys()]);
  const zero = () => Array.from({ length: seriesCount }, () => 0);
  if (months.length <= MAX_MONTHS) return months.map((key) => ({ key, values: byMonth.get(key) ?? zero(), href: byMonth.has(key) ? hrefOf(key) : null }));
  const byYear = new Map<string, number[]>();
  for (const [key, values] of byMonth) {
    const year = key.slice(0, 4);
    const sum = byYear.get(year) ?? zero();
    values.forEach((v, i) => (sum[i]! += v));
    byYear.set(year, sum);
  }
  const years = [...byYear.keys()].sort();
  const out: Period[] = [];
  for (let y = Number(years[0]); y <= Number(years.at(-1)); y++) out.push({ key: String(y), values: byYear.get(String(y)) ?? zero(), href: byYear.has(String(y)) ? hrefOf(String(y)) : null });
  return out;
}

/** A period's page: the month's, or the year's heading on the timeline. */
export const periodUrl = (key: string): string => (key.length === 7 ? monthUrl(key) : `${DATES_URL}#y${key}`);

/** The month (`YYYY-MM`) an article's date falls in, when it is known to the month. */
export const monthOf = (date: string | null): string | null => (date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null);

const BAR = 10;
const GAP = 4;

function bars(spec: ChartSpec, height: number): SafeHtml[] {
  const top = Math.max(1, ...spec.periods.flatMap((p) => p.values));
  const width = spec.series.length * BAR;
  return spec.periods.map((p, i) => {
    const x = i * (width + GAP);
    const rects = p.values.map((v, s) => {
      const h = v === 0 ? 0 : Math.max(1, Math.round((v / top) * height));
      return html`<rect class="series-${s}" x="${x + s * BAR}" y="${height - h}" width="${BAR}" height="${h}"></rect>`;
    });
    return html`<g>${rects}</g>`;
  });
}

/**
 * The bars' links, laid over the drawing: an image may hold no links, so the links are a second
 * layer hidden from assistive technology and out of the tab order, for the pointer only; keyboard
 * and screen reader users follow the same links in the table.
 */
function links(spec: ChartSpec, width: number, height: number): SafeHtml {
  const step = spec.series.length * BAR + GAP;
  const areas = spec.periods.map((p, i) => {
    if (!p.href) return html``;
    const label = `${displayDate(p.key)}: ${spec.series.map((name, s) => count(p.values[s] ?? 0, name)).join(', ')}`;
    return html`<a href="${p.href}" tabindex="-1"><title>${label}</title><rect x="${i * step}" y="0" width="${step - GAP}" height="${height}"></rect></a>`;
  });
  return html`<svg class="chart-links" aria-hidden="true" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">${areas}</svg>`;
}

function summary(spec: ChartSpec): string {
  const totals = spec.series.map((name, s) => count(spec.periods.reduce((n, p) => n + (p.values[s] ?? 0), 0), name));
  const first = spec.periods[0]?.key;
  const last = spec.periods.at(-1)?.key;
  const busiest = [...spec.periods].sort((a, b) => (b.values[0] ?? 0) - (a.values[0] ?? 0))[0];
  const per = first && first.length === 4 ? 'year' : 'month';
  return `${totals.join(' and ')} from ${first ? displayDate(first) : '–'} to ${last ? displayDate(last) : '–'}, one bar per ${per}${busiest ? `; the most ${spec.series[0]}s in ${displayDate(busiest.key)} (${busiest.values[0]})` : ''}.`;
}

function table(spec: ChartSpec): SafeHtml {
  const rows = spec.periods
    .filter((p) => p.values.some((v) => v > 0))
    .map((p) => html`<tr><th scope="row">${p.href ? html`<a href="${p.href}">${displayDate(p.key)}</a>` : displayDate(p.key)}</th>${p.values.map((v) => html`<td>${v}</td>`)}</tr>`);
  return html`<details class="chart-figures"><summary>${spec.title}: the figures</summary>
<table><thead><tr><th scope="col">${spec.periods[0]?.key.length === 4 ? 'Year' : 'Month'}</th>${spec.series.map((s) => html`<th scope="col">${s[0]!.toUpperCase()}${s.slice(1)}s</th>`)}</tr></thead>
<tbody>${rows}</tbody></table>
</details>`;
}

/** The chart, its title and description, and (unless compact) the table of its figures. */
export function barChart(spec: ChartSpec): SafeHtml {
  if (spec.periods.length === 0) return html``;
  const height = spec.compact ? 40 : 80;
  const width = spec.periods.length * (spec.series.length * BAR + GAP) - GAP;
  const legend = spec.series.length > 1 ? html`<span class="chart-legend">${spec.series.map((s, i) => html`<span class="key series-${i}">${s}s</span> `)}</span>` : '';
  return html`<div class="chart${spec.compact ? ' compact' : ''}"><figure><div class="chart-drawing">
<svg role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" viewBox="0 0 ${width} ${height}" width="${width * 2}" preserveAspectRatio="none">
<title id="${spec.id}-title">${spec.title}</title>
<desc id="${spec.id}-desc">${summary(spec)}</desc>
${bars(spec, height)}
</svg>
${links(spec, width, height)}</div>
<figcaption><span class="axis"><span>${spec.periods[0] ? displayDate(spec.periods[0].key) : ''}</span> <span>${spec.title}</span> <span>${spec.periods.at(-1) ? displayDate(spec.periods.at(-1)!.key) : ''}</span></span>${legend}</figcaption>
</figure>
${spec.compact ? '' : table(spec)}
</div>`;
}

/** Articles and quotes of every month, as the timeline lists them: the chart of the whole archive. */
export function archiveOverTime(years: Year[], compact = false): SafeHtml {
  const byMonth = new Map<string, number[]>();
  for (const y of years) for (const m of y.months) byMonth.set(m.key, [m.articles.length, m.quotes.length]);
  if (byMonth.size === 0) return html``;
  return barChart({ id: compact ? 'archive-chart-home' : 'archive-chart', title: 'Articles and quotes over time', series: ['article', 'quote'], periods: periodsOf(byMonth, 2, periodUrl), compact });
}
