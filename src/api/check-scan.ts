import { loadChecklist } from '../checklist/load.js';
import { judge } from '../check/judge.js';
import { buildScanResult, type ScanResult } from '../check/scan-result.js';
import { ConfigError } from '../errors.js';
import type { ScanStore } from '../store/index.js';

export interface CheckOutcome {
  scanId: string;
  result: ScanResult;
}

/**
 * Re-judges a stored scan from its snapshots: no network. With `year`, the same crawl is judged
 * against another year's checklist (the scan record then names that checklist).
 */
export async function judgeStoredScan(store: ScanStore, scanId: string, options: { year?: number; checklistDir?: string } = {}): Promise<CheckOutcome> {
  const scan = await store.getScan(scanId);
  if (!scan) throw new ConfigError(`ไม่พบการสแกน ${scanId} ในฐานข้อมูล ${store.location}`, `scan ${scanId} is not in ${store.location}; list scans with \`oit history\``);
  const loaded = loadChecklist(options.year ?? scan.checklistYear, options.checklistDir);
  const [pages, links, overrides] = await Promise.all([
    store.listPages(scanId, { withHtml: true }),
    store.listLinks(scanId),
    store.listOverrides(scan.site, loaded.checklist.year),
  ]);
  const items = judge({ checklist: loaded.checklist, startUrl: scan.site, pages, links, overrides });
  const judgedScan = { ...scan, checklistId: loaded.checklist.id, checklistYear: loaded.checklist.year, checklistHash: loaded.hash };
  const result = buildScanResult(judgedScan, loaded.checklist, items);
  await store.saveResults(scanId, items, result);
  return { scanId, result };
}
