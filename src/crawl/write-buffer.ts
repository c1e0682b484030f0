import { OitError, StoreError } from '../errors.js';
import type { CrawlBatch, ScanStore } from '../store/store.js';

/**
 * Write-behind buffer: crawl results collect here and go to the store in one transaction every
 * `maxItems` pages or `maxDelayMs`, whichever comes first. Each batch is atomic (see CrawlBatch),
 * and batches are written in order, so a kill -9 loses at most the unflushed pages, which are still
 * 'queued' in the stored frontier and get fetched again on resume.
 */
export class WriteBuffer {
  private batch: CrawlBatch = empty();
  private pageCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;
  private writing = 0;

  constructor(
    private readonly store: ScanStore,
    private readonly scanId: string,
    private readonly maxItems = 64,
    private readonly maxDelayMs = 250,
  ) {}

  /** Queues URLs found; they are written with the next flush. */
  enqueue(entries: CrawlBatch['enqueue']): void {
    if (!entries.length) return;
    this.batch.enqueue.push(...entries);
    this.schedule();
  }

  /** A queued URL's better priority (found again through a better link). */
  reprioritize(url: string, priority: number): void {
    (this.batch.reprioritize ??= []).push({ url, priority });
    this.schedule();
  }

  settle(entry: CrawlBatch['settle'][number]): void {
    this.batch.settle.push(entry);
    this.schedule();
  }

  /** Adds a finished page; waits when writes fall behind so memory stays bounded. */
  async addPage(item: CrawlBatch['pages'][number], state: 'done' | 'failed'): Promise<void> {
    this.batch.pages.push(item);
    this.batch.settle.push({ url: item.page.url, state, depth: item.page.depth });
    this.pageCount++;
    if (this.pageCount < this.maxItems) return this.schedule();
    const done = this.flush();
    // Only wait when writes fall behind (another batch still being written): bounded memory, no stall.
    if (this.writing > 1) await done;
    else done.catch(() => undefined);
  }

  /** Writes whatever is buffered; resolves when it (and every earlier batch) is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.batch;
    this.batch = empty();
    this.pageCount = 0;
    const hasWork = batch.enqueue.length || batch.pages.length || batch.settle.length || batch.reprioritize?.length;
    if (hasWork) {
      this.writing++;
      this.chain = this.chain
        .then(() => write(this.store, this.scanId, batch))
        .catch((e: unknown) => void (this.failure ??= asStoreError(e, this.store.location)))
        .finally(() => void this.writing--);
    }
    return this.chain.then(() => {
      if (this.failure) throw this.failure;
    });
  }

  /** The first write failure (the crawl stops fetching once there is one). */
  get failed(): unknown {
    return this.failure;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.maxDelayMs);
  }
}

/** Any store failure as one clear message (the SQLite store already names locks, full disks, read-only files). */
function asStoreError(e: unknown, location: string): OitError {
  if (e instanceof OitError) return e;
  const err = e as { code?: string; message?: string };
  const full = err.code === 'ENOSPC' || err.code === 'SQLITE_FULL' || /ENOSPC|disk is full/i.test(err.message ?? '');
  return full
    ? new StoreError(`พื้นที่ดิสก์เต็ม บันทึกผลลงฐานข้อมูล ${location} ไม่ได้`, `disk full: cannot write to the database ${location}; free some space and continue with --resume`)
    : new StoreError(`บันทึกผลลงฐานข้อมูล ${location} ไม่ได้`, `cannot write to the database ${location}: ${err.message ?? String(e)}`);
}

function empty(): CrawlBatch {
  return { enqueue: [], pages: [], settle: [] };
}

async function write(store: ScanStore, scanId: string, batch: CrawlBatch): Promise<void> {
  if (store.saveBatch) return store.saveBatch(scanId, batch);
  // A store without batches: pages first, then their frontier rows (a crash in between re-fetches).
  // (Without saveBatch a re-found URL keeps its first priority in the store; the running crawl still uses the better one.)
  await store.enqueue(scanId, batch.enqueue);
  for (const { page, links } of batch.pages) await store.savePage(scanId, page, links);
  for (const s of batch.settle) {
    await store.enqueue(scanId, [{ url: s.url, depth: s.depth ?? 0, priority: s.priority ?? 0 }]);
    await store.settle(scanId, s.url, s.state);
  }
}
