import { unreachableOf, type ScanResult } from '../check/scan-result.js';
import { limitMessage } from '../crawl/limits.js';
import { CONFIDENCE_TH, STATUS_TH } from './messages.js';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

/** The summary an officer reads in the terminal: scores, then what is not passed and why. */
export function formatResult(result: ScanResult): string {
  const down = unreachableOf(result);
  // Nothing was read: one message, no scores, no gap list.
  if (down) return formatUnreachable(down);
  const lines: string[] = [];
  lines.push(`เว็บไซต์ / site: ${result.site}`);
  lines.push(`checklist: ${result.checklist.id} — ${CONFIDENCE_TH[result.checklist.confidence] ?? result.checklist.confidence}`);
  const year = (result.assessment as { th?: string; en?: string; fallback?: boolean } | undefined) ?? undefined;
  if (year?.th) lines.push(year.th);
  if (year?.fallback && year.en) lines.push(year.en);
  lines.push(`หน้าเว็บ ${result.scan.pagesFetched} · เอกสาร ${result.scan.documentsFetched} · ข้อผิดพลาด ${result.scan.errors}`);
  // A limited crawl always says so: which limit, how many URLs it left, the flag to raise.
  for (const hit of result.scan.limits ?? []) lines.push(`⚠ ${limitMessage(hit)}`);
  lines.push('');
  for (const ind of result.indicators) {
    lines.push(`ตัวชี้วัดที่ ${ind.id} ${ind.title}: ${fmt(ind.score)}`);
    for (const s of result.subIndicators.filter((x) => x.indicator === ind.id)) {
      lines.push(`  ${s.id} ${s.title}: ${fmt(s.score)} (${s.passed}/${s.items})`);
    }
  }
  lines.push(`คะแนน OIT: ${fmt(result.oit.score)}`);
  const notPassed = result.items.filter((i) => i.status !== 'pass');
  lines.push('');
  if (!notPassed.length) {
    lines.push(`ผ่านครบทุกข้อ (${result.items.length} ข้อ) / every item passed`);
  } else {
    lines.push(`ข้อที่ยังไม่ผ่าน ${notPassed.length} จาก ${result.items.length} ข้อ / items not passed:`);
    for (const i of notPassed) {
      lines.push(`  ${i.code} ${i.title} — ${STATUS_TH[i.status] ?? i.status}`);
      for (const r of i.reasons.slice(0, 2)) lines.push(`      ${r}`);
    }
  }
  return lines.join('\n');
}

/** The one message for a site oit could not read (CLI exit 1). */
export function formatUnreachable(down: { th: string; en: string }): string {
  return `oit: ${down.th}\n     ${down.en}`;
}
