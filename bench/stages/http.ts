/**
 * HTTP fetch of one page over loopback (oit's fetchPage: address guard, manual redirects, body
 * limit), then the snapshot oit stores (decode, parse, text, links): the per-page CPU of a crawl.
 * The server runs in this process, so its (small) cost is inside the figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ScanConfig } from '../../src/config/schema.js';
import { createAddressGuard } from '../../src/crawl/address-guard.js';
import { fetchPage, type FetchPageOptions } from '../../src/crawl/fetch-page.js';
import { createScope } from '../../src/crawl/scope.js';
import { buildSnapshot } from '../../src/crawl/snapshot.js';
import type { LinkRecord, PageSnapshot } from '../../src/store/types.js';
import type { FleetSite } from '../../test/helpers/fleet-sites.js';
import { startSite } from '../../test/helpers/site-server.js';
import { timeEach, type StageFigure } from './timer.js';

export type Snapshot = { page: PageSnapshot; links: LinkRecord[] };

export interface HttpOutcome {
  figures: StageFigure[];
  /** Mostly ordinary pages, some ITA tables, as in a crawl of a generated site. */
  fleetSnapshots: Snapshot[];
  /** The saved production home page, when it is there: a real page's size and menus. */
  realSnapshots: Snapshot[];
}

const describe = (s: Snapshot | undefined) => (s ? `${(s.page.bytes / 1024).toFixed(1)} KB, ${s.links.length} links` : '');

export async function httpStages(site: FleetSite, n: number, realPageFile: string): Promise<HttpOutcome> {
  const config = ScanConfig.parse({ render: 'never', ocr: false, allowPrivate: true });
  const guard = await createAddressGuard(site.url, { allowPrivate: true });
  const opts: FetchPageOptions = { userAgent: config.userAgent, timeoutMs: 10_000, maxBytes: config.maxBytes, guard };
  const parse = async (url: string, depth: number) => buildSnapshot({ url, depth, priority: 0 }, await fetchPage(url, opts), { config, scope: createScope(url), runDocument: (fn) => fn() });
  const ita = site.origin + site.data.itaPath;
  const article = `${site.origin}/news/view/1`;
  const fleetSnapshots: Snapshot[] = [];
  const keep = (into: Snapshot[], k: number, most: number) => (built: Snapshot) => {
    if (k >= 0 && k < most) into.push({ page: built.page, links: built.links });
  };
  const figures = [
    await timeEach('HTTP fetch (loopback)', 'page', n, () => fetchPage(article, opts), { warmup: 5 }),
    await timeEach('fetch + parse: news article', 'page', n, async (k) => keep(fleetSnapshots, k, 48)(await parse(article, 2)), { warmup: 5 }),
    await timeEach('fetch + parse: ITA page (43 rows)', 'page', n, async (k) => keep(fleetSnapshots, k, 16)(await parse(ita, 1)), { warmup: 5 }),
  ];
  figures[1]!.note = describe(fleetSnapshots[0]);
  figures[2]!.note = describe(fleetSnapshots.at(-1));
  const realSnapshots: Snapshot[] = [];
  if (existsSync(realPageFile)) {
    const server = await startSite({ '/': readFileSync(realPageFile, 'utf8') });
    try {
      const real = await timeEach('fetch + parse: real agency home page', 'page', Math.max(20, Math.round(n / 5)), async (k) => keep(realSnapshots, k, 8)(await parse(`${server.origin}/`, 0)), { warmup: 3 });
      real.note = `${describe(realSnapshots[0])} (shared/real-pages/phukradung-home.html)`;
      figures.push(real);
    } finally {
      await server.close();
    }
  }
  return { figures, fleetSnapshots, realSnapshots };
}
