import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeStoredScan } from '../../src/api/check-scan.js';
import { diffStoredScans, pruneScans, scanHistory } from '../../src/api/history.js';
import { storedResult } from '../../src/api/report-scan.js';
import { reviewItem } from '../../src/api/review.js';
import { scanSite } from '../../src/api/scan-site.js';
import { resolveConfig } from '../../src/config/load.js';
import { openStore, type ScanStore } from '../../src/store/index.js';
import { body } from '../fixtures/sites/content.js';
import { seed2565 } from '../fixtures/sites/seed-2565.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { closePdfBrowser, makePdf } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite, type Route } from '../helpers/site-server.js';

/**
 * A site that changes between scans (the seed agency site on loopback): scan, change the served route
 * map, scan again. Library calls for the facts; the real CLI for `oit diff`'s exit codes.
 */
const dir = mkdtempSync(join(tmpdir(), 'oit-ops-'));
const db = join(dir, 'oit.db');
const out = join(dir, 'reports');
let site: FixtureSite;
let routes: Record<string, Route>;
let store: ScanStore;
const config = () =>
  resolveConfig({ env: {}, flags: { db, out, year: 2565, render: 'never', ocr: false, useSitemaps: false, obeyRobots: false, retries: 0, requestTimeoutMs: 10_000 } });
const scan = async () => (await scanSite({ url: site.origin + '/', config: config() })).result;
const html = (path: string) => String(routes[path]!.body);
const item = (r: { items: { code: string; status: string; reasons: string[] }[] }, code: string) => r.items.find((i) => i.code === code)!;

const ids: string[] = [];
let fullO11: Buffer;
let otherYearO10: Buffer;
let changedO24: Buffer;

beforeAll(async () => {
  routes = await buildRoutes(seed2565);
  [fullO11, otherYearO10, changedO24] = await Promise.all([
    makePdf(body('sixmonth-ops', 2565)),
    makePdf(body('opplan', 2563)),
    makePdf(body('proc-annual', 2564) + '<p>ปัญหาอุปสรรคและข้อเสนอแนะ: ปรับปรุงแล้ว ฉบับแก้ไข</p>'),
  ]);
  await closePdfBrowser();
  site = await startSite(routes); // serves the (mutable) map: changes below are seen by the next scan
  store = await openStore(db);
}, 180_000);

afterAll(async () => {
  await store?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a site that changes between two scans', () => {
  it('scan 1 is the seed site (O11 and O24 fail)', async () => {
    const r = await scan();
    ids.push(r.scan.id);
    expect(r.items.filter((i) => i.status !== 'pass').map((i) => i.code)).toEqual(['O11', 'O24']);
  }, 120_000);

  it('scan 2 after the changes: the diff names regressed, improved, URL-changed items and new dead links', async () => {
    // An item disappears: O16's row and document are removed from the ITA page.
    routes['/ita'] = { body: html('/ita').replace(/<tr><td>O16\.<\/td>.*?<\/tr>/, '') };
    delete routes['/files/doc_16.pdf'];
    // A link dies: O13's document now answers 404.
    routes['/files/doc_13.pdf'] = { status: 404, body: 'not found' };
    // A document's year changes: O10's annual plan is now the FY 2563 one.
    routes['/files/doc_10.pdf'] = { headers: { 'content-type': 'application/pdf' }, body: otherYearO10 };
    // Fixed: O11's six-month report now has the budget used.
    routes['/files/doc_11.pdf'] = { headers: { 'content-type': 'application/pdf' }, body: fullO11 };
    // Moved: the duties page has a new address.
    routes['/org/duties'] = routes['/about/duties']!;
    delete routes['/about/duties'];
    for (const p of ['/ita', '/about']) routes[p] = { body: html(p).replaceAll('/about/duties', '/org/duties') };

    const r = await scan();
    ids.push(r.scan.id);
    const d = await diffStoredScans(store, ids[0]!, ids[1]!);
    expect(d.regressed.map((c) => c.code)).toEqual(expect.arrayContaining(['O10', 'O13', 'O16']));
    expect(d.regressed.every((c) => c.from === 'pass' && c.to !== 'pass')).toBe(true);
    expect(d.improved.map((c) => c.code)).toEqual(['O11']);
    expect(d.urlChanged.find((c) => c.code === 'O3')).toMatchObject({ fromUrl: `${site.origin}/about/duties`, toUrl: `${site.origin}/org/duties` });
    expect(d.newDeadLinks?.map((l) => l.url)).toContain(`${site.origin}/files/doc_13.pdf`);
    expect(d.oitDelta).toBeLessThan(0);

    // The report of scan 2 shows the same comparison (one function: diffScans) and the trend.
    const report = readFileSync(join(out, '127.0.0.1', ids[1]!, 'report.html'), 'utf8');
    expect(report).toContain('id="new-failures"');
    expect(report).toContain('id="url-changed"');
    expect(report).toContain('id="new-dead-links"');
    expect(report).toMatch(/<svg id="trend"[^>]*>.*<polyline[^>]*points="[\d., ]+"/s);
  }, 120_000);

  it('oit diff exits 2 on a regression and 0 without', async () => {
    const regressed = await runCli(['diff', '--site', site.origin + '/', '--db', db], { cwd: dir });
    expect(regressed.stderr).toBe('');
    expect(regressed.code).toBe(2);
    expect(regressed.stdout).toMatch(/แย่ลง \/ regressed \(\d+\)/);
    expect(regressed.stdout).toContain('O13');
    expect(regressed.stdout).toContain('/files/doc_13.pdf');
    const json = await runCli(['diff', ids[1]!, ids[0]!, '--db', db, '--json'], { cwd: dir });
    // Backwards, only O11 got worse.
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { regressed: { code: string }[] }).regressed.map((c) => c.code)).toEqual(['O11']);
    const same = await runCli(['diff', ids[1]!, ids[1]!, '--db', db], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no changes');
  }, 60_000);

  it('a review is applied at once, carried over while the evidence is unchanged, and invalidated when it changes', async () => {
    const before = (await storedResult(store, ids[1]!))!;
    expect(item(before, 'O24').status).toBe('fail');
    const r = await reviewItem(store, { target: ids[1]!, code: 'o24', status: 'pass', url: `${site.origin}/files/doc_24.pdf`, note: 'ตรวจแล้ว มีครบ', by: 'สมหญิง (IT)', out });
    expect(r.override.evidenceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.item).toMatchObject({ status: 'pass', override: { by: 'สมหญิง (IT)', automaticStatus: 'fail' } });
    expect(item((await storedResult(store, ids[1]!))!, 'O24').status).toBe('pass');
    // The report says who decided.
    expect(readFileSync(join(out, '127.0.0.1', ids[1]!, 'report.html'), 'utf8')).toContain('สมหญิง (IT)');

    // Scan 3: nothing changed, so the decision still applies.
    const r3 = await scan();
    ids.push(r3.scan.id);
    expect(item(r3, 'O24')).toMatchObject({ status: 'pass', override: { by: 'สมหญิง (IT)' } });

    // Scan 4: the reviewed document changed, so the decision is not applied silently.
    routes['/files/doc_24.pdf'] = { headers: { 'content-type': 'application/pdf' }, body: changedO24 };
    const r4 = await scan();
    ids.push(r4.scan.id);
    const o24 = item(r4, 'O24') as { status: string; reasons: string[]; override?: unknown; staleOverride?: { by: string; evidence: string } };
    expect(o24.status).toBe('needs-review');
    expect(o24.override).toBeUndefined();
    expect(o24.staleOverride).toMatchObject({ by: 'สมหญิง (IT)', evidence: 'changed' });
    expect(o24.reasons[0]).toMatch(/^ผลการตรวจโดยเจ้าหน้าที่เมื่อ .+ ต้องตรวจใหม่เพราะเอกสารเปลี่ยน/);
    const report = readFileSync(join(out, '127.0.0.1', ids[3]!, 'report.html'), 'utf8');
    expect(report).toContain('stale-override');
  }, 180_000);

  it('oit diff exits 0 when nothing regressed (scan 2 → 3, after the review)', async () => {
    const r = await runCli(['diff', ids[1]!, ids[2]!, '--db', db], { cwd: dir });
    expect(r.code).toBe(0);
  }, 60_000);

  it('prune keeps scores: history still lists the pruned scans with their OIT score, their pages are gone', async () => {
    const scores = new Map((await scanHistory(store, {})).map((h) => [h.scanId, h.oit]));
    const pruned = await pruneScans(store, { keep: 2 });
    expect(pruned.map((p) => p.scanId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(pruned.every((p) => p.pages > 0)).toBe(true);
    const history = await scanHistory(store, { site: site.origin + '/' });
    expect(history.map((h) => h.scanId)).toEqual([...ids].reverse());
    for (const h of history) {
      expect(h.oit).toBe(scores.get(h.scanId));
      expect(h.oit).toBeGreaterThan(0);
      expect(h.pruned).toBe(ids.indexOf(h.scanId) < 2);
    }
    expect(await store.listPages(ids[0]!)).toEqual([]);
    expect(await store.listLinks(ids[0]!)).toEqual([]);
    expect((await store.listPages(ids[3]!)).length).toBeGreaterThan(10);
    // The diff between pruned scans still works (results are kept), and a pruned scan cannot be re-judged.
    // (scan 2 was re-judged with the O24 review, so O24 counts as improved too)
    expect((await diffStoredScans(store, ids[0]!, ids[1]!)).improved.map((c) => c.code)).toEqual(['O11', 'O24']);
    await expect(judgeStoredScan(store, ids[0]!)).rejects.toThrow(/pruned/);
    // Pruning again changes nothing.
    expect(await pruneScans(store, { keep: 2 })).toEqual([]);
    expect(existsSync(db)).toBe(true);
  }, 60_000);
});
