import type { Lang } from './labels.js';

/** The words of the fleet report (`oit fleet`), Thai first; status names come from labels.ts. */
export interface FleetLabels {
  title: string;
  intro: (agencies: number, scanned: number, passing: number, assessed: number) => string;
  overallHeading: string;
  agencies: string;
  scanned: string;
  notScanned: string;
  unreachableCount: string;
  assessed: string;
  passing: string;
  meanOit: string;
  withMissing: string;
  withFailures: string;
  running: string;
  itemsHeading: string;
  itemsIntro: string;
  itemsGroup: (checklistId: string, agencies: number) => string;
  noItems: string;
  noneMissing: string;
  code: string;
  item: string;
  missingAt: string;
  percent: string;
  needsReview: string;
  missingOf: (missing: number, agencies: number) => string;
  sitesHeading: string;
  sitesIntro: string;
  site: string;
  checklist: string;
  score: string;
  trend: string;
  missing: string;
  lastScan: string;
  failures: string;
  notPassedList: string;
  reviewList: string;
  allPassed: string;
  unreachable: string;
  neverScanned: string;
  noResult: string;
  failuresSince: (n: number) => string;
  attempt: Record<'running' | 'failed' | 'interrupted' | 'unjudged', string>;
  truncated: string;
  generated: (date: string) => string;
}

export const FLEET_LABELS: Record<Lang, FleetLabels> = {
  th: {
    title: 'ภาพรวมผลการตรวจ OIT ของทุกหน่วยงาน',
    intro: (n, scanned, passing, assessed) => `${n} หน่วยงาน · มีผลการตรวจ ${scanned} · ผ่านเกณฑ์ 85 คะแนน ${passing} จาก ${assessed} หน่วยงานที่เปิดเว็บไซต์ได้`,
    overallHeading: 'สรุปภาพรวม',
    agencies: 'หน่วยงานทั้งหมด',
    scanned: 'มีผลการตรวจ',
    notScanned: 'ยังไม่มีผลการตรวจ',
    unreachableCount: 'เปิดหน้าแรกของเว็บไซต์ไม่ได้',
    assessed: 'ตรวจได้ (เปิดเว็บไซต์ได้)',
    passing: 'ผ่านเกณฑ์ 85 คะแนน',
    meanOit: 'คะแนน OIT เฉลี่ย',
    withMissing: 'มีข้อที่ยังขาด',
    withFailures: 'ตรวจไม่สำเร็จนับจากผลล่าสุด',
    running: 'กำลังตรวจอยู่',
    itemsHeading: 'สรุปรายข้อ: ข้อที่หน่วยงานขาดมากที่สุด',
    itemsIntro:
      'นับเฉพาะหน่วยงานที่มีผลการตรวจและเปิดเว็บไซต์ได้ แยกตามปีของแบบตรวจ (รหัสข้อเดียวกันต่างปีเป็นคนละเรื่อง) "ขาด" คือยังไม่ผ่านและไม่ใช่ข้อที่ไม่เกี่ยวข้อง รวมข้อที่ต้องตรวจสอบ',
    itemsGroup: (id, n) => `แบบตรวจ ${id} · ${n} หน่วยงาน`,
    noItems: 'ยังไม่มีหน่วยงานที่มีผลการตรวจ',
    noneMissing: 'ข้อที่ไม่มีหน่วยงานใดขาด',
    code: 'ข้อ',
    item: 'ข้อมูล',
    missingAt: 'ขาดใน (หน่วยงาน)',
    percent: 'ร้อยละของหน่วยงาน',
    needsReview: 'ในจำนวนนี้ต้องตรวจสอบ',
    missingOf: (m, n) => `${m} จาก ${n}`,
    sitesHeading: 'รายหน่วยงาน',
    sitesIntro: 'เรียงจากคะแนน OIT ต่ำสุด (หน่วยงานที่ต้องการความช่วยเหลือก่อน) หน่วยงานที่ยังไม่มีผลการตรวจอยู่บนสุด',
    site: 'หน่วยงาน',
    checklist: 'แบบตรวจ',
    score: 'คะแนน OIT',
    trend: 'เทียบครั้งก่อน',
    missing: 'ข้อที่ขาด',
    lastScan: 'ตรวจล่าสุด',
    failures: 'ความล้มเหลว',
    notPassedList: 'ไม่ผ่าน',
    reviewList: 'ต้องตรวจสอบ',
    allPassed: 'ครบทุกข้อ',
    unreachable: 'เปิดหน้าแรกของเว็บไซต์ไม่ได้',
    neverScanned: 'ยังไม่เคยตรวจ',
    noResult: 'ยังไม่มีผลการตรวจที่สมบูรณ์',
    failuresSince: (n) => `ตรวจไม่สำเร็จ ${n} ครั้งนับจากผลล่าสุด`,
    attempt: { running: 'กำลังตรวจอยู่', failed: 'ครั้งล่าสุดล้มเหลว', interrupted: 'ครั้งล่าสุดถูกขัดจังหวะ', unjudged: 'ครั้งล่าสุดยังไม่ได้ตรวจผล' },
    truncated: 'ฐานข้อมูลมีการสแกนมากเกินกว่าที่อ่านได้ในครั้งเดียว หน่วยงานที่มีแต่การสแกนเก่ามากอาจไม่อยู่ในรายงานนี้',
    generated: (d) => `สร้างเมื่อ ${d}`,
  },
  en: {
    title: 'OIT results across all agencies',
    intro: (n, scanned, passing, assessed) => `${n} agencies · with a result: ${scanned} · passing 85: ${passing} of the ${assessed} whose site opened`,
    overallHeading: 'Overview',
    agencies: 'Agencies',
    scanned: 'With a result',
    notScanned: 'No result yet',
    unreachableCount: 'Home page did not open',
    assessed: 'Assessed (site opened)',
    passing: 'Passing 85',
    meanOit: 'Mean OIT score',
    withMissing: 'With missing items',
    withFailures: 'Failed scans since their latest result',
    running: 'Being scanned',
    itemsHeading: 'By item: what agencies miss most',
    itemsIntro:
      'Counts agencies with a result whose site opened, per checklist year (the same code means different things in different years). "Missing" is not passed and not "not applicable"; it includes items needing review.',
    itemsGroup: (id, n) => `Checklist ${id} · ${n} agencies`,
    noItems: 'No agency has a result yet.',
    noneMissing: 'Items no agency misses',
    code: 'Item',
    item: 'Title',
    missingAt: 'Missing at (agencies)',
    percent: 'Share of agencies',
    needsReview: 'of which needs review',
    missingOf: (m, n) => `${m} of ${n}`,
    sitesHeading: 'Agencies',
    sitesIntro: 'Lowest OIT score first (the agencies needing help first); agencies without a result at the top.',
    site: 'Agency',
    checklist: 'Checklist',
    score: 'OIT score',
    trend: 'vs previous',
    missing: 'Missing items',
    lastScan: 'Last scan',
    failures: 'Failures',
    notPassedList: 'not passed',
    reviewList: 'needs review',
    allPassed: 'all items',
    unreachable: 'the home page did not open',
    neverScanned: 'never scanned',
    noResult: 'no complete result yet',
    failuresSince: (n) => `${n} failed scans since the latest result`,
    attempt: { running: 'being scanned', failed: 'last scan failed', interrupted: 'last scan interrupted', unjudged: 'last scan not judged yet' },
    truncated: 'The database holds more scans than were read at once; agencies seen only in very old scans may be missing here.',
    generated: (d) => `generated ${d}`,
  },
};
