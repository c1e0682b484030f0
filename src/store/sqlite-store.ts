import sqlite3 from 'sqlite3';
import { StoreError } from '../errors.js';
import { migrations } from './migrations.js';
import { bodyKey, compressHtml, encodeRefs, expandLinks, json, linkRefBatches, opt, overrideFromRow, pageColumns, pageLinkGroups, readAhead, toPage, toScan, type Row } from './rows.js';
import type { CrawlBatch, FrontierRow, PageStub, ScanFilter, ScanStore } from './store.js';
import type {
  FrontierEntry,
  FrontierState,
  ItemOverride,
  ItemResult,
  LinkRecord,
  LinkRefBatch,
  NewScan,
  PageQuery,
  PageSnapshot,
  ScanRecord,
  ScanState,
  ScanStats,
} from './types.js';


/** Promise wrappers over one sqlite3 connection. */
class Connection {
  constructor(private readonly db: sqlite3.Database) {}

  run(sql: string, params: unknown[] = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (err) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
    });
  }

  get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  prepare(sql: string): Promise<sqlite3.Statement> {
    return new Promise((resolve, reject) => {
      const stmt = this.db.prepare(sql, (err) => (err ? reject(err) : resolve(stmt)));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

function runStmt(stmt: sqlite3.Statement, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => stmt.run(params, (err) => (err ? reject(err) : resolve())));
}

function finalize(stmt: sqlite3.Statement): Promise<void> {
  return new Promise((resolve) => stmt.finalize(() => resolve()));
}

/** Opens a connection; the default mode is the driver's own (read-write, create, serialized access). */
function openDatabase(file: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

export interface SqliteOptions {
  /** Milliseconds a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

/** Opens (creating and migrating as needed) a SQLite scan store. `:memory:` works for tests. */
export async function openSqliteStore(file: string, options: SqliteOptions = {}): Promise<ScanStore> {
  let db: sqlite3.Database;
  try {
    db = await openDatabase(file);
  } catch (e) {
    throw new StoreError(
      `เปิดฐานข้อมูล ${file} ไม่ได้ — ตรวจสอบว่าโฟลเดอร์มีอยู่และเขียนได้`,
      `cannot open database ${file}: ${(e as Error).message}`,
    );
  }
  const conn = new Connection(db);
  try {
    await conn.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 10_000))}`);
    // WAL lets report readers run while a scan writes; NORMAL sync is durable enough with WAL.
    if (file !== ':memory:') await conn.exec('PRAGMA journal_mode = WAL');
    await conn.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
    await migrate(conn);
  } catch (e) {
    await conn.close().catch(() => undefined);
    if (e instanceof StoreError) throw e;
    throw new StoreError(
      `ฐานข้อมูล ${file} ใช้งานไม่ได้ (อาจไม่ใช่ไฟล์ของ oit หรือถูกล็อกอยู่)`,
      `database ${file} is unusable (not an oit database, or locked): ${(e as Error).message}`,
    );
  }
  return new SqliteStore(conn, file);
}

async function migrate(conn: Connection): Promise<void> {
  await conn.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set((await conn.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const newest = Math.max(0, ...done);
  const known = Math.max(...migrations.map((m) => m.version));
  if (newest > known) {
    throw new StoreError(
      `ฐานข้อมูลนี้สร้างโดย oit รุ่นที่ใหม่กว่า (schema ${newest}) — โปรดอัปเดต oit`,
      `this database was written by a newer oit (schema ${newest} > ${known}); upgrade oit`,
    );
  }
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await conn.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have applied it while we waited for the write lock.
      if (await conn.get('SELECT 1 FROM schema_migrations WHERE version = ?', [m.version])) {
        await conn.exec('COMMIT');
        continue;
      }
      for (const sql of m.sql) await conn.exec(sql);
      await conn.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      await conn.exec('COMMIT');
    } catch (e) {
      await conn.exec('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }
}

class SqliteStore implements ScanStore {
  /** Transactions on one connection must not interleave, so every write goes through this chain. */
  private writes: Promise<unknown> = Promise.resolve();
  private seq = Date.now();

  constructor(
    private readonly conn: Connection,
    readonly location: string,
  ) {}

  private write<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writes.then(fn, fn).catch((e: unknown) => {
      throw writeError(e, this.location);
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  private transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.write(async () => {
      await this.conn.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn();
        await this.conn.exec('COMMIT');
        return out;
      } catch (e) {
        await this.conn.exec('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  async createScan(scan: NewScan): Promise<ScanRecord> {
    const record: ScanRecord = { ...scan, state: 'running', stats: scan.stats ?? { pagesFetched: 0, documentsFetched: 0, errors: 0 } };
    await this.write(() =>
      this.conn.run(
        `INSERT INTO scans (id, site, host, state, started_at, tool_version, checklist_id, checklist_year, checklist_hash, config, stats, job_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [record.id, record.site, record.host, record.state, record.startedAt, record.toolVersion, record.checklistId, record.checklistYear, record.checklistHash, json(record.config), json(record.stats), record.jobId ?? null],
      ),
    );
    return record;
  }

  async getScan(id: string): Promise<ScanRecord | undefined> {
    const row = await this.conn.get('SELECT * FROM scans WHERE id = ?', [id]);
    return row ? toScan(row) : undefined;
  }

  async listScans(filter: ScanFilter = {}): Promise<ScanRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.site) (where.push('site = ?'), params.push(filter.site));
    if (filter.host) (where.push('host = ?'), params.push(filter.host));
    if (filter.jobId) (where.push('job_id = ?'), params.push(filter.jobId));
    const cond = where.length ? 'WHERE ' + where.join(' AND ') : '';
    let sql = `SELECT * FROM scans ${cond} ORDER BY started_at DESC, id DESC LIMIT ?`;
    if (filter.perSite) {
      sql = `SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY site ORDER BY started_at DESC, id DESC) AS site_rank FROM scans ${cond})
        WHERE site_rank <= ? ORDER BY started_at DESC, id DESC LIMIT ?`;
      params.push(filter.perSite);
    }
    params.push(filter.limit ?? 1000);
    return (await this.conn.all(sql, params)).map(toScan);
  }

  async updateScan(id: string, patch: { state?: ScanState; finishedAt?: string; stats?: ScanStats; config?: Record<string, unknown> }): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (patch.state) (sets.push('state = ?'), params.push(patch.state));
    if (patch.finishedAt) (sets.push('finished_at = ?'), params.push(patch.finishedAt));
    if (patch.stats) (sets.push('stats = ?'), params.push(json(patch.stats)));
    if (patch.config) (sets.push('config = ?'), params.push(json(patch.config)));
    if (!sets.length) return;
    params.push(id);
    await this.write(() => this.conn.run(`UPDATE scans SET ${sets.join(', ')} WHERE id = ?`, params));
  }

  async reserveHostSlot(host: string, gapMs: number): Promise<number> {
    const now = Date.now();
    const gap = Math.max(0, Math.round(gapMs));
    const row = await this.write(() =>
      this.conn.get<{ next_at: number }>(
        `INSERT INTO host_gates (host, next_at) VALUES (?, ? + ?)
         ON CONFLICT (host) DO UPDATE SET next_at = max(next_at, excluded.next_at - ?) + ?
         RETURNING next_at`,
        [host, now, gap, gap, gap],
      ),
    );
    return Math.max(0, Number(row!.next_at) - gap - now);
  }

  async holdHost(host: string, ms: number): Promise<void> {
    const until = Date.now() + Math.max(0, Math.round(ms));
    await this.write(() =>
      this.conn.run(`INSERT INTO host_gates (host, next_at) VALUES (?, ?) ON CONFLICT (host) DO UPDATE SET next_at = max(next_at, excluded.next_at)`, [host, until]),
    );
  }

  async savePage(scanId: string, page: PageSnapshot, links: LinkRecord[]): Promise<void> {
    const html = await compressHtml([{ page, links }]);
    return this.transaction(() => this.writePages(scanId, [{ page, links }], html));
  }

  /** Pages with their links, inside the caller's transaction: pages and links in bulk statements. */
  private async writePages(scanId: string, items: CrawlBatch['pages'], html: Array<Buffer | null>): Promise<void> {
    if (!items.length) return;
    await this.conn.run('DELETE FROM page_links WHERE scan_id = ? AND from_url IN (SELECT value FROM json_each(?))', [scanId, json(items.map((i) => i.page.url))]);
    for (let i = 0; i < items.length; i += 200) {
      const chunk = items.slice(i, i + 200);
      const params = chunk.flatMap(({ page }, k) => [
        scanId, page.url, page.finalUrl, page.status, page.contentType ?? null, page.kind, page.title ?? null, page.text, page.textSource,
        html[i + k] ?? null, page.depth, page.referrer ?? null, json(page.redirectChain), page.fetchedAt, page.bytes, page.sha256 ?? null,
        page.needsJs ? 1 : 0, page.rendered ? 1 : 0, page.error ?? null, json(page.meta),
      ]);
      await this.conn.run(
        `INSERT OR REPLACE INTO pages (scan_id, url, final_url, status, content_type, kind, title, text, text_source, html, depth, referrer,
           redirect_chain, fetched_at, bytes, sha256, needs_js, rendered, error, meta)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        params,
      );
    }
    // Links are stored once per scan (rows.ts): new bodies are added, then each page's row of body ids.
    const groups = items.flatMap(({ links }) => pageLinkGroups(links));
    const distinct = [...new Set(groups.flatMap((g) => g.bodies))];
    const ids = new Map<string, number>();
    for (let i = 0; i < distinct.length; i += 2000) {
      const chunk = distinct.slice(i, i + 2000).map((body) => [bodyKey(body), body] as const);
      await this.conn.run('INSERT INTO link_bodies (scan_id, key, body) SELECT ?, value->>0, value->>1 FROM json_each(?) WHERE true ON CONFLICT (scan_id, key) DO NOTHING', [scanId, json(chunk)]);
      const byKey = new Map(chunk);
      for (const r of await this.conn.all<{ id: number; key: string }>('SELECT id, key FROM link_bodies WHERE scan_id = ? AND key IN (SELECT value FROM json_each(?))', [scanId, json(chunk.map(([k]) => k))])) {
        ids.set(byKey.get(r.key)!, Number(r.id));
      }
    }
    const rows = groups.map((g) => [g.fromUrl, encodeRefs(g.bodies.map((b) => ids.get(b)!), g.positions)]);
    for (let i = 0; i < rows.length; i += 2000) {
      await this.conn.run('INSERT INTO page_links (scan_id, from_url, refs) SELECT ?, value->>0, value->>1 FROM json_each(?) ORDER BY key', [scanId, json(rows.slice(i, i + 2000))]);
    }
  }

  async saveBatch(scanId: string, batch: CrawlBatch): Promise<void> {
    if (!batch.enqueue.length && !batch.pages.length && !batch.settle.length && !batch.reprioritize?.length) return;
    const html = await compressHtml(batch.pages);
    return this.transaction(async () => {
      if (batch.enqueue.length) {
        const rows = batch.enqueue.map((e) => [e.url, e.depth, e.referrer ?? null, e.priority, this.seq++, e.fetchUrl ?? null]);
        await this.conn.run(
          `INSERT OR IGNORE INTO frontier (scan_id, url, depth, referrer, priority, state, seq, fetch_url)
           SELECT ?, value->>0, value->>1, value->>2, value->>3, 'queued', value->>4, value->>5 FROM json_each(?) ORDER BY key`,
          [scanId, json(rows)],
        );
      }
      if (batch.reprioritize?.length) {
        await this.conn.run(
          `UPDATE frontier SET priority = r.p FROM (SELECT value->>0 AS u, MIN(value->>1) AS p FROM json_each(?) GROUP BY value->>0) r
           WHERE scan_id = ? AND url = r.u AND state = 'queued' AND priority > r.p`,
          [json(batch.reprioritize.map((r) => [r.url, r.priority])), scanId],
        );
      }
      await this.writePages(scanId, batch.pages, html);
      if (batch.settle.length) {
        const rows = batch.settle.map((s) => [s.url, s.state, s.depth ?? 0, s.priority ?? 0, this.seq++]);
        await this.conn.run(
          `INSERT INTO frontier (scan_id, url, depth, referrer, priority, state, seq)
           SELECT ?, value->>0, value->>2, NULL, value->>3, value->>1, value->>4 FROM json_each(?) WHERE true ORDER BY key
           ON CONFLICT (scan_id, url) DO UPDATE SET state = excluded.state`,
          [scanId, json(rows)],
        );
      }
    });
  }

  async listFrontier(scanId: string): Promise<FrontierRow[]> {
    const rows = await this.conn.all<Row>('SELECT url, fetch_url, depth, referrer, priority, state FROM frontier WHERE scan_id = ? ORDER BY priority, seq', [scanId]);
    return rows.map((r) => ({ ...frontierEntry(r), state: r.state as FrontierState }));
  }

  async listPageStubs(scanId: string): Promise<PageStub[]> {
    const rows = await this.conn.all<Row>('SELECT url, kind, status, error FROM pages WHERE scan_id = ? ORDER BY rowid', [scanId]);
    return rows.map((r) => ({ url: String(r.url), kind: r.kind as PageStub['kind'], status: Number(r.status), error: opt(r.error as string | null) }));
  }

  async listPages(scanId: string, query: PageQuery = {}): Promise<PageSnapshot[]> {
    const cols = pageColumns(query, 'NULL AS html');
    return (await this.conn.all(`SELECT ${cols} FROM pages WHERE scan_id = ? ORDER BY rowid`, [scanId])).map(toPage);
  }

  async getPage(scanId: string, url: string, query: PageQuery = {}): Promise<PageSnapshot | undefined> {
    const cols = pageColumns(query, 'NULL AS html');
    const row = await this.conn.get(`SELECT ${cols} FROM pages WHERE scan_id = ? AND url = ?`, [scanId, url]);
    return row ? toPage(row) : undefined;
  }

  async listLinks(scanId: string): Promise<LinkRecord[]> {
    const out: LinkRecord[] = [];
    for await (const batch of this.linkBatches(scanId)) out.push(...expandLinks(batch));
    return out;
  }

  async *pageBatches(scanId: string, query: PageQuery & { batchSize?: number } = {}): AsyncIterable<PageSnapshot[]> {
    const cols = pageColumns(query, 'NULL AS html');
    yield* this.keyset('pages', cols, scanId, query.batchSize ?? 200, toPage);
  }

  async *linkBatches(scanId: string, options: { batchSize?: number } = {}): AsyncIterable<LinkRefBatch> {
    // Links are read on a connection of their own (a file's WAL lets readers run side by side): a site's
    // index streams pages and links at once, and one connection would take their queries in turn.
    const reader = this.location === ':memory:' ? undefined : new Connection(await openDatabase(this.location, sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX));
    const conn = reader ?? this.conn;
    try {
      // A page row holds all of its links: batches of pages, about batchSize links each.
      const rows = this.keyset('page_links', 'from_url, refs', scanId, Math.max(1, Math.round((options.batchSize ?? 5000) / 50)), (r) => r, conn);
      yield* linkRefBatches(rows, async (ids) => {
        const out: Row[] = [];
        for (let i = 0; i < ids.length; i += 2000) out.push(...(await conn.all<Row>('SELECT id, body FROM link_bodies WHERE id IN (SELECT value FROM json_each(?))', [json(ids.slice(i, i + 2000))])));
        return out;
      });
    } finally {
      await reader?.close();
    }
  }

  /**
   * Keyset pagination on rowid: each batch is one short query, so no read holds the database open. The
   * batches walk the rowid range of the scan's rows (scan_id checked per row, `+` keeps the planner off
   * its index): a query by the scan_id index would visit and sort all of the scan's rows for every batch,
   * quadratic in the site's size (2 s for 20,000 pages, where the walk takes a fraction).
   */
  private async *keyset<T>(table: string, cols: string, scanId: string, size: number, map: (r: Row) => T, conn = this.conn): AsyncIterable<T[]> {
    const span = await conn.get<{ lo: number | null; hi: number | null }>(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM ${table} WHERE scan_id = ?`, [scanId]);
    if (span?.lo === null || span?.lo === undefined) return;
    const n = Math.max(1, size);
    const sql = `SELECT rowid AS key_, ${cols} FROM ${table} WHERE rowid > ? AND rowid <= ? AND +scan_id = ? ORDER BY rowid LIMIT ?`;
    yield* readAhead((after) => conn.all<Row>(sql, [after, span.hi, scanId, n]), span.lo - 1, n, map);
  }

  async getPages(scanId: string, urls: string[], query: PageQuery = {}): Promise<PageSnapshot[]> {
    if (!urls.length) return [];
    const cols = pageColumns(query, 'NULL AS html');
    return (await this.conn.all(`SELECT ${cols} FROM pages WHERE scan_id = ? AND url IN (SELECT value FROM json_each(?))`, [scanId, json(urls)])).map(toPage);
  }

  enqueue(scanId: string, entries: FrontierEntry[]): Promise<number> {
    if (!entries.length) return Promise.resolve(0);
    return this.transaction(async () => {
      const stmt = await this.conn.prepare(
        `INSERT OR IGNORE INTO frontier (scan_id, url, depth, referrer, priority, state, seq, fetch_url) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)`,
      );
      const before = await this.conn.get<{ n: number }>('SELECT total_changes() AS n');
      try {
        for (const e of entries) await runStmt(stmt, [scanId, e.url, e.depth, e.referrer ?? null, e.priority, this.seq++, e.fetchUrl ?? null]);
      } finally {
        await finalize(stmt);
      }
      const after = await this.conn.get<{ n: number }>('SELECT total_changes() AS n');
      return (after?.n ?? 0) - (before?.n ?? 0);
    });
  }

  claim(scanId: string, limit: number): Promise<FrontierEntry[]> {
    return this.transaction(async () => {
      const rows = await this.conn.all<Row>(
        `SELECT url, fetch_url, depth, referrer, priority FROM frontier WHERE scan_id = ? AND state = 'queued' ORDER BY priority, seq LIMIT ?`,
        [scanId, limit],
      );
      for (const r of rows) await this.conn.run(`UPDATE frontier SET state = 'in-flight' WHERE scan_id = ? AND url = ?`, [scanId, r.url]);
      return rows.map(frontierEntry);
    });
  }

  async settle(scanId: string, url: string, state: Exclude<FrontierState, 'queued' | 'in-flight'>): Promise<void> {
    await this.write(() => this.conn.run('UPDATE frontier SET state = ? WHERE scan_id = ? AND url = ?', [state, scanId, url]));
  }

  async requeueInFlight(scanId: string): Promise<number> {
    const r = await this.write(() => this.conn.run(`UPDATE frontier SET state = 'queued' WHERE scan_id = ? AND state = 'in-flight'`, [scanId]));
    return r.changes;
  }

  async frontierCounts(scanId: string): Promise<Record<FrontierState, number>> {
    const out: Record<FrontierState, number> = { queued: 0, 'in-flight': 0, done: 0, failed: 0, skipped: 0 };
    for (const r of await this.conn.all<{ state: FrontierState; n: number }>('SELECT state, COUNT(*) AS n FROM frontier WHERE scan_id = ? GROUP BY state', [scanId])) {
      out[r.state] = r.n;
    }
    return out;
  }

  saveResults(scanId: string, results: ItemResult[], summary: Record<string, unknown>): Promise<void> {
    return this.transaction(async () => {
      await this.conn.run('DELETE FROM item_results WHERE scan_id = ?', [scanId]);
      for (const r of results) {
        await this.conn.run('INSERT INTO item_results (scan_id, code, status, score, data) VALUES (?, ?, ?, ?, ?)', [scanId, r.code, r.status, r.score, json(r)]);
      }
      await this.conn.run('UPDATE scans SET summary = ? WHERE id = ?', [json(summary), scanId]);
    });
  }

  async getResults(scanId: string): Promise<{ items: ItemResult[]; summary: Record<string, unknown> } | undefined> {
    const scan = await this.conn.get<{ summary: string | null }>('SELECT summary FROM scans WHERE id = ?', [scanId]);
    if (!scan?.summary) return undefined;
    const rows = await this.conn.all<{ data: string }>('SELECT data FROM item_results WHERE scan_id = ? ORDER BY rowid', [scanId]);
    return { items: rows.map((r) => JSON.parse(r.data) as ItemResult), summary: JSON.parse(scan.summary) as Record<string, unknown> };
  }

  pruneScan(scanId: string, prunedAt: string): Promise<{ pages: number; links: number; frontier: number }> {
    return this.transaction(async () => {
      const counted = await this.conn.get<{ n: number | null }>('SELECT sum(json_array_length(refs)) AS n FROM page_links WHERE scan_id = ?', [scanId]);
      const links = Number(counted?.n ?? 0);
      await this.conn.run('DELETE FROM page_links WHERE scan_id = ?', [scanId]);
      await this.conn.run('DELETE FROM link_bodies WHERE scan_id = ?', [scanId]);
      const pages = (await this.conn.run('DELETE FROM pages WHERE scan_id = ?', [scanId])).changes;
      const frontier = (await this.conn.run('DELETE FROM frontier WHERE scan_id = ?', [scanId])).changes;
      await this.conn.run('UPDATE scans SET pruned_at = ? WHERE id = ?', [prunedAt, scanId]);
      return { pages, links, frontier };
    });
  }

  async addOverride(o: ItemOverride): Promise<ItemOverride> {
    const r = await this.write(() =>
      this.conn.run(
        `INSERT INTO overrides (site, year, code, status, url, note, reviewer, created_at, evidence_hash, scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [o.site, o.year, o.code, o.status, o.url ?? null, o.note ?? null, o.by, o.createdAt, o.evidenceHash ?? null, o.scanId ?? null],
      ),
    );
    return { ...o, id: r.lastID };
  }

  async listOverrides(site: string, year: number): Promise<ItemOverride[]> {
    const rows = await this.conn.all('SELECT * FROM overrides WHERE site = ? AND year = ? ORDER BY id', [site, year]);
    return rows.map(overrideFromRow);
  }

  async close(): Promise<void> {
    await this.writes;
    await this.conn.close();
  }
}

/**
 * SQLite write failures a user can act on become one clear StoreError: the file is locked by another
 * process (after the busy timeout), the disk is full, or the file or its folder is read-only.
 */
export function writeError(e: unknown, file: string): unknown {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  const msg = err.message ?? String(e);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /database is locked/i.test(msg)) {
    return new StoreError(
      `ฐานข้อมูล ${file} ถูกโปรแกรมอื่นล็อกไว้ — รอให้โปรแกรมนั้นทำงานเสร็จแล้วลองใหม่`,
      `database ${file} is locked by another process (waited for the busy timeout); try again when it has finished`,
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full|ENOSPC/i.test(msg)) {
    return new StoreError(`พื้นที่ดิสก์เต็ม เขียนฐานข้อมูล ${file} ไม่ได้`, `disk full: cannot write database ${file}; free some space and resume the scan with --resume`);
  }
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES') {
    return new StoreError(`ฐานข้อมูล ${file} เป็นแบบอ่านอย่างเดียว`, `database ${file} is read-only; check the file's and folder's permissions`);
  }
  return e;
}


/** A frontier row as an entry (fetch_url only when the site wrote the URL differently). */
function frontierEntry(r: Row): FrontierEntry {
  const fetchUrl = opt(r.fetch_url as string | null);
  return { url: String(r.url), ...(fetchUrl ? { fetchUrl } : {}), depth: Number(r.depth), referrer: opt(r.referrer as string | null), priority: Number(r.priority) };
}
