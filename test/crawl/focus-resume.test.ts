import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { crawl } from '../../src/crawl/index.js';
import { NEUTRAL } from '../../src/crawl/priority.js';
import { openStore } from '../../src/store/index.js';
import { buildRoutes } from '../helpers/e2e-fixture.js';
import { largePortal } from '../helpers/focus-site.js';
import { closePdfBrowser } from '../helpers/pdf.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { countPages } from './helpers/count-pages.js';
import { newScan, runCrawl, tempDir, testConfig } from './helpers/crawl-env.js';

/** kill -9 in the middle of a best-first crawl: the stored frontier keeps priorities and spellings, and the resume follows them. */
let site: FixtureSite;
let evidence: string[];
const tmp = tempDir('oit-focus-resume-');

beforeAll(async () => {
  const data = largePortal({ news: 150, albums: 5, photos: 5, months: 24, libraryDocs: 20, name: 'portal-resume' });
  const routes = await buildRoutes(data);
  // Slow enough that the kill lands mid-crawl.
  for (const r of Object.values(routes)) r.delayMs = 15;
  site = await startSite(routes);
  evidence = Object.keys(data.routes).filter((p) => p.startsWith('/content/view/transparency') || p.startsWith('/uploads/') || /\/content\/view\/\d+\?lang=th&cat=ita/.test(p));
}, 120_000);
afterAll(async () => {
  await site?.close();
  await closePdfBrowser();
  tmp.cleanup();
});

const pathOf = (u: string) => {
  const x = new URL(u);
  return x.pathname + x.search;
};
/** Normalised path+query of a route (the form snapshots are keyed by). */
const keyOf = (p: string) => {
  const x = new URL(p, 'http://x');
  const q = [...x.searchParams].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
  return x.pathname + (q ? `?${q}` : '');
};

describe('kill -9 during a best-first crawl', () => {
  it('keeps priorities and as-written URLs in the store, and the resumed crawl reaches the evidence as early as an uninterrupted one', async () => {
    const file = join(tmp.dir, 'focus.db');
    const start = `${site.origin}/`;
    const setup = await openStore(file);
    await newScan(setup, 'k1', start);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'focus-resume-child.ts'), file, start, 'k1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await countPages(file, 'k1')) < 25) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited, stderr).toBe('SIGKILL');

    const store = await openStore(file);
    const before = (await store.listPageStubs!('k1')).map((p) => pathOf(p.url));
    expect(before.length).toBeGreaterThanOrEqual(25);
    const rows = await store.listFrontier!('k1');
    const waiting = rows.filter((r) => r.state === 'queued' || r.state === 'in-flight');
    // Priorities were stored, not flattened: promising and unpromising URLs both wait, in priority order.
    expect(waiting.some((r) => r.priority < NEUTRAL)).toBe(true);
    expect(waiting.some((r) => r.priority >= NEUTRAL)).toBe(true);
    expect(waiting.map((r) => r.priority)).toEqual([...waiting.map((r) => r.priority)].sort((a, b) => a - b));
    const written = waiting.find((r) => r.fetchUrl);
    expect(written?.fetchUrl).toMatch(/\?(lang=th&cat=ita|option=com_content&view=article&id=5)$/);

    const hitsBefore = new Map(site.hits);
    const after: string[] = [];
    const { checklist } = loadChecklist(2566);
    await crawl({ scanId: 'k1', startUrl: start, config: testConfig({ concurrency: 1, maxDepth: 50, ocr: false }), checklist, resume: true }, store, (e) => void (e.type === 'page' && after.push(pathOf(e.url))));
    // The first page fetched after the restart is the best one that was waiting.
    expect(after[0]).toBe(pathOf(waiting[0]!.url));
    // A URL waiting with its site spelling was fetched with it, never with the sorted key.
    if (!before.includes(pathOf(written!.url))) {
      expect(site.hits.get(pathOf(written!.fetchUrl!))! - (hitsBefore.get(pathOf(written!.fetchUrl!)) ?? 0)).toBe(1);
      expect(site.hits.get(pathOf(written!.url))).toBeUndefined();
    }

    const order = [...before, ...after];
    expect(new Set(order).size).toBe(order.length);
    const reference = await runCrawl(start, { concurrency: 1, maxDepth: 50, ocr: false }, {}, 'ref');
    expect(order.length).toBe(reference.pages.length);
    const wanted = evidence.map(keyOf);
    const lastEvidence = Math.max(...wanted.map((p) => order.indexOf(p) + 1 || Infinity));
    // As early as a best-first crawl that was never interrupted (a few fetches of slack for the kill).
    const refStore = await openStore(':memory:');
    await newScan(refStore, 'u', start);
    const uninterrupted: string[] = [];
    await crawl({ scanId: 'u', startUrl: start, config: testConfig({ concurrency: 1, maxDepth: 50, ocr: false }), checklist }, refStore, (e) => void (e.type === 'page' && uninterrupted.push(pathOf(e.url))));
    const lastUninterrupted = Math.max(...wanted.map((p) => uninterrupted.indexOf(p) + 1 || Infinity));
    expect(lastEvidence).toBeLessThanOrEqual(lastUninterrupted + 3);
    expect(lastEvidence).toBeLessThan(order.length * 0.4);
    await refStore.close();
    await reference.store.close();
    await store.close();
  }, 240_000);
});
