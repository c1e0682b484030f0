import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { extractLinks, canonicalOf, scriptUrls } from '../../src/crawl/extract-links.js';
import { parseHtml } from '../../src/crawl/dom.js';
import type { LinkRecord } from '../../src/store/types.js';

const BASE = 'https://www.example.go.th/public/';
const find = (links: LinkRecord[], pred: (l: LinkRecord) => boolean) => {
  const l = links.find(pred);
  if (!l) throw new Error(`no link matched; have: ${links.map((x) => `${x.tag} ${x.toUrl} "${x.text}"`).join('\n')}`);
  return l;
};

describe('extractLinks: markup seen on agency sites', () => {
  const html = `<!doctype html><html><head><meta charset="utf-8">
    <base href="https://www.example.go.th/public/">
    <meta http-equiv="refresh" content="30; URL='/public/home'">
    <link rel="canonical" href="https://www.example.go.th/public/?utm_source=fb">
  </head><body>
  <nav id="mainmenu"><ul class="nav">
    <li><a href="#">ข้อมูลหน่วยงาน</a>
      <ul class="dropdown-menu">
        <li><a href=list/menu/1144 onclick="javascript:void(0)">โครงสร้าง&nbsp;&nbsp;&nbsp;ส่วน<br>ราชการ</a></li>
        <li><span>แผนงาน</span><ul><li><a href="/public/plan/1196">แผนการดำเนินงาน</a></li></ul></li>
      </ul>
    </li>
  </ul></nav>
  <div class="mobile-menu"><ul><li><a href="list/menu/1144">โครงสร้างส่วนราชการ</a></li></ul></div>
  <main>
    <h2>การเปิดเผยข้อมูล</h2>
    <table>
      <tr><th>ข้อ</th><th>ข้อมูล</th><th>URL</th></tr>
      <tr><td colspan="3">ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน</td></tr>
      <tr><td>O1</td><td>โครงสร้าง</td><td><a href="/files/o1.pdf" title="ไฟล์ O1">ดาวน์โหลด</a></td></tr>
    </table>
    <p><strong>O11 รายงานความก้าวหน้า</strong></p>
    <ul><li>รายงานรอบ 6 เดือน <a href="javascript:void(0)">เปิด</a></li></ul>
    <button onclick="window.open('/files/o11.pdf','_blank')">ดูเอกสาร O11</button>
    <a href="#" onclick="location.href='/public/ita/2568'">ITA 2568</a>
    <a href="javascript:window.location.assign('/public/ita/old')">ITA เก่า</a>
    <a href="https://facebook.com/agency"><img src="fb.png" alt="เฟซบุ๊ก"></a>
    <iframe src="/viewer/web/viewer.html?file=%2Ffiles%2Fo12.pdf" title="O12"></iframe>
    <embed src="/files/o13.pdf"><object data="/files/o14.pdf"></object>
    <map><area href="/public/map/1" alt="แผนที่"></map>
    <a href="mailto:saraban@example.go.th">อีเมล</a>
  </main>
  <footer><a href="http://example.go.th/public/contact">ติดต่อ</a></footer>
  </body></html>`;
  const links = extractLinks(html, 'https://www.example.go.th/public/page');

  it('reads unquoted hrefs, collapses &nbsp; runs and <br>, resolves against <base>', () => {
    const l = find(links, (x) => x.toUrl === 'https://www.example.go.th/public/list/menu/1144' && x.region === 'nav');
    expect(l.text).toBe('โครงสร้าง ส่วน ราชการ');
    expect(l.menuPath).toEqual(['ข้อมูลหน่วยงาน', 'โครงสร้าง ส่วน ราชการ']);
    expect(l.tag).toBe('a');
    expect(l.external).toBe(false);
  });

  it('keeps duplicated mobile-menu links as separate records', () => {
    expect(links.filter((x) => x.toUrl.endsWith('/list/menu/1144'))).toHaveLength(2);
  });

  it('records menu ancestry for nested lists, outermost first', () => {
    const l = find(links, (x) => x.toUrl.endsWith('/plan/1196'));
    expect(l.menuPath).toEqual(['ข้อมูลหน่วยงาน', 'แผนงาน', 'แผนการดำเนินงาน']);
    expect(l.region).toBe('nav');
  });

  it('gives table links their row, the full-width row above as heading, and the title as label', () => {
    const l = find(links, (x) => x.toUrl.endsWith('/files/o1.pdf'));
    expect(l.text).toBe('ดาวน์โหลด');
    expect(l.label).toBe('ไฟล์ O1');
    expect(l.rowText).toBe('O1 โครงสร้าง ดาวน์โหลด');
    expect(l.heading).toBe('ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน');
    expect(l.region).toBe('main');
  });

  it('records # and javascript: links raw (not followed) with list-item and bold-paragraph heading', () => {
    const js = find(links, (x) => x.toUrl === 'javascript:void(0)');
    expect(js.text).toBe('เปิด');
    expect(js.listItemText).toBe('รายงานรอบ 6 เดือน เปิด');
    expect(js.heading).toBe('O11 รายงานความก้าวหน้า');
    expect(js.external).toBe(false);
    expect(find(links, (x) => x.toUrl === '#' && x.text === 'ITA 2568').tag).toBe('a');
  });

  it('pulls URLs out of onclick handlers and javascript: hrefs', () => {
    expect(find(links, (x) => x.toUrl.endsWith('/files/o11.pdf')).tag).toBe('onclick');
    expect(find(links, (x) => x.toUrl.endsWith('/files/o11.pdf')).text).toBe('ดูเอกสาร O11');
    expect(find(links, (x) => x.toUrl === 'https://www.example.go.th/public/ita/2568').tag).toBe('onclick');
    expect(find(links, (x) => x.toUrl === 'https://www.example.go.th/public/ita/old').text).toBe('ITA เก่า');
    expect(scriptUrls(`javascript:void(0)`)).toEqual([]);
  });

  it('follows PDF viewers in iframes (the viewer and the file), embed, object, area and meta refresh', () => {
    const frames = links.filter((x) => x.tag === 'iframe').map((x) => x.toUrl);
    expect(frames).toContain('https://www.example.go.th/viewer/web/viewer.html?file=/files/o12.pdf');
    expect(frames).toContain('https://www.example.go.th/files/o12.pdf');
    expect(find(links, (x) => x.tag === 'embed').toUrl).toBe('https://www.example.go.th/files/o13.pdf');
    expect(find(links, (x) => x.tag === 'object').toUrl).toBe('https://www.example.go.th/files/o14.pdf');
    expect(find(links, (x) => x.tag === 'area').label).toBe('แผนที่');
    expect(find(links, (x) => x.tag === 'meta-refresh').toUrl).toBe('https://www.example.go.th/public/home');
  });

  it('marks other hosts external and the www twin / http variant internal; image alt becomes the label', () => {
    const fb = find(links, (x) => x.toUrl.startsWith('https://facebook.com'));
    expect(fb.external).toBe(true);
    expect(fb.label).toBe('เฟซบุ๊ก');
    expect(find(links, (x) => x.toUrl === 'http://example.go.th/public/contact').external).toBe(false);
    expect(find(links, (x) => x.toUrl === 'http://example.go.th/public/contact').region).toBe('footer');
    expect(find(links, (x) => x.toUrl.startsWith('mailto:')).external).toBe(true);
  });

  it('numbers links in document order and finds the canonical URL', () => {
    expect(links.map((l) => l.position)).toEqual(links.map((_l, i) => i));
    expect(canonicalOf(parseHtml(html), BASE)).toBe('https://www.example.go.th/public/');
  });
});

// The saved page lives beside the repository (../shared, read-only, not copied in): a clone elsewhere skips it.
const REAL_HOME = join(import.meta.dirname, '..', '..', '..', 'shared', 'real-pages', 'phukradung-home.html');

describe.skipIf(!existsSync(REAL_HOME))('extractLinks on a real agency home page (phukradung-home.html)', () => {
  // The body runs while tests are collected, skipped or not: read only what is there.
  const html = existsSync(REAL_HOME) ? readFileSync(REAL_HOME, 'utf8') : '';
  const links = extractLinks(html, 'https://www.phukradung.go.th/public/');
  const by = (suffix: string) => links.filter((l) => l.toUrl.startsWith('https://www.phukradung.go.th/public/') && l.toUrl.endsWith(suffix));

  it.each([
    ['list/data/index/menu/1685', 'ITA'],
    ['list/data/index/menu/1144', 'โครงสร้างส่วนราชการ'],
    ['person/data/chart/structure_id/17/menu/1180', 'คณะผู้บริหาร'],
    ['list/data/datacategory/catid/1/menu/1196/', 'แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี'],
    ['list/data/index/menu/1585', 'แผนการจัดหาพัสดุและแผนปฏิบัติการจัดซื้อจัดจ้าง'],
    ['list/data/index/menu/1238', 'สรุปผลการจัดซื้อจัดจ้างรายเดือน/ไตรมาส/ปี'],
    ['fraudcomplaint/data/index/menu/5005', 'ร้องเรียนทุจริต'],
    ['list/data/index/menu/5016', 'การประเมินความเสี่ยงเพื่อป้องกันการทุจริต'],
    ['list/data/index/menu/1696', 'รายงานผลการสำรวจความพึงพอใจการให้บริการ'],
    ['list/data/index/menu/1568', 'เจตจำนงสุจริตของผู้บริหาร'],
  ])('finds %s "%s"', (suffix, text) => {
    const found = by(suffix);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((l) => l.text)).toContain(text);
  });

  it('reads the tab menus: menu path from the tab label, nav region, same-site', () => {
    const exec = by('menu/1180').find((l) => l.text === 'คณะผู้บริหาร')!;
    expect(exec.menuPath).toEqual(['บุคลากร', 'คณะผู้บริหาร']);
    expect(exec.region).toBe('nav');
    expect(exec.external).toBe(false);
    expect(by('list/data/index/menu/1144')[0]!.menuPath?.[0]).toBe('ข้อมูลพื้นฐาน');
  });

  it('records tab toggles raw and off-site links as external', () => {
    expect(links.some((l) => l.toUrl === '#tab-menu-1177' && l.text === 'บุคลากร')).toBe(true);
    expect(links.find((l) => l.toUrl.startsWith('https://itas.nacc.go.th/'))?.external).toBe(true);
    expect(links.length).toBeGreaterThan(300);
  });
});

describe('extractLinks: layout tables', () => {
  it('a link in a layout row (menu cell beside the content cell) gets no row text; a link in a table inside it does', () => {
    const html = `<table width="100%"><tr><td class="leftmenu"><ul><li><a href="/plan">แผนยุทธศาสตร์</a></li></ul></td>
      <td><h2>ITA 2566</h2><table class="ita"><tr><td>4.</td><td>แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</td><td><a href="/f/4.pdf">ดาวน์โหลด</a></td></tr></table></td></tr></table>`;
    const links = extractLinks(html, 'http://www.dan.go.th/ita');
    const menu = links.find((l) => l.toUrl.endsWith('/plan'))!;
    const row = links.find((l) => l.toUrl.endsWith('/4.pdf'))!;
    expect(menu.rowText).toBeUndefined();
    expect(row.rowText).toContain('แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน');
    expect(row.rowText).not.toContain('ITA 2566');
  });
});
