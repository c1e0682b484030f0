import { describe, expect, it } from 'vitest';
import { firstHeadings, storedHeadings } from '../../src/text/html-headings.js';

/** The first h1/h2 texts a CMS item page names its item with; the crawl stores them, old scans are read. */
describe('firstHeadings', () => {
  it.each([
    ['an h1 with markup and entities inside', '<h1 class="t"><span>แผนการจัดซื้อจัดจ้าง</span>&nbsp;ประจำปี&nbsp;2567</h1>', ['แผนการจัดซื้อจัดจ้าง ประจำปี 2567']],
    ['h1 then h2, a third heading ignored', '<h1>อบต.ตัวอย่าง</h1><h2>รายงานผลการดำเนินงาน\n รอบ 6 เดือน</h2><h2>ข่าว</h2>', ['อบต.ตัวอย่าง', 'รายงานผลการดำเนินงาน รอบ 6 เดือน']],
    ['h3 and deeper are not headings here', '<h3>คู่มือ</h3><h4>ประกาศ</h4>', []],
    ['an empty heading is skipped', '<h1> <img src="logo.png"> </h1><h2>ข้อมูลผู้บริหาร</h2>', ['ข้อมูลผู้บริหาร']],
    ['&amp; is read as &', '<H2>ถาม &amp; ตอบ</H2>', ['ถาม & ตอบ']],
    ['an unclosed heading is not read to the end of the page', `<h1>${'ก'.repeat(700)}</h1>`, []],
    ['mismatched tags do not pair', '<h1>หัวข้อ</h2>', []],
  ])('%s', (_why, html, expected) => {
    expect(firstHeadings(html)).toEqual(expected);
  });
});

describe('storedHeadings', () => {
  it('reads the crawl\'s stored headings, and nothing else', () => {
    expect(storedHeadings({ headings: ['โครงสร้างองค์กร'] })).toEqual(['โครงสร้างองค์กร']);
    expect(storedHeadings({ headings: [] })).toEqual([]);
    expect(storedHeadings({ charset: 'utf-8' })).toBeUndefined();
    expect(storedHeadings({ headings: 'โครงสร้าง' })).toBeUndefined();
    expect(storedHeadings({ headings: [1, 2] })).toBeUndefined();
  });
});
