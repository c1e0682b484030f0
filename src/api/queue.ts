import { readFileSync } from 'node:fs';
import PgBoss from 'pg-boss';
import type { ScanConfig } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { isPostgresUrl, withStore } from '../store/index.js';
import { redactUrl } from '../store/pg-store.js';
import { adoptEarlierAttempt } from './queue-resume.js';
import { parseStartUrl, scanSite } from './scan-site.js';
import { unreachableOf } from '../check/scan-result.js';

/**
 * The national-scale job queue: pg-boss on the same PostgreSQL database as the store. One job per
 * site carries `{url, config}` and its worker is one `scanSite` call. The queue's policy is
 * "stately" with the site's URL as singleton key: at most one queued and one running job per site,
 * so two workers never scan one site at once and enqueueing twice adds nothing.
 */
export const SCAN_QUEUE = 'oit-scan';
/** Jobs that failed every retry (or had bad input), with the error as the reason. */
export const DEAD_LETTER_QUEUE = 'oit-scan-dead';

export interface QueueJobData {
  /** Site name (config file or CSV), for messages. */
  name?: string;
  url: string;
  config: ScanConfig;
  /** Scan the site again this many seconds after each scan ends (`oit enqueue --every 7d`). */
  everySeconds?: number;
}

export interface QueueSettings {
  /** Retries after a tool error (default 2). A site that is down is a result, never retried. */
  retryLimit?: number;
  /** Seconds before the first retry; doubles with jitter after each (default 300). */
  retryDelaySeconds?: number;
  /** A scan running longer than this is hung: the worker aborts it and the job is retried (default 4 h, at most 24 h). */
  expireInSeconds?: number;
  /** Repeat every site's scan this many seconds after it ends; unset = once. */
  everySeconds?: number;
}

export const QUEUE_DEFAULTS: Required<Omit<QueueSettings, 'everySeconds'>> = { retryLimit: 2, retryDelaySeconds: 300, expireInSeconds: 4 * 3600 };

/** pg-boss's cap on a job's expiry. */
const MAX_EXPIRE_SECONDS = 24 * 3600 - 1;

/** Send options of a site's job; a repeat carries its predecessor's settings. */
function jobOptions(url: string, s: { retryLimit: number; retryDelaySeconds: number; expireInSeconds: number }, startAfterSeconds?: number): PgBoss.SendOptions {
  return {
    singletonKey: siteKey(url),
    retryLimit: s.retryLimit,
    retryDelay: s.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: Math.min(s.expireInSeconds, MAX_EXPIRE_SECONDS),
    deadLetter: DEAD_LETTER_QUEUE,
    ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
  };
}

/** "7d", "12h", "90m", "2w" or plain seconds → seconds. */
export function parseEvery(raw: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)?\s*$/i.exec(raw);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[(m?.[2] ?? 's').toLowerCase() as 's'];
  const seconds = m ? Math.round(Number(m[1]) * unit) : NaN;
  if (!Number.isFinite(seconds) || seconds < 60) {
    throw new ConfigError(
      `--every ต้องเป็นช่วงเวลาอย่างน้อย 1 นาที เช่น 7d, 12h, 90m (ได้ "${raw}")`,
      `--every must be an interval of at least a minute, e.g. 7d, 12h, 90m (got "${raw}")`,
    );
  }
  return seconds;
}

function requirePostgres(db: string): void {
  if (!isPostgresUrl(db)) {
    throw new ConfigError(
      `คิวงานต้องใช้ฐานข้อมูล PostgreSQL — ระบุ --db postgres://… (ตอนนี้เป็น ${db})`,
      `the job queue needs a PostgreSQL database: pass --db postgres://… (got ${db})`,
    );
  }
}

/** Starts pg-boss on the database (installing or migrating its own `pgboss` schema) and creates the queues. */
export async function openQueue(db: string, options: { onError?: (e: Error) => void; maintenance?: boolean; maintenanceIntervalSeconds?: number } = {}): Promise<PgBoss> {
  requirePostgres(db);
  const boss = new PgBoss({
    connectionString: db,
    application_name: 'oit-queue',
    max: 4,
    supervise: options.maintenance ?? true,
    schedule: false,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  boss.on('error', (e) => options.onError?.(e));
  try {
    await boss.start();
    await ensureQueue(boss, DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, policy: 'standard', retentionMinutes: 30 * 24 * 60 });
    await ensureQueue(boss, SCAN_QUEUE, {
      name: SCAN_QUEUE,
      policy: 'stately',
      retryLimit: QUEUE_DEFAULTS.retryLimit,
      retryDelay: QUEUE_DEFAULTS.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: QUEUE_DEFAULTS.expireInSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
    });
  } catch (e) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw new ConfigError(`เปิดคิวงานบน ${redactUrl(db)} ไม่ได้`, `cannot open the job queue on ${redactUrl(db)}: ${(e as Error).message}`);
  }
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, options);
  } catch (e) {
    // Another worker created it between our check and our insert.
    if (!(await boss.getQueue(name))) throw e;
  }
}

/** `name,url` rows (a header row and `#` comments allowed; a single column is the URL). */
export function readSitesCsv(file: string): Array<{ name: string; url: string }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ConfigError(`อ่านไฟล์รายชื่อเว็บไซต์ ${file} ไม่ได้`, `cannot read the sites file ${file}: ${(e as Error).message}`);
  }
  const out: Array<{ name: string; url: string }> = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (i === 0 && cells.some((c) => /^url$/i.test(c))) return; // header
    const url = cells.length > 1 ? cells.slice(1).join(',') : cells[0]!;
    const name = cells.length > 1 && cells[0] ? cells[0] : url;
    try {
      parseStartUrl(url);
    } catch {
      throw new ConfigError(`${file} บรรทัด ${i + 1}: URL ไม่ถูกต้อง "${url}"`, `${file} line ${i + 1}: invalid URL "${url}"`);
    }
    if (seen.has(name)) throw new ConfigError(`${file} บรรทัด ${i + 1}: ชื่อ "${name}" ซ้ำ`, `${file} line ${i + 1}: duplicate name "${name}"`);
    seen.add(name);
    out.push({ name, url });
  });
  if (!out.length) throw new ConfigError(`ไฟล์ ${file} ไม่มีรายชื่อเว็บไซต์`, `${file} lists no sites (one "name,url" per line)`);
  return out;
}

export interface EnqueueOutcome {
  /** Sites with a new job. */
  queued: Array<{ name?: string; url: string; jobId: string }>;
  /** Sites that already had a queued job (the singleton key refused a second). */
  alreadyQueued: Array<{ name?: string; url: string }>;
}

/** The singleton key of a site: its normalised start URL. */
export const siteKey = (url: string) => parseStartUrl(url).href;

/** Adds one scan job per site; a site that already has a queued job is left alone. */
export async function enqueueSites(db: string, sites: QueueJobData[], settings: QueueSettings = {}): Promise<EnqueueOutcome> {
  for (const s of sites) requirePostgres(s.config.db);
  const s = { ...QUEUE_DEFAULTS, ...(Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as QueueSettings) };
  const boss = await openQueue(db, { maintenance: false });
  const out: EnqueueOutcome = { queued: [], alreadyQueued: [] };
  try {
    for (const site of sites) {
      const data: QueueJobData = { name: site.name, url: site.url, config: site.config, ...(s.everySeconds ? { everySeconds: s.everySeconds } : {}) };
      const jobId = await boss.send(SCAN_QUEUE, data, jobOptions(site.url, s));
      if (jobId) out.queued.push({ name: site.name, url: site.url, jobId });
      else out.alreadyQueued.push({ name: site.name, url: site.url });
    }
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  return out;
}

export interface QueueStatus {
  /** Jobs waiting, including retries waiting out their backoff and repeats booked by --every. */
  waiting: number;
  running: number;
  /** Completed jobs pg-boss still keeps (it archives them after a while). */
  completed: number;
  /** Jobs that failed every retry or had bad input, waiting for a person. */
  deadLetters: number;
}

/** How much work the queue holds, for `oit queue` and monitoring. */
export async function queueStatus(db: string): Promise<QueueStatus> {
  const boss = await openQueue(db, { maintenance: false });
  try {
    const before = (name: string, state?: 'active' | 'completed' | 'cancelled') => boss.getQueueSize(name, state ? { before: state } : undefined);
    const [waiting, upToActive, upToCompleted, deadLetters] = await Promise.all([
      before(SCAN_QUEUE),
      before(SCAN_QUEUE, 'completed'),
      before(SCAN_QUEUE, 'cancelled'),
      before(DEAD_LETTER_QUEUE),
    ]);
    return { waiting, running: upToActive - waiting, completed: upToCompleted - upToActive, deadLetters };
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
}

export interface WorkerEvent {
  type: 'start' | 'done' | 'failed' | 'dead';
  jobId: string;
  name?: string;
  url: string;
  scanId?: string;
  oit?: number | null;
  error?: string;
  /** The scan continued an earlier try's scan of this job. */
  resumed?: boolean;
  /** The site could not be read (a result, not a failure): why, in Thai and English. */
  unreachable?: { th: string; en: string };
}

export interface WorkerOptions {
  db: string;
  /** Scans run at once by this worker (default 1). */
  concurrency?: number;
  /** Abort to stop: scans in flight finish their pages in flight, are stored as interrupted, and their jobs fail for a retry. */
  signal?: AbortSignal;
  /** How often an idle worker looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /** How long stopping waits for scans to wind down (default 60 s). */
  stopTimeoutMs?: number;
  maintenanceIntervalSeconds?: number;
  onEvent?: (e: WorkerEvent) => void;
  onError?: (e: Error) => void;
}

export interface WorkerSummary {
  completed: number;
  failed: number;
}

/**
 * `oit worker`: takes scan jobs until the signal aborts. Each job is one `scanSite` call: a result
 * (even of a site that is down) completes the job; a tool error fails it, and pg-boss retries it with
 * backoff and finally moves it to the dead letters with the error; bad input (ConfigError) goes to the
 * dead letters at once. A scan running past the job's expiry is aborted here too.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const boss = await openQueue(options.db, { onError: options.onError, maintenanceIntervalSeconds: options.maintenanceIntervalSeconds });
  const summary: WorkerSummary = { completed: 0, failed: 0 };
  const inFlight = new Set<AbortController>();
  const handle = async (job: PgBoss.JobWithMetadata<QueueJobData>) => {
    const { name, url, config } = job.data;
    const controller = new AbortController();
    inFlight.add(controller);
    // Abort a little before pg-boss expires the job, so this scan is stored as interrupted before a
    // retry on another worker resumes it.
    const expireMs = Math.max(1, job.expireInSeconds) * 1000;
    const hung = setTimeout(() => controller.abort(new Error(`scan expired after ${job.expireInSeconds} s`)), Math.max(500, expireMs - Math.min(30_000, expireMs * 0.1)));
    options.onEvent?.({ type: 'start', jobId: job.id, name, url });
    const last = job.retryCount >= job.retryLimit;
    try {
      // One store for the whole job: finding the earlier try's scan, then the scan itself.
      const { resumeScanId, outcome } = await withStore(config.db, async (store) => {
        const resumeScanId = await adoptEarlierAttempt(store, siteKey(url), job.id);
        const outcome = await scanSite({ url, config, signal: controller.signal, jobId: job.id, ...(resumeScanId ? { resumeScanId } : {}) }, store);
        return { resumeScanId, outcome };
      });
      summary.completed++;
      await scheduleNext(boss, job);
      const down = unreachableOf(outcome.result);
      options.onEvent?.({
        type: 'done', jobId: job.id, name, url, scanId: outcome.scanId, oit: outcome.result.oit.score,
        ...(resumeScanId ? { resumed: true } : {}), ...(down ? { unreachable: { th: down.th, en: down.en } } : {}),
      });
      return { scanId: outcome.scanId, oit: outcome.result.oit.score };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      summary.failed++;
      if (e instanceof ConfigError) {
        // Retrying cannot fix bad input: straight to the dead letters, and the job is done.
        await boss.send(DEAD_LETTER_QUEUE, { ...job.data, reason: error });
        options.onEvent?.({ type: 'dead', jobId: job.id, name, url, error });
        return { error, deadLetter: true };
      }
      // The last try of a repeating job still books the next one, or one bad week would end the schedule.
      if (last && !controller.signal.aborted) await scheduleNext(boss, job).catch(() => undefined);
      options.onEvent?.({ type: 'failed', jobId: job.id, name, url, error });
      throw e;
    } finally {
      clearTimeout(hung);
      inFlight.delete(controller);
    }
  };
  const workers: string[] = [];
  try {
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      workers.push(
        await boss.work<QueueJobData>(SCAN_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) =>
          job ? handle(job) : undefined,
        ),
      );
    }
    await new Promise<void>((resolve) => {
      if (options.signal?.aborted) return resolve();
      options.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    // Stop taking jobs, let the scans in flight store what they have, then release the connections.
    for (const id of workers) await boss.offWork({ id }).catch(() => undefined);
    for (const c of inFlight) c.abort(new Error('worker stopping'));
    await boss.stop({ graceful: true, wait: true, close: true, timeout: options.stopTimeoutMs ?? 60_000 });
  }
  return summary;
}

/** For a repeating job: the site's next scan, `everySeconds` after this one ended, with the same settings. */
async function scheduleNext(boss: PgBoss, job: PgBoss.JobWithMetadata<QueueJobData>): Promise<void> {
  if (!job.data.everySeconds) return;
  const settings = { retryLimit: job.retryLimit, retryDelaySeconds: job.retryDelay, expireInSeconds: job.expireInSeconds };
  // The site may already have a queued job (enqueued by hand meanwhile): the singleton key keeps just one.
  await boss.send(SCAN_QUEUE, job.data, jobOptions(job.data.url, settings, job.data.everySeconds));
}
