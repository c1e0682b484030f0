import { z } from 'zod';
import { fold } from '../text/fold.js';
import { defineMatcher } from './types.js';

const PLACEHOLDER =
  /อยู่ระหว่าง(?:การ)?(?:ดำเนินการ|ปรับปรุง|จัดทำ|รวบรวม|อัพเดท|อัปเดต|พัฒนา)|ยังไม่มีข้อมูล|ไม่มีข้อมูล|ไม่พบข้อมูล|ไม่พบรายการ|ยังไม่มีรายการ|ไม่มีรายการ|coming\s*soon|under\s*construction|no\s*data|no\s*records?|nothing\s*found|page\s*not\s*found|ไม่พบหน้า|รอการปรับปรุง|เร็วๆ\s*นี้/i;

/**
 * Is the target a placeholder: a notice such as "อยู่ระหว่างดำเนินการ" / "ไม่มีข้อมูล" / "coming soon"
 * standing on its own instead of content, or an (almost) empty page? The same words inside real content
 * (a status column "อยู่ระหว่างดำเนินการ" in a progress table) do not make a placeholder: the notice must
 * be a line of its own and the rest of the text short. A page whose only tables have headers and no data
 * is empty too.
 */
export const placeholder = defineMatcher({
  meta: {
    id: 'placeholder',
    description: 'The target is not a placeholder ("อยู่ระหว่างดำเนินการ", "ไม่มีข้อมูล", coming soon) or a near-empty page',
    params: z.object({
      /** Content shorter than this (characters without spaces, title removed) counts as empty. */
      minChars: z.number().int().min(0).default(60),
      /** A standalone notice with less other content than this is a placeholder. */
      noticeMaxChars: z.number().int().min(0).default(300),
    }),
  },
  match(ctx, params) {
    const t = ctx.target;
    if (!t?.snapshot) return { verdict: 'skip' };
    const titleKey = t.title ? fold(t.title).split(/\s[|\-–]\s/)[0]!.replace(/\s+/g, '') : '';
    const lines = (t.text ?? '')
      .split(/\n+/)
      .map((l) => fold(l))
      .filter(Boolean);
    let notice: string | undefined;
    const rest: string[] = [];
    for (const line of lines) {
      const m = PLACEHOLDER.exec(line);
      // A notice line: the phrase with little around it ("ข้อมูลอยู่ระหว่างดำเนินการ", "-- ไม่มีข้อมูล --").
      if (m && line.replace(/\s+/g, '').length <= m[0].replace(/\s+/g, '').length + 30) {
        notice ??= m[0];
        continue;
      }
      rest.push(line);
    }
    let other = rest.join('').replace(/\s+/g, '');
    if (titleKey) other = other.replace(titleKey, '');
    const links = t.contentLinks ?? 0;
    if (notice && other.length <= params.noticeMaxChars && links === 0) {
      return { verdict: 'fail', reason: `หน้าเว็บแจ้งว่า "${notice}" ยังไม่มีเนื้อหาจริง`, quote: notice };
    }
    // A table of headers only ("งานบริการ | ต.ค. | พ.ย. | รวม") with little else: a template waiting for data.
    const tables = t.tables;
    if (tables && tables.total > 0 && tables.withData === 0 && tables.outsideChars <= params.noticeMaxChars && links === 0) {
      return { verdict: 'fail', reason: 'ตารางมีแต่หัวตาราง ไม่มีข้อมูล' };
    }
    if (t.snapshot.kind === 'html' && other.length < params.minChars && links === 0) {
      return { verdict: 'fail', reason: 'หน้าเว็บว่าง ไม่มีเนื้อหา' };
    }
    return { verdict: 'pass', confidence: 1 };
  },
});
