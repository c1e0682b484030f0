import type {
  FrontierEntry,
  FrontierState,
  ItemOverride,
  ItemResult,
  LinkRecord,
  NewScan,
  PageQuery,
  PageSnapshot,
  ScanRecord,
  ScanState,
  ScanStats,
} from './types.js';

/**
 * The one narrow interface every stage uses to persist and read scans. Implementations: SQLite
 * (sqlite-store.ts) for one site; a PostgreSQL one can implement the same methods for fleets.
 * All methods are async because both back ends are.
 */
export interface ScanStore {
  /** Human-readable location, for messages ("oit.db", "postgres://…"). */
  readonly location: string;

  createScan(scan: NewScan): Promise<ScanRecord>;
  getScan(id: string): Promise<ScanRecord | undefined>;
  /** Newest first. */
  listScans(filter?: { site?: string; host?: string; limit?: number }): Promise<ScanRecord[]>;
  updateScan(id: string, patch: { state?: ScanState; finishedAt?: string; stats?: ScanStats; config?: Record<string, unknown> }): Promise<void>;

  /** Stores one snapshot and its outgoing links atomically (replaces an earlier snapshot of the same URL). */
  savePage(scanId: string, page: PageSnapshot, links: LinkRecord[]): Promise<void>;
  listPages(scanId: string, query?: PageQuery): Promise<PageSnapshot[]>;
  getPage(scanId: string, url: string, query?: PageQuery): Promise<PageSnapshot | undefined>;
  listLinks(scanId: string): Promise<LinkRecord[]>;

  /** Adds URLs not seen before in this scan; returns how many were new. */
  enqueue(scanId: string, entries: FrontierEntry[]): Promise<number>;
  /** Marks up to `limit` queued entries in-flight and returns them, lowest priority value first. */
  claim(scanId: string, limit: number): Promise<FrontierEntry[]>;
  settle(scanId: string, url: string, state: Exclude<FrontierState, 'queued' | 'in-flight'>): Promise<void>;
  /** After a crash: in-flight entries go back to the queue. Returns how many. */
  requeueInFlight(scanId: string): Promise<number>;
  frontierCounts(scanId: string): Promise<Record<FrontierState, number>>;

  /** Replaces the item results of a scan together with its summary (the scan-result JSON). */
  saveResults(scanId: string, results: ItemResult[], summary: Record<string, unknown>): Promise<void>;
  getResults(scanId: string): Promise<{ items: ItemResult[]; summary: Record<string, unknown> } | undefined>;

  addOverride(override: ItemOverride): Promise<ItemOverride>;
  listOverrides(site: string, year: number): Promise<ItemOverride[]>;

  close(): Promise<void>;
}
