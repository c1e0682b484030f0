/**
 * Per-site politeness: a minimum gap between request starts (config.delayMs, raised by robots.txt
 * Crawl-delay), a shared pause after 429/503 Retry-After, and backoff with jitter for retries.
 */

/** Longest Retry-After we honour; a server asking for more gets this and then one more try. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as seconds or an HTTP date → ms from now (capped), undefined when absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(v)) ms = Math.round(Number(v) * 1000);
  else {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) ms = Math.max(0, t - now);
  }
  return ms === undefined ? undefined : Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** Exponential backoff with jitter: base·2^attempt, scaled by a random 50–100 %, capped. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(exp * (0.5 + random() * 0.5));
}

/** Slots kept in a store shared by every worker, so the gap to one host holds across processes and machines. */
export interface SharedHostSlots {
  /** Reserves the next start at least gapMs after anyone's previous one; resolves to ms to wait. */
  reserve(gapMs: number): Promise<number>;
  hold(ms: number): Promise<void>;
}

/**
 * Spaces out request starts to one site and holds everyone back during a Retry-After pause. With
 * shared slots the gap is kept across every worker scanning the same host; without them (or when the
 * shared store fails) it is kept within this process.
 */
export class HostGate {
  private next = 0;
  private pausedUntil = 0;

  constructor(
    private gapMs: number,
    private shared?: SharedHostSlots,
    private readonly onSharedError?: (e: unknown) => void,
  ) {}

  get minGapMs(): number {
    return this.gapMs;
  }

  raiseGap(ms: number): void {
    this.gapMs = Math.max(this.gapMs, ms);
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.shared?.hold(ms).catch((e: unknown) => this.dropShared(e));
  }

  /** Resolves when this request may start; reserves its slot so concurrent callers queue up. */
  async wait(signal?: AbortSignal): Promise<void> {
    await sleep(this.pausedUntil - Date.now(), signal);
    // With no gap there is nothing to coordinate, so no round trip to the store per request.
    if (this.shared && this.gapMs > 0) {
      try {
        await sleep(await this.shared.reserve(this.gapMs), signal);
        return;
      } catch (e) {
        if (signal?.aborted) throw e;
        this.dropShared(e);
      }
    }
    for (;;) {
      const now = Date.now();
      const at = Math.max(now, this.pausedUntil, this.gapMs > 0 ? this.next : 0);
      if (at <= now) {
        if (this.gapMs > 0) this.next = now + this.gapMs;
        return;
      }
      await sleep(at - now, signal);
    }
  }

  private dropShared(e: unknown): void {
    if (!this.shared) return;
    this.shared = undefined;
    this.onSharedError?.(e);
  }
}
