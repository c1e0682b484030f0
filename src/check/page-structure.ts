/**
 * What a page *is*, structurally: does it hold tables with data rows, and content pictures? Judging by
 * structure rather than words keeps a header-only table (a template waiting for numbers) from passing as
 * statistics, and keeps a lazily loaded executive photo from being missed.
 */
import type * as cheerio from 'cheerio';
import type { Element } from 'domhandler';

const EMPTY_CELL = /^[\s\-–—_.…]*$/;

/** Text of a cell, blank-normalised. */
function cellText($: cheerio.CheerioAPI, el: Element): string {
  return $(el).text().replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Header rows of a table: rows inside <thead>, rows made only of <th>, and — in tables without any <th>
 * or <thead>, as many CMS editors write them — a first row of three or more cells none of which holds a
 * digit ("ลำดับ | เรื่อง | จำนวน | ดำเนินการแล้วเสร็จ"). A digit in the first row means it is already data.
 */
function headerRows($: cheerio.CheerioAPI, table: Element, rows: Element[]): Set<Element> {
  const headers = new Set<Element>();
  let marked = false;
  for (const tr of rows) {
    const cells = $(tr).children('td,th').toArray();
    if ($(tr).parents('thead').length > 0 || (cells.length > 0 && cells.every((c) => c.name === 'th'))) {
      headers.add(tr);
      marked = true;
    }
  }
  if (!marked && $(table).find('th').length === 0 && rows.length > 0) {
    const first = rows[0]!;
    const cells = $(first).children('td').toArray().map((c) => cellText($, c));
    if (cells.length >= 3 && cells.every((c) => !/[0-9๐-๙]/.test(c))) headers.add(first);
  }
  return headers;
}

/** A table used for page layout: its cells hold headings, lists, forms or other tables, not values. */
export function isLayoutTable($: cheerio.CheerioAPI, table: Element): boolean {
  return $(table).find('table,h1,h2,h3,h4,h5,h6,ul,ol,form,nav').length > 0;
}

/**
 * Does a table hold at least one data row: a row that is neither a header nor a message spanning the table,
 * with a non-empty, non-dash cell?
 */
export function tableHasData($: cheerio.CheerioAPI, table: Element): boolean {
  const rows = $(table)
    .find('tr')
    .toArray()
    .filter((tr) => $(tr).closest('table')[0] === table);
  const headers = headerRows($, table, rows);
  return rows.some((tr) => {
    if (headers.has(tr)) return false;
    const cells = $(tr).children('td,th').toArray();
    // One cell spanning the table is a message row ("ไม่มีข้อมูล", DataTables' "No data available in table").
    if (cells.length === 1 && Number(cells[0]!.attribs?.colspan ?? 1) >= 2) return false;
    return cells.some((td) => td.name === 'td' && !EMPTY_CELL.test(cellText($, td)));
  });
}

const NOT_CONTENT_IMAGE = /logo|icon|banner|\bbg\b|background|spacer|blank|arrow|bullet|loading|social|facebook|line|twitter|youtube|instagram|pdf|btn|button|flag|qr/i;
/** An inline GIF or SVG: a spacer, placeholder or icon, never a chart or a photo. */
const INLINE_SPACER = /^data:image\/(?:gif|svg)/i;
const LAZY_PLACEHOLDER = /loading|lazy|placeholder|spacer|blank/i;

/** The real picture of an <img> (or <source>): lazy-loading attributes first, then srcset, then src. */
export function imageSource(attrs: Record<string, string | undefined>): string | undefined {
  const lazy = attrs['data-src'] ?? attrs['data-original'] ?? attrs['data-lazy-src'] ?? attrs['data-lazy'] ?? attrs['data-srcset']?.split(/[\s,]+/)[0];
  const srcset = attrs.srcset?.split(/[\s,]+/)[0];
  const src = attrs.src;
  if (lazy) return lazy;
  if (src && !LAZY_PLACEHOLDER.test(src) && !INLINE_SPACER.test(src)) return src;
  return srcset ?? src;
}

/**
 * Content pictures of the main content: <img> (src, lazy-loading attributes, srcset) and <picture>
 * sources, leaving out logos, icons, buttons and tiny images. An inline `data:` picture is judged by its
 * alt/class only: base64 letters would match the logo words by chance.
 */
export function countContentImages($: cheerio.CheerioAPI): number {
  let images = 0;
  $('img').each((_, el) => {
    const a = (el as Element).attribs ?? {};
    const pictureSource = $(el).closest('picture').find('source').attr('srcset')?.split(/[\s,]+/)[0];
    const src = imageSource(a) ?? pictureSource;
    if (!src) return;
    const inline = /^data:/i.test(src);
    const desc = `${inline ? '' : src} ${a.alt ?? ''} ${a.class ?? ''} ${a.id ?? ''}`;
    const w = Number(a.width ?? 999);
    const h = Number(a.height ?? 999);
    if (NOT_CONTENT_IMAGE.test(desc) || w < 40 || h < 40) return;
    if (INLINE_SPACER.test(src)) return;
    images++;
  });
  return images;
}
