import { z } from 'zod';
import { fold } from '../text/fold.js';
import { defineMatcher } from './types.js';

// Notices that stand in for content, as agency sites word them: "อยู่ระหว่างดำเนินการ", "กำลังปรับปรุงข้อมูล...",
// "รอการอัปเดต", "ยังไม่ได้เผยแพร่", "ไม่มีข้อมูล", "ข้อมูลจะนำเสนอเร็ว ๆ นี้", "coming soon".
const PLACEHOLDER = new RegExp(
  [
    '(?:อยู่ระหว่าง|กำลัง|รอ)(?:การ)?(?:ดำเนินการ|ปรับปรุง|จัดทำ|รวบรวม|อัพเดท|อัปเดต|อัพเดต|อัปเดท|อัพโหลด|อัปโหลด|update|พัฒนา|แก้ไข|จัดเตรียม|เตรียม|นำเข้า|เพิ่มเติมข้อมูล|ลงข้อมูล|บันทึกข้อมูล|นำข้อมูล|เผยแพร่)',
    'ปิดปรับปรุง',
    'ยังไม่(?:ได้)?(?:มี|จัดทำ|เผยแพร่|ลง|นำ|อัพโหลด|อัปโหลด|upload|เพิ่ม|บันทึก)(?:ข้อมูล|รายการ|เอกสาร|ไฟล์|การเผยแพร่)?',
    'ไม่มี(?:ข้อมูล|รายการ|เอกสาร|ไฟล์)',
    'ไม่พบ(?:ข้อมูล|รายการ|เอกสาร|ไฟล์|หน้า)',
    'รอการ(?:ปรับปรุง|อัพเดท|อัปเดต)',
    'รอ(?:การ)?(?:ข้อมูล|เอกสาร|อนุมัติ|ลงนาม)',
    'เร็ว\\s*ๆ\\s*นี้',
    'coming\\s*soon',
    'under\\s*(?:construction|maintenance)',
    'no\\s*data',
    'no\\s*records?',
    'nothing\\s*found',
    'page\\s*not\\s*found',
    'not\\s*available\\s*yet',
  ].join('|'),
  'i',
);

// What may stand beside a notice on its line without being content: courtesy and filler words, years,
// "ประจำปีงบประมาณ พ.ศ.", dots and dashes ("ขออภัย ข้อมูลส่วนนี้กำลังปรับปรุงข้อมูล...").
const FILLER = /ขออภัย(?:ค่ะ|ครับ|ในความไม่สะดวก)?|ขณะนี้|ในขณะนี้|หน้านี้|ส่วนนี้|ข้อมูลส่วนนี้|ข้อมูล|เว็บไซต์|ทางหน่วยงาน|จะนำเสนอ|จะเผยแพร่|โดยเร็ว|ในเร็ววันนี้|ค่ะ|ครับ|(?:ประจำ)?ปี(?:งบประมาณ)?|พ\.?ศ\.?|\d{2,4}|[.…\-–—_*()[\]!:"'“”|/]/g;

/** A line's words once the notice, the page's own title/headings, the item's name and filler are removed. */
function residual(line: string, notice: string, own: string[]): string {
  let r = line.replace(/\s+/g, '').replace(notice.replace(/\s+/g, ''), '');
  for (const k of own) if (k.length >= 4) r = r.split(k).join('');
  return r.replace(FILLER, '');
}

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
    // Words a notice line may repeat without being content: the page's title and headings, the item's
    // names ("ข้อมูลสถิติเรื่องร้องเรียน… ประจำปี 2566 อยู่ระหว่างดำเนินการ" is still only a notice).
    const own = [titleKey, ...(t.headings ?? []), ctx.item.title, ...ctx.item.variants, ...ctx.names]
      .map((s) => fold(s).replace(/\s+/g, ''))
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    const lines = (t.text ?? '')
      .split(/\n+/)
      .map((l) => fold(l))
      .filter(Boolean);
    let notice: string | undefined;
    const rest: string[] = [];
    for (const line of lines) {
      const m = PLACEHOLDER.exec(line);
      // A notice line: the phrase with little else around it ("ข้อมูลอยู่ระหว่างดำเนินการ", "-- ไม่มีข้อมูล --").
      if (m && residual(line, m[0], own).length <= 30) {
        notice ??= m[0];
        continue;
      }
      rest.push(line);
    }
    let other = rest.join('').replace(/\s+/g, '');
    if (titleKey) other = other.replace(titleKey, '');
    const links = t.contentLinks ?? 0;
    const images = t.images ?? 0;
    const tables = t.tables;
    const dataTables = tables?.withData ?? 0;
    if (notice && other.length <= params.noticeMaxChars && links === 0 && dataTables === 0) {
      return { verdict: 'fail', reason: `หน้าเว็บแจ้งว่า "${notice}" ยังไม่มีเนื้อหาจริง`, quote: notice };
    }
    // A table of headers only ("งานบริการ | ต.ค. | พ.ย. | รวม") with little else: a template waiting for data.
    if (tables && tables.total > 0 && dataTables === 0 && tables.outsideChars <= params.noticeMaxChars && links === 0) {
      return { verdict: 'fail', reason: 'ตารางมีแต่หัวตาราง ไม่มีข้อมูล' };
    }
    // Nothing to read, look at or fill in: a picture (an org chart, a scanned announcement) or a working
    // form (an online request) is content.
    if (t.snapshot.kind === 'html' && other.length < params.minChars && links === 0 && images === 0 && (t.forms ?? 0) === 0 && dataTables === 0) {
      return { verdict: 'fail', reason: 'หน้าเว็บว่าง ไม่มีเนื้อหา' };
    }
    return { verdict: 'pass', confidence: 1 };
  },
});
