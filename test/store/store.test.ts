import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type LinkRecord, type LinkRefBatch, type PageSnapshot, type ScanStore } from '../../src/store/index.js';
import { expandLinks } from '../../src/store/rows.js';
import { StoreError } from '../../src/errors.js';
import pg from 'pg';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { migrations, pgMigrations } from '../../src/store/migrations.js';

const lit = (v: string | undefined) => (v === undefined ? 'NULL' : `'${v.replaceAll("'", "''")}'`);

/** Runs SQL on a SQLite file outside the store (exec for a script, all for a query). */
async function sqliteAll(file: string, sql: string, exec = false): Promise<unknown[]> {
  const { default: sqlite3 } = await import('sqlite3');
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    const done = (e: Error | null, rows?: unknown[]) => db.close(() => (e ? reject(e) : resolve(rows ?? [])));
    if (exec) db.exec(sql, (e) => done(e));
    else db.all(sql, (e, rows) => done(e, rows));
  });
}

/**
 * The store contract, run against every back end: SQLite on a file and in memory, and PostgreSQL on a
 * throwaway server started here (skipped, saying why, only when the server binaries are missing).
 */
const dir = mkdtempSync(join(tmpdir(), 'oit-store-'));
const pgMissing = postgresUnavailable();
let server: TestPostgres | undefined;
beforeAll(async () => {
  if (!pgMissing) server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function page(url: string, over: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url, finalUrl: url, status: 200, contentType: 'text/html; charset=utf-8', kind: 'html', title: 'หน้าแรก',
    text: 'องค์การบริหารส่วนตำบลตัวอย่าง โครงสร้างส่วนราชการ', textSource: 'html', html: '<html><body><h1>หน้าแรก</h1></body></html>',
    depth: 0, redirectChain: [], fetchedAt: '2026-11-25T00:00:00.000Z', bytes: 120, needsJs: false, rendered: false, meta: { charset: 'utf-8' },
    ...over,
  };
}

async function newScan(store: ScanStore, id: string) {
  return store.createScan({
    id, site: 'https://www.example.go.th/', host: 'www.example.go.th', startedAt: new Date().toISOString(), toolVersion: '0.1.0',
    checklistId: 'ita-2565', checklistYear: 2565, checklistHash: 'abc', config: { maxPages: 10 },
  });
}

/** Pages of a CMS: a 15-link menu (the same on every page) and 5 links of their own, one out of order. */
function siteLinks(n: number): Map<string, LinkRecord[]> {
  const out = new Map<string, LinkRecord[]>();
  for (let i = 0; i < n; i++) {
    const fromUrl = `https://e.go.th/p/${i}`;
    const menu: LinkRecord[] = Array.from({ length: 15 }, (_v, k) => ({
      fromUrl, toUrl: `https://e.go.th/m/${k}`, text: `เมนู ${k} ข้อมูลพื้นฐาน`, position: k, tag: 'a', external: false, region: 'nav', menuPath: ['ข้อมูลหน่วยงาน', `เมนู ${k} ข้อมูลพื้นฐาน`],
    }));
    const own: LinkRecord[] = Array.from({ length: 5 }, (_v, k) => ({
      fromUrl, toUrl: `https://e.go.th/p/${i}/doc${k}.pdf`, text: 'ดาวน์โหลด', position: k === 4 ? 99 : 15 + k, tag: 'a', external: false, rowText: `O${k + 1} | รายงานผล ${i} | ดาวน์โหลด`, heading: 'ผลการดำเนินงาน',
    }));
    out.set(fromUrl, [...menu, ...own]);
  }
  return out;
}

async function collectLinks(it: AsyncIterable<LinkRefBatch>): Promise<LinkRecord[]> {
  const out: LinkRecord[] = [];
  for await (const b of it) out.push(...expandLinks(b));
  return out;
}

async function collect<T>(it: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const b of it) out.push(b);
  return out;
}

interface Backend {
  name: string;
  /** A new, empty store location. */
  location: () => Promise<string>;
  /** Why this back end cannot be tested here. */
  skip?: string;
}

const backends: Backend[] = [
  { name: 'SQLite on a temp file', location: async () => join(dir, `t-${Math.random().toString(36).slice(2)}.db`) },
  { name: 'SQLite in memory', location: async () => ':memory:' },
  { name: 'PostgreSQL', location: () => server!.createDatabase('store'), skip: pgMissing },
];

describe.each(backends)('store contract: $name', ({ location, skip }) => {
  if (skip) {
    it.skip(`skipped: ${skip}`, () => undefined);
    return;
  }
  it('round-trips scans, pages with HTML, links and results', async () => {
    const store = await openStore(await location());
    await newScan(store, 's1');
    await store.savePage('s1', page('https://www.example.go.th/'), [
      { fromUrl: 'https://www.example.go.th/', toUrl: 'https://www.example.go.th/ita', text: 'ITA', position: 0, tag: 'a', external: false, menuPath: ['ข้อมูลหน่วยงาน', 'ITA'], rowText: 'O1 โครงสร้าง' },
      { fromUrl: 'https://www.example.go.th/', toUrl: 'https://facebook.com/x', text: 'Facebook', position: 1, tag: 'a', external: true },
    ]);
    const pages = await store.listPages('s1');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.html).toBeUndefined();
    expect(pages[0]!.text).toContain('โครงสร้างส่วนราชการ');
    const withHtml = await store.getPage('s1', 'https://www.example.go.th/', { withHtml: true });
    expect(withHtml?.html).toContain('<h1>หน้าแรก</h1>');
    expect(withHtml?.meta).toEqual({ charset: 'utf-8' });
    const links = await store.listLinks('s1');
    expect(links.map((l) => l.text)).toEqual(['ITA', 'Facebook']);
    expect(links[0]!.menuPath).toEqual(['ข้อมูลหน่วยงาน', 'ITA']);
    expect(links[1]!.external).toBe(true);

    // Saving the same URL again replaces the page and its links rather than duplicating them.
    await store.savePage('s1', page('https://www.example.go.th/', { title: 'ใหม่' }), []);
    expect(await store.listPages('s1')).toHaveLength(1);
    expect(await store.listLinks('s1')).toHaveLength(0);

    await store.saveResults('s1', [
      { code: 'O1', title: 'โครงสร้าง', subIndicator: '9.1', status: 'pass', score: 100, urls: ['https://www.example.go.th/ita'], evidence: [], reasons: [], confidence: 0.9 },
    ], { oit: { score: 100 } });
    const results = await store.getResults('s1');
    expect(results?.items[0]?.status).toBe('pass');
    expect(results?.summary).toEqual({ oit: { score: 100 } });

    await store.updateScan('s1', { state: 'finished', finishedAt: '2026-11-25T01:00:00.000Z', stats: { pagesFetched: 1, documentsFetched: 0, errors: 0 } });
    const scan = await store.getScan('s1');
    expect(scan?.state).toBe('finished');
    expect(scan?.stats.pagesFetched).toBe(1);
    expect(scan?.config).toEqual({ maxPages: 10 });
    await store.close();
  });

  it('keeps a frontier that dedupes, orders by priority and requeues in-flight work', async () => {
    const store = await openStore(await location());
    await newScan(store, 'f1');
    expect(await store.enqueue('f1', [
      { url: 'https://e.go.th/a', depth: 1, priority: 5 },
      { url: 'https://e.go.th/b.pdf', depth: 1, priority: 1 },
      { url: 'https://e.go.th/a', depth: 2, priority: 0 },
    ])).toBe(2);
    const claimed = await store.claim('f1', 1);
    expect(claimed.map((c) => c.url)).toEqual(['https://e.go.th/b.pdf']);
    expect((await store.frontierCounts('f1'))['in-flight']).toBe(1);
    expect(await store.requeueInFlight('f1')).toBe(1);
    const again = await store.claim('f1', 5);
    expect(again.map((c) => c.url)).toEqual(['https://e.go.th/b.pdf', 'https://e.go.th/a']);
    await store.settle('f1', 'https://e.go.th/a', 'done');
    const counts = await store.frontierCounts('f1');
    expect(counts.done).toBe(1);
    expect(counts['in-flight']).toBe(1);
    await store.close();
  });

  it('stores crawl batches atomically and lists the frontier and page stubs for a resume', async () => {
    const store = await openStore(await location());
    await newScan(store, 'b1');
    const root = 'https://e.go.th/';
    await store.saveBatch!('b1', {
      enqueue: [
        { url: root + 'a', depth: 1, priority: 5, referrer: root },
        { url: root + 'b.pdf', depth: 1, priority: 1, referrer: root },
        { url: root + 'a', depth: 1, priority: 5 },
      ],
      pages: [
        { page: page(root), links: [{ fromUrl: root, toUrl: root + 'a', text: 'เอ', position: 0, tag: 'a', external: false }] },
        { page: page(root + 'x', { status: 404, error: 'HTTP 404', html: undefined }), links: [] },
      ],
      settle: [
        { url: root, state: 'done' },
        { url: root + 'x', state: 'failed', depth: 1, priority: 9 },
        { url: root + 'x', state: 'failed', depth: 1, priority: 9 },
      ],
    });
    const frontier = await store.listFrontier!('b1');
    expect(frontier.map((f) => [f.url, f.state])).toEqual([
      [root, 'done'],
      [root + 'b.pdf', 'queued'],
      [root + 'a', 'queued'],
      [root + 'x', 'failed'],
    ]);
    expect(frontier.find((f) => f.url === root + 'a')?.referrer).toBe(root);
    expect(await store.listPageStubs!('b1')).toEqual([
      { url: root, kind: 'html', status: 200 },
      { url: root + 'x', kind: 'html', status: 404, error: 'HTTP 404' },
    ]);
    // A page saved again in a later batch replaces the earlier snapshot and its links.
    for (const [title, to] of [['one', '1'], ['two', '2']] as const) {
      await store.saveBatch!('b1', {
        enqueue: [],
        pages: [{ page: page(root + 'a', { title }), links: [{ fromUrl: root + 'a', toUrl: root + to, text: to, position: 0, tag: 'a', external: false }] }],
        settle: [{ url: root + 'a', state: 'done' }],
      });
    }
    expect((await store.getPage('b1', root + 'a'))?.title).toBe('two');
    expect((await store.listLinks('b1')).filter((l) => l.fromUrl === root + 'a').map((l) => l.toUrl)).toEqual([root + '2']);
    expect(await store.frontierCounts('b1')).toEqual({ queued: 1, 'in-flight': 0, done: 2, failed: 1, skipped: 0 });
    // An empty batch is a no-op.
    await store.saveBatch!('b1', { enqueue: [], pages: [], settle: [] });
    await store.close();
  });

  it('lists pages in save order, a replaced page last, with every field intact', async () => {
    const store = await openStore(await location());
    await newScan(store, 'o1');
    const full = page('https://e.go.th/doc.pdf', {
      kind: 'pdf', textSource: 'pdftotext', html: undefined, contentType: 'application/pdf', title: undefined, status: 200,
      referrer: 'https://e.go.th/', redirectChain: ['https://e.go.th/old.pdf'], sha256: 'ab'.repeat(32), needsJs: true, rendered: true,
      bytes: 3_000_000_000, meta: { pages: 3, nested: { ok: true } }, depth: 2,
    });
    await store.savePage('o1', page('https://e.go.th/1'), []);
    await store.savePage('o1', full, []);
    await store.savePage('o1', page('https://e.go.th/1', { title: 'again' }), []);
    expect((await store.listPages('o1')).map((p) => p.url)).toEqual(['https://e.go.th/doc.pdf', 'https://e.go.th/1']);
    const back = await store.getPage('o1', 'https://e.go.th/doc.pdf', { withHtml: true });
    expect(back).toEqual({ ...full, contentType: 'application/pdf', title: undefined, error: undefined, html: undefined });
    // Large Thai HTML round-trips through gzip.
    const big = '<p>ประกาศผลการจัดซื้อจัดจ้าง</p>'.repeat(20_000);
    await store.savePage('o1', page('https://e.go.th/big', { html: big }), []);
    expect((await store.getPage('o1', 'https://e.go.th/big', { withHtml: true }))?.html).toBe(big);
    expect(await store.getPage('o1', 'https://e.go.th/none')).toBeUndefined();
    await store.close();
  });

  it('stores thousands of links in one save and keeps their order', async () => {
    const store = await openStore(await location());
    await newScan(store, 'l1');
    const links = Array.from({ length: 6000 }, (_, i) => ({
      fromUrl: 'https://e.go.th/', toUrl: `https://e.go.th/p${i}`, text: `ลิงก์ ${i}`, position: i, tag: 'a' as const, external: i % 2 === 0,
      ...(i % 3 === 0 ? { region: 'nav' as const, heading: 'เมนู' } : {}),
    }));
    await store.savePage('l1', page('https://e.go.th/'), links);
    const back = await store.listLinks('l1');
    expect(back).toHaveLength(6000);
    expect(back.map((l) => l.position)).toEqual(links.map((l) => l.position));
    expect(back[3]).toMatchObject({ region: 'nav', heading: 'เมนู', external: false, text: 'ลิงก์ 3' });
    await store.close();
  });

  it('lists scans newest first with filters, updates config, replaces results', async () => {
    const store = await openStore(await location());
    const mk = (id: string, site: string, startedAt: string) =>
      store.createScan({ id, site, host: new URL(site).host, startedAt, toolVersion: 't', checklistId: 'ita-2566', checklistYear: 2566, checklistHash: 'h', config: {} });
    await mk('20261101-000000-aaaaaa', 'https://a.go.th/', '2026-11-01T00:00:00.000Z');
    await mk('20261102-000000-bbbbbb', 'https://b.go.th/', '2026-11-02T00:00:00.000Z');
    await mk('20261103-000000-cccccc', 'https://a.go.th/', '2026-11-03T00:00:00.000Z');
    expect((await store.listScans()).map((s) => s.id)).toEqual(['20261103-000000-cccccc', '20261102-000000-bbbbbb', '20261101-000000-aaaaaa']);
    expect((await store.listScans({ site: 'https://a.go.th/' })).map((s) => s.id)).toEqual(['20261103-000000-cccccc', '20261101-000000-aaaaaa']);
    expect((await store.listScans({ host: 'b.go.th' })).map((s) => s.id)).toEqual(['20261102-000000-bbbbbb']);
    expect(await store.listScans({ limit: 1 })).toHaveLength(1);
    expect((await store.listScans({ perSite: 1 })).map((s) => s.id)).toEqual(['20261103-000000-cccccc', '20261102-000000-bbbbbb']);
    expect((await store.listScans({ perSite: 2, site: 'https://a.go.th/' })).map((s) => s.id)).toEqual(['20261103-000000-cccccc', '20261101-000000-aaaaaa']);
    await store.updateScan('20261101-000000-aaaaaa', { config: { year: 2566 } });
    await store.updateScan('20261101-000000-aaaaaa', {});
    expect((await store.getScan('20261101-000000-aaaaaa'))?.config).toEqual({ year: 2566 });
    expect(await store.getScan('nope')).toBeUndefined();
    expect(await store.getResults('20261101-000000-aaaaaa')).toBeUndefined();
    const item = (code: string, status: 'pass' | 'fail') => ({ code, title: code, subIndicator: '9.1', status, score: (status === 'pass' ? 100 : 0) as 0 | 100, urls: [], evidence: [], reasons: ['เหตุผล'], confidence: 0.5 });
    await store.saveResults('20261101-000000-aaaaaa', [item('O2', 'pass'), item('O1', 'fail')], { a: 1 });
    await store.saveResults('20261101-000000-aaaaaa', [item('O3', 'fail'), item('O1', 'pass')], { a: 2 });
    const r = await store.getResults('20261101-000000-aaaaaa');
    expect(r?.items.map((i) => [i.code, i.status])).toEqual([['O3', 'fail'], ['O1', 'pass']]);
    expect(r?.summary).toEqual({ a: 2 });
    await store.close();
  });

  it('records the queue job of a scan and finds scans by job', async () => {
    const store = await openStore(await location());
    const base = { site: 'https://a.go.th/', host: 'a.go.th', toolVersion: 't', checklistId: 'ita-2566', checklistYear: 2566, checklistHash: 'h', config: {} };
    await store.createScan({ ...base, id: '20261101-000000-j00001', startedAt: '2026-11-01T00:00:00.000Z', jobId: 'job-1' });
    await store.createScan({ ...base, id: '20261102-000000-j00002', startedAt: '2026-11-02T00:00:00.000Z', jobId: 'job-2' });
    await store.createScan({ ...base, id: '20261103-000000-hand00', startedAt: '2026-11-03T00:00:00.000Z' });
    expect((await store.listScans({ jobId: 'job-1' })).map((s) => s.id)).toEqual(['20261101-000000-j00001']);
    expect((await store.getScan('20261102-000000-j00002'))?.jobId).toBe('job-2');
    expect((await store.getScan('20261103-000000-hand00'))?.jobId).toBeUndefined();
    expect(await store.listScans({ jobId: 'job-9' })).toEqual([]);
    await store.close();
  });

  it('hands out request slots per host spaced by the gap, and holds a host back', async () => {
    const store = await openStore(await location());
    const reserve = store.reserveHostSlot!.bind(store);
    // Three reservations at once: each gets its own slot, one gap apart (give or take the clock ticking meanwhile).
    const waits = (await Promise.all([reserve('a.go.th', 400), reserve('a.go.th', 400), reserve('a.go.th', 400)])).sort((x, y) => x - y);
    expect(waits[0]).toBeLessThan(100);
    expect(waits[1]).toBeGreaterThan(250);
    expect(waits[1]).toBeLessThanOrEqual(400);
    expect(waits[2]).toBeGreaterThan(650);
    expect(waits[2]).toBeLessThanOrEqual(800);
    // Another host is not held back by this one.
    expect(await reserve('b.go.th', 400)).toBeLessThan(100);
    // A Retry-After seen by one worker holds everyone back.
    await store.holdHost!('b.go.th', 3000);
    const held = await reserve('b.go.th', 10);
    expect(held).toBeGreaterThan(2500);
    expect(held).toBeLessThanOrEqual(3000);
    await store.close();
  });

  it('prunes a scan: pages, links and frontier go, the scan and its results stay', async () => {
    const store = await openStore(await location());
    await newScan(store, 'p1');
    await newScan(store, 'p2');
    for (const id of ['p1', 'p2']) {
      await store.enqueue(id, [{ url: 'https://e.go.th/q', depth: 1, priority: 1 }]);
      await store.savePage(id, page('https://e.go.th/'), [{ fromUrl: 'https://e.go.th/', toUrl: 'https://e.go.th/q', text: 'q', position: 0, tag: 'a', external: false }]);
      await store.saveResults(id, [], { id });
    }
    expect(await store.pruneScan('p1', '2026-11-25T02:00:00.000Z')).toEqual({ pages: 1, links: 1, frontier: 1 });
    expect((await store.getScan('p1'))?.prunedAt).toBe('2026-11-25T02:00:00.000Z');
    expect(await store.listPages('p1')).toHaveLength(0);
    expect((await store.getResults('p1'))?.summary).toEqual({ id: 'p1' });
    expect(await store.listPages('p2')).toHaveLength(1);
    expect((await store.getScan('p2'))?.prunedAt).toBeUndefined();
    await store.close();
  });

  it('streams only the scan\'s own pages and links when two scans were stored interleaved', async () => {
    const store = await openStore(await location());
    await newScan(store, 'a1');
    await newScan(store, 'b1');
    const a = siteLinks(9);
    const b = new Map([...siteLinks(9)].map(([u, ls]) => [u.replace('/p/', '/q/'), ls.map((l) => ({ ...l, fromUrl: l.fromUrl.replace('/p/', '/q/') }))]));
    const [aList, bList] = [[...a], [...b]];
    for (let i = 0; i < 9; i++) {
      await store.savePage('a1', page(aList[i]![0]), aList[i]![1]);
      await store.savePage('b1', page(bList[i]![0]), bList[i]![1]);
    }
    for (const [id, saved] of [['a1', a], ['b1', b]] as const) {
      const pages = (await collect(store.pageBatches(id, { batchSize: 2 }))).flat();
      expect(pages.map((p) => p.url)).toEqual([...saved.keys()]);
      expect(await collectLinks(store.linkBatches(id, { batchSize: 50 }))).toEqual([...saved.values()].flat());
    }
    expect(await collect(store.pageBatches('nothing-here'))).toEqual([]);
    await store.close();
  });

  it('streams pages and links in stored order, in batches, and reads pages by URL', async () => {
    const store = await openStore(await location());
    await newScan(store, 'c1');
    const saved = siteLinks(30);
    for (const [url, links] of saved) await store.savePage('c1', page(url, { title: `หน้า ${url}` }), links);
    const pageBatches = await collect(store.pageBatches('c1', { batchSize: 7, withHtml: true }));
    expect(pageBatches.map((b) => b.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pageBatches.flat().map((p) => p.url)).toEqual((await store.listPages('c1')).map((p) => p.url));
    expect(pageBatches.flat().every((p) => p.html?.includes('<h1>'))).toBe(true);
    // A batch's bodies are valid until the next batch is asked for: each is expanded as it comes.
    const linkBatches: LinkRecord[][] = [];
    const refIds = new Set<number>();
    let refs = 0;
    for await (const b of store.linkBatches('c1', { batchSize: 100 })) {
      for (const p of b.pages) for (const id of p.ids) (refIds.add(id), refs++);
      linkBatches.push(expandLinks(b));
    }
    expect(linkBatches.length).toBeGreaterThan(2);
    // Links come as stored: the menu shared by every page is 15 bodies, not 15 a page.
    expect(refs).toBe(30 * 20);
    expect(refIds.size).toBe(15 + 30 * 5);
    // Every field, the order and the positions (also ones that are not 0, 1, 2, …) come back as saved.
    expect(linkBatches.flat()).toEqual([...saved.values()].flat());
    expect(await store.listLinks('c1')).toEqual([...saved.values()].flat());
    const some = await store.getPages('c1', ['https://e.go.th/p/3', 'https://e.go.th/p/7', 'https://e.go.th/nowhere'], { withHtml: true });
    expect(some.map((p) => p.url).sort()).toEqual(['https://e.go.th/p/3', 'https://e.go.th/p/7']);
    expect(some[0]!.html).toContain('<h1>');
    expect(await store.getPages('c1', [])).toEqual([]);
    // Replacing a page replaces its links; other pages keep theirs (a menu shared with them included).
    await store.savePage('c1', page('https://e.go.th/p/0'), [{ fromUrl: 'https://e.go.th/p/0', toUrl: 'https://e.go.th/new', text: 'ใหม่', position: 0, tag: 'a', external: false }]);
    const after = await store.listLinks('c1');
    expect(after.filter((l) => l.fromUrl === 'https://e.go.th/p/0').map((l) => l.text)).toEqual(['ใหม่']);
    expect(after.filter((l) => l.fromUrl === 'https://e.go.th/p/1')).toEqual(saved.get('https://e.go.th/p/1'));
    expect(await store.pruneScan('c1', '2026-11-25T02:00:00.000Z')).toMatchObject({ pages: 30, links: 29 * 20 + 1 });
    expect(await collectLinks(store.linkBatches('c1'))).toEqual([]);
    await store.close();
  });

  it('numbers overrides and keeps their evidence hash and scan', async () => {
    const store = await openStore(await location());
    const a = await store.addOverride({ site: 's', year: 2566, code: 'O1', status: 'fail', by: 'ก', createdAt: '2026-11-25T00:00:00Z', evidenceHash: 'h1', scanId: 'x' });
    const b = await store.addOverride({ site: 's', year: 2566, code: 'O1', status: 'not-applicable', by: 'ข', createdAt: '2026-11-25T01:00:00Z' });
    expect(b.id).toBeGreaterThan(a.id!);
    const list = await store.listOverrides('s', 2566);
    expect(list.map((o) => o.id)).toEqual([a.id, b.id]);
    expect(list[0]).toEqual({ site: 's', year: 2566, code: 'O1', status: 'fail', by: 'ก', createdAt: '2026-11-25T00:00:00Z', evidenceHash: 'h1', scanId: 'x', id: a.id, url: undefined, note: undefined });
    await store.close();
  });

  it('stores human overrides per site and year', async () => {
    const store = await openStore(await location());
    await store.addOverride({ site: 'https://e.go.th/', year: 2565, code: 'O11', status: 'pass', url: 'https://e.go.th/o11.pdf', by: 'สมชาย', note: 'ตรวจแล้ว', createdAt: '2026-11-25T00:00:00Z' });
    const list = await store.listOverrides('https://e.go.th/', 2565);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ code: 'O11', by: 'สมชาย', status: 'pass' });
    expect(await store.listOverrides('https://e.go.th/', 2566)).toHaveLength(0);
    await store.close();
  });
});

describe('SQLite store on a file', () => {
  it('uses WAL and survives reopening', async () => {
    const file = join(dir, 'wal.db');
    const a = await openStore(file);
    await newScan(a, 'w1');
    await a.close();
    const b = await openStore(file);
    expect((await b.getScan('w1'))?.host).toBe('www.example.go.th');
    expect(await b.listScans({ host: 'www.example.go.th' })).toHaveLength(1);
    await b.close();
    const { default: sqlite3 } = await import('sqlite3');
    const mode = await new Promise<string>((res, rej) => {
      const db = new sqlite3.Database(file);
      db.get('PRAGMA journal_mode', (e, r: { journal_mode: string }) => (e ? rej(e) : res(r.journal_mode)));
      db.close();
    });
    expect(mode).toBe('wal');
  });

  it('stores a menu repeated on every page once, and converts the links of an older database (migration 4)', async () => {
    const file = join(dir, 'once.db');
    const store = await openStore(file);
    await newScan(store, 'o1');
    for (const [url, links] of siteLinks(30)) await store.savePage('o1', page(url), links);
    await store.close();
    // 600 links: the 15 menu links once, and each page's 5 own links.
    expect(await sqliteAll(file, 'SELECT (SELECT count(*) FROM link_bodies) AS bodies, (SELECT count(*) FROM page_links) AS pages')).toEqual([{ bodies: 15 + 30 * 5, pages: 30 }]);

    // A database of schema 3 with its links one row each, as oit wrote them before.
    const old = join(dir, 'v3.db');
    const expected = [...siteLinks(3).values()].flat();
    const sql = [
      ...migrations.filter((m) => m.version <= 3).flatMap((m) => m.sql),
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      ...migrations.filter((m) => m.version <= 3).map((m) => `INSERT INTO schema_migrations VALUES (${m.version}, 'm', 'x')`),
      `INSERT INTO scans (id, site, host, state, started_at, tool_version, checklist_id, checklist_year, checklist_hash, config, stats) VALUES ('v3', 'https://e.go.th/', 'e.go.th', 'finished', 'x', 'x', 'ita-2565', 2565, 'x', '{}', '{}')`,
      ...expected.map(
        (l) =>
          `INSERT INTO links (scan_id, from_url, to_url, text, label, row_text, list_item_text, heading, menu_path, position, tag, region, external) VALUES ('v3', ${[
            l.fromUrl, l.toUrl, l.text, l.label, l.rowText, l.listItemText, l.heading, l.menuPath ? JSON.stringify(l.menuPath) : undefined,
          ].map(lit).join(', ')}, ${l.position}, ${lit(l.tag)}, ${lit(l.region)}, ${l.external ? 1 : 0})`,
      ),
    ];
    await sqliteAll(old, sql.join(';\n'), true);
    const migrated = await openStore(old);
    expect(await migrated.listLinks('v3')).toEqual(expected);
    await migrated.close();
    expect(await sqliteAll(old, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'links'")).toEqual([{ n: 0 }]);
  });

  it('rejects a file that is not a database with a clear StoreError', async () => {
    const file = join(dir, 'junk.db');
    writeFileSync(file, 'this is not sqlite '.repeat(100));
    await expect(openStore(file)).rejects.toBeInstanceOf(StoreError);
  });

  it('rejects a path in a missing folder with a clear StoreError', async () => {
    await expect(openStore(join(dir, 'no', 'such', 'dir', 'x.db'))).rejects.toThrow(/เปิดฐานข้อมูล/);
  });
});

describe.skipIf(pgMissing)('PostgreSQL store', () => {
  it('migrates once when several processes open a new database together', async () => {
    const url = await server!.createDatabase('mig');
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(url)));
    await newScan(stores[0]!, 'm1');
    expect((await stores[3]!.getScan('m1'))?.id).toBe('m1');
    await Promise.all(stores.map((s) => s.close()));
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      expect((await c.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r: { version: number }) => r.version)).toEqual(pgMigrations.map((m) => m.version));
      // A database written by a newer oit is refused rather than misread.
      await c.query(`INSERT INTO schema_migrations VALUES (99, 'future', 'x')`);
    } finally {
      await c.end();
    }
    await expect(openStore(url)).rejects.toThrow(/newer oit/);
  });

  it('stores a menu repeated on every page once, and converts the links of an older database (migration 4)', async () => {
    const url = await server!.createDatabase('once');
    const store = await openStore(url);
    await newScan(store, 'o1');
    for (const [u, links] of siteLinks(30)) await store.savePage('o1', page(u), links);
    await store.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const counts = await c.query('SELECT (SELECT count(*)::int FROM link_bodies) AS bodies, (SELECT count(*)::int FROM page_links) AS pages');
      expect(counts.rows).toEqual([{ bodies: 15 + 30 * 5, pages: 30 }]);
    } finally {
      await c.end();
    }

    const oldUrl = await server!.createDatabase('v3');
    const expected = [...siteLinks(3).values()].flat();
    const o = new pg.Client({ connectionString: oldUrl });
    await o.connect();
    try {
      for (const m of pgMigrations.filter((m) => m.version <= 3)) for (const q of m.sql) await o.query(q);
      await o.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const m of pgMigrations.filter((m) => m.version <= 3)) await o.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [m.version, m.name, 'x']);
      await o.query(`INSERT INTO scans (id, site, host, state, started_at, tool_version, checklist_id, checklist_year, checklist_hash, config, stats) VALUES ('v3', 'https://e.go.th/', 'e.go.th', 'finished', 'x', 'x', 'ita-2565', 2565, 'x', '{}', '{}')`);
      for (const l of expected) {
        await o.query(
          'INSERT INTO links (scan_id, from_url, to_url, text, label, row_text, list_item_text, heading, menu_path, position, tag, region, external) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)',
          ['v3', l.fromUrl, l.toUrl, l.text, l.label ?? null, l.rowText ?? null, l.listItemText ?? null, l.heading ?? null, l.menuPath ? JSON.stringify(l.menuPath) : null, l.position, l.tag, l.region ?? null, l.external],
        );
      }
    } finally {
      await o.end();
    }
    const migrated = await openStore(oldUrl);
    expect(await migrated.listLinks('v3')).toEqual(expected);
    await migrated.close();
  });

  it('never gives one frontier row to two claimers (FOR UPDATE SKIP LOCKED)', async () => {
    const url = await server!.createDatabase('claim');
    const a = await openStore(url);
    const b = await openStore(url);
    await newScan(a, 'c1');
    await a.enqueue('c1', Array.from({ length: 300 }, (_, i) => ({ url: `https://e.go.th/${i}`, depth: 1, priority: i % 7 })));
    const drain = async (s: ScanStore) => {
      const got: string[] = [];
      for (;;) {
        const batch = await s.claim('c1', 7);
        if (!batch.length) return got;
        got.push(...batch.map((e) => e.url));
      }
    };
    const [ga, gb] = await Promise.all([drain(a), drain(b)]);
    expect(ga.length + gb.length).toBe(300);
    expect(new Set([...ga, ...gb]).size).toBe(300);
    expect((await a.frontierCounts('c1'))['in-flight']).toBe(300);
    await Promise.all([a.close(), b.close()]);
  });

  it('stores text with NUL characters (which PostgreSQL text cannot hold) without failing', async () => {
    const store = await openStore(await server!.createDatabase('nul'));
    await newScan(store, 'n1');
    await store.savePage('n1', page('https://e.go.th/n', { text: 'ก\u0000ข', title: 'a\u0000b' }), [
      { fromUrl: 'https://e.go.th/n', toUrl: 'https://e.go.th/x', text: 'x\u0000', position: 0, tag: 'a', external: false },
    ]);
    const back = await store.getPage('n1', 'https://e.go.th/n');
    expect(back?.text).toBe('กข');
    expect(back?.title).toBe('ab');
    expect((await store.listLinks('n1'))[0]?.text).toBe('x');
    await store.close();
  });

  it('names the problem, without the password, when the server or database is not there', async () => {
    const down = openStore('postgres://oit:secret-pw@127.0.0.1:1/oit', { connectTimeoutMs: 3000 });
    await expect(down).rejects.toBeInstanceOf(StoreError);
    await expect(down).rejects.toThrow(/เชื่อมต่อฐานข้อมูล PostgreSQL/);
    await expect(down).rejects.not.toThrow(/secret-pw/);
    const missing = server!.url.replace(/\/postgres$/, '/no_such_db');
    await expect(openStore(missing)).rejects.toThrow(/createdb/);
  });
});
