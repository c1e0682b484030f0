/**
 * Human decisions, applied after the automatic judgement: the status is replaced, the automatic one is
 * kept in `override.automaticStatus`. A pass override needs a URL to submit: the override's own, or the
 * automatic evidence URLs; without either it cannot be a pass (it stays needs-review with a reason).
 *
 * A decision is about the evidence the reviewer looked at (`evidenceHash`, the sha256 of the snapshot at
 * `url`). checkOverrideEvidence compares it with the judged scan's snapshot; a decision whose evidence
 * changed or is gone is not applied: the item becomes needs-review and says why.
 */
import { normalizeUrl } from '../crawl/normalize-url.js';
import type { ItemOverride, ItemResult, PageSnapshot } from '../store/types.js';

/**
 * Marks each override with how its evidence compares in this scan: `same`, `changed` (the snapshot at its
 * URL has another hash) or `gone` (no snapshot of the URL, or it no longer opens). Overrides without a
 * hash or URL are returned unmarked and apply as before.
 */
export function checkOverrideEvidence(overrides: ItemOverride[], pages: Pick<PageSnapshot, 'url' | 'finalUrl' | 'status' | 'sha256'>[]): ItemOverride[] {
  if (!overrides.some((o) => o.evidenceHash && o.url)) return overrides;
  const byUrl = new Map<string, (typeof pages)[number]>();
  for (const p of pages) {
    byUrl.set(p.url, p);
    if (!byUrl.has(p.finalUrl)) byUrl.set(p.finalUrl, p);
  }
  return overrides.map((o) => {
    if (!o.evidenceHash || !o.url) return o;
    // A reviewer pastes the URL as the site writes it; snapshots are keyed by the normalised form.
    const page = byUrl.get(o.url) ?? byUrl.get(normalizeUrl(o.url) ?? o.url);
    const evidence = !page || page.status === 0 || page.status >= 400 || !page.sha256 ? 'gone' : page.sha256 === o.evidenceHash ? 'same' : 'changed';
    return { ...o, evidence };
  });
}

/** "25 พ.ย. 2568" in Thailand's time zone (the date of a review, for the needs-review reason). */
function thaiDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('th-TH', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

function staleResult(r: ItemResult, o: ItemOverride, evidence: 'changed' | 'gone'): ItemResult {
  const why = evidence === 'gone' ? `ต้องตรวจใหม่เพราะเอกสารเปลี่ยน (ไม่พบ ${o.url} ในการสแกนนี้แล้ว)` : `ต้องตรวจใหม่เพราะเอกสารเปลี่ยน (${o.url})`;
  return {
    ...r,
    status: 'needs-review',
    score: 0,
    reasons: [`ผลการตรวจโดยเจ้าหน้าที่เมื่อ ${thaiDate(o.createdAt)} (${o.by}) ${why}`, ...r.reasons],
    staleOverride: { by: o.by, ...(o.note ? { note: o.note } : {}), at: o.createdAt, status: o.status, ...(o.url ? { url: o.url } : {}), evidence },
  };
}

export function applyOverrides(results: ItemResult[], overrides: ItemOverride[]): ItemResult[] {
  // The newest decision per item wins.
  const latest = new Map<string, ItemOverride>();
  for (const o of overrides) {
    const prev = latest.get(o.code);
    if (!prev || o.createdAt >= prev.createdAt) latest.set(o.code, o);
  }
  return results.map((r) => {
    const o = latest.get(r.code);
    if (!o) return r;
    if (o.evidence === 'changed' || o.evidence === 'gone') return staleResult(r, o, o.evidence);
    const override = { by: o.by, ...(o.note ? { note: o.note } : {}), at: o.createdAt, automaticStatus: r.status };
    if (o.status === 'pass') {
      const urls = o.url ? [o.url, ...r.urls.filter((u) => u !== o.url)] : r.urls;
      if (urls.length === 0) {
        return {
          ...r,
          status: 'needs-review',
          score: 0,
          reasons: [`${o.by} ตัดสินให้ผ่าน แต่ไม่ได้ระบุ URL ที่จะส่ง ต้องระบุ URL ของหลักฐาน`, ...r.reasons],
          override,
        };
      }
      const evidence = o.url && !r.evidence.some((e) => e.url === o.url) ? [{ url: o.url, foundVia: `ระบุโดย ${o.by}` }, ...r.evidence] : r.evidence;
      return { ...r, status: 'pass', score: 100, urls, evidence, reasons: o.note ? [`${o.by}: ${o.note}`] : [], confidence: 1, override };
    }
    return {
      ...r,
      status: o.status,
      score: 0,
      reasons: o.note ? [`${o.by}: ${o.note}`, ...r.reasons] : r.reasons,
      confidence: 1,
      override,
    };
  });
}
