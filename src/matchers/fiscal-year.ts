import { z } from 'zod';
import type { PeriodRule } from '../checklist/schema.js';
import { checkPeriod, type PeriodVerdict } from '../text/years.js';
import { defineMatcher, type Target } from './types.js';

/**
 * The target's own years, by target: the same page is checked under every candidate that reaches it (a
 * listing's entries are candidates and children of each other), with different link words but the same text.
 */
const ownPeriods = new WeakMap<Target, Map<string, PeriodVerdict>>();

function ownPeriod(t: Target, rule: PeriodRule, year: number, headChars: number): PeriodVerdict {
  let byRule = ownPeriods.get(t);
  if (!byRule) ownPeriods.set(t, (byRule = new Map()));
  const key = `${rule}|${year}|${headChars}`;
  let out = byRule.get(key);
  if (!out) byRule.set(key, (out = checkPeriod(rule, year, [t.title ?? '', t.text.slice(0, headChars)].join('\n'))));
  return out;
}

/**
 * Is the evidence for the fiscal year the item's period rule requires (reference §4)? The target's own
 * text decides. When it names no year at all, the words it was linked with (link text, row, menu:
 * "แผนการจัดซื้อจัดจ้าง ประจำปี 2565") can only fail it (a wrong year) or send it to a person: the
 * grader opens the document, not our link, so a year seen only in the link is not proof. A multi-year plan whose span covers the year counts (text/years.ts).
 */
export const fiscalYear = defineMatcher({
  meta: {
    id: 'fiscal-year',
    description: "The evidence is for the fiscal year the item's period rule requires in the assessment year",
    params: z.object({ headChars: z.number().int().min(100).default(20000) }),
  },
  match(ctx, params) {
    const rule = ctx.item.period;
    if (rule === 'none') return { verdict: 'pass', confidence: 1 };
    const t = ctx.target;
    if (!t?.snapshot) return { verdict: 'skip' };
    const own = ownPeriod(t, rule, ctx.year, params.headChars);
    if (own.ok === true) return { verdict: 'pass', confidence: 1, quote: own.quote, data: { foundYears: own.foundYears } };
    if (own.ok === false) {
      return { verdict: 'fail', reason: own.reason ?? `ไม่ใช่${own.expected}`, quote: own.quote, data: { foundYears: own.foundYears, expected: own.expected } };
    }
    if (own.foundYears.length === 0) {
      const names = [...ctx.names, ctx.row?.text ?? ''].filter(Boolean).join('\n');
      if (names) {
        const byName = checkPeriod(rule, ctx.year, names);
        if (byName.ok === true) {
          // The grader opens the document, not our link: a year only in the link text is not proof.
          const fy = byName.foundYears[0];
          return {
            verdict: 'unknown',
            reason: `เอกสารไม่ระบุปีงบประมาณ พบปี ${fy ?? ''} เฉพาะในชื่อลิงก์ — ควรระบุปีในตัวเอกสาร หรือให้เจ้าหน้าที่ตรวจ`.replace('ปี  ', 'ปี '),
            quote: byName.quote,
            data: { foundYears: byName.foundYears, fromNames: true },
          };
        }
        if (byName.ok === false) {
          return { verdict: 'fail', reason: byName.reason ?? `ไม่ใช่${byName.expected}`, quote: byName.quote, data: { foundYears: byName.foundYears, expected: byName.expected } };
        }
      }
    }
    return { verdict: 'unknown', reason: own.reason ?? `ไม่พบปีงบประมาณที่ชัดเจน ต้องเป็น${own.expected}`, quote: own.quote, data: { foundYears: own.foundYears, expected: own.expected } };
  },
});
