import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { crawl, type CrawlEvent } from '../../src/crawl/index.js';
import { openStore } from '../../src/store/index.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { newScan, runCrawl, tempDir, testConfig } from './helpers/crawl-env.js';
import { countPages } from './helpers/count-pages.js';

/** A tree of 120 slow-ish pages: / → /p/1…5, /p/i → /p/5i+1…5i+5. */
const N = 120;
let site: FixtureSite;
const tmp = tempDir('oit-resume-');

beforeAll(async () => {
  site = await startSite((path) => {
    const m = /^\/(?:p\/(\d+))?$/.exec(path);
    if (!m) return undefined;
    const i = Number(m[1] ?? 0);
    const kids = [1, 2, 3, 4, 5].map((k) => i * 5 + k).filter((c) => c <= N);
    return { delayMs: 40, body: `<html><body><h1>หน้า ${i}</h1>${kids.map((c) => `<a href="/p/${c}">หน้า ${c}</a>`).join(' ')}<a href="/">หน้าแรก</a></body></html>` };
  });
});
afterAll(async () => {
  await site?.close();
  tmp.cleanup();
});


describe('abort and resume', () => {
  it('stops on an abort signal, keeps the rest queued, and a resumed crawl completes', async () => {
    const start = `${site.origin}/`;
    const store = await openStore(':memory:');
    await newScan(store, 'a1', start);
    const controller = new AbortController();
    let pages = 0;
    const aborted = crawl({ scanId: 'a1', startUrl: start, config: testConfig({ concurrency: 2, maxDepth: 20 }), signal: controller.signal }, store, (e) => {
      if (e.type === 'page' && ++pages === 10) controller.abort(new Error('stopped by user'));
    });
    await expect(aborted).rejects.toThrow('stopped by user');
    expect((await store.getScan('a1'))?.stats.pagesFetched).toBeGreaterThanOrEqual(10);
    const partial = await store.listPages('a1');
    expect(partial.length).toBeGreaterThanOrEqual(10);
    expect(partial.length).toBeLessThan(N + 1);
    expect((await store.frontierCounts('a1')).queued).toBeGreaterThan(0);
    const stats = await crawl({ scanId: 'a1', startUrl: start, config: testConfig({ concurrency: 2, maxDepth: 20 }), resume: true }, store);
    expect(stats.pagesFetched).toBe(N + 1);
    expect(await store.listPages('a1')).toHaveLength(N + 1);
    await store.close();
  }, 60_000);
});

describe('kill -9 and resume', () => {
  it('continues without losing or duplicating pages', async () => {
    const file = join(tmp.dir, 'resume.db');
    const start = `${site.origin}/`;
    const setup = await openStore(file);
    await newScan(setup, 'r1', start);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'resume-child.ts'), file, start, 'r1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    const deadline = Date.now() + 30_000;
    let stored = 0;
    while (Date.now() < deadline && (stored = await countPages(file, 'r1')) < 20) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    expect(await exited, stderr).toBe('SIGKILL');
    expect(stored).toBeGreaterThanOrEqual(20);

    const store = await openStore(file);
    const before = await store.listPages('r1');
    expect(before.length).toBeLessThan(N + 1); // really interrupted
    const hitsBefore = new Map(site.hits);
    const events: CrawlEvent[] = [];
    const stats = await crawl({ scanId: 'r1', startUrl: start, config: testConfig({ concurrency: 2, maxDepth: 20 }), resume: true }, store, (e) => events.push(e));
    expect(events[0]).toMatchObject({ type: 'start', resumed: true });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(0); // about once a second on a multi-second crawl
    expect(progress.at(-1)).toMatchObject({ type: 'progress', errors: 0 });
    const after = await store.listPages('r1');

    // Pages stored before the kill were not fetched again.
    for (const p of before) expect(site.hits.get(new URL(p.url).pathname), p.url).toBe(hitsBefore.get(new URL(p.url).pathname));

    const reference = await runCrawl(start, { concurrency: 2, maxDepth: 20 }, {}, 'ref');
    const urls = after.map((p) => p.url).sort();
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toEqual(reference.pages.map((p) => p.url).sort());
    expect(urls).toHaveLength(N + 1);
    expect(stats.pagesFetched).toBe(N + 1);

    // Every page's links were stored exactly once.
    const links = await store.listLinks('r1');
    const refLinks = await reference.store.listLinks('ref');
    expect(links.length).toBe(refLinks.length);
    const counts = await store.frontierCounts('r1');
    expect(counts.queued + counts['in-flight']).toBe(0);
    await store.close();
    await reference.store.close();
  }, 90_000);
});
