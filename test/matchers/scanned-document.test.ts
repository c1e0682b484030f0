import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { ctx, target } from './ctx.js';

describe('scanned-document', () => {
  it.each([
    ['text PDF', target({ doc: 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2564 โครงการทั้งหมด ๒๕ โครงการ' }), 'pass'],
    ['html page (not a document)', target({ html: '<p>x</p>' }), 'skip'],
  ])('valid: %s', (_n, tg, v) => expect(runMatcher('scanned-document', ctx(2565, 'O12', { target: tg })).verdict).toBe(v));

  it('OCR text passes with lower confidence', () => {
    const out = runMatcher('scanned-document', ctx(2565, 'O12', { target: target({ doc: 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2564 โครงการทั้งหมด', textSource: 'ocr' }) }));
    expect(out.verdict).toBe('pass');
    expect(out.confidence).toBeLessThan(1);
  });

  it.each([
    ['scan without text layer', target({ doc: '', textSource: 'none' })],
    ['a few stray characters', target({ doc: ' 1 ', textSource: 'pdftotext' })],
  ])('invalid: %s', (_n, tg) => {
    const out = runMatcher('scanned-document', ctx(2565, 'O12', { target: tg }));
    expect(out.verdict).toBe('unknown');
    expect(out.reason).toContain('สแกน');
  });

  it.each([
    ['an old Word file', target({ doc: '', textSource: 'none', snapshot: { kind: 'doc', error: 'unsupported format' } }), /Word รุ่นเก่า \(\.doc\)/],
    ['an old Excel file', target({ doc: '', textSource: 'none', snapshot: { kind: 'xls', error: 'unsupported format' } }), /Excel รุ่นเก่า \(\.xls\)/],
    ['an encrypted PDF', target({ doc: '', textSource: 'none', snapshot: { error: 'encrypted PDF' } }), /อ่านข้อความในเอกสารไม่ได้ \(encrypted PDF\)/],
  ])('needs review, saying why: %s', (_n, tg, reason) => {
    const out = runMatcher('scanned-document', ctx(2565, 'O12', { target: tg }));
    expect(out.verdict).toBe('unknown');
    expect(out.reason).toMatch(reason);
    expect(out.reason).not.toContain('สแกน');
  });
});
