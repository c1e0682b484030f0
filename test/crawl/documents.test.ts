import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { extractDocument } from '../../src/crawl/documents/index.js';
import { closePdfBrowser, makePdf, makeScannedPdf } from '../helpers/pdf.js';
import { makeEncryptedPdf } from './helpers/broken-pdf.js';
import { makeDocx, makeXlsx } from './helpers/zip.js';

const opts = { ocr: true, ocrMaxPages: 1, timeoutMs: 60_000 };
const squash = (s: string) => s.replace(/\s+/g, '');
let textPdf: Buffer;

beforeAll(async () => {
  textPdf = await makePdf(`<h1>รายงานความก้าวหน้าการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568</h1>
    <p>องค์การบริหารส่วนตำบลตัวอย่าง ผู้ใหญ่บ้าน น้ำใจ กฎหมาย</p>
    <table><tr><th>ข้อ</th><th>ข้อมูล</th></tr><tr><td>O1</td><td>โครงสร้างส่วนราชการ</td></tr></table>`);
});
afterAll(closePdfBrowser);

describe('PDF text with pdftotext', () => {
  it('keeps Thai tone marks and ำ intact, table rows on one line', async () => {
    const d = await extractDocument('pdf', textPdf, opts);
    expect(d.error).toBeUndefined();
    expect(d.textSource).toBe('pdftotext');
    const flat = squash(d.text);
    for (const w of ['ความก้าวหน้า', 'ประจำปีงบประมาณ', 'น้ำใจ', 'ผู้ใหญ่บ้าน', 'กฎหมาย', 'โครงสร้างส่วนราชการ']) expect(flat).toContain(w);
    expect(d.text).not.toContain('\u0e4d\u0e32'); // ำ not split into ํ + า
    expect(d.text.split('\n').some((l) => /O1\s+โครงสร้างส่วนราชการ/.test(l))).toBe(true);
    expect(d.meta.pages).toBe(1);
  });

  it('reads a scanned PDF with OCR (tha+eng), marked textSource ocr', async () => {
    const scanned = await makeScannedPdf('<h1 style="font-size:44pt">แผนการจัดซื้อจัดจ้าง</h1><h1 style="font-size:44pt">ประจำปี 2568</h1>');
    const d = await extractDocument('pdf', scanned, opts);
    expect(d.textSource).toBe('ocr');
    expect(d.meta.noTextLayer).toBe(true);
    expect(d.meta.ocrPages).toBe(1);
    // OCR misreads some tone marks at 150 dpi; words without them come through.
    for (const w of ['แผนการจัด', 'จัดจ้าง', 'ประจำปี2568']) expect(squash(d.text)).toContain(w);
    const off = await extractDocument('pdf', scanned, { ...opts, ocr: false });
    expect(off.textSource).toBe('pdftotext');
    expect(off.meta.ocrSkipped).toBe('ocr disabled');
  }, 120_000);

  it('records encrypted, corrupt and truncated PDFs as errors without throwing', async () => {
    expect((await extractDocument('pdf', makeEncryptedPdf(), opts)).error).toBe('encrypted PDF');
    expect((await extractDocument('pdf', Buffer.from('%PDF-1.4\nthis is not really a pdf\n'), opts)).error).toMatch(/corrupt PDF|truncated PDF/);
    expect((await extractDocument('pdf', Buffer.from('<html>not a pdf</html>'), opts)).error).toMatch(/corrupt|truncated/);
    const cut = await extractDocument('pdf', textPdf.subarray(0, Math.floor(textPdf.length * 0.6)), opts);
    expect(cut.error).toBe('truncated PDF');
  });
});

describe('Office documents', () => {
  it('reads DOCX paragraphs', async () => {
    const d = await extractDocument('docx', makeDocx(['คู่มือการปฏิบัติงาน', 'ขั้นตอนการให้บริการประชาชน']), opts);
    expect(d.textSource).toBe('docx');
    expect(d.text).toContain('คู่มือการปฏิบัติงาน');
    expect(d.text).toContain('ขั้นตอนการให้บริการประชาชน');
  });

  it('reads all XLSX sheets, shared strings and numbers', async () => {
    const d = await extractDocument('xlsx', makeXlsx({ 'สถิติ': [['เดือน', 'จำนวน'], ['ตุลาคม', '15']], 'ร้องเรียน': [['เรื่องร้องเรียนการทุจริต', '0']] }), opts);
    expect(d.textSource).toBe('xlsx');
    expect(d.text).toContain('# สถิติ');
    expect(d.text).toContain('ตุลาคม\t15');
    expect(d.text).toContain('เรื่องร้องเรียนการทุจริต\t0');
  });

  it('records corrupt Office files and DOC/XLS as errors', async () => {
    expect((await extractDocument('docx', Buffer.from('PK\x03\x04 broken'), opts)).error).toMatch(/corrupt DOCX/);
    expect((await extractDocument('xlsx', Buffer.from('PK\x03\x04 broken'), opts)).error).toMatch(/corrupt XLSX/);
    expect((await extractDocument('doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), opts)).error).toBe('unsupported format');
  });
});
