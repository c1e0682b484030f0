import { z } from 'zod';
import type { PageSnapshot } from '../store/types.js';
import { defineMatcher } from './types.js';

/** Below this many characters (spaces left out), a document's text is no text layer. */
const MIN_CHARS = 40;

/** A document without a text layer: a scan without OCR, or a few stray characters (a page number, a stamp). */
export function hasNoTextLayer(textSource: PageSnapshot['textSource'], text: string, minChars = MIN_CHARS): boolean {
  return textSource === 'none' || text.replace(/\s+/g, '').length < minChars;
}

/**
 * Does a document have readable text? A scan with no text layer (textSource "none" or nearly no text)
 * cannot be judged here: a human must read it. OCR text can be judged, with lower confidence.
 */
export const scannedDocument = defineMatcher({
  meta: {
    id: 'scanned-document',
    description: 'A document has a readable text layer (scans need review; OCR text lowers confidence)',
    params: z.object({ minChars: z.number().int().min(0).default(MIN_CHARS), ocrConfidence: z.number().min(0).max(1).default(0.75) }),
  },
  match(ctx, params) {
    const s = ctx.target?.snapshot;
    if (!s || s.kind === 'html') return { verdict: 'skip' };
    if (hasNoTextLayer(s.textSource, ctx.target?.text ?? '', params.minChars)) {
      return {
        verdict: 'unknown',
        reason: unreadableReason(s.kind, s.error),
        data: { scanned: true },
      };
    }
    if (s.textSource === 'ocr') return { verdict: 'pass', confidence: params.ocrConfidence, reason: 'ข้อความได้จากการอ่านภาพสแกน (OCR) อาจคลาดเคลื่อน' };
    return { verdict: 'pass', confidence: 1 };
  },
});

/** Why a person must read it: the right words matter, since the fix differs (re-scan, re-save, re-upload). */
function unreadableReason(kind: PageSnapshot['kind'], error: string | undefined): string {
  if (kind === 'image') return 'หลักฐานเป็นไฟล์รูปภาพ อ่านข้อความไม่ได้ ต้องให้เจ้าหน้าที่ตรวจ';
  // Old binary Office files: oit cannot read them yet; a grader with Word or Excel can.
  if (kind === 'doc' || kind === 'xls') {
    return `เอกสารเป็นไฟล์ ${kind === 'doc' ? 'Word' : 'Excel'} รุ่นเก่า (.${kind}) ที่ oit ยังอ่านข้อความไม่ได้ ต้องให้เจ้าหน้าที่ตรวจ (หรือบันทึกเป็น PDF/.${kind}x)`;
  }
  if (error) return `อ่านข้อความในเอกสารไม่ได้ (${error}) ต้องให้เจ้าหน้าที่ตรวจ`;
  return 'เอกสารเป็นภาพสแกน ไม่มีข้อความให้อ่าน ต้องให้เจ้าหน้าที่ตรวจ';
}
