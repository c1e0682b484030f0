/**
 * One whole scan of a generated agency site on loopback (scanSite: crawl, judge, reports), then the
 * judging of the stored scan (judgeStoredScan) and the writing of its reports (reportStoredScan)
 * again and again, on the given store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { judgeStoredScan } from '../../src/api/check-scan.js';
import { reportStoredScan } from '../../src/api/report-scan.js';
import { scanSite } from '../../src/api/scan-site.js';
import { resolveConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/index.js';
import type { LinkRecord, PageSnapshot } from '../../src/store/types.js';
import type { FleetSite } from '../../test/helpers/fleet-sites.js';
import type { StorageFigure } from './storage.js';
import { timeEach, type StageFigure } from './timer.js';

/** `bytes` measures the store on disk: called before the first scan and after the last. */
export async function scanStages(name: string, location: string, site: FleetSite, n: number, bytes: () => number): Promise<{ figures: StageFigure[]; storage: StorageFigure }> {
  const out = mkdtempSync(join(tmpdir(), 'oit-stage-reports-'));
  const config = resolveConfig({
    env: {},
    flags: { db: location, out, year: 2566, allowPrivate: true, render: 'never', ocr: false, useSitemaps: false, obeyRobots: false, retries: 0, maxPages: 1000, quiet: true },
  });
  let scanId = '';
  let pages = 0;
  // The empty schema is there once the store has been opened.
  await (await openStore(location)).close();
  const emptyBytes = bytes();
  const whole = await timeEach(`whole scan: crawl + judge + reports (${name})`, 'site', 3, async () => {
    const o = await scanSite({ url: site.url, config });
    scanId = o.scanId;
    const store = await openStore(location);
    try {
      const scan = await store.getScan(scanId);
      pages = (scan?.stats.pagesFetched ?? 0) + (scan?.stats.documentsFetched ?? 0);
    } finally {
      await store.close();
    }
  }, { warmup: 1 });
  whole.unit = `site (${pages} pages, loopback, concurrency 8)`;
  const store = await openStore(location);
  try {
    const judged = await timeEach(`judge one scan (${name})`, `scan (${pages} pages)`, n, () => judgeStoredScan(store, scanId));
    const reports = await timeEach(`write its reports (${name})`, 'scan', n, () => reportStoredScan(store, scanId, { out }));
    const scans = await store.listScans({ site: site.url });
    let stored = 0;
    let links = 0;
    for (const s of scans) {
      stored += s.stats.pagesFetched + s.stats.documentsFetched;
      links += (await store.listLinks(s.id)).length;
    }
    await store.close();
    const used = bytes() - emptyBytes;
    return {
      figures: [whole, judged, reports],
      storage: { store: name, scans: scans.length, pages: stored, links, bytes: used, bytesPerPage: Math.round(used / Math.max(1, stored)) },
    };
  } finally {
    await store.close().catch(() => undefined);
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Judging a scan of real-sized pages: `pages` copies of the saved production home page (its menus,
 * 300+ links) under distinct URLs, so the judge reads and weighs what a real CMS site gives it.
 */
export async function realJudgeStage(location: string, snapshots: Array<{ page: PageSnapshot; links: LinkRecord[] }>, pages: number, n: number): Promise<StageFigure[]> {
  if (!snapshots.length) return [];
  const store = await openStore(location);
  try {
    await store.createScan({ id: 'real-judge', site: 'http://127.0.0.1/', host: '127.0.0.1', startedAt: new Date().toISOString(), toolVersion: 'bench', checklistId: 'ita-2566', checklistYear: 2566, checklistHash: '', config: {} });
    for (let k = 0; k < pages; k += 64) {
      const batch = Array.from({ length: Math.min(64, pages - k) }, (_v, j) => {
        const s = snapshots[(k + j) % snapshots.length]!;
        const url = `${s.page.url}?copy=${k + j}`;
        return { page: { ...s.page, url, finalUrl: url }, links: s.links.map((l) => ({ ...l, fromUrl: url })) };
      });
      await store.saveBatch!('real-judge', { enqueue: [], pages: batch, settle: batch.map((p) => ({ url: p.page.url, state: 'done' as const })) });
    }
    const judged = await timeEach('judge one scan of real-sized pages (SQLite)', 'page', n, () => judgeStoredScan(store, 'real-judge'), {
      warmup: 1, perRun: pages, note: `${pages} copies of the real home page in one scan; includes reading them back`,
    });
    return [judged];
  } finally {
    await store.close();
  }
}
