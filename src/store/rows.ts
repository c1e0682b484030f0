/**
 * Row ↔ record mapping shared by the SQLite and PostgreSQL stores. Both keep JSON as text and raw HTML
 * gzipped; booleans are 0/1 in SQLite and true/false in PostgreSQL, big integers may come back as strings.
 */
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { CrawlBatch } from './store.js';
import type { ItemOverride, LinkRecord, PageSnapshot, ScanRecord, ScanState } from './types.js';

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
