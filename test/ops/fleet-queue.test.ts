import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEAD_LETTER_QUEUE, enqueueSites, runWorker, SCAN_QUEUE, siteKey, type WorkerSummary } from '../../src/api/queue.js';
import { storedResult } from '../../src/api/report-scan.js';
import { unreachableOf } from '../../src/check/scan-result.js';
import { resolveConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/index.js';
import { FAULT_START_PAGE, spreadFaults, startFleet, type Fleet } from '../helpers/fleet-sites.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { workerEventLog } from '../helpers/worker-events.js';

/**
 * National scale in miniature: 50 generated agency sites on loopback (one slow, five broken in
 * different ways) go through the pg-boss queue to two workers sharing one PostgreSQL database.
 * Every site must end with exactly one finished, judged scan; broken sites are results, not failures;
 * each healthy site's verdicts are the ones its generator put there.
 *
 * The workers run in this process (runWorker), each with its own pg-boss instance and connection
 * pool, so they coordinate only through PostgreSQL as separate processes would; in-process they report
 * start/done events without a pipe in between, which makes the "never two scans of one site at once"
 * check exact. Separate `oit worker` processes are covered by queue.test.ts and the fleet benchmark.
 */
const pgMissing = postgresUnavailable();
const SITES = 50;
const RETRY_LIMIT = 1;
let dir = '';
let server: TestPostgres | undefined;
let fleet: Fleet | undefined;

beforeAll(async () => {
  if (pgMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'oit-fleet-'));
  server = await startPostgres();
  fleet = await startFleet(SITES, { faults: spreadFaults(SITES) });
}, 120_000);

afterAll(async () => {
  await fleet?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function waitFor(cond: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(pgMissing)(`a 50-site fleet through the queue${pgMissing ? ` (skipped: ${pgMissing})` : ''}`, () => {
  it('two workers: one finished scan per site, broken sites as results, no dead letters, verdicts as generated', async () => {
    const db = await server!.createDatabase('fleet');
    // Slow pages answer after up to 3 s, so the request timeout sits above that; the hanging site
    // costs exactly one timeout (no retries).
    const config = resolveConfig({
      env: {},
      flags: {
        db, out: join(dir, 'reports'), year: 2566, allowPrivate: true, render: 'never', ocr: false, useSitemaps: false, obeyRobots: false,
        retries: 0, requestTimeoutMs: 5000, maxPages: 60, quiet: true,
      },
    });
    const sites = fleet!.sites;
    const enq = await enqueueSites(db, sites.map((s) => ({ name: s.name, url: s.url, config })), { retryLimit: RETRY_LIMIT, retryDelaySeconds: 1 });
    expect(enq.queued).toHaveLength(SITES);

    const { events, overlaps, listener } = workerEventLog();
    const controllers = [new AbortController(), new AbortController()];
    const workers: Array<Promise<WorkerSummary>> = controllers.map((c, worker) =>
      runWorker({ db, concurrency: 2, signal: c.signal, pollingIntervalSeconds: 0.5, onEvent: listener(worker) }),
    );
    try {
      // Every job at an end: scanned, dead-lettered, or failed on its last try (so a broken build fails fast).
      const settled = () => {
        const tries = new Map<string, number>();
        const ended = new Set<string>();
        for (const e of events) {
          if (e.type === 'done' || e.type === 'dead') ended.add(e.jobId);
          if (e.type === 'failed') {
            const n = (tries.get(e.jobId) ?? 0) + 1;
            tries.set(e.jobId, n);
            if (n > RETRY_LIMIT) ended.add(e.jobId);
          }
        }
        return ended.size >= SITES;
      };
      await waitFor(settled, 170_000);
    } finally {
      for (const c of controllers) c.abort();
    }
    const summaries = await Promise.all(workers);
    expect(events.filter((e) => e.type !== 'start' && e.type !== 'done')).toEqual([]);
    expect(summaries.reduce((n, s) => n + s.completed, 0)).toBe(SITES);
    // Both workers took part: the queue shared the sites out.
    expect(summaries.map((s) => s.completed > 0)).toEqual([true, true]);
    expect(overlaps).toEqual([]);

    const boss = new PgBoss(db);
    await boss.start();
    try {
      for (const q of enq.queued) expect((await boss.getJobById(SCAN_QUEUE, q.jobId))?.state, q.name).toBe('completed');
      expect(await boss.getQueueSize(SCAN_QUEUE, { before: 'completed' })).toBe(0);
      expect(await boss.getQueueSize(DEAD_LETTER_QUEUE, { before: 'failed' })).toBe(0);
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
    }

    const store = await openStore(db);
    const wrongVerdicts: Record<string, string[]> = {};
    const oits = new Set<number>();
    try {
      for (const site of sites) {
        const scans = await store.listScans({ site: siteKey(site.url) });
        expect(scans.map((s) => s.state), site.name).toEqual(['finished']);
        const scan = scans[0]!;
        const result = await storedResult(store, scan.id);
        expect(result?.items, site.name).toHaveLength(43);
        const start = await store.getPage(scan.id, siteKey(site.url));
        if (site.fault && site.fault !== 'slow') {
          // Unreachable or broken: recorded as the start page's status and error; not scored (issue 16),
          // every item `error` with the cause instead of invented verdicts.
          const want = FAULT_START_PAGE[site.fault];
          expect({ site: site.name, status: start?.status }).toEqual({ site: site.name, status: want.status });
          expect(start?.error ?? '', site.name).toMatch(want.error);
          expect(result!.oit.score, site.name).toBeNull();
          expect(unreachableOf(result!)?.url, site.name).toBe(siteKey(site.url));
          expect(result!.items.every((i) => i.status === 'error'), site.name).toBe(true);
          continue;
        }
        expect(start?.status, site.name).toBe(200);
        const got = new Map(result!.items.map((r) => [r.code, r.status]));
        const wrong = Object.entries(site.data.expected.items).filter(([code, want]) => got.get(code) !== want).map(([code, want]) => `${code} ${got.get(code)} (want ${want})`);
        if (result!.oit.score !== site.data.expected.oit) wrong.push(`OIT ${result!.oit.score} (want ${site.data.expected.oit})`);
        if (wrong.length) wrongVerdicts[site.name] = wrong;
        oits.add(result!.oit.score ?? -1);
      }
    } finally {
      await store.close();
    }
    expect(wrongVerdicts).toEqual({});
    // The generator spreads the sites from 10 to 43 items with evidence: scores really differ.
    expect(oits.size).toBeGreaterThanOrEqual(30);
  }, 200_000);
});
