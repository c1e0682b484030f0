import type { ChecklistChoice } from '../checklist/assessment-year.js';
import { loadChecklist, loadChecklistFile, type LoadedChecklist } from '../checklist/load.js';
import type { ScanResult } from '../check/scan-result.js';
import { ChecklistError } from '../errors.js';
import type { ScanRecord } from '../store/types.js';

export interface ScanChecklist extends LoadedChecklist {
  chosen: ChecklistChoice;
  /** The user's own checklist file (`--checklist`), when the scan used one. */
  userFile?: string;
}

/**
 * The checklist a stored scan is judged with: a user's file or another shipped year when asked
 * (`oit check --checklist/--year`),
 * else the user's own file the scan was started with, else the shipped checklist of the scan's year.
 * A user's file is read again from its path, so an edited file re-judges with the edit (its new hash
 * is recorded); a file that is gone is a clear error naming it.
 */
export function checklistOfScan(scan: ScanRecord, options: { year?: number; checklistDir?: string; checklist?: string } = {}): ScanChecklist {
  if (options.checklist) {
    if (options.year !== undefined) {
      throw new ChecklistError('ใช้ --checklist หรือ --year อย่างใดอย่างหนึ่ง', 'use either --checklist <file> or --year, not both (the file names its own year)');
    }
    return { ...loadChecklistFile(options.checklist), chosen: 'file', userFile: options.checklist };
  }
  if (options.year !== undefined) return { ...loadChecklist(options.year, options.checklistDir), chosen: 'year' };
  const file = scan.config.checklist;
  if (typeof file === 'string' && file) return { ...loadChecklistFile(file), chosen: 'file', userFile: file };
  // Scans from before oit recorded the choice had their year stored either way: never claim a fallback for them.
  const chosen: ChecklistChoice = scan.config.checklistChoice === 'default' ? 'default' : 'year';
  return { ...loadChecklist(scan.checklistYear, options.checklistDir), chosen };
}

/** The checklist a stored result was judged with (reports, score): the user's file when the result names one. */
export function checklistOfResult(result: ScanResult, checklistDir?: string): LoadedChecklist {
  const file = (result.checklist as { file?: unknown }).file;
  return typeof file === 'string' && file ? loadChecklistFile(file) : loadChecklist(result.checklist.year, checklistDir);
}
