import PQueue from 'p-queue';
import { ConfigError } from '../errors.js';
import type { ScanStore } from '../store/store.js';
import type { CrawlLimitHit, FrontierEntry, LinkRecord, ScanStats } from '../store/types.js';
import { createAddressGuard, type Resolver } from './address-guard.js';
import { findChromium as defaultFindChromium } from './chromium.js';
import { isSkippableMedia, TEXT_KINDS, kindFromContentType } from './documents/index.js';
import { forgetResolvedHrefs } from './extract-links.js';
import { fetchWithRetries, type FetchPageOptions } from './fetch-page.js';
import { Frontier } from './frontier.js';
import { limitMessage } from './limits.js';
import { asWritten, isHttpUrl, normalizeUrl } from './normalize-url.js';
import { breadthFirst, NEUTRAL, PriorityModel, vocabularyFrom, type LinkSource } from './priority.js';
import { HostGate, type SharedHostSlots } from './politeness.js';
import { createRenderService } from './render.js';
import { loadResumeState } from './resume.js';
import { SkipLog } from './skip-log.js';
import { RobotsCache, type Robots } from './robots.js';
import { createScope } from './scope.js';
import { seedFromSitemaps } from './seeds.js';
import { buildSnapshot } from './snapshot.js';
import { TrapDetector } from './traps.js';
import type { CrawlEvent, CrawlEventListener, CrawlJob } from './types.js';
import { WriteBuffer } from './write-buffer.js';

/** Things tests (and embedders) can replace. */
export interface CrawlDeps {
  findChromium?: (explicit?: string, env?: NodeJS.ProcessEnv) => Promise<string | undefined>;
  env?: NodeJS.ProcessEnv;
  resolve?: Resolver;
  /** Pages per store transaction and the longest a finished page waits to be written. */
  writeBatch?: { maxItems?: number; maxDelayMs?: number };
  /** Crawl order: best-first (default) or plain breadth-first (for benchmarks and comparison). */
  order?: 'best-first' | 'breadth-first';
}

/**
 * With --until-evidence the caller's evidence check runs after this many saved pages, then each time
 * the count grew by half (a check re-reads the store, so a geometric schedule keeps the total linear).
 */
const EVIDENCE_CHECK_FIRST = 25;

/** robots.txt Crawl-delay above this is capped (with a warning): a day-long scan helps nobody. */
const MAX_CRAWL_DELAY_MS = 30_000;

export async function crawl(job: CrawlJob, store: ScanStore, onEvent?: CrawlEventListener, deps: CrawlDeps = {}): Promise<ScanStats> {
  const { config, scanId } = job;
  const t0 = Date.now();
  const emit = (e: CrawlEvent) => {
    try {
      onEvent?.(e);
    } catch {
      /* a listener's bug must not stop the crawl */
    }
  };
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    emit({ type: 'warning', message });
  };
  const startUrl = normalizeUrl(job.startUrl);
  if (!startUrl) throw new ConfigError(`URL เริ่มต้นไม่ถูกต้อง: ${job.startUrl}`, `invalid start URL: ${job.startUrl} (http or https only)`);
  if (!(await store.getScan(scanId))) throw new ConfigError(`ไม่พบการสแกน ${scanId} ในฐานข้อมูล`, `scan ${scanId} does not exist in ${store.location}; create it first`);

  const scope = createScope(startUrl, config.include, config.exclude);
  const guard = await createAddressGuard(startUrl, { allowPrivate: config.allowPrivate, resolve: deps.resolve });
  const gate = new HostGate(config.delayMs, sharedSlots(store, new URL(startUrl).host), (e) =>
    warnOnce('shared-gate', `ใช้ช่วงเว้นคำขอร่วมกับเครื่องอื่นไม่ได้ จึงเว้นเฉพาะในเครื่องนี้ / cannot share the request gap with other workers, keeping it in this process only: ${(e as Error).message}`),
  );
  const frontier = new Frontier();
  const model = new PriorityModel(job.checklist ? vocabularyFrom(job.checklist) : undefined);
  const bestFirst = deps.order !== 'breadth-first';
  const priorityOf = (url: string, link: LinkRecord | undefined, from: LinkSource | undefined, depth: number) =>
    bestFirst ? model.ofLink(url, link, from, depth) : breadthFirst(url, link, from, depth);
  /** URLs found only deeper than --max-depth (reported, so a cut-off crawl says so). */
  const beyondDepth = new Set<string>();
  const traps = new TrapDetector();
  const writer = new WriteBuffer(store, scanId, deps.writeBatch?.maxItems, deps.writeBatch?.maxDelayMs);
  const stats: Required<Omit<ScanStats, 'durationMs' | 'limits'>> = { pagesFetched: 0, documentsFetched: 0, errors: 0, needsJsUnrendered: 0 };
  let saved = 0;
  const skips = new SkipLog((message) => emit({ type: 'warning', message }));

  const baseFetch: FetchPageOptions = {
    userAgent: config.userAgent,
    timeoutMs: config.requestTimeoutMs,
    maxBytes: config.maxBytes,
    guard,
    signal: job.signal,
    wantBody: (ct) => !isSkippableMedia(ct) && (kindFromContentType(ct) === undefined || TEXT_KINDS.has(kindFromContentType(ct)!)),
  };
  const retryOpts = {
    retries: config.retries,
    gate,
    signal: job.signal,
    onRetry: (url: string, attempt: number, waitMs: number, why: string) =>
      emit({ type: 'warning', message: `ลองใหม่ครั้งที่ ${attempt} / retry ${attempt} of ${url} in ${Math.round(waitMs / 100) / 10}s (${why})` }),
  };
  const robots = new RobotsCache(
    async (url) => {
      const r = await fetchWithRetries(url, { ...baseFetch, maxBytes: 512 * 1024 }, { ...retryOpts, retries: Math.min(1, config.retries), onRetry: undefined });
      return r.status ? { status: r.status, body: r.body.toString('utf8') } : undefined;
    },
    config.userAgent,
    (m) => warnOnce(m, m),
  );
  const robotsFor = async (url: string): Promise<Robots | undefined> => {
    if (!config.obeyRobots) return undefined;
    const r = await robots.forUrl(url);
    if (r.crawlDelayMs && r.crawlDelayMs > gate.minGapMs) {
      if (r.crawlDelayMs > MAX_CRAWL_DELAY_MS) warnOnce('crawl-delay', `robots.txt Crawl-delay ${r.crawlDelayMs / 1000}s capped at ${MAX_CRAWL_DELAY_MS / 1000}s`);
      gate.raiseGap(Math.min(r.crawlDelayMs, MAX_CRAWL_DELAY_MS));
    }
    return r;
  };

  /**
   * A URL found on a page (or in a sitemap): queue it if new, in scope, shallow enough and no trap;
   * a queued URL found again through a better link moves up. `written` is the URL as the site wrote it.
   */
  const offer = (url: string, written: string | undefined, depth: number, referrer: string | undefined, priorityFn: () => number): void => {
    if (!scope.inScope(url)) return;
    if (depth > config.maxDepth) {
      if (!frontier.has(url)) beyondDepth.add(url);
      return;
    }
    if (frontier.has(url)) {
      // Fetched or taken already (a menu link met on every page): no link can move it, so its priority is not worked out.
      if (!bestFirst || !frontier.isWaiting(url)) return;
      const better = priorityFn();
      if (frontier.improve(url, better)) writer.reprioritize(url, better);
      return;
    }
    const priority = priorityFn();
    const trap = traps.check(url, referrer);
    if (trap) {
      frontier.markSeen(url);
      writer.settle({ url, state: 'skipped', depth, priority });
      skips.skip(trap.replace(/\s*\(.*$/, ''), url, trap);
      return;
    }
    const entry: FrontierEntry = { url, ...(written && written !== url ? { fetchUrl: written } : {}), depth, priority, ...(referrer ? { referrer } : {}) };
    if (frontier.push(entry)) writer.enqueue([entry]);
  };

  const renderService = await createRenderService(
    { mode: config.render, concurrency: config.renderConcurrency, userAgent: config.userAgent, timeoutMs: config.requestTimeoutMs, guard },
    () => (deps.findChromium ?? defaultFindChromium)(config.chromiumPath, deps.env ?? process.env),
    (message) => emit({ type: 'warning', message }),
  );
  const render = renderService.render;
  const docQueue = new PQueue({ concurrency: 2 });
  const runDocument = <T>(fn: () => Promise<T>) => docQueue.add(fn) as Promise<T>;

  const resumed = !!job.resume;
  emit({ type: 'start', scanId, startUrl, resumed });
  let seeded = false;
  if (resumed) {
    const state = await loadResumeState(store, scanId, frontier);
    for (const p of state.saved) count(p.kind, p.error);
    saved = state.saved.length;
    seeded = state.hadFrontier;
  }
  if (!seeded) {
    const typed = asWritten(job.startUrl);
    const first: FrontierEntry = { url: startUrl, ...(typed && typed !== startUrl ? { fetchUrl: typed } : {}), depth: 0, priority: 0 };
    frontier.push(first);
    writer.enqueue([first]);
    const r = await robotsFor(startUrl);
    if (config.useSitemaps) {
      const seeds = await seedFromSitemaps(startUrl, r?.sitemaps ?? [], scope, (url) => fetchWithRetries(url, baseFetch, { ...retryOpts, retries: 0, onRetry: undefined }));
      for (const url of seeds) offer(url, undefined, 1, undefined, () => priorityOf(url, undefined, undefined, 1));
    }
  } else await robotsFor(startUrl);
  await writer.flush();

  function count(kind: string, error: string | undefined) {
    if (kind === 'pdf' || kind === 'docx' || kind === 'xlsx' || kind === 'doc' || kind === 'xls') stats.documentsFetched++;
    else stats.pagesFetched++;
    if (error) stats.errors++;
  }

  let inProgress = 0;
  let evidenceDone = false;
  let evidenceChecking = false;
  let evidenceCheckedAt = 0;
  /** With --until-evidence: asks the caller (after a flush, so it sees every saved page) whether it has all it needs. */
  const checkEvidence = () => {
    if (!config.untilEvidence || !job.evidenceComplete || evidenceDone || evidenceChecking || saved - evidenceCheckedAt < Math.max(EVIDENCE_CHECK_FIRST, evidenceCheckedAt / 2)) return;
    evidenceChecking = true;
    evidenceCheckedAt = saved;
    void writer
      .flush()
      .then(() => job.evidenceComplete!())
      .then((done) => void (evidenceDone = done))
      .catch((e: unknown) => emit({ type: 'warning', message: `ตรวจหลักฐานระหว่างเก็บข้อมูลไม่ได้ / evidence check during the crawl failed: ${(e as Error).message}` }))
      .finally(() => {
        evidenceChecking = false;
        pump();
      });
  };
  const processEntry = async (entry: FrontierEntry): Promise<void> => {
    const target = entry.fetchUrl ?? entry.url;
    const rules = await robotsFor(target);
    if (rules && !rules.isAllowed(target)) {
      writer.settle({ url: entry.url, state: 'skipped', depth: entry.depth, priority: entry.priority });
      skips.skip('robots.txt', entry.url, 'disallowed by robots.txt');
      return;
    }
    const checkHop = async (url: string) => {
      if (!scope.isSameSite(url)) return `redirect off-site: ${url}`;
      const r = await robotsFor(url);
      return r && !r.isAllowed(url) ? 'redirect target disallowed by robots.txt' : undefined;
    };
    const res = await fetchWithRetries(target, { ...baseFetch, checkHop }, retryOpts);
    if (job.signal?.aborted) return;
    const built = await buildSnapshot(entry, res, { config, scope, render, runDocument });
    const { page, links } = built;
    if (entry.depth === 0 && res.error?.startsWith('redirect off-site')) warnOnce('start-offsite', `หน้าแรกย้ายไปเว็บอื่น / the start URL redirects off-site: ${res.finalUrl}`);
    const finalKey = normalizeUrl(res.finalUrl) ?? res.finalUrl;
    if (finalKey !== entry.url && scope.isSameSite(finalKey) && !frontier.has(finalKey)) {
      frontier.markSeen(finalKey);
      writer.settle({ url: finalKey, state: 'skipped', depth: entry.depth, priority: entry.priority });
    }
    if (built.canonical && built.canonical !== entry.url && scope.inScope(built.canonical)) {
      if (frontier.has(built.canonical)) page.meta.duplicateOf = built.canonical;
      else {
        frontier.markSeen(built.canonical);
        writer.settle({ url: built.canonical, state: 'skipped', depth: entry.depth, priority: entry.priority });
      }
    }
    // The start page is fetched first because it is the start, not because it is evidence: it passes no relevance on.
    const source: LinkSource = { priority: entry.depth === 0 ? NEUTRAL : entry.priority, isIndex: bestFirst && links.length > 0 && model.isIndexPage(page.title, links), ...(bestFirst ? { crowded: model.crowdedItems(links) } : {}) };
    if (source.isIndex) page.meta.itaIndex = true;
    const depth = entry.depth + 1;
    for (const l of links) if (!l.external && isHttpUrl(l.toUrl)) offer(l.toUrl, built.written.get(l.toUrl), depth, entry.url, () => priorityOf(l.toUrl, l, source, depth));
    if (built.unrenderedJs) stats.needsJsUnrendered++;
    count(page.kind, page.error);
    saved++;
    emit({ type: 'page', url: page.url, status: page.status, kind: page.kind, rendered: page.rendered, ...(page.error ? { error: page.error } : {}) });
    await writer.addPage({ page, links }, page.error ? 'failed' : 'done');
    checkEvidence();
  };

  const queue = new PQueue({ concurrency: config.concurrency });
  let fatal: unknown;
  const deadline = config.maxMinutes ? t0 + config.maxMinutes * 60_000 : Infinity;
  /** The limit that last kept a queued URL from being fetched. */
  let stoppedBy: CrawlLimitHit['limit'] | undefined;
  const limitReached = (): CrawlLimitHit['limit'] | undefined => {
    if (saved + inProgress >= config.maxPages) return 'max-pages';
    if (Date.now() >= deadline) return 'max-minutes';
    // Evidence first: stop when the caller has everything, or nothing promising is left (the rest stays queued).
    if (config.untilEvidence && (evidenceDone || (bestFirst && (frontier.peekPriority() ?? 0) >= NEUTRAL))) return 'until-evidence';
    return undefined;
  };
  function pump(): void {
    if (writer.failed) fatal ??= writer.failed;
    while (!fatal && !job.signal?.aborted && queue.size < config.concurrency && frontier.size) {
      const why = limitReached();
      if (why) {
        stoppedBy = why;
        break;
      }
      const entry = frontier.next();
      if (!entry) break;
      inProgress++;
      void queue.add(async () => {
        try {
          await processEntry(entry);
        } catch (e) {
          if (!job.signal?.aborted) fatal ??= e;
        } finally {
          inProgress--;
          pump();
        }
      });
    }
  }
  const progress = setInterval(() => {
    const secs = (Date.now() - t0) / 1000;
    emit({ type: 'progress', pages: stats.pagesFetched, documents: stats.documentsFetched, queued: frontier.size, errors: stats.errors, pagesPerSecond: Math.round((saved / Math.max(secs, 0.001)) * 10) / 10 });
  }, 1000);
  progress.unref();
  try {
    pump();
    await queue.onIdle();
    if (fatal) throw fatal;
  } finally {
    clearInterval(progress);
    forgetResolvedHrefs();
    await writer.flush().finally(() => renderService.close());
  }
  skips.summarize();
  const limits: CrawlLimitHit[] = [];
  if (frontier.size && stoppedBy) {
    const value = stoppedBy === 'max-pages' ? config.maxPages : stoppedBy === 'max-minutes' ? config.maxMinutes! : 1;
    limits.push({ limit: stoppedBy, value, unvisited: frontier.size });
  }
  let deeper = 0;
  for (const u of beyondDepth) if (!frontier.has(u)) deeper++;
  if (deeper) limits.push({ limit: 'max-depth', value: config.maxDepth, unvisited: deeper });
  if (!job.signal?.aborted) for (const l of limits) emit({ type: 'warning', message: limitMessage(l) });
  const result: ScanStats = { ...stats, durationMs: Date.now() - t0, ...(limits.length ? { limits } : {}) };
  await store.updateScan(scanId, { stats: result });
  // Aborted: everything fetched so far is stored and the rest stays queued for `resume`; the caller
  // learns of the interruption the usual way, by rejection with the signal's reason.
  if (job.signal?.aborted) throw job.signal.reason ?? new Error('aborted');
  emit({ type: 'done', stats: result });
  return result;
}

/** The store's per-host slots, when it has them: the politeness gap then holds across every worker sharing it. */
function sharedSlots(store: ScanStore, host: string): SharedHostSlots | undefined {
  const { reserveHostSlot, holdHost } = store;
  if (!reserveHostSlot || !holdHost) return undefined;
  return { reserve: (gapMs) => reserveHostSlot.call(store, host, gapMs), hold: (ms) => holdHost.call(store, host, ms) };
}
