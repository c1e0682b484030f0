import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSite } from '../../src/api/scan-site.js';
import { assessmentYearOf, describeAssessmentYear } from '../../src/checklist/assessment-year.js';
import { availableYears, chooseChecklist, defaultChecklistDir } from '../../src/checklist/load.js';
import { ChecklistItem } from '../../src/checklist/schema.js';
import { resolveConfig } from '../../src/config/load.js';
import { seed2565 } from '../fixtures/sites/seed-2565.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { closePdfBrowser } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/** Issue 16: which year is assessed now, a user's own checklist file, and a hand-made 2568 site. */
const dir = mkdtempSync(join(tmpdir(), 'oit-years-'));
let seed: FixtureSite;
let site68: FixtureSite;

const CONTACT = 'ที่อยู่ 99 หมู่ที่ 4 ตำบลบ้านใหม่ อำเภอเมือง จังหวัดนครราชสีมา 30000 โทรศัพท์ 044-123-456 อีเมล saraban@banmai.go.th';
const MENU = '<ul class="menu"><li><a href="/">หน้าหลัก</a></li><li><a href="/ita">ITA 2568</a></li><li><a href="/contact">ติดต่อเรา</a></li></ul>';
const html = (title: string, body: string) => `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title} - องค์การบริหารส่วนตำบลบ้านใหม่</title></head><body>${MENU}<main><h1>${title}</h1>${body}</main></body></html>`;

/**
 * A small อบต. site laid out for ITA 2568: an ITA page with a row per item it has. O1, O3, O4 are
 * there and complete; O19 (complaint statistics) shows only FY 2565, a year 2568 accepts from neither
 * side (2568 or 2567); everything else of the 2568 list is simply not published.
 */
const routes68 = {
  '/': html('หน้าหลัก', '<p>ยินดีต้อนรับสู่เว็บไซต์องค์การบริหารส่วนตำบลบ้านใหม่</p><a href="/news">ข่าวประชาสัมพันธ์</a>'),
  '/ita': html(
    'การประเมินคุณธรรมและความโปร่งใส ITA 2568',
    `<table><tr><th>ข้อ</th><th>ข้อมูล</th><th>URL</th></tr>
     <tr><td>O1</td><td>โครงสร้างและอำนาจหน้าที่</td><td><a href="/about/structure">คลิกที่นี่</a></td></tr>
     <tr><td>O3</td><td>ข้อมูลการติดต่อ</td><td><a href="/contact">คลิกที่นี่</a></td></tr>
     <tr><td>O4</td><td>ข่าวประชาสัมพันธ์</td><td><a href="/news">คลิกที่นี่</a></td></tr>
     <tr><td>O19</td><td>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td><td><a href="/complaint-stats">คลิกที่นี่</a></td></tr>
     </table>`,
  ),
  '/about/structure': html(
    'โครงสร้างและอำนาจหน้าที่',
    '<h2>แผนผังโครงสร้าง</h2><ul><li>สำนักปลัด</li><li>กองคลัง</li><li>กองช่าง</li><li>กองการศึกษา ศาสนาและวัฒนธรรม</li></ul><h2>อำนาจหน้าที่</h2><p>องค์การบริหารส่วนตำบลมีอำนาจหน้าที่ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 มาตรา 66 และมาตรา 67 ในการพัฒนาตำบลทั้งด้านเศรษฐกิจ สังคม และวัฒนธรรม</p>',
  ),
  '/contact': html('ติดต่อเรา', `<p>${CONTACT}</p>`),
  '/news': html(
    'ข่าวประชาสัมพันธ์',
    '<ul><li>15 มกราคม 2568 ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2568</li><li>2 ธันวาคม 2567 กิจกรรมวันพ่อแห่งชาติ ณ ที่ว่าการอำเภอ</li><li>20 พฤศจิกายน 2567 ข่าวการรับสมัครเด็กเข้าศูนย์พัฒนาเด็กเล็ก</li></ul>',
  ),
  '/complaint-stats': html(
    'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2565',
    '<table><tr><th>ปีงบประมาณ พ.ศ. 2565</th><th>จำนวนเรื่อง</th><th>แล้วเสร็จ</th><th>อยู่ระหว่างดำเนินการ</th></tr><tr><td>เรื่องร้องเรียนการทุจริต</td><td>2</td><td>2</td><td>0</td></tr></table>',
  ),
};

beforeAll(async () => {
  seed = await startSite(await buildRoutes(seed2565));
  site68 = await startSite(routes68);
  await closePdfBrowser();
});
afterAll(async () => {
  await Promise.all([seed?.close(), site68?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const config = (name: string, extra: Record<string, unknown> = {}) =>
  resolveConfig({
    env: {},
    flags: { db: join(dir, `${name}.db`), out: join(dir, 'reports'), render: 'never', ocr: false, useSitemaps: false, obeyRobots: false, retries: 0, requestTimeoutMs: 5000, ...extra },
  });

describe('the assessment year of a date', () => {
  it('follows the Thai fiscal year in Bangkok time', () => {
    expect(assessmentYearOf(new Date('2026-12-06T12:00:00Z'))).toBe(2570);
    expect(assessmentYearOf(new Date('2026-09-30T16:59:00Z'))).toBe(2569); // 23:59 on 30 Sep in Bangkok
    expect(assessmentYearOf(new Date('2026-09-30T17:00:00Z'))).toBe(2570); // 00:00 on 1 Oct in Bangkok
    expect(assessmentYearOf(new Date('2025-03-01T00:00:00Z'))).toBe(2568);
  });

  it('names the year and the stand-in checklist when the year has none (FY 2570 today)', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(availableYears()).not.toContain(2570);
    const chosen = chooseChecklist({ now });
    expect(chosen.checklist.id).toBe('ita-2569');
    expect(chosen.chosen).toBe('default');
    const y = describeAssessmentYear({ date: now, checklistId: chosen.checklist.id, checklistYear: 2569, confidence: chosen.checklist.confidence, chosen: 'default' });
    expect(y).toMatchObject({ year: 2570, checklistYear: 2569, fallback: true });
    expect(y.th).toMatch(/ITA 2570.*ยังไม่มี checklist ของปี 2570 จึงใช้ ita-2569 \(ชั่วคราว/);
    expect(y.en).toMatch(/no checklist for 2570; using ita-2569 \(provisional\)/);
    // In FY 2568 the 2568 checklist is the year's own: no fallback.
    const in68 = describeAssessmentYear({ date: new Date('2025-03-01T00:00:00Z'), checklistId: 'ita-2568', checklistYear: 2568, confidence: 'provisional', chosen: 'default' });
    expect(in68.fallback).toBe(false);
    expect(chooseChecklist({ now: new Date('2025-03-01T00:00:00Z') }).checklist.id).toBe('ita-2568');
  });

  it('oit scan without --year says which year is assessed in the CLI, report.json and report.html', async () => {
    const json = join(dir, 'default-year.json');
    const r = await runCli(['scan', site68.origin + '/', '--db', join(dir, 'cli.db'), '--out', join(dir, 'cli-reports'), '--json', json, '--render', 'never', '--no-ocr', '--no-use-sitemaps'], {
      cwd: dir,
      timeoutMs: 90_000,
    });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(2);
    const now = assessmentYearOf(new Date());
    const result = JSON.parse(readFileSync(json, 'utf8')) as { checklist: { year: number }; assessment: { year: number; fallback: boolean; chosen: string; th: string } };
    expect(result.assessment.year).toBe(now);
    expect(result.assessment.chosen).toBe('default');
    expect(result.assessment.fallback).toBe(!availableYears().includes(now));
    expect(r.stdout).toContain(result.assessment.th);
    expect(r.stdout).toContain(`ITA ${now}`);
    const html = readFileSync(join(dir, 'cli-reports', '127.0.0.1', (JSON.parse(readFileSync(json, 'utf8')) as { scan: { id: string } }).scan.id, 'report.html'), 'utf8');
    expect(html).toContain('id="assessment-year"');
    expect(html).toContain(`ITA ${now}`);
  });
});

describe('a hand-made 2568 site', () => {
  it('judges the items it has and the items it lacks as a grader would', async () => {
    const { result } = await scanSite({ url: site68.origin + '/', config: config('site68', { year: 2568 }) });
    const status = Object.fromEntries(result.items.map((i) => [i.code, i.status]));
    expect(result.checklist).toMatchObject({ id: 'ita-2568', confidence: 'provisional' });
    expect(result.items).toHaveLength(20);
    expect(status).toMatchObject({ O1: 'pass', O3: 'pass', O4: 'pass' });
    expect(result.items.find((i) => i.code === 'O1')!.urls[0]).toBe(site68.origin + '/about/structure');
    expect(result.items.find((i) => i.code === 'O3')!.urls[0]).toBe(site68.origin + '/contact');
    // O19 is there but for FY 2565: never a pass.
    expect(status.O19).not.toBe('pass');
    // Nothing else is published.
    for (const code of ['O8', 'O9', 'O10', 'O11', 'O12', 'O13', 'O14', 'O15', 'O16', 'O17', 'O18', 'O20', 'O21', 'O22', 'O23', 'O24']) {
      expect(status[code], code).toBe('fail');
    }
    // Unknown items are not judged at all.
    for (const code of ['O2', 'O5', 'O6', 'O7', 'O25', 'O26']) expect(status[code], code).toBeUndefined();
    // 9.1 has O1, O3, O4 → 100; 9.5 has 0 of 4; 10.2 has no checked item and is left out.
    expect(result.subIndicators.find((s) => s.id === '9.1')!.score).toBe(100);
    expect(result.subIndicators.find((s) => s.id === '9.5')!.score).toBe(0);
    expect(result.subIndicators.some((s) => s.id === '10.2')).toBe(false);
  });
});

describe('a user\'s own checklist file', () => {
  const shipped = () => JSON.parse(readFileSync(join(defaultChecklistDir(), 'ita-2565.json'), 'utf8')) as { title: string; items: { code: string }[]; [k: string]: unknown };

  it('scans the seed site with a checklist from a temp file (an officer\'s list without O11)', async () => {
    const mine = shipped();
    mine.title = 'รายการ OIT ที่ อบต. จัดทำเองจากคู่มือ ป.ป.ช.';
    mine.items = mine.items.filter((i) => i.code !== 'O11');
    const file = join(dir, 'my-oit-2565.json');
    writeFileSync(file, JSON.stringify(mine, null, 2));
    const outcome = await scanSite({ url: seed.origin + '/', config: config('mine', { checklist: file }) });
    const r = outcome.result;
    expect(r.checklist).toMatchObject({ id: 'ita-2565', year: 2565, file });
    expect(r.assessment).toMatchObject({ chosen: 'file', fallback: false });
    expect(r.items).toHaveLength(42);
    expect(r.items.filter((i) => i.status !== 'pass').map((i) => i.code)).toEqual(['O24']);
    // The stored scan remembers the file: re-judging and re-reporting use it again.
    const recheck = await runCli(['check', '--scan', r.scan.id, '--db', join(dir, 'mine.db'), '--json', join(dir, 'mine-again.json'), '--quiet'], { cwd: dir });
    expect(recheck.code).toBe(2);
    expect((JSON.parse(readFileSync(join(dir, 'mine-again.json'), 'utf8')) as { items: unknown[] }).items).toHaveLength(42);
    expect(readFileSync(join(outcome.reportDir, 'report.html'), 'utf8')).toContain(mine.title);
  });

  it('a broken checklist stops oit scan before anything is fetched, with one message naming file, item and field', async () => {
    const broken = shipped() as { items: Array<Record<string, unknown>> };
    delete broken.items[10]!.period;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const before = seed.hits.get('/') ?? 0;
    const r = await runCli(['scan', seed.origin + '/', '--checklist', file, '--db', join(dir, 'broken.db'), '--out', join(dir, 'broken-reports')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.json');
    expect(r.stderr).toContain('items[10] (O11).period');
    expect(r.stderr.trim().split('\n')).toHaveLength(2); // Thai line + English line
    expect(seed.hits.get('/') ?? 0).toBe(before);

    const v = await runCli(['checklists', '--validate', file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('items[10] (O11).period');
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ "id": "ita-2570", ');
    const nj = await runCli(['checklists', '--validate', notJson]);
    expect(nj.code).toBe(1);
    expect(nj.stderr).toMatch(/not-json\.json.*JSON/);
  });

  it('oit checklists --validate accepts a good file and says what it holds', async () => {
    const ok = await runCli(['checklists', '--validate', join(defaultChecklistDir(), 'ita-2569.json')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ita-2569 ปี 2569 · 23 ข้อ/);
    expect(ok.stdout).toContain('O2, O6, O7');
  });

  it('the worked example item of checklists/README.md is a valid item', () => {
    const md = readFileSync(join(defaultChecklistDir(), 'README.md'), 'utf8');
    const block = /```json\n(\{\n  "code": "O12"[\s\S]*?)\n```/.exec(md);
    expect(block).not.toBeNull();
    const parsed = ChecklistItem.safeParse(JSON.parse(block![1]!));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data!.period).toBe('previous-fy');
  });

  it('--checklist and --year together are ambiguous', () => {
    expect(() => chooseChecklist({ year: 2566, file: join(defaultChecklistDir(), 'ita-2565.json') })).toThrow(/--checklist.*--year|either/);
  });

  it('a config file\'s checklist path is relative to the config file', () => {
    const sub = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(sub, 'oit.config.json'), JSON.stringify({ checklist: 'lists/mine.json' }));
    expect(resolveConfig({ env: {}, file: join(sub, 'oit.config.json') }).checklist).toBe(join(sub, 'lists', 'mine.json'));
    // The higher layer wins between a file's checklist and a year: --year over the file's "checklist" …
    const byYear = resolveConfig({ env: {}, file: join(sub, 'oit.config.json'), flags: { year: 2566 } });
    expect([byYear.year, byYear.checklist]).toEqual([2566, undefined]);
    // … and a --checklist flag over the file's "year".
    writeFileSync(join(sub, 'year.json'), JSON.stringify({ year: 2568 }));
    const byFile = resolveConfig({ env: {}, file: join(sub, 'year.json'), flags: { checklist: 'x.json' } });
    expect(byFile.year).toBeUndefined();
    expect(byFile.checklist).toMatch(/x\.json$/);
  });
});
