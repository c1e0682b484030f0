import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScanResult } from '../../src/check/scan-result.js';
import { CHROMIUM_ARGS, findChromium } from '../../src/crawl/chromium.js';
import { writeReports } from '../../src/report/write.js';
import { checklist2565, exampleResult, itemResults, page, scanRecord, SITE, XSS, XSS_SCRIPT } from './fixtures.js';

/**
 * report.html in a real browser, opened from disk: no console errors, no requests but the file itself,
 * the gap list lists exactly the failing items, and hostile site text stays text.
 */
const tmp = mkdtempSync(join(tmpdir(), 'oit-browser-'));
let browser: Browser;

beforeAll(async () => {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('Chromium not found: run scripts/setup-system.sh');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function hostileResult() {
  const items = itemResults(checklist2565, { O11: 'fail', O24: 'fail', O30: 'needs-review' }, (r) => {
    if (r.code === 'O1') {
      return {
        ...r,
        urls: [`${SITE}ita/o1.pdf`, 'javascript:window.__xss=1'],
        evidence: [
          { url: 'javascript:window.__xss=1', foundVia: `menu ${XSS}`, quote: `คำพูด ${XSS} ${XSS_SCRIPT}`, clickPath: [{ text: XSS, url: SITE }, { text: '"><svg onload=window.__xss=1>', url: `${SITE}a` }] },
          { url: `${SITE}ita/o1.pdf"><img src=x onerror=window.__xss=1>`, foundVia: 'x' },
        ],
      };
    }
    if (r.code === 'O24') return { ...r, title: `รายงานผลการจัดซื้อจัดจ้าง ${XSS}`, reasons: [XSS_SCRIPT], urls: [], evidence: [{ url: 'JaVaScRiPt:window.__xss=1', foundVia: 'x', quote: XSS }] };
    if (r.code === 'O30') return { ...r, reasons: ['ลิงก์ไปยังเว็บไซต์ภายนอก เปิดไม่ได้จากที่นี่'], evidence: [{ url: 'https://drive.google.com/file/d/abc', foundVia: 'ITA page row O30' }] };
    return r;
  });
  return buildScanResult(scanRecord(), checklist2565, items);
}

describe('report.html in Chromium', () => {
  it('is self-contained, lists exactly the failing items first, and shows hostile text as text', async () => {
    const outDir = join(tmp, 'r');
    const previous = buildScanResult(scanRecord({ id: 'scan-old', startedAt: '2022-09-01T02:00:00.000Z' }), checklist2565, itemResults(checklist2565, { O5: 'fail', O24: 'fail' }));
    await writeReports({
      result: hostileResult(),
      checklist: checklist2565,
      previous,
      outDir,
      pages: [page(`${SITE}gone.pdf`, 404, { referrer: SITE }), page(`${SITE}${encodeURIComponent(XSS)}`, 0, { error: XSS })],
    });
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const p = await ctx.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(outDir, 'report.html')).href;
    await p.goto(url, { waitUntil: 'load' });
    await p.waitForTimeout(200);

    expect(errors).toEqual([]);
    expect(requests.every((r) => r.startsWith('file:'))).toBe(true);
    expect(requests).toEqual([url]);

    // the gap list: exactly the items not passed, failures first
    const gapCodes = await p.locator('#gaps article').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(gapCodes).toEqual(['O11', 'O24', 'O30']);
    // the gap list comes before the evidence
    const order = await p.evaluate(() => [...document.querySelectorAll('main > section')].map((s) => s.id));
    expect(order.indexOf('gaps')).toBeLessThan(order.indexOf('evidence'));
    expect(order).toEqual(['score', 'gaps', 'diff', 'evidence', 'review', 'crawl']);
    expect(await p.locator('#new-failures li').count()).toBe(2);
    expect(await p.locator('#fixed li').count()).toBe(1);

    // nothing ran, the payloads are visible as text, and no javascript: link exists
    expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await p.locator('img, script, svg[onload]').count()).toBe(0);
    const hrefs = await p.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(40);
    // only http(s) links to the site and in-page anchors
    expect(hrefs.filter((h) => !/^https?:\/\//.test(h) && !/^#[a-z-]+$/.test(h))).toEqual([]);
    const text = await p.locator('body').innerText();
    expect(text).toContain(XSS);
    expect(text).toContain(XSS_SCRIPT);
    expect(text).toContain('javascript:window.__xss=1');
    expect(await p.locator('#gaps article[data-code="O24"] .title').innerText()).toBe(`รายงานผลการจัดซื้อจัดจ้าง ${XSS}`);

    mkdirSync('test-artifacts', { recursive: true });
    await p.screenshot({ path: 'test-artifacts/report.png', fullPage: false });
    await p.locator('#gaps').scrollIntoViewIfNeeded();
    await p.screenshot({ path: 'test-artifacts/report-gaps.png', fullPage: false });
    await p.locator('#evidence').scrollIntoViewIfNeeded();
    await p.screenshot({ path: 'test-artifacts/report-evidence.png', fullPage: false });
    await p.locator('#crawl').scrollIntoViewIfNeeded();
    await p.screenshot({ path: 'test-artifacts/report-crawl.png', fullPage: false });
    await p.setViewportSize({ width: 1100, height: 1400 });
    await p.screenshot({ path: 'test-artifacts/report-desktop.png', fullPage: false });
    await p.emulateMedia({ media: 'print' });
    await p.pdf({ path: 'test-artifacts/report.pdf', format: 'A4', printBackground: true });
    await ctx.close();
  });

  it('itas.html opens offline without errors and has a row per item', async () => {
    const outDir = join(tmp, 'i');
    await writeReports({ result: exampleResult(), checklist: checklist2565, outDir });
    const p = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    p.on('request', (r) => requests.push(r.url()));
    await p.goto(pathToFileURL(join(outDir, 'itas.html')).href);
    expect(errors).toEqual([]);
    expect(requests.every((r) => r.startsWith('file:'))).toBe(true);
    expect(await p.locator('tbody tr').count()).toBe(43);
    expect(await p.locator('tr[data-code="O1"]').innerText()).toContain('เข้าถึงได้จาก หน้าหลัก > ITA > O1 โครงสร้าง');
    await p.screenshot({ path: 'test-artifacts/itas.png' });
    await p.close();
  });
});
