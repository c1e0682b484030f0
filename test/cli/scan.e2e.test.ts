import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed2565 } from '../fixtures/sites/seed-2565.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { closePdfBrowser } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/**
 * The README's main job through the real CLI: scan the seed site served on loopback, then re-judge
 * it offline, re-write its reports and draft the analysis report from the stored scan.
 */
const dir = mkdtempSync(join(tmpdir(), 'oit-scan-cli-'));
let site: FixtureSite;

beforeAll(async () => {
  site = await startSite(await buildRoutes(seed2565));
  await closePdfBrowser();
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Result {
  scan: { id: string; pagesFetched: number };
  items: { code: string; status: string; urls: string[] }[];
  oit: { score: number };
}

describe('oit scan → check → report → analysis on the seed site', () => {
  let result: Result;
  const db = join(dir, 'oit.db');
  const out = join(dir, 'reports');

  it('scans, prints the gaps, writes reports and exits 2 because O11 and O24 are missing', async () => {
    const json = join(dir, 'result.json');
    const r = await runCli(['scan', site.origin + '/', '--year', '2565', '--db', db, '--out', out, '--json', json, '--render', 'never', '--no-ocr'], { cwd: dir, timeoutMs: 120_000 });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('คะแนน OIT: 97.32');
    expect(r.stdout).toMatch(/O11 .*ไม่ผ่าน/);
    expect(r.stdout).toMatch(/O24 .*ไม่ผ่าน/);
    result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.oit.score).toBe(97.32);
    const notPassed = result.items.filter((i) => i.status !== 'pass').map((i) => i.code);
    expect(notPassed).toEqual(['O11', 'O24']);
    expect(result.items.filter((i) => i.status === 'pass').every((i) => i.urls.length > 0 && i.urls[0]!.startsWith(site.origin))).toBe(true);
    const reportDir = join(out, '127.0.0.1', result.scan.id);
    for (const f of ['report.html', 'report.json', 'items.csv', 'itas.csv', 'itas.html']) expect(existsSync(join(reportDir, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'))).toEqual(result);
  });

  it('re-judges the stored scan without the site (server stopped) with the same verdicts', async () => {
    await site.close();
    const json = join(dir, 'recheck.json');
    const r = await runCli(['check', '--scan', result.scan.id, '--db', db, '--json', json, '--quiet'], { cwd: dir });
    expect(r.code).toBe(2);
    const again = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(again.items.map((i) => [i.code, i.status])).toEqual(result.items.map((i) => [i.code, i.status]));
  });

  it('re-judges the same crawl with another year checklist when asked', async () => {
    const json = join(dir, 'as-2566.json');
    const r = await runCli(['check', '--scan', result.scan.id, '--db', db, '--year', '2566', '--json', json, '--quiet'], { cwd: dir });
    expect([0, 2]).toContain(r.code);
    const other = JSON.parse(readFileSync(json, 'utf8')) as { checklist: { id: string }; items: unknown[] };
    expect(other.checklist.id).toBe('ita-2566');
  });

  it('re-writes reports and drafts the analysis report from the store', async () => {
    // restore the 2565 judgement first (the previous test re-judged as 2566)
    expect((await runCli(['check', '--scan', result.scan.id, '--db', db, '--quiet'], { cwd: dir })).code).toBe(2);
    const rep = await runCli(['report', '--scan', result.scan.id, '--db', db, '--out', out, '--lang', 'en'], { cwd: dir });
    expect(rep.code).toBe(0);
    expect(readFileSync(join(out, '127.0.0.1', result.scan.id, 'report.html'), 'utf8')).toMatch(/<html lang="en"/);
    const th = await runCli(['report', '--scan', result.scan.id, '--db', db, '--out', out], { cwd: dir });
    expect(th.code).toBe(0);
    expect(readFileSync(join(out, '127.0.0.1', result.scan.id, 'report.html'), 'utf8')).toMatch(/<html lang="th"/);
    const ana = await runCli(['analysis', '--scan', result.scan.id, '--db', db, '--out', out, '--iit', '84.72,75.90,81.11,71.62,78.38', '--eit', '74.76,66.78,70.81', '--no-pdf'], { cwd: dir });
    expect(ana.code).toBe(0);
    const html = readFileSync(join(out, '127.0.0.1', result.scan.id, 'analysis.html'), 'utf8');
    expect(html).toContain('83.67');
    expect(html).toContain('รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน');
  });
});
