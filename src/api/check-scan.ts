import { describeAssessmentYear } from '../checklist/assessment-year.js';
import type { DeadLink } from '../check/diff.js';
import { judgeLoadedSite, loadSite } from '../check/judge-site.js';
import { HEAD_CHARS } from '../check/site-index.js';
import { siteProblem, unreachableItems } from '../check/reachability.js';
import { withWrittenUrls, writtenUrls } from '../check/as-written.js';
import { checkOverrideEvidence } from '../check/overrides.js';
import { buildScanResult, type ScanResult } from '../check/scan-result.js';
import type { JudgeProgress } from '../check/types.js';
import { ConfigError } from '../errors.js';
import type { ScanStore } from '../store/index.js';
import type { PageSnapshot } from '../store/types.js';
import { checklistOfScan } from './scan-checklist.js';

export interface CheckOutcome {
  scanId: string;
  result: ScanResult;
}

/** At most this many dead links are recorded in a result (a broken CMS can produce thousands). */
const DEAD_LINK_LIMIT = 1000;

/** URLs of the scan that did not open (no response, HTTP 4xx/5xx), with the page that linked to them. */
export function deadLinks(pages: Pick<PageSnapshot, 'url' | 'status' | 'error' | 'referrer'>[], written: Map<string, string> = new Map()): DeadLink[] {
  return pages
    .filter((p) => p.status === 0 || p.status >= 400)
    .sort((a, b) => a.url.localeCompare(b.url))
    .slice(0, DEAD_LINK_LIMIT)
    .map((p) => ({ url: written.get(p.url) ?? p.url, status: p.status, ...(p.error ? { error: p.error } : {}), ...(p.referrer ? { from: written.get(p.referrer) ?? p.referrer } : {}) }));
}

/**
 * Re-judges a stored scan from its snapshots: no network. With `year`, the same crawl is judged
 * against another year's checklist (the scan record then names that checklist). Human decisions are
 * applied only when the evidence they were about is unchanged in this scan.
 */
export interface JudgeStoredScanOptions {
  year?: number;
  checklistDir?: string;
  checklist?: string;
  /** Told as items are judged (a big site's judgement takes a while after its crawl). */
  onProgress?: (e: JudgeProgress) => void;
}

export async function judgeStoredScan(store: ScanStore, scanId: string, options: JudgeStoredScanOptions = {}): Promise<CheckOutcome> {
  const scan = await store.getScan(scanId);
  if (!scan) throw new ConfigError(`ไม่พบการสแกน ${scanId} ในฐานข้อมูล ${store.location}`, `scan ${scanId} is not in ${store.location}; list scans with \`oit history\``);
  if (scan.prunedAt) {
    throw new ConfigError(
      `การสแกน ${scanId} ถูกลบหน้าเว็บที่เก็บไว้แล้ว (oit prune) จึงตรวจใหม่ไม่ได้ — ผลเดิมยังดูได้ด้วย oit history`,
      `scan ${scanId} was pruned (its pages are deleted), so it cannot be re-judged; its stored result is still in \`oit history\``,
    );
  }
  const loaded = checklistOfScan(scan, options);
  // Reading a big scan back takes seconds before the first item is judged: say so before it starts.
  options.onProgress?.({ type: 'judging', done: 0, total: loaded.checklist.items.length });
  // The scan is streamed into a small index and page content is read only for candidates: memory
  // stays bounded whatever the site's size (docs/scale.md).
  const site = await loadSite(scan.site, {
    pages: () => store.pageBatches(scanId, { textHead: HEAD_CHARS }),
    links: () => store.linkBatches(scanId),
    load: (urls) => store.getPages(scanId, urls, { withHtml: true }),
  });
  const pages = site.site.pages;
  const overrides = await store.listOverrides(scan.site, loaded.checklist.year);
  // A site of which nothing opened is not judged: every item is `error` with the start page's cause.
  const startPage = pages.find((p) => p.url === scan.site);
  const unreachable = siteProblem(scan.site, pages, startPage ? undefined : await startFrontierState(store, scanId, scan.site));
  // Reported as the site links them (the judge compares normalised URLs only).
  const written = writtenUrls(pages);
  const items = unreachable
    ? unreachableItems(loaded.checklist, unreachable)
    : withWrittenUrls(await judgeLoadedSite({ checklist: loaded.checklist, ...site, overrides: checkOverrideEvidence(overrides, pages), limits: scan.stats.limits, onProgress: options.onProgress }), written);
  const judgedScan = { ...scan, checklistId: loaded.checklist.id, checklistYear: loaded.checklist.year, checklistHash: loaded.hash };
  const built = buildScanResult(judgedScan, loaded.checklist, items, unreachable);
  const assessment = describeAssessmentYear({
    date: new Date(scan.startedAt),
    checklistId: loaded.checklist.id,
    checklistYear: loaded.checklist.year,
    confidence: loaded.checklist.confidence,
    chosen: loaded.chosen,
    ...(loaded.userFile ? { file: loaded.userFile } : {}),
  });
  const result: ScanResult = {
    ...built,
    checklist: { ...built.checklist, ...(loaded.userFile ? { file: loaded.userFile } : {}) },
    assessment: { ...assessment },
    deadLinks: deadLinks(pages, written),
  };
  await store.saveResults(scanId, items, result);
  return { scanId, result };
}

/** The start URL's frontier state, to tell "robots.txt disallowed it" from "never fetched" (stores that list their frontier). */
async function startFrontierState(store: ScanStore, scanId: string, url: string): Promise<string | undefined> {
  if (!store.listFrontier) return undefined;
  const rows = await store.listFrontier(scanId);
  return rows.find((r) => r.url === url)?.state;
}
