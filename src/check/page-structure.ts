/**
 * What a page *is*, structurally: does it hold tables with data rows, and content pictures? Judging by
 * structure rather than words keeps a header-only table (a template waiting for numbers) from passing as
 * statistics, and keeps a lazily loaded executive photo from being missed.
 */
import type * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { childrenNamed, closestNamed, hasElement, isTag, textContent, walkElements } from './dom-walk.js';

const EMPTY_CELL = /^[\s\-–—_.…]*$/;

/** Text of a cell, blank-normalised. */
function cellText(el: Element): string {
  return textContent(el).replace(/[\s\u00a0]+/g, ' ').trim();
}

const CELLS = new Set(['td', 'th']);
const TD = new Set(['td']);
const TABLE = new Set(['table']);
const THEAD = new Set(['thead']);

/** Has the row an ancestor <thead> (of any table around it, as a selector's parents('thead') sees it)? */
function insideThead(tr: Element): boolean {
  const parent = tr.parent;
  return !!parent && isTag(parent) && closestNamed(parent, THEAD) !== undefined;
}

/**
 * Header rows of a table: rows inside <thead>, rows made only of <th>, and — in tables without any <th>
 * or <thead>, as many CMS editors write them — a first row of three or more cells none of which holds a
 * digit ("ลำดับ | เรื่อง | จำนวน | ดำเนินการแล้วเสร็จ"). A digit in the first row means it is already data.
 */
function headerRows(table: Element, rows: Element[]): Set<Element> {
  const headers = new Set<Element>();
  let marked = false;
  for (const tr of rows) {
    const cells = childrenNamed(tr, CELLS);
    if (insideThead(tr) || (cells.length > 0 && cells.every((c) => c.name === 'th'))) {
      headers.add(tr);
      marked = true;
    }
  }
  if (!marked && !hasElement(table, (el) => el.name === 'th') && rows.length > 0) {
    const first = rows[0]!;
    const cells = childrenNamed(first, TD).map(cellText);
    if (cells.length >= 3 && cells.every((c) => !/[0-9๐-๙]/.test(c))) headers.add(first);
  }
  return headers;
}

const LAYOUT_INSIDE = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'form', 'nav']);

/** A table used for page layout: its cells hold headings, lists, forms or other tables, not values. */
export function isLayoutTable(table: Element): boolean {
  return hasElement(table, (el) => LAYOUT_INSIDE.has(el.name));
}

/** The table's own rows, in document order: rows of a table nested in its cells belong to that table. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  walkElements(table, (el) => void (el.name === 'tr' && rows.push(el)));
  return rows.filter((tr) => closestNamed(tr, TABLE) === table);
}

/**
 * Does a table hold at least one data row: a row that is neither a header nor a message spanning the table,
 * with a non-empty, non-dash cell?
 */
export function tableHasData(table: Element): boolean {
  const rows = ownRows(table);
  const headers = headerRows(table, rows);
  return rows.some((tr) => {
    if (headers.has(tr)) return false;
    const cells = childrenNamed(tr, CELLS);
    // One cell spanning the table is a message row ("ไม่มีข้อมูล", DataTables' "No data available in table").
    if (cells.length === 1 && Number(cells[0]!.attribs?.colspan ?? 1) >= 2) return false;
    return cells.some((td) => td.name === 'td' && !EMPTY_CELL.test(cellText(td)));
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
export function countContentImages($: cheerio.CheerioAPI, imgs: Element[] = $('img').toArray()): number {
  let images = 0;
  for (const el of imgs) {
    const a = el.attribs ?? {};
    const pictureSource = $(el).closest('picture').find('source').attr('srcset')?.split(/[\s,]+/)[0];
    const src = imageSource(a) ?? pictureSource;
    if (!src) continue;
    const inline = /^data:/i.test(src);
    const desc = `${inline ? '' : src} ${a.alt ?? ''} ${a.class ?? ''} ${a.id ?? ''}`;
    const w = Number(a.width ?? 999);
    const h = Number(a.height ?? 999);
    if (NOT_CONTENT_IMAGE.test(desc) || w < 40 || h < 40) continue;
    if (INLINE_SPACER.test(src)) continue;
    images++;
  }
  return images;
}
