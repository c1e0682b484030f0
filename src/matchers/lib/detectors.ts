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
// An amount as tables print it: thousands separators, or two decimals ("15000.00").
const AMOUNT = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{3,}\.\d{2})(?![\d,])/;
// A column or heading that says the numbers under it are money: "(บาท)", "หน่วย: บาท", "วงเงินที่จัดซื้อ",
// "ราคาที่ตกลงซื้อหรือจ้าง", "จำนวนเงิน"… (สขร.1 summaries and spending reports put amounts in such columns).
const MONEY_HEADER = /\(\s*บาท\s*\)|หน่วย\s*:?\s*บาท|วงเงิน|ราคาที่ตกลง|ราคากลาง|ราคาที่เสนอ|จำนวนเงิน|งบประมาณ|เบิกจ่าย|มูลค่า|ยอดเงิน|บาท/;

export function findMoney(text: string): Found | undefined {
  const t = arabicDigits(text);
  const m = MONEY_UNIT.exec(t) ?? MONEY_LABELLED.exec(t);
  if (m) return { index: m.index, text: m[0].trim() };
  // A table of amounts under a money header: the amount may sit rows below its column heading.
  const h = MONEY_HEADER.exec(t);
  if (h) {
    const a = AMOUNT.exec(t.slice(h.index));
    if (a) return { index: h.index + a.index, text: a[0] };
  }
  return undefined;
}

// Month and quarter labels of a statistics table ("ต.ค. | พ.ย. | ธ.ค.", "ตุลาคม", "ไตรมาสที่ 1").
const PERIOD_LABEL =
  /(?:ต\.ค\.|พ\.ย\.|ธ\.ค\.|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ตุลาคม|พฤศจิกายน|ธันวาคม|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ไตรมาส(?:ที่)?\s*[1-4])/g;
// A number that is a count: not a four-digit year, not the two-digit year right after a month ("ต.ค. 65").
const COUNT = /(?<![\d.,/])(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d/])/g;

/**
 * A table of counts by period: at least three month or quarter labels and at least three numbers that
 * are not years. Monthly service statistics are often only this — month columns and numbers, no words
 * such as "ผู้รับบริการ" — in XLSX sheets and PDF tables alike.
 */
export function findCountsTable(text: string): Found | undefined {
  const t = arabicDigits(text);
  const labels = new Set<string>();
  let first = -1;
  for (const m of t.matchAll(PERIOD_LABEL)) {
    labels.add(m[0].replace(/\s+/g, ''));
    if (first < 0) first = m.index;
  }
  if (labels.size < 3) return undefined;
  const withoutYears = t.replace(PERIOD_LABEL, (m) => `${m} `).replace(/(?:ต\.ค\.|พ\.ย\.|ธ\.ค\.|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|[ก-ฮ]+าคม|[ก-ฮ]+ายน|กุมภาพันธ์)\s*\d{2}(?!\d)/g, ' ');
  const counts = [...withoutYears.matchAll(COUNT)].filter((m) => !/^(?:25|20)\d\d$/.test(m[0]));
  if (counts.length < 3) return undefined;
  return { index: Math.max(0, first), text: [...labels].slice(0, 3).join(' ') };
}
const TITLES =
  'นาย|นางสาว|นาง|น\\.ส\\.|ว่าที่\\s*ร\\.?\\s*[ตทอ]\\.?|ว่าที่ร้อย(?:ตรี|โท|เอก)|ร้อย(?:ตรี|โท|เอก)|พ\\.ต\\.[ตทอ]\\.|พันตำรวจ(?:ตรี|โท|เอก)|จ่าสิบ(?:ตรี|โท|เอก)|จ\\.ส\\.[ตทอ]\\.|สิบ(?:ตรี|โท|เอก)|ดร\\.|ด\\.ต\\.|ส\\.ต\\.[ตทอ]\\.|ร\\.[ตทอ]\\.|พ\\.[ตทอ]\\.|พล\\.[ตทอ]\\.|Mr\\.|Mrs\\.|Ms\\.';
const PERSON = new RegExp(`(?:${TITLES})\\s*[\\u0E01-\\u0E2E\\u0E40-\\u0E44][\\u0E00-\\u0E7F]{1,30}\\s+[\\u0E01-\\u0E2E\\u0E40-\\u0E44][\\u0E00-\\u0E7F]{1,40}`);

export function findPersonName(text: string): Found | undefined {
  const m = PERSON.exec(text);
  return m ? { index: m.index, text: m[0].trim() } : undefined;
}

// Numbers that are not counts: years (2565, 2022), a year after a month ("ต.ค. 64"), dates (1/10/2564),
// phone numbers (0-4582-6123), ordinals and list numbers ("ไตรมาสที่ 1", "ข้อ 3", "หมู่ที่ 4", "1."), sheet
// and page numbers ("# Sheet1" heads the text of a spreadsheet).
const NOT_A_COUNT =
  /(?:ที่|ข้อ|ครั้งที่|ฉบับที่|หมู่|ชั้น|ซอย|เลขที่|มาตรา|ลำดับ|sheet|แผ่นงาน|หน้า|page)\s*\d+|(?:ต\.ค\.|พ\.ย\.|ธ\.ค\.|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|[ก-ฮ]+าคม|[ก-ฮ]+ายน|กุมภาพันธ์)\s*\d{2,4}|\d+\s*[/.-]\s*\d+(?:\s*[/.-]\s*\d+)+|(?:โทร|โทรศัพท์|โทรสาร|tel|fax)\S*\s*[\d\s-]+|\b(?:25|20)\d\d\b|^\s*\d+\s*[.)]/gim;
const NUMBER = /\d+(?:,\d{3})*/;

/** A count in a text: a number left once years, dates, phone numbers and list numbers are taken out. */
export function findCount(text: string): Found | undefined {
  const t = arabicDigits(text).replace(NOT_A_COUNT, (m) => ' '.repeat(m.length));
  const m = NUMBER.exec(t);
  return m ? { index: m.index, text: m[0] } : undefined;
}
