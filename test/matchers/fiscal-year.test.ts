import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { ctx, target } from './ctx.js';

describe('fiscal-year', () => {
  it.each([
    ['plan of FY 2565 (current-fy)', 2565, 'O10', 'แผนดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๕'],
    ['annual report of FY 2564 (previous-fy)', 2565, 'O12', 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2564'],
    ['six-month report Oct 64 – Mar 65', 2565, 'O11', 'รายงานรอบ 6 เดือน (ตุลาคม 2564 - มีนาคม 2565)'],
    ['satisfaction survey of 2564 accepted', 2565, 'O16', 'ผลการสำรวจความพึงพอใจ ประจำปีงบประมาณ 2564'],
    ['multi-year plan covering the year', 2565, 'O4', 'แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕)'],
    ['no year rule', 2565, 'O1', 'โครงสร้าง'],
  ])('valid: %s', (_n, year, code, doc) => expect(runMatcher('fiscal-year', ctx(year, code, { target: target({ doc }) })).verdict).toBe('pass'));

  it('a document without a year is never passed on its link text alone: a person must look', () => {
    const out = runMatcher('fiscal-year', ctx(2565, 'O21', { names: ['แผนการจัดซื้อจัดจ้าง ประจำปี 2565'], target: target({ doc: 'แผนการจัดซื้อจัดจ้าง รายการ วงเงิน 450,000 บาท' }) }));
    expect(out.verdict).toBe('unknown');
    expect(out.reason).toContain('เฉพาะในชื่อลิงก์');
  });

  it('a wrong year in the link text of a document without a year fails it', () => {
    const out = runMatcher('fiscal-year', ctx(2565, 'O21', { names: ['แผนการจัดซื้อจัดจ้าง ประจำปี 2562'], target: target({ doc: 'แผนการจัดซื้อจัดจ้าง รายการ วงเงิน 450,000 บาท' }) }));
    expect(out.verdict).toBe('fail');
  });

  it.each([
    ['plan of an older year', 2565, 'O10', 'แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2563', 'fail'],
    ['annual report of the current year (too new)', 2565, 'O24', 'รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2565', 'fail'],
    ['a document with no year at all', 2565, 'O21', 'แผนการจัดซื้อจัดจ้าง รายการ วงเงิน 450,000 บาท', 'unknown'],
  ])('invalid: %s', (_n, year, code, doc, verdict) => expect(runMatcher('fiscal-year', ctx(year, code, { target: target({ doc }) })).verdict).toBe(verdict));

  it('the link text never overrules a document that states another year', () => {
    const out = runMatcher('fiscal-year', ctx(2565, 'O10', { names: ['แผนดำเนินงานประจำปี 2565'], target: target({ doc: 'แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2563' }) }));
    expect(out.verdict).toBe('fail');
    expect(out.reason).toContain('2563');
  });
});
