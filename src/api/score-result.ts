import { readFileSync } from 'node:fs';
import { checklistOfResult } from './scan-checklist.js';
import { ScanResultSchema, unreachableOf, type ScanResult } from '../check/scan-result.js';
import { round2, scoreIta, scoreOit, type Grade } from '../check/score.js';
import { ConfigError } from '../errors.js';
import type { ItemStatus } from '../store/types.js';

/** `oit score --json` contract. */
export interface ScoreReport {
  iit: { score: number };
  eit: { score: number };
  oit: { score: number };
  ita: { score: number; grade: Grade; pass: boolean };
}

export interface ScoreOptions {
  iit: number[];
  eit: number[];
  checklistDir?: string;
}

/** Parses "84.72,75.90,…" into exactly `count` scores between 0 and 100. */
export function parseIndicatorList(raw: string | undefined, tool: 'IIT' | 'EIT', count: number): number[] {
  const flag = `--${tool.toLowerCase()}`;
  if (!raw) throw new ConfigError(`ต้องระบุ ${flag} เป็นคะแนน ${count} ตัวชี้วัด คั่นด้วยจุลภาค`, `${flag} needs ${count} indicator scores separated by commas`);
  const parts = raw.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== count || nums.some((n, i) => parts[i] === '' || !Number.isFinite(n) || n < 0 || n > 100)) {
    throw new ConfigError(
      `${flag} ต้องเป็นคะแนน ${count} ค่า (0–100) คั่นด้วยจุลภาค เช่น ${tool === 'IIT' ? '84.72,75.90,81.11,71.62,78.38' : '74.76,66.78,70.81'}`,
      `${flag} must be ${count} scores from 0 to 100 separated by commas (got "${raw}")`,
    );
  }
  return nums;
}

/** ITA total and grade for a scan-result file plus the survey tools' indicator scores. */
export function scoreResultFile(file: string, options: ScoreOptions): ScoreReport {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`อ่านไฟล์ผลการตรวจ ${file} ไม่ได้ หรือไม่ใช่ JSON`, `cannot read result file ${file} as JSON: ${(e as Error).message}`);
  }
  const parsed = ScanResultSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `ไฟล์ ${file} ไม่ใช่ผลการตรวจของ oit (oit-scan-result/1): ${issue.path.join('.')} ${issue.message}`,
      `${file} is not an oit-scan-result/1 file: ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const result = parsed.data;
  refuseUnreachable(result, file);
  // Recompute from item statuses rather than trusting a stored number: the file may have been edited.
  const { checklist } = checklistOfResult(result, options.checklistDir);
  const statuses = new Map<string, ItemStatus>(result.items.map((i) => [i.code, i.status]));
  const unknownCodes = result.items.map((i) => i.code).filter((c) => !checklist.items.some((it) => it.code === c));
  if (unknownCodes.length) {
    throw new ConfigError(
      `ไฟล์ ${file} มีข้อที่ไม่อยู่ใน checklist ${checklist.id}: ${unknownCodes.join(', ')}`,
      `${file} has items that are not in checklist ${checklist.id}: ${unknownCodes.join(', ')}`,
    );
  }
  const oit = scoreOit(checklist, statuses).oit;
  const ita = scoreIta(options.iit, options.eit, oit);
  return {
    iit: { score: round2(ita.iit) },
    eit: { score: round2(ita.eit) },
    oit: { score: round2(ita.oit) },
    ita: { score: round2(ita.ita), grade: ita.grade, pass: ita.pass },
  };
}

/** A result of a site that could not be read has no OIT score: an ITA total from it would be invented. */
export function refuseUnreachable(result: ScanResult, what: string): void {
  const down = unreachableOf(result);
  if (!down) return;
  throw new ConfigError(
    `${what}: ไม่มีคะแนน OIT เพราะ${down.th.replace(/ จึง.*$/, '')} — แก้ปัญหาแล้วสแกนใหม่`,
    `${what} has no OIT score: ${down.en.replace(/; no item.*$/, '')}; fix it and scan again`,
  );
}
