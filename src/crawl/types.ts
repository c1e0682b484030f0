import type { Checklist } from '../checklist/schema.js';
import type { ScanConfig } from '../config/schema.js';
import type { ScanStats } from '../store/types.js';

/** Everything one crawl needs; the store is passed beside it. */
export interface CrawlJob {
  scanId: string;
  startUrl: string;
  config: ScanConfig;
  /** Continue an interrupted scan: in-flight frontier entries are re-queued, done pages are kept. */
  resume?: boolean;
  signal?: AbortSignal;
  /**
   * The checklist the scan is judged against: its item titles, variants and index-page labels steer
   * the best-first order. Without it only generic ITA/OIT words, documents and depth do.
   */
  checklist?: Pick<Checklist, 'year' | 'items' | 'indexPageLabels'>;
  /**
   * With config.untilEvidence: whether every item already has verified evidence in what is stored
   * (the caller judges the store; the crawl itself never judges). Asked now and then, never concurrently.
   */
  evidenceComplete?: () => Promise<boolean>;
}

/** Typed progress events: the CLI subscribes and prints, the library API passes them through. */
export type CrawlEvent =
  | { type: 'start'; scanId: string; startUrl: string; resumed: boolean }
  | { type: 'page'; url: string; status: number; kind: string; rendered: boolean; error?: string }
  | { type: 'progress'; pages: number; documents: number; queued: number; errors: number; pagesPerSecond: number }
  | { type: 'warning'; message: string }
  | { type: 'done'; stats: ScanStats };

export type CrawlEventListener = (event: CrawlEvent) => void;
