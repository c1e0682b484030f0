import type { ValidatedChecklist } from '../checklist/validate.js';
import { CONFIDENCE_TH } from './messages.js';

/** `oit checklists --validate`: the file is valid; what it holds, per sub-indicator. */
export function formatValidated(v: ValidatedChecklist): string {
  const lines = [
    `ไฟล์ checklist ถูกต้อง / valid checklist: ${v.file}`,
    `${v.id} ปี ${v.year} · ${v.items} ข้อ / items · ${CONFIDENCE_TH[v.confidence] ?? v.confidence}`,
  ];
  for (const s of v.subIndicators) lines.push(`  ${s.id} ${s.title}: ${s.items}`);
  if (v.unknownItems.length) lines.push(`ยังไม่ทราบ (ไม่ตรวจ) / unknown, not checked: ${v.unknownItems.join(', ')}`);
  if (v.unconfirmed.length) lines.push(`ยังไม่ยืนยัน / not confirmed: ${v.unconfirmed.join(', ')}`);
  lines.push(`sha256 ${v.hash.slice(0, 12)}`);
  return lines.join('\n');
}
