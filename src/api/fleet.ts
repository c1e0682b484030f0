/**
 * The fleet behind `oit fleet`: every agency (site) in a store with its latest judged result, the
 * result before it, and the attempts since that did not produce one. Reads only through ScanStore
 * (SQLite or PostgreSQL alike): one listScans for the whole fleet, then getResults only for the scans
 * a site needs, newest first, so ~8,300 sites cost about two result reads each.
 */
import { existsSync } from 'node:fs';
import PQueue from 'p-queue';
import type { ScanResult } from '../check/scan-result.js';
import { ConfigError } from '../errors.js';
import { trendOf, type Trend } from '../report/index-report.js';
import { isPostgresUrl, openStore, type ScanStore } from '../store/index.js';
import type { ItemStatus, ScanRecord, ScanState } from '../store/types.js';
import { storedResult } from './report-scan.js';
import { unreachable } from './run-sites.js';
import { parseStartUrl } from './scan-site.js';

/** The judged scan a site is shown with. */
export interface FleetResult {
  scanId: string;
  startedAt: string;
  finishedAt: string | null;
  checklistId: string;
  checklistYear: number;
  oit: number | null;
  /** Status of every judged item, by code (titles are in Fleet.titles: 8,300 copies would only weigh). */
  statuses: Record<string, ItemStatus>;
  /** The start page did not open (down, or it blocked us): the same test as `oit run`'s index. */
  unreachable: boolean;
  pagesFetched: number;
  errors: number;
}

export interface FleetAttempt {
  scanId: string;
  state: ScanState;
  startedAt: string;
  /** A finished scan with a stored judgement. */
  judged: boolean;
}

export interface FleetSite {
  /** Normalised start URL: the key of a site in the store. */
  site: string;
  host: string;
  /** From the config file or sites CSV, when the site is listed there. */
  name: string | null;
  latest: FleetResult | null;
  previous: { scanId: string; startedAt: string; oit: number | null } | null;
  change: number | null;
  trend: Trend;
  /** The site's newest scan of any state (null: never scanned). */
  lastAttempt: FleetAttempt | null;
  /**
   * Attempts newer than `latest` that will never give a result: failed, interrupted, or left running
   * while a newer attempt started (a worker killed mid-scan). The newest attempt still running is not
   * counted: it may yet finish.
   */
  failures: number;
  /** Scans of the site read from the store (any state). */
  scans: number;
}

export interface Fleet {
  /** Where it was read from (store.location: a postgres URL without its password). */
  db: string;
  sites: FleetSite[];
  /** Item titles by checklist id, then code, taken from the stored results. */
  titles: Record<string, Record<string, string>>;
  /** listScans hit `scanLimit`: the oldest scans were not read, so a site seen only in them is missing. */
  truncated: boolean;
}

export interface FleetOptions {
  /** Listed agencies (config file or CSV): they give names, and a listed site never scanned still gets a row. */
  sites?: ReadonlyArray<{ name: string; url: string }>;
  /** Upper bound for the one listScans call (default 2,000,000: years of weekly scans of 8,300 sites). */
  scanLimit?: number;
  /** Result reads in flight at once (helps PostgreSQL's pool; SQLite serialises them anyway). */
  concurrency?: number;
}

const DEFAULT_SCAN_LIMIT = 2_000_000;

/** Finished and judged: the only kind of scan whose result may be shown ("nothing half-written is visible"). */
interface Judged {
  scan: ScanRecord;
  result: ScanResult;
}

/**
 * Scans read per site up front: enough for the latest and previous judged scans behind a few failed
 * attempts. A site whose window holds fewer than two judged scans has its whole history read instead.
 */
const SCANS_PER_SITE = 12;

export async function loadFleet(store: ScanStore, options: FleetOptions = {}): Promise<Fleet> {
  const limit = options.scanLimit ?? DEFAULT_SCAN_LIMIT;
  // Years of weekly history stay in the database; memory holds only each site's last few scans.
  const scans = await store.listScans({ limit, perSite: SCANS_PER_SITE });
  const bySite = new Map<string, ScanRecord[]>();
  for (const s of scans) {
    const list = bySite.get(s.site);
    if (list) list.push(s);
    else bySite.set(s.site, [s]);
  }
  const names = new Map<string, string>();
  for (const s of options.sites ?? []) {
    const key = startHref(s.url);
    if (key && !names.has(key)) names.set(key, s.name);
  }
  for (const key of names.keys()) if (!bySite.has(key)) bySite.set(key, []);

  const titles: Record<string, Record<string, string>> = {};
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const sites = await Promise.all(
    [...bySite].map(([site, siteScans]) =>
      queue.add(async () => {
        let entry = await siteEntry(store, site, siteScans, names.get(site) ?? null);
        if (siteScans.length >= SCANS_PER_SITE && !entry.site.previous) {
          entry = await siteEntry(store, site, await store.listScans({ site, limit }), names.get(site) ?? null);
        }
        if (entry.judged) {
          const t = (titles[entry.judged.result.checklist.id] ??= {});
          for (const i of entry.judged.result.items) t[i.code] ??= i.title;
        }
        return entry.site;
      }),
    ),
  );
  return { db: store.location, sites: sites as FleetSite[], titles, truncated: scans.length >= limit };
}

/** `scans` are the site's scans, newest first (listScans' order). */
async function siteEntry(store: ScanStore, site: string, scans: ScanRecord[], name: string | null): Promise<{ site: FleetSite; judged?: Judged }> {
  let latest: Judged | undefined;
  let previous: Judged | undefined;
  let failures = 0;
  let newestJudged = false;
  for (const [i, s] of scans.entries()) {
    if (s.state === 'finished') {
      // A finished scan may still lack its judgement (judging runs after the crawl is marked finished).
      const result = await storedResult(store, s.id);
      if (!result) continue;
      if (i === 0) newestJudged = true;
      if (!latest) latest = { scan: s, result };
      else {
        previous = { scan: s, result };
        break;
      }
    } else if (!latest && (s.state !== 'running' || i > 0)) {
      // An interrupted scan may carry a judgement (`oit check` runs on any scan); it is never shown.
      failures++;
    }
  }
  const newest = scans[0];
  const oit = latest?.result.oit.score ?? null;
  const previousOit = previous?.result.oit.score ?? null;
  return {
    site: {
      site,
      host: newest?.host ?? hostOf(site),
      name,
      latest: latest ? fleetResult(latest) : null,
      previous: previous ? { scanId: previous.scan.id, startedAt: previous.scan.startedAt, oit: previousOit } : null,
      change: oit !== null && previousOit !== null ? Math.round((oit - previousOit) * 100) / 100 : null,
      trend: trendOf(oit, previousOit),
      lastAttempt: newest ? { scanId: newest.id, state: newest.state, startedAt: newest.startedAt, judged: newestJudged } : null,
      failures,
      scans: scans.length,
    },
    ...(latest ? { judged: latest } : {}),
  };
}

function fleetResult({ scan, result }: Judged): FleetResult {
  return {
    scanId: scan.id,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt ?? result.scan.finishedAt ?? null,
    checklistId: result.checklist.id,
    checklistYear: result.checklist.year,
    oit: result.oit.score,
    statuses: Object.fromEntries(result.items.map((i) => [i.code, i.status])),
    unreachable: unreachable(result),
    pagesFetched: result.scan.pagesFetched,
    errors: result.scan.errors,
  };
}

/** A listed URL as the store keys it; a URL oit could never have scanned matches nothing. */
function startHref(url: string): string | undefined {
  try {
    return parseStartUrl(url).href;
  } catch {
    return undefined;
  }
}

function hostOf(site: string): string {
  try {
    return new URL(site).hostname;
  } catch {
    return site;
  }
}

/** `oit fleet` only reads: a SQLite file that does not exist is a typo, not a new, empty fleet. */
export async function openFleetStore(db: string): Promise<ScanStore> {
  if (!isPostgresUrl(db) && db !== ':memory:' && !existsSync(db)) {
    throw new ConfigError(`ไม่พบฐานข้อมูล ${db}`, `database ${db} does not exist`, 'give the database the scans were stored in: --db <file|postgres://…>');
  }
  return openStore(db);
}
