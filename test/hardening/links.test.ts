import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { runCrawl, type CrawlRun } from '../crawl/helpers/crawl-env.js';

/** Malformed HTML and odd links on a live loopback site. */
let site: FixtureSite;
let run: CrawlRun;
const longPath = '/long/' + 'x'.repeat(5000);
const thaiPath = '/ข่าว/ประกาศ';
const thaiEncoded = encodeURI(thaiPath);

const decode = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

beforeAll(async () => {
  const malformed = Buffer.concat([
    Buffer.from(`<html><head><title>หน้า<b>พัง</title><body><table><tr><td><a href=/a1>หนึ่ง<td><a href=/a2 class=x>สอง</table>
<p>ย่อหน้าไม่ปิด <div><a href='/a3'>สาม</div><a href="/a4"`),
    Buffer.from([0]),
    Buffer.from(`>สี่\u0000</a><a href="javascript:alert(document.cookie)">js</a><a href="data:text/html,<script>alert(1)</script>">data</a>
<a href="data:image/png;base64,${'A'.repeat(300_000)}">big data</a>
<a href="${longPath}">long</a> <a href="/q?${'k=v&'.repeat(2000)}">long query</a>
<a href="http://ตัวอย่าง.ไทย/เอกสาร">IDN</a> <a href="http://xn--72c1ab3bza2d.xn--o3cw4h/">IDN2</a> <a href="http://EXAMPLE.GO.TH./">dot</a>
<a href="${thaiPath}">ไทยดิบ</a> <a href="${thaiEncoded}">ไทยเข้ารหัส</a> <a href="${thaiEncoded.toLowerCase()}">ไทยตัวเล็ก</a>
<a href="/bad%zzescape">escape</a> <a href="http://[::1">broken</a> <a href="  /a1  ">space</a>`),
  ]);
  site = await startSite((path) => {
    if (path === '/') return { body: malformed };
    if (/^\/a\d$/.test(path)) return `<html><body><p>หน้า ${path}</p></body></html>`;
    if (decode(path) === thaiPath) return '<html><body><p>ข่าวประกาศ</p></body></html>';
    if (path === '/bad%zzescape') return '<html><body>ok</body></html>';
    if (path.startsWith('/long/')) return '<html><body>long</body></html>';
    return undefined;
  });
  run = await runCrawl(`${site.origin}/`, { maxDepth: 1 });
}, 60_000);
afterAll(async () => {
  await run?.store.close();
  await site?.close();
});

describe('malformed HTML', () => {
  it('unclosed tags, unquoted attributes and NUL bytes still give text and every link', () => {
    const home = run.page('/')!;
    expect(home.error).toBeUndefined();
    expect(home.title).toMatch(/^หน้า/);
    for (const p of ['/a1', '/a2', '/a3', '/a4']) expect(run.page(p), p).toMatchObject({ status: 200 });
    expect(site.hits.get('/a1')).toBe(1); // "  /a1  " is the same URL
  });
});

describe('links that must not be fetched', () => {
  it('javascript: and data: links are recorded (data: shortened), never fetched', async () => {
    const links = await run.store.listLinks('s1');
    const js = links.find((l) => l.toUrl.startsWith('javascript:'))!;
    expect(js).toMatchObject({ external: false });
    const data = links.filter((l) => l.toUrl.startsWith('data:'));
    expect(data).toHaveLength(2);
    for (const d of data) expect(d.toUrl.length).toBeLessThanOrEqual(2100);
    expect(run.pages.every((p) => /^http:\/\/127\.0\.0\.1:/.test(p.url))).toBe(true);
  });

  it('IDN hosts are recorded in punycode, external, never fetched', async () => {
    const links = await run.store.listLinks('s1');
    const idn = links.filter((l) => l.text.startsWith('IDN'));
    expect(idn.map((l) => l.toUrl)).toEqual([`http://${new URL('http://ตัวอย่าง.ไทย').hostname}/%E0%B9%80%E0%B8%AD%E0%B8%81%E0%B8%AA%E0%B8%B2%E0%B8%A3`, 'http://xn--72c1ab3bza2d.xn--o3cw4h/']);
    expect(idn[0]!.toUrl).toMatch(/^http:\/\/xn--/);
    expect(idn.every((l) => l.external)).toBe(true);
    expect(links.find((l) => l.text === 'dot')).toMatchObject({ toUrl: 'http://example.go.th/', external: true });
  });

  it('very long URLs are skipped as traps (not fetched), broken ones recorded raw', async () => {
    expect(site.hits.get(longPath)).toBeUndefined();
    expect([...site.hits.keys()].some((k) => k.startsWith('/q?'))).toBe(false);
    expect(run.warnings().some((w) => /URL too long|query/.test(w))).toBe(true);
    const links = await run.store.listLinks('s1');
    expect(links.find((l) => l.text === 'broken')?.toUrl).toBe('http://[::1');
  });
});

describe('percent-encoded Thai paths', () => {
  it('raw, encoded and lower-case-encoded Thai paths are one page, fetched once', () => {
    const pages = run.pages.filter((p) => p.text.includes('ข่าวประกาศ'));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.url).toBe(`${site.origin}${thaiEncoded}`);
    expect([...site.hits.entries()].filter(([k]) => decode(k) === thaiPath).reduce((n, [, v]) => n + v, 0)).toBe(1);
    expect(run.page('/bad%zzescape')).toMatchObject({ status: 200 });
  });
});
