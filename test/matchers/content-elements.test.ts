import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { findCount, findCountsTable, findEmail, findMoney, findPersonName, findPhone } from '../../src/matchers/lib/detectors.js';
import { ctx, target } from './ctx.js';

describe('detectors', () => {
  it.each([['โทร ๐ ๔๕๘๒ ๖๑๒๓'], ['โทรศัพท์ 045-826123'], ['08 1234 5678'], ['+66 45 826 123']])('phone: %s', (t) => expect(findPhone(t)).toBeDefined());
  it.each([['ปีงบประมาณ 2565'], ['หมู่ที่ 3']])('not a phone: %s', (t) => expect(findPhone(t)).toBeUndefined());
  it.each([['saraban@dan.go.th']])('email: %s', (t) => expect(findEmail(t)).toBeDefined());
  it.each([['รวม ๔๖๐,๕๐๐ บาท'], ['งบประมาณ (บาท) 450,000'], ['วงเงิน 1,200,000.00'], ['2.5 ล้านบาท']])('money: %s', (t) => expect(findMoney(t)).toBeDefined());
  it.each([
    ['สขร.1 amounts in a วงเงิน column', 'ลำดับ งานที่จัดซื้อหรือจัดจ้าง วงเงินที่จัดซื้อหรือจ้าง ราคากลาง วิธีซื้อหรือจ้าง\n1 จัดซื้อวัสดุสำนักงาน 12,500.00 12,500.00 เฉพาะเจาะจง'],
    ['amounts under ราคาที่ตกลง, Thai digits, no separators', 'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง\nร้านสมใจพาณิชย์ ๔๕๐๐.๐๐'],
    ['a spending table under a "(บาท)" header', 'แผนงาน งบประมาณตั้งไว้ (บาท) เบิกจ่าย (บาท)\nแผนงานบริหารงานทั่วไป 4,520,000 2,130,450'],
  ])('money in a table: %s', (_n, t) => expect(findMoney(t)).toBeDefined());
  it.each([
    ['month columns with counts', 'งานบริการ ต.ค. 65 พ.ย. 65 ธ.ค. 65 รวม\nงานทะเบียนราษฎร 120 98 143 361\nงานจัดเก็บภาษี 35 40 22 97'],
    ['Thai digits and quarters', 'ประเภทงาน ไตรมาสที่ ๑ ไตรมาสที่ ๒ ไตรมาสที่ ๓\nรับชำระภาษี ๑๒ ๑๘ ๒๐'],
  ])('counts table: %s', (_n, t) => expect(findCountsTable(t)).toBeDefined());
  it.each([
    ['a calendar of months without numbers', 'ตุลาคม พฤศจิกายน ธันวาคม กิจกรรมประจำเดือน'],
    ['a period with years only', 'ต.ค. 65 – มี.ค. 66 ผลการดำเนินงาน เม.ย. 66'],
    ['numbers without periods', 'จำนวน ๓ งานบริการ ๑๒ ๑๕ ๑๘'],
  ])('not a counts table: %s', (_n, t) => expect(findCountsTable(t)).toBeUndefined());
  it.each([['# Sheet1\nสถิติ ประจำปีงบประมาณ ๒๕๖๗\nเดือน\tจำนวนเรื่อง'], ['ข้อมูล ณ ๓๑/๓/๒๕๖๕ ไตรมาสที่ ๒ โทร ๐-๔๕๘๒-๖๑๒๓'], ['ต.ค. 64 – มี.ค. 65']])('no count: %s', (t) => expect(findCount(t)).toBeUndefined());
  it.each([['ตุลาคม ๒๕๖๖ ๑๒ ราย'], ['รวม 1,250 ครั้ง']])('a count: %s', (t) => expect(findCount(t)).toBeDefined());
  it.each([['ประจำปีงบประมาณ พ.ศ. 2565'], ['ร้อยละ 50'], ['งบประมาณ พ.ศ. 2565 จำนวน 3 โครงการ']])('not money: %s', (t) => expect(findMoney(t)).toBeUndefined());
  it.each([['นายสมชาย ใจดี'], ['นางสาวมาลี ศรีสุข'], ['ว่าที่ ร.ต.สมศักดิ์ ดีงาม']])('person: %s', (t) => expect(findPersonName(t)).toBeDefined());
});

const SIX_OK = `รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ ๖ เดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕
โครงการก่อสร้างถนน งบประมาณ ๔๕๐,๐๐๐ บาท เบิกจ่ายแล้ว ๔๔๘,๕๐๐ บาท ความก้าวหน้า ดำเนินการแล้วเสร็จ`;
const SIX_NO_BUDGET = `รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ ๖ เดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕
โครงการก่อสร้างถนน ความก้าวหน้า ดำเนินการแล้วเสร็จ โครงการส่งเสริมอาชีพ อยู่ระหว่างดำเนินการ`;

describe('content-elements', () => {
  it.each([
    ['O11 with budget used', 2565, 'O11', target({ doc: SIX_OK })],
    ['O24 with budget and problems', 2565, 'O24', target({ doc: 'รายงานผลการจัดซื้อจัดจ้าง งบประมาณที่ใช้ ๓,๗๗๐,๕๐๐ บาท ปัญหาอุปสรรค ข้อเสนอแนะ' })],
    ['O5 contact page', 2565, 'O5', target({ html: '<p>ที่อยู่ ๙๙ หมู่ที่ ๓ ตำบลด่าน</p><p>โทร ๐ ๔๕๘๒ ๖๑๒๓</p><p>saraban@dan.go.th</p>' })],
    ['O2 with photos', 2565, 'O2', target({ html: '<img src="/m.jpg" width="200" height="250"><p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล</p>' })],
    ['O9 page with a Facebook link', 2565, 'O9', target({ html: '<a href="https://www.facebook.com/dan">Facebook</a>' })],
    ['O22 problems heading with a dashed list under it', 2566, 'O22', target({ doc: 'รายงานผลการจัดซื้อจัดจ้าง\nงบประมาณที่ใช้ ๓,๗๗๐,๕๐๐ บาท\n๒. ปัญหา อุปสรรค\n- เจ้าหน้าที่พัสดุมีน้อย\nข้อเสนอแนะ\n- ควรอบรมเพิ่ม' })],
    ['2566 O29 "no complaints" stated', 2566, 'O29', target({ doc: 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ ๒๕๖๖ ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ' })],
    ['2566 O16 counts in a "(ราย)" column', 2566, 'O16', target({ html: '<table><tr><th>งานบริการ</th><th>รวม (ราย)</th></tr><tr><td>ภาษี</td><td>๑๓๗</td></tr></table>' })],
    ['2567 O29 complaint statistics with counts', 2567, 'O29', target({ doc: 'สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ ๒๕๖๗\nเดือน จำนวนเรื่องร้องเรียน ดำเนินการแล้วเสร็จ\nตุลาคม ๒๕๖๖ ๐ ๐' })],
    ['2565 O40 with progress and budget used per project', 2565, 'O40', target({ doc: 'รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต รอบ ๖ เดือน\nโครงการ/กิจกรรม งบประมาณที่ได้รับ (บาท) เบิกจ่ายแล้ว (บาท) สถานะ\nโครงการปลูกจิตสำนึก ๒๓๑,๐๐๐ ๑๗๕,๕๖๐ อยู่ระหว่างดำเนินการ' })],
    ['O1 units of a chart as text', 2565, 'O1', target({ doc: 'โครงสร้างส่วนราชการ\nสำนักปลัด กองคลัง กองช่าง' })],
    ['2565 O15 monthly statistics as a sheet of month columns', 2565, 'O15', target({ doc: 'สถิติการให้บริการ ปีงบประมาณ ๒๕๖๕\nงาน ต.ค. ๖๔ พ.ย. ๖๔ ธ.ค. ๖๔ ม.ค. ๖๕\nทะเบียนราษฎร ๔๑ ๓๘ ๕๒ ๔๕\nภาษีป้าย ๓ ๕ ๒ ๔' })],
    ['O2 with lazy-loaded photos', 2565, 'O2', target({ html: '<img src="/images/loading.gif" data-src="/uploads/mayor.jpg" class="lazy"><p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล</p>' })],
    ['O2 with srcset photos in <picture>', 2565, 'O2', target({ html: '<picture><source srcset="/uploads/mayor.webp" type="image/webp"><img srcset="/uploads/mayor.jpg 1x" alt="นายก"></picture><p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล</p>' })],
    ['O23 สขร.1 with amounts in a วงเงิน column', 2565, 'O23', target({ doc: 'แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม ๒๕๖๔\nลำดับ งานที่จัดซื้อหรือจัดจ้าง วงเงินที่จัดซื้อหรือจ้าง ราคากลาง วิธีซื้อหรือจ้าง\n๑ จัดซื้อวัสดุสำนักงาน ๑๒,๕๐๐.๐๐ ๑๒,๕๐๐.๐๐ เฉพาะเจาะจง' })],
    ['tone-less PDF text still counts', 2565, 'O24', target({ doc: 'รายงานผลการจัดซื้อจัดจ้าง งบประมาณที่ใช 3,770,500 บาท ปญหา ขอเสนอแนะ' })],
    ['2565 O28 an HR report', 2565, 'O28', target({ doc: 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๔\nผลการดำเนินงานตามแผนพัฒนาบุคลากร อบรม ๑๒ หลักสูตร' })],
    ['2569 O14 named by "พัฒนาบุคลากร" only', 2569, 'O14', target({ doc: 'รายงานผลการพัฒนาบุคลากรประจำปี ๒๕๖๗\nผู้เข้ารับการอบรม ๓๔ คน' })],
    ['2566 O36 an anti-corruption plan', 2566, 'O36', target({ doc: 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖\nโครงการเสริมสร้างองค์ความรู้ด้านการต่อต้านการทุจริต ๓๕,๐๐๐ บาท' })],
    ['2565 O10 a yearly operations plan', 2565, 'O10', target({ doc: 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕\nโครงการซ่อมแซมถนน ๔๕๐,๐๐๐ บาท' })],
    ['2565 O25 an HR policy', 2565, 'O25', target({ doc: 'ประกาศ นโยบายการบริหารทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๕\n๑. ด้านการสรรหาและบรรจุแต่งตั้ง' })],
    ['2566 O23 a staff development plan', 2566, 'O23', target({ doc: 'แผนพัฒนาบุคลากร ประจำปีงบประมาณ ๒๕๖๖ - ๒๕๖๘\nหลักสูตรฝึกอบรม ๑๒ หลักสูตร' })],
    ['2568 O14 an HR policy worded "การบริหารงานบุคคล"', 2568, 'O14', target({ doc: 'นโยบายการบริหารงานบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘' })],
  ])('valid: %s', (_n, year, code, t) => expect(runMatcher('content-elements', ctx(year, code, { target: t })).verdict).toBe('pass'));

  it.each([
    ['O11 without budget figures ("ปีงบประมาณ" is not a budget)', 2565, 'O11', target({ doc: SIX_NO_BUDGET }), 'fail'],
    // A plan says it is a plan: an activity's news post has "โครงการ" and "กิจกรรม" too.
    ['2565 O10 an ethics-activity news post linked from the plan row', 2565, 'O10', target({ html: '<h1>โครงการเสริมสร้างคุณธรรม จริยธรรม ประจำปีงบประมาณ พ.ศ.๒๕๖๕</h1><p>นายกเทศมนตรีพร้อมพนักงาน ร่วมกิจกรรมอบรม</p>' }), 'fail'],
    // An anti-corruption plan or report says what it is about; a village meeting's "ภาพกิจกรรม" is no project of it.
    ['2566 O36 a community-meeting page linked from the plan row', 2566, 'O36', target({ html: '<h1>ประชุมประชาคมหมู่บ้าน ปีงบประมาณ ๒๕๖๖</h1><p>จัดประชุมประชาคมหมู่บ้าน ให้ประชาชนร่วมเสนอปัญหาและความต้องการ มีผู้เข้าร่วม ๑๑๕ คน</p><p>ภาพกิจกรรม</p>' }), 'fail'],
    ['2569 O24 a yearly operations report without the plan\'s subject', 2569, 'O24', target({ doc: 'รายงานผลการดำเนินงานประจำปี ๒๕๖๗ ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น ดำเนินการแล้ว ๔๒ โครงการ' }), 'fail'],
    // A project report's "ผลการดำเนินงาน" is no HR result: the HR report names its staff (บุคลากร, ทรัพยากรบุคคล).
    ['2565 O28 a revenue-expenditure report linked from the HR row', 2565, 'O28', target({ doc: 'รายงานรายรับ-รายจ่าย ประจำปี ๒๕๖๔ ผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๔\nโครงการผู้สูงอายุสุขภาพดี ดำเนินการแล้ว ๔๗๗,๐๐๐.๐๐ ปัญหาอุปสรรค: งบประมาณมีจำกัด' }), 'fail'],
    ['2569 O14 a plan-results report with "ผลการบริหาร" only', 2569, 'O14', target({ doc: 'รายงานผลการบริหารงานตามแผนพัฒนาท้องถิ่น ประจำปี ๒๕๖๗ ผลการพัฒนาโครงสร้างพื้นฐาน' }), 'fail'],
    // An HR policy or plan names its subject; an ethics project's "พนักงาน" (staff who took part) is no HR policy.
    ['2565 O25 an ethics-project report linked from the HR policy row', 2565, 'O25', target({ doc: 'โครงการเสริมสร้างคุณธรรม จริยธรรม ปีงบประมาณ ๒๕๖๕\nนายกเทศมนตรีพร้อมพนักงาน ร่วมกิจกรรมอบรมเสริมสร้างวัฒนธรรมองค์กร' }), 'fail'],
    ['2569 O13 a local development plan that mentions staff ("บุคลากร")', 2569, 'O13', target({ doc: 'แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐) บุคลากรของเทศบาลร่วมกิจกรรมจิตอาสา' }), 'fail'],
    ['O24 without problems/suggestions', 2565, 'O24', target({ doc: 'รายงานผลการจัดซื้อจัดจ้าง งบประมาณที่ใช้ ๓,๗๗๐,๕๐๐ บาท' }), 'fail'],
    ['O5 without e-mail', 2565, 'O5', target({ html: '<p>ที่อยู่ ตำบลด่าน โทร ๐ ๔๕๘๒ ๖๑๒๓</p>' }), 'fail'],
    ['O2 without photos', 2565, 'O2', target({ html: '<p>นายสมชาย ใจดี นายก</p>' }), 'fail'],
    ['O2 as a PDF: photos cannot be checked', 2565, 'O2', target({ doc: 'นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล' }), 'unknown'],
    // "ปีงบประมาณ"/"การใช้งบประมาณ" in a title are not budget figures (checklist terms sharpened)
    ['2566 O12 titled "…และการใช้งบประมาณ" with progress only', 2566, 'O12', target({ doc: 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ ๖ เดือน ประจำปีงบประมาณ ๒๕๖๖\nโครงการก่อสร้างถนน ความก้าวหน้า ดำเนินการแล้วเสร็จ' }), 'fail'],
    ['2566 O11 plan without amounts', 2566, 'O11', target({ doc: 'แผนการดำเนินงานและการใช้งบประมาณ ประจำปีงบประมาณ ๒๕๖๖\nโครงการก่อสร้างถนน โครงการส่งเสริมอาชีพ' }), 'fail'],
    ['2566 O16 statistics with no counts', 2566, 'O16', target({ doc: 'ข้อมูลเชิงสถิติการให้บริการ ประจำปีงบประมาณ ๒๕๖๖ จำนวน ๓ งานบริการ รายงาน' }), 'fail'],
    // a heading with only "-" under it
    ['O22 problems heading with "-"', 2566, 'O22', target({ doc: 'รายงานผลการจัดซื้อจัดจ้างประจำปี\nรวมงบประมาณที่ใช้ ๓,๗๗๐,๕๐๐ บาท\n๒. ปัญหา อุปสรรค และข้อเสนอแนะ\n-' }), 'fail'],
    ['O22 heading split by the PDF extractor ("ปั ญหา") with "-"', 2566, 'O22', target({ doc: 'รวมงบประมาณที่ใช้ ๓,๗๗๐,๕๐๐ บาท\n\n๒. ปั ญหา อุปสรรค และข้อเสนอแนะ\n\n-' }), 'fail'],
    ['O22 "ปัญหาอุปสรรค: - ข้อเสนอแนะ: -"', 2566, 'O22', target({ doc: 'รายงานผลการจัดซื้อจัดจ้างประจำปี\nวงเงิน ๓,๗๗๐,๕๐๐ บาท\nปัญหาอุปสรรค: - ข้อเสนอแนะ: -' }), 'fail'],
    ['O1 org chart only as a picture: the units are in the image', 2565, 'O1', target({ html: '<h1>โครงสร้างองค์กร</h1><img src="/uploads/org-chart-2566.jpg" width="1000" height="700">' }), 'unknown'],
    ['O1 org chart as an inline data: picture', 2565, 'O1', target({ html: `<h2>แผนผังโครงสร้าง</h2><img src="data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA'.repeat(120)}">` }), 'unknown'],
    ['O1 a picture beside a text that lacks the units', 2565, 'O1', target({ html: `<h1>โครงสร้าง</h1><img src="/uploads/photo.jpg"><p>${'ตำบลด่านมีประชากรทั้งสิ้นตามทะเบียนราษฎร ๕,๒๓๔ คน ตั้งอยู่ทางทิศเหนือของอำเภอ '.repeat(4)}</p>` }), 'fail'],
    ['O1 a heading and the agency name are not units ("ส่วน" of องค์การบริหารส่วนตำบล)', 2565, 'O1', target({ doc: 'องค์การบริหารส่วนตำบลทุ่งตาลพัฒนา\nโครงสร้างส่วนราชการ' }), 'fail'],
    ['O1 one unit inside another word counts once ("กอง" in "กองคลัง")', 2565, 'O1', target({ doc: 'โครงสร้าง\nกองคลัง' }), 'fail'],
    ['2567 O29 complaint statistics sheet with headings and no rows', 2567, 'O29', target({ doc: 'เทศบาลเมืองบึงบัวเหนือ\nสถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ ๒๕๖๗\nเดือน จำนวนเรื่องร้องเรียน ดำเนินการแล้วเสร็จ อยู่ระหว่างดำเนินการ' }), 'fail'],
    ['2565 O15 statistics headings with a phone number and a date only', 2565, 'O15', target({ doc: 'สถิติผู้มาใช้บริการ ประจำปี ๒๕๖๕ ข้อมูล ณ ๓๑/๓/๒๕๖๕\nงานบริการ จำนวนผู้รับบริการ (ราย)\nโทร ๐-๔๕๘๒-๖๑๒๓' }), 'fail'],
    ['2565 O40 six-month anti-corruption report with progress but no budget used', 2565, 'O40', target({ doc: 'รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต รอบ ๖ เดือน\nโครงการ/กิจกรรม ผลการดำเนินงาน ความก้าวหน้า\nโครงการปลูกจิตสำนึก อยู่ระหว่างดำเนินการ ๔๙%' }), 'fail'],
    ['OCR text missing an element', 2565, 'O24', target({ doc: 'รายงานผลการจัดซื้อจัดจ้าง งบประมาณ 3,770,500 บาท', textSource: 'ocr' }), 'unknown'],
  ])('invalid: %s', (_n, year, code, t, verdict) => expect(runMatcher('content-elements', ctx(year, code, { target: t })).verdict).toBe(verdict));

  it('says a section is a bare heading', () => {
    const out = runMatcher('content-elements', ctx(2566, 'O22', { target: target({ doc: 'รายงานผลการจัดซื้อจัดจ้างประจำปี\nวงเงิน ๓,๗๗๐,๕๐๐ บาท\nปัญหา อุปสรรค และข้อเสนอแนะ\n-' }) }));
    expect(out.reason).toContain('แต่ไม่มีเนื้อหา');
  });

  it('names what is missing in Thai', () => {
    const out = runMatcher('content-elements', ctx(2565, 'O11', { target: target({ doc: SIX_NO_BUDGET }) }));
    expect(out.reason).toContain('ไม่พบงบประมาณที่ใช้ดำเนินงาน');
  });
});
