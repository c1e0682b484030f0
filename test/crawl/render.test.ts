import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { findChromium } from '../../src/crawl/chromium.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { runCrawl, thaiPage } from './helpers/crawl-env.js';

/** A site whose menu exists only after JavaScript runs (an empty app root plus a script). */
let site: FixtureSite;
const chromium = await findChromium();

beforeAll(async () => {
  site = await startSite({
    '/': `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>อบต.ตัวอย่าง</title></head>
      <body><div id="app"></div><noscript>กรุณาเปิดใช้งาน JavaScript</noscript><img src="/banner.png"><script src="/app.js"></script></body></html>`,
    '/app.js': {
      headers: { 'content-type': 'application/javascript; charset=utf-8' },
      body: `document.getElementById('app').innerHTML = '<nav><ul class="menu"><li><a href="#">ข้อมูลหน่วยงาน</a><ul>' +
        '<li><a href="/ita/o1">O1 โครงสร้างส่วนราชการ</a></li></ul></li></ul></nav><main><h1>หน้าแรก</h1><p>ยินดีต้อนรับสู่องค์การบริหารส่วนตำบลตัวอย่าง</p></main>';`,
    },
    '/banner.png': { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    '/ita/o1': thaiPage('โครงสร้างส่วนราชการ', '<p>แผนภูมิโครงสร้าง</p>'),
  });
});
afterAll(() => site?.close());

describe.runIf(chromium)('client-rendered pages with Chromium', () => {
  it('render auto: renders only the JS page and finds its script-built menu', async () => {
    const r = await runCrawl(`${site.origin}/`, { render: 'auto' });
    const home = r.page('/')!;
    expect(home).toMatchObject({ needsJs: true, rendered: true, textSource: 'rendered' });
    expect(home.text).toContain('ยินดีต้อนรับสู่องค์การบริหารส่วนตำบลตัวอย่าง');
    expect(home.html).toContain('/ita/o1');
    const link = (await r.store.listLinks('s1')).find((l) => l.toUrl === `${site.origin}/ita/o1`);
    expect(link).toMatchObject({ text: 'O1 โครงสร้างส่วนราชการ', menuPath: ['ข้อมูลหน่วยงาน', 'O1 โครงสร้างส่วนราชการ'], region: 'nav' });
    expect(r.page('/ita/o1')).toMatchObject({ rendered: false, needsJs: false, textSource: 'html' });
    expect(r.stats.needsJsUnrendered).toBe(0);
    expect(site.hits.get('/banner.png')).toBeUndefined(); // images are blocked while rendering
    await r.store.close();
  });

  it("the browser connects to the address the guard checked, not one it resolves itself (a name only oit's resolver knows)", async () => {
    // "oit-render.test" exists only in this test's resolver (→ 127.0.0.1): Chromium can reach the site only
    // through the --host-resolver-rules mapping to the checked address.
    const origin = site.origin.replace('127.0.0.1', 'oit-render.test');
    const r = await runCrawl(`${origin}/`, { render: 'auto' }, { resolve: async (h) => (h === 'oit-render.test' ? ['127.0.0.1'] : []) });
    expect(r.page('/')).toMatchObject({ needsJs: true, rendered: true, textSource: 'rendered' });
    expect(r.page('/')!.text).toContain('ยินดีต้อนรับสู่องค์การบริหารส่วนตำบลตัวอย่าง');
    await r.store.close();
  });

  it('render always: renders ordinary pages too', async () => {
    const r = await runCrawl(`${site.origin}/ita/o1`, { render: 'always', maxPages: 1 });
    expect(r.page('/ita/o1')).toMatchObject({ rendered: true, textSource: 'rendered' });
    await r.store.close();
  });
});

describe('client-rendered pages without a browser', () => {
  it('continues HTTP-only with one warning and marks the page needsJs, unrendered', async () => {
    const r = await runCrawl(
      `${site.origin}/`,
      { render: 'auto', chromiumPath: '/nonexistent/chromium' },
      // A bogus path, no OIT_CHROMIUM_PATH, and a finder that reports "none" (this machine has /usr/bin/chromium).
      { env: {}, findChromium: async () => undefined },
    );
    expect(r.page('/')).toMatchObject({ needsJs: true, rendered: false, textSource: 'html' });
    expect(r.page('/')!.meta.needsJsReasons).toContain('empty app root');
    expect(r.stats.needsJsUnrendered).toBe(1);
    expect(r.warnings().filter((w) => /no Chromium found/.test(w))).toHaveLength(1);
    expect(r.page('/ita/o1')).toBeUndefined();
    await r.store.close();
  });

  it('render never: no browser is looked for, the page is still marked', async () => {
    let asked = false;
    const r = await runCrawl(`${site.origin}/`, { render: 'never' }, { findChromium: async () => ((asked = true), undefined) });
    expect(asked).toBe(false);
    expect(r.page('/')).toMatchObject({ needsJs: true, rendered: false });
    expect(r.warnings()).toEqual([]);
    await r.store.close();
  });
});
