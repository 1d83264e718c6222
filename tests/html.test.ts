// The html helper is what keeps untrusted article text from becoming markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNewestFirst, displayDate, timeElement } from '../src/site/dates.ts';
import { escapeHtml, html, join } from '../src/site/html.ts';
import { quoteAnchor, quoteUrl } from '../src/site/urls.ts';
import { fixtureArchive } from './fixtures/archive.ts';

test('html escapes every interpolated string, in text and in attributes', () => {
  const text = '<script>alert("x")</script> & \'y\'';
  assert.equal(
    html`<p title="${text}">${text}</p>`.value,
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
  );
});

test('html keeps markup it built itself and escapes it only once', () => {
  const inner = html`<b>${'a & b'}</b>`;
  assert.equal(html`<p>${inner}</p>`.value, '<p><b>a &amp; b</b></p>');
  assert.equal(html`<ul>${['<1>', html`<li>2</li>`]}</ul>`.value, '<ul>&lt;1&gt;<li>2</li></ul>');
  assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
  assert.equal(join(['a', html`<i>b</i>`], ' & ').value, 'a &amp; <i>b</i>');
});

test('escapeHtml leaves text without special characters alone', () => {
  assert.equal(escapeHtml('Peskov said “no”.'), 'Peskov said “no”.');
});

test('dates are shown only as precisely as they are known', () => {
  assert.equal(displayDate('2015-10-14'), '14 October 2015');
  assert.equal(displayDate('2015-09'), 'September 2015');
  assert.equal(displayDate('2015'), '2015');
  assert.equal(displayDate(null), 'Undated');
  assert.equal(timeElement('2015-09').value, '<time datetime="2015-09">September 2015</time>');
  assert.equal(timeElement('not a date').value, '<span class="undated">not a date</span>');
});

test('articles sort newest first, a month after the days in it, undated last', () => {
  const [a, b, c] = fixtureArchive().articles;
  const day = { ...a!, slug: 'day', date: '2021-02-10' };
  const month = { ...b!, slug: 'month', date: '2021-02' };
  const undated = { ...c!, slug: 'undated', date: null };
  const later = { ...a!, slug: 'later', date: '2021-03-01' };
  assert.deepEqual([undated, month, day, later].sort(compareNewestFirst).map((x) => x.slug), ['later', 'day', 'month', 'undated']);
});

test('a quote id becomes a fragment on its article page', () => {
  assert.equal(quoteAnchor('kremlin-says/q3'), 'q3');
  assert.equal(quoteUrl('kremlin-says', 'kremlin-says/q3'), '/articles/kremlin-says/#q3');
  assert.equal(quoteAnchor('odd/3 x'), 'quote-odd-3-x');
});
