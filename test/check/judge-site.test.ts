import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { judgeStoredScan } from '../../src/api/check-scan.js';
import { judge } from '../../src/check/judge.js';
import { judgeLoadedSite, loadSite } from '../../src/check/judge-site.js';
import { HEAD_CHARS } from '../../src/check/site-index.js';
import type { JudgeProgress } from '../../src/check/types.js';
import { openStore, type ScanStore } from '../../src/store/index.js';
import type { LinkRecord, PageSnapshot } from '../../src/store/types.js';
import { FIXTURE_SITES } from '../fixtures/sites/index.js';
import { offlineScan } from '../helpers/offline-scan.js';

/**
 * Judging a stored scan by streaming it into the site index and reading page content lazily gives the
 * very item results (statuses, URLs, evidence, reasons) that `judge` gives over the whole scan in
 * memory, also when the content cache is too small to keep anything between items.
 */
async function stored(site: (typeof FIXTURE_SITES)[number]): Promise<{ store: ScanStore; startUrl: string }> {
  const scan = offlineScan(site);
  const store = await openStore(':memory:');
  await store.createScan({
    id: 's', site: scan.startUrl, host: new URL(scan.startUrl).host, startedAt: new Date().toISOString(), toolVersion: 'test',
    checklistId: `ita-${site.year}`, checklistYear: site.year, checklistHash: '', config: {},
  });
  const byPage = new Map<string, LinkRecord[]>();
  for (const l of scan.links) byPage.set(l.fromUrl, [...(byPage.get(l.fromUrl) ?? []), l]);
  for (const p of scan.pages) await store.savePage('s', p, byPage.get(p.url) ?? []);
  return { store, startUrl: scan.startUrl };
}

type Stored = 'as stored now' | 'stored without headings or item codes' | 'stored without item codes';
/** Meta keys a scan stored by an earlier version lacks: meta.headings and meta.itemCodes came in that order. */
const LACKS: Record<Stored, string[]> = { 'as stored now': [], 'stored without headings or item codes': ['headings', 'itemCodes'], 'stored without item codes': ['itemCodes'] };
const asStored = (how: Stored, pages: PageSnapshot[]): PageSnapshot[] =>
  pages.map((p) => ({ ...p, meta: Object.fromEntries(Object.entries(p.meta).filter(([k]) => !LACKS[how].includes(k))) }));

describe('judging a stored scan lazily', () => {
  const ways: Stored[] = ['as stored now', 'stored without headings or item codes', 'stored without item codes'];
  it.each(FIXTURE_SITES.flatMap((s) => ways.map((how) => [s.name, how, s] as const)))(
    '%s (%s): the same item results as judging it in memory, with a cache that keeps nothing',
    async (_name, how, site) => {
      const { store, startUrl } = await stored(site);
      try {
        const { checklist } = loadChecklist(site.year);
        const pages = await store.listPages('s', { withHtml: true });
        const whole = judge({ checklist, startUrl, pages, links: await store.listLinks('s'), overrides: [] });
        const old = how !== 'as stored now';
        // The crawl stores every html page's headings and item-code count; judging then streams pages without
        // their HTML and text.
        expect(pages.filter((p) => p.kind === 'html' && p.html).every((p) => Array.isArray(p.meta.headings) && typeof p.meta.itemCodes === 'number')).toBe(true);
        let streamedText = 0;
        const reads: string[][] = [];
        const loaded = await loadSite(
          startUrl,
          {
            pages: async function* () {
              for await (const b of store.pageBatches('s', { batchSize: 3, textHead: HEAD_CHARS })) {
                for (const p of b) streamedText += p.kind === 'html' ? p.text.length : Math.max(0, p.text.length - HEAD_CHARS);
                yield asStored(how, b);
              }
            },
            links: () => store.linkBatches('s', { batchSize: 40 }),
            load: async (urls) => {
              reads.push(urls);
              const got = await store.getPages('s', urls, { withHtml: true });
              return asStored(how, got);
            },
          },
          { budgetBytes: 1, batch: 2 },
        );
        const readWhileLoading = reads.flat().length;
        // No html page's text and no more than a document's head crossed into the process while streaming.
        expect(streamedText).toBe(0);
        // An older scan's html pages are read once while loading, for their headings; of a new one's, only those
        // stored without HTML (an error page with no body), which cannot tell the loader they are new.
        expect(readWhileLoading).toBe(pages.filter((p) => p.kind === 'html' && (old || !p.html)).length);
        expect(readWhileLoading).toBeLessThan(old ? Infinity : 3);
        const lazy = await judgeLoadedSite({ checklist, overrides: [], ...loaded });
        expect(lazy).toEqual(whole);
        expect(lazy.filter((r) => r.status === 'pass').length).toBeGreaterThan(20);
        // Pages were read on demand, some more than once because nothing was kept between items.
        const htmlPages = pages.filter((p) => p.html).length;
        expect(loaded.content.reads).toBeGreaterThan(htmlPages / 4);
        expect(loaded.site.pages.every((p) => !('html' in p) && !('text' in p))).toBe(true);
      } finally {
        await store.close();
      }
    },
  );
});

describe('judging progress', () => {
  it('tells each item as it is judged, in checklist order', async () => {
    const site = FIXTURE_SITES[0]!;
    const { store, startUrl } = await stored(site);
    try {
      const { checklist } = loadChecklist(site.year);
      const loaded = await loadSite(startUrl, {
        pages: () => store.pageBatches('s', { textHead: HEAD_CHARS }),
        links: () => store.linkBatches('s'),
        load: (urls) => store.getPages('s', urls, { withHtml: true }),
      });
      const events: unknown[] = [];
      const results = await judgeLoadedSite({ checklist, overrides: [], ...loaded, onProgress: (e) => events.push(e) });
      const total = checklist.items.length;
      expect(events).toEqual(checklist.items.map((item, i) => ({ type: 'judging', done: i + 1, total, code: item.code })));
      expect(results.map((r) => r.code)).toEqual(checklist.items.map((i) => i.code));
    } finally {
      await store.close();
    }
  });
  it('a stored scan: says judging has started before the scan is read back, then each item', async () => {
    const site = FIXTURE_SITES[0]!;
    const { store } = await stored(site);
    try {
      const events: JudgeProgress[] = [];
      const { result } = await judgeStoredScan(store, 's', { onProgress: (e) => events.push(e) });
      const total = result.items.length;
      expect(total).toBe(loadChecklist(site.year).checklist.items.length);
      expect(events[0]).toEqual({ type: 'judging', done: 0, total });
      expect(events.slice(1).map((e) => `${e.done}/${e.total} ${e.code}`)).toEqual(result.items.map((item, i) => `${i + 1}/${total} ${item.code}`));
    } finally {
      await store.close();
    }
  });
});
