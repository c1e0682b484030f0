import { describe, it, expect } from 'vitest';
import {
  fold,
  foldSpaceless,
  stripTones,
  findTerm,
  findTermIn,
  prepareText,
  quoteAround,
  segmentWords,
  similarity,
  type MatchConfidence,
} from '../../src/text/fold.js';

const NIKHAHIT = '\u0E4D';
const SARA_AA = '\u0E32';
const MAI_THO = '\u0E49';

describe('fold', () => {
  it.each([
    ['รอบ ๖ เดือน', 'รอบ 6 เดือน'],
    ['ปีงบประมาณ ๒๕๖๕', 'ปีงบประมาณ 2565'],
    ['กฏหมายที่เกี่ยวข้อง', 'กฎหมายที่เกี่ยวข้อง'],
    ['กรกฏาคม', 'กรกฎาคม'],
    ['เเผนดำเนินงาน', 'แผนดำเนินงาน'],
    ['การส่งเสริมความโปรงใส', 'การส่งเสริมความโปร่งใส'],
    // sara am split into nikhahit + sara aa, as Word/PDF exports write it
    [`ประจ${NIKHAHIT}${SARA_AA}ปี`, 'ประจำปี'],
    [`ด${NIKHAHIT}${SARA_AA}เนินงาน`, 'ดำเนินงาน'],
    // tone mark typed between nikhahit and sara aa, and after a split sara am
    [`น${NIKHAHIT}${MAI_THO}${SARA_AA}`, 'น้ำ'],
    [`น${MAI_THO}${NIKHAHIT}${SARA_AA}`, 'น้ำ'],
    // tone mark after a composed sara am
    [`น\u0E33${MAI_THO}`, 'น้ำ'],
    ['ความ\u200Bก้าว\u200Cหน้า', 'ความก้าวหน้า'],
    ['แผน\u2060ดำเนิน\uFEFFงาน\u00AD', 'แผนดำเนินงาน'],
    ['&nbsp;&nbsp;O11&nbsp;&nbsp;&nbsp;รายงาน\u00A0\u00A0ผล', 'o11 รายงาน ผล'],
    ['  รายงาน\n\t ผล  <br>  ', 'รายงาน ผล <br>'],
    ['E-Service', 'e-service'],
    ['No Gift Policy', 'no gift policy'],
    ['O1 – โครงสร้าง — “ITA”', 'o1 - โครงสร้าง - "ita"'],
    ['ช่องทาง‐ร้องเรียน', 'ช่องทาง-ร้องเรียน'],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('keeps spaces in fold but not in foldSpaceless', () => {
    expect(fold('รอบ6เดือน')).not.toBe(fold('รอบ 6 เดือน'));
    expect(foldSpaceless('รอบ6เดือน')).toBe(foldSpaceless('รอบ 6 เดือน'));
    expect(foldSpaceless('รอบ ๖ เดือน')).toBe('รอบ6เดือน');
  });

  it.each([
    ['ความก้าวหน้า', 'ความกาวหนา'],
    ['ดำเนินงาน', 'ดาเนินงาน'],
    ['กุมภาพันธ์', 'กุมภาพันธ'],
    ['เก็บ', 'เกบ'],
    ['plain text', 'plain text'],
  ])('stripTones(%j) = %j', (input, expected) => {
    expect(stripTones(input)).toBe(expected);
  });
});

describe('findTerm', () => {
  const O11 = 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน';
  it.each<[string, string, MatchConfidence | null]>([
    ['O11 รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน', O11, 'exact'],
    ['O11รายงานการกำกับติดตามการดำเนินงานประจำปีรอบ6เดือน', O11, 'spaceless'],
    ['O11 รายงานการกำกับติดตาม การดำเนินงาน ประจำปี รอบ ๖ เดือน', O11, 'spaceless'],
    ['รายงาน รอบ ๖ เดือน', 'รอบ 6 เดือน', 'exact'],
    ['รายงาน รอบ ๖ เดือน', 'รอบ6เดือน', 'spaceless'],
    ['O6 กฏหมายที่เกี่ยวข้อง', 'กฎหมายที่เกี่ยวข้อง', 'exact'],
    ['O10 เเผนดำเนินงานประจำปี', 'แผนดำเนินงาน', 'exact'],
    ['การส่งเสริมความโปรงใส', 'ความโปร่งใส', 'exact'],
    ['ความ\u200Bก้าว\u200Bหน้าของโครงการ', 'ความก้าวหน้า', 'exact'],
    ['&nbsp;&nbsp;แผน&nbsp;&nbsp;&nbsp;ดำเนินงาน', 'แผน ดำเนินงาน', 'exact'],
    ['&nbsp;&nbsp;แผน&nbsp;&nbsp;&nbsp;ดำเนินงาน', 'แผนดำเนินงาน', 'spaceless'],
    [`ผลการ ด${NIKHAHIT}${SARA_AA}เนินงาน ประจ${NIKHAHIT}${SARA_AA}ปี`, 'การดำเนินงานประจำปี', 'spaceless'],
    ['ความก้าวหน้าการจัดซื้อจัดจ้าง', 'ความก้าวหน้า', 'exact'],
    // pdf.js output: tone marks dropped, nikhahit of sara am dropped
    ['รายงานความกาวหนาโครงการ', 'ความก้าวหน้า', 'toneless'],
    ['ผลการดาเนินงาน', 'การดำเนินงาน', 'toneless'],
    ['รายงาน ความกาว หนา', 'ความก้าวหน้า', 'toneless'],
    ['แผนการจัดซื้อจัดจ้าง', 'รายงานผล', null],
    ['รายงานผลการดำเนินงาน', 'ความก้าวหน้า', null],
    ['อะไรก็ได้', '   ', null],
  ])('findTerm(%j, %j) → %s', (haystack, term, confidence) => {
    const m = findTerm(haystack, term);
    expect(m?.confidence ?? null).toBe(confidence);
  });

  it('reports the index in the form used and the matched folded text', () => {
    expect(findTerm('ก ข รอบ6เดือน', 'รอบ 6 เดือน')).toEqual({ confidence: 'spaceless', index: 2, matched: 'รอบ6เดือน' });
    expect(findTerm('ก ข รอบ 6 เดือน', 'รอบ6เดือน')).toEqual({ confidence: 'spaceless', index: 2, matched: 'รอบ 6 เดือน' });
    expect(findTerm('ดูที่ ความกาวหนา', 'ความก้าวหน้า')).toEqual({ confidence: 'toneless', index: 4, matched: 'ความกาวหนา' });
    expect(findTerm('xx O11 yy', 'o11')).toEqual({ confidence: 'exact', index: 3, matched: 'o11' });
  });

  it('findTermIn on a prepared text gives the same answers as findTerm', () => {
    const text = 'หน้าหลัก > ITA > O11รายงานการกำกับติดตามการดำเนินงานประจำปีรอบ๖เดือน';
    const p = prepareText(text);
    for (const term of ['ITA', 'รอบ 6 เดือน', 'ความก้าวหน้า', 'การดาเนินงาน']) {
      expect(findTermIn(p, term)).toEqual(findTerm(text, term));
      expect(findTermIn(p, term)).toEqual(findTermIn(p, term)); // second call served from the term cache
    }
  });

  it('handles a 200 KB text quickly', () => {
    const filler = 'ข้อมูลข่าวประชาสัมพันธ์ของหน่วยงาน '.repeat(3000);
    const text = filler + 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ ๖ เดือน' + filler;
    expect(text.length).toBeGreaterThan(200_000);
    const terms = Array.from({ length: 50 }, (_, i) => `คำค้นที่ไม่มี ${i}`).concat('รอบ6เดือน');
    const t0 = performance.now();
    const p = prepareText(text);
    const results = terms.map((t) => findTermIn(p, t));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(results.at(-1)?.confidence).toBe('spaceless');
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
  });
});

describe('quoteAround', () => {
  it('quotes the match with context, … at cuts, and no orphaned Thai marks', () => {
    const text = 'ข้อมูลพื้นฐาน'.repeat(20) + ' O11 รายงานการกำกับติดตาม รอบ6เดือน ประจำปี ' + 'ดาวน์โหลดเอกสาร'.repeat(20);
    const p = prepareText(text);
    const m = findTermIn(p, 'รอบ 6 เดือน')!;
    const q = quoteAround(text, p, m, 60);
    expect(q).toContain('รอบ6เดือน');
    expect(q.startsWith('…')).toBe(true);
    expect(q.endsWith('…')).toBe(true);
    expect(q.length).toBeLessThanOrEqual(60 + 2);
    expect(q.length).toBeGreaterThan(30);
    expect(q.charAt(1)).not.toMatch(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
  });

  it('quotes a spaceless/toneless match from the folded text around it', () => {
    const text = 'รายงาน ความกาวหนา โครงการ';
    const p = prepareText(text);
    const q = quoteAround(text, p, findTermIn(p, 'ความก้าวหน้า')!);
    expect(q).toBe('รายงาน ความกาวหนา โครงการ');
  });

  it('adds no … when the whole text fits', () => {
    const text = 'O6 กฏหมายที่เกี่ยวข้อง';
    const p = prepareText(text);
    expect(quoteAround(text, p, findTermIn(p, 'กฎหมาย')!)).toBe('o6 กฎหมายที่เกี่ยวข้อง');
  });
});

describe('segmentWords and similarity', () => {
  it('segments Thai into several words without spaces or punctuation', () => {
    const words = segmentWords('แผนดำเนินงานประจำปี 2565.');
    expect(words.length).toBeGreaterThan(3);
    expect(words.join('')).toBe('แผนดำเนินงานประจำปี2565');
  });

  it.each([
    ['กฏหมายที่เกี่ยวข้อง', 'กฎหมายที่เกี่ยวข้อง', 1, 1],
    ['รอบ6เดือน', 'รอบ ๖ เดือน', 1, 1],
    ['รายงานการกำกับติดตามการดำเนินงาน รอบ6เดือน', 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน', 0.8, 0.99],
    ['เเผนดำเนินงาน', 'แผนดำเนินงานประจำปี', 0.7, 0.95],
    ['ข้อมูลการติดต่อ', 'แผนการจัดซื้อจัดจ้าง', 0, 0.3],
    ['', 'โครงสร้าง', 0, 0],
  ])('similarity(%j, %j) in [%d, %d]', (a, b, lo, hi) => {
    const s = similarity(a, b);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
    expect(similarity(b, a)).toBeCloseTo(s, 10);
  });
});
