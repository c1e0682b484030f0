import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec.js';

/** OCR of scanned PDFs: pdftoppm renders pages at 150 dpi, tesseract reads them with tha+eng. */

let available: Promise<boolean> | undefined;

/** tesseract is installed and has Thai data (checked once per process). */
export function ocrAvailable(): Promise<boolean> {
  available ??= run('tesseract', ['--list-langs'], 10_000).then((r) => r.code === 0 && /^tha$/m.test(r.stdout + r.stderr));
  return available;
}

export interface OcrResult {
  text: string;
  pages: number;
  error?: string;
}

export async function ocrPdf(file: string, dir: string, maxPages: number, timeoutMs: number): Promise<OcrResult> {
  if (maxPages <= 0) return { text: '', pages: 0 };
  const prefix = join(dir, 'page');
  // -W/-H crop each page to at most ~A3 at 150 dpi: a page declared kilometres wide (an image bomb)
  // cannot make pdftoppm allocate gigabytes.
  const r = await run('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', String(maxPages), '-W', '2500', '-H', '2500', '-png', file, prefix], timeoutMs);
  if (r.code !== 0) return { text: '', pages: 0, error: `ocr: pdftoppm failed${r.timedOut ? ' (timeout)' : ''}` };
  const images = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
  const texts: string[] = [];
  for (const img of images) {
    const t = await run('tesseract', [join(dir, img), '-', '-l', 'tha+eng', '--psm', '3'], timeoutMs);
    if (t.code !== 0) return { text: texts.join('\n\f'), pages: texts.length, error: `ocr: tesseract failed${t.timedOut ? ' (timeout)' : ''}` };
    // tesseract writes ำ as nikhahit + sara aa (ํา); store the composed vowel like text PDFs have it.
    texts.push(t.stdout.replace(/\u0e4d\u0e32/g, '\u0e33').trim());
  }
  return { text: texts.join('\n\f'), pages: images.length };
}
