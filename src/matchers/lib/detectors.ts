/**
 * Recognisers for content elements that are not plain terms: phone numbers, e-mail addresses, money
 * amounts and Thai personal names. They work on raw (unfolded) text with Thai digits converted.
 */
const THAI_DIGITS = /[\u0E50-\u0E59]/g;
export function arabicDigits(s: string): string {
  return s.replace(THAI_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 0x30));
}

export interface Found {
  index: number;
  text: string;
}

// 0 2123 4567, 02-123-4567, 045-123456, 08x-xxx-xxxx, +66 45 123 456, 1111 (4-digit hotlines after โทร)
const PHONE = /(?:\+66[\s-]?|0)\d(?:[\s-]?\d){7,8}(?!\d)/;
const PHONE_LABELLED = /(?:โทร(?:ศัพท์)?|tel|phone|โทรสาร|fax|สายด่วน|hotline)\s*[.:]?\s*(\d[\d\s-]{2,14}\d)/i;

export function findPhone(text: string): Found | undefined {
  const t = arabicDigits(text);
  const m = PHONE.exec(t) ?? PHONE_LABELLED.exec(t);
  return m ? { index: m.index, text: m[0].trim() } : undefined;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
export function findEmail(text: string): Found | undefined {
  const m = EMAIL.exec(text);
  return m ? { index: m.index, text: m[0] } : undefined;
}

// 1,234,567 บาท · 1,234,567.00 บาท · 2.5 ล้านบาท · บาท in a table header with amounts below · งบประมาณ 120,000
const MONEY_UNIT = /(?<![\d.,])\d[\d,]*(?:\.\d{1,2})?\s*(?:ล้าน)?\s*บาท/;
// An amount after a money word: with thousands separators or 5+ digits (4 digits are usually a year).
const MONEY_LABELLED = /(?:งบประมาณ|จำนวนเงิน|วงเงิน|ราคากลาง|เบิกจ่าย|ใช้จ่าย|ราคา|ยอดเงิน)[^\d\n]{0,40}?(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{5,}(?:\.\d{2})?)(?![\d,])/;
const AMOUNT = /\d{1,3}(?:,\d{3})+(?:\.\d{2})?/;

export function findMoney(text: string): Found | undefined {
  const t = arabicDigits(text);
  const m = MONEY_UNIT.exec(t) ?? MONEY_LABELLED.exec(t);
  if (m) return { index: m.index, text: m[0].trim() };
  // A table of amounts under a "(บาท)" header.
  if (/\(\s*บาท\s*\)|หน่วย\s*:?\s*บาท/.test(t)) {
    const a = AMOUNT.exec(t);
    if (a) return { index: a.index, text: a[0] };
  }
  return undefined;
}

const TITLES =
  'นาย|นางสาว|นาง|น\\.ส\\.|ว่าที่\\s*ร\\.?\\s*[ตทอ]\\.?|ว่าที่ร้อย(?:ตรี|โท|เอก)|ร้อย(?:ตรี|โท|เอก)|พ\\.ต\\.[ตทอ]\\.|พันตำรวจ(?:ตรี|โท|เอก)|จ่าสิบ(?:ตรี|โท|เอก)|จ\\.ส\\.[ตทอ]\\.|สิบ(?:ตรี|โท|เอก)|ดร\\.|ด\\.ต\\.|ส\\.ต\\.[ตทอ]\\.|ร\\.[ตทอ]\\.|พ\\.[ตทอ]\\.|พล\\.[ตทอ]\\.|Mr\\.|Mrs\\.|Ms\\.';
const PERSON = new RegExp(`(?:${TITLES})\\s*[\\u0E01-\\u0E2E\\u0E40-\\u0E44][\\u0E00-\\u0E7F]{1,30}\\s+[\\u0E01-\\u0E2E\\u0E40-\\u0E44][\\u0E00-\\u0E7F]{1,40}`);

export function findPersonName(text: string): Found | undefined {
  const m = PERSON.exec(text);
  return m ? { index: m.index, text: m[0].trim() } : undefined;
}
