import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { closePdfBrowser, makePdf, makeScannedPdf } from '../helpers/pdf.js';
import { makeEncryptedPdf } from './helpers/broken-pdf.js';
import { runCrawl, thaiPage, type CrawlRun } from './helpers/crawl-env.js';
import { makeDocx, makeXlsx } from './helpers/zip.js';

/** A small Thai local-government site: menus, an ITA table, documents of every kind, legacy pages. */
let site: FixtureSite;
let run: CrawlRun;
const legacy = (label: string) =>
  Buffer.concat([Buffer.from(`<html><head><title>`), iconv.encode('ประกาศเก่า', 'windows-874'), Buffer.from(`</title>${label}</head><body><p>`), iconv.encode('ประกาศองค์การบริหารส่วนตำบล เรื่อง การจัดซื้อจัดจ้าง ประจำปี', 'windows-874'), Buffer.from('</p></body></html>')]);

beforeAll(async () => {
  const [o11, scan] = await Promise.all([
    makePdf('<h1>รายงานความก้าวหน้าการดำเนินงาน รอบ 6 เดือน</h1><p>ประจำปีงบประมาณ พ.ศ. 2568</p>'),
    makeScannedPdf('<h1 style="font-size:44pt">แผนการจัดซื้อจัดจ้าง</h1>'),
  ]);
  const pdf = (body: Buffer, type = 'application/pdf') => ({ headers: { 'content-type': type }, body });
  site = await startSite((path, req) => {
    const origin = `http://${req.headers.host}`;
    const routes: Record<string, string | { status?: number; headers?: Record<string, string>; body?: string | Buffer }> = {
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: `User-agent: *\nDisallow: /private/\nSitemap: ${origin}/sitemap.xml\n` },
      '/sitemap.xml': { headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0"?><sitemapindex><sitemap><loc>${origin}/sitemap-pages.xml</loc></sitemap></sitemapindex>` },
      '/sitemap-pages.xml': { headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0"?><urlset><url><loc>${origin}/hidden/announcement</loc></url><url><loc>https://other.example/x</loc></url></urlset>` },
      '/': thaiPage('องค์การบริหารส่วนตำบลตัวอย่าง', `<p>ยินดีต้อนรับ</p>
        <a href="/news?id=1&utm_source=line">ข่าวประชาสัมพันธ์</a> <a href="/private/secret">ภายใน</a>
        <a href="/legacy/labelled">ประกาศเก่า 1</a> <a href="/legacy/unlabelled">ประกาศเก่า 2</a> <a href="/legacy/mislabelled">ประกาศเก่า 3</a>
        <a href="https://www.facebook.com/example">Facebook</a> <a href="/logo.png">โลโก้</a>`),
      '/about/structure': thaiPage('โครงสร้างส่วนราชการ', '<p>แผนภูมิโครงสร้างส่วนราชการ สำนักปลัด กองคลัง กองช่าง</p>'),
      '/about/executives': thaiPage('คณะผู้บริหาร', '<p>นายกองค์การบริหารส่วนตำบล</p>'),
      '/ita': thaiPage('การประเมินคุณธรรมและความโปร่งใส (ITA) 2568', `
        <table><tr><th>ข้อ</th><th>ข้อมูล</th><th>URL</th></tr>
        <tr><td colspan="3">ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน</td></tr>
        <tr><td>O1</td><td>โครงสร้าง</td><td><a href=/about/structure>คลิกที่นี่</a></td></tr>
        <tr><td>O11</td><td>รายงานความก้าวหน้า</td><td><a href="/viewer?file=/files/o11.pdf">ดาวน์โหลด</a></td></tr>
        <tr><td>O12</td><td>รายงานผล</td><td><a href="/download.php?id=12">ดาวน์โหลด</a></td></tr>
        <tr><td>O20</td><td>คู่มือ</td><td><a href="/files/o20.docx">doc_20.docx</a></td></tr>
        <tr><td>O21</td><td>สถิติ</td><td><a href="/files/o21.xlsx">ดาวน์โหลด</a></td></tr>
        <tr><td>O30</td><td>แผนจัดซื้อ</td><td><a href="/files/scan.pdf">ดาวน์โหลด</a></td></tr>
        <tr><td>O31</td><td>ลับ</td><td><a href="/files/enc.pdf">ดาวน์โหลด</a> <a href="/files/broken.pdf">สำรอง</a></td></tr>
        </table>`),
      '/viewer?file=/files/o11.pdf': thaiPage('O11', '<iframe src="/pdfjs/web/viewer.html?file=%2Ffiles%2Fo11.pdf" width="100%"></iframe>'),
      '/files/o11.pdf': pdf(o11),
      '/download.php?id=12': pdf(o11, 'application/octet-stream'),
      '/files/o20.docx': { headers: { 'content-type': 'application/zip' }, body: makeDocx(['คู่มือการปฏิบัติงาน', 'การให้บริการประชาชน']) },
      '/files/o21.xlsx': { headers: { 'content-type': 'application/octet-stream' }, body: makeXlsx({ 'สถิติ': [['เดือน', 'จำนวนผู้รับบริการ'], ['ตุลาคม', '120']] }) },
      '/files/scan.pdf': pdf(scan),
      '/files/enc.pdf': pdf(makeEncryptedPdf()),
      '/files/broken.pdf': pdf(o11.subarray(0, Math.floor(o11.length / 2))),
      '/hidden/announcement': thaiPage('ประกาศที่ไม่มีลิงก์', '<p>ประกาศรับสมัครงาน</p>'),
      '/news?id=1': thaiPage('ข่าว', '<p>ข่าวกิจกรรม</p>'),
      // A real server ignores tracking parameters; this one answers the spelling the site links.
      '/news?id=1&utm_source=line': thaiPage('ข่าว', '<p>ข่าวกิจกรรม</p>'),
      '/private/secret': thaiPage('ลับ', '<p>ห้ามเก็บ</p>'),
      '/logo.png': { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
      '/legacy/labelled': { headers: { 'content-type': 'text/html; charset=TIS-620' }, body: legacy('') },
      '/legacy/unlabelled': { headers: { 'content-type': 'text/html' }, body: legacy('') },
      '/legacy/mislabelled': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: legacy('<meta charset="utf-8">') },
    };
    return routes[path];
  });
  run = await runCrawl(`${site.origin}/`, { useSitemaps: true, ocrMaxPages: 1 });
}, 120_000);

afterAll(async () => {
  await run?.store.close();
  await site?.close();
  await closePdfBrowser();
});

describe('crawling a Thai agency fixture site', () => {
  it('stores every reachable page and document once, with stats to match', async () => {
    const urls = run.pages.map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const p of ['/', '/ita', '/about/structure', '/about/executives', '/viewer?file=/files/o11.pdf', '/files/o11.pdf', '/download.php?id=12', '/files/o20.docx', '/files/o21.xlsx', '/news?id=1']) {
      expect(run.page(p), p).toBeDefined();
    }
    expect(run.stats.documentsFetched).toBe(run.pages.filter((p) => ['pdf', 'docx', 'xlsx'].includes(p.kind)).length);
    expect(run.stats.pagesFetched + run.stats.documentsFetched).toBe(run.pages.length);
    expect(run.stats.errors).toBe(run.pages.filter((p) => p.error).length);
    expect(run.events[0]).toMatchObject({ type: 'start', resumed: false });
    expect(run.events.at(-1)).toMatchObject({ type: 'done' });
    expect((await run.store.getScan('s1'))?.stats.pagesFetched).toBe(run.stats.pagesFetched);
    expect((await run.store.frontierCounts('s1')).queued).toBe(0);
  });

  it('fetches the ITA page before ordinary pages', () => {
    const order = run.events.filter((e) => e.type === 'page').map((e) => (e as { url: string }).url);
    expect(order.indexOf(`${site.origin}/ita`)).toBeLessThan(order.indexOf(`${site.origin}/news?id=1`));
  });

  it('stores links with their table-row and heading context', async () => {
    const links = await run.store.listLinks('s1');
    const o1 = links.find((l) => l.fromUrl === `${site.origin}/ita` && l.toUrl === `${site.origin}/about/structure` && l.region !== 'nav');
    expect(o1).toMatchObject({ text: 'คลิกที่นี่', rowText: 'O1 โครงสร้าง คลิกที่นี่', heading: 'ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน', region: 'main' });
    const fb = links.find((l) => l.toUrl.startsWith('https://www.facebook.com'));
    expect(fb?.external).toBe(true);
  });

  it('reads PDFs behind a viewer iframe and mislabelled downloads with Thai intact', () => {
    const o11 = run.page('/files/o11.pdf')!;
    expect(o11.kind).toBe('pdf');
    expect(o11.textSource).toBe('pdftotext');
    expect(o11.text.replace(/\s+/g, '')).toContain('ความก้าวหน้า');
    expect(o11.referrer).toBe(`${site.origin}/viewer?file=/files/o11.pdf`);
    const dl = run.page('/download.php?id=12')!;
    expect(dl.kind).toBe('pdf');
    expect(dl.sha256).toBe(o11.sha256);
  });

  it('reads DOCX and XLSX served with generic types', () => {
    expect(run.page('/files/o20.docx')).toMatchObject({ kind: 'docx', textSource: 'docx' });
    expect(run.page('/files/o20.docx')!.text).toContain('คู่มือการปฏิบัติงาน');
    expect(run.page('/files/o21.xlsx')).toMatchObject({ kind: 'xlsx', textSource: 'xlsx' });
    expect(run.page('/files/o21.xlsx')!.text).toContain('จำนวนผู้รับบริการ');
  });

  it('OCRs the scanned PDF and records encrypted and truncated PDFs as errors', () => {
    const scan = run.page('/files/scan.pdf')!;
    expect(scan.textSource).toBe('ocr');
    expect(scan.text.replace(/\s+/g, '')).toContain('จัดจ้าง');
    expect(run.page('/files/enc.pdf')).toMatchObject({ kind: 'pdf', status: 200, error: 'encrypted PDF' });
    expect(run.page('/files/broken.pdf')).toMatchObject({ kind: 'pdf', error: 'truncated PDF' });
  });

  it('decodes windows-874 pages: labelled, unlabelled and mislabelled as UTF-8', () => {
    for (const p of ['/legacy/labelled', '/legacy/unlabelled', '/legacy/mislabelled']) {
      const page = run.page(p)!;
      expect(page.text, p).toContain('ประกาศองค์การบริหารส่วนตำบล เรื่อง การจัดซื้อจัดจ้าง ประจำปี');
      expect(page.title, p).toBe('ประกาศเก่า');
      expect(page.meta.charset, p).toBe('windows-874');
    }
    expect(run.page('/legacy/mislabelled')!.meta.charsetDeclared).toBe('utf-8');
  });

  it('obeys robots.txt Disallow and seeds from sitemaps (index → urlset)', () => {
    expect(site.hits.get('/private/secret')).toBeUndefined();
    expect(run.page('/private/secret')).toBeUndefined();
    expect(run.page('/hidden/announcement')?.text).toContain('ประกาศรับสมัครงาน');
    expect(site.hits.get('/sitemap-pages.xml')).toBe(1);
  });

  it('fetches a URL as the site wrote it, keyed without tracking parameters, and never fetches external links or image bodies', () => {
    // The link is /news?id=1&utm_source=line: fetched once as written, stored under the normalised key.
    expect(site.hits.get('/news?id=1&utm_source=line')).toBe(1);
    expect(site.hits.get('/news?id=1')).toBeUndefined();
    expect(run.page('/news?id=1')).toMatchObject({ finalUrl: `${site.origin}/news?id=1&utm_source=line`, status: 200 });
    expect(run.pages.some((p) => p.url.includes('facebook'))).toBe(false);
    expect(run.page('/logo.png')).toMatchObject({ kind: 'image', text: '' });
  });
});
