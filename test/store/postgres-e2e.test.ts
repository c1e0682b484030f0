import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeStoredScan } from '../../src/api/check-scan.js';
import { scanSite } from '../../src/api/scan-site.js';
import { resolveConfig } from '../../src/config/load.js';
import { crawl } from '../../src/crawl/index.js';
import { openStore, type ScanStore } from '../../src/store/index.js';
import { seed2565 } from '../fixtures/sites/seed-2565.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { closePdfBrowser } from '../helpers/pdf.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/**
 * The seed agency site on loopback, crawled by the real crawler into SQLite and into PostgreSQL, then
 * judged from each store: the verdicts must be the same, item by item.
 */
const pgMissing = postgresUnavailable();
let dir = '';
let server: TestPostgres | undefined;
let site: FixtureSite;

beforeAll(async () => {
  if (pgMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'oit-pg-e2e-'));
  server = await startPostgres();
  site = await startSite(await buildRoutes(seed2565));
  await closePdfBrowser();
}, 180_000);

afterAll(async () => {
  await site?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const flags = (db: string) => ({
  db, out: join(dir, 'reports'), year: 2565 as const, allowPrivate: true, render: 'never' as const, ocr: false, useSitemaps: false,
  obeyRobots: false, retries: 0, requestTimeoutMs: 10_000, concurrency: 8,
});

async function crawlAndJudge(store: ScanStore) {
  const startUrl = site.origin + '/';
  const config = resolveConfig({ env: {}, flags: flags(store.location) });
  await store.createScan({
    id: 'e2e', site: startUrl, host: new URL(startUrl).host, startedAt: new Date().toISOString(), toolVersion: 'test',
    checklistId: 'ita-2565', checklistYear: 2565, checklistHash: 'fixture', config: {},
  });
  const stats = await crawl({ scanId: 'e2e', startUrl, config }, store);
  await store.updateScan('e2e', { state: 'finished', finishedAt: new Date().toISOString(), stats });
  const { result } = await judgeStoredScan(store, 'e2e');
  return { stats, result, pages: (await store.listPages('e2e')).map((p) => p.url).sort() };
}

const verdicts = (r: { items: Array<{ code: string; status: string; urls: string[]; reasons: string[] }> }) =>
  r.items.map((i) => ({ code: i.code, status: i.status, urls: i.urls, reasons: i.reasons }));

describe.skipIf(pgMissing)(`a fixture site crawled into PostgreSQL${pgMissing ? ` (skipped: ${pgMissing})` : ''}`, () => {
  it('gives the same verdicts as SQLite', async () => {
    const sqlite = await openStore(join(dir, 'oit.db'));
    const pgStore = await openStore(await server!.createDatabase('e2e'));
    try {
      const a = await crawlAndJudge(sqlite);
      const b = await crawlAndJudge(pgStore);
      expect(b.pages).toEqual(a.pages);
      expect(b.stats.pagesFetched).toBe(a.stats.pagesFetched);
      expect(verdicts(b.result)).toEqual(verdicts(a.result));
      expect(b.result.oit.score).toBe(a.result.oit.score);
      expect(b.result.oit.score).toBe(97.32); // the seed site's published score
      expect((await pgStore.getResults('e2e'))?.items).toHaveLength(a.result.items.length);
    } finally {
      await sqlite.close();
      await pgStore.close();
    }
  });

  it('scanSite with --db postgres://… crawls, judges and reports from PostgreSQL', async () => {
    const url = await server!.createDatabase('scansite');
    const outcome = await scanSite({ url: site.origin + '/', config: resolveConfig({ env: {}, flags: flags(url) }) });
    expect(outcome.result.oit.score).toBe(97.32);
    const report = JSON.parse(readFileSync(join(outcome.reportDir, 'report.json'), 'utf8')) as { oit: { score: number } };
    expect(report.oit.score).toBe(97.32);
    const store = await openStore(url);
    try {
      const [scan] = await store.listScans();
      expect(scan?.state).toBe('finished');
      expect(scan?.id).toBe(outcome.scanId);
    } finally {
      await store.close();
    }
  });
});
