/**
 * Database size of a real-sized CMS site: the saved production home page of an อบต.
 * (../shared/real-pages/phukradung-home.html: 366 KB, 347 links, its menus twice) fetched and parsed by
 * oit, then stored as 400 pages of one scan in a fresh SQLite file, in the crawler's batches of 64.
 * Each copy keeps the page's menu, header, footer and sidebar links as they are (a CMS repeats them on
 * every page) and gets its own main-content links (their targets made unique per page), as the
 * sub-pages of a real site do. Prints the file size per stored page.
 * With --all-shared every copy keeps all 347 links as they are (the upper bound of sharing).
 * Usage: npx tsx bench/real-page-storage.ts [--pages 400] [--all-shared]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanConfig } from '../src/config/schema.js';
import { createAddressGuard } from '../src/crawl/address-guard.js';
import { fetchPage } from '../src/crawl/fetch-page.js';
import { createScope } from '../src/crawl/scope.js';
import { buildSnapshot } from '../src/crawl/snapshot.js';
import { openStore } from '../src/store/index.js';
import { startSite } from '../test/helpers/site-server.js';

const REAL_PAGE = fileURLToPath(new URL('../../shared/real-pages/phukradung-home.html', import.meta.url));
const i = process.argv.indexOf('--pages');
const N = i >= 0 ? Number(process.argv[i + 1]) : 400;
const allShared = process.argv.includes('--all-shared');

async function main(): Promise<void> {
  if (!existsSync(REAL_PAGE)) throw new Error(`missing ${REAL_PAGE}`);
  const server = await startSite({ '/': readFileSync(REAL_PAGE, 'utf8') });
  const url = `${server.origin}/`;
  const config = ScanConfig.parse({ render: 'never', ocr: false, allowPrivate: true });
  const guard = await createAddressGuard(url, { allowPrivate: true });
  const built = await buildSnapshot({ url, depth: 0, priority: 0 }, await fetchPage(url, { userAgent: config.userAgent, timeoutMs: 10_000, maxBytes: config.maxBytes, guard }), {
    config, scope: createScope(url), runDocument: (fn) => fn(),
  });
  await server.close();
  const dir = mkdtempSync(join(tmpdir(), 'oit-real-storage-'));
  const file = join(dir, 'real.db');
  const store = await openStore(file);
  await store.createScan({ id: 'real', site: url, host: '127.0.0.1', startedAt: new Date().toISOString(), toolVersion: 'bench', checklistId: 'ita-2568', checklistYear: 2568, checklistHash: '', config: {} });
  let links = 0;
  let own = 0;
  for (let k = 0; k < N; k += 64) {
    const pages = Array.from({ length: Math.min(64, N - k) }, (_v, j) => {
      const pageUrl = `${url}?copy=${k + j}`;
      return {
        page: { ...built.page, url: pageUrl, finalUrl: pageUrl },
        links: built.links.map((l) => {
          const mine = !allShared && (!l.region || l.region === 'main');
          if (mine) own++;
          links++;
          return { ...l, fromUrl: pageUrl, ...(mine ? { toUrl: `${l.toUrl}${l.toUrl.includes('?') ? '&' : '?'}p=${k + j}` } : {}) };
        }),
      };
    });
    await store.saveBatch!('real', { enqueue: [], pages, settle: pages.map((p) => ({ url: p.page.url, state: 'done' as const })) });
  }
  await store.close();
  const bytes = [file, `${file}-wal`].filter(existsSync).reduce((s, f) => s + statSync(f).size, 0);
  console.log(
    `${N} copies of the real home page (${(built.page.bytes / 1024).toFixed(0)} KB, ${built.links.length} links, ${Math.round(own / N)} of them unique per page): ` +
      `${links} links → ${(bytes / 2 ** 20).toFixed(1)} MB on disk = ${(bytes / N / 1024).toFixed(1)} KB per stored page`,
  );
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
