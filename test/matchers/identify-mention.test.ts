import { describe, expect, it } from 'vitest';
import { bestItem, isGroupLabel } from '../../src/matchers/lib/identify.js';
import { checklistOf } from './ctx.js';

describe('identify: what a text is, not what it mentions', () => {
  it.each([
    [2566, 'ผลการประเมินการรับรู้และปฏิบัติตามประมวลจริยธรรม ประจำปี 2566', 'O39'],
    [2565, 'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต', 'O39'],
  ])('%i "%s" does not name %s', (year, text, code) => expect(bestItem(checklistOf(year), text)?.code).not.toBe(code));

  it.each([
    [2566, 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ', 'O39'],
    [2565, 'แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2565', 'O39'],
  ])('%i "%s" names %s', (year, text, code) => expect(bestItem(checklistOf(year), text)?.code).toBe(code));

  it.each([['ตัวชี้วัดย่อยที่ 9.3 การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ'], ['ตัวชี้วัดที่ 10 การป้องกันการทุจริต'], ['9.1 ข้อมูลพื้นฐาน']])('"%s" is a group of items', (t) =>
    expect(isGroupLabel(checklistOf(2566), t)).toBe(true),
  );
  it('an item title is not a group label', () => expect(isGroupLabel(checklistOf(2566), 'O10 นโยบายคุ้มครองข้อมูลส่วนบุคคล')).toBe(false));
});
