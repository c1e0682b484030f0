/**
 * How many distinct OIT item codes (O1, o 12, OIT-7…) a page's text names: an ITA index page without its
 * label still names eight or more. The crawl stores the count with each html page (meta.itemCodes), so
 * building a stored scan's index needs no page's text; scans stored before that are counted from their
 * text, by the same function, so both give the same number.
 */
import { fold } from './fold.js';

const CODE_RE = /(?:^|[^a-z0-9])(?:o|oit)\s?-?\s?0?(\d{1,2})(?!\d)/gi;

export function codeCount(text: string): number {
  // Every code has an "o" and folding makes no "o" that was not an "o" or "O": most Thai pages have none,
  // and folding a whole page's text is the cost here.
  if (!/[oO]/.test(text)) return 0;
  const nums = new Set<string>();
  for (const m of fold(text).matchAll(CODE_RE)) nums.add(m[1]!);
  return nums.size;
}

/** The count a snapshot's crawl stored, when it did (the snapshot's meta is free-form JSON). */
export function storedCodeCount(meta: Record<string, unknown>): number | undefined {
  const n = meta.itemCodes;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}
