import { z } from 'zod';
import { itemTitle } from '../checklist/schema.js';
import { IDENTIFY_THRESHOLD, identifyRow } from './lib/identify.js';
import { defineMatcher } from './types.js';

/**
 * Does a row of an ITA/OIT index page (table row, list item, accordion heading) belong to the item?
 * The row's title text decides, against the whole year's checklist; the label's number (O11, 011,
 * OIT 11, "11.") only breaks near-ties, because numbering shifts between years. A row with a label and
 * no usable title is matched by number with low confidence (the document itself must then confirm).
 */
export const indexRow = defineMatcher({
  meta: {
    id: 'index-row',
    description: 'An ITA index row maps to the item by its title text (number as a tie-break hint)',
    params: z.object({ threshold: z.number().min(0).max(1).default(IDENTIFY_THRESHOLD) }),
  },
  match(ctx, params) {
    const row = ctx.row;
    if (!row) return { verdict: 'skip' };
    const id = identifyRow(ctx.checklist, row, params.threshold);
    if (!id) return { verdict: 'fail', reason: 'แถวนี้ไม่ตรงกับรายการใด' };
    if (id.code === ctx.item.code) {
      return { verdict: 'pass', confidence: Math.min(1, id.score), quote: id.quote, data: { numberOnly: id.numberOnly } };
    }
    const title = itemTitle(ctx.checklist, id.code);
    return { verdict: 'fail', reason: `แถวนี้เป็นรายการ ${id.code} ${title}`, data: { other: id.code } };
  },
});
