// Bar charts of counts over time: an image with a title and description, every month between the
// first and the last (or every year when months would be too many), bars linking to their
// period's page, and the same figures as a table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { barChart, monthRange, periodsOf, periodUrl } from '../src/site/charts.ts';

test('every month from the first to the last, across a year’s end', () => {
  assert.deepEqual(monthRange(['2015-11', '2016-02', '2015-12']), ['2015-11', '2015-12', '2016-01', '2016-02']);
  assert.deepEqual(monthRange([]), []);
});

test('a chart draws a bar per month, links each month with quotes to its page, and tables the figures', () => {
  const periods = periodsOf(new Map([['2015-09', [3]], ['2015-11', [1]]]), 1, periodUrl);
  assert.deepEqual(periods.map((p) => [p.key, p.values[0], p.href]), [['2015-09', 3, '/dates/2015/09/'], ['2015-10', 0, null], ['2015-11', 1, '/dates/2015/11/']]);
  const root = parse(String(barChart({ id: 'c', title: 'Quotes by Ann Reyes over time', series: ['quote'], periods })));
  const img = root.querySelector('svg[role="img"]')!;
  assert.equal(img.getAttribute('aria-labelledby'), 'c-title c-desc');
  assert.equal(root.querySelector('#c-title')!.text, 'Quotes by Ann Reyes over time');
  assert.match(root.querySelector('#c-desc')!.text, /^4 quotes from September 2015 to November 2015, one bar per month; the most quotes in September 2015 \(3\)\.$/);
  assert.equal(img.querySelectorAll('a').length, 0, 'the image holds no links');
  const overlay = root.querySelector('svg.chart-links')!;
  assert.equal(overlay.getAttribute('aria-hidden'), 'true');
  assert.deepEqual(overlay.querySelectorAll('a').map((a) => [a.getAttribute('href'), a.getAttribute('tabindex')]), [['/dates/2015/09/', '-1'], ['/dates/2015/11/', '-1']]);
  const rows = root.querySelectorAll('table tbody tr').map((tr) => tr.childNodes.map((c) => c.text.trim()).filter(Boolean).join(' '));
  assert.deepEqual(rows, ['September 2015 3', 'November 2015 1']);
  assert.deepEqual(root.querySelectorAll('table a').map((a) => a.getAttribute('href')), ['/dates/2015/09/', '/dates/2015/11/']);
});

test('quotes over twenty years get a bar per year, each year linking to its place on the timeline', () => {
  const byMonth = new Map<string, number[]>();
  for (let y = 1996; y <= 2016; y += 4) byMonth.set(`${y}-06`, [2]).set(`${y}-07`, [1]);
  const periods = periodsOf(byMonth, 1, periodUrl);
  assert.equal(periods.length, 21);
  assert.deepEqual(periods[0], { key: '1996', values: [3], href: '/dates/#y1996' });
  assert.deepEqual(periods[1], { key: '1997', values: [0], href: null });
  const root = parse(String(barChart({ id: 'y', title: 'Quotes', series: ['quote'], periods })));
  assert.equal(root.querySelector('table thead th')!.text, 'Year');
  assert.match(root.querySelector('#y-desc')!.text, /one bar per year/);
});

test('two series side by side, with a legend; a compact chart has no table', () => {
  const periods = periodsOf(new Map([['2015-09', [4, 23]]]), 2, periodUrl);
  const full = parse(String(barChart({ id: 'a', title: 'Articles and quotes over time', series: ['article', 'quote'], periods })));
  assert.deepEqual(full.querySelectorAll('svg[role="img"] rect').map((r) => r.getAttribute('class')), ['series-0', 'series-1']);
  assert.match(full.querySelector('.chart-legend')!.text, /articles.*quotes/);
  assert.deepEqual(full.querySelectorAll('table thead th').map((th) => th.text), ['Month', 'Articles', 'Quotes']);
  const compact = parse(String(barChart({ id: 'b', title: 'Articles and quotes over time', series: ['article', 'quote'], periods, compact: true })));
  assert.equal(compact.querySelector('table'), null);
});
