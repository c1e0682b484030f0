import type { Checklist } from '../checklist/schema.js';
import type { ItemStatus } from '../store/types.js';

/**
 * ITA arithmetic, as published by the NACC: item 0/100 → sub-indicator = mean of its items →
 * indicator = mean of its sub-indicators (not of items) → OIT = mean of indicators.
 * ITA = 0.3 IIT + 0.3 EIT + 0.4 OIT. Values stay unrounded; round2 is for output only.
 */

export const PASS_MARK = 85;

export const GRADE_BANDS: readonly { grade: Grade; min: number }[] = [
  { grade: 'AA', min: 95 },
  { grade: 'A', min: 85 },
  { grade: 'B', min: 75 },
  { grade: 'C', min: 65 },
  { grade: 'D', min: 55 },
  { grade: 'E', min: 50 },
  { grade: 'F', min: 0 },
];
export type Grade = 'AA' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Half-up to 2 decimals; the epsilon keeps 84.995 from becoming 84.99 through binary representation. */
export function round2(x: number): number {
  return Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;
}

/** Grades the score as published (2 decimals), so the printed score and its grade never disagree. */
export function gradeOf(score: number): Grade {
  const s = round2(score);
  return GRADE_BANDS.find((b) => s >= b.min)!.grade;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export interface SubIndicatorScore {
  id: string;
  title: string;
  indicator: string;
  /** Unrounded; NaN when every item is not-applicable. */
  score: number;
  items: number;
  passed: number;
}

export interface IndicatorScore {
  id: string;
  title: string;
  score: number;
}

export interface OitScore {
  subIndicators: SubIndicatorScore[];
  indicators: IndicatorScore[];
  oit: number;
}

/**
 * Scores OIT from item statuses. Only `pass` scores 100; `not-applicable` items are left out of
 * their sub-indicator's mean (and a sub-indicator with nothing applicable out of its indicator's).
 * An item with no status counts as not passed: missing evidence is a 0 at the NACC too.
 */
export function scoreOit(checklist: Checklist, statuses: ReadonlyMap<string, ItemStatus>): OitScore {
  const subIndicators: SubIndicatorScore[] = [];
  for (const sub of checklist.subIndicators) {
    const items = checklist.items.filter((i) => i.subIndicator === sub.id);
    if (!items.length) continue;
    const applicable = items.filter((i) => statuses.get(i.code) !== 'not-applicable');
    const passed = applicable.filter((i) => statuses.get(i.code) === 'pass').length;
    subIndicators.push({
      id: sub.id,
      title: sub.title,
      indicator: sub.indicator,
      score: applicable.length ? (100 * passed) / applicable.length : NaN,
      items: items.length,
      passed,
    });
  }
  const indicators: IndicatorScore[] = checklist.indicators
    .filter((ind) => ind.tool === 'OIT')
    .map((ind) => ({
      id: ind.id,
      title: ind.title,
      score: mean(subIndicators.filter((s) => s.indicator === ind.id && !Number.isNaN(s.score)).map((s) => s.score)),
    }))
    .filter((ind) => !Number.isNaN(ind.score));
  return { subIndicators, indicators, oit: mean(indicators.map((i) => i.score)) };
}

export interface ItaScore {
  iit: number;
  eit: number;
  oit: number;
  ita: number;
  grade: Grade;
  pass: boolean;
}

/** IIT and EIT tool scores are the means of their indicator scores (5 and 3 of them). */
export function scoreIta(iitIndicators: number[], eitIndicators: number[], oit: number): ItaScore {
  const iit = mean(iitIndicators);
  const eit = mean(eitIndicators);
  const ita = 0.3 * iit + 0.3 * eit + 0.4 * oit;
  return { iit, eit, oit, ita, grade: gradeOf(ita), pass: round2(ita) >= PASS_MARK };
}
