import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireRunLock, LockError } from '../../src/api/lock.js';
import { siteFilter } from '../../src/api/history.js';
import { normaliseCode } from '../../src/api/review.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { diffScans } from '../../src/check/diff.js';
import { applyOverrides, checkOverrideEvidence } from '../../src/check/overrides.js';
import { buildScanResult } from '../../src/check/scan-result.js';
import { readRunFile, resolveConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { buildIndexView, newIndexReport, trendOf, type IndexSite } from '../../src/report/index-report.js';
import { buildReportView, trendView } from '../../src/report/view-model.js';
import type { ItemOverride, ItemResult, ItemStatus, ScanRecord } from '../../src/store/types.js';

const dir = mkdtempSync(join(tmpdir(), 'oit-ops-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { checklist } = loadChecklist(2565);
function result(id: string, statuses: Partial<Record<string, ItemStatus>>, urls: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  const scan: ScanRecord = {
    id, site: 'https://www.example.go.th/', host: 'www.example.go.th', state: 'finished', startedAt: `2025-0${id.length % 9}-01T00:00:00.000Z`,
    toolVersion: 't', checklistId: checklist.id, checklistYear: checklist.year, checklistHash: 'h', config: {}, stats: { pagesFetched: 1, documentsFetched: 0, errors: 0 },
  };
  const items: ItemResult[] = checklist.items.map((it) => {
    const status = statuses[it.code] ?? 'pass';
    const url = urls[it.code] ?? `https://www.example.go.th/${it.code}`;
    return { code: it.code, title: it.title, subIndicator: it.subIndicator, status, score: status === 'pass' ? 100 : 0, urls: status === 'pass' ? [url] : [], evidence: [], reasons: [], confidence: 1 };
  });
  return { ...buildScanResult(scan, checklist, items), ...extra };
}

describe('diffScans (the one comparison)', () => {
  it('finds regressed, improved and URL-changed items and new dead links', () => {
    const before = result('a', { O5: 'fail', O7: 'not-applicable' }, {}, { deadLinks: [{ url: 'https://www.example.go.th/old', status: 404 }] });
    const after = result('bb', { O2: 'fail', O5: 'pass', O9: 'needs-review', O7: 'fail' }, { O3: 'https://www.example.go.th/new' }, {
      deadLinks: [{ url: 'https://www.example.go.th/old', status: 404 }, { url: 'https://www.example.go.th/x.pdf', status: 0 }],
    });
    const d = diffScans(before, after);
    expect(d.regressed.map((c) => c.code)).toEqual(['O2', 'O9']);
    expect(d.improved.map((c) => c.code)).toEqual(['O5']);
    expect(d.urlChanged.map((c) => c.code)).toEqual(['O3']);
    expect(d.newDeadLinks?.map((l) => l.url)).toEqual(['https://www.example.go.th/x.pdf']);
    expect(d.oitDelta).toBeLessThan(0);
    expect(diffScans(after, after)).toMatchObject({ regressed: [], improved: [], urlChanged: [], newDeadLinks: [], oitDelta: 0 });
    // Results that do not record dead links: unknown, not "none".
    expect(diffScans(result('a', {}), after).newDeadLinks).toBeUndefined();
  });

  it('the report view uses it (new failures, fixed, URL changed) and draws the trend from numbers only', () => {
    const before = result('a', { O5: 'fail' });
    const after = result('bb', { O2: 'fail' }, { O3: 'https://www.example.go.th/new' });
    const v = buildReportView({ result: after, checklist, previous: before, history: [
      { scanId: 'a', startedAt: '2025-01-01T00:00:00Z', oit: 90 }, { scanId: 'x', startedAt: '2025-02-01T00:00:00Z', oit: null }, { scanId: 'bb', startedAt: '2025-03-01T00:00:00Z', oit: 97.5 },
    ] });
    expect(v.diff?.newFailures.map((c) => c.code)).toEqual(['O2']);
    expect(v.diff?.fixed.map((c) => c.code)).toEqual(['O5']);
    expect(v.diff?.urlChanged.map((c) => c.code)).toEqual(['O3']);
    expect(v.trend?.points).toMatch(/^[\d.]+,[\d.]+ [\d.]+,[\d.]+$/);
    expect(v.trend?.dots).toHaveLength(2);
    expect(trendView([{ scanId: 'a', startedAt: '2025-01-01T00:00:00Z', oit: 90 }], 'th')).toBeUndefined();
  });
});

describe('review overrides and their evidence', () => {
  const base: ItemOverride = { site: 's', year: 2565, code: 'O24', status: 'pass', url: 'https://e/doc.pdf', by: 'สมหญิง', createdAt: '2025-11-25T03:00:00.000Z', evidenceHash: 'aaa' };
  const failing: ItemResult = { code: 'O24', title: 't', subIndicator: '9.3', status: 'fail', score: 0, urls: [], evidence: [], reasons: ['ไม่พบ'], confidence: 0.7 };
  const page = (sha256: string, status = 200) => ({ url: 'https://e/doc.pdf', finalUrl: 'https://e/doc.pdf', status, sha256 });

  it('applies a decision whose evidence is unchanged', () => {
    const [o] = checkOverrideEvidence([base], [page('aaa')]);
    expect(o!.evidence).toBe('same');
    expect(applyOverrides([failing], [o!])[0]).toMatchObject({ status: 'pass', score: 100, urls: ['https://e/doc.pdf'] });
  });

  it('turns the item to needs-review with a Thai reason when the evidence changed or is gone', () => {
    for (const [pages, state] of [[[page('bbb')], 'changed'], [[], 'gone'], [[page('aaa', 404)], 'gone']] as const) {
      const [o] = checkOverrideEvidence([base], [...pages]);
      expect(o!.evidence).toBe(state);
      const r = applyOverrides([failing], [o!])[0]!;
      expect(r.status).toBe('needs-review');
      expect(r.override).toBeUndefined();
      expect(r.reasons[0]).toMatch(/^ผลการตรวจโดยเจ้าหน้าที่เมื่อ 25 พ\.ย\. 2568 \(สมหญิง\) ต้องตรวจใหม่เพราะเอกสารเปลี่ยน/);
      expect(r.staleOverride).toMatchObject({ by: 'สมหญิง', evidence: state });
    }
  });

  it('leaves decisions without a recorded hash as they were', () => {
    const { evidenceHash: _h, ...noHash } = base;
    expect(checkOverrideEvidence([noHash], [])[0]!.evidence).toBeUndefined();
    expect(normaliseCode('o05')).toBe('O5');
  });
});

describe('config file with sites', () => {
  const write = (name: string, v: unknown) => {
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(v));
    return f;
  };

  it('layers: flags > env > site entry > file defaults > defaults', () => {
    const f = write('ok.json', { maxPages: 100, delayMs: 5, sites: [{ name: 'x', url: 'https://x.go.th/', maxPages: 50, include: ['/ita'] }], parallel: 3 });
    const run = readRunFile(f);
    expect(run.parallel).toBe(3);
    const site = run.sites[0]!;
    expect(resolveConfig({ file: f, site, env: {} })).toMatchObject({ maxPages: 50, delayMs: 5, include: ['/ita'], concurrency: 8 });
    expect(resolveConfig({ file: f, site, env: { OIT_MAX_PAGES: '20' } }).maxPages).toBe(20);
    expect(resolveConfig({ file: f, site, env: { OIT_MAX_PAGES: '20' }, flags: { maxPages: 10 } }).maxPages).toBe(10);
    // `oit scan --config` with the same file ignores "sites".
    expect(resolveConfig({ file: f, env: {} }).maxPages).toBe(100);
  });

  it('errors name the file and the field', () => {
    const cases: [unknown, RegExp][] = [
      [{ sites: [{ name: 'a', url: 'https://a.go.th/' }, { name: 'b', url: 'ftp://b.go.th/' }] }, /sites\[1\]\.url/],
      [{ sites: [{ name: 'a', url: 'https://a.go.th/', notify: { webhook: 'file:///etc/passwd' } }] }, /sites\[0\]\.notify\.webhook/],
      [{ sites: [{ name: 'a', url: 'https://a.go.th/', notify: {} }] }, /sites\[0\]\.notify/],
      [{ sites: [{ name: 'a', url: 'https://a.go.th/', maxPages: 'many' }] }, /sites\[0\]\.maxPages/],
      [{ sites: [{ name: 'a', url: 'https://a.go.th/', db: 'other.db' }] }, /sites\[0\].*"db"/],
      [{ sites: [{ name: 'a', url: 'https://a.go.th/' }, { name: 'a', url: 'https://b.go.th/' }] }, /unique/],
      [{ parallel: 0, sites: [] }, /parallel/],
    ];
    cases.forEach(([v, field], i) => {
      const f = write(`bad-${i}.json`, v);
      let err: unknown;
      try {
        readRunFile(f);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(v)).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).en).toContain(f);
      expect((err as ConfigError).en).toMatch(field);
    });
  });

  it('resolves --site by name, URL or host', () => {
    const sites = [{ name: 'dan', url: 'https://www.dan.go.th' }];
    expect(siteFilter('dan', sites)).toEqual({ site: 'https://www.dan.go.th/', name: 'dan' });
    expect(siteFilter('https://www.dan.go.th/', sites)).toEqual({ site: 'https://www.dan.go.th/' });
    expect(siteFilter('www.dan.go.th', sites)).toEqual({ host: 'www.dan.go.th' });
    expect(() => siteFilter('nope', sites)).toThrow(ConfigError);
  });
});

describe('run lock', () => {
  it('is exclusive while held, released after, and a dead PID is a stale lock', () => {
    const db = join(dir, 'lock.db');
    const lock = acquireRunLock(db)!;
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    expect(() => acquireRunLock(db)).toThrow(LockError);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: dead }));
    const again = acquireRunLock(db)!;
    expect(JSON.parse(readFileSync(again.file, 'utf8')).pid).toBe(process.pid);
    again.release();
    expect(acquireRunLock(':memory:')).toBeUndefined();
  });
});

describe('index report', () => {
  const site = (name: string, oit: number | null, previousOit: number | null): IndexSite => ({
    name, url: `https://${name}.go.th/`, scanId: oit === null ? null : `20250101-000000-${name.padEnd(6, '0').slice(0, 6)}`, state: 'finished', startedAt: '2025-01-01T00:00:00Z',
    oit, previousOit, change: oit !== null && previousOit !== null ? oit - previousOit : null, trend: trendOf(oit, previousOit), passed: 40, items: 43,
    gaps: [{ code: 'O11', title: 'รายงาน', status: 'fail' }], regressed: [], improved: [], pagesFetched: 3, errors: 0, unreachable: false, report: `${name}.go.th/x/report.html`,
  });
  it('sorts by score, shows trend arrows and never links outside the reports folder', () => {
    const idx = newIndexReport([site('b', 80, 85), site('a', 90, 88), site('c', null, null), site('d', 90, 90)]);
    expect(idx.sites.map((s) => s.name)).toEqual(['a', 'd', 'b', 'c']);
    const v = buildIndexView({ ...idx, sites: [...idx.sites, { ...site('e', 50, null), report: '../../etc/passwd' }] });
    expect(v.rows.map((r) => r.arrow)).toEqual(['▲', '＝', '▼', '•', '–']);
    expect(v.rows.find((r) => r.name === 'e')!.reportHref).toBe('');
    expect(v.rows.find((r) => r.name === 'a')!.reportHref).toBe('a.go.th/x/report.html');
  });
});
