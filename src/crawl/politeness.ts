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

/** Spaces out request starts to one site and holds everyone back during a Retry-After pause. */
export class HostGate {
  private next = 0;
  private pausedUntil = 0;

  constructor(private gapMs: number) {}

  get minGapMs(): number {
    return this.gapMs;
  }

  raiseGap(ms: number): void {
    this.gapMs = Math.max(this.gapMs, ms);
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  /** Resolves when this request may start; reserves its slot so concurrent callers queue up. */
  async wait(signal?: AbortSignal): Promise<void> {
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
}
