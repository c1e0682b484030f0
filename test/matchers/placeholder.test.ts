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
    ['a statistics table with zero counts', '<h1>สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖</h1><table><tr><th>ไตรมาส</th><th>จำนวนเรื่อง</th><th>ดำเนินการแล้วเสร็จ</th></tr><tr><td>ไตรมาสที่ ๑</td><td>๐</td><td>๐</td></tr><tr><td>ไตรมาสที่ ๒</td><td>๐</td><td>๐</td></tr></table>'],
    ['a long narrative with an empty form table', '<h1>รายงาน</h1><p>' + 'ผลการดำเนินงานตามแผนพัฒนาท้องถิ่นในปีงบประมาณที่ผ่านมา ดำเนินโครงการครบตามแผน '.repeat(8) + '</p><table><tr><th>ลงชื่อ</th></tr></table>'],
    ['a list of documents', '<h1>แผน</h1><ul><li><a href="/a.pdf">แผนการจัดซื้อจัดจ้าง 2565</a></li></ul>'],
  ])('valid: %s', (_n, html) => expect(runMatcher('placeholder', ctx(2565, 'O1', { target: target({ html }) })).verdict).toBe('pass'));

  it.each([
    ['อยู่ระหว่างดำเนินการ', '<h1>รายงานผลการดำเนินงาน</h1><p>อยู่ระหว่างดำเนินการ</p>'],
    ['อยู่ระหว่างปรับปรุง', '<h1>โครงสร้าง</h1><p>-- หน้านี้อยู่ระหว่างปรับปรุง --</p>'],
    ['ไม่มีข้อมูล', '<h1>สถิติ</h1><table><tr><th>ลำดับ</th><th>เรื่อง</th></tr><tr><td colspan=2>ไม่มีข้อมูล</td></tr></table>'],
    ['coming soon', '<h1>E-Service</h1><p>Coming soon</p>'],
    ['empty', '<h1>คู่มือ</h1>'],
    ['a table of headers only', '<h1>ข้อมูลเชิงสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖</h1><table><thead><tr><th>งานบริการ</th><th>ต.ค.</th><th>พ.ย.</th><th>รวม (ราย)</th></tr></thead><tbody></tbody></table><footer>อบต.ด่าน ๙๙ หมู่ที่ ๓ ตำบลด่าน อำเภอราษีไศล จังหวัดศรีสะเกษ ๓๓๑๖๐ โทร ๐ ๔๕๘๒ ๖๑๒๓</footer>'],
    ['a table of "-" cells', '<h1>สถิติเรื่องร้องเรียน</h1><table><tr><th>ไตรมาส</th><th>จำนวนเรื่อง</th></tr><tr><td>-</td><td>-</td></tr></table>'],
    ['"อยู่ระหว่างการปรับปรุงข้อมูล" in a sidebar template', '<aside class="sidebar"><h5>หน่วยงานที่เกี่ยวข้อง</h5><ul><li>สำนักงาน ป.ป.ช.</li><li>กรมส่งเสริมการปกครองท้องถิ่น</li></ul><p>สถิติผู้เข้าชม วันนี้ ๑๒๕ คน เดือนนี้ ๓,๒๕๐ คน ทั้งหมด ๑๒๕,๔๘๐ คน</p></aside><main><h1>อำนาจหน้าที่</h1><p>อยู่ระหว่างการปรับปรุงข้อมูล</p></main>'],
  ])('invalid: %s', (_n, html) => expect(runMatcher('placeholder', ctx(2565, 'O1', { target: target({ html }) })).verdict).toBe('fail'));

  it('a document that only says "อยู่ระหว่างจัดทำ" is a placeholder too', () => {
    expect(runMatcher('placeholder', ctx(2565, 'O12', { target: target({ doc: 'รายงานผลการดำเนินงานประจำปี\nอยู่ระหว่างจัดทำ' }) })).verdict).toBe('fail');
  });
});
