import { buildScanResult, type ScanResult } from '../../src/check/scan-result.js';
import { Checklist, type ChecklistInput } from '../../src/checklist/schema.js';
import type { ItemResult, ItemStatus, PageSnapshot, ScanRecord } from '../../src/store/types.js';

/**
 * A stored example scan for report tests: checklist 2565 (items as in reference §3, with requirement and
 * advice written for the test, so golden files do not move when the shipped checklist's wording does),
 * a hand-made ScanRecord and ItemResults where O11 and O24 fail.
 */

const SUBS_2565: [string, string, string, string[]][] = [
  ['9.1', '9', 'ข้อมูลพื้นฐาน', ['โครงสร้าง', 'ข้อมูลผู้บริหาร', 'อำนาจหน้าที่', 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน', 'ข้อมูลการติดต่อ', 'กฎหมายที่เกี่ยวข้อง', 'ข่าวประชาสัมพันธ์', 'Q&A', 'Social Network']],
  ['9.2', '9', 'การบริหารงาน', ['แผนดำเนินงานประจำปี', 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน', 'รายงานผลการดำเนินงานประจำปี', 'คู่มือหรือมาตรฐานการปฏิบัติงาน', 'คู่มือหรือมาตรฐานการให้บริการ', 'ข้อมูลเชิงสถิติการให้บริการ', 'รายงานผลการสำรวจความพึงพอใจการให้บริการ', 'E-Service']],
  ['9.3', '9', 'การบริหารเงินงบประมาณ', ['แผนการใช้จ่ายงบประมาณประจำปี', 'รายงานการกำกับติดตามการใช้จ่ายงบประมาณประจำปี รอบ 6 เดือน', 'รายงานผลการใช้จ่ายงบประมาณประจำปี', 'แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ', 'ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ', 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน', 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี']],
  ['9.4', '9', 'การบริหารและพัฒนาทรัพยากรบุคคล', ['นโยบายการบริหารทรัพยากรบุคคล', 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล', 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล', 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี']],
  ['9.5', '9', 'การส่งเสริมความโปร่งใส', ['แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'ช่องทางการรับฟังความคิดเห็น', 'การเปิดโอกาสให้เกิดการมีส่วนร่วม']],
  ['10.1', '10', 'การดำเนินการเพื่อป้องกันการทุจริต', ['นโยบายไม่รับของขวัญ (No Gift Policy)', 'การมีส่วนร่วมของผู้บริหาร', 'การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี', 'การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ', 'การเสริมสร้างวัฒนธรรมองค์กร (ตามมาตรฐานทางจริยธรรม)', 'แผนปฏิบัติการป้องกันการทุจริต', 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน', 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี']],
  ['10.2', '10', 'มาตรการภายในเพื่อป้องกันการทุจริต', ['มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน']],
];

const SPECIFIC: Record<string, { requirement: string; advice: string }> = {
  O11: {
    requirement:
      'แสดงความก้าวหน้าในการดำเนินงานตามแผนดำเนินงานประจำปี อย่างน้อยต้องประกอบด้วย ความก้าวหน้าการดำเนินการแต่ละโครงการ/กิจกรรม และรายละเอียดงบประมาณที่ใช้ดำเนินงาน ครอบคลุม 6 เดือนแรกของปีงบประมาณ พ.ศ. 2565',
    advice: 'จัดทำรายงานความก้าวหน้าแต่ละโครงการ/กิจกรรม พร้อมงบประมาณที่ใช้ ช่วง ต.ค.64 – มี.ค.65 แล้วเผยแพร่บนเว็บไซต์หลักและเพิ่มลิงก์ในหน้า ITA ข้อ O11',
  },
  O24: {
    requirement: 'แสดงผลการจัดซื้อจัดจ้างของปีงบประมาณ พ.ศ. 2564 อย่างน้อยประกอบด้วย งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง และปัญหาอุปสรรคและข้อเสนอแนะ',
    advice: 'จัดทำรายงานผลการจัดซื้อจัดจ้างประจำปี 2564 ที่มีงบประมาณที่ใช้ และปัญหาอุปสรรคและข้อเสนอแนะ แล้วเผยแพร่บนเว็บไซต์หลักของหน่วยงาน',
  },
};

export function checklist2565Input(): ChecklistInput {
  let n = 0;
  const items = SUBS_2565.flatMap(([sub, , , titles]) =>
    titles.map((title) => {
      n++;
      const code = `O${n}`;
      return {
        code,
        title,
        subIndicator: sub,
        evidence: 'page-or-document' as const,
        period: 'none' as const,
        requirement: SPECIFIC[code]?.requirement ?? `เผยแพร่ข้อมูล${title}ที่เป็นปัจจุบันบนเว็บไซต์หลักของหน่วยงาน`,
        advice: SPECIFIC[code]?.advice ?? `จัดทำและเผยแพร่${title}บนเว็บไซต์หลักของหน่วยงาน แล้วเพิ่มลิงก์ในหน้า ITA ข้อ ${code}`,
      };
    }),
  );
  return {
    id: 'ita-2565',
    year: 2565,
    confidence: 'confirmed',
    title: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2565',
    indicators: [
      { id: '1', title: 'การปฏิบัติหน้าที่', tool: 'IIT' },
      { id: '2', title: 'การใช้งบประมาณ', tool: 'IIT' },
      { id: '3', title: 'การใช้อำนาจ', tool: 'IIT' },
      { id: '4', title: 'การใช้ทรัพย์สินของราชการ', tool: 'IIT' },
      { id: '5', title: 'การแก้ไขปัญหาการทุจริต', tool: 'IIT' },
      { id: '6', title: 'คุณภาพการดำเนินงาน', tool: 'EIT' },
      { id: '7', title: 'ประสิทธิภาพการสื่อสาร', tool: 'EIT' },
      { id: '8', title: 'การปรับปรุงการทำงาน', tool: 'EIT' },
      { id: '9', title: 'การเปิดเผยข้อมูล', tool: 'OIT' },
      { id: '10', title: 'การป้องกันการทุจริต', tool: 'OIT' },
    ],
    subIndicators: SUBS_2565.map(([id, indicator, title]) => ({ id, indicator, title })),
    items,
  };
}

export const checklist2565: Checklist = Checklist.parse(checklist2565Input());

/** A small provisional checklist (2568-like) with unknown items, for the warning. */
export const checklist2568: Checklist = Checklist.parse({
  id: 'ita-2568',
  year: 2568,
  confidence: 'provisional',
  title: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2568 (ชั่วคราว)',
  indicators: [
    { id: '9', title: 'การเปิดเผยข้อมูล', tool: 'OIT' },
    { id: '10', title: 'การป้องกันการทุจริต', tool: 'OIT' },
  ],
  subIndicators: [
    { id: '9.1', indicator: '9', title: 'ข้อมูลพื้นฐาน' },
    { id: '10.1', indicator: '10', title: 'การป้องกันการทุจริต' },
  ],
  items: [
    { code: 'O1', title: 'โครงสร้างและอำนาจหน้าที่', subIndicator: '9.1', evidence: 'page', period: 'none', requirement: 'แผนผังโครงสร้างและอำนาจหน้าที่', advice: 'เผยแพร่แผนผังโครงสร้างและอำนาจหน้าที่' },
    { code: 'O3', title: 'ข้อมูลการติดต่อ', subIndicator: '9.1', evidence: 'page', period: 'none', requirement: 'ที่อยู่ โทรศัพท์ อีเมล', advice: 'เผยแพร่ที่อยู่ โทรศัพท์ และอีเมล' },
    { code: 'O25', title: 'แผนปฏิบัติการป้องกันการทุจริต', subIndicator: '10.1', evidence: 'document', period: 'current-fy', requirement: 'แผนของปีงบประมาณ 2568', advice: 'จัดทำแผนปฏิบัติการป้องกันการทุจริตปี 2568', status: 'probable' },
  ],
  unknownItems: [
    { code: 'O2', probableTitle: 'ข้อมูลผู้บริหาร', note: 'ยังไม่พบในเอกสารที่เผยแพร่' },
    { code: 'O5', note: 'ยังไม่พบในเอกสารที่เผยแพร่' },
  ],
});

export const SITE = 'https://www.example.go.th/';

export function scanRecord(overrides: Partial<ScanRecord> = {}): ScanRecord {
  return {
    id: 'scan-2022-10-01-a',
    site: SITE,
    host: 'www.example.go.th',
    state: 'finished',
    startedAt: '2022-10-01T02:00:00.000Z',
    finishedAt: '2022-10-01T02:12:30.000Z',
    toolVersion: '0.1.0',
    checklistId: 'ita-2565',
    checklistYear: 2565,
    checklistHash: 'fixture-hash-2565',
    config: {},
    stats: { pagesFetched: 123, documentsFetched: 45, errors: 3 },
    ...overrides,
  };
}

const home = { text: 'หน้าหลัก', url: SITE };
const ita = { text: 'ITA', url: `${SITE}ita` };

/** Every item passes with one evidence URL, except the codes given in `statuses`. */
export function itemResults(checklist: Checklist, statuses: Record<string, ItemStatus> = {}, extra: (r: ItemResult) => ItemResult = (r) => r): ItemResult[] {
  return checklist.items.map((it, i) => {
    const status = statuses[it.code] ?? 'pass';
    const url = `${SITE}ita/${it.code.toLowerCase()}.pdf`;
    const base: ItemResult =
      status === 'pass'
        ? {
            code: it.code,
            title: it.title,
            subIndicator: it.subIndicator,
            status,
            score: 100,
            urls: [url],
            evidence: [
              {
                url,
                foundVia: `ITA page row '${it.code}' > link 'ดาวน์โหลด'`,
                quote: `${it.code} ${it.title}`,
                clickPath: [home, ita, { text: `${it.code} ${it.title}`, url }],
              },
            ],
            reasons: [],
            confidence: 0.9,
          }
        : {
            code: it.code,
            title: it.title,
            subIndicator: it.subIndicator,
            status,
            score: 0,
            urls: [],
            evidence: [],
            reasons: [`ไม่พบ${it.title}ของปีงบประมาณที่กำหนด`],
            confidence: 0.7,
          };
    void i;
    return extra(base);
  });
}

/** The example scan: 2565, O11 and O24 fail (the seed report's situation). */
export function exampleResult(): ScanResult {
  const items = itemResults(checklist2565, { O11: 'fail', O24: 'fail' }, (r) => {
    if (r.code === 'O11') {
      return {
        ...r,
        urls: [],
        evidence: [{ url: `${SITE}ita/o11-2564.pdf`, foundVia: "ITA page row 'O11' > link 'ดาวน์โหลด'", quote: 'รายงานการกำกับติดตาม, ปี "2564"' }],
        reasons: ['เอกสารเป็นของปีงบประมาณ 2564 ต้องเป็นรอบ 6 เดือนแรกของปีงบประมาณ 2565 (ต.ค.64 – มี.ค.65)', 'ไม่พบรายละเอียดงบประมาณที่ใช้ดำเนินงาน'],
      };
    }
    if (r.code === 'O24') return { ...r, reasons: ['ไม่พบรายงานผลการจัดซื้อจัดจ้างประจำปี 2564', 'ไม่พบ "ปัญหาอุปสรรคและข้อเสนอแนะ"'] };
    if (r.code === 'O2') return { ...r, override: { by: 'สมชาย ใจดี', note: 'ตรวจแล้ว รูปผู้บริหารครบ', at: '2022-10-01T03:00:00.000Z', automaticStatus: 'needs-review' } };
    return r;
  });
  return buildScanResult(scanRecord(), checklist2565, items);
}

export function page(url: string, status: number, extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url,
    finalUrl: url,
    status,
    kind: 'html',
    text: '',
    textSource: 'html',
    depth: 1,
    redirectChain: [],
    fetchedAt: '2022-10-01T02:05:00.000Z',
    bytes: 0,
    needsJs: false,
    rendered: false,
    meta: {},
    ...extra,
  };
}

export const XSS = '<img src=x onerror="window.__xss=1">';
export const XSS_SCRIPT = '<script>window.__xss=1</script>';
