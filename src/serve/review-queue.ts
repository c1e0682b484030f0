import { loadFleet } from '../api/fleet.js';
import { storedResult } from '../api/report-scan.js';
import { normaliseCode } from '../api/review.js';
import { codeNumber } from '../report/format.js';
import type { ScanStore } from '../store/index.js';

/** One item a person still has to look at: a needs-review verdict of a site's latest judged scan. */
export interface QueueEntry {
  site: string;
  host: string;
  scanId: string;
  scanStartedAt: string;
  code: string;
  title: string;
  reasons: string[];
  url?: string;
}

/**
 * The needs-review worklist across every site of the store, oldest scan first (what has waited longest
 * is worked first), then in checklist order. Only each site's latest judged scan counts: an older
 * scan's open question is answered by the newer scan. `code` narrows it to one item, `site` to one site.
 */
export async function reviewQueue(store: ScanStore, filter: { code?: string; site?: string } = {}): Promise<QueueEntry[]> {
  const code = filter.code ? normaliseCode(filter.code) : undefined;
  const fleet = await loadFleet(store);
  const out: QueueEntry[] = [];
  for (const site of fleet.sites) {
    const latest = site.latest;
    if (!latest || latest.unreachable || (filter.site && site.site !== filter.site)) continue;
    const open = Object.entries(latest.statuses).filter(([c, s]) => s === 'needs-review' && (!code || c === code));
    if (!open.length) continue;
    const result = await storedResult(store, latest.scanId);
    for (const item of result?.items ?? []) {
      if (item.status !== 'needs-review' || (code && item.code !== code)) continue;
      const url = item.urls[0] ?? item.evidence[0]?.url;
      out.push({ site: site.site, host: site.host, scanId: latest.scanId, scanStartedAt: latest.startedAt, code: item.code, title: item.title, reasons: item.reasons, ...(url ? { url } : {}) });
    }
  }
  return out.sort((a, b) => a.scanStartedAt.localeCompare(b.scanStartedAt) || a.host.localeCompare(b.host) || codeNumber(a.code) - codeNumber(b.code));
}
