/**
 * Records that cross the store boundary. The crawl stage writes snapshots and links; the check stage
 * reads them and writes item results; reports read results. Nothing here knows about SQL.
 */

export type ScanState = 'running' | 'finished' | 'failed' | 'interrupted';

export interface ScanStats {
  pagesFetched: number;
  documentsFetched: number;
  errors: number;
  /** Pages that looked client-rendered but could not be rendered (no browser). */
  needsJsUnrendered?: number;
  durationMs?: number;
  /** Limits that stopped the crawl before it covered the site; absent or empty when none did. */
  limits?: CrawlLimitHit[];
}

/**
 * One limit that cut the crawl short. `unvisited` counts URLs found but never fetched because of it
 * (still queued for max-pages, max-minutes and until-evidence; deeper than allowed for max-depth).
 */
export interface CrawlLimitHit {
  limit: 'max-pages' | 'max-depth' | 'max-minutes' | 'until-evidence';
  /** The limit's value (pages, depth, minutes; 1 for until-evidence). */
  value: number;
  unvisited: number;
}

export interface ScanRecord {
  id: string;
  /** Normalised start URL. */
  site: string;
  host: string;
  state: ScanState;
  startedAt: string;
  finishedAt?: string;
  toolVersion: string;
  checklistId: string;
  checklistYear: number;
  checklistHash: string;
  /** The fully resolved configuration the scan ran with (flags > env > file > defaults). */
  config: Record<string, unknown>;
  stats: ScanStats;
  /** Set when retention (`oit prune`) removed the scan's pages, links and frontier; its results stay. */
  prunedAt?: string;
  /** The queue job that ran this scan, so a retried job resumes its own scan instead of starting over. */
  jobId?: string;
}

export type NewScan = Omit<ScanRecord, 'state' | 'finishedAt' | 'stats' | 'prunedAt'> & { stats?: ScanStats };

export type SnapshotKind = 'html' | 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'image' | 'other';
export type TextSource = 'html' | 'rendered' | 'pdftotext' | 'ocr' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'none';

/** One fetched URL as the crawler saw it. */
export interface PageSnapshot {
  /** Normalised requested URL: the dedupe key within a scan. */
  url: string;
  /** URL after redirects. */
  finalUrl: string;
  /** HTTP status; 0 when no response arrived (DNS, reset, timeout, blocked). */
  status: number;
  contentType?: string;
  kind: SnapshotKind;
  title?: string;
  /** Visible text of a page, or extracted text of a document ('' when none). */
  text: string;
  textSource: TextSource;
  /** Raw (decoded) HTML of html pages, kept so checks can re-parse structure without the network. */
  html?: string;
  depth: number;
  referrer?: string;
  redirectChain: string[];
  fetchedAt: string;
  bytes: number;
  sha256?: string;
  /** The page looked client-rendered (empty shell, app root, script menus). */
  needsJs: boolean;
  /** Text and links come from a browser render rather than the raw HTML. */
  rendered: boolean;
  /** Fetch or extraction problem, e.g. "timeout", "encrypted PDF", "blocked: private address". */
  error?: string;
  /** Free-form facts: charset, page count, OCR pages, truncated, robots-disallowed… */
  meta: Record<string, unknown>;
}

export type LinkTag = 'a' | 'area' | 'iframe' | 'frame' | 'embed' | 'object' | 'onclick' | 'form' | 'sitemap' | 'redirect' | 'meta-refresh';

/** A link and the words around it: graders and our matchers identify an item from its row, list or heading. */
export interface LinkRecord {
  fromUrl: string;
  /** Absolute normalised target (or the raw value when it cannot be resolved, e.g. "#", "javascript:void(0)"). */
  toUrl: string;
  text: string;
  /** title / aria-label / alt of an image inside the link. */
  label?: string;
  rowText?: string;
  listItemText?: string;
  heading?: string;
  /** Menu ancestry, outermost first, e.g. ["ข้อมูลหน่วยงาน", "โครงสร้าง"]. */
  menuPath?: string[];
  /** Document order of the link on its page (0-based). */
  position: number;
  tag: LinkTag;
  region?: 'nav' | 'header' | 'footer' | 'main' | 'aside';
  external: boolean;
}

/** A link as a scan stores it once: everything but the page it is on and its position there. */
export type LinkBody = Omit<LinkRecord, 'fromUrl' | 'position'>;

/**
 * A part of a scan's links as they are stored: each page's links are references to distinct bodies, so a
 * menu repeated on every page is one body however many pages carry it (judging reads links this way).
 */
export interface LinkRefBatch {
  /** Pages in stored order, each with its links in stored order. */
  /**
   * Pages in stored order, each with its links' body ids in stored order and their positions on the page
   * (absent: 0, 1, 2, … as the crawler numbers them). Flat number arrays: a big site streams millions.
   */
  pages: Array<{ fromUrl: string; ids: number[]; positions?: number[] }>;
  /** At least every body these pages reference; valid until the next batch is asked for. */
  bodies: ReadonlyMap<number, LinkBody>;
}

export type FrontierState = 'queued' | 'in-flight' | 'done' | 'failed' | 'skipped';

export interface FrontierEntry {
  /** Normalised URL: the dedupe key (and the snapshot's key). */
  url: string;
  /** The URL as the site wrote it (absolute), fetched and reported as is; absent when it equals `url`. */
  fetchUrl?: string;
  depth: number;
  referrer?: string;
  /** Lower runs first; documents and ITA-looking links get lower numbers. */
  priority: number;
}

export type ItemStatus = 'pass' | 'fail' | 'needs-review' | 'not-applicable' | 'error';

export interface ClickStep {
  text: string;
  url: string;
}

export interface Evidence {
  url: string;
  /** How we reached it, in words, e.g. "ITA page row 'O11' > link 'ดาวน์โหลด'". */
  foundVia: string;
  quote?: string;
  clickPath?: ClickStep[];
}

export interface ItemResult {
  code: string;
  title: string;
  subIndicator: string;
  status: ItemStatus;
  /** 100 only for pass. */
  score: 0 | 100;
  /** Evidence URLs to submit to ITAS, best first; a pass has at least one. */
  urls: string[];
  evidence: Evidence[];
  /** Thai reasons for anything not passed, and caveats for passes. */
  reasons: string[];
  /** 0..1 */
  confidence: number;
  /** Set when a human decision replaced the automatic verdict. */
  override?: { by: string; note?: string; at: string; automaticStatus: ItemStatus };
  /**
   * Set when a human decision was NOT applied because the evidence it was about changed or is gone
   * since the review: the item is needs-review until someone looks again.
   */
  staleOverride?: { by: string; note?: string; at: string; status: ItemOverride['status']; url?: string; evidence: 'changed' | 'gone' };
}

export interface ItemOverride {
  id?: number;
  site: string;
  year: number;
  code: string;
  status: 'pass' | 'fail' | 'not-applicable';
  url?: string;
  note?: string;
  by: string;
  createdAt: string;
  /** sha256 of the evidence the reviewer looked at; when the page changes the decision needs review again. */
  evidenceHash?: string;
  scanId?: string;
  /**
   * Computed when a scan is judged, never stored: how the snapshot at `url` in the judged scan compares
   * with `evidenceHash` (see checkOverrideEvidence in src/check/overrides.ts). Undefined = not checked.
   */
  evidence?: 'same' | 'changed' | 'gone';
}

export interface PageQuery {
  /** Include raw HTML (large); default false. */
  withHtml?: boolean;
  /**
   * Leave out every html page's text and keep only the first `textHead` characters of other pages'
   * (documents') text: what a site's index needs (check/site-index.ts), and with 0 no text at all (the
   * report's page list). Default: the whole text.
   */
  textHead?: number;
}
