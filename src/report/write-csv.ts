import type { Checklist } from '../checklist/schema.js';
import type { ScanResult } from '../check/scan-result.js';
import { toCsv } from './csv.js';
import { STATUS_LABELS, type Lang } from './labels.js';
import { completeItems } from './view-model.js';

export const ITEMS_CSV_HEADER = ['code', 'title', 'status', 'best_url', 'reason', 'status_label'];

/** items.csv: one row per checklist item, in checklist order. Several reasons go into one cell, one per line. */
export function renderItemsCsv(result: ScanResult, checklist: Checklist, lang: Lang = 'th'): string {
  const rows = completeItems(result, checklist, lang).map((i) => [
    i.code,
    i.title,
    i.status,
    i.urls[0] ?? i.evidence[0]?.url ?? '',
    i.reasons.join('\n'),
    STATUS_LABELS[lang][i.status],
  ]);
  return toCsv(ITEMS_CSV_HEADER, rows);
}
