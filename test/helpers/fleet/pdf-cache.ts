/**
 * Real PDFs for the generated fleet, printed by Chromium (test/helpers/pdf.ts) once per machine and
 * kept in a temporary folder: fifty sites share a dozen documents, and a fleet that reprinted them on
 * every start would spend most of its start-up in the browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump when test/helpers/pdf.ts changes how documents look, so stale prints are not reused. */
const PRINT_VERSION = 'v1';

export function defaultPdfCacheDir(): string {
  return join(tmpdir(), `oit-fleet-pdfs-${PRINT_VERSION}`);
}

const complete = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' && b.subarray(Math.max(0, b.length - 1024)).includes('%%EOF');

/**
 * The PDF bytes of each HTML body, printed only when no complete cached copy exists. `scanned` prints
 * them as a picture of the page with no text layer, like a scanned paper document.
 */
export async function cachedPdfs(bodies: string[], dir = defaultPdfCacheDir(), options: { scanned?: boolean } = {}): Promise<Map<string, Buffer>> {
  mkdirSync(dir, { recursive: true });
  const out = new Map<string, Buffer>();
  const missing: Array<{ body: string; file: string }> = [];
  for (const body of new Set(bodies)) {
    const key = createHash('sha256').update(options.scanned ? `scanned\u0000${body}` : body).digest('hex').slice(0, 24);
    const file = join(dir, `${key}.pdf`);
    const cached = existsSync(file) ? readFileSync(file) : undefined;
    if (cached && complete(cached)) out.set(body, cached);
    else missing.push({ body, file });
  }
  if (!missing.length) return out;
  const { makePdf, makeScannedPdf, closePdfBrowser } = await import('../pdf.js');
  try {
    for (const { body, file } of missing) {
      const bytes = await (options.scanned ? makeScannedPdf(body) : makePdf(body));
      // Another test process may print the same document at the same time: write aside, then rename.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
      out.set(body, bytes);
    }
  } finally {
    await closePdfBrowser();
  }
  return out;
}
