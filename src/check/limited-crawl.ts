/**
 * "Not found" is only a finding when the crawl covered the site. When a limit (--max-pages, --max-depth,
 * --max-minutes, --until-evidence) left URLs unvisited, an item for which nothing at all was found may sit
 * on one of them: a person decides, or the site is scanned again further. Items with evidence keep their
 * verdict: what was found was judged.
 */
import { limitAdvice } from '../crawl/limits.js';
import type { CrawlLimitHit, ItemResult } from '../store/types.js';

export function unvisitedMayHold(results: ItemResult[], limits: readonly CrawlLimitHit[] | undefined): ItemResult[] {
  const cut = (limits ?? []).filter((h) => h.unvisited > 0);
  if (cut.length === 0) return results;
  const left = cut.reduce((n, h) => n + h.unvisited, 0).toLocaleString('en-US');
  const advice = cut.map(limitAdvice).join(' ');
  return results.map((r) => {
    if (r.status !== 'fail' || r.evidence.length > 0 || r.urls.length > 0) return r;
    const reason = `ไม่พบ${r.title}ในหน้าที่เปิดแล้ว แต่การเก็บข้อมูลหยุดก่อนครบทั้งเว็บไซต์ ยังไม่ได้เปิดอีก ${left} URL จึงยังสรุปไม่ได้ว่าไม่มี — สแกนใหม่ด้วย ${advice} หรือให้เจ้าหน้าที่ตรวจ`;
    return { ...r, status: 'needs-review', score: 0, confidence: 0.5, reasons: [reason, ...r.reasons.slice(1)] };
  });
}
