import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../src/crawl/index.js';
import { openStore } from '../../src/store/index.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { newScan, runCrawl, tempDir, testConfig, type CrawlRun } from '../crawl/helpers/crawl-env.js';
import { countPages } from '../crawl/helpers/count-pages.js';

/**
 * Process-level hazards: kill -9 at several random points then --resume; two processes writing one
 * SQLite file at once. (One kill point is in test/crawl/resume.test.ts.)
 */
const N = 120;
const tmp = tempDir('oit-proc-');
let site: FixtureSite;
let site2: FixtureSite;
let reference: CrawlRun;
const tree = (tag: string) => (path: string) => {
  const m = /^\/(?:p\/(\d+))?$/.exec(path);
  if (!m) return undefined;
  const i = Number(m[1] ?? 0);
  const kids = [1, 2, 3, 4, 5].map((k) => i * 5 + k).filter((c) => c <= N);
  return { delayMs: 15, body: `<html><body><h1>${tag} ${i}</h1>${kids.map((c) => `<a href="/p/${c}">หน้า ${c}</a>`).join(' ')}<a href="/">หน้าแรก</a></body></html>` };
};

beforeAll(async () => {
  site = await startSite(tree('หน้า'));
  site2 = await startSite(tree('อีกเว็บ'));
  reference = await runCrawl(`${site.origin}/`, { concurrency: 2, maxDepth: 20 }, {}, 'ref');
}, 60_000);
afterAll(async () => {
  await reference?.store.close();
  await site?.close();
  await site2?.close();
  tmp.cleanup();
});


function child(args: string[]) {
  const p = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers', 'scan-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => p.on('exit', (code, signal) => resolve({ code, signal })));
  return { p, exited, out: () => stdout, err: () => stderr };
}

/** Small seeded PRNG (mulberry32) so the kill points are random but reproducible. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20260101);
const killPoints = [1, ...Array.from({ length: 3 }, () => 2 + Math.floor(rand() * 100))];

describe('kill -9 at random points, then resume', () => {
  it.each(killPoints)('killed after %i stored pages: the resumed scan equals an uninterrupted one', async (after) => {
    const file = join(tmp.dir, `kill-${after}.db`);
    const start = `${site.origin}/`;
    const c = child([file, start, 'k1']);
    const deadline = Date.now() + 30_000;
    let stored = 0;
    while (Date.now() < deadline && (stored = await countPages(file, 'k1')) < after && c.p.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    c.p.kill('SIGKILL');
    expect((await c.exited).signal, c.err()).toBe('SIGKILL');
    const store = await openStore(file);
    const before = await store.listPages('k1');
    expect(before.length).toBeGreaterThanOrEqual(Math.min(after, 1));
    expect(before.length).toBeLessThan(N + 1);
    await crawl({ scanId: 'k1', startUrl: start, config: testConfig({ concurrency: 2, maxDepth: 20 }), resume: true }, store);
    const urls = (await store.listPages('k1')).map((p) => p.url).sort();
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toEqual(reference.pages.map((p) => p.url).sort());
    const links = (await store.listLinks('k1')).map((l) => `${l.fromUrl} ${l.toUrl} ${l.position}`).sort();
    const refLinks = (await reference.store.listLinks('ref')).map((l) => `${l.fromUrl} ${l.toUrl} ${l.position}`).sort();
    expect(links).toEqual(refLinks);
    const counts = await store.frontierCounts('k1');
    expect(counts.queued + counts['in-flight']).toBe(0);
    await store.close();
  }, 60_000);
});

describe('two processes writing one database', () => {
  it('two scans of two sites into one new SQLite file at once both finish intact', async () => {
    const file = join(tmp.dir, 'shared.db');
    const a = child([file, `${site.origin}/`, 'A', '1']);
    const b = child([file, `${site2.origin}/`, 'B', '1']);
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    expect(ra.code, a.err()).toBe(0);
    expect(rb.code, b.err()).toBe(0);
    expect(a.err() + b.err()).not.toMatch(/locked|SQLITE_BUSY/);
    const store = await openStore(file);
    const pa = await store.listPages('A');
    const pb = await store.listPages('B');
    expect(pa.map((p) => p.url).sort()).toEqual(reference.pages.map((p) => p.url).sort());
    expect(pb).toHaveLength(N + 1);
    expect(pb.every((p) => p.url.startsWith(site2.origin) && !p.error)).toBe(true);
    expect((await store.listLinks('A')).length).toBe((await reference.store.listLinks('ref')).length);
    expect((await store.listLinks('B')).length).toBe((await reference.store.listLinks('ref')).length);
    await store.close();
  }, 60_000);
});
