import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type PageSnapshot, type ScanStore } from '../../src/store/index.js';
import { StoreError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'oit-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe.each([
  ['temp file', () => join(dir, `t-${Math.random().toString(36).slice(2)}.db`)],
  ['memory', () => ':memory:'],
])('SQLite store on %s', (_name, location) => {
  it('round-trips scans, pages with HTML, links and results', async () => {
    const store = await openStore(location());
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
    const store = await openStore(location());
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

  it('stores human overrides per site and year', async () => {
    const store = await openStore(location());
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

  it('rejects a file that is not a database with a clear StoreError', async () => {
    const file = join(dir, 'junk.db');
    writeFileSync(file, 'this is not sqlite '.repeat(100));
    await expect(openStore(file)).rejects.toBeInstanceOf(StoreError);
  });

  it('rejects a path in a missing folder with a clear StoreError', async () => {
    await expect(openStore(join(dir, 'no', 'such', 'dir', 'x.db'))).rejects.toThrow(/เปิดฐานข้อมูล/);
  });
});
