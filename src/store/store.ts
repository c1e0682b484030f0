import type {
  FrontierEntry,
  FrontierState,
  ItemOverride,
  ItemResult,
  LinkRecord,
  LinkRefBatch,
  NewScan,
  PageQuery,
  PageSnapshot,
  ScanRecord,
  ScanState,
  ScanStats,
} from './types.js';

/** A frontier row as stored, with its state. */
export type FrontierRow = FrontierEntry & { state: FrontierState };

export interface ScanFilter {
  site?: string;
  host?: string;
  /** Scans run by this queue job (its first try and retries). */
  jobId?: string;
  /** Only each site's newest N scans (a fleet overview needs the last few, not years of history). */
  perSite?: number;
  /** Default 1000. */
  limit?: number;
}

/** The few facts about a saved snapshot a resumed crawl needs (no text, no HTML). */
export interface PageStub {
  url: string;
  kind: PageSnapshot['kind'];
  status: number;
  error?: string;
}

/**
 * One atomic crawl write: newly found URLs, finished snapshots with their links, and frontier state
 * changes. Either all of it is stored or none, so after a crash a page is either saved with its links
 * and its frontier row settled, or still queued and fetched again.
 */
export interface CrawlBatch {
  enqueue: FrontierEntry[];
  pages: Array<{ page: PageSnapshot; links: LinkRecord[] }>;
  /** State changes; a URL missing from the frontier is inserted with this state. */
  settle: Array<{ url: string; state: Exclude<FrontierState, 'queued' | 'in-flight'>; depth?: number; priority?: number }>;
  /** Queued URLs found again through a better link: their priority moves up (lower); others stay. */
  reprioritize?: Array<{ url: string; priority: number }>;
}

/**
 * The one narrow interface every stage uses to persist and read scans. Implementations: SQLite
 * (sqlite-store.ts) for one site or a few hundred; PostgreSQL (pg-store.ts) for fleets shared by many workers.
 * All methods are async because both back ends are.
 */
export interface ScanStore {
  /** Human-readable location, for messages ("oit.db", "postgres://…"). */
  readonly location: string;

  createScan(scan: NewScan): Promise<ScanRecord>;
  getScan(id: string): Promise<ScanRecord | undefined>;
  /** Newest first. */
  listScans(filter?: ScanFilter): Promise<ScanRecord[]>;
  updateScan(id: string, patch: { state?: ScanState; finishedAt?: string; stats?: ScanStats; config?: Record<string, unknown> }): Promise<void>;

  /** Stores one snapshot and its outgoing links atomically (replaces an earlier snapshot of the same URL). */
  savePage(scanId: string, page: PageSnapshot, links: LinkRecord[]): Promise<void>;
  listPages(scanId: string, query?: PageQuery): Promise<PageSnapshot[]>;
  getPage(scanId: string, url: string, query?: PageQuery): Promise<PageSnapshot | undefined>;
  listLinks(scanId: string): Promise<LinkRecord[]>;
  /**
   * Streaming cursors: the pages (in listPages order) and links (in listLinks order) of a scan, at most
   * `batchSize` at a time, so that a big scan is never in memory at once (judging reads sites this way).
   * Links come as stored, each distinct link once with references from the pages (expandLinks in rows.ts
   * turns a batch into whole records).
   */
  pageBatches(scanId: string, query?: PageQuery & { batchSize?: number }): AsyncIterable<PageSnapshot[]>;
  linkBatches(scanId: string, options?: { batchSize?: number }): AsyncIterable<LinkRefBatch>;
  /** The snapshots of these URLs (stored URLs; unknown ones are left out), in no particular order. */
  getPages(scanId: string, urls: string[], query?: PageQuery): Promise<PageSnapshot[]>;

  /** Adds URLs not seen before in this scan; returns how many were new. */
  enqueue(scanId: string, entries: FrontierEntry[]): Promise<number>;
  /** Marks up to `limit` queued entries in-flight and returns them, lowest priority value first. */
  claim(scanId: string, limit: number): Promise<FrontierEntry[]>;
  settle(scanId: string, url: string, state: Exclude<FrontierState, 'queued' | 'in-flight'>): Promise<void>;
  /** After a crash: in-flight entries go back to the queue. Returns how many. */
  requeueInFlight(scanId: string): Promise<number>;
  frontierCounts(scanId: string): Promise<Record<FrontierState, number>>;

  /** Stores a crawl batch in one transaction (optional: the crawler falls back to the methods above). */
  saveBatch?(scanId: string, batch: CrawlBatch): Promise<void>;
  /** Every frontier row of a scan, in claim order (optional; used to resume). */
  listFrontier?(scanId: string): Promise<FrontierRow[]>;
  /** URL, kind, status and error of every saved snapshot (optional; used to resume). */
  listPageStubs?(scanId: string): Promise<PageStub[]>;

  /** Replaces the item results of a scan together with its summary (the scan-result JSON). */
  saveResults(scanId: string, results: ItemResult[], summary: Record<string, unknown>): Promise<void>;
  getResults(scanId: string): Promise<{ items: ItemResult[]; summary: Record<string, unknown> } | undefined>;

  /**
   * Retention: deletes the pages, links and frontier rows of a scan and marks it pruned; the scan row
   * and its results (scores, items) stay, so history and trends survive. Returns the rows deleted.
   */
  pruneScan(scanId: string, prunedAt: string): Promise<{ pages: number; links: number; frontier: number }>;

  /**
   * Politeness that holds across processes and machines sharing the store: reserves the next request
   * start to `host`, at least `gapMs` after the previous one anyone reserved, and resolves to the
   * milliseconds to wait before starting. Optional: a store without it leaves politeness per process.
   */
  reserveHostSlot?(host: string, gapMs: number): Promise<number>;
  /** Holds back everyone's requests to `host` for `ms` (a 429/503 with Retry-After seen by one worker). */
  holdHost?(host: string, ms: number): Promise<void>;

  addOverride(override: ItemOverride): Promise<ItemOverride>;
  listOverrides(site: string, year: number): Promise<ItemOverride[]>;

  close(): Promise<void>;
}
