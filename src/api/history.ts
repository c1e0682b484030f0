import { diffScans, type ScanDiff } from '../check/diff.js';
import type { ScanResult } from '../check/scan-result.js';
import type { SiteConfig } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import type { ScanStore } from '../store/index.js';
import type { ScanRecord } from '../store/types.js';
import { parseStartUrl } from './scan-site.js';
import { storedResult } from './report-scan.js';

/** Which scans a `--site` argument means: a site name of the config file, a URL, or a host name. */
export interface SiteFilter {
  site?: string;
  host?: string;
  /** The config file's name for the site, when it came from there. */
  name?: string;
}

export function siteFilter(ref: string, sites: SiteConfig[] = []): SiteFilter {
  const named = sites.find((s) => s.name === ref);
  if (named) return { site: parseStartUrl(named.url).href, name: named.name };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.includes('/')) return { site: parseStartUrl(ref).href };
  if (/^[a-z0-9.-]+(:\d+)?$/i.test(ref) && ref.includes('.')) return { host: ref.replace(/:\d+$/, '') };
  const known = sites.map((s) => s.name).join(', ');
  throw new ConfigError(
    `ไม่รู้จักเว็บไซต์ "${ref}" — ใช้ชื่อในไฟล์ตั้งค่า${known ? ` (${known})` : ''} หรือ URL`,
    `unknown site "${ref}": use a site name of the config file${known ? ` (${known})` : ''} or a URL`,
  );
}

export interface HistoryEntry {
  scanId: string;
  site: string;
  host: string;
  name?: string;
  state: ScanRecord['state'];
  startedAt: string;
  finishedAt?: string;
  checklist: string;
  /** OIT score of the stored judgement; null when not judged (or no score). */
  oit: number | null;
  passed: number | null;
  items: number | null;
  pagesFetched: number;
  errors: number;
  /** Retention removed its pages; the scores stay. */
  pruned: boolean;
}

/** Scans with their scores, newest first. */
export async function scanHistory(store: ScanStore, filter: SiteFilter = {}, options: { limit?: number; sites?: SiteConfig[] } = {}): Promise<HistoryEntry[]> {
  const scans = await store.listScans({ ...(filter.site ? { site: filter.site } : {}), ...(filter.host ? { host: filter.host } : {}), limit: options.limit ?? 1000 });
  const names = new Map((options.sites ?? []).map((s) => [safeHref(s.url), s.name]));
  const out: HistoryEntry[] = [];
  for (const s of scans) {
    const r = await storedResult(store, s.id);
    const name = filter.name ?? names.get(s.site);
    out.push({
      scanId: s.id,
      site: s.site,
      host: s.host,
      ...(name ? { name } : {}),
      state: s.state,
      startedAt: s.startedAt,
      ...(s.finishedAt ? { finishedAt: s.finishedAt } : {}),
      checklist: r?.checklist.id ?? s.checklistId,
      oit: r?.oit.score ?? null,
      passed: r ? r.items.filter((i) => i.status === 'pass').length : null,
      items: r ? r.items.length : null,
      pagesFetched: s.stats.pagesFetched,
      errors: s.stats.errors,
      pruned: Boolean(s.prunedAt),
    });
  }
  return out;
}

function safeHref(url: string): string {
  try {
    return parseStartUrl(url).href;
  } catch {
    return url;
  }
}

/** The newest judged scans of a site (started before `before`, when given), newest first. */
export async function judgedScans(store: ScanStore, filter: SiteFilter, count: number, before?: string): Promise<{ scan: ScanRecord; result: ScanResult }[]> {
  const out: { scan: ScanRecord; result: ScanResult }[] = [];
  for (const s of await store.listScans({ ...(filter.site ? { site: filter.site } : {}), ...(filter.host ? { host: filter.host } : {}), limit: 1000 })) {
    if (out.length >= count) break;
    if (before !== undefined && s.startedAt >= before) continue;
    const result = await storedResult(store, s.id);
    if (result) out.push({ scan: s, result });
  }
  return out;
}

async function judged(store: ScanStore, scanId: string): Promise<ScanResult> {
  const scan = await store.getScan(scanId);
  if (!scan) throw new ConfigError(`ไม่พบการสแกน ${scanId} ในฐานข้อมูล ${store.location}`, `scan ${scanId} is not in ${store.location}; list scans with \`oit history\``);
  const result = await storedResult(store, scanId);
  if (!result) {
    throw new ConfigError(`การสแกน ${scanId} ยังไม่มีผลการตรวจ — รัน oit check --scan ${scanId} ก่อน`, `scan ${scanId} has no stored result; run \`oit check --scan ${scanId}\` first`);
  }
  return result;
}

/** Compares two stored scans (A earlier, B later). */
export async function diffStoredScans(store: ScanStore, scanA: string, scanB: string): Promise<ScanDiff> {
  return diffScans(await judged(store, scanA), await judged(store, scanB));
}

/** Compares the last two judged scans of a site. */
export async function diffLatest(store: ScanStore, filter: SiteFilter): Promise<ScanDiff> {
  const [b, a] = await judgedScans(store, filter, 2);
  if (!a || !b) {
    const what = filter.name ?? filter.site ?? filter.host ?? '';
    throw new ConfigError(`เว็บไซต์ ${what} มีผลการตรวจไม่ถึง 2 ครั้ง จึงยังเทียบไม่ได้`, `site ${what} has fewer than two judged scans to compare`);
  }
  return diffScans(a.result, b.result);
}

export interface PruneOutcome {
  scanId: string;
  site: string;
  pages: number;
  links: number;
  frontier: number;
}

/**
 * Retention: for each site, keeps the newest `keep` scans whole and deletes the pages, links and
 * frontier rows of the older ones. Scan rows and results stay, so history and trends survive.
 * Running scans are never touched.
 */
export async function pruneScans(store: ScanStore, options: { keep: number; filter?: SiteFilter; now?: Date }): Promise<PruneOutcome[]> {
  if (!Number.isInteger(options.keep) || options.keep < 1) {
    throw new ConfigError('--keep ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป', '--keep must be a whole number of at least 1');
  }
  const f = options.filter ?? {};
  const scans = await store.listScans({ ...(f.site ? { site: f.site } : {}), ...(f.host ? { host: f.host } : {}), limit: 1_000_000 });
  const seen = new Map<string, number>();
  const pruned: PruneOutcome[] = [];
  const at = (options.now ?? new Date()).toISOString();
  for (const s of scans) {
    const n = (seen.get(s.site) ?? 0) + 1;
    seen.set(s.site, n);
    if (n <= options.keep || s.prunedAt || s.state === 'running') continue;
    const counts = await store.pruneScan(s.id, at);
    pruned.push({ scanId: s.id, site: s.site, ...counts });
  }
  return pruned;
}
