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
    name: 'links stored once: link_bodies (a link without its page and position, once per scan) and page_links (body ids per page)',
    sql: [
      // body: JSON [toUrl, text, label, rowText, listItemText, heading, menuPath, tag, region, external] (rows.ts linkBody);
      // key: base64 SHA-256 of the body, the unique key (an index of whole bodies would store every body twice).
      // Bodies converted below have no key: they are read as any other, and a resumed old scan adds new ones.
      `CREATE TABLE link_bodies (
        id INTEGER PRIMARY KEY,
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        key TEXT,
        body TEXT NOT NULL
      )`,
      `CREATE UNIQUE INDEX link_bodies_key ON link_bodies (scan_id, key)`,
      // refs: JSON [id, …] in position order 0, 1, 2, …, or [[id, position], …] (rows.ts encodeRefs).
      `CREATE TABLE page_links (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        from_url TEXT NOT NULL,
        refs TEXT NOT NULL
      )`,
      `CREATE INDEX page_links_from ON page_links (scan_id, from_url)`,
      `CREATE TEMP TABLE old_links AS
       SELECT rowid AS r, scan_id, from_url, position,
         json_array(to_url, text, label, row_text, list_item_text, heading, CASE WHEN menu_path IS NULL THEN NULL ELSE json(menu_path) END, tag, region, external) AS body
       FROM links`,
      `INSERT INTO link_bodies (scan_id, body) SELECT scan_id, body FROM old_links GROUP BY scan_id, body ORDER BY min(r)`,
      `CREATE INDEX temp.old_links_body ON old_links (scan_id, body)`,
      `CREATE TEMP TABLE body_ids AS SELECT id, scan_id, body FROM link_bodies`,
      `CREATE INDEX temp.body_ids_body ON body_ids (scan_id, body)`,
      `INSERT INTO page_links (scan_id, from_url, refs)
       SELECT scan_id, from_url, json_group_array(json_array(body_id, position)) FROM (
         SELECT o.r, o.scan_id, o.from_url, o.position, b.id AS body_id FROM old_links o JOIN body_ids b ON b.scan_id = o.scan_id AND b.body = o.body ORDER BY o.r
       ) GROUP BY scan_id, from_url ORDER BY min(r)`,
      `DROP TABLE temp.old_links`,
      `DROP TABLE temp.body_ids`,
      `DROP TABLE links`,
    ],
  },
  {
    version: 5,
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
    name: 'links stored once: link_bodies (a link without its page and position, once per scan) and page_links (body ids per page)',
    sql: [
      // key = sha256 of the body's UTF-8 (a B-tree entry cannot hold a long body); rows.ts writes the same.
      `CREATE TABLE link_bodies (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        key BYTEA NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (scan_id, key)
      )`,
      `CREATE TABLE page_links (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        from_url TEXT NOT NULL,
        refs TEXT NOT NULL
      )`,
      `CREATE INDEX page_links_from ON page_links (scan_id, from_url)`,
      `CREATE TEMP TABLE old_links ON COMMIT DROP AS
       SELECT id, scan_id, from_url, position, json_build_array(to_url, text, label, row_text, list_item_text, heading,
         CASE WHEN menu_path IS NULL THEN NULL ELSE menu_path::json END, tag, region, CASE WHEN external THEN 1 ELSE 0 END)::text AS body
       FROM links`,
      `INSERT INTO link_bodies (scan_id, key, body)
       SELECT scan_id, sha256(convert_to(body, 'UTF8')), body FROM (SELECT DISTINCT ON (scan_id, body) scan_id, body, id FROM old_links ORDER BY scan_id, body, id) d
       ORDER BY id ON CONFLICT DO NOTHING`,
      `INSERT INTO page_links (scan_id, from_url, refs)
       SELECT o.scan_id, o.from_url, json_agg(json_build_array(b.id, o.position) ORDER BY o.id)::text
       FROM old_links o JOIN link_bodies b ON b.scan_id = o.scan_id AND b.key = sha256(convert_to(o.body, 'UTF8'))
       GROUP BY o.scan_id, o.from_url ORDER BY min(o.id)`,
      `DROP TABLE links`,
    ],
  },
  {
    version: 5,
    name: 'frontier.fetch_url: URLs fetched and reported as the site wrote them',
    sql: [`ALTER TABLE frontier ADD COLUMN fetch_url TEXT`],
  },
];
