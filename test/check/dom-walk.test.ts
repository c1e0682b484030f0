import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { childrenNamed, closestNamed, hasElement, textContent, walkElements } from '../../src/check/dom-walk.js';
import { isLayoutTable, tableHasData } from '../../src/check/page-structure.js';

// Pages where a direct walk and a selector query could part ways: template content, nested tables, a
// thead of an outer table, SVG, comments, unclosed tags parse5 repairs. Selectors from the document enter a
// template's content; a query from the template element itself does not.
const PAGES = [
  `<html><head><title>แผนการดำเนินงาน</title></head><body><template><a href="/t">ในเทมเพลต</a><table><tr><td>x</td></tr></table></template>
   <table><thead><tr><th>ลำดับ</th><th>เรื่อง</th></tr></thead><tbody><tr><td>1</td><td><table><tr><td>ซ้อน</td></tr></table></td></tr></tbody></table>
   <svg><title>ไอคอน</title><a href="/svg">ลิงก์ใน svg</a></svg><!-- ความเห็น --><p>ย่อหน้า <b>หนา<a href="/p">ลิงก์</a></b></p>
   <ul><li>รายการ <a href="/li">หนึ่ง</a><ul><li><a href="/li2">สอง</a></li></ul></li></ul>
   <table><tr><td>ลำดับ</td><td>เรื่อง</td><td>สถานะ</td></tr><tr><td colspan="3">ไม่มีข้อมูล</td></tr></table>
   <table><tr><td><h2>หัวข้อในตาราง</h2></td></tr></table><div><table><tr><td>-</td><td>–</td></tr></table></div></body></html>`,
  `<table><tr><td>ไม่ปิดแท็ก<td>เซลล์ <a href="/a">ก</a><tr><td>2<td>แถวสอง</table><p>ย่อหน้า<div>บล็อก</div>`,
];

describe('direct DOM walks equal the selector queries they replace', () => {
  for (const [i, html] of PAGES.entries()) {
    it(`page ${i + 1}`, () => {
      const $ = cheerio.load(html);
      const root = $.root()[0]!;
      const walked: Element[] = [];
      walkElements(root, (el) => void walked.push(el));
      expect(walked).toEqual($('*').toArray());
      const anchors = walked.filter((e) => e.name === 'a');
      expect(anchors.length).toBeGreaterThan(0);
      for (const a of anchors) {
        for (const sel of ['tr', 'li', 'td']) expect(closestNamed(a, new Set([sel]))).toBe($(a).closest(sel)[0]);
        expect(textContent(a)).toBe($(a).text());
      }
      for (const el of walked) {
        expect(childrenNamed(el, new Set(['td', 'th']))).toEqual($(el).children('td,th').toArray());
        expect(hasElement(el, (e) => e.name === 'table')).toBe($(el).find('table').length > 0);
      }
      expect(textContent(root)).toBe($.root().text());
    });
  }

  it('tables: layout and data are told apart as before', () => {
    const $ = cheerio.load(PAGES[0]!);
    const tables = $('table').toArray();
    // The template's table, the outer table with a nested one, the nested one, a header-and-message table,
    // a layout table holding a heading, a table of dashes.
    expect(tables).toHaveLength(6);
    expect(tables.map((t) => isLayoutTable(t))).toEqual([false, true, false, false, true, false]);
    expect(tables.map((t) => tableHasData(t))).toEqual([true, true, true, false, true, false]);
  });
});
