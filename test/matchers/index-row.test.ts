import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { parseItemLabel } from '../../src/matchers/lib/identify.js';
import { ctx } from './ctx.js';

describe('index-row: label styles', () => {
  it.each([
    ['O1 โครงสร้าง', 1],
    ['o1 โครงสร้าง', 1],
    ['O1.โครงสร้าง', 1],
    ['O1 - โครงสร้าง', 1],
    ['OIT 1 โครงสร้าง', 1],
    ['OIT1', 1],
    ['011 - รายงาน', 11],
    ['010 แผน', 10],
    ['O01 โครงสร้าง', 1],
    ['11. รายงาน', 11],
    ['ข้อ ๑๑ รายงาน', 11],
    ['O๑๑ รายงาน', 11],
  ])('%s → %i', (text, n) => expect(parseItemLabel(text).number).toBe(n));

  it.each([['MOIT 1 โครงสร้าง'], ['4.2 การบริหาร'], ['2565 แผน']])('%s has no OIT number', (text) => {
    expect(parseItemLabel(text).number).toBeUndefined();
  });
});

describe('index-row', () => {
  it.each([
    [2565, 'O11', { text: '011 | รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ6เดือน | ดาวน์โหลด', cells: ['011', 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ6เดือน', 'ดาวน์โหลด', ''] }],
    [2565, 'O24', { text: 'O24 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี' }],
    // 2566 numbering on a 2565 checklist: the title decides, not the number
    [2565, 'O10', { text: 'O11 แผนดำเนินงานประจำปี', cells: ['O11', 'แผนดำเนินงานประจำปี', 'ดาวน์โหลด'] }],
    [2566, 'O11', { text: 'O10 แผนดำเนินงานและการใช้งบประมาณประจำปี' }],
    // number only: low confidence
    [2565, 'O11', { text: 'O11 | ดาวน์โหลด', cells: ['O11', 'ดาวน์โหลด'] }],
  ])('valid: %i %s', (year, code, row) => {
    const out = runMatcher('index-row', ctx(year, code, { row }));
    expect(out.verdict).toBe('pass');
  });

  it('a number-only row is flagged', () => {
    const out = runMatcher('index-row', ctx(2565, 'O11', { row: { text: 'O11 | ดาวน์โหลด', cells: ['O11', 'ดาวน์โหลด'] } }));
    expect(out.data?.numberOnly).toBe(true);
    expect(out.confidence).toBeLessThan(0.5);
  });

  it.each([
    [2565, 'O11', { text: 'O11 แผนดำเนินงานประจำปี' }],
    [2565, 'O1', { text: 'MOIT 1 แผนปฏิบัติการป้องกันการทุจริต' }],
    [2565, 'O12', { text: 'O12 รายงานผลการดำเนินงาน รอบ 6 เดือน' }],
    [2565, 'O24', { text: '23. สรุปผลการจัดซื้อจัดจ้างรายเดือน' }],
  ])('invalid: %i %s', (year, code, row) => {
    expect(runMatcher('index-row', ctx(year, code, { row })).verdict).toBe('fail');
  });
});
