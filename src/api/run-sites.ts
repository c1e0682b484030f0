import { relative, sep } from 'node:path';
import PQueue from 'p-queue';
import { diffScans, deadLinksOf, type ScanDiff } from '../check/diff.js';
import { unreachableOf, type ScanResult } from '../check/scan-result.js';
import { readRunFile, resolveConfig } from '../config/load.js';
import type { ScanConfig, ScanConfigInput, SiteConfig } from '../config/schema.js';
import { ConfigError, OitError } from '../errors.js';
import { newIndexReport, trendOf, writeIndexReport, type IndexReport, type IndexSite } from '../report/index-report.js';
import { withStore, type ScanStore } from '../store/index.js';
import { judgedScans } from './history.js';
import { acquireRunLock } from './lock.js';
import { sendNotification, type NotifyPayload } from './notify.js';
import { scanReportDir } from './report-scan.js';
import { parseStartUrl, scanSite, type ScanEventListener } from './scan-site.js';

/** Everything one `oit run` needs: the config file with its sites, and the layers above it. */
export interface RunSitesJob {
  /** The config file (oit.config.json) with `sites`. */
  file: string;
  /** Only these site names (default: every site of the file). */
  only?: string[];
  /** Command-line settings (they win over everything, for every site). */
  flags?: Partial<ScanConfigInput>;
  env?: NodeJS.ProcessEnv;
  /** Sites scanned at once (default: the file's `parallel`, else 2). */
  parallel?: number;
  /** Take the database's run lock (default true). */
  lock?: boolean;
  onSiteEvent?: (site: SiteConfig) => ScanEventListener | undefined;
  onSiteDone?: (outcome: SiteRunOutcome) => void;
  signal?: AbortSignal;
}

export interface SiteRunOutcome {
  site: SiteConfig;
  scanId?: string;
  result?: ScanResult;
  reportDir?: string;
  /** Against the site's previous judged scan. */
  diff?: ScanDiff;
  /** oit could not scan the site (a tool failure, not a site that is down). */
  error?: string;
  notifyProblems: string[];
}

export interface RunOutcome {
  db: string;
  out: string;
  sites: SiteRunOutcome[];
  index: IndexReport;
  indexFiles: string[];
  /** Some site could not be scanned because oit itself failed. */
  toolFailed: boolean;
  /** Every item of every scanned site passed. */
  allPassed: boolean;
}

/** Site configs resolved and validated up front, so a config mistake stops the run before any scan. */
function plan(job: RunSitesJob) {
  const file = readRunFile(job.file);
  if (!file.sites.length) {
    throw new ConfigError(`ไฟล์ตั้งค่า ${job.file} ไม่มีรายการ "sites"`, `config file ${job.file} lists no "sites" to run`, 'add "sites": [{"name": "…", "url": "https://…"}]');
  }
  const unknown = (job.only ?? []).filter((n) => !file.sites.some((s) => s.name === n));
  if (unknown.length) {
    const known = file.sites.map((s) => s.name).join(', ');
    throw new ConfigError(`ไม่มีเว็บไซต์ชื่อ ${unknown.join(', ')} ในไฟล์ตั้งค่า (มี: ${known})`, `no site named ${unknown.join(', ')} in ${job.file} (sites: ${known})`);
  }
  const chosen = job.only?.length ? file.sites.filter((s) => job.only!.includes(s.name)) : file.sites;
  const base = resolveConfig({ file: job.file, flags: job.flags, env: job.env });
  const configs = new Map<string, ScanConfig>(chosen.map((s) => [s.name, resolveConfig({ file: job.file, site: s, flags: job.flags, env: job.env })]));
  return { all: file.sites, chosen, base, configs, parallel: job.parallel ?? file.parallel };
}

/**
 * `oit run`: scans the config file's sites with bounded parallelism, each through scanSite (so each
 * is exactly what a queue worker would run), notifies, and writes the index report across all the
 * file's sites. One failing site never stops the others.
 */
export async function runSites(job: RunSitesJob): Promise<RunOutcome> {
  const p = plan(job);
  const lock = job.lock === false ? undefined : acquireRunLock(p.base.db, 'oit run');
  try {
    const queue = new PQueue({ concurrency: p.parallel });
    const outcomes: SiteRunOutcome[] = [];
    await Promise.all(
      p.chosen.map((site) =>
        queue.add(async () => {
          const outcome = await runOne(site, p.configs.get(site.name)!, job);
          outcomes.push(outcome);
          job.onSiteDone?.(outcome);
        }),
      ),
    );
    const index: IndexReport = await withStore(p.base.db, async (store) =>
      newIndexReport(await Promise.all(p.all.map((s) => indexEntry(store, s, p.base.out, outcomes.find((o) => o.site.name === s.name))))),
    );
    const indexFiles = await writeIndexReport(p.base.out, index);
    const ordered = p.chosen.map((s) => outcomes.find((o) => o.site.name === s.name)!);
    return {
      db: p.base.db,
      out: p.base.out,
      sites: ordered,
      index,
      indexFiles,
      toolFailed: ordered.some((o) => o.error !== undefined),
      allPassed: ordered.every((o) => o.result?.items.every((i) => i.status === 'pass') ?? false),
    };
  } finally {
    lock?.release();
  }
}

async function runOne(site: SiteConfig, config: ScanConfig, job: RunSitesJob): Promise<SiteRunOutcome> {
  let outcome: SiteRunOutcome;
  try {
    // One store for the scan and the comparison with the site's previous judged scan.
    const { scanned, diff } = await withStore(config.db, async (store) => {
      const scanned = await scanSite({ url: site.url, config, onEvent: job.onSiteEvent?.(site), signal: job.signal }, store);
      const [, previous] = await judgedScans(store, { site: scanned.result.site }, 2);
      return { scanned, diff: previous ? diffScans(previous.result, scanned.result) : undefined };
    });
    outcome = { site, scanId: scanned.scanId, result: scanned.result, reportDir: scanned.reportDir, ...(diff ? { diff } : {}), notifyProblems: [] };
  } catch (e) {
    const message = e instanceof OitError ? `${e.th} / ${e.en}` : (e as Error).message;
    outcome = { site, error: message, notifyProblems: [] };
  }
  if (site.notify) outcome.notifyProblems = await sendNotification(site.notify, notifyPayload(outcome));
  return outcome;
}

function notifyPayload(o: SiteRunOutcome): NotifyPayload {
  const r = o.result;
  return {
    schema: 'oit-notify/1',
    site: { name: o.site.name, url: o.site.url },
    scanId: o.scanId ?? null,
    state: r ? 'finished' : 'failed',
    oit: r?.oit.score ?? null,
    previousOit: o.diff?.before.oit ?? null,
    change: o.diff?.oitDelta ?? null,
    notPassed: r && !unreachable(r) ? r.items.filter((i) => i.status !== 'pass').map((i) => i.code) : [],
    regressed: o.diff?.regressed.map((c) => c.code) ?? [],
    improved: o.diff?.improved.map((c) => c.code) ?? [],
    newDeadLinks: o.diff?.newDeadLinks?.map((d) => d.url) ?? [],
    unreachable: r ? unreachable(r) : false,
    report: o.reportDir ? `${o.reportDir}${sep}report.html` : null,
    ...(o.error ? { error: o.error } : {}),
  };
}

/** The start page itself did not open: the site was down or blocked us. */
export function unreachable(r: ScanResult): boolean {
  // Results written before oit recorded `unreachable` show it only as the start URL among the dead links.
  return unreachableOf(r) !== undefined || (deadLinksOf(r) ?? []).some((d) => d.url === r.site);
}

async function indexEntry(store: ScanStore, site: SiteConfig, out: string, ran: SiteRunOutcome | undefined): Promise<IndexSite> {
  const href = parseStartUrl(site.url).href;
  const [current, previous] = await judgedScans(store, { site: href }, 2);
  const r = current?.result;
  const down = r ? unreachable(r) : false;
  const diff = r && previous ? diffScans(previous.result, r) : undefined;
  const oit = r?.oit.score ?? null;
  const previousOit = previous?.result.oit.score ?? null;
  const report = current ? relative(out, scanReportDir(out, current.scan.host, current.scan.id)).split(sep).join('/') + '/report.html' : null;
  return {
    name: site.name,
    url: site.url,
    scanId: current?.scan.id ?? null,
    state: current?.scan.state ?? null,
    startedAt: current?.scan.startedAt ?? null,
    oit,
    previousOit,
    change: oit !== null && previousOit !== null ? Math.round((oit - previousOit) * 100) / 100 : null,
    trend: trendOf(oit, previousOit),
    // An unreachable site has no gap list: nothing was looked at.
    passed: r && !down ? r.items.filter((i) => i.status === 'pass').length : null,
    items: r && !down ? r.items.length : null,
    gaps: r && !down ? r.items.filter((i) => i.status !== 'pass').map((i) => ({ code: i.code, title: i.title, status: i.status })) : [],
    regressed: diff?.regressed.map((c) => c.code) ?? [],
    improved: diff?.improved.map((c) => c.code) ?? [],
    pagesFetched: r?.scan.pagesFetched ?? 0,
    errors: r?.scan.errors ?? 0,
    unreachable: down,
    report,
    ...(ran?.error ? { error: ran.error } : {}),
  };
}
