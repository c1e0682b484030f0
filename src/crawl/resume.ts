import type { PageStub, ScanStore } from '../store/store.js';
import type { Frontier } from './frontier.js';

/**
 * Rebuilds the in-memory frontier of an interrupted scan from the store: saved snapshots are seen
 * (never fetched again), in-flight entries go back to the queue, queued entries are queued again.
 * Returns the saved snapshots (for the counters) and whether the stored frontier had anything.
 */
export async function loadResumeState(store: ScanStore, scanId: string, frontier: Frontier): Promise<{ saved: PageStub[]; hadFrontier: boolean }> {
  await store.requeueInFlight(scanId);
  const saved: PageStub[] = store.listPageStubs ? await store.listPageStubs(scanId) : await store.listPages(scanId);
  for (const p of saved) frontier.markSeen(p.url);
  let rows;
  if (store.listFrontier) rows = await store.listFrontier(scanId);
  else {
    // Without listFrontier: claim everything queued, then put it back (claim marks entries in-flight).
    rows = (await store.claim(scanId, 1e9)).map((e) => ({ ...e, state: 'queued' as const }));
    await store.requeueInFlight(scanId);
  }
  for (const r of rows) {
    if (r.state === 'queued' && !frontier.has(r.url)) {
      frontier.push({ url: r.url, ...(r.fetchUrl ? { fetchUrl: r.fetchUrl } : {}), depth: r.depth, priority: r.priority, ...(r.referrer ? { referrer: r.referrer } : {}) });
    }
    else frontier.markSeen(r.url);
  }
  return { saved, hadFrontier: rows.length > 0 };
}
