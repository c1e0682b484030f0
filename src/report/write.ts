import { join } from 'node:path';
import type { Checklist } from '../checklist/schema.js';
import type { ScanResult } from '../check/scan-result.js';
import { writeFilesAtomically } from './atomic.js';
import type { Lang } from './labels.js';
import type { CrawledPage, TrendPoint } from './view-model.js';
import { renderItemsCsv } from './write-csv.js';
import { renderReportHtml } from './write-html.js';
import { renderItasCsv, renderItasHtml } from './write-itas.js';
import { renderReportJson } from './write-json.js';

export { writeAnalysis, type WriteAnalysisOptions } from './write-analysis.js';

export interface WriteReportsOptions {
  result: ScanResult;
  checklist: Checklist;
  previous?: ScanResult | undefined;
  pages?: CrawledPage[] | undefined;
  /** OIT scores of the site's judged scans, oldest first, for the trend chart. */
  history?: TrendPoint[] | undefined;
  /** The scan's own report folder, conventionally `<out>/<host>/<scan-id>/` (see reportDir). */
  outDir: string;
  lang?: Lang | undefined;
}

export interface WrittenReports {
  dir: string;
  /** Absolute paths of the files written. */
  files: string[];
}

export const REPORT_FILES = ['report.json', 'report.html', 'items.csv', 'itas.csv', 'itas.html'] as const;

/**
 * Renders every report of a scan in memory, then writes them all atomically into outDir: an interrupted
 * run leaves either the previous reports or the new ones, never a half-written file.
 */
export async function writeReports(options: WriteReportsOptions): Promise<WrittenReports> {
  const { result, checklist, previous, pages, history, outDir } = options;
  const lang = options.lang ?? 'th';
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'report.json': renderReportJson(result),
    'report.html': renderReportHtml({ result, checklist, previous, pages, history, lang }),
    'items.csv': renderItemsCsv(result, checklist, lang),
    'itas.csv': renderItasCsv(result, checklist, lang),
    'itas.html': renderItasHtml(result, checklist, lang),
  };
  const files = await writeFilesAtomically(
    outDir,
    REPORT_FILES.map((name) => ({ name, data: contents[name] })),
  );
  return { dir: outDir, files };
}

/** `<out>/<host>/<scan-id>`, with both segments made safe: a report path is never steerable by site data. */
export function reportDir(out: string, result: Pick<ScanResult, 'site' | 'scan'>): string {
  let host = 'site';
  try {
    host = new URL(result.site).host;
  } catch {
    /* keep "site" */
  }
  const seg = (s: string) => s.replace(/[^a-zA-Z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
  return join(out, seg(host), seg(result.scan.id));
}
