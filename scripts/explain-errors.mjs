// Prints the context of each wrongly attributed or missed quote on a gold folder, to study errors.
//   node scripts/explain-errors.mjs GOLD_DIR PRED_JSON TEXT_DIR [wrong|missed|extra]
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
const [goldDir, predFile, textDir, what = 'wrong'] = process.argv.slice(2);
const preds = new Map(JSON.parse(readFileSync(predFile, 'utf8')).map((r) => [basename(r.source).replace(/\.\w+$/, ''), r]));
const words = (s) => (s ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const f1 = (a, b) => { const wa = words(a), wb = words(b); const c = new Map(); wa.forEach((w) => c.set(w, (c.get(w) ?? 0) + 1)); let k = 0; for (const w of wb) if (c.get(w) > 0) { k++; c.set(w, c.get(w) - 1); } return wa.length + wb.length ? 2 * k / (wa.length + wb.length) : 0; };
for (const f of readdirSync(goldDir).sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const key = f.replace(/\.json$/, '');
  const rec = preds.get(key); if (!rec) continue;
  const text = readFileSync(join(textDir, key + '.txt'), 'utf8');
  const names = new Map(rec.speakers.map((s) => [s.id, s.name]));
  const used = new Set();
  for (const g of gold.quotes) {
    let best = null, score = 0.7;
    rec.quotes.forEach((p, i) => { const s = f1(g.text, p.text); if (s >= score && !used.has(i)) { best = i; score = s; } });
    if (best !== null) used.add(best);
    const p = best !== null ? rec.quotes[best] : null;
    const at = text.indexOf(g.text.slice(0, 30));
    const ctx = at >= 0 ? text.slice(Math.max(0, at - 200), at + g.text.length + 150).replace(/\n/g, ' ¶ ') : '(not found)';
    if (what === 'missed' && !p) console.log(`\n[${key}] MISSED gold=${g.speaker}\n   ${ctx}`);
    if (what === 'wrong' && p && g.score_speaker !== false) {
      const pn = p.speakerId ? names.get(p.speakerId) : null;
      const last = (n) => (n ?? '').replace(/[’']s\b/g, '').split(/,|\(| who /)[0].match(/\p{Lu}[\p{L}-]*/gu)?.at(-1)?.toLowerCase() ?? '';
      if (pn && !/^unnamed/.test(pn) && words(g.speaker ?? '').includes(words(pn).at(-1))) continue;
      if (last(pn) && last(pn) === last(g.speaker)) continue;
      console.log(`\n[${key}] gold=${g.speaker} pred=${pn} rule=${p.attribution.rule} mention=${p.attribution.mention}\n   ${ctx}`);
    }
  }
  if (what === 'extra') rec.quotes.forEach((p, i) => { if (!used.has(i)) console.log(`\n[${key}] EXTRA ${p.attribution.rule} ${p.attribution.mention}: ${text.slice(Math.max(0, p.start - 150), p.end + 80).replace(/\n/g, ' ¶ ')}`); });
}
