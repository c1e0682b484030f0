import type { Checklist } from '../../checklist/schema.js';
import { IDENTIFY_THRESHOLD, scoreItems, type ItemScore } from './identify.js';

export { titleLineOf } from '../../text/title-line.js';

/** The lines among the first of a page's main text that are headings (h1–h3) of the page. */
export function mainHeadings(text: string, headings: string[]): string {
  const heads = new Set(headings.map((h) => h.replace(/\s+/g, ' ').trim()));
  const lines = text.split(/\n+/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).slice(0, 6);
  return lines.filter((l) => heads.has(l)).join('\n');
}

/** How far a title line's best item must lead the next one to be taken as naming it. */
export const TITLE_LINE_MARGIN = 0.15;

/**
 * Items scoring below this are left out of a title line's ranking. Callers compare the top item (at least
 * 0.55) with the second and with their own item by margins of TITLE_LINE_MARGIN and 0.4 (document-self-title
 * FAR_MARGIN); an item left out scores under this floor plus the label number's 0.06 bonus, 0.15, and
 * 0.15 < 0.55 − 0.4, so every such comparison comes out as it does with the item's own score.
 */
export const TITLE_LINE_FLOOR = 0.09;

/** The item a title line clearly names: above the identification threshold and well ahead of any other. */
export function itemOfTitleLine(checklist: Checklist, line: string, threshold = IDENTIFY_THRESHOLD): { top: ItemScore; ranked: ItemScore[] } | undefined {
  const ranked = scoreItems(checklist, withoutPeriod(line), undefined, TITLE_LINE_FLOOR, true);
  const top = ranked[0];
  if (!top || top.score < threshold) return undefined;
  return { top, ranked };
}

const MONTH = '(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.)';
const DATE = `(?:วันที่\\s*[0-9๐-๙]{1,2}\\s*)?(?:(?<![0-9๐-๙]\\s*)เดือน)?\\s*${MONTH}\\s*(?:พ\\.ศ\\.)?\\s*[0-9๐-๙]{0,4}`;
const MONTHS = new RegExp(`(?:ระหว่าง|ตั้งแต่)?\\s*${DATE}(?:\\s*(?:ถึง|-|–)\\s*${DATE})?`, 'g');
const FIRST_HALF = /^\s*(?:ระหว่าง|ตั้งแต่)?\s*(?:วันที่\s*[0-9๐-๙]{1,2}\s*)?(?:เดือน)?\s*(?:ตุลาคม|ต\.ค\.).*(?:มีนาคม|มี\.ค\.)/;

/**
 * A title line without the dates it states: they say when, not what, and only lengthen the line. A stated
 * October–March period is what "รอบ 6 เดือน" says, so it is kept as those words.
 */
function withoutPeriod(line: string): string {
  const sixMonths = /[6๖]\s*เดือน|ครึ่งปี/.test(line);
  return line
    .replace(MONTHS, (m) => (!sixMonths && FIRST_HALF.test(m) ? ' รอบ 6 เดือน ' : ' '))
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
