import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/crawl/documents/index.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { makeEncryptedPdf } from '../crawl/helpers/broken-pdf.js';
import { runCrawl, thaiPage, type CrawlRun } from '../crawl/helpers/crawl-env.js';
import { makeDocx } from '../crawl/helpers/zip.js';
import { overlappingZip, pdfStreamBomb, pdfTextBomb } from './helpers/bombs.js';

/**
 * Hostile bodies: bombs, huge and broken documents, wrong or missing types and charsets.
 * (Huge HTML/PDF over maxBytes with and without Content-Length, encrypted/corrupt/truncated PDFs and
 * labelled/unlabelled/mislabelled windows-874 are also in test/crawl/{crawl-hazards,documents,crawl-site}.)
 */
const opts = { ocr: false, ocrMaxPages: 0, timeoutMs: 1500 };

describe('PDF bombs', () => {
  it('a tiny PDF whose stream inflates to 100 MB is stopped at the tool time budget', async () => {
    const bomb = pdfStreamBomb(100);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const t0 = Date.now();
    const d = await extractDocument('pdf', bomb, opts);
    expect(d.error).toBe('pdftotext timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a PDF that expands to more text than allowed keeps only the first part, marked truncated', async () => {
    const bomb = pdfTextBomb(200, 100); // 32 KB file, 10 MB of text
    const d = await extractDocument('pdf', bomb, { ...opts, timeoutMs: 20_000, maxTextBytes: 1024 * 1024 });
    expect(d.meta.textTruncated).toBe(true);
    expect(d.text.length).toBeGreaterThan(100_000);
    expect(Buffer.byteLength(d.text)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('corrupt, truncated and encrypted PDFs are errors, never throws', async () => {
    expect((await extractDocument('pdf', makeEncryptedPdf(), opts)).error).toBe('encrypted PDF');
    expect((await extractDocument('pdf', Buffer.from('%PDF-1.7\n1 0 obj <<'), opts)).error).toMatch(/corrupt|truncated/);
    expect((await extractDocument('pdf', Buffer.alloc(0), opts)).error).toMatch(/corrupt|truncated/);
  });
});

describe('DOCX/XLSX zip bombs', () => {
  it('a DOCX whose document.xml inflates past the cap is refused without inflating it all', async () => {
    const bomb = overlappingZip(['word/document.xml', '[Content_Types].xml', '_rels/.rels'], 100);
    expect(bomb.length).toBeLessThan(512 * 1024);
    const before = process.memoryUsage().rss;
    const d = await extractDocument('docx', bomb, opts);
    expect(d.error).toMatch(/DOCX too large when unpacked/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('a DOCX of 40 overlapping 60 MB entries (2.4 GB) hits the total cap', async () => {
    const names = ['word/document.xml', ...Array.from({ length: 39 }, (_x, i) => `word/media/x${i}.xml`)];
    const d = await extractDocument('docx', overlappingZip(names, 60), opts);
    expect(d.error).toMatch(/DOCX too large when unpacked/);
  });

  it('an XLSX of 40 overlapping 60 MB worksheets (2.4 GB) hits the total cap', async () => {
    const names = Array.from({ length: 40 }, (_x, i) => `xl/worksheets/sheet${i + 1}.xml`);
    const d = await extractDocument('xlsx', overlappingZip(names, 60), opts);
    expect(d.error).toMatch(/XLSX too large when unpacked/);
  });

  it('ordinary DOCX files still read', async () => {
    expect((await extractDocument('docx', makeDocx(['ประกาศ']), opts)).text).toContain('ประกาศ');
  });
});

describe('wrong, missing and mislabelled types and charsets (crawl end to end)', () => {
  let site: FixtureSite;
  let run: CrawlRun;
  const legacy = Buffer.concat([Buffer.from('<html><head><title>'), iconv.encode('ประกาศ อบต.', 'windows-874'), Buffer.from('</title></head><body><p>'), iconv.encode('ประกาศองค์การบริหารส่วนตำบล เรื่อง การรับสมัครพนักงานจ้าง', 'windows-874'), Buffer.from('</p></body></html>')]);
  const raw = (body: Buffer | string, headers: Record<string, string> = {}) => ({
    handle: (_q: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, headers); // no Content-Type unless given
      res.end(body);
    },
  });
  const deep = `<html><body>${'<div><span>'.repeat(20_000)}<a href="/deep-target">ลึก</a>${'</span></div>'.repeat(20_000)}</body></html>`;
  beforeAll(async () => {
    site = await startSite({
      '/': thaiPage('หน้าแรก', `<a href="/no-type">1</a> <a href="/no-type-874">2</a> <a href="/pdf-as-html">3</a> <a href="/html-as-pdf">4</a>
        <a href="/html-as-octet">5</a> <a href="/utf8-labelled-874">6</a> <a href="/deep">7</a> <a href="/zipbomb.docx">8</a> <a href="/pdfbomb.pdf">9</a>`),
      '/no-type': raw(thaiPage('ไม่มีชนิด', '<p>หน้าที่ไม่มี Content-Type</p>')),
      '/no-type-874': raw(legacy),
      '/pdf-as-html': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: makeEncryptedPdf() },
      '/html-as-pdf': { headers: { 'content-type': 'application/pdf' }, body: thaiPage('จริงๆ เป็น HTML', '<p>ไม่ใช่ PDF</p>') },
      '/html-as-octet': { headers: { 'content-type': 'application/octet-stream' }, body: thaiPage('ไฟล์', '<p>HTML ที่ส่งเป็นไฟล์</p>') },
      '/utf8-labelled-874': { headers: { 'content-type': 'text/html; charset=tis-620' }, body: thaiPage('ยูทีเอฟ', '<p>บันทึกเป็น UTF-8 แต่ประกาศว่า TIS-620</p>') },
      '/deep': deep,
      '/zipbomb.docx': { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, body: overlappingZip(['word/document.xml', '[Content_Types].xml'], 100) },
      '/pdfbomb.pdf': { headers: { 'content-type': 'application/pdf' }, body: pdfStreamBomb(20) },
    });
    run = await runCrawl(`${site.origin}/`, { maxDepth: 2 });
  }, 90_000);
  afterAll(async () => {
    await run?.store.close();
    await site?.close();
  });

  it('a page with no Content-Type is sniffed as HTML; unlabelled windows-874 without a header is decoded', () => {
    expect(run.page('/no-type')).toMatchObject({ kind: 'html', title: 'ไม่มีชนิด' });
    expect(run.page('/no-type-874')).toMatchObject({ kind: 'html', title: 'ประกาศ อบต.' });
    expect(run.page('/no-type-874')!.text).toContain('การรับสมัครพนักงานจ้าง');
    expect(run.page('/no-type-874')!.meta.charset).toBe('windows-874');
  });

  it('magic bytes win over a wrong Content-Type both ways', () => {
    expect(run.page('/pdf-as-html')).toMatchObject({ kind: 'pdf', error: 'encrypted PDF' });
    expect(run.page('/html-as-pdf')).toMatchObject({ kind: 'html', title: 'จริงๆ เป็น HTML' });
    expect(run.page('/html-as-octet')).toMatchObject({ kind: 'html', title: 'ไฟล์' });
    expect(run.page('/utf8-labelled-874')!.text).toContain('บันทึกเป็น UTF-8 แต่ประกาศว่า TIS-620');
  });

  it('20 000-deep nesting parses without a stack overflow', () => {
    expect(run.page('/deep')).toMatchObject({ kind: 'html', status: 200 });
    expect(run.page('/deep')!.error).toBeUndefined();
  });

  it('bombs served by a site become page errors and the crawl goes on', () => {
    expect(run.page('/zipbomb.docx')!.error).toMatch(/too large when unpacked/);
    expect(run.page('/pdfbomb.pdf')).toMatchObject({ kind: 'pdf' });
    expect(run.pages.length).toBeGreaterThanOrEqual(10);
  });
});
