/**
 * Page content (HTML and text) read lazily for the judgement, with a bounded cache. The judgement is
 * synchronous and pure, so it cannot wait for a read: a page it asks for that is not loaded yet is a
 * miss, the pass that met the miss is thrown away, the missed pages are read in one batch, and the same
 * work runs again (judge-site.ts). A pass that meets no miss saw only real content, so its verdict is
 * the one a judgement over the whole site in memory gives.
 *
 * Memory: pages read for the item being judged stay until the item is done (its working set: the
 * candidates and the documents and pages they link, which verify.ts bounds per candidate); after each
 * item, least recently used pages, with their parsed views, are dropped until the cache is within its
 * budget again.
 */
import type { PageSnapshot } from '../store/types.js';
import type { PageContent, PageInfo } from './site-index.js';

/** Reads whole snapshots (with HTML) of stored URLs; unknown URLs are left out. */
export type PageLoader = (urls: string[]) => Promise<PageSnapshot[]>;

/** Approximate bytes a loaded page holds with its parsed DOM (a cheerio tree is several times its HTML). */
function costOf(p: PageSnapshot): number {
  return (p.html?.length ?? 0) * 12 + (p.text?.length ?? 0) * 2 + 1024;
}

export interface LazyContentOptions {
  /** Cache budget in bytes (approximate, see costOf). Default 96 MB. */
  budgetBytes?: number;
  /** URLs per read. Default 100. */
  batch?: number;
}

export class LazyContent implements PageContent {
  private readonly cache = new Map<string, { page: PageSnapshot; cost: number }>();
  private readonly missing = new Set<string>();
  private readonly listeners: Array<(urls: Set<string>) => void> = [];
  private bytes = 0;
  private readonly budget: number;
  private readonly batch: number;
  /** Pages read from the store, for the figures. */
  reads = 0;

  constructor(
    private readonly loader: PageLoader,
    options: LazyContentOptions = {},
  ) {
    this.budget = options.budgetBytes ?? 96 * 1024 * 1024;
    this.batch = options.batch ?? 100;
  }

  get(info: PageInfo): PageSnapshot | undefined {
    const hit = this.cache.get(info.url);
    if (!hit) {
      this.missing.add(info.url);
      return undefined;
    }
    // Most recently used last (a Map keeps insertion order).
    this.cache.delete(info.url);
    this.cache.set(info.url, hit);
    return hit.page;
  }

  onEvict(drop: (urls: Set<string>) => void): void {
    this.listeners.push(drop);
  }

  /** The pages missed since the last call. */
  takeMisses(): string[] {
    const out = [...this.missing];
    this.missing.clear();
    return out;
  }

  /** Reads pages into the cache; nothing is dropped before release(), so a pass can be repeated without misses. */
  async fetch(urls: string[]): Promise<void> {
    const want = urls.filter((u) => !this.cache.has(u));
    for (let i = 0; i < want.length; i += this.batch) {
      const chunk = want.slice(i, i + this.batch);
      const pages = await this.loader(chunk);
      const got = new Set<string>();
      for (const page of pages) {
        got.add(page.url);
        if (this.cache.has(page.url)) continue;
        const cost = costOf(page);
        this.cache.set(page.url, { page, cost });
        this.bytes += cost;
        this.reads++;
      }
      const lost = chunk.filter((u) => !got.has(u));
      if (lost.length) throw new Error(`stored pages disappeared while judging: ${lost.slice(0, 3).join(', ')}`);
    }
  }

  /** The current item is done: drop least recently used pages (and their views) down to the budget. */
  release(): void {
    if (this.bytes <= this.budget) return;
    const dropped = new Set<string>();
    for (const [url, e] of this.cache) {
      if (this.bytes <= this.budget) break;
      this.cache.delete(url);
      this.bytes -= e.cost;
      dropped.add(url);
    }
    for (const l of this.listeners) l(dropped);
  }
}
