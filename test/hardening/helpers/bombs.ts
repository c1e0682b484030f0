import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { centralHeader, endRecord, localHeader, type ZipEntry } from '../../crawl/helpers/zip.js';

/** A minimal PDF from object bodies (strings or [header, binary stream, trailer] parts). */
export function buildPdf(objs: Array<string | Array<string | Buffer>>): Buffer {
  const parts: Buffer[] = [];
  let len = 0;
  const push = (b: string | Buffer) => {
    const x = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(x);
    len += x.length;
  };
  push('%PDF-1.4\n');
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(len);
    push(`${i + 1} 0 obj\n`);
    for (const p of Array.isArray(o) ? o : [o]) push(p);
    push('\nendobj\n');
  });
  const xref = len;
  push(`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A PDF of a few hundred KB whose one content stream inflates to `mb` MB of drawing operators. */
export function pdfStreamBomb(mb: number): Buffer {
  const unit = Buffer.from('0 0 m 1 1 l S\n'.repeat(4096));
  const raw = Buffer.alloc(mb * 1024 * 1024, 0x20);
  for (let o = 0; o + unit.length <= raw.length; o += unit.length) unit.copy(raw, o);
  const z = deflateSync(raw, { level: 9 });
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    [`<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`, z, '\nendstream'],
  ]);
}

/** A small PDF whose `pages` pages all share one content stream of `lines` text lines: a text bomb. */
export function pdfTextBomb(pages: number, lines: number): Buffer {
  const line = `(${'A'.repeat(2000)}) '\n`;
  const raw = Buffer.from(`BT /F1 1 Tf 1 TL 0 ${lines + 1} Td\n${line.repeat(lines)}ET\n`);
  const z = deflateSync(raw, { level: 9 });
  const kids = Array.from({ length: pages }, (_x, i) => `${i + 5} 0 R`).join(' ');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    [`<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`, z, '\nendstream'],
    FONT,
    ...Array.from({ length: pages }, () => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1500 ${lines + 2}] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>`),
  ]);
}

/**
 * A zip bomb with overlapping entries: every name in `names` points at the same deflated blob of
 * `mb` MB, so the file stays tiny (a few hundred KB) while it "contains" names.length × mb MB.
 */
export function overlappingZip(names: string[], mb: number, fill = 0x20): Buffer {
  const data = Buffer.alloc(mb * 1024 * 1024, fill);
  const packed = deflateRawSync(data, { level: 9 });
  const entry = (name: string): ZipEntry => ({ name: Buffer.from(name, 'utf8'), crc: crc32(data), packed: packed.length, size: data.length });
  const body = Buffer.concat([localHeader(entry(names[0]!)), packed]);
  const cd = Buffer.concat(names.map((name) => centralHeader(entry(name), 0)));
  return Buffer.concat([body, cd, endRecord(names.length, cd.length, body.length)]);
}
