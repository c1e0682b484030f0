import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanConfig, type ScanConfigInput } from '../../../src/config/schema.js';
import { crawl, type CrawlDeps } from '../../../src/crawl/index.js';
import type { CrawlEvent } from '../../../src/crawl/types.js';
import { openStore, type ScanStore } from '../../../src/store/index.js';

/** A resolved config for tests: quick timeouts, no browser unless asked, no politeness delay. */
export function testConfig(over: ScanConfigInput = {}): ScanConfig {
  return ScanConfig.parse({ render: 'never', requestTimeoutMs: 5000, retries: 1, concurrency: 4, useSitemaps: false, ...over });
}

export async function newScan(store: ScanStore, id: string, site: string): Promise<void> {
  await store.createScan({
    id, site, host: new URL(site).host, startedAt: new Date().toISOString(), toolVersion: 'test', checklistId: 'test', checklistYear: 2568, checklistHash: 'x', config: {},
  });
}

export interface CrawlRun {
  store: ScanStore;
  events: CrawlEvent[];
  stats: Awaited<ReturnType<typeof crawl>>;
  pages: Awaited<ReturnType<ScanStore['listPages']>>;
  page(path: string): Awaited<ReturnType<ScanStore['listPages']>>[number] | undefined;
  warnings(): string[];
}

/** Crawls `startUrl` into a fresh in-memory store and returns what was stored. */
export async function runCrawl(startUrl: string, over: ScanConfigInput = {}, deps: CrawlDeps = {}, scanId = 's1'): Promise<CrawlRun> {
  const store = await openStore(':memory:');
  await newScan(store, scanId, startUrl);
  const events: CrawlEvent[] = [];
  const stats = await crawl({ scanId, startUrl, config: testConfig(over) }, store, (e) => events.push(e), deps);
  const pages = await store.listPages(scanId, { withHtml: true });
  const origin = new URL(startUrl).origin;
  return {
    store, events, stats, pages,
    page: (path) => pages.find((p) => p.url === origin + path),
    warnings: () => events.filter((e): e is Extract<CrawlEvent, { type: 'warning' }> => e.type === 'warning').map((e) => e.message),
  };
}

export function tempDir(prefix = 'oit-crawl-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Thai agency page chrome around a body. */
export function thaiPage(title: string, body: string, head = '<meta charset="utf-8">'): string {
  return `<!doctype html><html lang="th"><head>${head}<title>${title}</title></head><body>
<header><a href="/">หน้าแรก</a></header>
<nav><ul class="menu">
  <li><a href="#">ข้อมูลหน่วยงาน</a><ul><li><a href="/about/structure">โครงสร้างส่วนราชการ</a></li><li><a href="/about/executives">คณะผู้บริหาร</a></li></ul></li>
  <li><a href="/ita">ITA</a></li>
</ul></nav>
<main><h1>${title}</h1>${body}</main>
<footer>องค์การบริหารส่วนตำบลตัวอย่าง อำเภอเมือง จังหวัดเลย</footer></body></html>`;
}
