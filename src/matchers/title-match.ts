import { z } from 'zod';
import { itemTitle } from '../checklist/schema.js';
import { IDENTIFY_THRESHOLD, identifies, isGenericLinkText, parseItemLabel } from './lib/identify.js';
import { defineMatcher } from './types.js';

/**
 * Do the words a candidate was linked with (link text, label, menu path, page title) name the item,
 * and no other item of the year better? Generic link texts ("ดาวน์โหลด", "doc_03.pdf") say nothing.
 */
export const titleMatch = defineMatcher({
  meta: {
    id: 'title-match',
    description: 'The link text, menu label or title names the checklist item (fuzzy, Thai-folded, look-alikes resolved)',
    params: z.object({ threshold: z.number().min(0).max(1).default(IDENTIFY_THRESHOLD) }),
  },
  match(ctx, params) {
    const names = ctx.names.filter((n) => !isGenericLinkText(n) && !isGenericLinkText(parseItemLabel(n).rest || n));
    if (names.length === 0) return { verdict: 'skip', reason: 'ไม่มีข้อความของลิงก์ที่บอกชื่อรายการ' };
    let best: { name: string; score: number } | undefined;
    let other: { name: string; code: string; score: number } | undefined;
    for (const name of names) {
      const id = identifies(ctx.checklist, ctx.item.code, name, { threshold: params.threshold });
      if (id.ok && (!best || id.score > best.score)) best = { name, score: id.score };
      if (!id.ok && id.other && (!other || id.other.score > other.score)) other = { name, code: id.other.code, score: id.other.score };
    }
    if (best) return { verdict: 'pass', confidence: Math.min(1, best.score), quote: best.name };
    if (other) {
      const title = itemTitle(ctx.checklist, other.code);
      return {
        verdict: 'fail',
        reason: `"${other.name}" ตรงกับรายการ ${other.code} ${title} มากกว่า`,
        data: { other: other.code },
      };
    }
    return { verdict: 'fail', reason: 'ข้อความของลิงก์ไม่ตรงกับชื่อรายการ' };
  },
});
