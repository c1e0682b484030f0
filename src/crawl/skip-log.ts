/**
 * Reports URLs the crawl decided not to fetch (robots.txt, traps) without flooding the listener:
 * the first few of each kind one by one, then a count at the end.
 */
export class SkipLog {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly warn: (message: string) => void,
    private readonly perKind = 5,
  ) {}

  skip(kind: string, url: string, reason: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= this.perKind) this.warn(`ข้าม / skipped ${url}: ${reason}`);
  }

  /** One line per kind that had more than the ones already reported. */
  summarize(): void {
    for (const [kind, n] of this.counts) if (n > this.perKind) this.warn(`ข้ามอีก ${n - this.perKind} URL / ${n - this.perKind} more URLs skipped: ${kind}`);
  }

  get total(): number {
    let t = 0;
    for (const n of this.counts.values()) t += n;
    return t;
  }
}
