import { describe, expect, it } from 'vitest';
import { itemOfTitleLine, mainHeadings, titleLineOf } from '../../src/matchers/lib/title-line.js';
import { checklistOf } from './ctx.js';

describe('title line', () => {
  it('skips the agency name and short labels', () => {
    expect(titleLineOf('เทศบาลตำบลบ้านไผ่พัฒนา\nรายงานการติดตามผลการดำเนินงาน ประจำปี 2567\nข้อมูล')).toBe('รายงานการติดตามผลการดำเนินงาน ประจำปี 2567');
    expect(titleLineOf('O12\nองค์การบริหารส่วนตำบลด่าน\nแผนการจัดซื้อจัดจ้าง')).toBe('แผนการจัดซื้อจัดจ้าง');
  });

  it("a page's title line is a heading among its first main lines, not a date or a paragraph", () => {
    const text = 'โพสต์เมื่อ ๒๘ มี.ค. 2566\nองค์การบริหารส่วนตำบลวังใหญ่\nรายงานผลการบริหารและพัฒนาบุคลากร ประจำปี 2564\nผลการดำเนินงาน';
    expect(titleLineOf(mainHeadings(text, ['องค์การบริหารส่วนตำบลวังใหญ่', 'รายงานผลการบริหารและพัฒนาบุคลากร ประจำปี 2564']))).toBe('รายงานผลการบริหารและพัฒนาบุคลากร ประจำปี 2564');
    expect(mainHeadings('ข่าวประชาสัมพันธ์ล่าสุดของตำบล\nเนื้อหา', ['เมนูหลัก'])).toBe('');
  });

  // Dates say when, not what: a stated October–March period is the six months; other dates are dropped.
  it.each([
    [2567, 'รายงานการติดตามผลการดำเนินงาน ประจำปี 2567 รอบ 6 เดือนแรก ปีงบประมาณ 2567 (ตุลาคม 2566 - มีนาคม 2567)', 'O12'],
    [2565, 'รายงานการใช้จ่ายงบประมาณ ประจำปี ๒๕๖๕ ระหว่างเดือนตุลาคม ๒๕๖๔ ถึงเดือนมีนาคม ๒๕๖๕', 'O19'],
    [2565, 'รายงานการใช้จ่ายงบประมาณ ประจำปี ๒๕๖๕ ระหว่างเดือนตุลาคม ๒๕๖๔ ถึงเดือนมีนาคม ๒๕๖๕ (รอบ 6 เดือน)', 'O19'],
    [2565, 'รายงานการใช้จ่ายงบประมาณ ประจำปี ๒๕๖๔ (1 ตุลาคม 2563 – 30 กันยายน 2564)', 'O20'],
    [2565, 'รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ ๒๕๖๕ รอบ๖เดือน ต.ค.๖๔-มี.ค.๖๕', 'O40'],
  ])('%i %s → %s', (year, line, code) => expect(itemOfTitleLine(checklistOf(year), line)?.top.code).toBe(code));

  it('names nothing when the line is no item title', () => {
    expect(itemOfTitleLine(checklistOf(2565), 'ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้าง')).toBeUndefined();
  });
});
