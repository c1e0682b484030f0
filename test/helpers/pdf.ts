import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../src/crawl/chromium.js';

/**
 * Real PDFs for fixture sites, printed by Chromium from Thai HTML (the way many agencies export
 * Word/web pages). Text PDFs have a real Thai text layer; scanned ones are an image only.
 */
let browser: Promise<Browser> | undefined;

async function getBrowser(): Promise<Browser> {
  browser ??= (async () => {
    const executablePath = await findChromium();
    if (!executablePath) throw new Error('Chromium not found: run scripts/setup-system.sh');
    return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  })();
  return browser;
}

const page = (body: string) => `<!doctype html><html lang="th"><head><meta charset="utf-8">
<style>body{font-family:"TH Sarabun New","Garuda","Loma","Norasi",sans-serif;font-size:15pt;margin:2cm}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #333;padding:4px}</style></head><body>${body}</body></html>`;

/** A text PDF whose content is the given HTML body fragment. */
export async function makePdf(bodyHtml: string): Promise<Buffer> {
  const b = await getBrowser();
  const p = await b.newPage();
  try {
    await p.setContent(page(bodyHtml));
    return await p.pdf({ format: 'A4', printBackground: true });
  } finally {
    await p.close();
  }
}

/** A "scanned" PDF: the content rendered to a picture and printed, so it has no text layer. */
export async function makeScannedPdf(bodyHtml: string): Promise<Buffer> {
  const b = await getBrowser();
  const p = await b.newPage({ viewport: { width: 1240, height: 1754 } });
  try {
    await p.setContent(page(bodyHtml));
    const png = await p.screenshot({ fullPage: false });
    await p.setContent(`<html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png.toString('base64')}"></body></html>`);
    return await p.pdf({ format: 'A4', printBackground: true });
  } finally {
    await p.close();
  }
}

export async function closePdfBrowser(): Promise<void> {
  if (browser) {
    const b = await browser.catch(() => undefined);
    browser = undefined;
    await b?.close();
  }
}
