import { describe, it, expect } from 'vitest';
import {
  multiYearSpan,
  findYearMentions,
  findMonthYears,
  findPeriodRanges,
  fiscalYearOf,
  fiscalYearsMentioned,
  checkPeriod,
  type YearKind,
} from '../../src/text/years.js';
import type { PeriodRule } from '../../src/checklist/schema.js';

const years = (text: string) => findYearMentions(text).map((m) => [m.year, m.kind]);

describe('findYearMentions', () => {
  it.each<[string, [number, YearKind][]]>([
    ['ปีงบประมาณ พ.ศ. ๒๕๖๕', [[2565, 'fiscal']]],
    ['ประจำปีงบประมาณ ๒๕๖๕', [[2565, 'fiscal']]],
    ['ปีงบประมาณ 2565', [[2565, 'fiscal']]],
    ['แผนปีงบประมาณพ.ศ.2564', [[2564, 'fiscal']]],
    ['ITA ปีงบฯ 65', [[2565, 'fiscal']]],
    ['ผลเปรียบเทียบปีงบประมาณ 2563-2564', [[2563, 'fiscal'], [2564, 'fiscal']]],
    ['ประกาศ พ.ศ. 2565', [[2565, 'be']]],
    ['ประกาศ พ.ศ.2565', [[2565, 'be']]],
    ['ข้อมูล ปี 2565', [[2565, 'be']]],
    ['ITA 2566', [[2566, 'be']]],
    ['ประจำปี ๒๕๖๔', [[2564, 'be']]],
    ['Annual report 2022', [[2565, 'ce']]],
    ['ค.ศ. 2022', [[2565, 'ce']]],
    ['ต.ค.64', [[2564, 'short']]],
    ['ข้อมูล มี.ค. 65', [[2565, 'short']]],
    ['ต.ค. ๖๔', [[2564, 'short']]],
    ['ITA ปี 66', [[2566, 'short']]],
    ['พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540', [[2540, 'be']]],
    ['ตาราง 2563 2564 2565', [[2563, 'be'], [2564, 'be'], [2565, 'be']]],
    ['แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)', [[2566, 'be'], [2570, 'be']]],
    ['คำสั่งที่ 123/2565', [[2565, 'be']]],
    ['ลงวันที่ 1/10/2564', [[2564, 'be']]],
    // not years: phone numbers, amounts, longer digit runs, counts
    ['โทร 0-4561-2565', []],
    ['โทร. 0 4561 2565', []],
    ['โทรศัพท์ 2565', []],
    ['งบประมาณ 1,256,500 บาท', []],
    ['จำนวนเงิน 2,565.50 บาท', []],
    ['ราคา 2565.00', []],
    ['จำนวน 2565 บาท', []],
    ['รหัสไปรษณีย์ 25650 รหัส 125650', []],
    ['ผู้รับบริการ 2020 ราย', []],
    ['ภายใน ปี 60 วัน', []],
    ['ปี 1999 และ 2600', []],
  ])('%j', (text, expected) => {
    expect(years(text)).toEqual(expected);
  });

  it('reports raw text and offsets in the text as given', () => {
    const text = 'แผน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ และ ต.ค.64';
    const found = findYearMentions(text);
    expect(found).toEqual([
      { year: 2565, kind: 'fiscal', index: 4, raw: 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๕' },
      { year: 2564, kind: 'short', index: 34, raw: 'ต.ค.64' },
    ]);
    for (const m of found) expect(text.slice(m.index, m.index + m.raw.length)).toBe(m.raw);
  });
});

describe('findMonthYears', () => {
  it.each<[string, number, number]>([
    ['มกราคม 2565', 2565, 1],
    ['ม.ค. 65', 2565, 1],
    ['กุมภาพันธ์ 2565', 2565, 2],
    ['กุมภาพันธ 2565', 2565, 2],
    ['ก.พ.65', 2565, 2],
    ['มีนาคม ๒๕๖๕', 2565, 3],
    ['มี.ค.65', 2565, 3],
    ['เมษายน พ.ศ. 2565', 2565, 4],
    ['เม.ย. 65', 2565, 4],
    ['พฤษภาคม 65', 2565, 5],
    ['พ.ค. 2565', 2565, 5],
    ['มิถุนายน 2565', 2565, 6],
    ['มิ.ย.65', 2565, 6],
    ['กรกฎาคม 2565', 2565, 7],
    ['กรกฏาคม 2565', 2565, 7],
    ['ก.ค. 65', 2565, 7],
    ['สิงหาคม 2565', 2565, 8],
    ['ส.ค.65', 2565, 8],
    ['กันยายน 2565', 2565, 9],
    ['ก.ย. ๖๕', 2565, 9],
    ['ตุลาคม 2564', 2564, 10],
    ['ตุลาคม2564', 2564, 10],
    ['ต.ค.64', 2564, 10],
    ['ต. ค. 64', 2564, 10],
    ['พฤศจิกายน 2564', 2564, 11],
    ['พ.ย. 64', 2564, 11],
    ['ธันวาคม 2021', 2564, 12],
    ['ธ.ค.64', 2564, 12],
    ['ประกาศ ณ วันที่ 1 ตุลาคม 2564', 2564, 10],
    ['ลงวันที่ 30/09/2565', 2565, 9],
  ])('%j → %d-%d', (text, year, month) => {
    const found = findMonthYears(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ year, month });
  });

  it('includes the day of a full date in raw', () => {
    expect(findMonthYears('ประกาศ ณ วันที่ 1 ตุลาคม 2564')[0]).toMatchObject({ raw: '1 ตุลาคม 2564', index: 16 });
  });

  it.each(['สำนักงาน ก.พ.ร.', 'ส.ค.ส. ปีใหม่', 'เดือนตุลาคม', 'ตุลาคม 15 วัน', 'มี.ค. 65,000 บาท', 'วันที่ 45/13/2564'])('%j has no month-year', (text) => {
    expect(findMonthYears(text)).toEqual([]);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    [2564, 10, 2565],
    [2564, 12, 2565],
    [2565, 1, 2565],
    [2565, 3, 2565],
    [2565, 9, 2565],
    [2565, 10, 2566],
  ])('%d-%d is in FY %d', (year, month, fy) => {
    expect(fiscalYearOf(year, month)).toBe(fy);
  });
});

describe('findPeriodRanges', () => {
  it.each<[string, [number, number], [number, number]]>([
    ['ต.ค.64 - มี.ค.65', [2564, 10], [2565, 3]],
    ['ตุลาคม 2564 – มีนาคม 2565', [2564, 10], [2565, 3]],
    ['1 ตุลาคม 2564 ถึง 31 มีนาคม 2565', [2564, 10], [2565, 3]],
    ['รอบ 6 เดือน (ตุลาคม 2564 - มีนาคม 2565)', [2564, 10], [2565, 3]],
    ['ต.ค. ๖๔ - มี.ค. ๖๕', [2564, 10], [2565, 3]],
    ['ระหว่างเดือนตุลาคม 2564 ถึงเดือนมีนาคม 2565', [2564, 10], [2565, 3]],
    ['1 ต.ค. 2563 - 30 ก.ย. 2564', [2563, 10], [2564, 9]],
    ['ไตรมาส 1 (ต.ค. - ธ.ค. 64)', [2564, 10], [2564, 12]],
    ['ตุลาคม – มีนาคม 2565', [2564, 10], [2565, 3]],
  ])('%j', (text, [fy, fm], [ty, tm]) => {
    const found = findPeriodRanges(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ from: { year: fy, month: fm }, to: { year: ty, month: tm } });
  });

  it('reports raw and index', () => {
    expect(findPeriodRanges('(ตุลาคม 2564 - มีนาคม 2565)')).toEqual([
      { from: { year: 2564, month: 10 }, to: { year: 2565, month: 3 }, raw: 'ตุลาคม 2564 - มีนาคม 2565', index: 1 },
    ]);
  });

  it.each(['ตุลาคม 2564 และ มีนาคม 2565', 'มีนาคม 2565 - ตุลาคม 2560'])('%j is not a range', (text) => {
    expect(findPeriodRanges(text)).toEqual([]);
  });
});

describe('fiscalYearsMentioned', () => {
  it.each<[string, [number, 'explicit' | 'derived'][]]>([
    ['แผนการจัดซื้อจัดจ้าง ประจำปี 2565', [[2565, 'derived']]],
    ['ประจำปีงบประมาณ พ.ศ. 2565', [[2565, 'explicit']]],
    ['ประกาศ ณ วันที่ 1 ตุลาคม 2564', [[2565, 'derived']]],
    ['ข้อมูล ณ 30 กันยายน 2564', [[2564, 'derived']]],
    ['ต.ค.64 - มี.ค.65', [[2565, 'derived'], [2565, 'derived']]],
    ['ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560', []],
    ['ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างฯ (ฉบับที่ 2) พ.ศ. 2563', []],
    ['แผนพัฒนา พ.ศ. 2566 - 2568', [[2566, 'derived'], [2567, 'derived'], [2568, 'derived']]],
  ])('%j', (text, expected) => {
    const found = fiscalYearsMentioned(text).map((m) => [m.fy, m.strength]);
    expect(found.sort()).toEqual(expected.sort());
  });
});

type Ok = boolean | 'unknown';
const pad = (s: string) => s + ' ' + 'รายละเอียดของโครงการและกิจกรรม '.repeat(20);

describe('checkPeriod', () => {
  it.each<[PeriodRule, number, string, Ok]>([
    ['none', 2565, 'โครงสร้างองค์กร', true],
    ['none', 2565, 'โครงสร้างองค์กร พ.ศ. 2550', true],

    ['current-fy', 2564, 'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2564', true],
    ['current-fy', 2564, 'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2563', false],
    ['current-fy', 2564, 'แผนการจัดซื้อจัดจ้าง', 'unknown'],
    ['current-fy', 2565, 'แผนการจัดซื้อจัดจ้าง ประจำปี ๒๕๖๕', true],
    ['current-fy', 2565, 'แผนการจัดซื้อจัดจ้าง ประจำปี 2565 ตามระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560', true],
    ['current-fy', 2565, 'มาตรการส่งเสริมคุณธรรม ปี 2022', true],
    // comparison table: the right year named explicitly wins over older years
    ['current-fy', 2565, pad('รายงาน ประจำปีงบประมาณ 2565') + 'เปรียบเทียบ ปีงบประมาณ 2563 ปีงบประมาณ 2564 ปีงบประมาณ 2563 ปีงบประมาณ 2564', true],
    ['current-fy', 2564, 'ผลการดำเนินงานปีงบประมาณ 2562 เทียบกับปีงบประมาณ 2563', false],
    // a title that names another year, with the right year only in passing further down: the title says
    // whose year the document is (a grader reads the title), so it is decided — the wrong year
    ['current-fy', 2564, pad('รายงานผล ประจำปีงบประมาณ พ.ศ. 2563') + 'โครงการที่จะดำเนินการในปีงบประมาณ 2564', false],
    // "ประจำปี 2563" is not an explicit fiscal year: still a doubt
    ['current-fy', 2564, pad('แผนปฏิบัติการ ประจำปี 2563') + 'ต่อเนื่องถึงปี 2564', 'unknown'],
    ['current-fy', 2566, pad('แผนพัฒนาบุคลากร ประจำปีงบประมาณ 2565') + 'ระยะเวลาดำเนินการ ม.ค. 2566', false],
    // the plan for FY 2565 signed in September 2564 is still a 2565 plan
    ['current-fy', 2565, pad('แผนการจัดซื้อจัดจ้าง ประจำปี 2565') + 'ประกาศ ณ วันที่ 30 กันยายน 2564', true],

    ['previous-fy', 2565, 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2564', true],
    ['previous-fy', 2565, 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2565', false],
    ['previous-fy', 2565, 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2563', false],
    ['previous-fy', 2565, 'รายงานผลการดำเนินงานประจำปี', 'unknown'],

    ['current-or-previous-fy', 2565, 'ผลสำรวจความพึงพอใจ ปีงบประมาณ 2564', true],
    ['current-or-previous-fy', 2565, 'ผลสำรวจความพึงพอใจ ปีงบประมาณ 2565', true],
    ['current-or-previous-fy', 2565, 'ผลสำรวจความพึงพอใจ ปีงบประมาณ 2563', false],
    ['current-or-previous-fy', 2565, 'ผลสำรวจความพึงพอใจ', 'unknown'],

    // a multi-year plan in the title covers each of its years (its first year must not rank as "old")
    ['current-fy', 2565, 'แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕)\nวิสัยทัศน์ ตำบลน่าอยู่', true],
    ['current-fy', 2565, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565) ประกาศ ณ วันที่ 1 ตุลาคม 2560 ทบทวน พ.ศ. 2561 2562', true],
    ['current-fy', 2566, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)', true],
    ['current-or-previous-fy', 2566, 'แผนอัตรากำลัง ๓ ปี ปี ๒๕๖๔ ถึง ๒๕๖๖', true],
    ['current-fy', 2566, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)', false],
    ['current-fy', 2565, 'แผนพัฒนาสามปี (พ.ศ. ๒๕๕๖ - ๒๕๖๐)', false],

    ['first-half-fy', 2565, 'รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน (ต.ค.64 - มี.ค.65)', true],
    ['first-half-fy', 2565, 'รายงาน 1 ตุลาคม 2564 ถึง 31 มีนาคม 2565', true],
    ['first-half-fy', 2565, 'รายงาน รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2565', true],
    ['first-half-fy', 2565, 'รอบ6เดือน ปีงบประมาณ ๒๕๖๕', true],
    ['first-half-fy', 2565, 'ผลการใช้จ่าย ตุลาคม 2564 พฤศจิกายน 2564 ธันวาคม 2564 มกราคม 2565 กุมภาพันธ์ 2565 มีนาคม 2565', true],
    ['first-half-fy', 2565, 'ไตรมาส 1 (ต.ค. - ธ.ค. 64) ไตรมาส 2 (ม.ค. - มี.ค. 65)', true],
    // a full-year report of the previous FY does not cover the first half of this one
    ['first-half-fy', 2565, 'รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564 (1 ตุลาคม 2563 - 30 กันยายน 2564) ประกาศ ณ วันที่ 15 ตุลาคม 2564', false],
    ['first-half-fy', 2565, 'รายงาน รอบ 6 เดือน (ต.ค.63 - มี.ค.64)', false],
    ['first-half-fy', 2565, 'รายงาน รอบ 6 เดือน ปีงบประมาณ 2564', false],
    // a period in the title that ends before March: one quarter is not the half year, whatever the name says
    ['first-half-fy', 2565, 'ปีงบประมาณ 2565 ไตรมาส 1 (ต.ค. - ธ.ค. 64)', false],
    ['first-half-fy', 2566, 'รายงานการกำกับติดตาม ประจำปี รอบ ๖ เดือน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๖\nไตรมาสที่ ๑ (ตุลาคม - ธันวาคม ๒๕๖๕)\nโครงการก่อสร้างถนน เบิกจ่ายแล้ว ๒๐๐,๐๐๐ บาท', false],
    ['first-half-fy', 2566, 'ผลการดำเนินงาน ต.ค.65 - มี.ค.66 โครงการก่อสร้างถนน', true],
    // a project's own schedule further down does not limit the report
    ['first-half-fy', 2565, 'รายงาน รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2565\n' + 'โครงการและรายละเอียดของการดำเนินงานในรอบหกเดือนแรกของปีงบประมาณ '.repeat(6) + 'ระยะเวลา ต.ค. - ธ.ค. 64', true],
    ['first-half-fy', 2565, 'รายงานการกำกับติดตาม รอบ 6 เดือน', 'unknown'],

    // the title line's own year decides over the activity dates listed under it and a year an opening cites
    ['current-fy', 2566, 'องค์การบริหารส่วนตำบลแม่โพธิ์\nเเผนการดำเนินงาน ประจำปี ๒๕๖๖\nที่ โครงการ/กิจกรรม งบประมาณ (บาท) ระยะเวลาดำเนินการ\n๑ โครงการป้องกันอุบัติเหตุ ๔๕๐,๐๐๐.๐๐ มี.ค. ๒๕๖๕\n๒ โครงการคัดแยกขยะ ๒๐๗,๐๐๐.๐๐ พ.ค. 2565', true],
    ['current-fy', 2569, 'การนำผลการประเมิน ITA ไปปรับปรุง ประจำปี 2569\nจากผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 หน่วยงานได้คะแนน 88.5', true],
    ['current-fy', 2566, 'เเผนการดำเนินงาน ประจำปี ๒๕๖๕\n๑ โครงการป้องกันอุบัติเหตุ มี.ค. ๒๕๖๖', 'unknown'],

    ['monthly', 2565, 'สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน ตุลาคม 2564', true],
    ['monthly', 2565, 'สขร.1 เดือน ม.ค. 65', true],
    ['monthly', 2565, 'สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน กันยายน 2564', false],
    ['monthly', 2565, 'สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ 2565', 'unknown'],
    ['monthly', 2565, 'สรุปผลการจัดซื้อจัดจ้างรายเดือน', 'unknown'],
  ])('%s, Y=%d: %j → %s', (rule, y, text, ok) => {
    expect(checkPeriod(rule, y, text).ok).toBe(ok);
  });

  it('names both years in Thai when the year is wrong', () => {
    const v = checkPeriod('current-fy', 2564, 'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2563');
    expect(v).toMatchObject({
      ok: false,
      foundYears: [2563],
      expected: 'ปีงบประมาณ พ.ศ. 2564',
      reason: 'พบเอกสารของปีงบประมาณ พ.ศ. 2563 แต่ต้องเป็นปีงบประมาณ พ.ศ. 2564',
    });
    expect(v.quote).toContain('2563');
  });

  it('says no fiscal year was found', () => {
    expect(checkPeriod('previous-fy', 2565, 'รายงานผลการดำเนินงาน')).toEqual({
      ok: 'unknown',
      foundYears: [],
      expected: 'ปีงบประมาณ พ.ศ. 2564',
      reason: 'ไม่พบปีงบประมาณในเอกสาร',
    });
  });

  it('quotes the evidence and lists the dominant year first', () => {
    const v = checkPeriod('current-fy', 2565, pad('รายงาน ประจำปีงบประมาณ 2565') + 'เทียบกับ ปี 2563 ปี 2564');
    expect(v.ok).toBe(true);
    expect(v.quote).toContain('ประจำปีงบประมาณ 2565');
    expect(v.foundYears[0]).toBe(2565);
    expect([...v.foundYears].sort()).toEqual([2563, 2564, 2565]);
  });

  it('names both accepted years for current-or-previous-fy', () => {
    const v = checkPeriod('current-or-previous-fy', 2565, 'ผลสำรวจความพึงพอใจ ปีงบประมาณ 2563');
    expect(v.expected).toBe('ปีงบประมาณ พ.ศ. 2565 หรือ 2564');
    expect(v.reason).toBe('พบเอกสารของปีงบประมาณ พ.ศ. 2563 แต่ต้องเป็นปีงบประมาณ พ.ศ. 2565 หรือ 2564');
  });

  it('describes the first-half window', () => {
    const v = checkPeriod('first-half-fy', 2565, 'รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564 (1 ตุลาคม 2563 - 30 กันยายน 2564)');
    expect(v.expected).toBe('ช่วง ต.ค. 2564 – มี.ค. 2565 (ครึ่งแรกของปีงบประมาณ พ.ศ. 2565)');
    expect(v.reason).toContain('2564');
    expect(v.reason).toContain('2565');
  });

  const older = [
    'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2562',
    'รายงาน ประจำปี 2563 ตุลาคม 2562 - กันยายน 2563',
    'สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน มี.ค. 63',
    'ผลการดำเนินงาน ปีงบประมาณ 2561 และ 2562 (พ.ศ. 2561-2563)',
  ];
  const rules: PeriodRule[] = ['current-fy', 'previous-fy', 'current-or-previous-fy', 'first-half-fy', 'monthly'];
  it.each(rules.flatMap((r) => older.map((t) => [r, t] as const)))('%s: never ok with only older years (%j)', (rule, text) => {
    const v = checkPeriod(rule, 2565, text);
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/^พบเอกสารของปีงบประมาณ พ\.ศ\. 256[0-3] แต่ต้องเป็น/);
  });
});

describe('multiYearSpan', () => {
  it.each([
    ['แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕)', 2561, 2565],
    ['แผน (2566-2570)', 2566, 2570],
    ['ปี 2561 ถึง พ.ศ. 2565', 2561, 2565],
  ])('%j → %d–%d', (text, from, to) => expect(multiYearSpan(text)).toMatchObject({ from, to }));
  it.each([['ปีงบประมาณ 2563-2564 เปรียบเทียบ'.replace('ปีงบประมาณ ', 'ปีงบประมาณ')], ['พ.ศ. 2540 - 2565'], ['พ.ศ. 2565 - 2561'], ['โทร 2561-2565']])('not a plan span: %j', (text) =>
    expect(multiYearSpan(text)).toBeUndefined(),
  );
});
