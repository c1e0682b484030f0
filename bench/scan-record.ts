import type { ScanRecord } from '../src/store/types.js';

/** The crawl's seconds of a scan, from its record: created before the crawl, finished right after it. */
export function crawlSecondsOf(scan: Pick<ScanRecord, 'startedAt' | 'finishedAt'> | undefined): number | undefined {
  return scan?.finishedAt ? (Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1000 : undefined;
}
