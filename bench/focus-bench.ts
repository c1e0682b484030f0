/**
 * npm run bench:focus — how early a crawl reaches the evidence, breadth-first vs best-first, and what
 * a page budget costs. For each site (served on 127.0.0.1, crawled into an in-memory store):
 * - the fetch number of the last evidence URL (the first URL of every passed item of the unlimited
 *   best-first scan), breadth-first and best-first, and as % of all fetches;
 * - the verdicts under page budgets of 10 %, 20 % and 50 % of the site against the unlimited scan
 *   (items that differ), and whether the scan said it was limited.
 * `benchFocus(sites)` takes any list of FixtureSite objects (fixtures, generated fleets, large portals).
 * Run: npm run bench:focus [-- --only NAME] [-- --concurrency N] [-- --no-large] [-- --news N]
 *      npm run bench:focus -- --gen 1-10 [--bulk]   generated sites (test/fixtures/generator) instead of the
 *                                                  hand fixtures; --bulk adds the realistic non-evidence bulk
 *                                                  (news archive, galleries, calendar, library, staff pages)
 *      npm run bench:focus -- --no-large --bulk     the six hand fixtures with their own realistic bulk
 *                                                  (test/fixtures/sites/bulk.ts: galleries, calendar, library,
 *                                                  staff pages; no news archive)
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadChecklist } from '../src/checklist/load.js';
import { judge } from '../src/check/judge.js';
import { resolveConfig } from '../src/config/load.js';
import { crawl, type CrawlDeps } from '../src/crawl/index.js';
import { normalizeUrl } from '../src/crawl/normalize-url.js';
import { openStore } from '../src/store/index.js';
import type { ItemResult, ScanStats } from '../src/store/types.js';
import { generateSite } from '../test/fixtures/generator/index.js';
import { FIXTURE_SITES } from '../test/fixtures/sites/index.js';
import { withBulk } from '../test/fixtures/sites/bulk.js';
import type { FixtureSite } from '../test/fixtures/sites/types.js';
import { buildRoutes } from '../test/helpers/e2e-fixture.js';
import { largePortal } from '../test/helpers/focus-site.js';
import { closePdfBrowser } from '../test/helpers/pdf.js';
import { startSite } from '../test/helpers/site-server.js';

export interface CrawlOutcome {
  /** Normalised URLs in the order their fetch finished. */
  order: string[];
  stats: ScanStats;
  items: ItemResult[];
  /** Link graph of what was fetched: page → pages it links (normalised). */
  graph: Map<string, string[]>;
  start: string;
  ms: number;
}

export interface FocusFigures {
  site: string;
  /** Fetches of the unlimited best-first crawl. */
  fetches: number;
  evidenceUrls: number;
  /** Least possible last-evidence fetch number: evidence plus the pages on shortest paths to it. */
  minimum: number;
  lastEvidence: { breadthFirst: number; bestFirst: number; breadthFirstPct: number; bestFirstPct: number };
  budgets: Array<{ pct: number; maxPages: number; fetched: number; differing: string[]; limited: boolean; breadthFirstDiffering?: string[] }>;
  seconds: number;
}

export interface FocusOptions {
  concurrency?: number;
  budgets?: number[];
  /** Also crawl breadth-first under the 20 % budget, for contrast. Default true. */
  breadthFirstBudget?: boolean;
  log?: (line: string) => void;
}

/** Crawls one served site with the given order and page limit, then judges it as `oit check` would. */
async function crawlOnce(site: FixtureSite, origin: string, order: CrawlDeps['order'], maxPages: number, concurrency: number): Promise<CrawlOutcome> {
  const store = await openStore(':memory:');
  const startUrl = origin + site.start;
  const { checklist } = loadChecklist(site.year);
  const t0 = Date.now();
  try {
    const config = resolveConfig({
      env: {},
      flags: {
        allowPrivate: true, render: site.needsBrowser ? 'auto' : 'never', ocr: false, useSitemaps: false, obeyRobots: false,
        requestTimeoutMs: 10_000, retries: 0, concurrency, year: site.year, maxPages, maxDepth: 50,
      },
    });
    await store.createScan({
      id: 'f', site: startUrl, host: new URL(startUrl).host, startedAt: new Date().toISOString(), toolVersion: 'bench',
      checklistId: checklist.id, checklistYear: checklist.year, checklistHash: 'bench', config: {},
    });
    const fetched: string[] = [];
    const stats = await crawl({ scanId: 'f', startUrl, config, checklist }, store, (e) => void (e.type === 'page' && fetched.push(e.url)), { order });
    const [pages, links] = await Promise.all([store.listPages('f', { withHtml: true }), store.listLinks('f')]);
    const items = judge({ checklist, startUrl, pages, links, overrides: [], limits: stats.limits });
    const graph = new Map<string, string[]>();
    for (const l of links) if (!l.external) (graph.get(l.fromUrl) ?? graph.set(l.fromUrl, []).get(l.fromUrl)!).push(l.toUrl);
    return { order: fetched, stats, items, graph, start: fetched[0] ?? startUrl, ms: Date.now() - t0 };
  } finally {
    await store.close();
  }
}

/** 1-based fetch number of the last evidence URL (0 when there is none; Infinity when one was never fetched). */
function lastEvidenceAt(order: string[], evidence: string[]): number {
  const at = new Map<string, number>();
  order.forEach((u, i) => at.has(u) || at.set(u, i + 1));
  let last = 0;
  for (const u of evidence) last = Math.max(last, at.get(u) ?? Infinity);
  return last;
}

/** The evidence a scan relies on: the first URL of every passed item (the one an officer submits). */
function evidenceOf(items: ItemResult[]): string[] {
  return [...new Set(items.filter((i) => i.status === 'pass' && i.urls[0]).map((i) => normalizeUrl(i.urls[0]!) ?? i.urls[0]!))];
}

/**
 * The fewest fetches any crawl needs to hold every evidence URL: the evidence and the pages on a
 * shortest link path from the start to each (a lower bound for the last-evidence fetch number).
 */
function minimumFetches(graph: Map<string, string[]>, start: string, evidence: string[]): number {
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const to of graph.get(queue[i]!) ?? []) {
      if (parent.has(to)) continue;
      parent.set(to, queue[i]!);
      queue.push(to);
    }
  }
  const needed = new Set<string>();
  for (const e of evidence) for (let u: string | null | undefined = e; u && !needed.has(u); u = parent.get(u)) needed.add(u);
  return needed.size;
}

function differing(a: ItemResult[], b: ItemResult[]): string[] {
  const got = new Map(b.map((i) => [i.code, i.status]));
  return a.filter((i) => got.get(i.code) !== i.status).map((i) => `${i.code} ${i.status}→${got.get(i.code) ?? 'missing'}`);
}

export async function benchFocus(sites: FixtureSite[], options: FocusOptions = {}): Promise<FocusFigures[]> {
  const concurrency = options.concurrency ?? 1;
  const budgets = options.budgets ?? [10, 20, 50];
  const log = options.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const out: FocusFigures[] = [];
  for (const site of sites) {
    const t0 = Date.now();
    const server = await startSite(await buildRoutes(site));
    try {
      const best = await crawlOnce(site, server.origin, 'best-first', 1e6, concurrency);
      const bfs = await crawlOnce(site, server.origin, 'breadth-first', 1e6, concurrency);
      const evidence = evidenceOf(best.items);
      // Evidence URLs are those of the best-first scan; the breadth-first scan fetched the same site.
      const fetches = best.order.length;
      const lb = lastEvidenceAt(best.order, evidence);
      const lf = lastEvidenceAt(bfs.order, evidence);
      const figures: FocusFigures = {
        site: site.name,
        fetches,
        evidenceUrls: evidence.length,
        minimum: minimumFetches(best.graph, best.start, evidence),
        lastEvidence: { bestFirst: lb, breadthFirst: lf, bestFirstPct: pct(lb, fetches), breadthFirstPct: pct(lf, bfs.order.length) },
        budgets: [],
        seconds: 0,
      };
      for (const p of budgets) {
        const maxPages = Math.max(1, Math.ceil((fetches * p) / 100));
        const limited = await crawlOnce(site, server.origin, 'best-first', maxPages, concurrency);
        const row: FocusFigures['budgets'][number] = {
          pct: p, maxPages, fetched: limited.order.length, differing: differing(best.items, limited.items),
          limited: (limited.stats.limits ?? []).some((l) => l.limit === 'max-pages'),
        };
        if (p === 20 && options.breadthFirstBudget !== false) row.breadthFirstDiffering = differing(best.items, (await crawlOnce(site, server.origin, 'breadth-first', maxPages, concurrency)).items);
        figures.budgets.push(row);
      }
      figures.seconds = Math.round((Date.now() - t0) / 100) / 10;
      out.push(figures);
      log(formatFigures(figures));
    } finally {
      await server.close();
    }
  }
  return out;
}

const pct = (n: number, of: number) => Math.round((1000 * n) / Math.max(1, of)) / 10;

export function formatFigures(f: FocusFigures): string {
  const lines = [
    `${f.site}: ${f.fetches} fetches, ${f.evidenceUrls} evidence URLs (${pct(f.evidenceUrls, f.fetches)} % of fetches), least possible last-evidence fetch ${f.minimum} (${pct(f.minimum, f.fetches)} %) (${f.seconds}s)`,
    `  last evidence URL at fetch: breadth-first ${f.lastEvidence.breadthFirst} (${f.lastEvidence.breadthFirstPct} %) · best-first ${f.lastEvidence.bestFirst} (${f.lastEvidence.bestFirstPct} %)`,
  ];
  for (const b of f.budgets) {
    const same = b.differing.length ? `${b.differing.length} items differ: ${b.differing.slice(0, 6).join(', ')}${b.differing.length > 6 ? ', …' : ''}` : 'same verdicts as unlimited';
    const bfs = b.breadthFirstDiffering ? ` · breadth-first at this budget: ${b.breadthFirstDiffering.length ? `${b.breadthFirstDiffering.length} items differ` : 'same verdicts'}` : '';
    lines.push(`  budget ${b.pct} % (${b.maxPages} pages, ${b.fetched} fetched${b.limited ? ', reported as limited' : ''}): ${same}${bfs}`);
  }
  return lines.join('\n');
}

/** One line per site, then the worst and median figures: what README.md quotes. */
export function summary(figures: FocusFigures[]): string {
  const diff = (f: FocusFigures, p: number) => f.budgets.find((b) => b.pct === p)?.differing.length ?? 0;
  const rows = figures.map(
    (f) =>
      `${f.site.padEnd(16)}${String(f.fetches).padStart(7)}${String(f.evidenceUrls).padStart(6)}${`${pct(f.minimum, f.fetches)}`.padStart(8)}${`${f.lastEvidence.breadthFirstPct}`.padStart(8)}${`${f.lastEvidence.bestFirstPct}`.padStart(8)}${[10, 20, 50].map((p) => String(diff(f, p)).padStart(5)).join('')}`,
  );
  const best = figures.map((f) => f.lastEvidence.bestFirstPct).sort((a, b) => a - b);
  const bfs = figures.map((f) => f.lastEvidence.breadthFirstPct).sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor((xs.length - 1) / 2)] ?? 0;
  const over20 = figures.filter((f) => f.lastEvidence.bestFirstPct > 20).map((f) => f.site);
  const at20 = figures.filter((f) => diff(f, 20)).map((f) => f.site);
  return [
    `${'site'.padEnd(16)}${'fetch'.padStart(7)}${'evid'.padStart(6)}${'least%'.padStart(8)}${'bfs%'.padStart(8)}${'best%'.padStart(8)}${'d10'.padStart(5)}${'d20'.padStart(5)}${'d50'.padStart(5)}`,
    ...rows,
    `best-first last evidence: median ${median(best)} %, worst ${best.at(-1) ?? 0} % (breadth-first: median ${median(bfs)} %, worst ${bfs.at(-1) ?? 0} %)`,
    `sites over 20 %: ${over20.length ? over20.join(', ') : 'none'} · sites whose 20 % budget changes a verdict: ${at20.length ? at20.join(', ') : 'none'}`,
    `items differing from the unlimited scan (all sites): 10 % ${figures.reduce((a, f) => a + diff(f, 10), 0)}, 20 % ${figures.reduce((a, f) => a + diff(f, 20), 0)}, 50 % ${figures.reduce((a, f) => a + diff(f, 50), 0)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const only = arg('--only');
  const gen = arg('--gen');
  let sites: FixtureSite[];
  if (gen) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(gen);
    if (!m || Number(m[2] ?? m[1]) < Number(m[1])) throw new Error(`ช่วง seed ไม่ถูกต้อง / bad seed range: ${gen}`);
    sites = [];
    for (let seed = Number(m[1]); seed <= Number(m[2] ?? m[1]); seed++) sites.push(generateSite(seed, process.argv.includes('--bulk') ? { bulk: 'portal' } : {}));
  } else {
    sites = process.argv.includes('--bulk') ? FIXTURE_SITES.map((s) => withBulk(s)) : [...FIXTURE_SITES];
    if (!process.argv.includes('--no-large')) sites.push(largePortal({ news: Number(arg('--news') ?? 400), name: 'large-portal' }));
  }
  const chosen = only ? sites.filter((s) => s.name === only) : sites;
  const figures = await benchFocus(chosen, { concurrency: Number(arg('--concurrency') ?? 1) });
  process.stdout.write(`\n${summary(figures)}\n`);
  const json = arg('--json');
  if (json) writeFileSync(json, JSON.stringify(figures, null, 1));
  await closePdfBrowser();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
