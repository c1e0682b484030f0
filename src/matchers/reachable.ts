import { z } from 'zod';
import { defineMatcher } from './types.js';

/**
 * Does the link lead somewhere a grader can open? Not "#", not javascript:, answered 2xx, no redirect
 * loop, no fetch error. A target the crawler never fetched cannot be confirmed (unknown).
 */
export const reachable = defineMatcher({
  meta: {
    id: 'reachable',
    description: 'The link works: http(s), fetched with a 2xx status, no redirect loop, no error',
    params: z.object({}),
  },
  match(ctx) {
    const t = ctx.target;
    if (!t) return { verdict: 'skip' };
    const raw = t.url.trim();
    if (!raw || raw === '#' || raw.startsWith('#') || /^javascript:/i.test(raw)) {
      return { verdict: 'fail', reason: `ลิงก์ไม่ได้ชี้ไปที่ใด (${raw || 'ว่าง'})` };
    }
    if (/^(mailto|tel|line|fb):/i.test(raw)) return { verdict: 'skip' };
    if (!/^https?:\/\//i.test(raw)) return { verdict: 'fail', reason: `ลิงก์ไม่ใช่ที่อยู่เว็บ (${raw.slice(0, 60)})` };
    const s = t.snapshot;
    if (!s) return { verdict: 'unknown', reason: 'โปรแกรมไม่ได้เปิดลิงก์นี้ (อยู่นอกขอบเขตหรือเกินจำนวนหน้าที่ตั้งไว้) ต้องตรวจด้วยตนเอง' };
    const chain = s.redirectChain ?? [];
    if (new Set(chain).size < chain.length || /redirect/i.test(s.error ?? '')) {
      return { verdict: 'fail', reason: 'ลิงก์วนเปลี่ยนทางไม่สิ้นสุด (redirect loop)' };
    }
    if (s.status === 0) return { verdict: 'fail', reason: `เปิดลิงก์ไม่ได้${s.error ? ` (${s.error})` : ''}` };
    if (s.status >= 400) return { verdict: 'fail', reason: `ลิงก์เสีย (HTTP ${s.status})` };
    if (s.status < 200 || s.status >= 300) return { verdict: 'fail', reason: `เปิดลิงก์ไม่สำเร็จ (HTTP ${s.status})` };
    if (s.error && !/truncat|ocr|page limit/i.test(s.error)) {
      return { verdict: 'unknown', reason: `เปิดได้แต่มีปัญหา: ${s.error}` };
    }
    return { verdict: 'pass', confidence: 1 };
  },
});
