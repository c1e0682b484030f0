import type { ItemStatus } from '../store/types.js';

/**
 * Every word of the reports' own chrome (headings, column names, status names), Thai first.
 * Item titles, requirements and advice are not here: they live in the checklist data.
 */
export type Lang = 'th' | 'en';

export type Confidence = 'confirmed' | 'probable' | 'provisional';

export const STATUS_LABELS: Record<Lang, Record<ItemStatus, string>> = {
  th: { pass: 'ผ่าน', fail: 'ไม่ผ่าน', 'needs-review': 'ต้องตรวจสอบ', 'not-applicable': 'ไม่เกี่ยวข้อง', error: 'ตรวจไม่ได้' },
  en: { pass: 'Pass', fail: 'Fail', 'needs-review': 'Needs review', 'not-applicable': 'Not applicable', error: 'Error' },
};

/** CSS class of a status badge; the stylesheet knows exactly these. */
export const STATUS_BADGE: Record<ItemStatus, string> = {
  pass: 'badge badge-pass',
  fail: 'badge badge-fail',
  'needs-review': 'badge badge-review',
  'not-applicable': 'badge badge-na',
  error: 'badge badge-error',
};

export const CONFIDENCE_LABELS: Record<Lang, Record<Confidence, string>> = {
  th: { confirmed: 'ยืนยันแล้ว (confirmed)', probable: 'น่าจะถูกต้อง (probable)', provisional: 'ชั่วคราว (provisional)' },
  en: { confirmed: 'confirmed', probable: 'probable', provisional: 'provisional' },
};

export interface Labels {
  reportTitle: string;
  site: string;
  checklist: string;
  checklistConfidence: string;
  scanId: string;
  started: string;
  finished: string;
  notFinished: string;
  pagesRead: string;
  documentsRead: string;
  fetchErrors: string;
  provisionalWarning: (year: number) => string;
  probableWarning: (year: number) => string;
  unknownItemsHeading: string;
  oitScore: string;
  passMark: string;
  scoresHeading: string;
  summaryHeading: string;
  gapsHeading: string;
  gapsIntro: string;
  noGaps: string;
  unreachableHeading: string;
  unreachableIntro: string;
  whatIsMissing: string;
  howToFix: string;
  requirement: string;
  bestUrl: string;
  noUrl: string;
  gain: (points: string) => string;
  evidenceHeading: string;
  evidenceIntro: string;
  noEvidence: string;
  urlsToSubmit: string;
  clickPath: string;
  foundVia: string;
  quote: string;
  confidence: string;
  overrideBy: (by: string, at: string) => string;
  overrideAutomatic: (status: string) => string;
  reviewHeading: string;
  reviewIntro: string;
  noReview: string;
  crawlHeading: string;
  crawlIntro: string;
  noCrawlProblems: string;
  crawlMore: (n: number) => string;
  httpStatus: string;
  noResponse: string;
  problem: string;
  linkedFrom: string;
  diffHeading: string;
  diffIntro: (scanId: string, date: string) => string;
  diffOtherChecklist: string;
  newFailures: string;
  fixed: string;
  noChanges: string;
  oitChange: string;
  urlChanged: string;
  newDeadLinks: string;
  trendHeading: string;
  trendCaption: (n: number, first: string, last: string) => string;
  staleOverride: (by: string, at: string, status: string) => string;
  home: string;
  code: string;
  item: string;
  status: string;
  score: string;
  url: string;
  explanation: string;
  note: string;
  itasTitle: string;
  itasIntro: string;
  itasReachedFrom: (path: string) => string;
  itasDirectUrl: string;
  itasNoUrl: string;
  itasReview: string;
  itasNotApplicable: string;
  notInResult: string;
  unconfirmedItem: string;
  generatedBy: (tool: string) => string;
  total: string;
  passed: string;
}

export const LABELS: Record<Lang, Labels> = {
  th: {
    reportTitle: 'รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)',
    site: 'เว็บไซต์',
    checklist: 'แบบตรวจ (checklist)',
    checklistConfidence: 'ความแน่นอนของแบบตรวจ',
    scanId: 'รหัสการตรวจ',
    started: 'เริ่มตรวจ',
    finished: 'ตรวจเสร็จ',
    notFinished: 'ยังไม่เสร็จ',
    pagesRead: 'หน้าเว็บที่อ่าน',
    documentsRead: 'เอกสารที่อ่าน',
    fetchErrors: 'ดึงข้อมูลไม่สำเร็จ',
    provisionalWarning: (y) =>
      `checklist ${y}: ชั่วคราว (provisional) — รายการและเกณฑ์ของปีนี้ยังไม่ครบหรือยังไม่ยืนยัน ใช้ผลนี้เป็นแนวทางเท่านั้น และตรวจกับประกาศของ ป.ป.ช. อีกครั้ง`,
    probableWarning: (y) => `checklist ${y}: น่าจะถูกต้อง (probable) — ยังไม่ได้ยืนยันกับเอกสารฉบับสมบูรณ์ของ ป.ป.ช.`,
    unknownItemsHeading: 'รายการที่ยังไม่ทราบ (ไม่ได้ตรวจ)',
    oitScore: 'คะแนน OIT',
    passMark: 'เกณฑ์ผ่าน 85',
    scoresHeading: 'คะแนนรายตัวชี้วัด',
    summaryHeading: 'สรุปผลรายข้อ',
    gapsHeading: 'รายการที่ต้องแก้ไข',
    gapsIntro: 'ทุกข้อที่ยังไม่ผ่าน เรียงจากข้อที่ไม่ผ่าน แล้วจึงข้อที่ต้องตรวจสอบ',
    noGaps: 'ไม่มี — ทุกข้อผ่าน',
    unreachableHeading: 'อ่านเว็บไซต์ไม่ได้',
    unreachableIntro: 'โปรแกรมเปิดหน้าแรกของเว็บไซต์ไม่ได้ จึงไม่ได้ตรวจข้อใด ไม่มีคะแนน และไม่มีรายการข้อที่ขาด แก้ปัญหาการเข้าถึงแล้วสแกนใหม่',
    whatIsMissing: 'สิ่งที่ขาด / เหตุผล',
    howToFix: 'วิธีแก้ไข',
    requirement: 'ผู้ประเมินต้องการ',
    bestUrl: 'URL ที่ใกล้เคียงที่สุด',
    noUrl: 'ไม่พบ URL',
    gain: (p) => `ถ้าแก้ข้อนี้ได้ คะแนน OIT จะเพิ่มขึ้น ${p}`,
    evidenceHeading: 'หลักฐานที่พบ',
    evidenceIntro: 'URL สำหรับกรอกในระบบ ITAS และเส้นทางคลิกจากหน้าหลัก',
    noEvidence: 'ไม่พบหลักฐานของข้อใดเลย',
    urlsToSubmit: 'URL ที่ใช้ส่ง',
    clickPath: 'เส้นทางจากหน้าหลัก',
    foundVia: 'พบจาก',
    quote: 'ข้อความที่พบ',
    confidence: 'ความมั่นใจ',
    overrideBy: (by, at) => `ผลนี้แก้ไขโดยเจ้าหน้าที่: ${by} (${at})`,
    overrideAutomatic: (s) => `ผลจากการตรวจอัตโนมัติเดิม: ${s}`,
    reviewHeading: 'รายการที่ต้องให้เจ้าหน้าที่ตรวจสอบ',
    reviewIntro: 'โปรแกรมตัดสินเองไม่ได้ เปิด URL แล้วบันทึกผลการตรวจด้วยตนเอง',
    noReview: 'ไม่มี',
    crawlHeading: 'ปัญหาที่พบระหว่างการอ่านเว็บไซต์',
    crawlIntro: 'ลิงก์เสีย หน้าที่เปิดไม่ได้ หรือถูกปิดกั้น ผู้ประเมินก็จะเปิดไม่ได้เช่นกัน',
    noCrawlProblems: 'ไม่พบปัญหา',
    crawlMore: (n) => `และอีก ${n} รายการ (ดูทั้งหมดในฐานข้อมูลการตรวจ)`,
    httpStatus: 'สถานะ HTTP',
    noResponse: 'ไม่มีการตอบกลับ',
    problem: 'ปัญหา',
    linkedFrom: 'ลิงก์จากหน้า',
    diffHeading: 'การเปลี่ยนแปลงจากการตรวจครั้งก่อน',
    diffIntro: (id, d) => `เทียบกับการตรวจ ${id} เมื่อ ${d}`,
    diffOtherChecklist: 'การตรวจครั้งก่อนใช้ checklist ปีอื่น จึงเทียบตามชื่อรายการ',
    newFailures: 'ข้อที่เพิ่งไม่ผ่าน',
    fixed: 'ข้อที่แก้ไขแล้ว',
    noChanges: 'ไม่มีข้อใดเปลี่ยนสถานะ',
    oitChange: 'คะแนน OIT เปลี่ยนไป',
    urlChanged: 'ข้อที่ URL หลักฐานเปลี่ยน',
    newDeadLinks: 'ลิงก์เสียที่พบใหม่',
    trendHeading: 'แนวโน้มคะแนน OIT',
    trendCaption: (n, a, b) => `คะแนน OIT ของการตรวจ ${n} ครั้ง ตั้งแต่ ${a} ถึง ${b} (เส้นประคือเกณฑ์ผ่าน 85)`,
    staleOverride: (by, at, st) => `ผลการตรวจโดยเจ้าหน้าที่ (${by}, ${at}: ${st}) ไม่ได้นำมาใช้ เพราะเอกสารเปลี่ยนไปแล้ว — ตรวจอีกครั้งด้วย oit review`,
    home: 'หน้าหลัก',
    code: 'ข้อ',
    item: 'ข้อมูล',
    status: 'ผล',
    score: 'คะแนน',
    url: 'URL',
    explanation: 'คำอธิบาย',
    note: 'หมายเหตุ',
    itasTitle: 'ข้อมูลสำหรับกรอกแบบ OIT ในระบบ ITAS',
    itasIntro: 'คัดลอก URL และคำอธิบายของแต่ละข้อไปวางในระบบ ITAS ข้อที่ไม่มี URL ต้องแก้ไขก่อน (ดู report.html)',
    itasReachedFrom: (p) => `เข้าถึงได้จาก ${p}`,
    itasDirectUrl: 'เปิดได้โดยตรงจาก URL นี้',
    itasNoUrl: 'ยังไม่พบข้อมูลที่ผ่านเกณฑ์ — ต้องจัดทำ/เผยแพร่ก่อนกรอก (ดูรายการที่ต้องแก้ไขใน report.html)',
    itasReview: 'ต้องให้เจ้าหน้าที่ตรวจสอบก่อนกรอก (ดู report.html)',
    itasNotApplicable: 'ไม่เกี่ยวข้องกับหน่วยงาน',
    notInResult: 'ไม่มีผลการตรวจของข้อนี้',
    unconfirmedItem: 'ยังไม่ยืนยัน',
    generatedBy: (t) => `สร้างโดย ${t}`,
    total: 'ทั้งหมด',
    passed: 'ผ่าน',
  },
  en: {
    reportTitle: 'Public disclosure (OIT) check report',
    site: 'Website',
    checklist: 'Checklist',
    checklistConfidence: 'Checklist confidence',
    scanId: 'Scan id',
    started: 'Started',
    finished: 'Finished',
    notFinished: 'not finished',
    pagesRead: 'Pages read',
    documentsRead: 'Documents read',
    fetchErrors: 'Fetch errors',
    provisionalWarning: (y) =>
      `checklist ${y}: provisional — the items and criteria of this year are incomplete or unconfirmed; treat this result as guidance and check the NACC's announcement.`,
    probableWarning: (y) => `checklist ${y}: probable — not yet confirmed against the NACC's complete document.`,
    unknownItemsHeading: 'Unknown items (not checked)',
    oitScore: 'OIT score',
    passMark: 'pass mark 85',
    scoresHeading: 'Scores by indicator',
    summaryHeading: 'Items at a glance',
    gapsHeading: 'What to fix',
    gapsIntro: 'Every item not passed: failures first, then items needing review.',
    noGaps: 'Nothing — every item passed.',
    unreachableHeading: 'The site could not be read',
    unreachableIntro: 'oit could not open the start page, so no item was checked: there is no score and no list of gaps. Fix the access problem and scan again.',
    whatIsMissing: 'What is missing / why',
    howToFix: 'How to fix',
    requirement: 'Graders require',
    bestUrl: 'Closest URL',
    noUrl: 'no URL found',
    gain: (p) => `Fixing this raises the OIT score by ${p}`,
    evidenceHeading: 'Evidence found',
    evidenceIntro: 'URLs to enter in ITAS and the click path from the home page.',
    noEvidence: 'No evidence found for any item.',
    urlsToSubmit: 'URLs to submit',
    clickPath: 'Click path',
    foundVia: 'Found via',
    quote: 'Quote',
    confidence: 'Confidence',
    overrideBy: (by, at) => `Decided by a person: ${by} (${at})`,
    overrideAutomatic: (s) => `Automatic verdict was: ${s}`,
    reviewHeading: 'Needs review',
    reviewIntro: 'The tool could not decide: open the URL and record your decision.',
    noReview: 'None.',
    crawlHeading: 'Crawl problems',
    crawlIntro: 'Dead links, pages that failed or were blocked: graders cannot open them either.',
    noCrawlProblems: 'No problems.',
    crawlMore: (n) => `and ${n} more (see the scan database)`,
    httpStatus: 'HTTP status',
    noResponse: 'no response',
    problem: 'Problem',
    linkedFrom: 'Linked from',
    diffHeading: 'Changes since the previous scan',
    diffIntro: (id, d) => `Compared with scan ${id} of ${d}`,
    diffOtherChecklist: 'The previous scan used another checklist year; items are matched by title.',
    newFailures: 'Newly failing',
    fixed: 'Fixed',
    noChanges: 'No item changed status.',
    oitChange: 'OIT score change',
    urlChanged: 'Evidence URL changed',
    newDeadLinks: 'New dead links',
    trendHeading: 'OIT score trend',
    trendCaption: (n, a, b) => `OIT score of ${n} scans from ${a} to ${b} (the dashed line is the pass mark 85)`,
    staleOverride: (by, at, st) => `A person's decision (${by}, ${at}: ${st}) was not applied because the evidence changed since — review again with oit review`,
    home: 'Home',
    code: 'Item',
    item: 'Title',
    status: 'Status',
    score: 'Score',
    url: 'URL',
    explanation: 'Explanation',
    note: 'Note',
    itasTitle: 'OIT answers for the ITAS system',
    itasIntro: 'Copy each URL and explanation into ITAS. Items without a URL must be fixed first (see report.html).',
    itasReachedFrom: (p) => `Reached from ${p}`,
    itasDirectUrl: 'Opens directly at this URL',
    itasNoUrl: 'No passing evidence yet — publish it before answering (see report.html).',
    itasReview: 'Needs a person to check before answering (see report.html).',
    itasNotApplicable: 'Not applicable to the agency',
    notInResult: 'No result for this item',
    unconfirmedItem: 'unconfirmed',
    generatedBy: (t) => `Generated by ${t}`,
    total: 'Total',
    passed: 'Passed',
  },
};
