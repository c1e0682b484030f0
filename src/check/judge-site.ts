/**
 * Judging a stored scan of any size: the site is streamed once into a small index (site-index.ts),
 * page content is read lazily through a bounded cache (site-content.ts), and every item is judged by
 * by the same verifyCandidate and itemResult as `judge`; each candidate's verification is repeated after
 * each batch of missed reads until a pass meets no miss.
 * The verdicts equal those of `judge` over the whole site in memory; the memory does not hold the site.
 */
import type { Checklist } from '../checklist/schema.js';
import type { CrawlLimitHit, ItemOverride, ItemResult, LinkRefBatch, PageSnapshot } from '../store/types.js';
import { storedHeadings } from '../text/html-headings.js';
import { storedCodeCount } from '../text/item-codes.js';
import { discoverCandidates, forgetTopItems, indexFindings, type Candidate } from './candidates.js';
import { errorResult, itemResult } from './judge.js';
import { unvisitedMayHold } from './limited-crawl.js';
import { applyOverrides } from './overrides.js';
import { LazyContent, type LazyContentOptions, type PageLoader } from './site-content.js';
import { pageInfo, SiteBuilder } from './site-index.js';
import type { Site } from './site.js';
import type { JudgeProgress } from './types.js';
import { verifyCandidate, type CandidateVerdict, type VerifyEnv } from './verify.js';

/** Where a stored scan's pages and links come from (a store's streaming cursors, in stored order). */
export interface SiteSource {
  pages(): AsyncIterable<PageSnapshot[]>;
  links(): AsyncIterable<LinkRefBatch>;
  load: PageLoader;
}

export interface LoadedSite {
  site: Site;
  content: LazyContent;
}

/**
 * Streams a scan into a Site whose page content is read on demand. `pages()` need carry neither HTML nor
 * an html page's text (a document's text only its first HEAD_CHARS characters): a page's headings and
 * item-code count are stored with it by the crawl; pages of scans stored before that are read again whole.
 */
export async function loadSite(startUrl: string, source: SiteSource, options: LazyContentOptions = {}): Promise<LoadedSite> {
  const builder = new SiteBuilder(startUrl);
  // Both streams at once: the index takes pages and links in either order, and while one stream's batch is
  // indexed the store reads the other's (the load waited on the store for about a quarter of its time).
  await Promise.all([
    (async () => {
      for await (const batch of source.pages()) builder.addPages((await withOlderPagesWhole(batch, source.load)).map(pageInfo));
    })(),
    (async () => {
      for await (const batch of source.links()) builder.addStoredLinks(batch);
    })(),
  ]);
  const content = new LazyContent(source.load, options);
  return { site: builder.finish(content), content };
}

/** The batch, with html pages read whole where the crawl did not store their headings and item codes. */
async function withOlderPagesWhole(batch: PageSnapshot[], load: PageLoader): Promise<PageSnapshot[]> {
  const older = batch.filter((p) => p.kind === 'html' && p.html === undefined && (storedHeadings(p.meta) === undefined || storedCodeCount(p.meta) === undefined));
  if (!older.length) return batch;
  const whole = new Map((await load(older.map((p) => p.url))).map((p) => [p.url, p]));
  return batch.map((p) => whole.get(p.url) ?? p);
}

/** Passes of one unit of work before giving up (each pass reads what the previous one missed). */
const MAX_PASSES = 12;

/** Runs `work` until a pass meets no miss, reading the missed pages between passes. */
async function settled<T>(content: LazyContent, work: () => T): Promise<T> {
  for (let pass = 1; ; pass++) {
    let out: { ok: T } | { error: unknown };
    try {
      out = { ok: work() };
    } catch (error) {
      out = { error };
    }
    const missed = content.takeMisses();
    if (!missed.length) {
      if ('error' in out) throw out.error;
      return out.ok;
    }
    if (pass >= MAX_PASSES) throw new Error(`still reading pages after ${pass} passes`);
    await content.fetch(missed);
  }
}

/**
 * Candidates whose pages are read in one batch before the first of them is verified: one read instead of a
 * miss per candidate. (Reading the pages they link as well was tried: on a portal whose news lists link
 * dozens of pages it read many that verification never opens, and cost memory without saving time.)
 */
const PREFETCH_CANDIDATES = 32;

/** The stored URLs of these candidates: only a hint to read together, the verdicts do not depend on it. */
function candidatePages(site: Site, list: Candidate[]): string[] {
  return [...new Set(list.flatMap((c) => site.page(c.url)?.url ?? []))];
}

export async function judgeLoadedSite(
  input: { checklist: Checklist; overrides: ItemOverride[]; limits?: readonly CrawlLimitHit[]; onProgress?: (e: JudgeProgress) => void } & LoadedSite,
): Promise<ItemResult[]> {
  const { checklist, site, content } = input;
  const env: VerifyEnv = { site, checklist, year: checklist.year };
  let candidates: Map<string, Candidate[]>;
  try {
    // Only the index pages' rows read page content: they are settled first (a pass that misses repeats
    // just them), and the rest of candidate finding, which scores every distinct text of the site, runs once.
    const index = await settled(content, () => indexFindings(site, checklist));
    candidates = await settled(content, () => discoverCandidates(site, checklist, index));
  } catch (e) {
    const msg = (e as Error).message;
    return applyOverrides(
      checklist.items.map((item) => errorResult(item, `ค้นหาหลักฐานไม่สำเร็จ: ${msg}`)),
      input.overrides,
    );
  } finally {
    forgetTopItems(site);
  }
  content.release();
  const results: ItemResult[] = [];
  const total = checklist.items.length;
  for (const item of checklist.items) {
    try {
      // One candidate at a time: an item with thousands of look-alike candidates (every news list page of a
      // portal) keeps only the pages of the candidate being verified beyond the cache budget, and a read miss
      // repeats that candidate's verification, not the item's.
      const verdicts: CandidateVerdict[] = [];
      const list = candidates.get(item.code) ?? [];
      for (let i = 0; i < list.length; i++) {
        if (i % PREFETCH_CANDIDATES === 0) await content.fetch(candidatePages(site, list.slice(i, i + PREFETCH_CANDIDATES)));
        verdicts.push(await settled(content, () => verifyCandidate(env, item, list[i]!)));
        content.release();
      }
      results.push(await settled(content, () => itemResult(env, item, verdicts)));
    } catch (e) {
      results.push(errorResult(item, `ตรวจรายการนี้ไม่สำเร็จ: ${(e as Error).message}`));
    }
    content.release();
    input.onProgress?.({ type: 'judging', done: results.length, total, code: item.code });
  }
  return applyOverrides(unvisitedMayHold(results, input.limits), input.overrides);
}
