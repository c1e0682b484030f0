import { randomBytes } from 'node:crypto';
import { chooseChecklist } from '../checklist/load.js';
import type { ScanConfig } from '../config/schema.js';
import { crawl } from '../crawl/index.js';
import type { JudgeProgress } from '../check/types.js';
import type { CrawlEvent } from '../crawl/types.js';
import { ConfigError } from '../errors.js';
import { openStore, type ScanStore } from '../store/index.js';
import type { ScanRecord } from '../store/types.js';
import { TOOL_VERSION } from '../version.js';
import { judgeStoredScan, type CheckOutcome } from './check-scan.js';
import { evidenceCheck } from './evidence-check.js';
import { reportStoredScan } from './report-scan.js';
import { assertResumable, currentRunner, prepareHandScan } from './stale-scans.js';

/** What a scan tells as it goes: the crawl's events, then the judgement's progress. */
export type ScanEvent = CrawlEvent | JudgeProgress;
export type ScanEventListener = (event: ScanEvent) => void;

/** All inputs of one site scan. Serialisable except `onEvent`/`signal`, so a job queue can carry it. */
export interface ScanJob {
  url: string;
  config: ScanConfig;
  /** Continue this interrupted scan instead of starting a new one. */
  resumeScanId?: string;
  /** Continue the site's latest interrupted scan (`oit scan <url> --resume` without an id). */
  resumeLatest?: boolean;
  /** The queue job running this scan, recorded on the scan so the job's retry can find and resume it. */
  jobId?: string;
  onEvent?: ScanEventListener;
  signal?: AbortSignal;
}

export interface ScanOutcome extends CheckOutcome {
  reportDir: string;
  reportFiles: string[];
}

/** Validates a start URL the way a user types it ("www.x.go.th" is accepted as https). */
export function parseStartUrl(raw: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`URL ไม่ถูกต้อง: "${raw}" — ตัวอย่าง: https://www.example.go.th/`, `invalid URL "${raw}"; example: https://www.example.go.th/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`รองรับเฉพาะ http และ https: "${raw}"`, `only http and https URLs can be scanned: "${raw}"`);
  }
  if (!url.hostname) throw new ConfigError(`URL ไม่มีชื่อโฮสต์: "${raw}"`, `URL has no host: "${raw}"`);
  // Typed without a scheme, a bare word ("not-a-url") is a mistake, not a host to look up; an intranet
  // name still works with an explicit http:// or https://.
  if (withScheme !== raw && !/[.:]/.test(url.hostname) && url.hostname !== 'localhost') {
    throw new ConfigError(
      `"${raw}" ไม่ใช่ที่อยู่เว็บไซต์ — ตัวอย่าง: www.example.go.th หรือ https://www.example.go.th/`,
      `"${raw}" is not a web address; example: www.example.go.th or https://www.example.go.th/`,
    );
  }
  url.hash = '';
  return url;
}

/** Sortable, path-safe scan id: 20261125-123000-a1b2c3. */
export function newScanId(now = new Date()): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${t}-${randomBytes(3).toString('hex')}`;
}

/**
 * Crawl → judge → report for one site. Everything it learns goes into the store named by
 * config.db; it returns the result as well. A site that is down is a result, not an exception.
 */
export async function scanSite(job: ScanJob, injectedStore?: ScanStore): Promise<ScanOutcome> {
  const start = parseStartUrl(job.url);
  const { checklist, hash, chosen } = chooseChecklist({ year: job.config.year, file: job.config.checklist, dir: job.config.checklistDir });
  const year = checklist.year;
  const store = injectedStore ?? (await openStore(job.config.db));
  try {
    let scan: ScanRecord | undefined;
    // A hand-started scan (no queue job) settles scans a killed oit left running, and says when one can be resumed.
    const hand = job.jobId ? {} : await prepareHandScan(store, start.href, { resumeLatest: job.resumeLatest });
    if (hand.notice) job.onEvent?.({ type: 'warning', message: hand.notice });
    const resumeScanId = job.resumeScanId ?? hand.resumeScanId;
    if (resumeScanId) {
      scan = await store.getScan(resumeScanId);
      if (!scan) throw new ConfigError(`ไม่พบการสแกน ${resumeScanId} ในฐานข้อมูล`, `scan ${resumeScanId} is not in the database`);
      if (!job.jobId) {
        assertResumable(scan);
        await store.updateScan(scan.id, { state: 'running', config: { ...scan.config, runner: currentRunner() } });
      }
    } else {
      scan = await store.createScan({
        id: newScanId(),
        site: start.href,
        host: start.hostname,
        startedAt: new Date().toISOString(),
        toolVersion: TOOL_VERSION,
        checklistId: checklist.id,
        checklistYear: checklist.year,
        checklistHash: hash,
        // How the checklist was chosen travels with the scan: results name the assessment year honestly.
        config: { ...job.config, year, checklistChoice: chosen, ...(job.jobId ? {} : { runner: currentRunner() }) },
        ...(job.jobId ? { jobId: job.jobId } : {}),
      });
    }
    const started = Date.now();
    let stats;
    try {
      stats = await crawl(
        {
          scanId: scan.id,
          startUrl: scan.site,
          config: job.config,
          resume: Boolean(resumeScanId),
          signal: job.signal,
          // The checklist's own words steer the best-first order.
          checklist,
          ...(job.config.untilEvidence ? { evidenceComplete: evidenceCheck(store, scan.id, checklist, scan.site) } : {}),
        },
        store,
        job.onEvent,
      );
    } catch (e) {
      // The original error matters more than a failure to record it (disk full, locked database).
      await store.updateScan(scan.id, { state: job.signal?.aborted ? 'interrupted' : 'failed' }).catch(() => undefined);
      throw e;
    }
    await store.updateScan(scan.id, {
      state: 'finished',
      finishedAt: new Date().toISOString(),
      // This attempt's crawl time (crawl() measured it already) plus earlier attempts' of a resumed scan.
      stats: { ...stats, durationMs: (job.resumeScanId ? (scan.stats.durationMs ?? 0) : 0) + (stats.durationMs ?? Date.now() - started) },
    });
    const checked = await judgeStoredScan(store, scan.id, { checklistDir: job.config.checklistDir, onProgress: job.onEvent });
    const written = await reportStoredScan(store, scan.id, { out: job.config.out, checklistDir: job.config.checklistDir });
    return { ...checked, reportDir: written.dir, reportFiles: written.files };
  } finally {
    if (!injectedStore) await store.close();
  }
}
