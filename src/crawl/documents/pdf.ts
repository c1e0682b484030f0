import type { TextSource } from '../../store/types.js';
import { run, withTempFile } from './exec.js';
import { ocrAvailable, ocrPdf } from './ocr.js';

/**
 * PDF text through poppler's pdftotext, which keeps Thai tone marks and ำ intact where pdf.js-based
 * extractors break them. `-layout` is used: on Chromium- and Word-made PDFs it gives the same Thai
 * as the default mode but keeps a table row's cells on one line ("O1   โครงสร้างส่วนราชการ"),
 * which is how graders read ITA tables. No text layer → OCR (tesseract tha+eng) when allowed.
 */

export interface DocText {
  text: string;
  textSource: TextSource;
  error?: string;
  meta: Record<string, unknown>;
}

export interface PdfOptions {
  ocr: boolean;
  ocrMaxPages: number;
  timeoutMs: number;
  /** Most text kept (pdftotext is stopped there); default 32 MB. */
  maxTextBytes?: number;
}

/** Most text kept from one PDF (pdftotext is stopped there): a 500-page Thai report is a few MB. */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

/** Characters per page below which a PDF is taken to have no text layer (a scan). */
const MIN_CHARS_PER_PAGE = 16;

export function pdfText(buf: Buffer, opts: PdfOptions): Promise<DocText> {
  return withTempFile(buf, 'doc.pdf', async (file, dir) => {
    const meta: Record<string, unknown> = {};
    const truncated = !buf.subarray(Math.max(0, buf.length - 2048)).includes('%%EOF');
    if (truncated) meta.truncated = true;
    // pdftotext alone for ordinary PDFs (one process); pdfinfo only when the text is missing.
    const out = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], opts.timeoutMs, opts.maxTextBytes ?? MAX_TEXT_BYTES);
    // A text bomb (or a huge report): keep the first maxTextBytes of text and say so.
    if (out.overflow) meta.textTruncated = true;
    else if (out.code !== 0) {
      const error = /incorrect password/i.test(out.stderr) ? 'encrypted PDF' : out.timedOut ? 'pdftotext timeout' : truncated ? 'truncated PDF' : 'corrupt PDF';
      return { text: '', textSource: 'none', error, meta: { ...meta, detail: firstLine(out.stderr) } };
    }
    const pages = (out.stdout.match(/\f/g) ?? []).length;
    meta.pages = pages;
    const text = tidy(out.stdout);
    const visible = text.replace(/\s+/g, '').length;
    if (visible >= MIN_CHARS_PER_PAGE * Math.max(1, Math.min(pages, 3))) {
      return { text, textSource: 'pdftotext', meta, ...(truncated ? { error: 'truncated PDF' } : {}) };
    }

    const info = await run('pdfinfo', [file], opts.timeoutMs);
    if (/^Encrypted:\s+yes/m.test(info.stdout)) {
      meta.encrypted = true;
      if (visible === 0) return { text: '', textSource: 'none', error: 'encrypted PDF', meta };
    }
    if (truncated) return { text, textSource: 'pdftotext', error: 'truncated PDF', meta };
    meta.noTextLayer = true;
    if (opts.ocr && (await ocrAvailable())) {
      const ocr = await ocrPdf(file, dir, opts.ocrMaxPages, Math.max(opts.timeoutMs, 120_000));
      meta.ocrPages = ocr.pages;
      if (ocr.pages < pages) meta.ocrPartial = true;
      if (ocr.text.trim()) return { text: tidy(ocr.text), textSource: 'ocr', meta, ...(ocr.error ? { error: ocr.error } : {}) };
      return { text, textSource: 'none', meta, ...(ocr.error ? { error: ocr.error } : {}) };
    }
    meta.ocrSkipped = opts.ocr ? 'tesseract with Thai data not installed' : 'ocr disabled';
    return { text, textSource: 'pdftotext', meta };
  });
}

/** Trailing spaces off, long space runs (layout padding) down to two, no runs of blank lines. */
function tidy(s: string): string {
  return s
    .replace(/[ \t]+$/gm, '')
    .replace(/ {3,}/g, '  ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
