import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { runCrawl, thaiPage, type CrawlRun } from './helpers/crawl-env.js';

/** Redirects, errors, slow and rate-limited endpoints, traps and limits — all on loopback. */
let site: FixtureSite;
let other: FixtureSite;
let run: CrawlRun;
const busyHits: number[] = [];

beforeAll(async () => {
  // A second loopback host the policy must refuse: the crawl starts on 127.0.0.1, so 127.0.0.2 is not the start host.
  other = await startSite({ '/': thaiPage('อื่น', '<p>ไม่ควรถูกเรียก</p>') }, '127.0.0.2');
  site = await startSite((path) => {
    const cal = /^\/calendar\?month=(\d{4})-(\d{1,2})$/.exec(path);
    if (cal) {
      const y = Number(cal[1]);
      const m = Number(cal[2]);
      const next = m === 12 ? `${y + 1}-1` : `${y}-${m + 1}`;
      return thaiPage('ปฏิทินกิจกรรม', `<a href="/calendar?month=${next}">เดือนถัดไป</a>`);
    }
    const deep = /^\/deep\/(\d+)$/.exec(path);
    if (deep) return thaiPage(`ชั้น ${deep[1]}`, `<a href="/deep/${Number(deep[1]) + 1}">ลึกลงไป</a>`);
    const routes: Record<string, string | { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number }> = {
      '/': thaiPage('หน้าแรก', `<a href="/to-private">ลิงก์ย้าย</a> <a href="/loop-a">วน</a> <a href="/missing">หาย</a>
        <a href="/slow">ช้า</a> <a href="/busy">ยุ่ง</a> <a href="/calendar?month=2026-1">ปฏิทิน</a> <a href="/deep/1">ลึก</a>
        <a href="/moved">ย้ายแล้ว</a> <a href="/a/b/a/b/a/b/c">ซ้ำ</a>`),
      '/to-private': { status: 302, headers: { location: `http://127.0.0.2:${other.port}/` } },
      '/loop-a': { status: 301, headers: { location: '/loop-b' } },
      '/loop-b': { status: 302, headers: { location: '/loop-a' } },
      '/moved': { status: 301, headers: { location: '/new-home' } },
      '/new-home': thaiPage('ที่อยู่ใหม่', '<p>ย้ายมาที่นี่</p>'),
      '/slow': { delayMs: 3000, body: thaiPage('ช้า', '') },
    };
    if (path === '/busy') {
      busyHits.push(Date.now());
      return busyHits.length === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: 'ช้าลงหน่อย' } : thaiPage('ว่างแล้ว', '<p>ตอบแล้ว</p>');
    }
    return routes[path];
  });
  run = await runCrawl(`${site.origin}/`, { requestTimeoutMs: 1000, retries: 1, maxDepth: 3, concurrency: 4 });
}, 60_000);

afterAll(async () => {
  await run?.store.close();
  await site?.close();
  await other?.close();
});

describe('crawl hazards', () => {
  it('blocks a redirect to another private address and records the chain', () => {
    const p = run.page('/to-private')!;
    expect(p.error).toMatch(/^blocked: private address/);
    expect(p.redirectChain).toEqual([`${site.origin}/to-private`, `http://127.0.0.2:${other.port}/`]);
    expect(p.finalUrl).toBe(`http://127.0.0.2:${other.port}/`);
    expect(other.hits.size).toBe(0);
  });

  it('records a redirect loop as an error, and follows a plain redirect', () => {
    const loop = run.page('/loop-a')!;
    expect(loop.error).toBe('redirect loop');
    expect(loop.redirectChain).toEqual([`${site.origin}/loop-a`, `${site.origin}/loop-b`, `${site.origin}/loop-a`]);
    const moved = run.page('/moved')!;
    expect(moved).toMatchObject({ status: 200, finalUrl: `${site.origin}/new-home` });
    expect(moved.text).toContain('ย้ายมาที่นี่');
  });

  it('records a 404 with its status', () => {
    expect(run.page('/missing')).toMatchObject({ status: 404, error: 'HTTP 404' });
  });

  it('times out a slow endpoint after retrying it', () => {
    expect(run.page('/slow')).toMatchObject({ status: 0, error: 'timeout' });
    expect(site.hits.get('/slow')).toBe(2);
  });

  it('waits for Retry-After on 429 and then succeeds', () => {
    expect(run.page('/busy')).toMatchObject({ status: 200 });
    expect(busyHits).toHaveLength(2);
    expect(busyHits[1]! - busyHits[0]!).toBeGreaterThanOrEqual(950);
    expect(run.warnings().some((w) => /retry 1 .*\/busy.*HTTP 429/.test(w))).toBe(true);
  });

  it('bounds the calendar trap and skips repeated path segments', async () => {
    const calendar = [...site.hits.keys()].filter((k) => k.startsWith('/calendar'));
    expect(calendar.length).toBeGreaterThan(0);
    expect(calendar.length).toBeLessThanOrEqual(3); // maxDepth 3 stops it here; the trap test below runs deep
    expect(site.hits.get('/a/b/a/b/a/b/c')).toBeUndefined();
    expect((await run.store.frontierCounts('s1')).skipped).toBeGreaterThan(0);
    expect(run.warnings().some((w) => /repeated path segments/.test(w))).toBe(true);
  });

  it('honours maxDepth', () => {
    const depths = run.pages.filter((p) => p.url.includes('/deep/')).map((p) => p.depth);
    expect(Math.max(...depths)).toBe(3);
    expect(site.hits.get('/deep/3')).toBe(1);
    expect(site.hits.get('/deep/4')).toBeUndefined();
  });
});

describe('limits and traps on deep crawls', () => {
  it('stops an ever-advancing calendar even with no depth limit', async () => {
    const before = [...site.hits.keys()].filter((k) => k.startsWith('/calendar')).length;
    const r = await runCrawl(`${site.origin}/calendar?month=2026-1`, { maxDepth: 10_000, maxPages: 500 });
    const fetched = r.pages.filter((p) => p.url.includes('/calendar')).length;
    expect(fetched).toBeLessThanOrEqual(25);
    expect(fetched).toBeGreaterThan(before);
    expect(r.warnings().some((w) => /calendar/.test(w))).toBe(true);
    await r.store.close();
  });

  it('honours maxPages exactly', async () => {
    const r = await runCrawl(`${site.origin}/deep/1`, { maxDepth: 100, maxPages: 5 });
    expect(r.pages).toHaveLength(5);
    expect(r.stats.pagesFetched).toBe(5);
    await r.store.close();
  });
});

describe('size cap and canonical URLs', () => {
  let big: FixtureSite;
  beforeAll(async () => {
    const chunk = Buffer.from(`<p>${'ข้อมูลยาวมาก '.repeat(200)}</p>`);
    big = await startSite({
      '/': '<html><body><a href="/big">ใหญ่</a> <a href="/stream">สตรีม</a> <a href="/big.pdf">PDF</a> <a href="/copy?print=1">พิมพ์</a></body></html>',
      '/big': `<html><body>${chunk.toString().repeat(40)}</body></html>`,
      '/big.pdf': { headers: { 'content-type': 'application/pdf', 'content-length': String(500_000) }, body: Buffer.alloc(500_000, 0x20) },
      '/stream': {
        handle: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); // chunked: no Content-Length
          let n = 0;
          const timer = setInterval(() => {
            if (res.destroyed || n++ > 100) return clearInterval(timer), res.end();
            res.write(chunk);
          }, 1);
        },
      },
      '/copy?print=1': '<html><head><link rel="canonical" href="/original"></head><body><p>ฉบับพิมพ์</p></body></html>',
      '/original': '<html><body><p>ต้นฉบับ</p></body></html>',
    });
  });
  afterAll(() => big.close());

  it('stops reading past maxBytes and records "too large"; a canonical URL is not fetched again', async () => {
    const r = await runCrawl(`${big.origin}/`, { maxBytes: 50_000 });
    expect(r.page('/big')).toMatchObject({ error: 'too large', status: 200 });
    expect(r.page('/big')!.meta.truncated).toBe(true);
    expect(r.page('/stream')).toMatchObject({ error: 'too large' });
    expect(r.page('/stream')!.bytes).toBeLessThanOrEqual(50_000);
    expect(r.page('/big.pdf')).toMatchObject({ error: 'too large', kind: 'pdf', bytes: 500_000 });
    expect(r.page('/copy?print=1')!.meta.canonical).toBe(`${big.origin}/original`);
    expect(big.hits.get('/original')).toBeUndefined();
    await r.store.close();
  });
});

describe('robots.txt politeness', () => {
  let polite: FixtureSite;
  const times: number[] = [];
  beforeAll(async () => {
    polite = await startSite((path) => {
      if (path === '/robots.txt') return { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nCrawl-delay: 1\nDisallow: /secret\n' };
      if (path.startsWith('/p')) times.push(Date.now());
      if (path === '/p0') return '<html><body><a href="/p1">1</a><a href="/p2">2</a><a href="/secret">ลับ</a></body></html>';
      if (path === '/p1' || path === '/p2' || path === '/secret') return `<html><body><p>หน้า ${path}</p></body></html>`;
      return undefined;
    });
  });
  afterAll(() => polite.close());

  it('spaces requests by Crawl-delay and skips disallowed paths', async () => {
    const r = await runCrawl(`${polite.origin}/p0`, { concurrency: 4 });
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
    expect(polite.hits.get('/secret')).toBeUndefined();
    expect(r.warnings().some((w) => /disallowed by robots\.txt/.test(w))).toBe(true);
    await r.store.close();
  });

  it('obeyRobots=false fetches disallowed paths without the delay', async () => {
    times.length = 0;
    const t0 = Date.now();
    const r = await runCrawl(`${polite.origin}/p0`, { concurrency: 4, obeyRobots: false });
    expect(polite.hits.get('/secret')).toBe(1);
    expect(r.page('/secret')).toBeDefined();
    expect(Date.now() - t0).toBeLessThan(2500); // with the 1 s Crawl-delay the 4 requests would take ≥ 3 s
    await r.store.close();
  });
});
