import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { ctx, target } from './ctx.js';

const FORM = `แบบสอบถามความพึงพอใจของผู้รับบริการ องค์การบริหารส่วนตำบลด่าน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
คำชี้แจง โปรดทำเครื่องหมาย ✓ ในช่องที่ตรงกับความคิดเห็นของท่าน
ตอนที่ ๑ ข้อมูลทั่วไปของผู้ตอบแบบสอบถาม
๑. เพศ ( ) ชาย ( ) หญิง
ตอนที่ ๒ ระดับความพึงพอใจ มากที่สุด มาก ปานกลาง น้อย น้อยที่สุด
ข้อเสนอแนะ ..................................................`;
const REPORT = `รายงานผลการสำรวจความพึงพอใจการให้บริการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕
จำนวนผู้ตอบแบบสอบถาม ๔๐๐ คน
ผลการสำรวจความพึงพอใจโดยรวมอยู่ในระดับมาก ร้อยละ ๘๖.๕๐`;
const REPORT_WITH_FORM = `แบบสอบถามความพึงพอใจ และสรุปผลการสำรวจ ปี ๒๕๖๕\nภาคผนวก แบบสอบถาม ( ) ชาย ( ) หญิง\nสรุปผลการสำรวจ ความพึงพอใจเฉลี่ย ร้อยละ ๘๘`;

describe('blank-form', () => {
  it.each([
    ['a survey report', 2565, 'O16', target({ doc: REPORT })],
    ['a report with the form attached', 2565, 'O16', target({ doc: REPORT_WITH_FORM })],
    ['a page with no questionnaire title', 2565, 'O16', target({ html: '<h1>ผลการสำรวจ</h1><p>( ) ไม่มีความหมาย</p>' })],
  ])('valid: %s', (_n, year, code, t) => expect(runMatcher('blank-form', ctx(year, code, { target: t })).verdict).toBe('pass'));

  it.each([
    ['a blank questionnaire PDF', 2565, 'O16', target({ doc: FORM })],
    ['a blank questionnaire page', 2566, 'O17', target({ html: `<h2>แบบประเมินความพึงพอใจการให้บริการ</h2><p>กรุณาทำเครื่องหมาย ✓</p><p>□ มาก □ ปานกลาง □ น้อย</p>` })],
  ])('invalid: %s', (_n, year, code, t) => expect(runMatcher('blank-form', ctx(year, code, { target: t })).verdict).toBe('fail'));

  it('does not judge online-system items, where a form may be the service', () => {
    expect(runMatcher('blank-form', ctx(2565, 'O17', { target: target({ doc: FORM }) })).verdict).toBe('skip');
  });
});
