import type { Confidence } from './schema.js';

/**
 * Which ITA assessment year "now" is, and how the checklist a scan uses relates to it. ITA of year Y
 * is assessed during Thai fiscal year Y (1 Oct Y-1 … 30 Sep Y, Buddhist era), so a date names exactly
 * one assessment year. Agencies work in Thai time: 1 October starts at 00:00 in Bangkok (UTC+7).
 */
export function assessmentYearOf(date: Date): number {
  const bangkok = new Date(date.getTime() + 7 * 3600_000);
  return bangkok.getUTCFullYear() + 543 + (bangkok.getUTCMonth() >= 9 ? 1 : 0);
}

/** How the checklist of a scan was chosen: from today's date, by --year, or a user's own file (--checklist). */
export type ChecklistChoice = 'default' | 'year' | 'file';

/** Part of the public result (`assessment` in oit-scan-result/1): fields may be added, never renamed. */
export interface AssessmentYear {
  /** The assessment year of the scan's date. */
  year: number;
  /** The year of the checklist the scan was judged with. */
  checklistYear: number;
  chosen: ChecklistChoice;
  /** Chosen by date, but no checklist exists for `year`: `checklistYear` stands in for it. */
  fallback: boolean;
  th: string;
  en: string;
}

const CONFIDENCE: Record<Confidence, { th: string; en: string }> = {
  confirmed: { th: 'ยืนยันแล้ว', en: 'confirmed' },
  probable: { th: 'น่าจะถูกต้อง', en: 'probable' },
  provisional: { th: 'ชั่วคราว ยังไม่ครบ', en: 'provisional' },
};

/** One line, Thai and English, saying which year is assessed and which checklist stands for it. */
export function describeAssessmentYear(input: {
  date: Date;
  checklistId: string;
  checklistYear: number;
  confidence: Confidence;
  chosen: ChecklistChoice;
  file?: string;
}): AssessmentYear {
  const year = assessmentYearOf(input.date);
  const fallback = input.chosen === 'default' && input.checklistYear !== year;
  const conf = CONFIDENCE[input.confidence];
  const fy = `ปีงบประมาณ ต.ค. ${year - 1} – ก.ย. ${year}`;
  const used = `${input.checklistId} (${conf.th})`;
  const usedEn = `${input.checklistId} (${conf.en})`;
  let th: string;
  let en: string;
  if (input.chosen === 'file') {
    th = `ปีที่ประเมินตอนนี้คือ ITA ${year} (${fy}) — ตรวจด้วย checklist จากไฟล์ ${input.file ?? ''} ${used}`;
    en = `The current assessment year is ITA ${year} — judged with the checklist file ${input.file ?? ''} ${usedEn}`;
  } else if (input.chosen === 'year') {
    th = `ปีที่ประเมินตอนนี้คือ ITA ${year} (${fy}) — ตรวจด้วย checklist ${used} ตามที่ระบุด้วย --year`;
    en = `The current assessment year is ITA ${year} — judged with ${usedEn} as asked with --year`;
  } else if (fallback) {
    th = `ปีที่ประเมินตอนนี้คือ ITA ${year} (${fy}) แต่ยังไม่มี checklist ของปี ${year} จึงใช้ ${used} แทน`;
    en = `The current assessment year is ITA ${year}, but there is no checklist for ${year}; using ${usedEn} instead`;
  } else {
    th = `ปีที่ประเมินตอนนี้คือ ITA ${year} (${fy}) — ตรวจด้วย checklist ${used}`;
    en = `The current assessment year is ITA ${year} — judged with ${usedEn}`;
  }
  return { year, checklistYear: input.checklistYear, chosen: input.chosen, fallback, th, en };
}
