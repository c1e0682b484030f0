import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeStoredScan } from '../../src/api/check-scan.js';
import { loadFleet, type Fleet, type FleetSite } from '../../src/api/fleet.js';
import { storedResult } from '../../src/api/report-scan.js';
import { reviewItem } from '../../src/api/review.js';
import { newScanId, parseStartUrl, scanSite } from '../../src/api/scan-site.js';
import { resolveConfig } from '../../src/config/load.js';
import { parseCsv } from '../../src/report/csv.js';
import { newFleetReport, type FleetReport } from '../../src/report/fleet-view.js';
import { FLEET_CSV_HEADER } from '../../src/report/write-fleet.js';
import { openStore } from '../../src/store/index.js';
import type { ItemStatus } from '../../src/store/types.js';
import { TOOL_VERSION } from '../../src/version.js';
import { seed2565 } from '../fixtures/sites/seed-2565.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { closePdfBrowser } from '../helpers/pdf.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite, type Route } from '../helpers/site-server.js';

/**
 * `oit fleet` over a store filled by real scans of loopback sites:
 * - A: the seed agency site, scanned first with its O16 row gone, then whole (trend up);
 * - B: the seed site without O16, scanned once (misses O11, O16, O24);
 * - C: a small site judged under the 2566 checklist, then an interrupted scan (judged anyway by
 *   `oit check`, as a user could) and a scan left running, as a killed worker leaves it;
 * - D: a site that is down; E: listed in the sites file, never scanned.
 * The same fleet is built and read on SQLite and, when the server binaries exist, on PostgreSQL.
 */
const dir = mkdtempSync(join(tmpdir(), 'oit-fleet-'));
const pgMissing = postgresUnavailable();
let server: TestPostgres | undefined;

let full: Record<string, Route>;
let no16: Record<string, Route>;
let aWhole = false;
let siteA: FixtureSite;
let siteB: FixtureSite;
let siteC: FixtureSite;
let downUrl: string;
const NEVER_URL = 'http://127.0.0.1:1/never?q=<script>alert(1)</script>';
const EVIL_NAME = '<img src=x onerror=alert(1)>';

const lookup = (routes: Record<string, Route>, path: string) => routes[path] ?? routes[decodeURI(path)];
const smallPage = (title: string, links = '') => `<html><head><title>${title}</title></head><body><h1>${title}</h1>${links}</body></html>`;

beforeAll(async () => {
  full = await buildRoutes(seed2565);
  await closePdfBrowser();
  no16 = { ...full, '/ita': { body: String(full['/ita']!.body).replace(/<tr><td>O16\.<\/td>.*?<\/tr>/, '') } };
  delete no16['/files/doc_16.pdf'];
  expect(no16['/ita']!.body).not.toEqual(full['/ita']!.body);
  siteA = await startSite((path) => lookup(aWhole ? full : no16, path));
  siteB = await startSite(no16);
  siteC = await startSite({
    '/': smallPage('เทศบาลตำบลค', '<a href="/about">ข้อมูลหน่วยงาน</a> <a href="/contact">ติดต่อเรา</a>'),
    '/about': smallPage('ข้อมูลหน่วยงาน'),
    '/contact': smallPage('ติดต่อเรา โทร 0 4500 0000'),
  });
  // A loopback port that refuses connections: the site that is down.
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  downUrl = `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
  await new Promise<void>((r) => s.close(() => r()));
  if (!pgMissing) server = await startPostgres();
}, 180_000);

afterAll(async () => {
  await Promise.all([siteA?.close(), siteB?.close(), siteC?.close()]);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const config = (db: string, year: number) =>
  resolveConfig({
    env: {},
    flags: { db, out: join(dir, 'reports'), year, allowPrivate: true, render: 'never', ocr: false, useSitemaps: false, obeyRobots: false, retries: 0, requestTimeoutMs: 5_000, concurrency: 8 },
  });

interface Built {
  a1: string;
  a2: string;
  b: string;
  cGood: string;
  cInterrupted: string;
  cRunning: string;
  d: string;
  oit: Record<'a1' | 'a2' | 'b' | 'c', number>;
  statuses: Record<'b' | 'c', Record<string, ItemStatus>>;
}

const listed = () => [
  { name: EVIL_NAME, url: siteA.origin + '/' },
  { name: 'อบต.ข', url: siteB.origin + '/' },
  { name: 'เทศบาลตำบลค', url: siteC.origin + '/' },
  { name: 'down', url: downUrl },
  { name: 'never', url: NEVER_URL },
];

async function buildFleet(db: string): Promise<Built> {
  const scan = async (url: string, year = 2565) => (await scanSite({ url, config: config(db, year) })).result;
  aWhole = false;
  const a1 = await scan(siteA.origin + '/');
  aWhole = true;
  const a2 = await scan(siteA.origin + '/');
  const b = await scan(siteB.origin + '/');
  const c = await scan(siteC.origin + '/', 2566);
  const d = await scan(downUrl);

  // C, again: interrupted after its first page (the crawl stores what it has and rejects).
  const controller = new AbortController();
  await expect(
    scanSite({ url: siteC.origin + '/', config: config(db, 2566), signal: controller.signal, onEvent: (e) => e.type === 'page' && controller.abort() }),
  ).rejects.toBeTruthy();
  const store = await openStore(db);
  try {
    const cSite = parseStartUrl(siteC.origin + '/').href;
    const [interrupted] = await store.listScans({ site: cSite, limit: 1 });
    expect(interrupted!.state).toBe('interrupted');
    // A user may judge any stored scan; that must still not make a half scan the agency's result.
    await judgeStoredScan(store, interrupted!.id);
    expect(await storedResult(store, interrupted!.id)).toBeDefined();
    // And a scan a killed worker left running.
    const running = await store.createScan({
      id: newScanId(), site: cSite, host: '127.0.0.1', startedAt: new Date().toISOString(), toolVersion: TOOL_VERSION,
      checklistId: 'ita-2566', checklistYear: 2566, checklistHash: 'test', config: {},
    });
    const statusesOf = (r: { items: { code: string; status: ItemStatus }[] }) => Object.fromEntries(r.items.map((i) => [i.code, i.status]));
    return {
      a1: a1.scan.id, a2: a2.scan.id, b: b.scan.id, cGood: c.scan.id, cInterrupted: interrupted!.id, cRunning: running.id, d: d.scan.id,
      oit: { a1: a1.oit.score!, a2: a2.oit.score!, b: b.oit.score!, c: c.oit.score! },
      statuses: { b: statusesOf(b), c: statusesOf(c) },
    };
  } finally {
    await store.close();
  }
}

const missing = (s: string) => s !== 'pass' && s !== 'not-applicable';
const bySite = (fleet: { sites: FleetSite[] }, url: string) => fleet.sites.find((s) => s.site === parseStartUrl(url).href)!;

/** The facts both back ends must agree on. */
function checkFleet(fleet: Fleet, report: FleetReport, built: Built) {
  expect(fleet.sites).toHaveLength(5);
  expect(fleet.truncated).toBe(false);

  const a = bySite(fleet, siteA.origin + '/');
  expect(a.name).toBe(EVIL_NAME);
  expect(a.latest).toMatchObject({ scanId: built.a2, checklistId: 'ita-2565', oit: seed2565.expected.oit, unreachable: false });
  expect(a.previous).toMatchObject({ scanId: built.a1, oit: built.oit.a1 });
  expect(built.oit.a1).toBeLessThan(built.oit.a2);
  expect(a.trend).toBe('up');
  expect(a.change).toBe(Math.round((built.oit.a2 - built.oit.a1) * 100) / 100);
  expect(a).toMatchObject({ failures: 0, scans: 2, lastAttempt: { scanId: built.a2, state: 'finished', judged: true } });
  expect(Object.keys(a.latest!.statuses).filter((c) => missing(a.latest!.statuses[c]!))).toEqual(['O11', 'O24']);

  const b = bySite(fleet, siteB.origin + '/');
  expect(b.trend).toBe('new');
  expect(b.previous).toBeNull();
  expect(Object.keys(b.latest!.statuses).filter((c) => missing(b.latest!.statuses[c]!)).sort()).toEqual(['O11', 'O16', 'O24']);

  // C: the interrupted (even though judged) and the running scan are never its result.
  const c = bySite(fleet, siteC.origin + '/');
  expect(c.latest).toMatchObject({ scanId: built.cGood, checklistId: 'ita-2566', checklistYear: 2566, oit: built.oit.c });
  expect(c.previous).toBeNull();
  expect(c.failures).toBe(1);
  expect(c.lastAttempt).toMatchObject({ scanId: built.cRunning, state: 'running', judged: false });
  expect(c.scans).toBe(3);

  const d = bySite(fleet, downUrl);
  expect(d.latest).toMatchObject({ scanId: built.d, unreachable: true, oit: null });
  expect(Object.values(d.latest!.statuses).every((s) => s === 'error')).toBe(true);
  expect(d.failures).toBe(0);

  const e = bySite(fleet, NEVER_URL);
  expect(e).toMatchObject({ name: 'never', latest: null, lastAttempt: null, failures: 0, scans: 0, trend: 'none' });

  // Overall: the down site is scanned but not assessed; the never-scanned one is an agency without a result.
  const assessed = [built.oit.a2, built.oit.b, built.oit.c];
  expect(report.overall).toEqual({
    agencies: 5,
    scanned: 4,
    notScanned: 1,
    unreachable: 1,
    assessed: 3,
    passing: assessed.filter((x) => x >= 85).length,
    meanOit: Math.round((assessed.reduce((x, y) => x + y, 0) / 3) * 100) / 100,
    withMissing: 4,
    withFailures: 1,
    failures: 1,
    running: 1,
  });
  expect(report.overall.passing).toBeGreaterThanOrEqual(2); // A (97.32) and B at least

  // Summary by item, per checklist year, against the fixtures' ground truth (A: O11, O24; B: also O16).
  expect(report.items.map((g) => [g.checklistId, g.agencies])).toEqual([['ita-2565', 2], ['ita-2566', 1]]);
  const g65 = report.items[0]!;
  const truthA = seed2565.expected.items;
  const truthB: Record<string, ItemStatus> = { ...truthA, O16: 'fail' };
  expect(g65.items.map((i) => i.code).sort()).toEqual(Object.keys(truthA).sort());
  for (const i of g65.items) {
    const want = [truthA[i.code]!, truthB[i.code]!].filter(missing).length;
    expect({ code: i.code, agencies: i.agencies, missing: i.missing, percent: i.percent }).toEqual({ code: i.code, agencies: 2, missing: want, percent: (100 * want) / 2 });
    expect(i.title).not.toBe('');
  }
  expect(g65.items.slice(0, 3).map((i) => [i.code, i.percent])).toEqual([['O11', 100], ['O24', 100], ['O16', 50]]);
  expect(g65.items.find((i) => i.code === 'O16')!.needsReview).toBe(built.statuses.b.O16 === 'needs-review' ? 1 : 0);
  const g66 = report.items[1]!;
  const cMissing = Object.values(built.statuses.c).filter(missing).length;
  expect(g66.items.reduce((n, i) => n + i.missing, 0)).toBe(cMissing);
  expect(g66.items.filter((i) => i.percent === 100)).toHaveLength(cMissing);

  // Rows: no result first, then the lowest OIT score.
  expect(report.sites[0]!.name).toBe('never');
  const scores = report.sites.slice(1).map((s) => s.latest!.oit!);
  expect(scores).toEqual([...scores].sort((x, y) => x - y));
  expect(report.sites[1]!.site).toBe(parseStartUrl(downUrl).href);
}

describe('oit fleet on SQLite', () => {
  const db = join(dir, 'oit.db');
  let built: Built;

  beforeAll(async () => {
    built = await buildFleet(db);
  }, 240_000);

  it('loads every agency: latest finished result, trend, failures, unreachable, summary by item', async () => {
    const store = await openStore(db);
    try {
      const fleet = await loadFleet(store, { sites: listed() });
      checkFleet(fleet, newFleetReport(fleet), built);
      // Without a list there are no names and no never-scanned agency; a tiny scan limit says it cut.
      const bare = await loadFleet(store);
      expect(bare.sites).toHaveLength(4);
      expect(bare.sites.every((s) => s.name === null)).toBe(true);
      expect((await loadFleet(store, { scanLimit: 3 })).truncated).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('finds a result behind more failed attempts than the per-site window holds', async () => {
    const copy = join(dir, 'many-failures.db');
    copyFileSync(db, copy);
    const store = await openStore(copy);
    try {
      const site = parseStartUrl(siteA.origin + '/').href;
      for (let i = 0; i < 13; i++) {
        const s = await store.createScan({
          id: newScanId(new Date(Date.now() + (i + 1) * 1000)), site, host: '127.0.0.1', startedAt: new Date(Date.now() + (i + 1) * 1000).toISOString(),
          toolVersion: TOOL_VERSION, checklistId: 'ita-2565', checklistYear: 2565, checklistHash: 'test', config: {},
        });
        await store.updateScan(s.id, { state: 'interrupted' });
      }
      const a = bySite(await loadFleet(store), siteA.origin + '/');
      expect(a.latest?.scanId).toBe(built.a2);
      expect(a.previous?.scanId).toBe(built.a1);
      expect(a.failures).toBe(13);
    } finally {
      await store.close();
    }
  });

  it('oit fleet writes fleet.html, fleet.csv, fleet-items.csv and fleet.json, prints the summary, exits 2', async () => {
    const csvIn = join(dir, 'agencies.csv');
    writeFileSync(csvIn, 'name,url\n' + listed().map((s) => `${s.name},${s.url}`).join('\n') + '\n');
    const out = join(dir, 'fleet-th');
    const r = await runCli(['fleet', '--db', db, '--out', out, '--sites', csvIn], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('หน่วยงาน / agencies: 5');
    expect(r.stdout).toMatch(/O11 +ขาดใน \/ missing at +100 % \(2\/2\)/);
    expect(r.stdout).toMatch(/O16 +ขาดใน \/ missing at +50 % \(1\/2\)/);
    for (const f of ['fleet.html', 'fleet.csv', 'fleet-items.csv', 'fleet.json']) expect(r.stdout).toContain(join(out, f));

    const json = JSON.parse(readFileSync(join(out, 'fleet.json'), 'utf8')) as FleetReport;
    expect(json.schema).toBe('oit-fleet/1');
    expect(json.overall.agencies).toBe(5);

    const csvText = readFileSync(join(out, 'fleet.csv'), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const csv = parseCsv(csvText);
    expect(csv[0]).toEqual(FLEET_CSV_HEADER);
    expect(csv).toHaveLength(6);
    const col = (name: string) => FLEET_CSV_HEADER.indexOf(name);
    const rowA = csv.find((row) => row[col('url')] === parseStartUrl(siteA.origin + '/').href)!;
    expect(rowA[col('name')]).toBe(EVIL_NAME);
    expect(rowA[col('oit')]).toBe('97.32');
    expect(rowA[col('trend')]).toBe('up');
    expect(rowA[col('missing')]).toBe('2');
    expect(`${rowA[col('not_passed_items')]} ${rowA[col('needs_review_items')]}`.trim().split(' ').sort()).toEqual(['O11', 'O24']);
    const rowC = csv.find((row) => row[col('name')] === 'เทศบาลตำบลค')!;
    expect([rowC[col('scan_id')], rowC[col('failures')], rowC[col('last_attempt_state')], rowC[col('checklist')]]).toEqual([built.cGood, '1', 'running', 'ita-2566']);
    expect(csv.find((row) => row[col('name')] === 'down')![col('unreachable')]).toBe('yes');
    const items = parseCsv(readFileSync(join(out, 'fleet-items.csv'), 'utf8'));
    expect(items.find((row) => row[0] === 'ita-2565' && row[2] === 'O24')!.slice(4)).toEqual(['2', '2', '0', '100.00']);

    const html = readFileSync(join(out, 'fleet.html'), 'utf8');
    expect(html).toContain('<html lang="th">');
    for (const heading of ['ภาพรวมผลการตรวจ OIT ของทุกหน่วยงาน', 'สรุปภาพรวม', 'สรุปรายข้อ: ข้อที่หน่วยงานขาดมากที่สุด', 'รายหน่วยงาน']) expect(html).toContain(heading);
    expect(html.match(/<tr data-site=/g)).toHaveLength(5);
    expect(html).toMatch(/<tr data-item="O11">.*?2 จาก 2.*?100 %/s);
    expect(html).toMatch(/<tr data-item="O16">.*?1 จาก 2.*?50 %/s);
    expect(html).toContain('เปิดหน้าแรกของเว็บไซต์ไม่ได้');
    expect(html).toContain('ตรวจไม่สำเร็จ 1 ครั้งนับจากผลล่าสุด');
    expect(html).toContain('กำลังตรวจอยู่');
    expect(html).toContain('ยังไม่เคยตรวจ');
    expect(html).toMatch(/trend-up">▲ \+\d+\.\d\d/);
    // Site data is escaped, and the page asks for nothing from anywhere.
    expect(html).not.toContain(EVIL_NAME);
    expect(html).toMatch(/&lt;img src(=|&#x3D;)x onerror(=|&#x3D;)alert\(1\)&gt;/);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).toContain("default-src 'none'");
  }, 60_000);

  it('--lang en writes the English report', async () => {
    const out = join(dir, 'fleet-en');
    const r = await runCli(['fleet', '--db', db, '--out', out, '--lang', 'en', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as FleetReport).overall.agencies).toBe(4);
    const html = readFileSync(join(out, 'fleet.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('OIT results across all agencies');
    expect(html).toContain('By item: what agencies miss most');
    expect(html).not.toContain('ภาพรวมผลการตรวจ');
  }, 60_000);

  it('exits 1 for a database that does not exist (without creating it) or is not a database', async () => {
    const nope = join(dir, 'nope.db');
    const r = await runCli(['fleet', '--db', nope, '--out', join(dir, 'x')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ไม่พบฐานข้อมูล');
    expect(existsSync(nope)).toBe(false);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, just text that is long enough to have a header '.repeat(20));
    const j = await runCli(['fleet', '--db', junk, '--out', join(dir, 'y')], { cwd: dir });
    expect(j.code).toBe(1);
    expect(j.stderr).not.toMatch(/internal error/i);
    expect(existsSync(join(dir, 'y'))).toBe(false);
  }, 60_000);

  it('exits 0 when every agency has every item (here after a person reviewed the two gaps), into <out>/fleet by default', async () => {
    const db2 = join(dir, 'all-pass.db');
    aWhole = true;
    const r1 = (await scanSite({ url: siteA.origin + '/', config: config(db2, 2565) })).result;
    const store = await openStore(db2);
    try {
      for (const code of ['O11', 'O24']) {
        await reviewItem(store, { target: r1.scan.id, code, status: 'pass', url: `${siteA.origin}/files/doc_${code.slice(1)}.pdf`, by: 'ผู้ตรวจ' });
      }
    } finally {
      await store.close();
    }
    const r = await runCli(['fleet', '--db', db2], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ทุกหน่วยงานผ่านทุกข้อ');
    const json = JSON.parse(readFileSync(join(dir, 'reports', 'fleet', 'fleet.json'), 'utf8')) as FleetReport;
    expect(json.sites[0]!.latest!.oit).toBe(100);
    expect(json.overall).toMatchObject({ agencies: 1, passing: 1, withMissing: 0 });
  }, 120_000);
});

describe.skipIf(pgMissing)('oit fleet on PostgreSQL', () => {
  it('the same fleet, scanned into PostgreSQL, loads the same way', async () => {
    const db = await server!.createDatabase('fleet');
    const built = await buildFleet(db);
    const store = await openStore(db);
    try {
      const fleet = await loadFleet(store, { sites: listed() });
      checkFleet(fleet, newFleetReport(fleet), built);
    } finally {
      await store.close();
    }
    const r = await runCli(['fleet', '--db', db, '--out', join(dir, 'fleet-pg')], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(parseCsv(readFileSync(join(dir, 'fleet-pg', 'fleet.csv'), 'utf8'))).toHaveLength(5);
  }, 240_000);
});
