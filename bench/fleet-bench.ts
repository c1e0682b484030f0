/**
 * Fleet throughput: a throwaway PostgreSQL and a generated fleet of Thai agency sites on loopback
 * (test/helpers/fleet-sites.ts; a few broken ones), scanned through the pg-boss queue by 1, 2 and 4
 * `oit worker` processes in turn, each run on a fresh database. Wall time runs from the enqueue to
 * the last job completed. Loopback has no network latency and no politeness gap, so these figures are
 * the CPU ceiling of one machine; docs/scale.md turns them into an estimate for real sites.
 * Usage: npm run bench:fleet [-- --sites 40 --workers 1,2,4 --concurrency 1 --news 400 --max-pages 600 --faults cheap|all|none --json]
 */
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { DEAD_LETTER_QUEUE, enqueueSites, openQueue, SCAN_QUEUE } from '../src/api/queue.js';
import { resolveConfig } from '../src/config/load.js';
import { openStore } from '../src/store/index.js';
import { spreadFaults, startFleet, type Fleet, type SiteFault } from '../test/helpers/fleet-sites.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../test/helpers/postgres.js';
import { startWorkers, stopWorkers, type WorkerLine } from './worker-procs.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SITES = Number(arg('--sites', '40'));
const WORKERS = arg('--workers', '1,2,4').split(',').map(Number);
const CONCURRENCY = Number(arg('--concurrency', '1'));
// Real agency sites have a news archive far bigger than their ITA evidence; 400 articles make each
// site ~490 pages. A scan must also outlast pg-boss's polling interval (2 s in \`oit worker\`: a worker
// slot takes its next job no sooner than 2 s after taking the last), or the bench measures the poll.
const NEWS = Number(arg('--news', '400'));
const MAX_PAGES = Number(arg('--max-pages', '600'));
const RUN_TIMEOUT_S = Number(arg('--timeout-s', '600'));
const FAULTS: Record<string, SiteFault[]> = {
  // Broken sites that answer at once: they cost a request each, like most dead agency sites.
  cheap: ['down', 'error-500', 'redirect-loop', 'garbage'],
  all: ['down', 'slow', 'error-500', 'redirect-loop', 'garbage', 'hang'],
  none: [],
};
const faultKinds = FAULTS[arg('--faults', 'cheap')] ?? FAULTS.cheap!;
const json = process.argv.includes('--json');
const log = (s: string) => (json ? process.stderr.write(s + '\n') : console.log(s));

interface RunFigures {
  workers: number;
  concurrency: number;
  sites: number;
  wallSeconds: number;
  sitesPerMinute: number;
  speedUp?: number;
  completed: number;
  failedJobs: number;
  deadLetters: number;
  /** Failed attempts reported by the workers (retried ones included). */
  failedAttempts: number;
  pages: number;
  pagesPerSecond: number;
  /** Seconds from the enqueue until the first worker took a job (queue polling). */
  firstPickupSeconds: number;
  /** CPU seconds of the worker processes and their children (pdftotext), per site. */
  workerCpuSecondsPerSite?: number;
  /** Largest peak RSS of one worker process, MB. */
  workerPeakRssMb?: number;
  scansPerSite: { min: number; max: number };
}

async function waitUntil(cond: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

async function runOnce(pg: TestPostgres, fleet: Fleet, workers: number, dir: string): Promise<RunFigures> {
  const db = await pg.createDatabase(`fleet_w${workers}`);
  // Install pg-boss's schema before the workers start, so no run pays for it inside the measurement.
  const boss0 = await openQueue(db, { maintenance: false });
  await boss0.stop({ graceful: false, close: true, wait: true });
  const config = resolveConfig({
    env: {},
    flags: {
      db, out: join(dir, `reports-${workers}`), year: 2566, allowPrivate: true, render: 'never', ocr: false, useSitemaps: false, obeyRobots: false,
      retries: 0, requestTimeoutMs: 5000, maxPages: MAX_PAGES, quiet: true,
    },
  });
  const lines: WorkerLine[] = [];
  const procs = startWorkers(workers, db, CONCURRENCY, dir, (l) => {
    lines.push(l);
    if (process.env.FLEET_BENCH_TRACE) log(`  ${(l.at / 1000).toFixed(2)} w${l.worker} ${l.text}`);
    if (l.stream === 'err' && l.text.trim()) log(`  worker ${l.worker}: ${l.text}`);
  });
  try {
    if (!(await waitUntil(() => new Set(lines.filter((l) => l.kind === 'banner').map((l) => l.worker)).size === workers, 60_000))) throw new Error('workers did not start');
    // The banner comes before pg-boss starts polling; give every worker time to reach its first poll.
    await new Promise((r) => setTimeout(r, 3000));
    const cpuAtStart = procs.map((p) => p.cpuSeconds());
    const t0 = performance.now();
    const enq = await enqueueSites(db, fleet.sites.map((s) => ({ name: s.name, url: s.url, config })), { retryLimit: 1, retryDelaySeconds: 1, expireInSeconds: RUN_TIMEOUT_S });
    const finished = await waitUntil(() => lines.filter((l) => l.kind === 'done').length >= enq.queued.length, RUN_TIMEOUT_S * 1000);
    const dones = lines.filter((l) => l.kind === 'done');
    const tEnd = dones.length ? Math.max(...dones.map((l) => l.at)) : performance.now();
    const firstStart = lines.find((l) => l.kind === 'start')?.at ?? tEnd;
    const cpu = procs.map((p) => p.cpuSeconds());
    const rss = procs.map((p) => p.peakRssMb() ?? 0);
    await stopWorkers(procs);
    if (!finished) log(`  run with ${workers} workers hit the ${RUN_TIMEOUT_S} s limit: ${dones.length}/${enq.queued.length} done`);

    const boss = new PgBoss(db);
    await boss.start();
    let failedJobs = 0;
    let deadLetters = 0;
    try {
      for (const q of enq.queued) if ((await boss.getJobById(SCAN_QUEUE, q.jobId))?.state !== 'completed') failedJobs++;
      deadLetters = await boss.getQueueSize(DEAD_LETTER_QUEUE, { before: 'failed' });
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
    }
    const store = await openStore(db);
    let pages = 0;
    const perSite = new Map<string, number>();
    try {
      for (const s of await store.listScans({ limit: 100_000 })) {
        if (s.state === 'finished') pages += s.stats.pagesFetched + s.stats.documentsFetched;
        perSite.set(s.site, (perSite.get(s.site) ?? 0) + 1);
      }
    } finally {
      await store.close();
    }
    const wall = (tEnd - t0) / 1000;
    const counts = fleet.sites.map((s) => perSite.get(s.url) ?? 0);
    // Process start-up (loading the TypeScript sources) is not a per-site cost: count from the enqueue.
    const cpuTotal = cpu.every((c) => c !== undefined) && cpuAtStart.every((c) => c !== undefined) ? cpu.reduce((a, c, k) => a + c! - cpuAtStart[k]!, 0) : undefined;
    return {
      workers,
      concurrency: CONCURRENCY,
      sites: fleet.sites.length,
      wallSeconds: round(wall),
      sitesPerMinute: round((dones.length / wall) * 60),
      completed: dones.length,
      failedJobs,
      deadLetters,
      failedAttempts: lines.filter((l) => l.kind === 'failed').length,
      pages,
      pagesPerSecond: round(pages / wall),
      firstPickupSeconds: round((firstStart - t0) / 1000),
      ...(cpuTotal !== undefined ? { workerCpuSecondsPerSite: round(cpuTotal / fleet.sites.length, 3) } : {}),
      ...(Math.max(...rss) > 0 ? { workerPeakRssMb: Math.max(...rss) } : {}),
      scansPerSite: { min: Math.min(...counts), max: Math.max(...counts) },
    };
  } finally {
    await stopWorkers(procs);
  }
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function table(runs: RunFigures[]): string {
  const head = ['workers', 'sites', 'wall s', 'sites/min', 'speed-up', 'failures', 'pages', 'pages/s', 'pickup s', 'CPU s/site', 'RSS MB'];
  const rows = runs.map((r) => [
    `${r.workers}×${r.concurrency}`, String(r.sites), r.wallSeconds.toFixed(1), r.sitesPerMinute.toFixed(1), r.speedUp === undefined ? '-' : r.speedUp.toFixed(2),
    `${r.deadLetters}/${r.failedJobs}`, String(r.pages), r.pagesPerSecond.toFixed(1), r.firstPickupSeconds.toFixed(1), r.workerCpuSecondsPerSite?.toFixed(2) ?? '-',
    r.workerPeakRssMb === undefined ? '-' : String(r.workerPeakRssMb),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => c.padStart(w[i]!)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const why = postgresUnavailable();
  if (why) {
    log(`bench:fleet skipped: ${why}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'oit-fleet-bench-'));
  const pg = await startPostgres();
  const fleet = await startFleet(SITES, { faults: spreadFaults(SITES, faultKinds), newsPages: NEWS });
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', ramGb: round(totalmem() / 2 ** 30, 1), node: process.version };
  log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.ramGb} GB RAM, Node ${machine.node}`);
  log(`fleet: ${SITES} sites on loopback (${faultKinds.length ? `broken: ${faultKinds.join(', ')}` : 'none broken'}), ${NEWS} news articles per site, maxPages ${MAX_PAGES}, render never, no OCR; worker processes × ${CONCURRENCY} job(s) each`);
  const runs: RunFigures[] = [];
  try {
    for (const w of WORKERS) {
      log(`running ${w} worker(s)…`);
      const r = await runOnce(pg, fleet, w, dir);
      const base = runs.find((x) => x.workers === 1) ?? (w === 1 ? r : undefined);
      if (base) r.speedUp = round(r.sitesPerMinute / base.sitesPerMinute);
      runs.push(r);
    }
  } finally {
    await fleet.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (json) process.stdout.write(JSON.stringify({ machine, sites: SITES, faults: faultKinds, newsPages: NEWS, maxPages: MAX_PAGES, runs }, null, 2) + '\n');
  else {
    console.log('');
    console.log(table(runs));
    console.log('failures = dead letters / jobs not completed; speed-up = sites/min ÷ sites/min of 1 worker; pickup = enqueue → first job taken;');
    console.log('CPU s/site = CPU of the worker processes and their pdftotext children after start-up ÷ sites; RSS MB = peak of the largest worker process');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
