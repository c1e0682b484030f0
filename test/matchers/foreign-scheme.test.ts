import { describe, expect, it } from 'vitest';
import { foreignScheme, parseItemLabel } from '../../src/matchers/lib/identify.js';

// Reference §3: hospitals use the MOPH's MOIT 1–22, vocational colleges ITA-VEC; "MOIT1" is not O1.
describe('foreign assessment schemes', () => {
  it.each([
    ['โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านด่าน (ตามเกณฑ์ MOIT ข้อ ๔ กระทรวงสาธารณสุข)', 'MOIT'],
    ['MOIT1 แผนปฏิบัติการ', 'MOIT'],
    ['การประเมิน ITA-VEC วิทยาลัยเทคนิค', 'ITA-VEC'],
  ])('%j names %s', (text, scheme) => expect(foreignScheme(text)).toBe(scheme));

  it.each([['แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2566'], ['การประเมิน ITA 2566 (OIT)'], ['ข้อมูล moitor']])('%j names none', (text) =>
    expect(foreignScheme(text)).toBeUndefined(),
  );

  it('a "MOIT 4" row label is foreign, not O4', () => {
    expect(parseItemLabel('MOIT 4 การประเมินความเสี่ยงการทุจริต')).toMatchObject({ foreign: true });
    expect(parseItemLabel('O4 แผนยุทธศาสตร์').number).toBe(4);
  });
});
