/**
 * Writes the fleet report: `fleet.html` (Thai, self-contained), `fleet.csv` (one row per agency),
 * `fleet-items.csv` (the summary by item) and `fleet.json` (schema `oit-fleet/1`), all atomically.
 */
import { writeFilesAtomically } from './atomic.js';
import { toCsv } from './csv.js';
import { buildFleetView, missingCodes, type FleetReport } from './fleet-view.js';
import type { Lang } from './labels.js';
import { render } from './render.js';

export const FLEET_FILES = ['fleet.html', 'fleet.csv', 'fleet-items.csv', 'fleet.json'] as const;

export const FLEET_CSV_HEADER = [
  'name', 'host', 'url', 'checklist', 'oit', 'previous_oit', 'change', 'trend', 'passed', 'items', 'missing', 'not_passed_items',
  'needs_review_items', 'unreachable', 'scan_id', 'scanned_at', 'failures', 'last_attempt_id', 'last_attempt_state', 'last_attempt_at',
];

const n2 = (x: number | null | undefined) => (x === null || x === undefined ? '' : x.toFixed(2));

export function renderFleetCsv(report: FleetReport): string {
  return toCsv(
    FLEET_CSV_HEADER,
    report.sites.map((s) => {
      const r = s.latest;
      const statuses = Object.values(r?.statuses ?? {});
      return [
        s.name ?? '',
        s.host,
        s.site,
        r?.checklistId ?? '',
        n2(r?.oit),
        n2(s.previous?.oit),
        n2(s.change),
        s.trend,
        r ? statuses.filter((st) => st === 'pass').length : '',
        r ? statuses.length : '',
        r ? missingCodes(s).length : '',
        missingCodes(s, 'not-review').join(' '),
        missingCodes(s, 'review').join(' '),
        r ? (r.unreachable ? 'yes' : 'no') : '',
        r?.scanId ?? '',
        r ? (r.finishedAt ?? r.startedAt) : '',
        s.failures,
        s.lastAttempt?.scanId ?? '',
        s.lastAttempt?.state ?? '',
        s.lastAttempt?.startedAt ?? '',
      ];
    }),
  );
}

export const FLEET_ITEMS_CSV_HEADER = ['checklist', 'year', 'code', 'title', 'agencies', 'missing', 'needs_review', 'percent'];

export function renderFleetItemsCsv(report: FleetReport): string {
  return toCsv(
    FLEET_ITEMS_CSV_HEADER,
    report.items.flatMap((g) => g.items.map((i) => [g.checklistId, g.year, i.code, i.title, i.agencies, i.missing, i.needsReview, i.percent.toFixed(2)])),
  );
}

export function renderFleetHtml(report: FleetReport, lang: Lang = 'th'): string {
  return render('fleet', buildFleetView(report, lang));
}

/** Renders everything in memory first, then writes the four files into `out` atomically. */
export async function writeFleetReport(out: string, report: FleetReport, lang: Lang = 'th'): Promise<string[]> {
  const data: Record<(typeof FLEET_FILES)[number], string> = {
    'fleet.html': renderFleetHtml(report, lang),
    'fleet.csv': renderFleetCsv(report),
    'fleet-items.csv': renderFleetItemsCsv(report),
    'fleet.json': JSON.stringify(report, null, 2) + '\n',
  };
  return writeFilesAtomically(
    out,
    FLEET_FILES.map((name) => ({ name, data: data[name] })),
  );
}
