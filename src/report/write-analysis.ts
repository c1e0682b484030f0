import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Checklist } from '../checklist/schema.js';
import type { ScanResult } from '../check/scan-result.js';
import { CHROMIUM_ARGS, findChromium } from '../crawl/chromium.js';
import { ConfigError } from '../errors.js';
import { buildAnalysisView } from './analysis.js';
import { writeFilesAtomically } from './atomic.js';
import { render } from './render.js';

export interface WriteAnalysisOptions {
  result: ScanResult;
  checklist: Checklist;
  iit: number[];
  eit: number[];
  outDir: string;
  /** Also print analysis.pdf with Chromium. */
  pdf: boolean;
  agency?: string | undefined;
  date?: string | Date | undefined;
  /** Chromium to use; found with findChromium() when absent. */
  chromiumPath?: string | undefined;
}

export function renderAnalysisHtml(options: Omit<WriteAnalysisOptions, 'outDir' | 'pdf' | 'chromiumPath'>): string {
  return render('analysis', buildAnalysisView(options));
}

/** Prints an HTML file to an A4 PDF with Chromium; nothing but file: URLs may load. */
export async function printPdf(htmlFile: string, chromiumPath?: string): Promise<Buffer> {
  const executablePath = await findChromium(chromiumPath);
  if (!executablePath) {
    throw new ConfigError('ไม่พบ Chromium สำหรับสร้าง PDF — ติดตั้ง chromium หรือกำหนด OIT_CHROMIUM_PATH', 'no Chromium found to print the PDF; install chromium or set OIT_CHROMIUM_PATH');
  }
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** Writes analysis.html (and analysis.pdf when asked) into outDir, each atomically. */
export async function writeAnalysis(options: WriteAnalysisOptions): Promise<{ dir: string; files: string[] }> {
  const html = renderAnalysisHtml(options);
  const files = await writeFilesAtomically(options.outDir, [{ name: 'analysis.html', data: html }]);
  if (options.pdf) {
    const pdf = await printPdf(join(options.outDir, 'analysis.html'), options.chromiumPath);
    files.push(...(await writeFilesAtomically(options.outDir, [{ name: 'analysis.pdf', data: pdf }])));
  }
  return { dir: options.outDir, files };
}
