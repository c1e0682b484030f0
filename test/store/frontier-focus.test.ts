import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type ScanStore } from '../../src/store/index.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';

/**
 * The best-first frontier in both back ends: the URL as the site wrote it survives a round trip,
 * claims follow priority, and a re-found queued URL moves up (never down, never once it left the queue).
 */
const dir = mkdtempSync(join(tmpdir(), 'oit-focus-store-'));
const pgMissing = postgresUnavailable();
let server: TestPostgres | undefined;
beforeAll(async () => {
  if (!pgMissing) server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function newScan(store: ScanStore, id: string) {
  await store.createScan({
    id, site: 'https://www.example.go.th/', host: 'www.example.go.th', startedAt: new Date().toISOString(), toolVersion: '0.1.0',
    checklistId: 'ita-2568', checklistYear: 2568, checklistHash: 'abc', config: {},
  });
}

const backends = [
  { name: 'SQLite file', location: async () => join(dir, `f-${Math.random().toString(36).slice(2)}.db`), skip: undefined as string | undefined },
  { name: 'PostgreSQL', location: () => server!.createDatabase('focus'), skip: pgMissing },
];

describe.each(backends)('best-first frontier: $name', ({ location, skip }) => {
  if (skip) {
    it.skip(`skipped: ${skip}`, () => undefined);
    return;
  }
  it('keeps the URL as written, claims by priority, and moves a re-found queued URL up only', async () => {
    const store = await openStore(await location());
    await newScan(store, 'q1');
    const root = 'https://e.go.th/';
    const written = `${root}index.php?option=com_k2&view=item&task=download&id=71`;
    const key = `${root}index.php?id=71&option=com_k2&task=download&view=item`;
    await store.saveBatch!('q1', {
      enqueue: [
        { url: root + 'news?page=9', depth: 2, priority: 140 },
        { url: key, fetchUrl: written, depth: 3, priority: 120 },
        { url: root + 'ita', depth: 1, priority: 60 },
        { url: root + 'gallery', depth: 1, priority: 125 },
      ],
      pages: [],
      settle: [{ url: root, state: 'done', depth: 0, priority: 0 }],
    });
    await store.saveBatch!('q1', {
      enqueue: [],
      pages: [],
      settle: [],
      reprioritize: [
        { url: key, priority: 30 },
        { url: key, priority: 45 },
        { url: root + 'gallery', priority: 130 }, // worse: ignored
        { url: root, priority: 1 }, // done: ignored
      ],
    });
    const rows = await store.listFrontier!('q1');
    expect(rows.map((r) => [r.url, r.priority, r.state])).toEqual([
      [root, 0, 'done'],
      [key, 30, 'queued'],
      [root + 'ita', 60, 'queued'],
      [root + 'gallery', 125, 'queued'],
      [root + 'news?page=9', 140, 'queued'],
    ]);
    const claimed = await store.claim('q1', 2);
    expect(claimed).toEqual([
      { url: key, fetchUrl: written, depth: 3, priority: 30 },
      { url: root + 'ita', depth: 1, priority: 60 },
    ]);
    // Claimed (in flight) rows no longer move; after a crash they come back with their priority.
    await store.saveBatch!('q1', { enqueue: [], pages: [], settle: [], reprioritize: [{ url: root + 'ita', priority: 5 }] });
    expect(await store.requeueInFlight('q1')).toBe(2);
    expect((await store.claim('q1', 10)).map((e) => [e.url, e.priority])).toEqual([
      [key, 30],
      [root + 'ita', 60],
      [root + 'gallery', 125],
      [root + 'news?page=9', 140],
    ]);
    await store.close();
  });
});
