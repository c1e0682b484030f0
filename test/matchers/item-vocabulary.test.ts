import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { TOP_FLOOR } from '../../src/check/candidates.js';
import type { Checklist } from '../../src/checklist/schema.js';
import { formScore, IDENTIFY_THRESHOLD, itemsInHead, parseItemLabel, profilesOf, scoreItems, titleKey, type ItemScore } from '../../src/matchers/lib/identify.js';
import { itemsReaching } from '../../src/matchers/lib/item-vocabulary.js';
import { buildHeadSearch, formsPresent } from '../../src/matchers/lib/head-search.js';
import { TITLE_LINE_FLOOR } from '../../src/matchers/lib/title-line.js';
import { prepareText } from '../../src/text/fold.js';
import { generate } from '../fixtures/generator/index.js';
import { FIXTURE_SITES } from '../fixtures/sites/index.js';
import { checklistOf } from './ctx.js';

const YEARS = [2565, 2566, 2567, 2568, 2569];

/** Every short text a judgement scores on these pages: link texts, rows, cells, list items, headings, titles. */
function textsOf(html: string): string[] {
  const $ = load(html);
  const out: string[] = [];
  $('a, tr, td, th, li, h1, h2, h3, h4, title, option, button, summary').each((_, e) => {
    const t = $(e).text().replace(/\s+/g, ' ').trim();
    if (t && t.length < 300) out.push(t);
  });
  return out;
}

/** The texts of the fixture sites, two generated sites, the real agency home page and the checklists themselves, edited. */
function corpus(): string[] {
  const texts = new Set<string>();
  const pages = [
    ...FIXTURE_SITES.flatMap((s) => Object.values(s.routes)),
    ...[1, 2].flatMap((seed) => Object.values(generate(seed).site.routes)),
  ];
  for (const r of pages) if (r.type === 'page') for (const t of textsOf(r.html)) texts.add(t);
  // The saved real page lives beside the repository (../shared); a clone elsewhere goes without its texts.
  const real = join(process.cwd(), '..', 'shared', 'real-pages', 'phukradung-home.html');
  if (existsSync(real)) for (const t of textsOf(readFileSync(real, 'utf8'))) texts.add(t);
  for (const year of YEARS) {
    for (const item of checklistOf(year).items) {
      for (const title of [item.title, ...item.variants]) {
        const words = title.split(/\s+/);
        texts.add(title);
        texts.add(`${item.code} ${title} ประจำปีงบประมาณ พ.ศ. ${year}`);
        texts.add(`ข้อ ${Number(item.code.slice(1)) + 1}. ${title}`);
        texts.add(title.replace(/[\u0E48-\u0E4B]/g, ''));
        texts.add(title.slice(0, Math.ceil(title.length * 0.6)));
        texts.add(title.slice(Math.floor(title.length * 0.4)));
        texts.add(`รายงาน${title} รอบ 6 เดือน`);
        if (words.length > 1) texts.add(words.slice(1).join(' '));
      }
    }
  }
  return [...texts];
}

const TEXTS = corpus();

/** An item's score for a text before penalties and the label number's bonus, from formScore itself. */
function rawScores(checklist: Checklist, text: string): Map<string, number> {
  const key = titleKey(parseItemLabel(text).rest);
  const out = new Map<string, number>();
  for (const p of profilesOf(checklist)) {
    let best = 0;
    for (const f of p.forms) best = Math.max(best, formScore(key, f) * (f.derived ? 0.96 : 1));
    out.set(p.code, best);
  }
  return out;
}

describe('item vocabulary: a superset filter for scoring texts against items', () => {
  it('has a realistic corpus of Thai texts', () => {
    expect(TEXTS.length).toBeGreaterThan(2000);
    expect(TEXTS.filter((t) => /[\u0E00-\u0E7F]/.test(t)).length).toBeGreaterThan(1500);
  });

  it.each(YEARS)('%i: the floor leaves out only items that cannot reach it, and changes no decision', (year) => {
    const checklist = checklistOf(year);
    const profiles = profilesOf(checklist);
    const lost: string[] = [];
    const changed: string[] = [];
    let tops = 0;
    const top = (ranked: ItemScore[]) => {
      const [a, b] = ranked;
      return a && a.score >= IDENTIFY_THRESHOLD && !(b && b.score > a.score - 0.02) ? a : null;
    };
    for (const text of TEXTS) {
      const key = titleKey(parseItemLabel(text).rest);
      if (!key) continue;
      // The bound: an item whose score from formScore itself reaches the floor is kept, at every floor.
      const raw = rawScores(checklist, text);
      for (const floor of [0.3, TOP_FLOOR, IDENTIFY_THRESHOLD, 0.85]) {
        const kept = itemsReaching(profiles, key, floor);
        for (const [code, score] of raw) if (score >= floor && !kept.has(code)) lost.push(`${floor} ${code} ${score.toFixed(3)} "${text}"`);
      }
      // The decision candidates.ts takes (top item, no near tie) is the same with the floor as without.
      const full = scoreItems(checklist, text);
      const filtered = scoreItems(checklist, text, undefined, TOP_FLOOR);
      if (top(full)) tops++;
      if (JSON.stringify(top(full)) !== JSON.stringify(top(filtered))) changed.push(text);
      // Once some item reaches the floor, whatever is kept scores exactly as without it.
      if ((full[0]?.score ?? 0) >= TOP_FLOOR + 0.06) {
        for (const s of filtered) if (JSON.stringify(full.find((f) => f.code === s.code)) !== JSON.stringify(s)) changed.push(`${s.code} "${text}"`);
      }
    }
    expect(lost.slice(0, 10)).toEqual([]);
    expect(changed.slice(0, 10)).toEqual([]);
    // The corpus exercises the decision: many of its texts do name an item.
    expect(tops).toBeGreaterThan(200);
  });

  it('leaves most items of an ordinary text unscored', () => {
    const checklist = checklistOf(2565);
    const profiles = profilesOf(checklist);
    let kept = 0;
    let n = 0;
    for (const text of TEXTS) {
      const key = titleKey(parseItemLabel(text).rest);
      if (!key) continue;
      kept += itemsReaching(profiles, key, TOP_FLOOR).size;
      n++;
    }
    // On average a text is scored against fewer than one item in ten (43 items in 2565).
    expect(kept / n).toBeLessThan(checklist.items.length / 10);
    const news = titleKey('ประชุมสภาองค์การบริหารส่วนตำบลสมัยสามัญ สมัยที่ 2 ครั้งที่ 1');
    expect(itemsReaching(profiles, news, TOP_FLOOR).size).toBe(0);
  });

  it('follows the checklist data: a title variant added at run time is found', () => {
    const base = checklistOf(2565);
    const variant = 'รายชื่อนายกและรองนายก';
    const text = `${variant} ปี 2565`;
    expect(scoreItems(base, text, undefined, TOP_FLOOR)).toEqual([]);
    const changed: Checklist = { ...base, items: base.items.map((i) => (i.code === 'O2' ? { ...i, variants: [...i.variants, variant] } : i)) };
    expect([...itemsReaching(profilesOf(changed), titleKey(text), TOP_FLOOR)]).toEqual(['O2']);
    expect(scoreItems(changed, text, undefined, TOP_FLOOR)[0]).toMatchObject({ code: 'O2', score: 1 });
  });

  it('remembers scores per checklist, and a caller changing its copy changes nothing', () => {
    const checklist = checklistOf(2566);
    const text = 'ข่าวประชาสัมพันธ์';
    const first = scoreItems(checklist, text);
    expect(first[0]?.score).toBeGreaterThanOrEqual(IDENTIFY_THRESHOLD);
    first[0]!.score = 0;
    first.length = 0;
    const again = scoreItems(checklist, text);
    expect(again[0]?.score).toBeGreaterThanOrEqual(IDENTIFY_THRESHOLD);
    expect(again).toEqual(scoreItems({ ...checklist }, text));
  });

  it('remembers the items a document head names, and a caller changing its copy changes nothing', () => {
    const checklist = checklistOf(2565);
    const head = 'องค์การบริหารส่วนตำบลดาน\nแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565\nโครงการอบรมคุณธรรม';
    const first = itemsInHead(checklist, head);
    expect(first.map((m) => m.code)).toContain('O39');
    first[0]!.code = 'O1';
    first.length = 0;
    const again = itemsInHead(checklist, head);
    expect(again).toEqual(itemsInHead({ ...checklist }, head));
    expect(again.map((m) => m.code)).toContain('O39');
  });

  // document-self-title and candidates.ts compare a title line's top item (at least 0.55) with the second
  // and with their own item by 0.15 and 0.4: with the title-line floor every comparison comes out the same.
  it.each(YEARS)('%i: title lines ranked above their floor decide as the full ranking does', (year) => {
    const checklist = checklistOf(year);
    const changed: string[] = [];
    let named = 0;
    for (const text of TEXTS) {
      const full = scoreItems(checklist, text);
      const cut = scoreItems(checklist, text, undefined, TITLE_LINE_FLOOR, true);
      for (const threshold of [0.55, IDENTIFY_THRESHOLD]) {
        const decide = (ranked: ItemScore[]) => {
          const top = ranked[0];
          if (!top || top.score < threshold) return 'none';
          const second = ranked[1]?.score ?? 0;
          const mine = (code: string) => ranked.find((r) => r.code === code)?.score ?? 0;
          const per = checklist.items.map((i) => `${i.code}:${+(mine(i.code) < top.score - 0.15)}${+(mine(i.code) < top.score - 0.4)}`);
          return `${top.code} ${top.score} ${+(second < top.score - 0.15)} ${per.join(',')}`;
        };
        const a = decide(full);
        if (a !== 'none') named++;
        if (a !== decide(cut)) changed.push(`${threshold} "${text}"`);
      }
    }
    expect(changed.slice(0, 10)).toEqual([]);
    expect(named).toBeGreaterThan(200);
  });

  it.each(YEARS)('%i: one pass over a head finds exactly the forms indexOf finds', (year) => {
    const checklist = checklistOf(year);
    const search = buildHeadSearch(checklist, (i) => [i.title, ...i.variants, 'ก', 'ปี', ''], () => true);
    const wrong: string[] = [];
    let found = 0;
    // Heads as documents carry them: several texts on their lines, and each text alone.
    const heads = [...TEXTS, ...Array.from({ length: 200 }, (_v, k) => TEXTS.slice(k * 10, k * 10 + 10).join('\n'))];
    for (const head of heads) {
      const { toneless } = prepareText(head);
      const present = formsPresent(search, toneless);
      search.forms.forEach((f, i) => {
        const expected = f.toneless !== '' && toneless.indexOf(f.toneless) >= 0;
        if (expected) found++;
        if (expected !== !!present[i]) wrong.push(`${f.text} in "${head.slice(0, 60)}"`);
      });
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(found).toBeGreaterThan(1000);
  });
});
