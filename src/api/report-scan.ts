import { ScanResultSchema, type ScanResult } from '../check/scan-result.js';
import { ConfigError } from '../errors.js';
import type { CrawledPage, TrendPoint } from '../report/view-model.js';
import { writeReports } from '../report/write.js';
import type { ScanStore } from '../store/index.js';
import { join } from 'node:path';
import { checklistOfResult } from './scan-checklist.js';

export async function storedResult(store: ScanStore, scanId: string): Promise<ScanResult | undefined> {
  const stored = await store.getResults(scanId);
  return stored ? ScanResultSchema.parse(stored.summary) : undefined;
}

/** A scan with its stored judgement and the checklist it was judged with; a clear error when either is missing. */
export async function loadJudgedScan(store: ScanStore, scanId: string, checklistDir?: string) {
  const scan = await store.getScan(scanId);
  if (!scan) throw new ConfigError(`ไม่พบการสแกน ${scanId}`, `scan ${scanId} is not in ${store.location}`);
  const result = await storedResult(store, scanId);
  if (!result) {
    throw new ConfigError(`การสแกน ${scanId} ยังไม่ได้ตรวจผล — รัน oit check --scan ${scanId} ก่อน`, `scan ${scanId} has not been judged yet; run \`oit check --scan ${scanId}\` first`);
  }
  const { checklist } = checklistOfResult(result, checklistDir);
  return { scan, result, checklist };
}

/** (Re)writes the reports of a judged scan, comparing with the previous judged scan of the same host. */
export async function reportStoredScan(store: ScanStore, scanId: string, options: { out: string; checklistDir?: string; lang?: 'th' | 'en' }) {
  const { scan, ...input } = await storedReportInput(store, scanId, options.checklistDir);
  return writeReports({ ...input, outDir: scanReportDir(options.out, scan.host, scanId), lang: options.lang });
}

/**
 * Everything the reports of a judged scan are rendered from: its result and checklist, the previous
 * judged scan of the same host, its fetch problems and the site's score history. `oit serve` renders
 * the same input in memory, so a served report and report.html cannot drift apart.
 */
export async function storedReportInput(store: ScanStore, scanId: string, checklistDir?: string) {
  const { scan, result, checklist } = await loadJudgedScan(store, scanId, checklistDir);
  let previous: ScanResult | undefined;
  for (const s of await store.listScans({ host: scan.host, limit: 20 })) {
    if (s.id >= scanId || s.state !== 'finished') continue;
    previous = await storedResult(store, s.id);
    if (previous) break;
  }
  // Only fetch problems are shown: stream the pages and keep four fields of each, never their text.
  const pages: CrawledPage[] = [];
  for await (const batch of store.pageBatches(scanId, { batchSize: 500, textHead: 0 })) {
    for (const p of batch) pages.push({ url: p.url, status: p.status, ...(p.error ? { error: p.error } : {}), ...(p.referrer ? { referrer: p.referrer } : {}) });
  }
  const history = await scoreHistory(store, scan.site, scan.startedAt);
  return { scan, result, checklist, previous, pages, history };
}

/** OIT scores of a site's judged scans up to `until` (inclusive), oldest first, at most `limit`. */
export async function scoreHistory(store: ScanStore, site: string, until: string, limit = 24): Promise<TrendPoint[]> {
  const points: TrendPoint[] = [];
  for (const s of await store.listScans({ site, limit: limit * 3 })) {
    if (s.startedAt > until || points.length >= limit) continue;
    const r = await storedResult(store, s.id);
    if (r) points.push({ scanId: s.id, startedAt: s.startedAt, oit: r.oit.score });
  }
  return points.reverse();
}

/** reports/<host>/<scan-id>/ */
export function scanReportDir(out: string, host: string, scanId: string): string {
  return join(out, safeSegment(host), safeSegment(scanId));
}

/** Host names are safe already, but a report path must never be steerable by site data. */
function safeSegment(s: string): string {
  return s.replace(/[^a-zA-Z0-9.-]/g, '_') || 'site';
}
