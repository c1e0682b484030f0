import type { Checklist } from '../checklist/schema.js';
import type { ScanResult } from '../check/scan-result.js';
import { toCsv } from './csv.js';
import { formatDateTime, linkView } from './format.js';
import { LABELS, type Lang } from './labels.js';
import { render } from './render.js';
import { buildItasRows, groupItasRows, staticLabels } from './view-model.js';

/**
 * The ITAS sheet: per item the URL to paste into the NACC's ITAS and a ready คำอธิบาย with the click
 * path. Items without a passing URL get a blank URL and a note saying what to do first.
 */
export function renderItasCsv(result: ScanResult, checklist: Checklist, lang: Lang = 'th'): string {
  const l = LABELS[lang];
  const rows = buildItasRows(result, checklist, lang).map((r) => [r.code, r.title, r.url, r.explanation, r.note, r.moreUrls.join('\n')]);
  return toCsv([l.code, l.item, l.url, l.explanation, l.note, `${l.url} (2+)`], rows);
}

export function renderItasHtml(result: ScanResult, checklist: Checklist, lang: Lang = 'th'): string {
  const l = LABELS[lang];
  const conf = result.checklist.confidence;
  const warning = conf === 'provisional' ? l.provisionalWarning(result.checklist.year) : conf === 'probable' ? l.probableWarning(result.checklist.year) : undefined;
  return render('itas', {
    lang,
    t: staticLabels(l),
    title: `${l.itasTitle} — ${result.site}`,
    site: linkView(result.site),
    checklistLabel: `${checklist.title} (${checklist.id})`,
    scanDate: formatDateTime(result.scan.startedAt, lang),
    ...(warning ? { warning } : {}),
    groups: groupItasRows(buildItasRows(result, checklist, lang), checklist),
    generatedBy: l.generatedBy(`${result.tool.name} ${result.tool.version}`),
  });
}
