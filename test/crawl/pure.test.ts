import iconv from 'iconv-lite';
import { describe, it, expect } from 'vitest';
import { checkAddresses, isBlockedAddress } from '../../src/crawl/address-guard.js';
import { decodeHtml } from '../../src/crawl/decode.js';
import { detectKind } from '../../src/crawl/documents/sniff.js';
import { Frontier } from '../../src/crawl/frontier.js';
import { PriorityModel } from '../../src/crawl/priority.js';
import { needsJs } from '../../src/crawl/needs-js.js';
import { parseHtml } from '../../src/crawl/dom.js';
import { extractText } from '../../src/crawl/extract-text.js';
import { normalizeUrl } from '../../src/crawl/normalize-url.js';
import { backoffMs, HostGate, MAX_RETRY_AFTER_MS, parseRetryAfter, type SharedHostSlots } from '../../src/crawl/politeness.js';
import { parseRobots } from '../../src/crawl/robots.js';
import { createScope } from '../../src/crawl/scope.js';
import { parseSitemap } from '../../src/crawl/sitemap.js';
import { repeatedSegments, TrapDetector } from '../../src/crawl/traps.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://WWW.Example.GO.TH:80/Public/Index.php', 'http://www.example.go.th/Public/Index.php'],
    ['https://example.go.th:443/a#section', 'https://example.go.th/a'],
    ['https://example.go.th/a?b=2&a=1', 'https://example.go.th/a?a=1&b=2'],
    ['https://example.go.th/a?utm_source=fb&utm_medium=x&id=5&fbclid=abc&gclid=1', 'https://example.go.th/a?id=5'],
    ['https://example.go.th/a?PHPSESSID=abc123&page=2', 'https://example.go.th/a?page=2'],
    ['https://example.go.th/list;jsessionid=ABC123?x=1', 'https://example.go.th/list?x=1'],
    ['https://example.go.th/index.php?_mod=ZmlsZXM=&type=MzI=', 'https://example.go.th/index.php?_mod=ZmlsZXM=&type=MzI='],
    ['https://example.go.th/%7euser/%e0%b8%82', 'https://example.go.th/~user/%E0%B8%82'],
    ['https://example.go.th/ข่าว/ประกาศ', 'https://example.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8'],
    ['https://example.go.th', 'https://example.go.th/'],
    ['https://example.go.th/a?', 'https://example.go.th/a'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });

  it('resolves relative URLs and rejects what cannot be fetched', () => {
    expect(normalizeUrl('../b/c.pdf', 'https://example.go.th/a/x/y')).toBe('https://example.go.th/a/b/c.pdf');
    expect(normalizeUrl(' /a b ', 'https://example.go.th/')).toBe('https://example.go.th/a%20b');
    expect(normalizeUrl('mailto:a@b.c')).toBeUndefined();
    expect(normalizeUrl('javascript:void(0)', 'https://example.go.th/')).toBeUndefined();
    expect(normalizeUrl('http://[bad')).toBeUndefined();
  });
});

describe('scope', () => {
  const scope = createScope('https://www.example.go.th/', [], ['/\\/admin\\//', '*.zip']);
  it.each([
    ['https://www.example.go.th/a', true],
    ['http://www.example.go.th/a', true],
    ['https://example.go.th/a', true],
    ['http://example.go.th/a', true],
    ['https://sub.example.go.th/a', false],
    ['https://www.example.go.th.evil.com/a', false],
    ['https://www.other.go.th/a', false],
    ['https://www.example.go.th:8443/a', false],
    ['ftp://www.example.go.th/a', false],
  ])('same site: %s → %s', (url, same) => {
    expect(scope.isSameSite(url)).toBe(same);
  });

  it('applies exclude (regex and glob) and include (glob)', () => {
    expect(scope.inScope('https://www.example.go.th/admin/login')).toBe(false);
    expect(scope.inScope('https://www.example.go.th/files/all.zip')).toBe(false);
    expect(scope.inScope('https://www.example.go.th/files/a.pdf')).toBe(true);
    const only = createScope('https://example.go.th/', ['/public/**'], []);
    expect(only.inScope('https://example.go.th/')).toBe(true);
    expect(only.inScope('https://example.go.th/public/a/b')).toBe(true);
    expect(only.inScope('https://example.go.th/private/a')).toBe(false);
    expect(only.excludedBy('https://example.go.th/private/a')).toMatch(/include/);
  });

  it('treats an IP host as itself (no www twin) and keeps its port', () => {
    const ip = createScope('http://127.0.0.1:8080/');
    expect(ip.isSameSite('http://127.0.0.1:8080/x')).toBe(true);
    expect(ip.isSameSite('http://127.0.0.2:8080/x')).toBe(false);
    expect(ip.isSameSite('http://www.127.0.0.1:8080/x')).toBe(false);
  });
});

describe('private-address guard (pure)', () => {
  it.each([
    ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.254', true], ['172.32.0.1', false], ['192.168.1.10', true],
    ['100.64.0.1', true], ['100.127.255.255', true], ['100.128.0.1', false], ['127.0.0.1', true], ['127.8.9.10', true],
    ['169.254.169.254', true], ['0.0.0.0', true], ['8.8.8.8', false], ['203.113.1.1', false], ['::1', true], ['::', true],
    ['fe80::1', true], ['fc00::1', true], ['fd00:1234::5', true], ['::ffff:10.0.0.1', true], ['::ffff:203.113.1.1', false],
    ['2001:db8::1', false], ['2404:6800:4001::200e', false], ['not-an-ip', true], ['999.1.1.1', true],
  ])('isBlockedAddress(%s) = %s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });

  it('allows a private start host only for itself, or everything with allowPrivate', () => {
    const policy = { privateHostsAllowed: new Set(['intranet.local']), allowPrivate: false };
    expect(checkAddresses('intranet.local', ['10.0.0.5'], policy)).toBeUndefined();
    expect(checkAddresses('other.local', ['10.0.0.6'], policy)).toMatch(/blocked: private address/);
    expect(checkAddresses('mixed.example', ['203.113.1.1', '192.168.0.1'], policy)).toMatch(/blocked/);
    expect(checkAddresses('public.example', ['203.113.1.1'], policy)).toBeUndefined();
    expect(checkAddresses('other.local', ['10.0.0.6'], { ...policy, allowPrivate: true })).toBeUndefined();
    expect(checkAddresses('nothing', [], policy)).toBe('no address');
  });
});

describe('traps', () => {
  it('bounds calendars that keep advancing and rejects far-off years', () => {
    const t = new TrapDetector(undefined, new Date('2026-06-01'));
    let allowed = 0;
    for (let m = 0; m < 120; m++) {
      const d = new Date(Date.UTC(2026, m, 1));
      if (!t.check(`https://e.go.th/calendar?month=${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`)) allowed++;
    }
    expect(allowed).toBeLessThanOrEqual(24);
    expect(t.check('https://e.go.th/ปฏิทิน/2590')).toMatch(/calendar/);
    expect(t.check('https://e.go.th/news/2026/05/item')).toBeUndefined();
  });

  it('catches repeated path segments, growing queries and numbered variants', () => {
    const t = new TrapDetector();
    expect(t.check('https://e.go.th/a/b/a/b/a/b/page')).toMatch(/repeated path/);
    expect(repeatedSegments(['x', 'x', 'x'])).toBe('x');
    expect(repeatedSegments(['public', 'list', 'data', 'index', 'menu', '1685'])).toBeUndefined();
    expect(t.check(`https://e.go.th/s?q=${'a'.repeat(500)}`)).toMatch(/query/);
    expect(t.check('https://e.go.th/s?a=1&a=2&a=3&a=4')).toMatch(/repeated query/);
    const v = new TrapDetector({ calendarVariants: 24, queryVariants: 10, maxQueryLength: 400, maxQueryParams: 16, maxUrlLength: 2000 });
    const hits = Array.from({ length: 30 }, (_x, i) => v.check(`https://e.go.th/list?page=${i}`)).filter(Boolean);
    expect(hits.length).toBe(20);
    // A long pager and a long article list on a query-less page are not query growth.
    const lists = new TrapDetector();
    const pager = Array.from({ length: 60 }, (_x, i) => lists.check(`https://e.go.th/news?page=${i + 1}`, 'https://e.go.th/news'));
    const articles = Array.from({ length: 80 }, (_x, i) => lists.check(`https://e.go.th/news.php?id=${1000 + i}`, 'https://e.go.th/news.php'));
    expect([...pager, ...articles].filter(Boolean)).toEqual([]);
    // Filters added on top of a query, page after page, are.
    const facets = new TrapDetector();
    let url = 'https://e.go.th/search?q=ita';
    const verdicts: Array<string | undefined> = [];
    for (let i = 0; i < 10; i++) {
      const next = `${url}&f${i}=${i}`;
      verdicts.push(facets.check(next, url));
      url = next;
    }
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(0);
    // Opaque base64 CMS ids are distinct pages, not numbered variants.
    const b64 = Array.from({ length: 30 }, (_x, i) => v.check(`https://e.go.th/index.php?_mod=${Buffer.from(`files${String.fromCharCode(97 + (i % 26))}${i}`).toString('base64')}`));
    expect(b64.filter(Boolean)).toEqual([]);
  });
});

describe('politeness', () => {
  it('parses Retry-After as seconds or an HTTP date, capped', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
  it('backs off exponentially with jitter', () => {
    expect(backoffMs(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffMs(3, 500, 30_000, () => 0)).toBe(2000);
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000);
  });
  it('takes its slots from the shared store when there is a gap, and only then', async () => {
    const calls: string[] = [];
    const shared: SharedHostSlots = {
      reserve: async (gap) => (calls.push(`reserve ${gap}`), 0),
      hold: async (ms) => void calls.push(`hold ${ms}`),
    };
    const noGap = new HostGate(0, shared);
    await noGap.wait();
    await noGap.wait();
    expect(calls).toEqual([]); // nothing to coordinate: no round trip per request
    const gated = new HostGate(0, shared);
    gated.raiseGap(1500); // robots.txt Crawl-delay
    const t0 = Date.now();
    await gated.wait();
    await gated.wait();
    // The shared store said "go now" twice; a local gap would have made the second wait 1.5 s.
    expect(Date.now() - t0).toBeLessThan(1000);
    gated.pauseFor(5);
    expect(calls).toEqual(['reserve 1500', 'reserve 1500', 'hold 5']);
  });
  it('falls back to its own gap, once, when the shared store fails', async () => {
    const errors: unknown[] = [];
    const gate = new HostGate(120, { reserve: async () => { throw new Error('connection lost'); }, hold: async () => undefined }, (e) => errors.push(e));
    const t0 = Date.now();
    await gate.wait();
    await gate.wait();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    expect(errors).toHaveLength(1);
  });
});

describe('robots.txt and sitemaps', () => {
  it('reads Disallow, Crawl-delay and Sitemap lines for our user agent', () => {
    const r = parseRobots('https://e.go.th/robots.txt', 'User-agent: *\nDisallow: /private/\nCrawl-delay: 2\nSitemap: https://e.go.th/sm.xml\n', 'oit/0.1 (x)');
    expect(r.isAllowed('https://e.go.th/private/a')).toBe(false);
    expect(r.isAllowed('https://e.go.th/public/a')).toBe(true);
    expect(r.crawlDelayMs).toBe(2000);
    expect(r.sitemaps).toEqual(['https://e.go.th/sm.xml']);
  });
  it('parses urlsets and sitemap indexes', () => {
    expect(parseSitemap('<urlset><url><loc> https://e.go.th/a?x=1&amp;y=2 </loc></url></urlset>')).toEqual({ urls: ['https://e.go.th/a?x=1&y=2'], sitemaps: [] });
    expect(parseSitemap('<sitemapindex><sitemap><loc>https://e.go.th/s1.xml</loc></sitemap></sitemapindex>').sitemaps).toEqual(['https://e.go.th/s1.xml']);
  });
});

describe('decodeHtml: Thai legacy encodings', () => {
  const thai = 'องค์การบริหารส่วนตำบล ข้อมูลพื้นฐาน โครงสร้างส่วนราชการ ความก้าวหน้า';
  const html = (head: string) => Buffer.concat([Buffer.from(`<html><head>${head}</head><body><p>`), iconv.encode(thai, 'windows-874'), Buffer.from('</p></body></html>')]);
  it('decodes a labelled windows-874 / TIS-620 page', () => {
    expect(decodeHtml(html(''), 'text/html; charset=windows-874').text).toContain(thai);
    expect(decodeHtml(html('<meta http-equiv="Content-Type" content="text/html; charset=tis-620">')).text).toContain(thai);
    expect(decodeHtml(html('<meta charset="iso-8859-11">')).charset).toBe('windows-874');
  });
  it('detects an unlabelled windows-874 page', () => {
    const d = decodeHtml(html(''), 'text/html');
    expect(d.text).toContain(thai);
    expect(d.source).toBe('detected');
  });
  it('fixes a windows-874 page mislabelled as UTF-8 (and one labelled latin-1)', () => {
    const d = decodeHtml(html('<meta charset="utf-8">'), 'text/html; charset=UTF-8');
    expect(d.text).toContain(thai);
    expect(d.mislabelled).toBe('utf-8');
    expect(decodeHtml(html(''), 'text/html; charset=iso-8859-1').text).toContain(thai);
  });
  it('keeps UTF-8 (with BOM, or labelled windows-874 by mistake)', () => {
    const utf = Buffer.from(`<html><body>${thai}</body></html>`);
    expect(decodeHtml(utf, 'text/html').text).toContain(thai);
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf])).source).toBe('bom');
    expect(decodeHtml(utf, 'text/html; charset=tis-620').text).toContain(thai);
  });
});

describe('document sniffing', () => {
  it('trusts magic bytes over a wrong Content-Type, then the type, then the extension', () => {
    expect(detectKind('text/html', Buffer.from('%PDF-1.4\n...'), 'https://e.go.th/download.php?id=1')).toBe('pdf');
    expect(detectKind('application/octet-stream', Buffer.from('%PDF-1.7'), 'https://e.go.th/x')).toBe('pdf');
    expect(detectKind('application/zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('....word/document.xml')]), 'https://e.go.th/x')).toBe('docx');
    expect(detectKind('application/octet-stream', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('....xl/workbook.xml')]), 'https://e.go.th/x')).toBe('xlsx');
    expect(detectKind(undefined, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'https://e.go.th/a.xls')).toBe('xls');
    expect(detectKind('text/html; charset=utf-8', Buffer.from('<!doctype html><html>'), 'https://e.go.th/a.pdf')).toBe('html');
    expect(detectKind('application/pdf', Buffer.from('garbage'), 'https://e.go.th/a')).toBe('pdf');
  });
});

describe('frontier and needs-JS', () => {
  it('serves ITA-looking links first, FIFO within a priority, deduped', () => {
    const f = new Frontier();
    const model = new PriorityModel();
    const priorityOf = (url: string, text: string) => model.ofLink(url, { fromUrl: '', toUrl: url, text, position: 0, tag: 'a' as const, external: false }, undefined, 1);
    f.push({ url: 'https://e.go.th/news', depth: 1, priority: priorityOf('https://e.go.th/news', 'ข่าวประชาสัมพันธ์') });
    f.push({ url: 'https://e.go.th/a.pdf', depth: 1, priority: priorityOf('https://e.go.th/a.pdf', 'ดาวน์โหลด') });
    f.push({ url: 'https://e.go.th/menu/1685', depth: 1, priority: priorityOf('https://e.go.th/menu/1685', 'ITA') });
    f.push({ url: 'https://e.go.th/menu/1144', depth: 1, priority: priorityOf('https://e.go.th/menu/1144', 'หน้าหลัก') });
    expect(f.push({ url: 'https://e.go.th/news', depth: 2, priority: 0 })).toBe(false);
    const order = [f.next(), f.next(), f.next(), f.next(), f.next()].map((e) => e?.url);
    expect(order).toEqual(['https://e.go.th/menu/1685', 'https://e.go.th/a.pdf', 'https://e.go.th/news', 'https://e.go.th/menu/1144', undefined]);
  });

  it('flags app shells and noscript pleas, not ordinary pages', () => {
    const check = (html: string) => {
      const root = parseHtml(html);
      return needsJs(root, extractText(root).text, 0).needsJs;
    };
    expect(check('<html><body><div id="app"></div><script src="/app.js"></script></body></html>')).toBe(true);
    expect(check('<html><body><noscript>Please enable JavaScript to continue</noscript><div id="root"></div><script></script></body></html>')).toBe(true);
    expect(check(`<html><body><ul id="menu" class="menu"></ul><p>${'ข้อความ '.repeat(60)}</p><script>build()</script></body></html>`)).toBe(true);
    expect(check(`<html><body><ul class="menu"><li><a href="/a">ก</a></li></ul><p>${'ข้อความ '.repeat(60)}</p><script>x()</script></body></html>`)).toBe(false);
    // An ITA list shipped empty and filled by an inline script (ids are free-form on real sites).
    const page = (container: string, script: string) =>
      `<html><body><h1>ITA 2567</h1><p>${'ข้อความ '.repeat(60)}</p>${container}<script>${script}</script></body></html>`;
    expect(check(page('<div id="ita-app"></div>', "render()"))).toBe(true);
    expect(check(page('<div id="oitItems"></div>', "document.getElementById('oitItems').innerHTML = rows"))).toBe(true);
    expect(check(page('<table><tbody id="rows"></tbody></table>', "$('#rows').append(html)"))).toBe(true);
    expect(check(page('<div id="oitItems"></div>', "console.log('ready')"))).toBe(false);
    expect(check(page('<div id="oitItems"><a href="/o1">O1</a></div>', "document.getElementById('oitItems').classList.add('x')"))).toBe(false);
  });
});
