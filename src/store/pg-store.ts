import pg from 'pg';
import { StoreError } from '../errors.js';
import { pgMigrations } from './migrations.js';
import { createHash } from 'node:crypto';
import { compressHtml, encodeRefs, PAGE_COLUMNS, pageColumns, expandLinks, json, linkRefBatches, opt, overrideFromRow, pageLinkGroups, readAhead, toPage, toScan, type Row } from './rows.js';
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

export interface PgOptions {
  /** Connections per store (default 4: one writer, a few readers). */
  poolSize?: number;
  /** Milliseconds to wait for a connection (default 10000). */
  connectTimeoutMs?: number;
}

/** Key of the advisory lock held while migrating, so workers that start together migrate once. */
const MIGRATION_LOCK = 0x6f69_7401; // "oit" 01

/** PostgreSQL accepts at most 65535 parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/**
 * Opens (migrating as needed) a PostgreSQL scan store at a `postgres://user:pass@host:port/db` URL.
 * Many processes on many machines may share one database: each scan is written by the process that
 * runs it, migrations take an advisory lock, and frontier claims skip rows another claimer holds.
 */
export async function openPgStore(url: string, options: PgOptions = {}): Promise<ScanStore> {
  const location = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: Math.max(1, options.poolSize ?? 4),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: 'oit',
  });
  // An idle connection dropped by the server (restart, network) must not crash the process; the next
  // query gets a fresh connection or a clear error.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof StoreError) throw e;
    throw connectError(e, location);
  }
  return new PgStore(pool, location);
}

async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = Math.max(...pgMigrations.map((m) => m.version));
    if (newest > known) {
      throw new StoreError(
        `ฐานข้อมูลนี้สร้างโดย oit รุ่นที่ใหม่กว่า (schema ${newest}) — โปรดอัปเดต oit`,
        `this database was written by a newer oit (schema ${newest} > ${known}); upgrade oit`,
      );
    }
    for (const m of pgMigrations) {
      if (done.has(m.version)) continue;
      for (const sql of m.sql) await c.query(sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** PostgreSQL text cannot hold NUL characters (SQLite can); they carry no meaning in page text. */
const clean = (v: unknown) => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '') : v);

type Queryable = pg.Pool | pg.PoolClient;

/** Multi-row INSERT … VALUES in chunks under the parameter limit; returns the rows affected. */
async function insertRows(db: Queryable, head: string, rows: unknown[][], tail = ''): Promise<number> {
  const width = rows[0]?.length ?? 0;
  if (!width) return 0;
  const per = Math.max(1, Math.floor(MAX_PARAMS / width));
  let affected = 0;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map((_, r) => `(${Array.from({ length: width }, (_, k) => `$${r * width + k + 1}`).join(', ')})`).join(', ');
    const res = await db.query(`${head} VALUES ${values} ${tail}`, chunk.flat().map(clean));
    affected += res.rowCount ?? 0;
  }
  return affected;
}

/** Keeps the last entry per key, in the order of those last entries (INSERT OR REPLACE semantics). */
function lastByKey<T>(items: T[], key: (t: T) => string): T[] {
  const last = new Map<string, number>();
  items.forEach((t, i) => last.set(key(t), i));
  return items.filter((t, i) => last.get(key(t)) === i);
}

const PAGE_UPSERT = `ON CONFLICT (scan_id, url) DO UPDATE SET ${[...PAGE_COLUMNS.slice(2), 'seq'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

class PgStore implements ScanStore {
  /** Writes of one store run one at a time, like SQLite's, so a crawl's batches apply in order. */
  private writes: Promise<unknown> = Promise.resolve();
  private seq = Date.now();

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  private write<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writes.then(fn, fn).catch((e: unknown) => {
      throw pgWriteError(e, this.location);
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  private transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.write(async () => {
      const c = await this.pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    });
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.pool.query(sql, params)).rows as Row[];
    } catch (e) {
      throw pgWriteError(e, this.location);
    }
  }

  async createScan(scan: NewScan): Promise<ScanRecord> {
    const record: ScanRecord = { ...scan, state: 'running', stats: scan.stats ?? { pagesFetched: 0, documentsFetched: 0, errors: 0 } };
    await this.write(() =>
      this.pool.query(
        `INSERT INTO scans (id, site, host, state, started_at, tool_version, checklist_id, checklist_year, checklist_hash, config, stats, job_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [record.id, record.site, record.host, record.state, record.startedAt, record.toolVersion, record.checklistId, record.checklistYear, record.checklistHash, json(record.config), json(record.stats), record.jobId ?? null].map(clean),
      ),
    );
    return record;
  }

  async getScan(id: string): Promise<ScanRecord | undefined> {
    const [row] = await this.rows('SELECT * FROM scans WHERE id = $1', [id]);
    return row ? toScan(row) : undefined;
  }

  async listScans(filter: ScanFilter = {}): Promise<ScanRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.site) (params.push(filter.site), where.push(`site = $${params.length}`));
    if (filter.host) (params.push(filter.host), where.push(`host = $${params.length}`));
    if (filter.jobId) (params.push(filter.jobId), where.push(`job_id = $${params.length}`));
    const cond = where.length ? 'WHERE ' + where.join(' AND ') : '';
    // Byte order like SQLite's, whatever the database's collation.
    const order = 'ORDER BY started_at COLLATE "C" DESC, id COLLATE "C" DESC';
    let from = `scans ${cond}`;
    if (filter.perSite) {
      params.push(filter.perSite);
      from = `(SELECT *, row_number() OVER (PARTITION BY site ${order}) AS site_rank FROM scans ${cond}) ranked WHERE site_rank <= $${params.length}`;
    }
    params.push(filter.limit ?? 1000);
    const sql = `SELECT * FROM ${from} ${order} LIMIT $${params.length}`;
    return (await this.rows(sql, params)).map(toScan);
  }

  async reserveHostSlot(host: string, gapMs: number): Promise<number> {
    // One row per host, updated under its row lock: concurrent reservations from any machine queue up
    // behind each other and each gets its own slot, measured on the database's clock.
    const [row] = await this.rows(
      `INSERT INTO host_gates (host, next_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (host) DO UPDATE SET next_at = greatest(host_gates.next_at, clock_timestamp()) + make_interval(secs => $2::float8 / 1000)
       RETURNING greatest(0, extract(epoch FROM (next_at - clock_timestamp())) * 1000 - $2::float8) AS wait_ms`,
      [host, Math.max(0, Math.round(gapMs))],
    );
    return Math.round(Number(row!.wait_ms));
  }

  async holdHost(host: string, ms: number): Promise<void> {
    await this.rows(
      `INSERT INTO host_gates (host, next_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (host) DO UPDATE SET next_at = greatest(host_gates.next_at, excluded.next_at)`,
      [host, Math.max(0, Math.round(ms))],
    );
  }

  async updateScan(id: string, patch: { state?: ScanState; finishedAt?: string; stats?: ScanStats; config?: Record<string, unknown> }): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (col: string, v: unknown) => (params.push(v), sets.push(`${col} = $${params.length}`));
    if (patch.state) set('state', patch.state);
    if (patch.finishedAt) set('finished_at', patch.finishedAt);
    if (patch.stats) set('stats', json(patch.stats));
    if (patch.config) set('config', json(patch.config));
    if (!sets.length) return;
    params.push(id);
    await this.write(() => this.pool.query(`UPDATE scans SET ${sets.join(', ')} WHERE id = $${params.length}`, params.map(clean)));
  }

  async savePage(scanId: string, page: PageSnapshot, links: LinkRecord[]): Promise<void> {
    const html = await compressHtml([{ page, links }]);
    return this.transaction((c) => writePages(c, scanId, [{ page, links }], html));
  }

  async saveBatch(scanId: string, batch: CrawlBatch): Promise<void> {
    if (!batch.enqueue.length && !batch.pages.length && !batch.settle.length && !batch.reprioritize?.length) return;
    const html = await compressHtml(batch.pages);
    return this.transaction(async (c) => {
      if (batch.enqueue.length) {
        await insertRows(
          c,
          'INSERT INTO frontier (scan_id, url, depth, referrer, priority, state, seq, fetch_url)',
          batch.enqueue.map((e) => [scanId, e.url, e.depth, e.referrer ?? null, e.priority, 'queued', this.seq++, e.fetchUrl ?? null]),
          'ON CONFLICT (scan_id, url) DO NOTHING',
        );
      }
      if (batch.reprioritize?.length) {
        await c.query(
          `UPDATE frontier f SET priority = r.p FROM (SELECT u, MIN(p) AS p FROM unnest($2::text[], $3::int[]) AS t(u, p) GROUP BY u) r
           WHERE f.scan_id = $1 AND f.url = r.u AND f.state = 'queued' AND f.priority > r.p`,
          [scanId, batch.reprioritize.map((r) => clean(r.url)), batch.reprioritize.map((r) => r.priority)],
        );
      }
      await writePages(c, scanId, batch.pages, html);
      if (batch.settle.length) {
        const rows = batch.settle.map((s) => [scanId, s.url, s.depth ?? 0, null, s.priority ?? 0, s.state, this.seq++]);
        await insertRows(
          c,
          'INSERT INTO frontier (scan_id, url, depth, referrer, priority, state, seq)',
          lastByKey(rows, (r) => String(r[1])),
          'ON CONFLICT (scan_id, url) DO UPDATE SET state = EXCLUDED.state',
        );
      }
    });
  }

  async listFrontier(scanId: string): Promise<FrontierRow[]> {
    const rows = await this.rows('SELECT url, fetch_url, depth, referrer, priority, state FROM frontier WHERE scan_id = $1 ORDER BY priority, seq', [scanId]);
    return rows.map((r) => ({ ...frontierEntry(r), state: r.state as FrontierState }));
  }

  async listPageStubs(scanId: string): Promise<PageStub[]> {
    const rows = await this.rows('SELECT url, kind, status, error FROM pages WHERE scan_id = $1 ORDER BY seq', [scanId]);
    return rows.map((r) => ({ url: String(r.url), kind: r.kind as PageStub['kind'], status: Number(r.status), error: opt(r.error as string | null) }));
  }

  async listPages(scanId: string, query: PageQuery = {}): Promise<PageSnapshot[]> {
    const cols = pageColumns(query, 'NULL::bytea AS html');
    return (await this.rows(`SELECT ${cols} FROM pages WHERE scan_id = $1 ORDER BY seq`, [scanId])).map(toPage);
  }

  async getPage(scanId: string, url: string, query: PageQuery = {}): Promise<PageSnapshot | undefined> {
    const cols = pageColumns(query, 'NULL::bytea AS html');
    const [row] = await this.rows(`SELECT ${cols} FROM pages WHERE scan_id = $1 AND url = $2`, [scanId, clean(url)]);
    return row ? toPage(row) : undefined;
  }

  async listLinks(scanId: string): Promise<LinkRecord[]> {
    const out: LinkRecord[] = [];
    for await (const batch of this.linkBatches(scanId)) out.push(...expandLinks(batch));
    return out;
  }

  async *pageBatches(scanId: string, query: PageQuery & { batchSize?: number } = {}): AsyncIterable<PageSnapshot[]> {
    const cols = pageColumns(query, 'NULL::bytea AS html');
    yield* this.keyset('pages', 'seq', cols, scanId, query.batchSize ?? 200, toPage);
  }

  linkBatches(scanId: string, options: { batchSize?: number } = {}): AsyncIterable<LinkRefBatch> {
    // A page row holds all of its links: batches of pages, about batchSize links each.
    const rows = this.keyset('page_links', 'id', 'from_url, refs', scanId, Math.max(1, Math.round((options.batchSize ?? 5000) / 50)), (r) => r);
    return linkRefBatches(rows, (ids) => this.rows('SELECT id, body FROM link_bodies WHERE id = ANY($1::bigint[])', [ids]));
  }

  /** Keyset pagination on the insertion order: each batch is one short query on its own pooled connection. */
  private keyset<T>(table: string, key: string, cols: string, scanId: string, size: number, map: (r: Row) => T): AsyncIterable<T[]> {
    const n = Math.max(1, size);
    return readAhead((after) => this.rows(`SELECT ${key} AS key_, ${cols} FROM ${table} WHERE scan_id = $1 AND ${key} > $2 ORDER BY ${key} LIMIT $3`, [scanId, String(after), n]), '-1', n, map);
  }

  async getPages(scanId: string, urls: string[], query: PageQuery = {}): Promise<PageSnapshot[]> {
    if (!urls.length) return [];
    const cols = pageColumns(query, 'NULL::bytea AS html');
    return (await this.rows(`SELECT ${cols} FROM pages WHERE scan_id = $1 AND url = ANY($2::text[])`, [scanId, urls.map(clean)])).map(toPage);
  }

  enqueue(scanId: string, entries: FrontierEntry[]): Promise<number> {
    if (!entries.length) return Promise.resolve(0);
    return this.transaction((c) =>
      insertRows(
        c,
        'INSERT INTO frontier (scan_id, url, depth, referrer, priority, state, seq, fetch_url)',
        entries.map((e) => [scanId, e.url, e.depth, e.referrer ?? null, e.priority, 'queued', this.seq++, e.fetchUrl ?? null]),
        'ON CONFLICT (scan_id, url) DO NOTHING',
      ),
    );
  }

  claim(scanId: string, limit: number): Promise<FrontierEntry[]> {
    return this.transaction(async (c) => {
      // SKIP LOCKED: two claimers of one scan never get the same row, and neither waits for the other.
      const res = await c.query(
        `UPDATE frontier f SET state = 'in-flight'
         FROM (SELECT url FROM frontier WHERE scan_id = $1 AND state = 'queued' ORDER BY priority, seq LIMIT $2 FOR UPDATE SKIP LOCKED) q
         WHERE f.scan_id = $1 AND f.url = q.url
         RETURNING f.url, f.fetch_url, f.depth, f.referrer, f.priority, f.seq`,
        [scanId, Math.max(0, Math.floor(limit))],
      );
      return (res.rows as Row[])
        .map((r) => ({ ...frontierEntry(r), seq: Number(r.seq) }))
        .sort((a, b) => a.priority - b.priority || a.seq - b.seq)
        .map(({ seq: _seq, ...e }) => e);
    });
  }

  async settle(scanId: string, url: string, state: Exclude<FrontierState, 'queued' | 'in-flight'>): Promise<void> {
    await this.write(() => this.pool.query('UPDATE frontier SET state = $1 WHERE scan_id = $2 AND url = $3', [state, scanId, clean(url)]));
  }

  async requeueInFlight(scanId: string): Promise<number> {
    const r = await this.write(() => this.pool.query(`UPDATE frontier SET state = 'queued' WHERE scan_id = $1 AND state = 'in-flight'`, [scanId]));
    return r.rowCount ?? 0;
  }

  async frontierCounts(scanId: string): Promise<Record<FrontierState, number>> {
    const out: Record<FrontierState, number> = { queued: 0, 'in-flight': 0, done: 0, failed: 0, skipped: 0 };
    for (const r of await this.rows('SELECT state, COUNT(*) AS n FROM frontier WHERE scan_id = $1 GROUP BY state', [scanId])) {
      out[r.state as FrontierState] = Number(r.n);
    }
    return out;
  }

  saveResults(scanId: string, results: ItemResult[], summary: Record<string, unknown>): Promise<void> {
    return this.transaction(async (c) => {
      await c.query('DELETE FROM item_results WHERE scan_id = $1', [scanId]);
      await insertRows(
        c,
        'INSERT INTO item_results (scan_id, code, status, score, data)',
        lastByKey(results, (r) => r.code).map((r) => [scanId, r.code, r.status, r.score, json(r)]),
      );
      await c.query('UPDATE scans SET summary = $1 WHERE id = $2', [json(summary), scanId]);
    });
  }

  async getResults(scanId: string): Promise<{ items: ItemResult[]; summary: Record<string, unknown> } | undefined> {
    const [scan] = await this.rows('SELECT summary FROM scans WHERE id = $1', [scanId]);
    if (!scan?.summary) return undefined;
    const rows = await this.rows('SELECT data FROM item_results WHERE scan_id = $1 ORDER BY id', [scanId]);
    return { items: rows.map((r) => JSON.parse(String(r.data)) as ItemResult), summary: JSON.parse(String(scan.summary)) as Record<string, unknown> };
  }

  pruneScan(scanId: string, prunedAt: string): Promise<{ pages: number; links: number; frontier: number }> {
    return this.transaction(async (c) => {
      const [counted] = (await c.query('SELECT sum(json_array_length(refs::json)) AS n FROM page_links WHERE scan_id = $1', [scanId])).rows as Row[];
      const links = Number(counted?.n ?? 0);
      await c.query('DELETE FROM page_links WHERE scan_id = $1', [scanId]);
      await c.query('DELETE FROM link_bodies WHERE scan_id = $1', [scanId]);
      const pages = (await c.query('DELETE FROM pages WHERE scan_id = $1', [scanId])).rowCount ?? 0;
      const frontier = (await c.query('DELETE FROM frontier WHERE scan_id = $1', [scanId])).rowCount ?? 0;
      await c.query('UPDATE scans SET pruned_at = $1 WHERE id = $2', [prunedAt, scanId]);
      return { pages, links, frontier };
    });
  }

  async addOverride(o: ItemOverride): Promise<ItemOverride> {
    const r = await this.write(() =>
      this.pool.query(
        `INSERT INTO overrides (site, year, code, status, url, note, reviewer, created_at, evidence_hash, scan_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [o.site, o.year, o.code, o.status, o.url ?? null, o.note ?? null, o.by, o.createdAt, o.evidenceHash ?? null, o.scanId ?? null].map(clean),
      ),
    );
    return { ...o, id: Number((r.rows[0] as Row | undefined)?.id) };
  }

  async listOverrides(site: string, year: number): Promise<ItemOverride[]> {
    return (await this.rows('SELECT * FROM overrides WHERE site = $1 AND year = $2 ORDER BY id', [site, year])).map(overrideFromRow);
  }

  async close(): Promise<void> {
    await this.writes;
    await this.pool.end();
  }
}

/** Pages with their links, inside the caller's transaction (replaces earlier snapshots of the same URLs). */
async function writePages(c: pg.PoolClient, scanId: string, items: CrawlBatch['pages'], html: Array<Buffer | null>): Promise<void> {
  if (!items.length) return;
  const indexed = lastByKey(
    items.map((item, i) => ({ ...item, html: html[i] ?? null })),
    (i) => i.page.url,
  );
  await c.query('DELETE FROM page_links WHERE scan_id = $1 AND from_url = ANY($2::text[])', [scanId, indexed.map((i) => clean(i.page.url))]);
  await insertRows(
    c,
    `INSERT INTO pages (${PAGE_COLUMNS.join(', ')})`,
    indexed.map(({ page, html: gz }) => [
      scanId, page.url, page.finalUrl, page.status, page.contentType ?? null, page.kind, page.title ?? null, page.text, page.textSource,
      gz, page.depth, page.referrer ?? null, json(page.redirectChain), page.fetchedAt, page.bytes, page.sha256 ?? null,
      page.needsJs, page.rendered, page.error ?? null, json(page.meta),
    ]),
    PAGE_UPSERT,
  );
  // Links of a URL saved twice in one batch: only the last snapshot's, as with separate saves. Links are
  // stored once per scan (rows.ts): new bodies are added, then each page's row of body ids.
  const groups = indexed.flatMap(({ links }) => pageLinkGroups(links));
  // PostgreSQL text cannot hold NUL: drop it from bodies as clean() drops it from every other value.
  for (const g of groups) g.bodies = g.bodies.map((b) => b.replaceAll('\\u0000', ''));
  const distinct = [...new Set(groups.flatMap((g) => g.bodies))];
  const ids = new Map<string, number>();
  for (let i = 0; i < distinct.length; i += 2000) {
    const bodies = distinct.slice(i, i + 2000);
    const keys = bodies.map(bodyKey);
    await c.query('INSERT INTO link_bodies (scan_id, key, body) SELECT $1, k, b FROM unnest($2::bytea[], $3::text[]) AS t(k, b) ON CONFLICT (scan_id, key) DO NOTHING', [scanId, keys, bodies]);
    for (const r of (await c.query('SELECT id, body FROM link_bodies WHERE scan_id = $1 AND key = ANY($2::bytea[])', [scanId, keys])).rows as Row[]) ids.set(String(r.body), Number(r.id));
  }
  await insertRows(
    c,
    'INSERT INTO page_links (scan_id, from_url, refs)',
    groups.map((g) => [scanId, g.fromUrl, encodeRefs(g.bodies.map((b) => ids.get(b)!), g.positions)]),
  );
}

/** The unique key of a link body: its SHA-256 (a B-tree entry cannot hold a long body). */
const bodyKey = (body: string) => createHash('sha256').update(body, 'utf8').digest();

/** Connection failures a user can act on: server down, wrong password, no such database. */
function connectError(e: unknown, location: string): StoreError {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  if (err.code === '28P01' || err.code === '28000') {
    return new StoreError(`เข้าสู่ฐานข้อมูล PostgreSQL ${location} ไม่ได้ — ตรวจสอบชื่อผู้ใช้และรหัสผ่าน`, `PostgreSQL at ${location} refused the login: ${msg}`);
  }
  if (err.code === '3D000') {
    return new StoreError(`ไม่มีฐานข้อมูลนี้ใน PostgreSQL: ${location} — สร้างด้วย createdb ก่อน`, `database does not exist: ${location}; create it first (createdb)`);
  }
  return new StoreError(
    `เชื่อมต่อฐานข้อมูล PostgreSQL ${location} ไม่ได้ — ตรวจสอบว่าเซิร์ฟเวอร์ทำงานอยู่และ URL ถูกต้อง`,
    `cannot use PostgreSQL at ${location}: ${msg}`,
  );
}

/** Write failures a user can act on become a StoreError; anything else is passed on unchanged. */
function pgWriteError(e: unknown, location: string): unknown {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  if (code === '53100' || code === 'ENOSPC') {
    return new StoreError(`พื้นที่ดิสก์ของเซิร์ฟเวอร์ฐานข้อมูลเต็ม เขียน ${location} ไม่ได้`, `disk full on the database server: cannot write ${location}; free some space and resume the scan with --resume`);
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === '57P01' || code === '57P03' || /Connection terminated|timeout exceeded when trying to connect/i.test(err.message ?? '')) {
    return connectError(e, location);
  }
  return e;
}

/** A frontier row as an entry (fetch_url only when the site wrote the URL differently). */
function frontierEntry(r: Row): FrontierEntry {
  const fetchUrl = opt(r.fetch_url as string | null);
  return { url: String(r.url), ...(fetchUrl ? { fetchUrl } : {}), depth: Number(r.depth), referrer: opt(r.referrer as string | null), priority: Number(r.priority) };
}
