import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSite } from '../../src/api/scan-site.js';
import { ScanConfig } from '../../src/config/schema.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { tempDir } from '../crawl/helpers/crawl-env.js';
import { makeDocx } from '../crawl/helpers/zip.js';

/** Crawl → judge → report on a hostile site: its text must reach the reports as text, never as markup. */
const X = `<script>alert(1)</script><img src=x onerror=alert(2)>"'><svg onload=alert(3)>`;
const tmp = tempDir('oit-xss-');
let site: FixtureSite;
let html: string[] = [];

beforeAll(async () => {
  site = await startSite({
    '/': `<!doctype html><html><head><meta charset="utf-8"><title>โครงสร้างส่วนราชการ ${X}</title></head><body>
      <nav><ul><li><a href="/about/structure?x=%22%3E%3Cscript%3Ealert(4)%3C/script%3E">โครงสร้างส่วนราชการ ${X.replace(/</g, '&lt;')}</a></li>
      <li><a href="javascript:alert(5)">ข้อมูลผู้บริหาร</a></li><li><a href="/ita">ITA ${X.replace(/</g, '&lt;')}</a></li></ul></nav>
      <main><h1>หน้าแรก ${X.replace(/</g, '&lt;')}</h1></main></body></html>`,
    '/about/structure?x=%22%3E%3Cscript%3Ealert(4)%3C/script%3E': `<html><head><title>โครงสร้างส่วนราชการ ${X.replace(/</g, '&lt;')}</title></head><body><h1>แผนภูมิโครงสร้างส่วนราชการ</h1><p>สำนักปลัด กองคลัง กองช่าง ${X.replace(/</g, '&lt;')}</p></body></html>`,
    '/ita': `<html><body><table><tr><td>O1</td><td>โครงสร้าง</td><td><a href="/files/o1.docx">${X.replace(/</g, '&lt;')}</a></td></tr>
      <tr><td>O3</td><td>อำนาจหน้าที่</td><td><a href='/x"><script>alert(6)</script>'>อำนาจหน้าที่</a></td></tr></table></body></html>`,
    '/files/o1.docx': { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, body: makeDocx([`โครงสร้างส่วนราชการ ${X}`, 'ผู้บริหาร']) },
  });
  const config = ScanConfig.parse({ render: 'never', useSitemaps: false, ocr: false, year: 2565, db: join(tmp.dir, 'x.db'), out: join(tmp.dir, 'reports') });
  const outcome = await scanSite({ url: `${site.origin}/`, config });
  html = readdirSync(outcome.reportDir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(outcome.reportDir, f), 'utf8'));
}, 90_000);
afterAll(async () => {
  await site?.close();
  tmp.cleanup();
});

describe('hostile site text in the HTML reports', () => {
  it('titles, link texts, URLs and document text never become markup', () => {
    expect(html.length).toBeGreaterThanOrEqual(2);
    for (const h of html) {
      expect(h).not.toMatch(/<script>alert/i);
      expect(h).not.toMatch(/<img src=x/i);
      expect(h).not.toMatch(/<svg onload/i);
      expect(h).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
      expect(h).not.toMatch(/\son(error|load)=alert/i);
    }
  });

  it('the hostile text is still shown (escaped) where the site put it', () => {
    expect(html.join('\n')).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;|&lt;script/);
  });
});
