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
    ['an org chart that is only a picture', '<h1>โครงสร้างองค์กร</h1><p><img src="/images/structure-2566.jpg" width="900" alt="แผนผังโครงสร้าง"></p>'],
    ['an online request form', '<h3>แบบฟอร์มออนไลน์</h3><form method="post"><p>ชื่อ-สกุล <input name="name"></p><p>รายละเอียด <textarea name="detail"></textarea></p><button type="submit">ส่ง</button></form>'],
    ['a lazily loaded picture', '<h1>โครงสร้างองค์กร</h1><img src="/images/loading.gif" data-src="/uploads/chart.png" class="lazyload">'],
    [
      'complaint statistics with data rows under a column "อยู่ระหว่างดำเนินการ"',
      '<h2>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปี ๒๕๖๖</h2><table><tr><td>ลำดับ</td><td>เดือน</td><td>จำนวนเรื่อง</td><td>ดำเนินการแล้วเสร็จ</td><td>อยู่ระหว่างดำเนินการ</td></tr><tr><td>๑</td><td>ตุลาคม ๒๕๖๕</td><td>๑</td><td>๑</td><td>-</td></tr></table>',
    ],
    [
      'a sentence that uses "อยู่ระหว่างดำเนินการ" as words, not as a notice',
      '<h1>แนวปฏิบัติ</h1><p>เรื่องร้องเรียนที่อยู่ระหว่างดำเนินการ เจ้าหน้าที่จะแจ้งความคืบหน้าให้ผู้ร้องทราบภายใน ๑๕ วันนับแต่วันที่ได้รับเรื่อง ตามขั้นตอนการจัดการเรื่องร้องเรียนของหน่วยงาน</p>',
    ],
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
    ['กำลังปรับปรุงข้อมูล...', '<h1>ข้อมูลเชิงสถิติการให้บริการ</h1><p>กำลังปรับปรุงข้อมูล...</p>'],
    ['รอการอัปเดต', '<h1>โครงสร้าง</h1><div class="content">รอการอัปเดตข้อมูล</div>'],
    ['ข้อมูลจะนำเสนอเร็ว ๆ นี้', '<h1>โครงสร้าง</h1><p>ขออภัย ข้อมูลส่วนนี้จะนำเสนอเร็ว ๆ นี้</p>'],
    ['รอข้อมูลจากกองคลัง', '<h3>กิจกรรม No Gift</h3><p style="color:red">รอข้อมูลจากกองคลัง</p>'],
    ['ยังไม่ได้เผยแพร่', '<h3>รายงานผลการดำเนินงาน</h3><p>ยังไม่ได้เผยแพร่ข้อมูล</p>'],
    [
      'a table of headers written as td cells',
      '<h1>ข้อมูลสถิติเรื่องร้องเรียน</h1><table><tr><td>ลำดับ</td><td>เรื่องร้องเรียน</td><td>จำนวนเรื่อง</td><td>ดำเนินการแล้วเสร็จ</td><td>อยู่ระหว่างดำเนินการ</td></tr></table>',
    ],
    ['DataTables "No data available in table"', '<h1>สถิติ</h1><table><thead><tr><th>เดือน</th><th>จำนวน</th></tr></thead><tbody><tr><td colspan="2" class="dataTables_empty">No data available in table</td></tr></tbody></table>'],
    [
      'a notice inside an old CMS layout table',
      '<table width="100%"><tr><td colspan="2"><h1>เทศบาลตำบลแม่บัวเหนือ</h1></td></tr><tr><td class="leftmenu"><ul></ul></td><td><h3>ข่าวกิจกรรม</h3><p style="color:red">ไม่มีข้อมูล</p></td></tr></table>',
    ],
    ['a picture-sized pixel is no content', '<h1>คู่มือ</h1><img src="/images/spacer.gif" width="1" height="1">'],
  ])('invalid: %s', (_n, html) => expect(runMatcher('placeholder', ctx(2565, 'O1', { target: target({ html }) })).verdict).toBe('fail'));

  it('a notice line that repeats the item title and year is still only a notice', () => {
    const html = '<p>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ อยู่ระหว่างดำเนินการ</p>';
    expect(runMatcher('placeholder', ctx(2565, 'O31', { target: target({ html }) })).verdict).toBe('fail');
  });

  it('a document that only says "อยู่ระหว่างจัดทำ" is a placeholder too', () => {
    expect(runMatcher('placeholder', ctx(2565, 'O12', { target: target({ doc: 'รายงานผลการดำเนินงานประจำปี\nอยู่ระหว่างจัดทำ' }) })).verdict).toBe('fail');
  });
});
