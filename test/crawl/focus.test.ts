import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { crawl } from '../../src/crawl/index.js';
import { openStore } from '../../src/store/index.js';
import type { FixtureSite as SiteData } from '../fixtures/sites/types.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { largePortal } from '../helpers/focus-site.js';
import { closePdfBrowser } from '../helpers/pdf.js';
import { startSite, type FixtureSite, type Route } from '../helpers/site-server.js';
import { newScan, runCrawl, testConfig } from './helpers/crawl-env.js';

/**
 * The focused crawl on a portal of several hundred pages whose ITA page is linked only from the
 * footer and whose evidence lies 3 to 5 links deep under news, gallery, calendar and library pages.
 */
const { checklist } = loadChecklist(2566);
let data: SiteData;
let site: FixtureSite;
let evidence: string[];

beforeAll(async () => {
  data = largePortal({ news: 300, albums: 10, photos: 8, months: 60, libraryDocs: 60, name: 'portal-test' });
  site = await startSite(await buildRoutes(data));
  // Evidence: every ITA page, item page, attachment page and ITA document of the portal.
  evidence = Object.keys(data.routes).filter((p) => p.startsWith('/content/view/transparency') || p.startsWith('/uploads/') || /\/content\/view\/\d+\?lang=th&cat=ita/.test(p));
}, 120_000);
afterAll(async () => {
  await site?.close();
  await closePdfBrowser();
});

const fetchOrder = (events: Array<{ type: string; url?: string }>) => events.filter((e) => e.type === 'page').map((e) => new URL(e.url!).pathname + new URL(e.url!).search);
/** 1-based position of the last of `paths` in `order` (Infinity when one is missing). */
const lastOf = (order: string[], paths: string[]) => Math.max(...paths.map((p) => (order.includes(p) ? order.indexOf(p) + 1 : Infinity)));
const norm = (p: string) => new URL(p, 'http://x').pathname + (new URLSearchParams(new URL(p, 'http://x').search).size ? `?${[...new URLSearchParams(new URL(p, 'http://x').search)].sort().map(([k, v]) => `${k}=${v}`).join('&')}` : '');

async function crawlPortal(over: Parameters<typeof testConfig>[0], order: 'best-first' | 'breadth-first' = 'best-first', evidenceComplete?: () => Promise<boolean>) {
  const store = await openStore(':memory:');
  const start = `${site.origin}/`;
  await newScan(store, 'p', start);
  const events: Array<{ type: string; url?: string; message?: string }> = [];
  const stats = await crawl({ scanId: 'p', startUrl: start, config: testConfig({ concurrency: 1, maxDepth: 50, ocr: false, ...over }), checklist, ...(evidenceComplete ? { evidenceComplete } : {}) }, store, (e) => events.push(e), { order });
  return { store, events, stats, order: fetchOrder(events) };
}

describe('best-first crawl of a large portal', () => {
  it('reaches every evidence URL within the first 20 % of fetches, where breadth-first needs most of the crawl', async () => {
    const best = await crawlPortal({});
    const bfs = await crawlPortal({}, 'breadth-first');
    const total = Object.keys(data.routes).length;
    expect(best.order.length).toBe(bfs.order.length); // priority, not pruning: both cover the site
    expect(best.order.length).toBeGreaterThan(total * 0.9);
    const wanted = evidence.map(norm);
    const lastBest = lastOf(best.order, wanted);
    const lastBfs = lastOf(bfs.order, wanted);
    expect(lastBest).toBeLessThanOrEqual(best.order.length * 0.2);
    // Close to the least possible: the ITA pages themselves (index, sub-indicator, item, attachment pages and documents) plus a few.
    expect(lastBest).toBeLessThanOrEqual(evidence.length + 15);
    expect(lastBfs).toBeGreaterThan(best.order.length * 0.5);
    expect(best.stats.limits).toBeUndefined();
    await best.store.close();
    await bfs.store.close();
  }, 180_000);

  it('stops at --max-pages saying how many URLs were still queued, and keeps the rest queued', async () => {
    const run = await crawlPortal({ maxPages: 60 });
    expect(run.order).toHaveLength(60);
    const queued = (await run.store.frontierCounts('p')).queued;
    expect(queued).toBeGreaterThan(0);
    expect(run.stats.limits).toEqual([{ limit: 'max-pages', value: 60, unvisited: queued }]);
    expect((await run.store.getScan('p'))?.stats.limits).toEqual(run.stats.limits);
    expect(run.events.some((e) => e.type === 'warning' && e.message!.includes('--max-pages 120') && e.message!.includes(String(queued)))).toBe(true);
    await run.store.close();
  }, 120_000);

  it('stops at --max-minutes saying how many URLs were still queued and how to continue', async () => {
    // 0.002 minutes (120 ms) is a small part of this portal's crawl: the deadline, not the site, ends it.
    const run = await crawlPortal({ maxMinutes: 0.002 });
    const queued = (await run.store.frontierCounts('p')).queued;
    expect(queued).toBeGreaterThan(0);
    expect(run.order.length).toBeLessThan(Object.keys(data.routes).length);
    expect(run.stats.limits).toEqual([{ limit: 'max-minutes', value: 0.002, unvisited: queued }]);
    expect((await run.store.getScan('p'))?.stats.limits).toEqual(run.stats.limits);
    expect(run.events.some((e) => e.type === 'warning' && e.message!.includes('--max-minutes 1') && e.message!.includes('--resume') && e.message!.includes(String(queued)))).toBe(true);
    await run.store.close();
  }, 120_000);

  it('reports URLs beyond --max-depth, and says nothing when no limit was reached', async () => {
    const run = await crawlPortal({ maxDepth: 2 });
    const deep = run.stats.limits?.find((l) => l.limit === 'max-depth');
    expect(deep?.value).toBe(2);
    expect(deep?.unvisited).toBeGreaterThan(10);
    expect(run.events.some((e) => e.type === 'warning' && e.message!.includes('--max-depth 4'))).toBe(true);
    await run.store.close();
  }, 120_000);

  it('--until-evidence stops once nothing promising is left, with the evidence fetched and the rest counted', async () => {
    const run = await crawlPortal({ untilEvidence: true });
    expect(lastOf(run.order, evidence.map(norm))).toBeLessThan(Infinity);
    expect(run.order.length).toBeLessThan(Object.keys(data.routes).length * 0.5);
    const hit = run.stats.limits?.find((l) => l.limit === 'until-evidence');
    expect(hit?.unvisited).toBe((await run.store.frontierCounts('p')).queued);
    expect(hit!.unvisited).toBeGreaterThan(0);
    await run.store.close();
  }, 120_000);

  it('--until-evidence stops as soon as the caller finds every item verified', async () => {
    let asked = 0;
    const run = await crawlPortal({ untilEvidence: true }, 'best-first', async () => ++asked >= 1);
    expect(asked).toBe(1);
    // Asked after 25 pages; fetching goes on while the caller judges (a few pages), then stops.
    expect(run.order.length).toBeGreaterThanOrEqual(25);
    expect(run.order.length).toBeLessThan(50);
    expect(run.stats.limits?.[0]).toMatchObject({ limit: 'until-evidence' });
    await run.store.close();
  }, 120_000);
});

describe('URLs as the site writes them', () => {
  it('fetches a link with its query in the order written (routers that care answer), follows a redirect as written, and dedupes by the normalised key', async () => {
    const written = '/index.php?option=com_k2&view=item&task=download&id=71';
    const strict = await startSite((path): Route | string | undefined => {
      if (path === '/') return `<html><body><a href="${written.replaceAll('&', '&amp;')}">ดาวน์โหลด</a> <a href="/index.php?id=71&amp;option=com_k2&amp;task=download&amp;view=item">ซ้ำ</a> <a href="/go?b=2&amp;a=1">ต่อ</a></body></html>`;
      // A router that reads parameters by position: any other order is a 404.
      if (path === written) return { headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.4\n%%EOF\n') };
      if (path === '/go?b=2&a=1') return { status: 302, headers: { location: '/target?z=1&y=2' }, body: '' };
      if (path === '/target?z=1&y=2') return '<html><body><p>ปลายทาง</p></body></html>';
      return undefined;
    });
    try {
      const run = await runCrawl(`${strict.origin}/`);
      expect(strict.hits.get(written)).toBe(1);
      expect(strict.hits.get('/index.php?id=71&option=com_k2&task=download&view=item')).toBeUndefined();
      const doc = run.page('/index.php?id=71&option=com_k2&task=download&view=item');
      expect(doc).toMatchObject({ status: 200, finalUrl: strict.origin + written });
      expect(strict.hits.get('/target?z=1&y=2')).toBe(1);
      const moved = run.page('/go?a=1&b=2');
      expect(moved?.finalUrl).toBe(`${strict.origin}/target?z=1&y=2`);
      expect(moved?.redirectChain).toEqual([`${strict.origin}/go?b=2&a=1`, `${strict.origin}/target?z=1&y=2`]);
      await run.store.close();
    } finally {
      await strict.close();
    }
  });
});
