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
}

/** Typed progress events: the CLI subscribes and prints, the library API passes them through. */
export type CrawlEvent =
  | { type: 'start'; scanId: string; startUrl: string; resumed: boolean }
  | { type: 'page'; url: string; status: number; kind: string; rendered: boolean; error?: string }
  | { type: 'progress'; pages: number; documents: number; queued: number; errors: number; pagesPerSecond: number }
  | { type: 'warning'; message: string }
  | { type: 'done'; stats: ScanStats };

export type CrawlEventListener = (event: CrawlEvent) => void;
