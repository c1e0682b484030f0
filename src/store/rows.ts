/**
 * Row ↔ record mapping shared by the SQLite and PostgreSQL stores. Both keep JSON as text and raw HTML
 * gzipped; booleans are 0/1 in SQLite and true/false in PostgreSQL, big integers may come back as strings.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { CrawlBatch } from './store.js';
import type { ItemOverride, LinkBody, LinkRecord, LinkRefBatch, PageQuery, PageSnapshot, ScanRecord, ScanState } from './types.js';

export type Row = Record<string, unknown>;
const gzipAsync = promisify(gzip);

export const json = (v: unknown) => JSON.stringify(v ?? null);
export const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' && v !== '' ? (JSON.parse(v) as T) : fallback);
export const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const bool = (v: unknown) => v === 1 || v === true;

/** Raw HTML is stored gzipped (level 1: fast, about 5× smaller for Thai pages), off the main thread. */
export function compressHtml(items: CrawlBatch['pages']): Promise<Array<Buffer | null>> {
  return Promise.all(items.map(({ page }) => (page.html === undefined ? null : gzipAsync(Buffer.from(page.html, 'utf8'), { level: 1 }))));
}

export function toScan(r: Row): ScanRecord {
  return {
    id: String(r.id),
    site: String(r.site),
    host: String(r.host),
    state: r.state as ScanState,
    startedAt: String(r.started_at),
    finishedAt: opt(r.finished_at as string | null),
    toolVersion: String(r.tool_version),
    checklistId: String(r.checklist_id),
    checklistYear: Number(r.checklist_year),
    checklistHash: String(r.checklist_hash),
    config: parse(r.config, {}),
    stats: parse(r.stats, { pagesFetched: 0, documentsFetched: 0, errors: 0 }),
    ...(r.pruned_at ? { prunedAt: String(r.pruned_at) } : {}),
    ...(r.job_id ? { jobId: String(r.job_id) } : {}),
  };
}

/** The pages table's columns, in both dialects, in the order the stores write them. */
export const PAGE_COLUMNS = [
  'scan_id', 'url', 'final_url', 'status', 'content_type', 'kind', 'title', 'text', 'text_source', 'html', 'depth', 'referrer',
  'redirect_chain', 'fetched_at', 'bytes', 'sha256', 'needs_js', 'rendered', 'error', 'meta',
];

/**
 * The columns a page query reads (SQLite and PostgreSQL both): the HTML only when asked for (`nullHtml` is
 * the dialect's empty HTML column), and with `textHead` no html page's text and only the head of a
 * document's, cut in the database so the words never cross into the process.
 */
export function pageColumns(query: PageQuery, nullHtml: string): string {
  const head = query.textHead === undefined ? undefined : Math.max(0, Math.floor(query.textHead));
  return PAGE_COLUMNS.map((c) =>
    c === 'html' && !query.withHtml ? nullHtml : c === 'text' && head !== undefined ? `CASE WHEN kind = 'html' THEN '' ELSE substr(text, 1, ${head}) END AS text` : c,
  ).join(', ');
}

export function toPage(r: Row): PageSnapshot {
  return {
    url: String(r.url),
    finalUrl: String(r.final_url),
    status: Number(r.status),
    contentType: opt(r.content_type as string | null),
    kind: r.kind as PageSnapshot['kind'],
    title: opt(r.title as string | null),
    text: String(r.text),
    textSource: r.text_source as PageSnapshot['textSource'],
    html: r.html ? gunzipSync(r.html as Buffer).toString('utf8') : undefined,
    depth: Number(r.depth),
    referrer: opt(r.referrer as string | null),
    redirectChain: parse(r.redirect_chain, []),
    fetchedAt: String(r.fetched_at),
    bytes: Number(r.bytes),
    sha256: opt(r.sha256 as string | null),
    needsJs: bool(r.needs_js),
    rendered: bool(r.rendered),
    error: opt(r.error as string | null),
    meta: parse(r.meta, {}),
  };
}

export function toLink(r: Row): LinkRecord {
  return {
    fromUrl: String(r.from_url),
    toUrl: String(r.to_url),
    text: String(r.text),
    label: opt(r.label as string | null),
    rowText: opt(r.row_text as string | null),
    listItemText: opt(r.list_item_text as string | null),
    heading: opt(r.heading as string | null),
    menuPath: r.menu_path ? parse<string[]>(r.menu_path, []) : undefined,
    position: Number(r.position),
    tag: r.tag as LinkRecord['tag'],
    region: opt(r.region as LinkRecord['region'] | null),
    external: bool(r.external),
  };
}

export function overrideFromRow(r: Row): ItemOverride {
  return {
    id: Number(r.id),
    site: String(r.site),
    year: Number(r.year),
    code: String(r.code),
    status: r.status as ItemOverride['status'],
    url: opt(r.url as string | null),
    note: opt(r.note as string | null),
    by: String(r.reviewer),
    createdAt: String(r.created_at),
    evidenceHash: opt(r.evidence_hash as string | null),
    scanId: opt(r.scan_id as string | null),
  };
}

/**
 * Links are stored once per scan (migration 4): a link's body — target, words, context, everything but
 * the page it is on and its position — is one JSON text in link_bodies, and each page's links are one
 * row of body ids in order (page_links). A CMS menu repeated on every page is then stored once.
 */
export function linkBody(l: LinkRecord): string {
  return JSON.stringify([l.toUrl, l.text, l.label ?? null, l.rowText ?? null, l.listItemText ?? null, l.heading ?? null, l.menuPath?.length ? l.menuPath : null, l.tag, l.region ?? null, l.external ? 1 : 0]);
}

/** The unique key of a link body within a scan: its SHA-256 (base64), so no index holds whole bodies. */
export function bodyKey(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64');
}

type Body = [string, string, string | null, string | null, string | null, string | null, string[] | null, LinkRecord['tag'], LinkRecord['region'] | null, number | boolean];

/** A stored body as a link without its page and position (the same fields, and undefined ones, as toLink gives). */
function bodyFromJson(body: string): LinkBody {
  const b = JSON.parse(body) as Body;
  return {
    toUrl: b[0],
    text: b[1],
    label: opt(b[2]),
    rowText: opt(b[3]),
    listItemText: opt(b[4]),
    heading: opt(b[5]),
    menuPath: b[6]?.length ? b[6] : undefined,
    tag: b[7],
    region: opt(b[8]),
    external: bool(b[9]),
  };
}

/** The links of a batch as whole records, in stored order. */
export function expandLinks(batch: LinkRefBatch): LinkRecord[] {
  return batch.pages.flatMap((p) => p.ids.map((id, i) => ({ fromUrl: p.fromUrl, ...bodyOf(batch, id), position: p.positions?.[i] ?? i })));
}

function bodyOf(batch: LinkRefBatch, id: number): LinkBody {
  const b = batch.bodies.get(id);
  if (!b) throw new Error(`link body ${id} is missing`);
  return b;
}

/**
 * Keyset pagination with one batch read ahead: the database reads the next batch (on the driver's thread
 * or the server) while the caller works on this one, instead of both taking turns. `read(after)` returns
 * up to `size` rows after the key, each with its key as key_; the first call gets `first`.
 */
export async function* readAhead<T>(read: (after: unknown) => Promise<Row[]>, first: unknown, size: number, map: (r: Row) => T): AsyncIterable<T[]> {
  let pending: Promise<Row[]> | undefined = read(first);
  while (pending) {
    const rows: Row[] = await pending;
    pending = undefined;
    if (!rows.length) return;
    if (rows.length >= size) {
      pending = read(rows[rows.length - 1]!.key_);
      // A caller that stops early leaves this read behind: its failure must not surface as unhandled.
      pending.catch(() => undefined);
    }
    yield rows.map(map);
  }
}

/**
 * Streams page_links rows (a page's body ids in order) as reference batches, reading each body once per
 * cache generation: the hot ones (menus) stay, and the cache is bounded. Shared by both stores.
 */
export async function* linkRefBatches(pageRows: AsyncIterable<Row[]>, readBodies: (ids: number[]) => Promise<Row[]>): AsyncIterable<LinkRefBatch> {
  const bodies = new BodyCache();
  for await (const rows of pageRows) {
    const pages = rows.map((r) => ({ fromUrl: String(r.from_url), ...decodeRefs(String(r.refs)) }));
    const need = bodies.missing(pages.flatMap((p) => p.ids));
    if (need.length) for (const b of await readBodies(need)) bodies.add(Number(b.id), bodyFromJson(String(b.body)));
    yield { pages, bodies: bodies.map };
    bodies.trim();
  }
}

/** One page_links row per page and fromUrl (in order of first appearance), with the bodies in order. */
export function pageLinkGroups(links: LinkRecord[]): Array<{ fromUrl: string; bodies: string[]; positions: number[] }> {
  const groups = new Map<string, { fromUrl: string; bodies: string[]; positions: number[] }>();
  for (const l of links) {
    let g = groups.get(l.fromUrl);
    if (!g) groups.set(l.fromUrl, (g = { fromUrl: l.fromUrl, bodies: [], positions: [] }));
    g.bodies.push(linkBody(l));
    g.positions.push(l.position);
  }
  return [...groups.values()];
}

/** Body ids in order; positions are written only when they are not simply 0, 1, 2, … (the crawler's). */
export function encodeRefs(ids: number[], positions: number[]): string {
  return positions.every((p, i) => p === i) ? JSON.stringify(ids) : JSON.stringify(ids.map((id, i) => [id, positions[i]]));
}

function decodeRefs(refs: string): { ids: number[]; positions?: number[] } {
  const a = JSON.parse(refs) as Array<number | [number, number]>;
  // The crawler's pages (positions 0, 1, 2, …) are stored as plain ids: taken as parsed, no copy.
  if (a.every((r) => typeof r === 'number')) return { ids: a as number[] };
  return { ids: a.map((r) => Number(Array.isArray(r) ? r[0] : r)), positions: a.map((r, i) => (Array.isArray(r) ? Number(r[1]) : i)) };
}

/** Bodies read by id while streaming links: bounded, the hot ones (menus) are read again after a reset. */
class BodyCache {
  readonly map = new Map<number, LinkBody>();
  constructor(private readonly limit = 20_000) {}
  missing(ids: number[]): number[] {
    const out = new Set<number>();
    for (const id of ids) if (!this.map.has(id)) out.add(id);
    return [...out];
  }
  add(id: number, body: LinkBody): void {
    this.map.set(id, body);
  }
  /** Called between batches, never while a batch is being read. */
  trim(): void {
    if (this.map.size > this.limit) this.map.clear();
  }
}
