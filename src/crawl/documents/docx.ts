import mammoth from 'mammoth';
import type { DocText } from './pdf.js';
import { assertZipWithinLimits, ZipError } from './unzip.js';

/** DOCX text with mammoth (paragraphs as lines); corrupt, encrypted or bomb-like files become an error. */
export async function docxText(buf: Buffer): Promise<DocText> {
  // mammoth (JSZip) inflates without limits: check the zip ourselves first (zip bombs).
  try {
    assertZipWithinLimits(buf);
  } catch (e) {
    if (e instanceof ZipError && /^zip bomb/.test(e.message)) return { text: '', textSource: 'none', error: `DOCX too large when unpacked (${e.message})`, meta: {} };
    // Not a zip we can read (an encrypted DOCX is an OLE file, for one): let mammoth give its verdict.
  }
  try {
    const r = await mammoth.extractRawText({ buffer: buf });
    return { text: r.value.replace(/\n{3,}/g, '\n\n').trim(), textSource: 'docx', meta: {} };
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    return { text: '', textSource: 'none', error: /encrypt|password/i.test(msg) ? 'encrypted DOCX' : `corrupt DOCX: ${msg.slice(0, 160)}`, meta: {} };
  }
}
