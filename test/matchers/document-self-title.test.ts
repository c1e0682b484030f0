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

  // Words that mention another item are not the document's identity (a forum about the plan is not the plan).
  const FORUM = 'รายงานการจัดประชุมประชาคมหมู่บ้านเพื่อทบทวนแผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖-๒๕๗๐)\nประชาชนมีส่วนร่วมแสดงความคิดเห็น';
  const CULTURE = 'กิจกรรมเสริมสร้างวัฒนธรรมองค์กร No Gift Policy ประจำปี ๒๕๖๖\nผู้บริหารและพนักงานร่วมกันประกาศเจตนารมณ์';
  const RISK = 'สำนักงานพัฒนาชุมชนจังหวัดเชียงราย\nรายงานการวิเคราะห์ความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nกระบวนงาน เหตุการณ์ความเสี่ยง โอกาส ผลกระทบ ระดับความเสี่ยง มาตรการควบคุม\nการอนุมัติอนุญาต เรียกรับผลประโยชน์ในการออกใบอนุญาต ปานกลาง กำหนดระยะเวลาให้บริการชัดเจน';
  const AC_REPORT = 'เทศบาลตำบลแม่สะแกศรี\nรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ ๒๕๖๔\nผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ.๒๕๖๔ (๑ ตุลาคม ๒๕๖๓ – ๓๐ กันยายน ๒๕๖๔)\nโครงการปลูกจิตสำนึกรักษ์ท้องถิ่น ดำเนินการแล้วเสร็จ';
  const SIX_WITH_SURVEY = `รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ ๖ เดือน\nโครงการ\n${'ผลการดำเนินงานตามโครงการ '.repeat(30)}\nผลการสำรวจความพึงพอใจการให้บริการ ร้อยละ ๘๕`;
  it.each([
    ['a participation forum is not claimed as the plan', 2565, 'O33', FORUM, 'unknown'],
    ['the plan it reviews is only mentioned', 2565, 'O4', FORUM, 'unknown'],
    ['a No Gift culture activity is not the declaration', 2566, 'O31', CULTURE, 'fail'],
    ['it is the culture item, not re-labelled as the declaration', 2566, 'O32', CULTURE, 'pass'],
    ['a monitoring report of the plan is a report, not the plan', 2565, 'O4', 'รายงานการติดตามและประเมินผลแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ ๒๕๖๔', 'fail'],
    ['a satisfaction result in the body of a six-month report', 2565, 'O16', SIX_WITH_SURVEY, 'fail'],
    ['the six-month report itself', 2565, 'O11', SIX_WITH_SURVEY, 'pass'],
    ['"รอบ 6 เดือน" after the year still qualifies the title', 2565, 'O40', 'องค์การบริหารส่วนตำบลด่าน\nรายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ ๒๕๖๕ รอบ๖เดือน ต.ค.๖๔-มี.ค.๖๕', 'unknown'],
    ['the six months stated as a period after the year', 2565, 'O19', 'รายงานการใช้จ่ายงบประมาณ ประจำปีงบประมาณ ๒๕๖๕ ระหว่างเดือนตุลาคม ๒๕๖๔ ถึงเดือนมีนาคม ๒๕๖๕ (รอบ ๖ เดือน)', 'unknown'],
    ['a title line worded unlike any title still names its item (monthly summary, not statistics)', 2567, 'O16', 'องค์การบริหารส่วนตำบลท่าเกลือศรี\nสรุปผลการจัดซื้อจัดจ้างในรอบเดือน ประจำปีงบประมาณ พ.ศ.๒๕๖๗\nลำดับที่ งานที่จัดซื้อหรือจัดจ้าง', 'fail'],
    ['a six-month anti-corruption report filed under the procurement plan', 2566, 'O19', 'สำนักงานพัฒนาชุมชนจังหวัดน่าน\nรายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ ๒๕๖๖ รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๕ – ๓๑ มีนาคม ๒๕๖๖)', 'fail'],
    ['an announcement prefix keeps the title claimed', 2565, 'O21', 'ประกาศองค์การบริหารส่วนตำบลด่าน เรื่อง แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๕', 'pass'],
    // A title line that names several alike items about as well (the risk assessment O21, the risk management
    // report O22, the anti-corruption report O24) and is far from this one is not this item's document.
    ['a corruption-risk analysis behind the service manual\'s row', 2569, 'O9', RISK, 'fail'],
    ['… behind the staff manual\'s row', 2569, 'O8', RISK, 'fail'],
    ['… is left to its own item', 2569, 'O21', RISK, 'unknown'],
    ['… and to the items it names about as well', 2569, 'O22', RISK, 'unknown'],
    // A title line on corruption prevention names the anti-corruption twin, however close the plain item scores.
    ['an anti-corruption plan report behind the annual operations report\'s row', 2565, 'O12', AC_REPORT, 'fail'],
    ['… is left to its own item', 2565, 'O41', AC_REPORT, 'unknown'],
    ['an annual operations report that mentions corruption prevention further down stays the report', 2565, 'O12', 'องค์การบริหารส่วนตำบลด่าน\nรายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๔\nโครงการป้องกันการทุจริต ดำเนินการแล้ว', 'pass'],
    ['a service manual titled in its own words stays the manual', 2569, 'O9', 'องค์การบริหารส่วนตำบลวังใหญ่\nคู่มือสำหรับประชาชน งานขออนุญาตก่อสร้างอาคาร\nขั้นตอน ระยะเวลา ค่าธรรมเนียม', 'pass'],
  ])('claims, not mentions: %s', (_n, year, code, doc, verdict) =>
    expect(runMatcher('document-self-title', ctx(year, code, { target: target({ doc }) })).verdict).toBe(verdict),
  );

  // A web page's title line is its post's own heading; headers, menus and dates around it are not.
  const post = (heading: string, body: string) =>
    `<header><h1>องค์การบริหารส่วนตำบลวังใหญ่</h1><nav><a href="/">หน้าหลัก</a></nav></header><main><p class="date">โพสต์เมื่อ ๒๘ มี.ค. 2566</p><h2>องค์การบริหารส่วนตำบลวังใหญ่</h2><h3>${heading}</h3><p>${body}</p></main>`;
  const SIX_AC = 'รายงานการกำกับติดตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ระหว่างเดือนตุลาคม 2565 ถึงเดือนมีนาคม 2566 (รอบ ๖ เดือน)';
  it.each([
    ["a post headed as another item's report is that item's (six-month anti-corruption, not complaint statistics)", 2566, 'O29', post(SIX_AC, 'เบิกจ่ายงบประมาณแล้วร้อยละ ๒๘ เรื่องร้องเรียน ๓ เรื่อง'), 'fail'],
    ["a post headed as the HR report is not the annual anti-corruption report", 2565, 'O41', post('รายงานผลการบริหารและพัฒนาบุคลากร ประจำปี 2564', 'มาตรการจัดการในกรณีได้ทราบหรือรับแจ้งหรือตรวจสอบพบการทุจริต ดำเนินการแล้ว'), 'fail'],
    ['a post headed as its own item is not failed', 2566, 'O37', post(SIX_AC, 'เบิกจ่ายงบประมาณแล้วร้อยละ ๒๘'), 'unknown'],
    ["a post headed as another item's, less surely but far from this item, is that item's", 2569, 'O9', post('แนวทางการพัฒนาองค์กรจากผลการประเมิน ITA ประจำปีงบประมาณ ๒๕๖๙', 'ลดขั้นตอนและระยะเวลาการให้บริการ ประกาศระยะเวลาให้ชัดเจน'), 'fail'],
    ['a generic heading leaves a body mention alone', 2566, 'O29', post('กิจกรรมประจำเดือนมีนาคม', 'ที่ประชุมรับทราบรายงานการกำกับติดตามแผนปฏิบัติการป้องกันการทุจริต รอบ ๖ เดือน และสถิติเรื่องร้องเรียน'), 'unknown'],
  ])('web page title line: %s', (_n, year, code, html, verdict) =>
    expect(runMatcher('document-self-title', ctx(year, code, { target: target({ html }) })).verdict).toBe(verdict),
  );

  it('names the alike items too when the title line names several about as well', () => {
    const out = runMatcher('document-self-title', ctx(2569, 'O9', { target: target({ doc: RISK }) }));
    expect(out.reason).toBe('เนื้อหาเป็นการประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ (O21) หรือรายการใกล้เคียง (O24, O22, O12) ไม่ใช่คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ');
    expect(out.data).toMatchObject({ other: 'O21' });
    // The twin's report names the annual operations report nearly as well (0.64 against 0.76): the reason
    // must not offer this item as an alternative to itself.
    const twin = runMatcher('document-self-title', ctx(2565, 'O12', { target: target({ doc: AC_REPORT }) }));
    expect(twin.reason).toBe('เนื้อหาเป็นรายงานผลการดำเนินการป้องกันการทุจริตประจำปี (O41) ไม่ใช่รายงานผลการดำเนินงานประจำปี');
  });

  it('says nothing about a document without an item title', () => {
    expect(runMatcher('document-self-title', ctx(2565, 'O24', { target: target({ doc: 'ตารางข้อมูล 1 2 3' }) })).verdict).toBe('unknown');
  });
});
