import mammoth from 'mammoth';
import type { DocText } from './pdf.js';

/** DOCX text with mammoth (paragraphs as lines); corrupt or encrypted files become an error. */
export async function docxText(buf: Buffer): Promise<DocText> {
  try {
    const r = await mammoth.extractRawText({ buffer: buf });
    return { text: r.value.replace(/\n{3,}/g, '\n\n').trim(), textSource: 'docx', meta: {} };
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    return { text: '', textSource: 'none', error: /encrypt|password/i.test(msg) ? 'encrypted DOCX' : `corrupt DOCX: ${msg.slice(0, 160)}`, meta: {} };
  }
}
