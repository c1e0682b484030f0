/**
 * DOCX and XLSX fixtures from a Thai HTML body, and the text a perfect extractor gets from them (what
 * src/crawl/documents/docx.ts and xlsx.ts produce: paragraphs as lines; "# sheet" then tab-separated rows).
 * The offline runner uses the text; the loopback server serves the real bytes.
 */
import * as cheerio from 'cheerio';
import { makeDocx, makeXlsx } from '../crawl/helpers/zip.js';

const BLOCK = 'p,h1,h2,h3,h4,h5,h6,li,tr,div';
const clean = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').trim();

/** One paragraph per block (table rows: cells joined by a tab), in document order. */
export function docParagraphs(bodyHtml: string): string[] {
  const $ = cheerio.load(`<body>${bodyHtml}</body>`);
  $('br').replaceWith('\n');
  const out: string[] = [];
  $('body')
    .find(BLOCK)
    .each((_, el) => {
      const $el = $(el);
      if ($el.find(BLOCK).length) return; // only innermost blocks
      const text = el.tagName === 'tr' ? $el.children('td,th').map((_i, c) => clean($(c).text())).get().join('\t') : clean($el.text());
      if (text) out.push(text);
    });
  return out;
}

/** Sheet rows: every table row becomes a row of cells; text blocks outside tables become one-cell rows. */
export function sheetRows(bodyHtml: string): string[][] {
  return docParagraphs(bodyHtml).map((p) => p.split('\t'));
}

export const SHEET_NAME = 'Sheet1';

export function docxBytes(bodyHtml: string): Buffer {
  return makeDocx(docParagraphs(bodyHtml));
}

export function xlsxBytes(bodyHtml: string): Buffer {
  return makeXlsx({ [SHEET_NAME]: sheetRows(bodyHtml) });
}

/** Text as the crawler's extractors give it. */
export function docxText(bodyHtml: string): string {
  return docParagraphs(bodyHtml).join('\n');
}

export function xlsxText(bodyHtml: string): string {
  return [`# ${SHEET_NAME}`, ...sheetRows(bodyHtml).map((r) => r.filter(Boolean).join('\t'))].join('\n');
}
