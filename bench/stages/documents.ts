/**
 * Document text as oit extracts it (src/crawl/documents/pdf.ts): pdftotext on a real multi-page
 * Thai PDF, and OCR (pdftoppm + tesseract tha+eng) of a scanned page with no text layer.
 */
import { ocrAvailable } from '../../src/crawl/documents/ocr.js';
import { pdfText } from '../../src/crawl/documents/pdf.js';
import { body } from '../../test/fixtures/sites/content.js';
import { cachedPdfs } from '../../test/helpers/fleet/pdf-cache.js';
import { timeEach, type StageFigure } from './timer.js';

/** A report several pages long: the plan, the six-month and annual reports, the procurement report. */
const LONG_REPORT = [
  body('opplan-budget', 2566), body('sixmonth-ops-budget', 2566), body('annual-ops', 2565), body('proc-annual', 2565),
  body('risk-assess', 2566), body('ac-plan', 2566), body('stats-service', 2566), body('hr-annual', 2565),
].join('<div style="page-break-after:always"></div>');

export async function documentStages(n: number, ocrRuns: number): Promise<StageFigure[]> {
  const text = (await cachedPdfs([LONG_REPORT])).get(LONG_REPORT)!;
  const opts = { ocr: false, ocrMaxPages: 5, timeoutMs: 60_000 };
  const probe = await pdfText(text, opts);
  const pages = Number(probe.meta.pages ?? 0);
  if (probe.textSource !== 'pdftotext' || !/งบประมาณ/.test(probe.text)) throw new Error(`pdftotext gave no Thai text (${probe.error ?? probe.textSource})`);
  const figures = [
    await timeEach('PDF text (pdftotext -layout)', `document (${pages} pages, ${Math.round(text.length / 1024)} KB)`, n, () => pdfText(text, opts), { warmup: 2 }),
  ];
  if (!(await ocrAvailable())) return [...figures, { stage: 'OCR tha+eng', unit: 'page', n: 0, medianMs: NaN, meanMs: NaN, minMs: NaN, note: 'skipped: tesseract with Thai data not installed' }];
  const scannedBody = body('nogift-declare', 2566) + body('exec-intent', 2566);
  const scanned = (await cachedPdfs([scannedBody], undefined, { scanned: true })).get(scannedBody)!;
  const ocrOpts = { ocr: true, ocrMaxPages: 5, timeoutMs: 120_000 };
  const got = await pdfText(scanned, ocrOpts);
  if (got.textSource !== 'ocr' || !/นโยบาย/.test(got.text)) throw new Error(`OCR read no Thai (${got.error ?? got.textSource})`);
  const ocrPages = Number(got.meta.ocrPages ?? 1);
  figures.push(
    await timeEach('OCR tha+eng (pdftoppm 150 dpi + tesseract)', 'scanned page', ocrRuns, () => pdfText(scanned, ocrOpts), {
      warmup: 0, perRun: ocrPages, note: `a ${got.meta.pages}-page scanned PDF, timed whole and divided by its pages`,
    }),
  );
  return figures;
}
