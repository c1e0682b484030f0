import { z } from 'zod';
import { itemsInHead } from './lib/identify.js';
import { defineMatcher } from './types.js';

/**
 * Does the target's own head (page title, headings, first ~1500 characters of a document) show that it
 * is the item? The first item title to appear wins; a head that opens with another item's title
 * ("สรุปผลการจัดซื้อจัดจ้างรายเดือน" behind a link labelled as the annual report) names that item.
 */
export const documentSelfTitle = defineMatcher({
  meta: {
    id: 'document-self-title',
    description: "The document's own title (its first ~1500 characters) names the item",
    params: z.object({ headChars: z.number().int().min(100).default(1500) }),
  },
  match(ctx, params) {
    const t = ctx.target;
    if (!t?.snapshot) return { verdict: 'skip' };
    const head = [t.title ?? '', ...(t.headings ?? []), t.text.slice(0, params.headChars)].join('\n');
    const found = itemsInHead(ctx.checklist, head);
    if (found.length === 0) return { verdict: 'unknown', reason: 'ชื่อเอกสารไม่บอกว่าเป็นรายการใด' };
    const mine = found.find((f) => f.code === ctx.item.code);
    const first = found[0]!;
    if (mine && (first.code === ctx.item.code || mine.index - first.index < 4)) {
      return { verdict: 'pass', confidence: mine.exact ? 1 : 0.8, quote: mine.form };
    }
    const title = ctx.checklist.items.find((i) => i.code === first.code)?.title ?? first.code;
    return {
      verdict: 'fail',
      reason: `เนื้อหาเป็น${title} (${first.code}) ไม่ใช่${ctx.item.title}`,
      quote: first.form,
      data: { other: first.code, mentionsMine: !!mine },
    };
  },
});
