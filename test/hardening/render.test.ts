import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/crawl/chromium.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { runCrawl, type CrawlRun } from '../crawl/helpers/crawl-env.js';

/** Hostile JavaScript in pages the browser renders: hangs, throws, dialogs, downloads. */
const chromium = await findChromium();
const shell = (script: string) => `<!doctype html><html><head><meta charset="utf-8"><title>แอป</title></head><body><div id="app"></div><script>${script}</script></body></html>`;
let site: FixtureSite;
let run: CrawlRun;
let elapsed = 0;

beforeAll(async () => {
  if (!chromium) return;
  site = await startSite({
    '/': `<html><body><p>หน้าแรกของเว็บไซต์ ${'ข้อความ '.repeat(50)}</p><a href="/hang-parse">1</a> <a href="/hang-later">2</a> <a href="/throws">3</a>
      <a href="/dialogs">4</a> <a href="/download">5</a> <a href="/ok">6</a></body></html>`,
    '/hang-parse': shell('while(true){}'),
    '/hang-later': shell(`document.getElementById('app').innerHTML = '<a href="/ok">ok</a>'; setTimeout(() => { while(true){} }, 50);`),
    '/throws': shell(`document.getElementById('app').innerHTML = '<p>ก่อนพัง</p>'; throw new Error('boom');`),
    '/dialogs': shell(`alert('สวัสดี'); confirm('แน่ใจ?'); prompt('ชื่อ'); document.getElementById('app').innerHTML = '<p>หลังกล่องข้อความ</p>';`),
    '/download': shell(`document.getElementById('app').innerHTML = '<p>กำลังดาวน์โหลด</p>'; location.href = '/file.bin';`),
    '/file.bin': { headers: { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="x.bin"' }, body: Buffer.alloc(100_000, 1) },
    '/ok': '<html><body><p>ปกติ</p></body></html>',
  });
  const t0 = Date.now();
  run = await runCrawl(`${site.origin}/`, { render: 'auto', requestTimeoutMs: 3000, maxDepth: 1, concurrency: 4 });
  elapsed = Date.now() - t0;
}, 90_000);
afterAll(async () => {
  await run?.store.close();
  await site?.close();
});

describe.runIf(chromium)('hostile JavaScript when rendering', () => {
  it('an endless loop while parsing times out the render; the crawl continues', () => {
    const p = run.page('/hang-parse')!;
    expect(p).toMatchObject({ status: 200, rendered: false });
    expect(String(p.meta.renderError)).toMatch(/timeout|timed out/i);
    expect(run.page('/ok')).toMatchObject({ status: 200 });
  });

  it('an endless loop after load (when reading the DOM) times out too', () => {
    const p = run.page('/hang-later')!;
    expect(p.rendered).toBe(false);
    expect(String(p.meta.renderError)).toMatch(/timeout|timed out/i);
    expect(elapsed).toBeLessThan(30_000);
  });

  it('a script that throws still renders what it built', () => {
    expect(run.page('/throws')).toMatchObject({ rendered: true });
    expect(run.page('/throws')!.text).toContain('ก่อนพัง');
  });

  it('alert/confirm/prompt dialogs are dismissed and the page renders', () => {
    expect(run.page('/dialogs')).toMatchObject({ rendered: true });
    expect(run.page('/dialogs')!.text).toContain('หลังกล่องข้อความ');
  });

  it('a page that starts a download does not hang or save the file', () => {
    const p = run.page('/download')!;
    expect(p.status).toBe(200);
    expect(elapsed).toBeLessThan(30_000);
  });
});
