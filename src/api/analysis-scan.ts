import { writeAnalysis } from '../report/write-analysis.js';
import type { ScanStore } from '../store/index.js';
import { loadJudgedScan, scanReportDir } from './report-scan.js';
import { refuseUnreachable } from './score-result.js';

export interface AnalysisOptions {
  iit: number[];
  eit: number[];
  out: string;
  pdf: boolean;
  agency?: string;
  chromiumPath?: string;
  checklistDir?: string;
}

/** Drafts the analysis report (รายงานการวิเคราะห์ผลการประเมิน ITA) for a judged scan, beside its other reports. */
export async function analyseStoredScan(store: ScanStore, scanId: string, options: AnalysisOptions) {
  const { scan, result, checklist } = await loadJudgedScan(store, scanId, options.checklistDir);
  refuseUnreachable(result, `scan ${scanId}`);
  return writeAnalysis({
    result,
    checklist,
    iit: options.iit,
    eit: options.eit,
    outDir: scanReportDir(options.out, scan.host, scanId),
    pdf: options.pdf,
    agency: options.agency,
    chromiumPath: options.chromiumPath,
  });
}
