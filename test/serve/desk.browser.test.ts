import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffStoredScans, scanHistory } from '../../src/api/history.js';
import { scanReportDir } from '../../src/api/report-scan.js';
import { scanSite } from '../../src/api/scan-site.js';
import { ScanConfig } from '../../src/config/schema.js';
import { CHROMIUM_ARGS, findChromium } from '../../src/crawl/chromium.js';
import { startDesk, type Desk } from '../../src/serve/server.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../crawl/helpers/crawl-env.js';
import { makeDocx } from '../crawl/helpers/zip.js';
import { adversarial2566 } from '../fixtures/sites/adversarial-2566.js';
import { seed2565 } from '../fixtures/sites/seed-2565.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { closePdfBrowser } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/**
 * The review desk in a real browser, against a SQLite store filled by scanning loopback fixture sites:
 * the adversarial site (fails and two needs-review items) twice, and a hostile site whose text is
 * markup. Every page is watched for console errors and for requests to any other origin.
 * SERVE_SCREENSHOTS=<dir> also saves desktop and phone screenshots there (docs/serve.png comes from it).
 */
const tmp = tempDir('oit-serve-');
const db = join(tmp.dir, 'oit.db');
const out = join(tmp.dir, 'reports');
const config = ScanConfig.parse({ render: 'never', useSitemaps: false, ocr: false, db, out, requestTimeoutMs: 10_000 });
const X = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">"'><svg onload=window.__xss=3>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

let site: FixtureSite;
let hostile: FixtureSite;
let seed: FixtureSite;
let desk: Desk;
let browser: Browser;
let ctx: BrowserContext;
let scans: string[] = [];
let hostileScan = '';
const consoleErrors: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  site = await startSite(await buildRoutes(adversarial2566));
  seed = await startSite(await buildRoutes(seed2565));
  await closePdfBrowser();
  hostile = await startSite({
    '/': `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>หน้าแรก ${esc(X)}</title></head><body>
      <nav><a href="/ita">ITA ${esc(X)}</a> <a href="javascript:window.__xss=4">ข้อมูลผู้บริหาร</a></nav><main><h1>หน่วยงาน ${esc(X)}</h1></main></body></html>`,
    '/ita': `<html><body><table><tr><td>O1</td><td>โครงสร้าง ${esc(X)}</td><td><a href="/files/o1.docx">${esc(X)}</a></td></tr>
      <tr><td>O3</td><td>อำนาจหน้าที่</td><td><a href='/x"><script>window.__xss=5</script>'>อำนาจหน้าที่</a></td></tr></table></body></html>`,
    '/files/o1.docx': { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, body: makeDocx([`โครงสร้างส่วนราชการ ${X}`, 'ผู้บริหาร']) },
  });
  const year = { ...config, year: 2566 };
  for (let i = 0; i < 2; i++) scans.push((await scanSite({ url: `${site.origin}/`, config: year })).result.scan.id);
  hostileScan = (await scanSite({ url: `${hostile.origin}/`, config: year })).result.scan.id;
  desk = await startDesk({ config, port: 0, maxScans: 1, owners: { O7: 'งานประชาสัมพันธ์', o23: 'งานการเจ้าหน้าที่' } });
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('Chromium not found: run scripts/setup-system.sh');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  ctx = await newContext(1280, 900);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await desk?.close();
  await Promise.all([site?.close(), seed?.close(), hostile?.close()]);
  tmp.cleanup();
});

/** A context whose pages report console errors and any request that leaves the desk. */
async function newContext(width: number, height: number): Promise<BrowserContext> {
  const c = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  c.on('page', (p) => watch(p));
  c.on('request', (r) => {
    if (!r.url().startsWith(desk.url)) outside.push(r.url());
  });
  return c;
}

function watch(p: Page): void {
  p.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${p.url()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => consoleErrors.push(`${p.url()}: ${e.message}`));
  p.on('dialog', (d) => {
    consoleErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
}

async function shot(p: Page, name: string): Promise<void> {
  const dir = process.env.SERVE_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await p.screenshot({ path: join(dir, name), fullPage: false });
}

const latest = () => scans[1]!;

describe('oit serve in Chromium', () => {
  it('home → site → latest scan: the report with a review form under every item', async () => {
    const p = await ctx.newPage();
    await p.goto(desk.url);
    await expect.poll(() => p.locator('#sites tbody tr').count()).toBe(2);
    const row = p.locator(`#sites tr:has-text("${site.origin.replace('http://', '')}")`);
    await expect.poll(() => row.locator('.open-reviews').innerText()).toBe('2 ข้อ');
    await row.locator('td').first().locator('a').click();
    await p.waitForURL(/\/sites\?site=/);
    expect(await p.locator('#scans tbody tr').count()).toBe(2);
    await shot(p, 'site-desktop.png');
    await p.locator(`#scans tr[data-scan="${latest()}"] a`).click();
    await p.waitForURL(new RegExp(`/scans/${latest()}$`));
    // the same report as report.html: score, gap list, evidence
    expect(await p.locator('#score .num').first().innerText()).toBe('77.50');
    const gaps = await p.locator('#gaps article').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(gaps).toEqual(expect.arrayContaining(['O2', 'O7', 'O23']));
    // every item has one form: the gaps (not passed) plus the passes in the evidence list
    const forms = await p.locator('details.desk-review').count();
    expect(forms).toBe(await p.locator('#gaps article').count() + (await p.locator('#evidence article:has(.badge-pass)').count()));
    const codes = await p.locator('details.desk-review').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(40);
  });

  it('overriding a failing item with a note: a human verdict in the page, the history, the diff and report.json', async () => {
    const p = await ctx.newPage();
    await p.goto(`${desk.url}scans/${latest()}`);
    const before = (await scanHistory(await storeOf(), { site: `${site.origin}/` }))[0]!;
    expect(before.scanId).toBe(latest());
    const form = p.locator('#review-O2');
    await form.locator('summary').click();
    await form.locator('input[value="pass"]').check();
    await form.locator('input[name="url"]').fill(`${site.origin}/`);
    await form.locator('textarea[name="note"]').fill('ตรวจแล้ว ข้อมูลการติดต่ออยู่ท้ายหน้าแรก');
    await form.locator('input[name="by"]').fill('สมหญิง (งานไอที)');
    await shot(p, 'review-form-desktop.png');
    await Promise.all([p.waitForURL(new RegExp(`/scans/${latest()}#review-O2$`)), form.locator('button[type="submit"]').click()]);
    expect(await p.locator('#notice').innerText()).toContain('บันทึกผลข้อ O2 แล้ว');
    const card = p.locator('#evidence article[data-code="O2"]');
    expect(await card.locator('.badge-pass').count()).toBe(1);
    expect(await card.locator('.override').innerText()).toContain('สมหญิง (งานไอที)');
    expect(await card.locator('.override').innerText()).toContain('ตรวจแล้ว ข้อมูลการติดต่ออยู่ท้ายหน้าแรก');
    expect(await p.locator('#gaps article[data-code="O2"]').count()).toBe(0);
    // the reviewer's name is remembered for the next form
    expect(await p.locator('#review-O3 input[name="by"]').inputValue()).toBe('สมหญิง (งานไอที)');

    const store = await storeOf();
    const after = (await scanHistory(store, { site: `${site.origin}/` }))[0]!;
    expect(after.passed).toBe(before.passed! + 1);
    expect(after.oit!).toBeGreaterThan(before.oit!);
    const diff = await diffStoredScans(store, scans[0]!, latest());
    expect(diff.improved.map((c) => c.code)).toEqual(['O2']);
    const [override] = (await store.listOverrides(`${site.origin}/`, 2566)).filter((o) => o.code === 'O2');
    expect(override).toMatchObject({ status: 'pass', by: 'สมหญิง (งานไอที)', url: `${site.origin}/`, scanId: latest() });
    expect(override!.evidenceHash).toMatch(/^[0-9a-f]{64}$/);
    const json = JSON.parse(readFileSync(join(scanReportDir(out, '127.0.0.1', latest()), 'report.json'), 'utf8')) as { items: { code: string; status: string; override?: { by: string; note?: string } }[] };
    expect(json.items.find((i) => i.code === 'O2')).toMatchObject({ status: 'pass', override: { by: 'สมหญิง (งานไอที)', note: 'ตรวจแล้ว ข้อมูลการติดต่ออยู่ท้ายหน้าแรก' } });
    // the command line sees the same decision
    const history = await runCli(['history', '--db', db], { cwd: tmp.dir });
    expect(history.code).toBe(0);
    expect(history.stdout).toContain(`${latest()}`);
    expect(history.stdout).toMatch(new RegExp(`${latest()}.*${after.oit!.toFixed(2)}`));
    const cliDiff = await runCli(['diff', scans[0]!, latest(), '--db', db], { cwd: tmp.dir });
    expect(cliDiff.stdout).toMatch(/O2/);
    // and the desk's own comparison of the two scans (site page → เทียบ)
    await p.goto(`${desk.url}sites?site=${encodeURIComponent(`${site.origin}/`)}`);
    await Promise.all([p.waitForURL(/\/diff\?/), p.locator('#compare button').click()]);
    expect(await p.locator('#fixed li').allInnerTexts()).toEqual([expect.stringMatching(/^O2 /)]);
    expect(await p.locator('#diff').innerText()).toContain('77.50 →');
  }, 120_000);

  it('works the needs-review queue to empty, oldest first, filtered by item and by owner', async () => {
    const p = await ctx.newPage();
    await p.goto(`${desk.url}queue`);
    const codes = () => p.locator('article.queue-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(await codes()).toEqual(['O7', 'O23']);
    await p.locator('#queue-filter select[name="item"]').selectOption('O23');
    await Promise.all([p.waitForURL(/item=O23/), p.locator('#queue-filter button').click()]);
    expect(await codes()).toEqual(['O23']);
    // by the owner named in the config file's "owners"
    await p.goto(`${desk.url}queue`);
    await p.locator('#queue-filter select[name="owner"]').selectOption('งานการเจ้าหน้าที่');
    await Promise.all([p.waitForURL(/owner=/), p.locator('#queue-filter button').click()]);
    expect(await codes()).toEqual(['O23']);
    expect(await p.locator('article.queue-item .owner').innerText()).toBe('ผู้รับผิดชอบ: งานการเจ้าหน้าที่');
    await p.goto(`${desk.url}queue`);
    await shot(p, 'queue-desktop.png');
    const decide = async (code: string, status: string, note: string) => {
      const a = p.locator(`article.queue-item[data-code="${code}"]`);
      await a.locator(`input[value="${status}"]`).check();
      await a.locator('textarea[name="note"]').fill(note);
      await a.locator('input[name="by"]').fill('สมชาย (พัสดุ)');
      await Promise.all([p.waitForURL(/\/queue/), a.locator('button[type="submit"]').click()]);
      await p.waitForLoadState('load');
    };
    await decide('O7', 'not-applicable', 'หน่วยงานไม่มีข่าวประชาสัมพันธ์ของตนเอง');
    expect(await codes()).toEqual(['O23']);
    await decide('O23', 'fail', 'เปิด Google Drive แล้วไม่พบนโยบาย');
    expect(await codes()).toEqual([]);
    expect(await p.locator('#queue-empty').count()).toBe(1);
    const store = await storeOf();
    const decided = (await store.listOverrides(`${site.origin}/`, 2566)).map((o) => `${o.code}:${o.status}`).sort();
    expect(decided).toEqual(['O23:fail', 'O2:pass', 'O7:not-applicable'].sort());
  });

  it('hostile page text is shown as text on the home page and in the report', async () => {
    const p = await ctx.newPage();
    await p.goto(`${desk.url}scans/${hostileScan}`);
    await p.goto(desk.url);
    await p.goto(`${desk.url}scans/${hostileScan}`);
    expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const html = await p.content();
    expect(html).not.toMatch(/<script>window\.__xss/);
    expect(html).not.toMatch(/<img src="?x"? onerror/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(await p.locator('main').innerText()).toContain('<script>window.__xss=1</script>');
  });

  it('refuses a forged cross-site POST, a POST without the form token, and one from another origin', async () => {
    const store = await storeOf();
    const count = async () => (await store.listOverrides(`${site.origin}/`, 2566)).length;
    const n = await count();
    const evil = await startSite({
      '/': `<!doctype html><html><body><form id="f" method="post" action="${desk.url}scans/${latest()}/review">
        <input name="code" value="O3"><input name="status" value="pass"><input name="by" value="ผู้ไม่หวังดี"><input name="url" value="${site.origin}/"><input name="_csrf" value="guess">
        </form><script>document.getElementById('f').submit()</script></body></html>`,
    });
    try {
      const c = await browser.newContext();
      const p = await c.newPage();
      const refused = p.waitForResponse((r) => r.url().startsWith(desk.url) && r.request().method() === 'POST');
      await p.goto(`${evil.origin}/`);
      expect((await refused).status()).toBe(403);
      await c.close();
    } finally {
      await evil.close();
    }
    // the desk's own page, but the token taken away, or the Origin of another site
    const p = await ctx.newPage();
    await p.goto(`${desk.url}scans/${latest()}`);
    const token = await p.locator('#review-O3 input[name="_csrf"]').inputValue();
    const post = (headers: Record<string, string>, csrf: string) =>
      p.request.post(`${desk.url}scans/${latest()}/review`, { form: { code: 'O3', status: 'fail', by: 'x', _csrf: csrf }, headers, maxRedirects: 0 });
    expect((await post({ origin: desk.url.slice(0, -1) }, 'wrong')).status()).toBe(403);
    expect((await post({ origin: 'http://127.0.0.1:9' }, token)).status()).toBe(403);
    expect(await count()).toBe(n);
    // the same request with the right origin and token goes through: the refusals above are not vacuous
    expect((await post({ origin: desk.url.slice(0, -1) }, token)).status()).toBe(303);
    expect(await count()).toBe(n + 1);
  });

  it('downloads every report file and the analysis draft of a scan', async () => {
    const p = await ctx.newPage();
    await p.goto(`${desk.url}scans/${latest()}`);
    const links = await p.locator('#desk-files .downloads a[download]').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
    expect(links.map((l) => l.split('/').pop())).toEqual(['report.html', 'report.json', 'items.csv', 'itas.csv', 'itas.html']);
    const [dl] = await Promise.all([p.waitForEvent('download'), p.locator('#desk-files a', { hasText: 'items.csv' }).click()]);
    const csv = readFileSync((await dl.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('code,title,status');
    expect(csv).toMatch(/\nO2,[^\n]*,pass,/);
    const json = await p.request.get(links[1]!);
    expect((await json.json()).items.find((i: { code: string }) => i.code === 'O2').status).toBe('pass');
    await p.locator('#analysis-form summary').click();
    await p.locator('#analysis-form input[name="iit"]').fill('90,88,92,85,87');
    await p.locator('#analysis-form input[name="eit"]').fill('80,82,84');
    await p.locator('#analysis-form input[name="agency"]').fill('องค์การบริหารส่วนตำบลทดสอบ');
    const [draft] = await Promise.all([p.waitForEvent('download'), p.locator('#analysis-form button').click()]);
    const html = readFileSync((await draft.path())!, 'utf8');
    expect(html).toContain('องค์การบริหารส่วนตำบลทดสอบ');
    expect(existsSync(join(scanReportDir(out, '127.0.0.1', latest()), 'analysis.html'))).toBe(true);
    // the PDF, printed by Chromium as `oit analysis` does
    await p.goto(`${desk.url}scans/${latest()}`);
    await p.locator('#analysis-form summary').click();
    await p.locator('#analysis-form input[name="iit"]').fill('90,88,92,85,87');
    await p.locator('#analysis-form input[name="eit"]').fill('80,82,84');
    await p.locator('#analysis-form input[value="pdf"]').check();
    const [pdf] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), p.locator('#analysis-form button').click()]);
    expect(pdf.suggestedFilename()).toBe(`${latest()}-analysis.pdf`);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('starts a scan of a loopback site from the browser and follows its progress to the end', async () => {
    const p = await ctx.newPage();
    await p.goto(`${desk.url}scan-jobs`);
    await p.locator('#start-scan input[name="url"]').fill(`${seed.origin}/`);
    await p.locator('#start-scan input[name="year"]').fill('2565');
    await p.locator('#start-scan input[name="maxPages"]').fill('300');
    await Promise.all([p.waitForURL(/\/scan-jobs\/[0-9a-f]+$/), p.locator('#start-scan button').click()]);
    await p.locator('[data-job][data-state="finished"]').waitFor({ timeout: 90_000 });
    expect(Number(await p.locator('[data-field="pages"]').innerText())).toBeGreaterThan(5);
    expect(await p.locator('[data-field="oit"]').innerText()).toBe('97.32');
    // Judging after the crawl is shown too: every item of the 2565 checklist, judged.
    expect(await p.locator('[data-field="judged"]').innerText()).toBe('43/43 รายการ');
    await shot(p, 'job-desktop.png');
    await Promise.all([p.waitForURL(/\/scans\//), p.locator('a.result').click()]);
    expect(await p.locator('#score .num').first().innerText()).toBe('97.32');
  }, 150_000);

  it('runs one scan at a time: the next waits its turn, and both can be cancelled', async () => {
    const slow = (n: number) =>
      startSite((path) => {
        if (path === '/') return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>เทศบาลช้า ${n}</title></head><body>${Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">ข่าว ${i}</a>`).join(' ')}</body></html>`;
        if (path.startsWith('/p')) return { delayMs: 1500, body: `<html><body><p>ข่าวประชาสัมพันธ์ ${path}</p></body></html>` };
        return undefined;
      });
    const [a, b] = await Promise.all([slow(1), slow(2)]);
    try {
      const p = await ctx.newPage();
      const start = async (url: string) => {
        await p.goto(`${desk.url}scan-jobs`);
        await p.locator('#start-scan input[name="url"]').fill(url);
        await Promise.all([p.waitForURL(/\/scan-jobs\/[0-9a-f]+$/), p.locator('#start-scan button').click()]);
        return p.url();
      };
      const jobA = await start(`${a.origin}/`);
      await p.locator('[data-job][data-state="running"]').waitFor({ timeout: 20_000 });
      const jobB = await start(`${b.origin}/`);
      expect(await p.locator('[data-job]').getAttribute('data-state')).toBe('queued');
      await Promise.all([p.waitForURL(jobB), p.locator('form.cancel button').click()]);
      expect(await p.locator('[data-job]').getAttribute('data-state')).toBe('cancelled');
      await p.goto(jobA);
      await p.locator('[data-job][data-state="running"]').waitFor({ timeout: 20_000 });
      await p.locator('form.cancel button').click();
      await p.locator('[data-job][data-state="cancelled"]').waitFor({ timeout: 30_000 });
      expect(b.hits.size).toBe(0);
      const store = await storeOf();
      const [scanA] = await store.listScans({ site: `${a.origin}/` });
      expect(scanA?.state).toBe('interrupted');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('looks right at phone width, and no page logged an error or asked another origin for anything', async () => {
    const phone = await newContext(390, 844);
    const p = await phone.newPage();
    for (const [path, name] of [['', 'home-phone.png'], [`scans/${latest()}`, 'report-phone.png'], ['queue', 'queue-phone.png']] as const) {
      await p.goto(desk.url + path);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await shot(p, name);
    }
    // a review form opened on a phone: every field fits the screen
    await p.goto(`${desk.url}scans/${latest()}`);
    await p.locator('#review-O3 summary').click();
    await p.locator('#review-O3').scrollIntoViewIfNeeded();
    const box = await p.locator('#review-O3 input[name="url"]').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(p, 'review-phone.png');
    await phone.close();
    const dir = process.env.SERVE_SCREENSHOTS;
    if (dir && existsSync(join(dir, 'review-form-desktop.png'))) copyFileSync(join(dir, 'review-form-desktop.png'), join(dir, 'serve.png'));
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
  });
});

let shared: Awaited<ReturnType<typeof openStore>> | undefined;
/** A second connection to the same SQLite file, as the CLI would open it. */
async function storeOf() {
  return (shared ??= await openStore(db));
}
afterAll(async () => {
  await shared?.close();
});
