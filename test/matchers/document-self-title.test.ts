import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { ctx, target } from './ctx.js';

describe('document-self-title', () => {
  it.each([
    [2565, 'O11', 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ ๖ เดือน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ตามแผนดำเนินงานประจำปี'],
    [2565, 'O24', 'องค์การบริหารส่วนตำบลด่าน\nรายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2564\nสรุปผลการจัดซื้อจัดจ้าง'],
    [2565, 'O43', 'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
    [2565, 'O42', 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปี 2565'],
    [2565, 'O12', 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๔'],
  ])('valid: %i %s', (year, code, doc) => expect(runMatcher('document-self-title', ctx(year, code, { target: target({ doc }) })).verdict).toBe('pass'));

  it.each([
    // the link says annual procurement report, the file is the monthly summary
    [2565, 'O24', 'สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2564 (แบบ สขร.1)'],
    [2565, 'O10', 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน ตามแผนดำเนินงานประจำปี'],
    [2565, 'O12', 'รายงานผลการดำเนินงาน รอบ 6 เดือน ประจำปีงบประมาณ 2565'],
    [2565, 'O42', 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
  ])('invalid: %i %s', (year, code, doc) => expect(runMatcher('document-self-title', ctx(year, code, { target: target({ doc }) })).verdict).toBe('fail'));

  it('says nothing about a document without an item title', () => {
    expect(runMatcher('document-self-title', ctx(2565, 'O24', { target: target({ doc: 'ตารางข้อมูล 1 2 3' }) })).verdict).toBe('unknown');
  });
});
