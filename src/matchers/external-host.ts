import { z } from 'zod';
import { hostOf, isOwnHost, serviceOf } from './lib/hosts.js';
import { defineMatcher } from './types.js';

/**
 * Is the evidence on the agency's own site? Graders accept a link to another host only if it opens,
 * and we cannot open it here: such evidence needs a human (unknown). For online-system items (E-Service,
 * Q&A, social network, complaint channel) a link from the own site to the working system *is* the
 * expected evidence: it passes with a caveat, except when it points at a file host (Google Drive…).
 */
export const externalHost = defineMatcher({
  meta: {
    id: 'external-host',
    description: 'The evidence is on the own site; external hosts need review (online-system items may link out)',
    params: z.object({ systemConfidence: z.number().min(0).max(1).default(0.8) }),
  },
  match(ctx, params) {
    const t = ctx.target;
    if (!t || !/^https?:/i.test(t.url)) return { verdict: 'skip' };
    const host = hostOf(t.snapshot?.finalUrl || t.url);
    if (isOwnHost(host, ctx.siteHost)) return { verdict: 'pass', confidence: 1 };
    const svc = serviceOf(t.snapshot?.finalUrl || t.url);
    const where = svc.type === 'other' ? `เว็บไซต์อื่น (${svc.name})` : svc.name;
    if (ctx.item.evidence === 'online-system' && svc.type !== 'file') {
      return {
        verdict: 'pass',
        confidence: params.systemConfidence,
        reason: `ลิงก์ไปยังระบบภายนอก ${where} ยังไม่ได้ตรวจว่าเปิดใช้งานได้`,
        data: { host, service: svc.name, online: true },
      };
    }
    return {
      verdict: 'unknown',
      reason: `ลิงก์ไปยัง ${where} ตรวจเนื้อหาไม่ได้ ต้องให้เจ้าหน้าที่ตรวจ (ผู้ตรวจให้คะแนนเฉพาะเมื่อเปิดได้ ควรนำเอกสารขึ้นเว็บไซต์หลักของหน่วยงาน)`,
      data: { host, service: svc.name },
    };
  },
});
