/**
 * Store cost per crawled page on SQLite and on PostgreSQL: the crawler's batched write (64 pages with
 * their links, new frontier rows and settled states per transaction, as WriteBuffer sends them), the
 * judge's read-back of pages with their HTML, the per-request politeness slot (host_gates), and
 * opening a store (what every queue job does). Disk use per stored page is measured alongside.
 */
import { openStore, type ScanStore } from '../../src/store/index.js';
import type { Snapshot } from './http.js';
import type { StorageFigure } from './storage.js';
import { timeEach, type StageFigure } from './timer.js';

const BATCH = 64;

async function newScan(store: ScanStore, id: string): Promise<void> {
  await store.createScan({ id, site: 'http://127.0.0.1/', host: '127.0.0.1', startedAt: new Date().toISOString(), toolVersion: 'bench', checklistId: 'ita-2566', checklistYear: 2566, checklistHash: '', config: {} });
}

export interface SnapshotSet {
  label: string;
  snapshots: Snapshot[];
}

/** `bytes` measures the store on disk (after each set is written). */
export async function storeStages(name: string, location: string, sets: SnapshotSet[], rounds: number, bytes: () => number): Promise<{ figures: StageFigure[]; storage: StorageFigure[] }> {
  const store = await openStore(location);
  const figures: StageFigure[] = [];
  const storage: StorageFigure[] = [];
  let seq = 0;
  try {
    for (const [i, set] of sets.entries()) {
      if (!set.snapshots.length) continue;
      const scanId = `bench-write-${i}`;
      await newScan(store, scanId);
      const before = bytes();
      let links = 0;
      const html = Math.round(set.snapshots.reduce((a, s) => a + (s.page.html?.length ?? 0), 0) / set.snapshots.length / 1024);
      figures.push(
        await timeEach(`store write, batches of ${BATCH} (${name}): ${set.label}`, 'page', rounds, async () => {
          const pages = Array.from({ length: BATCH }, (_v, k) => {
            const s = set.snapshots[k % set.snapshots.length]!;
            const url = `${s.page.url}?copy=${seq++}`;
            links += s.links.length;
            return { page: { ...s.page, url, finalUrl: url }, links: s.links.map((l) => ({ ...l, fromUrl: url })) };
          });
          // Each page brings a few URLs not seen before, as a crawl of a real site does.
          const enqueue = pages.flatMap((p, k) => Array.from({ length: 5 }, (_v, j) => ({ url: `${p.page.url}&new=${k}-${j}`, depth: 3, priority: 50 })));
          await store.saveBatch!(scanId, { enqueue, pages, settle: pages.map((p) => ({ url: p.page.url, state: 'done' as const, depth: p.page.depth })) });
        }, { perRun: BATCH, warmup: 0, note: `~${html} KB HTML, ${Math.round(set.snapshots.reduce((a, s) => a + s.links.length, 0) / set.snapshots.length)} links per page` }),
      );
      const pages = rounds * BATCH;
      const used = bytes() - before;
      storage.push({ store: `${name}, ${set.label}`, scans: 1, pages, links, bytes: used, bytesPerPage: Math.round(used / pages) });
      figures.push(await timeEach(`store read pages with HTML (${name}): ${set.label}`, 'page', 3, () => store.listPages(scanId, { withHtml: true }), { perRun: pages }));
    }
    if (store.reserveHostSlot) {
      // With a politeness gap (delayMs > 0) every request first reserves its slot in host_gates.
      figures.push(
        await timeEach(`politeness slot per request (${name})`, 'request', 500, (k) => store.reserveHostSlot!(`agency-${Math.abs(k) % 100}.go.th`, 0), {
          warmup: 20, note: 'only when delayMs > 0 (shared host gate)',
        }),
      );
    }
  } finally {
    await store.close();
  }
  figures.push(await timeEach(`open + close store (${name})`, 'open', 10, async () => (await openStore(location)).close(), { warmup: 2 }));
  return { figures, storage };
}
