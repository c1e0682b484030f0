import { loadChecklist } from '../checklist/load.js';
import type { DeadLink } from '../check/diff.js';
import { judgeLoadedSite, loadSite } from '../check/judge-site.js';
import { checkOverrideEvidence } from '../check/overrides.js';
import { buildScanResult, type ScanResult } from '../check/scan-result.js';
import { ConfigError } from '../errors.js';
import type { ScanStore } from '../store/index.js';
import type { PageSnapshot } from '../store/types.js';

export interface CheckOutcome {
  scanId: string;
  result: ScanResult;
}

/** At most this many dead links are recorded in a result (a broken CMS can produce thousands). */
const DEAD_LINK_LIMIT = 1000;

/** URLs of the scan that did not open (no response, HTTP 4xx/5xx), with the page that linked to them. */
export function deadLinks(pages: Pick<PageSnapshot, 'url' | 'status' | 'error' | 'referrer'>[]): DeadLink[] {
  return pages
    .filter((p) => p.status === 0 || p.status >= 400)
    .sort((a, b) => a.url.localeCompare(b.url))
    .slice(0, DEAD_LINK_LIMIT)
    .map((p) => ({ url: p.url, status: p.status, ...(p.error ? { error: p.error } : {}), ...(p.referrer ? { from: p.referrer } : {}) }));
}

/**
 * Re-judges a stored scan from its snapshots: no network. With `year`, the same crawl is judged
 * against another year's checklist (the scan record then names that checklist). Human decisions are
 * applied only when the evidence they were about is unchanged in this scan.
 */
export async function judgeStoredScan(store: ScanStore, scanId: string, options: { year?: number; checklistDir?: string } = {}): Promise<CheckOutcome> {
  const scan = await store.getScan(scanId);
  if (!scan) throw new ConfigError(`ไม่พบการสแกน ${scanId} ในฐานข้อมูล ${store.location}`, `scan ${scanId} is not in ${store.location}; list scans with \`oit history\``);
  if (scan.prunedAt) {
    throw new ConfigError(
      `การสแกน ${scanId} ถูกลบหน้าเว็บที่เก็บไว้แล้ว (oit prune) จึงตรวจใหม่ไม่ได้ — ผลเดิมยังดูได้ด้วย oit history`,
      `scan ${scanId} was pruned (its pages are deleted), so it cannot be re-judged; its stored result is still in \`oit history\``,
    );
  }
  const loaded = loadChecklist(options.year ?? scan.checklistYear, options.checklistDir);
  // The scan is streamed into a small index and page content is read only for candidates: memory
  // stays bounded whatever the site's size (docs/scale.md).
  const site = await loadSite(scan.site, {
    pages: () => store.pageBatches(scanId, { withHtml: true }),
    links: () => store.linkBatches(scanId),
    load: (urls) => store.getPages(scanId, urls, { withHtml: true }),
  });
  const pages = site.site.pages;
  const overrides = await store.listOverrides(scan.site, loaded.checklist.year);
  const items = await judgeLoadedSite({ checklist: loaded.checklist, ...site, overrides: checkOverrideEvidence(overrides, pages) });
  const judgedScan = { ...scan, checklistId: loaded.checklist.id, checklistYear: loaded.checklist.year, checklistHash: loaded.hash };
  const result: ScanResult = { ...buildScanResult(judgedScan, loaded.checklist, items), deadLinks: deadLinks(pages) };
  await store.saveResults(scanId, items, result);
  return { scanId, result };
}
