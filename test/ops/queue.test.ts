import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEAD_LETTER_QUEUE, enqueueSites, parseEvery, queueStatus, readSitesCsv, runWorker, SCAN_QUEUE, siteKey, type QueueJobData, type WorkerEvent } from '../../src/api/queue.js';
import { resolveConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/run-cli.js';
import { workerEventLog } from '../helpers/worker-events.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/**
 * The pg-boss queue end to end: a handful of agency sites on loopback (one of them down), enqueued
 * twice, scanned by two workers sharing the queue; every site ends with exactly one completed scan.
 */
const pgMissing = postgresUnavailable();
let dir = '';
let server: TestPostgres | undefined;
const sites: FixtureSite[] = [];

const agencyPage = (n: number) => (path: string) => {
  const nav = `<ul class="menu"><li><a href="/">หน้าหลัก</a></li><li><a href="/about">ข้อมูลหน่วยงาน</a></li><li><a href="/contact">ติดต่อเรา</a></li></ul>`;
  const pages: Record<string, string> = {
    '/': `<h1>องค์การบริหารส่วนตำบลทดสอบ ${n}</h1><p>ข่าวประชาสัมพันธ์</p>`,
    '/about': `<h1>โครงสร้างส่วนราชการ</h1><p>นายกองค์การบริหารส่วนตำบล ${n}</p>`,
    '/contact': `<h1>ติดต่อเรา</h1><p>โทร 0 2000 000${n} อีเมล saraban@tambon${n}.go.th</p>`,
  };
  const body = pages[path];
  return body === undefined ? undefined : `<html><head><meta charset="utf-8"><title>อบต. ${n}</title></head><body>${nav}${body}</body></html>`;
};

beforeAll(async () => {
  if (pgMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'oit-queue-'));
  server = await startPostgres();
  for (let n = 1; n <= 4; n++) sites.push(await startSite(agencyPage(n)));
}, 120_000);

afterAll(async () => {
  for (const s of sites) await s.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function configFor(db: string, over: Record<string, unknown> = {}) {
  return resolveConfig({
    env: {},
    flags: {
      db, out: join(dir, 'reports'), year: 2566, allowPrivate: true, render: 'never', ocr: false, useSitemaps: false, obeyRobots: false,
      retries: 0, requestTimeoutMs: 3000, maxPages: 20, quiet: true, ...over,
    },
  });
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(pgMissing)(`the scan queue on PostgreSQL${pgMissing ? ` (skipped: ${pgMissing})` : ''}`, () => {
  it('two workers scan every site exactly once; a site that is down is a result', async () => {
    const db = await server!.createDatabase('queue');
    // A site that is down: a loopback port with nothing listening.
    const down = await startSite({});
    const downUrl = down.origin + '/';
    await down.close();
    const jobs: QueueJobData[] = [
      ...sites.map((s, i) => ({ name: `tambon${i + 1}`, url: s.origin + '/', config: configFor(db) })),
      { name: 'down', url: downUrl, config: configFor(db) },
    ];
    const first = await enqueueSites(db, jobs, { retryLimit: 1, retryDelaySeconds: 1 });
    expect(first.queued).toHaveLength(5);
    expect(await queueStatus(db)).toEqual({ waiting: 5, running: 0, completed: 0, deadLetters: 0 });
    // Enqueueing again while the jobs wait adds nothing (one queued job per site).
    const again = await enqueueSites(db, jobs);
    expect(again.queued).toHaveLength(0);
    expect(again.alreadyQueued).toHaveLength(5);

    const { events, overlaps, listener } = workerEventLog();
    const controllers = [new AbortController(), new AbortController()];
    const workers = controllers.map((c, worker) =>
      runWorker({ db, concurrency: 2, signal: c.signal, pollingIntervalSeconds: 0.5, onEvent: listener(worker) }),
    );
    try {
      await waitFor(() => events.filter((e) => e.type === 'done').length >= 5, 90_000);
    } finally {
      for (const c of controllers) c.abort();
    }
    const summaries = await Promise.all(workers);
    expect(summaries.reduce((n, s) => n + s.completed, 0)).toBe(5);
    expect(summaries.reduce((n, s) => n + s.failed, 0)).toBe(0);
    expect(overlaps).toEqual([]);

    const store = await openStore(db);
    try {
      for (const job of jobs) {
        const scans = await store.listScans({ site: siteKey(job.url) });
        expect(scans, job.name).toHaveLength(1);
        expect(scans[0]!.state).toBe('finished');
        expect((await store.getResults(scans[0]!.id))?.items.length).toBeGreaterThan(0);
      }
      const downScan = (await store.listScans({ site: siteKey(downUrl) }))[0]!;
      expect((await store.listPages(downScan.id))[0]?.status).toBe(0);
      // A site that is down completes its job as "unreachable": not scored, not a score of 0.
      const downResult = (await store.getResults(downScan.id))!.summary as { oit: { score: unknown }; unreachable?: { cause: string } };
      expect(downResult.oit.score).toBeNull();
      expect(downResult.unreachable?.cause).toBe('refused');
      expect(events.find((e) => e.type === 'done' && e.url === downUrl)).toMatchObject({ oit: null, unreachable: { en: expect.stringMatching(/connection was refused/) } });
    } finally {
      await store.close();
    }
    const boss = new PgBoss(db);
    await boss.start();
    try {
      for (const q of first.queued) expect((await boss.getJobById(SCAN_QUEUE, q.jobId))?.state).toBe('completed');
      expect(await queueStatus(db)).toEqual({ waiting: 0, running: 0, completed: 5, deadLetters: 0 });
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
    }
  }, 150_000);

  it('retries a tool error with backoff, then keeps it as a dead letter with the reason', async () => {
    const db = await server!.createDatabase('dead');
    const notADir = join(dir, 'plain-file');
    writeFileSync(notADir, 'x');
    // Reports cannot be written under a plain file: a tool error, not a result.
    const [queued] = (await enqueueSites(db, [{ name: 'broken-out', url: sites[0]!.origin + '/', config: configFor(db, { out: join(notADir, 'reports') }) }], { retryLimit: 1, retryDelaySeconds: 1 })).queued;
    const events: WorkerEvent[] = [];
    const c = new AbortController();
    const worker = runWorker({ db, signal: c.signal, pollingIntervalSeconds: 0.5, onEvent: (e) => events.push(e) });
    const boss = new PgBoss(db);
    await boss.start();
    try {
      await waitFor(async () => (await boss.getJobById(SCAN_QUEUE, queued!.jobId))?.state === 'failed', 60_000);
      expect(events.filter((e) => e.type === 'failed')).toHaveLength(2); // the first try and one retry
      expect(await queueStatus(db)).toEqual({ waiting: 0, running: 0, completed: 0, deadLetters: 1 });
      const status = await runCli(['queue', '--db', db], { cwd: dir });
      expect(status.stdout).toMatch(/ล้มเหลวถาวร 1/);
      expect(status.code).toBe(2);
      const [dead] = await boss.fetch<QueueJobData>(DEAD_LETTER_QUEUE, { includeMetadata: true });
      expect(dead?.data.url).toBe(sites[0]!.origin + '/');
      expect(JSON.stringify(dead?.output)).toMatch(/ENOTDIR|not a directory|เขียน/i);
    } finally {
      c.abort();
      await worker;
      await boss.stop({ graceful: false, close: true, wait: true });
    }
  }, 90_000);

  it('stops gracefully: the scan in flight is stored as interrupted, its job\'s retry on another worker resumes it', async () => {
    const db = await server!.createDatabase('sigterm');
    // A slow site: every page takes 300 ms, and there are many of them.
    const slow = await startSite((path) => {
      const n = Number(/^\/p(\d+)$/.exec(path)?.[1] ?? (path === '/' ? 0 : NaN));
      if (Number.isNaN(n) || n > 40) return undefined;
      return { delayMs: 300, body: `<html><body><h1>หน้า ${n}</h1><a href="/p${n + 1}">ต่อไป</a><a href="/p${n + 2}">ถัดไป</a></body></html>` };
    });
    try {
      const url = slow.origin + '/';
      const [queued] = (await enqueueSites(db, [{ name: 'slow', url, config: configFor(db, { concurrency: 1 }) }], { retryLimit: 2, retryDelaySeconds: 1 })).queued;
      const c1 = new AbortController();
      const seen1: WorkerEvent[] = [];
      const w1 = runWorker({ db, signal: c1.signal, pollingIntervalSeconds: 0.5, onEvent: (e) => seen1.push(e) });
      await waitFor(() => seen1.some((e) => e.type === 'start'), 30_000);
      await new Promise((r) => setTimeout(r, 1000)); // a few pages in
      c1.abort(); // what SIGTERM does in `oit worker`
      const s1 = await w1;
      expect(s1.failed).toBe(1);
      const store = await openStore(db);
      try {
        const [interrupted] = await store.listScans({ site: siteKey(url) });
        expect(interrupted?.state).toBe('interrupted');
        expect((await store.listPages(interrupted!.id)).length).toBeGreaterThan(0);
        expect(await store.getResults(interrupted!.id)).toBeUndefined(); // nothing half-judged

        const c2 = new AbortController();
        const seen2: WorkerEvent[] = [];
        const w2 = runWorker({ db, signal: c2.signal, pollingIntervalSeconds: 0.5, onEvent: (e) => seen2.push(e) });
        try {
          await waitFor(() => seen2.some((e) => e.type === 'done'), 60_000);
        } finally {
          c2.abort();
          await w2;
        }
        const done = seen2.find((e) => e.type === 'done');
        expect(done?.jobId).toBe(queued!.jobId);
        expect(done?.resumed).toBe(true);
        // One scan: the retry continued the interrupted one rather than starting over.
        const scans = await store.listScans({ site: siteKey(url) });
        expect(scans.map((s) => [s.id, s.state])).toEqual([[interrupted!.id, 'finished']]);
        expect(scans[0]!.jobId).toBe(queued!.jobId);
        expect(slow.hits.get('/')).toBe(1); // the start page was not fetched again
      } finally {
        await store.close();
      }
    } finally {
      await slow.close();
    }
  }, 120_000);

  it('oit enqueue --sites and two `oit worker` processes, stopped with SIGTERM', async () => {
    const db = await server!.createDatabase('cli');
    const csv = join(dir, 'cli-sites.csv');
    writeFileSync(csv, `name,url\n${sites.map((s, i) => `t${i + 1},${s.origin}/`).join('\n')}\n`);
    const common = ['--db', db, '--out', join(dir, 'cli-reports'), '--year', '2566', '--render', 'never', '--no-ocr', '--no-use-sitemaps', '--no-obey-robots', '--allow-private', '--max-pages', '20'];
    const enq = await runCli(['enqueue', '--sites', csv, ...common], { cwd: dir });
    expect(enq.stderr).toBe('');
    expect(enq.code).toBe(0);
    expect(enq.stdout).toMatch(/queued 4, already queued 0/);
    const again = await runCli(['enqueue', '--sites', csv, '--site', 't1', ...common], { cwd: dir });
    expect(again.stdout).toMatch(/queued 0, already queued 1/);

    const { root, tsxLoader } = cliPaths();
    const workers = [0, 1].map(() => {
      const child = spawn(process.execPath, ['--import', tsxLoader, `${root}src/cli.ts`, 'worker', '--db', db, '--concurrency', '2'], {
        cwd: dir, env: { ...process.env, OIT_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      const run = { stdout: '', stderr: '', code: undefined as number | null | undefined, exited: new Promise<void>((r) => child.on('close', (code) => ((run.code = code), r()))) };
      child.stdout.on('data', (d) => (run.stdout += d));
      child.stderr.on('data', (d) => (run.stderr += d));
      return { child, run };
    });
    const store = await openStore(db);
    try {
      await waitFor(async () => {
        const scans = await store.listScans();
        return scans.length === 4 && scans.every((x) => x.state === 'finished') && (await Promise.all(scans.map((x) => store.getResults(x.id)))).every(Boolean);
      }, 90_000);
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.run.exited));
      for (const w of workers) {
        expect(w.run.code, w.run.stderr).toBe(0);
        expect(w.run.stdout).toMatch(/stopped: \d+ completed, 0 failed/);
      }
      const done = workers.map((w) => (w.run.stdout.match(/^✓ /gm) ?? []).length);
      expect(done[0]! + done[1]!).toBe(4);
      for (const s of sites) expect(await store.listScans({ site: siteKey(s.origin + '/') })).toHaveLength(1);
    } finally {
      for (const w of workers) if (w.run.code === undefined) w.child.kill('SIGKILL');
      await store.close();
    }
  }, 150_000);

  it('kill -9 of a worker mid-scan: after the expiry another worker resumes the scan; one completed scan, nothing half-judged', async () => {
    const db = await server!.createDatabase('kill9');
    let slowPhase = true; // slow while the first worker scans, fast for the retry
    const site = await startSite((path) => {
      const n = Number(/^\/p(\d+)$/.exec(path)?.[1] ?? (path === '/' ? 0 : NaN));
      if (Number.isNaN(n) || n > 40) return undefined;
      return { delayMs: slowPhase ? 400 : 0, body: `<html><body><h1>หน้า ${n}</h1><a href="/p${n + 1}">ต่อไป</a></body></html>` };
    });
    const url = site.origin + '/';
    const [queued] = (await enqueueSites(db, [{ name: 'kill9', url, config: configFor(db, { concurrency: 1 }) }], { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 5 })).queued;
    const { root, tsxLoader } = cliPaths();
    const child = spawn(process.execPath, ['--import', tsxLoader, `${root}src/cli.ts`, 'worker', '--db', db, '--poll-seconds', '0.5'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let childOut = '';
    child.stdout.on('data', (d) => (childOut += d));
    const exited = new Promise<void>((r) => child.on('close', () => r()));
    const store = await openStore(db);
    const c = new AbortController();
    let worker: Promise<unknown> | undefined;
    try {
      await waitFor(() => /^> kill9/m.test(childOut), 30_000);
      await waitFor(async () => {
        const [scan] = await store.listScans({ site: siteKey(url) });
        return Boolean(scan && (await store.listPages(scan.id)).length >= 2);
      }, 20_000);
      child.kill('SIGKILL');
      await exited;
      slowPhase = false;
      const seen: WorkerEvent[] = [];
      worker = runWorker({ db, signal: c.signal, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, onEvent: (e) => seen.push(e) });
      // While the killed worker's job waits for its expiry, its scan is still "running" and unjudged.
      const [orphan] = await store.listScans({ site: siteKey(url) });
      expect(orphan?.state).toBe('running');
      expect(await store.getResults(orphan!.id)).toBeUndefined();
      const fetchedBeforeKill = (await store.listPages(orphan!.id)).length;
      await waitFor(() => seen.some((e) => e.type === 'done'), 60_000);
      const done = seen.find((e) => e.type === 'done');
      expect(done?.jobId).toBe(queued!.jobId);
      expect(done?.resumed).toBe(true);
      const scans = await store.listScans({ site: siteKey(url) });
      expect(scans.map((x) => [x.id, x.state])).toEqual([[orphan!.id, 'finished']]);
      expect(await store.getResults(orphan!.id)).toBeDefined();
      // Pages the killed worker had stored were not fetched again.
      expect(fetchedBeforeKill).toBeGreaterThanOrEqual(2);
      expect(site.hits.get('/')).toBe(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      c.abort();
      await worker;
      await store.close();
      await site.close();
    }
  }, 120_000);

  it('marks a scan left running by a dead job interrupted when the site is next scanned', async () => {
    const db = await server!.createDatabase('stale');
    const url = sites[0]!.origin + '/';
    const store = await openStore(db);
    try {
      // What a worker killed on its job's last try leaves behind: a running scan nobody will finish.
      const stale = await store.createScan({
        id: '20261101-000000-dead00', site: siteKey(url), host: new URL(url).hostname, startedAt: '2026-11-01T00:00:00.000Z',
        toolVersion: 'test', checklistId: 'ita-2566', checklistYear: 2566, checklistHash: 'x', config: {}, jobId: 'an-earlier-job',
      });
      const byHand = await store.createScan({
        id: '20261101-000000-hand00', site: siteKey(url), host: new URL(url).hostname, startedAt: '2026-11-01T00:00:01.000Z',
        toolVersion: 'test', checklistId: 'ita-2566', checklistYear: 2566, checklistHash: 'x', config: {},
      });
      await enqueueSites(db, [{ name: 'again', url, config: configFor(db) }]);
      const c = new AbortController();
      const seen: WorkerEvent[] = [];
      const worker = runWorker({ db, signal: c.signal, pollingIntervalSeconds: 0.5, onEvent: (e) => seen.push(e) });
      try {
        await waitFor(() => seen.some((e) => e.type === 'done'), 60_000);
      } finally {
        c.abort();
        await worker;
      }
      expect(seen.find((e) => e.type === 'done')?.resumed).toBeUndefined(); // another job's scan is not continued
      expect((await store.getScan(stale.id))?.state).toBe('interrupted');
      expect((await store.getScan(byHand.id))?.state).toBe('running'); // not ours to judge: no job id
      const scans = await store.listScans({ site: siteKey(url) });
      expect(scans.filter((x) => x.state === 'finished')).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 90_000);

  it('--every: a finished scan books the site\'s next scan after the interval', async () => {
    const db = await server!.createDatabase('every');
    const url = sites[1]!.origin + '/';
    const [first] = (await enqueueSites(db, [{ name: 'weekly', url, config: configFor(db) }], { everySeconds: 2 })).queued;
    const c = new AbortController();
    const seen: WorkerEvent[] = [];
    const worker = runWorker({ db, signal: c.signal, pollingIntervalSeconds: 0.5, onEvent: (e) => seen.push(e) });
    const boss = new PgBoss(db);
    await boss.start();
    try {
      await waitFor(() => seen.filter((e) => e.type === 'done').length >= 2, 60_000);
      const [a, b] = seen.filter((e) => e.type === 'done');
      expect(a!.jobId).toBe(first!.jobId);
      expect(b!.jobId).not.toBe(first!.jobId);
      const second = await boss.getJobById<QueueJobData>(SCAN_QUEUE, b!.jobId);
      expect(second?.data.everySeconds).toBe(2);
      expect(second!.startAfter.getTime() - (await boss.getJobById(SCAN_QUEUE, a!.jobId))!.completedOn!.getTime()).toBeGreaterThan(1000);
    } finally {
      c.abort();
      await worker;
      await boss.stop({ graceful: false, close: true, wait: true });
    }
    const store = await openStore(db);
    try {
      expect((await store.listScans({ site: siteKey(url) })).filter((x) => x.state === 'finished').length).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
    expect(parseEvery('7d')).toBe(604_800);
    expect(parseEvery('12h')).toBe(43_200);
    expect(parseEvery('90m')).toBe(5_400);
    expect(() => parseEvery('soon')).toThrow(/--every/);
    expect(() => parseEvery('10s')).toThrow(/at least a minute/);
  }, 90_000);

  it('politeness per host holds across workers: two sites on one host never get requests closer than the gap', async () => {
    const db = await server!.createDatabase('polite');
    const starts: Array<{ at: number; path: string }> = [];
    const shared = await startSite((path) => {
      starts.push({ at: performance.now(), path });
      const m = /^\/(a|b)\/(?:p(\d+))?$/.exec(path);
      if (!m) return undefined;
      const n = Number(m[2] ?? 0);
      if (n > 5) return undefined;
      return `<html><head><meta charset="utf-8"><title>หน่วยงาน ${m[1]}</title></head><body><h1>หน้า ${n}</h1><a href="/${m[1]}/p${n + 1}">ต่อไป</a></body></html>`;
    });
    const gap = 250;
    try {
      const jobs = (['a', 'b'] as const).map((k) => ({ name: `site-${k}`, url: `${shared.origin}/${k}/`, config: configFor(db, { delayMs: gap, concurrency: 2, include: [`/${k}/`] }) }));
      await enqueueSites(db, jobs);
      const controllers = [new AbortController(), new AbortController()];
      const seen: WorkerEvent[] = [];
      const workers = controllers.map((c) => runWorker({ db, signal: c.signal, pollingIntervalSeconds: 0.5, onEvent: (e) => seen.push(e) }));
      try {
        await waitFor(() => seen.filter((e) => e.type === 'done').length >= 2, 60_000);
      } finally {
        for (const c of controllers) c.abort();
        await Promise.all(workers);
      }
      const hits = starts.filter((s) => /^\/(a|b)\//.test(s.path));
      expect(hits.length).toBeGreaterThanOrEqual(12);
      // The two scans overlapped in time (otherwise this would prove nothing): their requests interleave.
      const order = hits.map((h) => h.path[1]).join('');
      expect(order).toMatch(/ab+a|ba+b/);
      const gaps = hits.slice(1).map((h, i) => h.at - hits[i]!.at);
      expect(Math.min(...gaps)).toBeGreaterThan(gap * 0.8);
    } finally {
      await shared.close();
    }
  }, 90_000);

  it('reads a sites CSV with a header, comments and names', () => {
    const file = join(dir, 'sites.csv');
    writeFileSync(file, '\uFEFFname,url\n# comment\ndan,https://www.dan.go.th/\n\nhttps://www.khokmuang.go.th/\n');
    expect(readSitesCsv(file)).toEqual([
      { name: 'dan', url: 'https://www.dan.go.th/' },
      { name: 'https://www.khokmuang.go.th/', url: 'https://www.khokmuang.go.th/' },
    ]);
    writeFileSync(file, 'a,ftp://x\n');
    expect(() => readSitesCsv(file)).toThrow(/line 1/);
  });

  it('refuses a SQLite database for the queue, and a polling interval pg-boss cannot keep', async () => {
    await expect(enqueueSites('oit.db', [])).rejects.toThrow(/postgres/);
    const r = await runCli(['worker', '--db', server!.url, '--poll-seconds', '0.1'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--poll-seconds/);
  });
});

function cliPaths() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  return { root, tsxLoader: pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href };
}
