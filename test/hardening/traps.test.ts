import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { runCrawl, thaiPage, type CrawlRun } from '../crawl/helpers/crawl-env.js';

/**
 * Crawler traps on a live loopback site, crawled with no useful depth limit: every trap must end by
 * itself, well before maxPages. (Calendar months and repeated segments at shallow depth are covered
 * in test/crawl/crawl-hazards.test.ts.)
 */
let site: FixtureSite;
const sid = () => randomBytes(8).toString('hex');

beforeAll(async () => {
  site = await startSite((path) => {
    const u = new URL(path, 'http://x');
    // An infinite day-by-day calendar (query date=YYYY-MM-DD, next and previous day).
    if (u.pathname === '/events') {
      const d = new Date(`${u.searchParams.get('date') ?? '2026-01-01'}T00:00:00Z`);
      const day = (n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
      return thaiPage('ปฏิทินกิจกรรม', `<a href="/events?date=${day(1)}">วันถัดไป</a> <a href="/events?date=${day(-1)}">วันก่อน</a>`);
    }
    // Ever-growing query strings: every page links to itself with one more filter.
    if (u.pathname === '/search') {
      const n = u.searchParams.size;
      return thaiPage('ค้นหา', `<a href="${u.pathname}${u.search || '?'}&f${n}=${n}">กรองเพิ่ม</a> <a href="${u.pathname}${u.search || '?'}&q=${'ก'.repeat(n + 1)}">ค้นต่อ</a>`);
    }
    // Session ids in URLs: a fresh id on every response, in the query, in a ;jsessionid path parameter
    // and in ASP.NET's cookieless (S(…)) path segment.
    if (u.pathname === '/news') {
      const s = sid();
      return thaiPage('ข่าว', `<a href="/news?PHPSESSID=${s}">ข่าว</a> <a href="/board;jsessionid=${s}">กระดาน</a> <a href="/(S(${s}))/news2">ข่าว 2</a> <a href="/news?sid=${s}&page=1">หน้า 1</a>`);
    }
    if (/^\/board(;|$)/.test(u.pathname) || /news2$/.test(u.pathname)) return thaiPage('กระดาน', `<a href="/news?PHPSESSID=${sid()}">ข่าว</a>`);
    // Symlink-like path loops: a relative link that keeps adding the same directory.
    const loop = /^\/docs\/(.*)$/.exec(u.pathname);
    if (loop) return thaiPage('เอกสาร', `<a href="files/">ไฟล์</a> <a href="archive/files/">คลัง</a>`);
    if (u.pathname === '/') return thaiPage('หน้าแรก', '<a href="/events?date=2026-01-01">ปฏิทิน</a> <a href="/search">ค้นหา</a> <a href="/news">ข่าว</a> <a href="/docs/">เอกสาร</a>');
    return undefined;
  });
});
afterAll(() => site?.close());

let run: CrawlRun;
const by = (re: RegExp) => run.pages.filter((p) => re.test(new URL(p.url).pathname + new URL(p.url).search));
beforeAll(async () => {
  run = await runCrawl(`${site.origin}/`, { maxDepth: 10_000, maxPages: 2000, concurrency: 4 });
}, 60_000);
afterAll(() => run?.store.close());

describe('crawler traps end by themselves (no depth limit)', () => {
  it('an infinite day-by-day calendar is bounded', () => {
    expect(by(/^\/events/).length).toBeGreaterThan(3);
    expect(by(/^\/events/).length).toBeLessThanOrEqual(50);
    expect(run.warnings().some((w) => /calendar/.test(w))).toBe(true);
  });

  it('an ever-growing query string is bounded', () => {
    expect(by(/^\/search/).length).toBeGreaterThan(3);
    expect(by(/^\/search/).length).toBeLessThanOrEqual(40);
    expect(run.warnings().some((w) => /query string keeps growing/.test(w))).toBe(true);
  });

  it('session ids in the query, in ;jsessionid and in ASP.NET (S(…)) segments are dropped', () => {
    expect(by(/^\/news(\?|$)/).map((p) => p.url).sort()).toEqual([`${site.origin}/news`, `${site.origin}/news?page=1`]);
    expect(by(/board/).map((p) => p.url)).toEqual([`${site.origin}/board`]);
    expect(by(/news2/).map((p) => p.url)).toEqual([`${site.origin}/news2`]);
  });

  it('a symlink-like path loop (dir/dir/dir/…) is bounded', () => {
    expect(by(/^\/docs/).length).toBeGreaterThan(1);
    expect(by(/^\/docs/).length).toBeLessThanOrEqual(20);
    expect(run.warnings().some((w) => /repeated path segments/.test(w))).toBe(true);
    expect(run.pages.length).toBeLessThan(200);
  });
});
