/** The crawlers the benchmark compares; each runs in its own child process for a clean RSS. */
import { load } from 'cheerio';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ScanConfig } from '../src/config/schema.js';
import { crawl } from '../src/crawl/index.js';
import { scanSite } from '../src/api/scan-site.js';
import { openStore } from '../src/store/index.js';
import { crawlSecondsOf } from './scan-record.js';

export interface RunResult {
  pages: number;
  seconds: number;
  /** The whole scan only: the crawl's part of `seconds`, from the scan record (the rest is judging and reports). */
  crawlSeconds?: number;
}

/** The yardstick: fetch + cheerio, same-host links, a Set for dedupe, N workers. No storage. */
export async function runBare(start: string, max: number, concurrency: number): Promise<RunResult> {
  const t0 = performance.now();
  const host = new URL(start).host;
  const seen = new Set([start]);
  const queue = [start];
  let done = 0;
  let active = 0;
  await new Promise<void>((resolve) => {
    const next = () => {
      while (active < concurrency && queue.length && done + active < max) {
        const url = queue.shift()!;
        active++;
        void (async () => {
          try {
            const res = await fetch(url);
            const type = res.headers.get('content-type') ?? '';
            if (type.includes('html')) {
              const $ = load(await res.text());
              $('a[href]').each((_i, el) => {
                try {
                  const u = new URL($(el).attr('href')!, url);
                  u.hash = '';
                  if (u.host === host && !seen.has(u.href)) (seen.add(u.href), queue.push(u.href));
                } catch {
                  /* bad href */
                }
              });
            } else await res.arrayBuffer();
          } catch {
            /* counted as done */
          }
          done++;
          active--;
          if (!active && (!queue.length || done >= max)) resolve();
          else next();
        })();
      }
    };
    next();
  });
  return { pages: done, seconds: (performance.now() - t0) / 1000 };
}

export async function runOit(start: string, max: number, concurrency: number, dir: string): Promise<RunResult> {
  const file = join(dir, 'bench.db');
  rmSync(file, { force: true });
  const store = await openStore(file);
  await store.createScan({ id: 'bench', site: start, host: new URL(start).host, startedAt: new Date().toISOString(), toolVersion: 'bench', checklistId: 'bench', checklistYear: 2568, checklistHash: '', config: {} });
  const config = ScanConfig.parse({ render: 'never', concurrency, maxPages: max, maxDepth: 100, useSitemaps: false, ocr: false });
  const t0 = performance.now();
  const stats = await crawl({ scanId: 'bench', startUrl: start, config }, store);
  const seconds = (performance.now() - t0) / 1000;
  const stored = (await store.listPageStubs!('bench')).length;
  await store.close();
  if (stored !== stats.pagesFetched + stats.documentsFetched) throw new Error(`stored ${stored} != counted ${stats.pagesFetched + stats.documentsFetched}`);
  return { pages: stored, seconds };
}

/**
 * The whole `oit scan` path, as the CLI runs it: crawl, judge every item of the 2565 checklist from the
 * stored scan, write the reports. Pages/s counts the stored pages over the whole wall time.
 */
export async function runOitScan(start: string, max: number, concurrency: number, dir: string): Promise<RunResult> {
  const config = ScanConfig.parse({ render: 'never', concurrency, maxPages: max, maxDepth: 100, useSitemaps: false, ocr: false, year: 2565, db: join(dir, 'scan.db'), out: join(dir, 'reports') });
  const t0 = performance.now();
  const outcome = await scanSite({ url: start, config });
  const seconds = (performance.now() - t0) / 1000;
  const store = await openStore(config.db);
  const stored = (await store.listPageStubs!(outcome.scanId)).length;
  const scan = await store.getScan(outcome.scanId);
  await store.close();
  if (outcome.result.items.length !== 43 || outcome.reportFiles.length === 0) throw new Error('the scan did not judge and report');
  const crawlSeconds = crawlSecondsOf(scan);
  return { pages: stored, seconds, ...(crawlSeconds !== undefined ? { crawlSeconds } : {}) };
}

export async function runCrawlee(start: string, max: number, concurrency: number, dir: string): Promise<RunResult | { skipped: string }> {
  let mod: typeof import('crawlee');
  try {
    mod = await import('crawlee');
  } catch (e) {
    return { skipped: `crawlee not installed: ${(e as Error).message.split('\n')[0]}` };
  }
  process.env.CRAWLEE_STORAGE_DIR = join(dir, 'crawlee');
  const { CheerioCrawler, Configuration, log } = mod;
  log.setLevel(log.LEVELS.OFF);
  const config = new Configuration({ persistStorage: false, purgeOnStart: true, systemInfoV2: true });
  let pages = 0;
  const crawler = new CheerioCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestsPerCrawl: max,
      maxRequestRetries: 0,
      additionalMimeTypes: ['application/pdf'],
      async requestHandler({ enqueueLinks, contentType }) {
        pages++;
        if (contentType.type.includes('html')) await enqueueLinks({ strategy: 'same-hostname' });
      },
    },
    config,
  );
  const t0 = performance.now();
  await crawler.run([start]);
  return { pages, seconds: (performance.now() - t0) / 1000 };
}
