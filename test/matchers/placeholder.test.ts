import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { ctx, target } from './ctx.js';

describe('placeholder', () => {
  it.each([
    ['a real page', '<h1>โครงสร้าง</h1><p>สำนักปลัด กองคลัง กองช่าง กองการศึกษา ศาสนาและวัฒนธรรม งานบริหารทั่วไป งานการเงิน งานพัสดุ</p>'],
    [
      'a progress table with a status "อยู่ระหว่างดำเนินการ"',
      '<table><tr><td>โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่ ๔ ตำบลด่าน</td><td>อยู่ระหว่างดำเนินการ</td></tr><tr><td>โครงการส่งเสริมอาชีพผู้สูงอายุ</td><td>ดำเนินการแล้วเสร็จ</td></tr></table>',
    ],
    ['a list of documents', '<h1>แผน</h1><ul><li><a href="/a.pdf">แผนการจัดซื้อจัดจ้าง 2565</a></li></ul>'],
  ])('valid: %s', (_n, html) => expect(runMatcher('placeholder', ctx(2565, 'O1', { target: target({ html }) })).verdict).toBe('pass'));

  it.each([
    ['อยู่ระหว่างดำเนินการ', '<h1>รายงานผลการดำเนินงาน</h1><p>อยู่ระหว่างดำเนินการ</p>'],
    ['อยู่ระหว่างปรับปรุง', '<h1>โครงสร้าง</h1><p>-- หน้านี้อยู่ระหว่างปรับปรุง --</p>'],
    ['ไม่มีข้อมูล', '<h1>สถิติ</h1><table><tr><th>ลำดับ</th><th>เรื่อง</th></tr><tr><td colspan=2>ไม่มีข้อมูล</td></tr></table>'],
    ['coming soon', '<h1>E-Service</h1><p>Coming soon</p>'],
    ['empty', '<h1>คู่มือ</h1>'],
  ])('invalid: %s', (_n, html) => expect(runMatcher('placeholder', ctx(2565, 'O1', { target: target({ html }) })).verdict).toBe('fail'));

  it('a document that only says "อยู่ระหว่างจัดทำ" is a placeholder too', () => {
    expect(runMatcher('placeholder', ctx(2565, 'O12', { target: target({ doc: 'รายงานผลการดำเนินงานประจำปี\nอยู่ระหว่างจัดทำ' }) })).verdict).toBe('fail');
  });
});
