import { OitError } from '../errors.js';

/** One clear, bilingual line (plus a hint) for any failure; a stack only with OIT_DEBUG=1. */
export function describeError(e: unknown): string {
  if (e instanceof OitError) {
    return `oit: ${e.th}\n     ${e.en}${e.hint ? `\n     → ${e.hint}` : ''}`;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const detail = process.env.OIT_DEBUG ? `\n${err.stack}` : '\n     (ตั้ง OIT_DEBUG=1 เพื่อดูรายละเอียด / set OIT_DEBUG=1 for details)';
  return `oit: เกิดข้อผิดพลาดภายในโปรแกรม / internal error: ${err.message}${detail}`;
}

export const STATUS_TH: Record<string, string> = {
  pass: 'ผ่าน',
  fail: 'ไม่ผ่าน',
  'needs-review': 'ต้องตรวจโดยเจ้าหน้าที่',
  'not-applicable': 'ไม่เกี่ยวข้อง',
  error: 'ตรวจไม่ได้',
};

export const CONFIDENCE_TH: Record<string, string> = {
  confirmed: 'ยืนยันแล้ว (confirmed)',
  probable: 'น่าจะถูกต้อง (probable)',
  provisional: 'ชั่วคราว ยังไม่ครบ (provisional)',
};
