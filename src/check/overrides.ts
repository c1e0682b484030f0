/**
 * Human decisions, applied after the automatic judgement: the status is replaced, the automatic one is
 * kept in `override.automaticStatus`. A pass override needs a URL to submit: the override's own, or the
 * automatic evidence URLs; without either it cannot be a pass (it stays needs-review with a reason).
 */
import type { ItemOverride, ItemResult } from '../store/types.js';

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
