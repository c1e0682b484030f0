import { randomBytes } from 'node:crypto';
import PQueue from 'p-queue';
import { enqueueSites } from '../api/queue.js';
import { parseStartUrl, scanSite, type ScanEvent, type ScanJob, type ScanOutcome } from '../api/scan-site.js';
import { resolveConfig } from '../config/load.js';
import type { ScanConfig } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { isPostgresUrl, type ScanStore } from '../store/index.js';

/** What a person asks for in the "start a scan" form. */
export interface ScanRequest {
  url: string;
  year?: number;
  maxPages?: number;
  maxDepth?: number;
  maxMinutes?: number;
}

export type DeskJobState = 'queued' | 'running' | 'finished' | 'failed' | 'cancelled' | 'enqueued';

/** One scan started from the desk, as the progress page shows it. */
export interface DeskJob {
  id: string;
  url: string;
  state: DeskJobState;
  createdAt: string;
  scanId?: string;
  pages: number;
  documents: number;
  queued: number;
  errors: number;
  pagesPerSecond: number;
  /** Items judged of all, once the crawl is done (0 of 0 before). */
  judged: number;
  items: number;
  oit?: number | null;
  /** Why it failed, or the queue's answer (PostgreSQL). */
  message?: string;
}

export type JobListener = (job: DeskJob) => void;

type Scan = (job: ScanJob, store: ScanStore) => Promise<ScanOutcome>;

/**
 * Scans started from the browser: at most `maxConcurrent` crawl at once in this process, the rest wait
 * in order. With a PostgreSQL store the desk does not crawl itself: it enqueues to the job queue and
 * the workers (`oit worker`) scan. Every scan goes through scanSite, so the crawler's address guard,
 * limits and politeness apply exactly as on the command line.
 */
export class ScanRunner {
  private readonly jobs = new Map<string, DeskJob>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly listeners = new Map<string, Set<JobListener>>();
  private readonly queue: PQueue;

  constructor(
    private readonly store: ScanStore,
    private readonly base: ScanConfig,
    maxConcurrent: number,
    private readonly scan: Scan = scanSite,
  ) {
    this.queue = new PQueue({ concurrency: maxConcurrent });
  }

  list(): DeskJob[] {
    return [...this.jobs.values()].reverse();
  }

  get(id: string): DeskJob | undefined {
    return this.jobs.get(id);
  }

  /** Validates the request (clear Thai/English errors), then queues the scan. */
  async start(req: ScanRequest): Promise<DeskJob> {
    const start = parseStartUrl(req.url.trim());
    const flags = Object.fromEntries(Object.entries({ year: req.year, maxPages: req.maxPages, maxDepth: req.maxDepth, maxMinutes: req.maxMinutes }).filter(([, v]) => v !== undefined));
    let config: ScanConfig;
    try {
      // A year typed in the form replaces a checklist file of the desk's config (both name the checklist).
      const { checklist, ...base } = this.base;
      config = resolveConfig({ env: {}, flags: { ...base, ...(req.year === undefined && checklist ? { checklist } : {}), ...flags } });
    } catch (e) {
      throw e instanceof ConfigError ? e : new ConfigError('ค่าที่กรอกไม่ถูกต้อง', `invalid scan settings: ${(e as Error).message}`);
    }
    const job: DeskJob = { id: randomBytes(6).toString('hex'), url: start.href, state: 'queued', createdAt: new Date().toISOString(), pages: 0, documents: 0, queued: 0, errors: 0, pagesPerSecond: 0, judged: 0, items: 0 };
    this.jobs.set(job.id, job);
    if (isPostgresUrl(config.db)) {
      const outcome = await enqueueSites(config.db, [{ url: start.href, config }]);
      job.state = 'enqueued';
      job.message = outcome.queued.length
        ? 'ส่งเข้าคิวงานแล้ว เครื่องที่รัน oit worker จะสแกน / queued for the workers (oit worker)'
        : 'มีงานของเว็บไซต์นี้รออยู่ในคิวแล้ว / this site is already queued';
      return job;
    }
    const controller = new AbortController();
    this.controllers.set(job.id, controller);
    void this.queue.add(() => this.run(job, config, controller.signal));
    return job;
  }

  private async run(job: DeskJob, config: ScanConfig, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return; // cancelled while waiting its turn
    this.update(job, { state: 'running' });
    try {
      const outcome = await this.scan({ url: job.url, config, signal, onEvent: (e) => this.onEvent(job, e) }, this.store);
      this.update(job, { state: 'finished', scanId: outcome.result.scan.id, oit: outcome.result.oit.score });
    } catch (e) {
      if (signal.aborted) this.update(job, { state: 'cancelled' });
      else this.update(job, { state: 'failed', message: (e as Error).message });
    } finally {
      this.controllers.delete(job.id);
    }
  }

  private onEvent(job: DeskJob, e: ScanEvent): void {
    if (e.type === 'start') this.update(job, { scanId: e.scanId });
    else if (e.type === 'progress') this.update(job, { pages: e.pages, documents: e.documents, queued: e.queued, errors: e.errors, pagesPerSecond: e.pagesPerSecond });
    else if (e.type === 'done') this.update(job, { pages: e.stats.pagesFetched, documents: e.stats.documentsFetched, errors: e.stats.errors });
    else if (e.type === 'judging') this.update(job, { judged: e.done, items: e.total });
  }

  /** Stops a queued or running scan; a running one keeps what it fetched (resumable with `oit scan --resume`). */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    const controller = this.controllers.get(id);
    if (!job || !controller || (job.state !== 'queued' && job.state !== 'running')) return false;
    const waiting = job.state === 'queued';
    controller.abort(new Error('cancelled from oit serve'));
    if (waiting) {
      this.controllers.delete(id);
      this.update(job, { state: 'cancelled' });
    }
    return true;
  }

  subscribe(id: string, fn: JobListener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  private update(job: DeskJob, patch: Partial<DeskJob>): void {
    Object.assign(job, patch);
    for (const fn of this.listeners.get(job.id) ?? []) fn({ ...job });
  }

  /** Server shutdown: cancels everything and waits for the running scans to store what they have. */
  async close(): Promise<void> {
    for (const id of [...this.controllers.keys()]) this.cancel(id);
    await this.queue.onIdle();
  }
}

export function isDone(state: DeskJobState): boolean {
  return state !== 'queued' && state !== 'running';
}
