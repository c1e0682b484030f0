import type { FrontierEntry } from '../store/types.js';

/**
 * The in-memory side of the frontier: every URL seen (the dedupe set) and the entries waiting, lowest
 * priority number first, first-in-first-out within a priority. The stored frontier (ScanStore) is the
 * durable copy the crawl resumes from.
 */
export class Frontier {
  private readonly seenUrls = new Set<string>();
  /** Priority of each URL still waiting: a re-found URL can move up, and its old place is then skipped. */
  private readonly waiting = new Map<string, FrontierEntry>();
  private readonly buckets = new Map<number, { items: FrontierEntry[]; head: number }>();

  get size(): number {
    return this.waiting.size;
  }

  get seenCount(): number {
    return this.seenUrls.size;
  }

  has(url: string): boolean {
    return this.seenUrls.has(url);
  }

  /** Is the URL queued and not yet taken? Only then can a better link move it up. */
  isWaiting(url: string): boolean {
    return this.waiting.has(url);
  }

  /** Remembers a URL without queueing it (saved earlier, skipped, a redirect target). */
  markSeen(url: string): void {
    this.seenUrls.add(url);
  }

  /** Queues an entry unless its URL was seen; returns whether it was new. */
  push(entry: FrontierEntry): boolean {
    if (this.seenUrls.has(entry.url)) return false;
    this.seenUrls.add(entry.url);
    this.place(entry);
    return true;
  }

  /**
   * A waiting URL found again through a better link: it moves up to `priority` (depth, referrer and
   * spelling stay those of its first discovery). Returns whether it moved (false when it is not
   * waiting any more or already had that priority or better).
   */
  improve(url: string, priority: number): boolean {
    const now = this.waiting.get(url);
    if (now === undefined || priority >= now.priority) return false;
    this.place({ ...now, priority });
    return true;
  }

  /** The best priority waiting (undefined when nothing waits). */
  peekPriority(): number | undefined {
    for (const p of this.sortedPriorities()) {
      const b = this.buckets.get(p)!;
      this.skipStale(p, b);
      if (b.head < b.items.length) return p;
    }
    return undefined;
  }

  next(): FrontierEntry | undefined {
    if (!this.waiting.size) return undefined;
    for (const p of this.sortedPriorities()) {
      const b = this.buckets.get(p)!;
      this.skipStale(p, b);
      if (b.head < b.items.length) {
        const e = b.items[b.head]!;
        b.items[b.head++] = undefined as unknown as FrontierEntry;
        this.compact(p, b);
        this.waiting.delete(e.url);
        return e;
      }
      this.compact(p, b);
    }
    return undefined;
  }

  private place(entry: FrontierEntry): void {
    this.waiting.set(entry.url, entry);
    let b = this.buckets.get(entry.priority);
    if (!b) this.buckets.set(entry.priority, (b = { items: [], head: 0 }));
    b.items.push(entry);
  }

  /** Drops entries at the head of a bucket whose URL moved to a better priority. */
  private skipStale(p: number, b: { items: FrontierEntry[]; head: number }): void {
    while (b.head < b.items.length && this.waiting.get(b.items[b.head]!.url) !== b.items[b.head]) b.items[b.head++] = undefined as unknown as FrontierEntry;
  }

  private compact(p: number, b: { items: FrontierEntry[]; head: number }): void {
    if (b.head >= b.items.length) this.buckets.delete(p);
    else if (b.head > 1024 && b.head * 2 > b.items.length) {
      b.items = b.items.slice(b.head);
      b.head = 0;
    }
  }

  private sortedPriorities(): number[] {
    return [...this.buckets.keys()].sort((a, b) => a - b);
  }
}
