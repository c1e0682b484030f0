import { loadChecklist } from '../checklist/load.js';
import { ConfigError } from '../errors.js';
import { writeAnalysis } from '../report/write-analysis.js';
import type { ScanStore } from '../store/index.js';
import { scanReportDir, storedResult } from './report-scan.js';

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
  const scan = await store.getScan(scanId);
  if (!scan) throw new ConfigError(`ไม่พบการสแกน ${scanId}`, `scan ${scanId} is not in ${store.location}`);
  const result = await storedResult(store, scanId);
  if (!result) {
    throw new ConfigError(`การสแกน ${scanId} ยังไม่ได้ตรวจผล — รัน oit check --scan ${scanId} ก่อน`, `scan ${scanId} has not been judged yet; run \`oit check --scan ${scanId}\` first`);
  }
  const { checklist } = loadChecklist(result.checklist.year, options.checklistDir);
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
