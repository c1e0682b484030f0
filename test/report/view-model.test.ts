import { describe, expect, it } from 'vitest';
import { buildScanResult } from '../../src/check/scan-result.js';
import { nextFiscalYearPeriod, safeHref } from '../../src/report/format.js';
import { buildItasRows, buildReportView, clickPathText } from '../../src/report/view-model.js';
import { checklist2565, checklist2568, exampleResult, itemResults, page, scanRecord, SITE } from './fixtures.js';

describe('report view model', () => {
  const result = exampleResult();
  const view = buildReportView({ result, checklist: checklist2565 });

  it('the gap list is exactly the items not passed', () => {
    expect(view.gaps.map((g) => g.code)).toEqual(['O11', 'O24']);
    const notPassed = result.items.filter((i) => i.status !== 'pass').map((i) => i.code);
    expect(new Set(view.gaps.map((g) => g.code))).toEqual(new Set(notPassed));
  });

  it('orders gaps: failures, then needs-review, errors, not-applicable; checklist order within', () => {
    const items = itemResults(checklist2565, { O30: 'needs-review', O2: 'not-applicable', O24: 'fail', O11: 'fail', O5: 'error', O3: 'needs-review' });
    const v = buildReportView({ result: buildScanResult(scanRecord(), checklist2565, items), checklist: checklist2565 });
    expect(v.gaps.map((g) => g.code)).toEqual(['O11', 'O24', 'O3', 'O30', 'O5', 'O2']);
    expect(v.review.map((g) => g.code)).toEqual(['O3', 'O5', 'O30']);
  });

  it('shows Thai labels, reasons, the checklist advice and what fixing is worth', () => {
    const o11 = view.gaps[0]!;
    expect(o11.statusLabel).toBe('ไม่ผ่าน');
    expect(o11.badgeClass).toBe('badge badge-fail');
    expect(o11.reasons).toHaveLength(2);
    expect(o11.advice).toBe(checklist2565.items.find((i) => i.code === 'O11')!.advice);
    expect(o11.requirement).toContain('ความก้าวหน้า');
    expect(o11.bestUrl?.text).toBe(`${SITE}ita/o11-2564.pdf`);
    // 9.2 goes 87.5 → 100: indicator 9 +2.5, OIT +1.25
    expect(o11.gainText).toBe('ถ้าแก้ข้อนี้ได้ คะแนน OIT จะเพิ่มขึ้น +1.25');
    expect(view.t.gapsHeading).toBe('รายการที่ต้องแก้ไข');
    expect(view.oit.scoreText).toBe('97.32');
    expect(view.indicators.map((i) => i.scoreText)).toEqual(['94.64', '100.00']);
    expect(view.indicators[0]!.subIndicators.map((s) => s.scoreText)).toEqual(['100.00', '87.50', '85.71', '100.00', '100.00']);
    expect(view.indicators[0]!.subIndicators[1]).toMatchObject({ width: 87.5, passMarkX: 85, cls: 'bar-ok', detail: '7/8' });
    expect(view.counts.find((c) => c.label === 'ผ่าน')?.count).toBe(41);
  });

  it('lists evidence with click paths from the home page, quotes and the human override', () => {
    const o1 = view.withEvidence.find((i) => i.code === 'O1')!;
    expect(o1.evidence[0]!.clickPath).toBe('หน้าหลัก › ITA › O1 โครงสร้าง');
    expect(o1.evidence[0]!.quote).toBe('O1 โครงสร้าง');
    const o2 = view.withEvidence.find((i) => i.code === 'O2')!;
    expect(o2.override?.who).toContain('สมชาย ใจดี');
    expect(o2.override?.note).toBe('ตรวจแล้ว รูปผู้บริหารครบ');
    expect(o2.override?.automatic).toContain('ต้องตรวจสอบ');
    // O11 failed but has a candidate document: it is listed with its evidence too
    expect(view.withEvidence.some((i) => i.code === 'O11')).toBe(true);
    expect(view.withEvidence.some((i) => i.code === 'O24')).toBe(false);
  });

  it('formats the scan facts in Thai (Buddhist era, Bangkok time)', () => {
    expect(view.scan.started).toMatch(/1 ต\.ค\. 2565.*09:00/);
    expect(view.scan).toMatchObject({ pages: 123, documents: 45, errors: 3 });
    expect(view.checklist.warning).toBeUndefined();
    expect(view.checklist.confidenceLabel).toContain('ยืนยันแล้ว');
  });

  it('warns prominently about a provisional checklist and lists its unknown items', () => {
    const r = buildScanResult(scanRecord({ checklistId: 'ita-2568', checklistYear: 2568 }), checklist2568, itemResults(checklist2568, { O25: 'fail' }));
    const v = buildReportView({ result: r, checklist: checklist2568 });
    expect(v.checklist.warning).toMatch(/^checklist 2568: ชั่วคราว \(provisional\)/);
    expect(v.checklist.warningClass).toContain('warning-strong');
    expect(v.checklist.unknownItems.map((u) => u.code)).toEqual(['O2', 'O5']);
    expect(v.gaps[0]!.unconfirmed).toBe('ยังไม่ยืนยัน');
  });

  it('compares with a previous scan: new failures first, then fixed items', () => {
    const prevItems = itemResults(checklist2565, { O5: 'fail', O24: 'fail' });
    const previous = buildScanResult(scanRecord({ id: 'scan-old', startedAt: '2022-09-01T02:00:00.000Z' }), checklist2565, prevItems);
    const v = buildReportView({ result, checklist: checklist2565, previous });
    expect(v.diff?.newFailures.map((c) => c.code)).toEqual(['O11']);
    expect(v.diff?.fixed.map((c) => c.code)).toEqual(['O5']);
    expect(v.diff?.newFailures[0]).toMatchObject({ from: 'ผ่าน', to: 'ไม่ผ่าน' });
    expect(v.diff?.oitChange).toBe('คะแนน OIT เปลี่ยนไป: 97.46 → 97.32 (-0.14)');
    expect(v.diff?.intro).toContain('scan-old');
    expect(buildReportView({ result, checklist: checklist2565 }).diff).toBeUndefined();
  });

  it('lists crawl problems: status 0, ≥ 400 and errors; not good pages', () => {
    const pages = [
      page(`${SITE}ok`, 200),
      page(`${SITE}gone`, 404, { referrer: SITE }),
      page(`${SITE}down`, 0, { error: 'timeout' }),
      page(`${SITE}bad.pdf`, 200, { error: 'encrypted PDF', kind: 'pdf' }),
      page(`${SITE}err`, 503),
    ];
    const v = buildReportView({ result, checklist: checklist2565, pages });
    expect(v.crawl.rows.map((r) => r.link.text)).toEqual([`${SITE}bad.pdf`, `${SITE}gone`, `${SITE}err`, `${SITE}down`]);
    expect(v.crawl.rows.find((r) => r.link.text.endsWith('down'))).toMatchObject({ statusText: 'ไม่มีการตอบกลับ', problem: 'timeout' });
  });

  it('an item the result lacks is shown as not checked', () => {
    const items = itemResults(checklist2565).filter((i) => i.code !== 'O43');
    const v = buildReportView({ result: buildScanResult(scanRecord(), checklist2565, items), checklist: checklist2565 });
    expect(v.gaps.map((g) => g.code)).toEqual(['O43']);
    expect(v.gaps[0]!.reasons).toEqual(['ไม่มีผลการตรวจของข้อนี้']);
  });

  it('speaks English when asked', () => {
    const v = buildReportView({ result, checklist: checklist2565, lang: 'en' });
    expect(v.gaps[0]!.statusLabel).toBe('Fail');
    expect(v.t.gapsHeading).toBe('What to fix');
  });

  it('refuses a checklist other than the one the result was judged with', () => {
    expect(() => buildReportView({ result, checklist: checklist2568 })).toThrow(/ita-2565/);
  });
});

describe('links and paths', () => {
  it('only http(s) URLs become hrefs', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('vbscript:x')).toBeUndefined();
    expect(safeHref('#')).toBeUndefined();
    expect(safeHref('https://a.go.th/ไฟล์.pdf')).toBe('https://a.go.th/%E0%B9%84%E0%B8%9F%E0%B8%A5%E0%B9%8C.pdf');
  });

  it('click path starts at the home page once', () => {
    expect(clickPathText([{ text: 'ข้อมูลหน่วยงาน', url: `${SITE}about` }, { text: 'โครงสร้าง', url: `${SITE}org` }], SITE, 'หน้าหลัก')).toBe('หน้าหลัก › ข้อมูลหน่วยงาน › โครงสร้าง');
    expect(clickPathText([{ text: 'Home', url: `${SITE}index.php` }, { text: ' โครงสร้าง\n ', url: `${SITE}org` }], SITE, 'หน้าหลัก', ' > ')).toBe('หน้าหลัก > โครงสร้าง');
    expect(clickPathText([], SITE, 'หน้าหลัก')).toBeUndefined();
  });

  it('next fiscal year period in Thai short form', () => {
    expect(nextFiscalYearPeriod(2565)).toBe('ต.ค.65 – ก.ย.66');
    expect(nextFiscalYearPeriod(2599)).toBe('ต.ค.99 – ก.ย.00');
  });
});

describe('ITAS rows', () => {
  const rows = buildItasRows(exampleResult(), checklist2565);

  it('a passing item has its URL and a ready explanation with the click path', () => {
    expect(rows[0]).toMatchObject({ code: 'O1', url: `${SITE}ita/o1.pdf`, explanation: 'เข้าถึงได้จาก หน้าหลัก > ITA > O1 โครงสร้าง' });
  });

  it('an item without a passing URL has a blank URL and a note', () => {
    const o11 = rows.find((r) => r.code === 'O11')!;
    expect(o11.url).toBe('');
    expect(o11.explanation).toBe('');
    expect(o11.note).toContain('ยังไม่พบข้อมูลที่ผ่านเกณฑ์');
    expect(rows).toHaveLength(43);
  });
});
