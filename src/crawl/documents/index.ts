import type { SnapshotKind } from '../../store/types.js';
import { docxText } from './docx.js';
import { pdfText, type DocText } from './pdf.js';
import { xlsxText } from './xlsx.js';

export type { DocText } from './pdf.js';
export { detectKind, isSkippableMedia, kindFromContentType, kindFromUrl, sniffKind, TEXT_KINDS } from './sniff.js';

export interface DocumentOptions {
  ocr: boolean;
  ocrMaxPages: number;
  /** Per tool run (pdftotext, each OCR step). */
  timeoutMs: number;
  /** Most PDF text kept; default 32 MB. */
  maxTextBytes?: number;
}

export const isDocumentKind = (k: SnapshotKind): boolean => k === 'pdf' || k === 'docx' || k === 'xlsx' || k === 'doc' || k === 'xls';

/** Text of a document body; problems come back as `error`, never as a throw. */
export async function extractDocument(kind: SnapshotKind, body: Buffer, opts: DocumentOptions): Promise<DocText> {
  try {
    switch (kind) {
      case 'pdf':
        return await pdfText(body, opts);
      case 'docx':
        return await docxText(body);
      case 'xlsx':
        return xlsxText(body);
      case 'doc':
      case 'xls':
        return { text: '', textSource: 'none', error: 'unsupported format', meta: {} };
      default:
        return { text: '', textSource: 'none', meta: {} };
    }
  } catch (e) {
    return { text: '', textSource: 'none', error: `extraction failed: ${(e as Error).message}`, meta: {} };
  }
}
