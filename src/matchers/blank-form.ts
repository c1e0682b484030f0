import { z } from 'zod';
import { fold } from '../text/fold.js';
import { arabicDigits } from './lib/detectors.js';
import { defineMatcher } from './types.js';

// A questionnaire by its own title: "แบบสอบถามความพึงพอใจ…", "แบบประเมินความพึงพอใจ…", "แบบสำรวจความคิดเห็น…".
const FORM_TITLE = /แบบสอบถาม|แบบประเมินความพึงพอใจ|แบบสำรวจ(?:ความพึงพอใจ|ความคิดเห็น)/;
// What only a form to fill in has: instructions to tick, empty boxes, blanks to write on, a respondent section.
const FORM_MARKS = /(?:โปรด|กรุณา)?ทำเครื่องหมาย|☐|□|○|❍|\(\s{0,3}\)|\[\s{0,3}\]|\.{8,}|…{3,}|_{5,}|ข้อมูล(?:ทั่วไป)?ของผู้ตอบ|ผู้ตอบแบบสอบถาม\s*$|ข้อเสนอแนะ\s*\.{3,}/m;
// What a report of the survey has: results as numbers.
const RESULTS = /(?:ร้อยละ|ค่าเฉลี่ย|คะแนนเฉลี่ย|x̄|S\.?D\.?)\s*[:=]?\s*\d|\d+(?:\.\d+)?\s*%|จำนวนผู้ตอบ\S*\s*\d|ผลการ(?:สำรวจ|ประเมิน)(?:ความพึงพอใจ)?\s*(?:พบว่า|โดยรวม|อยู่ในระดับ)|สรุปผลการ(?:สำรวจ|ประเมิน)/i;

/**
 * Is the target a blank questionnaire — the form people fill in — rather than a report of what they
 * answered? A form proves that a survey may be run, not its result; graders give it no credit for a report
 * item. Online-system items (E-Service, channels) are not asked: a form may be exactly what they offer.
 */
export const blankForm = defineMatcher({
  meta: {
    id: 'blank-form',
    description: 'The target is not a blank questionnaire or form to fill in (a report item needs results)',
    params: z.object({ headChars: z.number().int().min(50).default(400) }),
  },
  match(ctx, params) {
    const t = ctx.target;
    if (!t?.snapshot || ctx.item.evidence === 'online-system') return { verdict: 'skip' };
    const text = arabicDigits(t.text ?? '');
    const head = fold([t.title ?? '', ...(t.headings ?? []).slice(0, 3), text.slice(0, params.headChars)].join('\n'));
    if (!FORM_TITLE.test(head)) return { verdict: 'pass', confidence: 1 };
    if (!FORM_MARKS.test(text) || RESULTS.test(text)) return { verdict: 'pass', confidence: 1 };
    return { verdict: 'fail', reason: 'เป็นแบบสอบถามเปล่าสำหรับกรอก ไม่ใช่รายงานผลการสำรวจ (ยังไม่มีผลเป็นตัวเลข)', quote: FORM_TITLE.exec(head)?.[0] };
  },
});
