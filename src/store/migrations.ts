/**
 * Schema history, oldest first. Each entry runs once, inside a transaction, and is recorded in
 * schema_migrations. Never edit an applied migration: append a new one, to BOTH lists — `migrations`
 * (SQLite) and `pgMigrations` (PostgreSQL) below — with the same version and name.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string[];
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'scans, snapshots, links, frontier, results, overrides',
    sql: [
      `CREATE TABLE scans (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        host TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        tool_version TEXT NOT NULL,
        checklist_id TEXT NOT NULL,
        checklist_year INTEGER NOT NULL,
        checklist_hash TEXT NOT NULL,
        config TEXT NOT NULL,
        stats TEXT NOT NULL,
        summary TEXT
      )`,
      `CREATE INDEX scans_by_host ON scans (host, started_at)`,
      `CREATE TABLE pages (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        kind TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        text_source TEXT NOT NULL,
        html BLOB,
        depth INTEGER NOT NULL,
        referrer TEXT,
        redirect_chain TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        sha256 TEXT,
        needs_js INTEGER NOT NULL,
        rendered INTEGER NOT NULL,
        error TEXT,
        meta TEXT NOT NULL,
        PRIMARY KEY (scan_id, url)
      )`,
      `CREATE TABLE links (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        from_url TEXT NOT NULL,
        to_url TEXT NOT NULL,
        text TEXT NOT NULL,
        label TEXT,
        row_text TEXT,
        list_item_text TEXT,
        heading TEXT,
        menu_path TEXT,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        region TEXT,
        external INTEGER NOT NULL
      )`,
      `CREATE INDEX links_from ON links (scan_id, from_url)`,
      `CREATE TABLE frontier (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        depth INTEGER NOT NULL,
        referrer TEXT,
        priority INTEGER NOT NULL,
        state TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (scan_id, url)
      )`,
      `CREATE INDEX frontier_next ON frontier (scan_id, state, priority, seq)`,
      `CREATE TABLE item_results (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        status TEXT NOT NULL,
        score INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (scan_id, code)
      )`,
      `CREATE TABLE overrides (
        id INTEGER PRIMARY KEY,
        site TEXT NOT NULL,
        year INTEGER NOT NULL,
        code TEXT NOT NULL,
        status TEXT NOT NULL,
        url TEXT,
        note TEXT,
        reviewer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        evidence_hash TEXT,
        scan_id TEXT
      )`,
      `CREATE INDEX overrides_by_site ON overrides (site, year, code)`,
    ],
  },
  {
    version: 2,
    name: 'scans.pruned_at: retention keeps scores and items, drops snapshots',
    sql: [`ALTER TABLE scans ADD COLUMN pruned_at TEXT`, `CREATE INDEX scans_by_site ON scans (site, started_at)`],
  },  {
    version: 3,
    name: 'scans.job_id and host_gates: queue retries resume their scan; politeness per host across processes',
    sql: [
      `ALTER TABLE scans ADD COLUMN job_id TEXT`,
      `CREATE INDEX scans_by_job ON scans (job_id)`,
      // next_at: epoch milliseconds of the earliest next request start (one machine shares a SQLite file, so one clock).
      `CREATE TABLE host_gates (host TEXT PRIMARY KEY, next_at INTEGER NOT NULL)`,
    ],
  },
  {
    version: 4,
    name: 'frontier.fetch_url: URLs fetched and reported as the site wrote them',
    sql: [`ALTER TABLE frontier ADD COLUMN fetch_url TEXT`],
  },
];

/**
 * The same schema history in PostgreSQL's dialect (same versions and names, applied by pg-store.ts in
 * one transaction under an advisory lock so workers starting together migrate once). Differences:
 * BYTEA for gzipped HTML, BOOLEAN flags, BIGINT sequence numbers, and an explicit `seq`/`id` column
 * where SQLite's rowid gives the insertion order (pages, links, item results). JSON stays TEXT so a
 * stored result reads back byte for byte as it was written.
 */
export const pgMigrations: Migration[] = [
  {
    version: 1,
    name: 'scans, snapshots, links, frontier, results, overrides',
    sql: [
      `CREATE TABLE scans (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        host TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        tool_version TEXT NOT NULL,
        checklist_id TEXT NOT NULL,
        checklist_year INTEGER NOT NULL,
        checklist_hash TEXT NOT NULL,
        config TEXT NOT NULL,
        stats TEXT NOT NULL,
        summary TEXT
      )`,
      `CREATE INDEX scans_by_host ON scans (host, started_at)`,
      `CREATE TABLE pages (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        kind TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        text_source TEXT NOT NULL,
        html BYTEA,
        depth INTEGER NOT NULL,
        referrer TEXT,
        redirect_chain TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        bytes BIGINT NOT NULL,
        sha256 TEXT,
        needs_js BOOLEAN NOT NULL,
        rendered BOOLEAN NOT NULL,
        error TEXT,
        meta TEXT NOT NULL,
        seq BIGINT GENERATED BY DEFAULT AS IDENTITY,
        PRIMARY KEY (scan_id, url)
      )`,
      `CREATE INDEX pages_order ON pages (scan_id, seq)`,
      `CREATE TABLE links (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        from_url TEXT NOT NULL,
        to_url TEXT NOT NULL,
        text TEXT NOT NULL,
        label TEXT,
        row_text TEXT,
        list_item_text TEXT,
        heading TEXT,
        menu_path TEXT,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        region TEXT,
        external BOOLEAN NOT NULL
      )`,
      `CREATE INDEX links_from ON links (scan_id, from_url)`,
      `CREATE TABLE frontier (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        depth INTEGER NOT NULL,
        referrer TEXT,
        priority INTEGER NOT NULL,
        state TEXT NOT NULL,
        seq BIGINT NOT NULL,
        PRIMARY KEY (scan_id, url)
      )`,
      `CREATE INDEX frontier_next ON frontier (scan_id, state, priority, seq)`,
      `CREATE TABLE item_results (
        id BIGINT GENERATED ALWAYS AS IDENTITY,
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        status TEXT NOT NULL,
        score INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (scan_id, code)
      )`,
      `CREATE TABLE overrides (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        site TEXT NOT NULL,
        year INTEGER NOT NULL,
        code TEXT NOT NULL,
        status TEXT NOT NULL,
        url TEXT,
        note TEXT,
        reviewer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        evidence_hash TEXT,
        scan_id TEXT
      )`,
      `CREATE INDEX overrides_by_site ON overrides (site, year, code)`,
    ],
  },
  {
    version: 2,
    name: 'scans.pruned_at: retention keeps scores and items, drops snapshots',
    sql: [`ALTER TABLE scans ADD COLUMN pruned_at TEXT`, `CREATE INDEX scans_by_site ON scans (site, started_at)`],
  },  {
    version: 3,
    name: 'scans.job_id and host_gates: queue retries resume their scan; politeness per host across processes',
    sql: [
      `ALTER TABLE scans ADD COLUMN job_id TEXT`,
      `CREATE INDEX scans_by_job ON scans (job_id)`,
      // The database's clock, not the workers': machines sharing a host's slots may disagree about the time.
      `CREATE TABLE host_gates (host TEXT PRIMARY KEY, next_at TIMESTAMPTZ NOT NULL)`,
    ],
  },
  {
    version: 4,
    name: 'frontier.fetch_url: URLs fetched and reported as the site wrote them',
    sql: [`ALTER TABLE frontier ADD COLUMN fetch_url TEXT`],
  },
];
