/**
 * Years, months and fiscal years in Thai documents, and whether a document is for the fiscal year an
 * item requires (reference §4). Buddhist era (BE) = CE + 543; fiscal year Y runs 1 Oct Y-1 … 30 Sep Y.
 *
 * All offsets refer to the text as given: the normalisation below keeps the length of the string.
 */
import type { PeriodRule } from '../checklist/schema.js';
import { quoteSpan } from './fold.js';
import { titleLineSpan } from './title-line.js';

export type YearKind = 'be' | 'ce' | 'short' | 'fiscal';

export interface YearMention {
  /** Buddhist era. */
  year: number;
  raw: string;
  index: number;
  kind: YearKind;
}

export interface YearMonth {
  year: number;
  month: number;
}

export interface MonthYear extends YearMonth {
  index: number;
  raw: string;
}

export interface PeriodRange {
  from: YearMonth;
  to: YearMonth;
  raw: string;
  index: number;
}

export interface FiscalYearMention {
  fy: number;
  evidence: string;
  index: number;
  strength: 'explicit' | 'derived';
}

export interface PeriodVerdict {
  ok: boolean | 'unknown';
  /** Fiscal years found, most prominent first. */
  foundYears: number[];
  expected: string;
  quote?: string;
  reason?: string;
}

/**
 * Thai digits, invisible characters and typographic dashes, each replaced by one character so offsets
 * stay valid for the caller's text (`&nbsp;` becomes six spaces for the same reason).
 */
function normalize(text: string): string {
  return text
    .replace(/&nbsp;/gi, '      ')
    .replace(/[\u0E50-\u0E59]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 0x30))
    .replace(/[\u00A0\u00AD\u200B-\u200D\u2060\uFEFF]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

const BE_MARK = String.raw`พ\s?\.\s?ศ\s?\.?`;
// A digit run continues through "," or "." only when another digit follows (1,256,500 or 2565.50).
const NUM_END = String.raw`(?!\d|[.,]\d)`;
const DAY = String.raw`(?:(?<![\d.,/])\d{1,2}\s*)?`;

const MONTH_NAMES: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'มกราคม', 'ม.ค'],
  [2, 'กุมภาพันธ์?', 'ก.พ'], // PDF extractors drop the thanthakhat
  [3, 'มีนาคม', 'มี.ค'],
  [4, 'เมษายน', 'เม.ย'],
  [5, 'พฤษภาคม', 'พ.ค'],
  [6, 'มิถุนายน', 'มิ.ย'],
  [7, 'กรก[ฎฏ]าคม', 'ก.ค'], // กรกฏาคม is a common misspelling
  [8, 'สิงหาคม', 'ส.ค'],
  [9, 'กันยายน', 'ก.ย'],
  [10, 'ตุลาคม', 'ต.ค'],
  [11, 'พฤศจิกายน', 'พ.ย'],
  [12, 'ธันวาคม', 'ธ.ค'],
];

// Abbreviations are also written "ต.ค 64", "ต. ค. 64"; a preceding dot means another abbreviation (ส.ก.พ.).
const MONTH_ALT = [
  ...MONTH_NAMES.map(([, full]) => full),
  ...MONTH_NAMES.map(([, , abbr]) => '(?<!\\.)' + abbr.replace('.', String.raw`\s?\.\s?`) + String.raw`\.?`),
].join('|');

const MONTH_KEYS = new Map<string, number>();
for (const [month, full, abbr] of MONTH_NAMES) {
  MONTH_KEYS.set(monthKey(full.replace('?', '').replace('[ฎฏ]', 'ฎ')), month);
  MONTH_KEYS.set(monthKey(abbr), month);
}

function monthKey(s: string): string {
  return s.replace(/[\s.\u0E4C]/g, '').replace('ฏ', 'ฎ');
}

const YEAR_PART = String.raw`\s*(?:${BE_MARK}\s*)?(\d{4}|\d{2})${NUM_END}`;
const MONTH_YEAR_RE = new RegExp(String.raw`${DAY}(${MONTH_ALT})${YEAR_PART}`, 'dg');
const RANGE_RE = new RegExp(
  String.raw`${DAY}(${MONTH_ALT})(?:${YEAR_PART})?\s*(?:-|(?:จน)?ถึง|to)\s*(?:(?:วันที่|เดือน)\s*)?${DAY}(${MONTH_ALT})${YEAR_PART}`,
  'dg',
);
// "ประจำปีงบประมาณ" may come with a split sara am; "ปีงบฯ 65" and "ปีงบ 65" are everyday short forms.
const FISCAL_RE = new RegExp(
  String.raw`(?:ประจ(?:ำ|ํา)\s*)?ปี\s*งบ(?:\s*ประมาณ|\s*ฯ)?\s*(?:${BE_MARK}\s*)?(\d{4}|\d{2})${NUM_END}(?:\s*-\s*(\d{4})${NUM_END})?`,
  'dg',
);
const NUMBER_GROUP_RE = /\d+(?:[.,/-]\d+)*/g;
const YEAR_MARKER_RE = new RegExp(String.raw`(?:(?:ปี\s*)?(${BE_MARK})|(ค\s?\.\s?ศ\s?\.?)|(ปี))\s*$`);
// A number followed by a counting word is an amount, not a year.
const UNIT_AFTER_RE = /^\s*(?:บาท|ราย|คน|ครั้ง|รายการ|เรื่อง|ชิ้น|หน่วย|ล้าน|วัน|เดือน|ปี|%|เปอร์เซ็นต์)/;
const PHONE_BEFORE_RE = /(?:โทร|โทรศัพท์|โทรสาร|แฟกซ์|tel|fax|เลขที่|หมู่ที่)\s*[.:]?\s*$/i;

/** Two-digit years are always BE (ต.ค.64); four digits may be BE or, rarely, CE. */
function yearFromDigits(d: string): number | null {
  const n = Number(d);
  if (d.length === 2) return n >= 40 ? 2500 + n : null;
  if (d.length !== 4) return null;
  if (n >= 2400 && n <= 2699) return n;
  if (n >= 1990 && n <= 2100) return n + 543;
  return null;
}

function isBareBE(n: number): boolean {
  return n >= 2540 && n <= 2599;
}

function isBareCE(n: number): boolean {
  return n >= 2019 && n <= 2035;
}

type Span = readonly [number, number];

/** Offsets already explained by a more specific reading; a mask keeps lookups O(1) on long tables. */
class Coverage {
  private readonly mask: Uint8Array;
  constructor(length: number) {
    this.mask = new Uint8Array(length);
  }
  add([s, e]: Span): void {
    this.mask.fill(1, s, e);
  }
  has(at: number): boolean {
    return this.mask[at] === 1;
  }
}

function groupSpan(m: RegExpExecArray, g: number): Span | undefined {
  return m.indices?.[g];
}

function monthOf(s: string): number | undefined {
  return MONTH_KEYS.get(monthKey(s));
}

function scanFiscal(norm: string, text: string): { mentions: YearMention[]; spans: Span[] } {
  const mentions: YearMention[] = [];
  const spans: Span[] = [];
  for (const m of norm.matchAll(FISCAL_RE)) {
    spans.push([m.index, m.index + m[0].length]);
    for (const g of [1, 2]) {
      const digits = m[g];
      const at = groupSpan(m, g);
      const year = digits ? yearFromDigits(digits) : null;
      if (!digits || !at || year === null) continue;
      // The first year carries the whole phrase as evidence; the second of a range only its digits.
      const index = g === 1 ? m.index : at[0];
      mentions.push({ year, raw: text.slice(index, at[1]), index, kind: 'fiscal' });
    }
  }
  return { mentions, spans };
}

/** Month + year, and numeric dates d/m/yyyy. */
function scanMonthYears(norm: string, text: string): MonthYear[] {
  const out: MonthYear[] = [];
  for (const m of norm.matchAll(MONTH_YEAR_RE)) {
    const month = monthOf(m[1] ?? '');
    const year = yearFromDigits(m[2] ?? '');
    if (month === undefined || year === null) continue;
    out.push({ year, month, index: m.index, raw: text.slice(m.index, m.index + m[0].length).trim() });
  }
  for (const g of numberGroups(norm)) {
    const date = asDate(g.parts);
    if (date) out.push({ ...date, index: g.start, raw: text.slice(g.start, g.end) });
  }
  return out.sort((a, b) => a.index - b.index);
}

interface NumberGroup {
  start: number;
  end: number;
  parts: string[];
  seps: string[];
}

/** Digit runs joined by , . / - without spaces: a phone number or an amount is one group, not a year. */
function numberGroups(norm: string): NumberGroup[] {
  const out: NumberGroup[] = [];
  for (const m of norm.matchAll(NUMBER_GROUP_RE)) {
    out.push({ start: m.index, end: m.index + m[0].length, parts: m[0].split(/[.,/-]/), seps: m[0].match(/[.,/-]/g) ?? [] });
  }
  return out;
}

function asDate(parts: string[]): YearMonth | null {
  if (parts.length !== 3) return null;
  const [d, mo, y] = parts.map(Number) as [number, number, number];
  if (d < 1 || d > 31 || mo < 1 || mo > 12 || parts[2]?.length !== 4) return null;
  const year = isBareBE(y) ? y : isBareCE(y) ? y + 543 : null;
  return year === null ? null : { year, month: mo };
}

function isYearLike(g: NumberGroup): boolean {
  return g.parts.every((p) => p.length === 4 && (isBareBE(Number(p)) || isBareCE(Number(p))));
}

/** "0 4561 2565" is a phone number written with spaces; "2563 2564 2565" is a table header. */
function hasNumericNeighbour(norm: string, groups: NumberGroup[], i: number): boolean {
  const near = (a: NumberGroup, b: NumberGroup) => /^\s{0,3}-?\s{0,3}$/.test(norm.slice(a.end, b.start));
  const prev = groups[i - 1];
  const next = groups[i + 1];
  const cur = groups[i]!;
  return (!!prev && near(prev, cur) && !isYearLike(prev)) || (!!next && near(cur, next) && !isYearLike(next));
}

function scanPlainYears(norm: string, text: string, taken: Coverage): YearMention[] {
  const out: YearMention[] = [];
  const groups = numberGroups(norm);
  groups.forEach((g, gi) => {
    if (taken.has(g.start)) return;
    const before = norm.slice(Math.max(0, g.start - 24), g.start);
    const marker = YEAR_MARKER_RE.exec(before);
    const markerStart = marker ? g.start - marker[0].length : g.start;
    const after = norm.slice(g.end, g.end + 16);
    const emit = (year: number, kind: YearKind, start: number, end: number, withMarker: boolean) => {
      const index = withMarker ? markerStart : start;
      out.push({ year, kind, index, raw: text.slice(index, end) });
    };
    const p0 = g.parts[0] ?? '';
    if (g.parts.length === 1) {
      const n = Number(p0);
      if (p0.length === 2 && marker && (marker[1] || marker[3]) && n >= 40 && !UNIT_AFTER_RE.test(after)) {
        emit(2500 + n, 'short', g.start, g.end, true);
        return;
      }
      if (p0.length !== 4) return;
      if (marker?.[1]) {
        if (n >= 2400 && n <= 2699) emit(n, 'be', g.start, g.end, true);
      } else if (marker?.[2]) {
        if (n >= 1990 && n <= 2100) emit(n + 543, 'ce', g.start, g.end, true);
      } else if (marker?.[3] && (n >= 2400 && n <= 2699)) {
        emit(n, 'be', g.start, g.end, true);
      } else if (marker?.[3] && isBareCE(n)) {
        emit(n + 543, 'ce', g.start, g.end, true);
      } else if ((isBareBE(n) || isBareCE(n)) && !UNIT_AFTER_RE.test(after) && !PHONE_BEFORE_RE.test(before) && !hasNumericNeighbour(norm, groups, gi)) {
        emit(isBareBE(n) ? n : n + 543, isBareBE(n) ? 'be' : 'ce', g.start, g.end, false);
      }
      return;
    }
    // "2566-2570" (a multi-year plan) names both years; "123/2565" is a document number of 2565.
    const nums = g.parts.map(Number);
    const [a, b] = nums as [number, number];
    const twoYears = g.parts.length === 2 && g.parts.every((p) => p.length === 4) && g.seps[0] !== ',' && g.seps[0] !== '.';
    if (twoYears && isBareBE(a) && isBareBE(b) && b >= a && b - a <= 20) {
      emit(a, 'be', g.start, g.start + 4, !!marker);
      emit(b, 'be', g.end - 4, g.end, false);
    } else if (g.parts.length === 2 && g.seps[0] === '/' && g.parts[1]?.length === 4 && isBareBE(b) && p0.length <= 4) {
      emit(b, 'be', g.end - 4, g.end, false);
    } else {
      const date = asDate(g.parts);
      if (date) emit(date.year, isBareBE(nums[2] ?? 0) ? 'be' : 'ce', g.end - 4, g.end, false);
    }
  });
  return out;
}

/** Every year in the text, in BE, each digit run reported once under its most specific kind. */
export function findYearMentions(text: string): YearMention[] {
  const norm = normalize(text);
  const fiscal = scanFiscal(norm, text);
  const taken = new Coverage(norm.length);
  fiscal.spans.forEach((sp) => taken.add(sp));
  const out: YearMention[] = [...fiscal.mentions];
  for (const m of norm.matchAll(MONTH_YEAR_RE)) {
    const digits = m[2] ?? '';
    const at = groupSpan(m, 2);
    if (!at || taken.has(at[0]) || digits.length !== 2) continue;
    const year = yearFromDigits(digits);
    const monthAt = groupSpan(m, 1);
    if (year === null || !monthAt || monthOf(m[1] ?? '') === undefined) continue;
    taken.add(at);
    out.push({ year, kind: 'short', index: monthAt[0], raw: text.slice(monthAt[0], at[1]) });
  }
  out.push(...scanPlainYears(norm, text, taken));
  return out.sort((a, b) => a.index - b.index);
}

export function findMonthYears(text: string): MonthYear[] {
  return scanMonthYears(normalize(text), text);
}

/** Oct–Dec belong to the next fiscal year. */
export function fiscalYearOf(year: number, month: number): number {
  return month >= 10 ? year + 1 : year;
}

const ord = (ym: YearMonth) => ym.year * 12 + ym.month - 1;
const fromOrd = (o: number): YearMonth => ({ year: Math.floor(o / 12), month: (o % 12) + 1 });

export function findPeriodRanges(text: string): PeriodRange[] {
  const norm = normalize(text);
  const out: PeriodRange[] = [];
  for (const m of norm.matchAll(RANGE_RE)) {
    const fromMonth = monthOf(m[1] ?? '');
    const toMonth = monthOf(m[3] ?? '');
    const toYear = yearFromDigits(m[4] ?? '');
    if (fromMonth === undefined || toMonth === undefined || toYear === null) continue;
    // "ตุลาคม – ธันวาคม 2563" gives the year once; a from-month after the to-month is in the year before.
    const fromYear = m[2] ? yearFromDigits(m[2]) : fromMonth <= toMonth ? toYear : toYear - 1;
    if (fromYear === null) continue;
    const from = { year: fromYear, month: fromMonth };
    const to = { year: toYear, month: toMonth };
    const span = ord(to) - ord(from);
    if (span < 0 || span > 36) continue;
    out.push({ from, to, index: m.index, raw: text.slice(m.index, m.index + m[0].length).trim() });
  }
  return out;
}

const LAW_RE = /พระราชบัญญัติ|พ\s?\.\s?ร\s?\.\s?บ|พระราชกฤษฎีกา|พระราชกำหนด|ระเบียบ|กฎกระทรวง|กฏกระทรวง|รัฐธรรมนูญ|ประมวลกฎหมาย|ข้อบังคับ/;

/**
 * "ระเบียบกระทรวงการคลัง … พ.ศ. 2560" cites a law by its year; every procurement document does it, and it
 * says nothing about which fiscal year the document is for.
 */
function isLawCitation(norm: string, m: YearMention): boolean {
  if (!/^(?:ปี\s*)?พ/.test(m.raw)) return false;
  let lead = norm.slice(Math.max(0, m.index - 150), m.index);
  lead = lead.slice(lead.lastIndexOf('\n') + 1);
  const lastYear = lead.search(/\d{4}(?!.*\d{4})/s);
  if (lastYear >= 0) lead = lead.slice(lastYear + 4);
  return LAW_RE.test(lead) && !/ปี\s*งบ/.test(lead);
}

/**
 * Fiscal years the text is about: explicit from "ปีงบประมาณ …", derived from dates (by fiscalYearOf) and
 * from plain years (a plan "ประจำปี 2565" is the FY 2565 plan). Sorted by position.
 */
export function fiscalYearsMentioned(text: string): FiscalYearMention[] {
  const norm = normalize(text);
  const out: FiscalYearMention[] = [];
  const covered = new Coverage(norm.length);
  const fiscal = scanFiscal(norm, text);
  for (const m of fiscal.mentions) out.push({ fy: m.year, evidence: m.raw, index: m.index, strength: 'explicit' });
  fiscal.spans.forEach((sp) => covered.add(sp));
  for (const r of findPeriodRanges(text)) {
    covered.add([r.index, r.index + r.raw.length]);
    for (const end of [r.from, r.to]) out.push({ fy: fiscalYearOf(end.year, end.month), evidence: r.raw, index: r.index, strength: 'derived' });
  }
  for (const my of scanMonthYears(norm, text)) {
    if (covered.has(my.index)) continue;
    covered.add([my.index, my.index + my.raw.length]);
    out.push({ fy: fiscalYearOf(my.year, my.month), evidence: my.raw, index: my.index, strength: 'derived' });
  }
  const plain = findYearMentions(text).filter((m) => m.kind !== 'fiscal' && !covered.has(m.index) && !isLawCitation(norm, m));
  plain.forEach((m, i) => {
    out.push({ fy: m.year, evidence: m.raw, index: m.index, strength: 'derived' });
    // A multi-year plan "พ.ศ. 2566 - 2570" is about each year in between as well.
    const next = plain[i + 1];
    const gap = next ? norm.slice(m.index + m.raw.length, next.index) : '';
    if (next && /^\s*(?:-|ถึง)\s*$/.test(gap) && next.year > m.year && next.year - m.year <= 10) {
      for (let y = m.year + 1; y < next.year; y++) out.push({ fy: y, evidence: m.raw + gap + next.raw, index: m.index, strength: 'derived' });
    }
  });
  return out.sort((a, b) => a.index - b.index);
}

/** Titles come first in the text callers build, and graders judge a document by its title. */
const TITLE_ZONE = 300;

export interface YearSpan {
  from: number;
  to: number;
  raw: string;
  index: number;
}

const SPAN_RE = new RegExp(
  String.raw`(?:${BE_MARK}\s*|ปี\s*|\(\s*)(25\d\d)\s*(?:-|ถึง)\s*(?:${BE_MARK}\s*)?(25\d\d)${NUM_END}`,
);

/**
 * The first multi-year span of a text: "พ.ศ. 2561 - 2565", "(2566-2570)", "ปี ๒๕๖๑ ถึง ๒๕๖๕" (at most ten
 * years, BE). A plan for such a span is the plan of each year in it.
 */
export function multiYearSpan(text: string): YearSpan | undefined {
  const norm = normalize(text);
  const m = SPAN_RE.exec(norm);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (to <= from || to - from > 10) return undefined;
  return { from, to, raw: text.slice(m.index, m.index + m[0].length).trim(), index: m.index };
}

interface Ranked {
  fy: number;
  score: number;
  best: FiscalYearMention;
}

function weight(m: FiscalYearMention): number {
  return (m.strength === 'explicit' ? 3 : 1) * (m.index < TITLE_ZONE ? 3 : 1);
}

function rank(mentions: readonly FiscalYearMention[]): Ranked[] {
  const byFy = new Map<number, Ranked>();
  for (const m of mentions) {
    const r = byFy.get(m.fy);
    if (!r) byFy.set(m.fy, { fy: m.fy, score: weight(m), best: m });
    else {
      r.score += weight(m);
      if (weight(m) > weight(r.best)) r.best = m;
    }
  }
  return [...byFy.values()].sort((a, b) => b.score - a.score || a.best.index - b.best.index);
}

const SHORT_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const fmtMonth = (ym: YearMonth) => `${SHORT_MONTHS[ym.month - 1] ?? ''} ${ym.year}`;
const fyLabel = (fy: number) => `ปีงบประมาณ พ.ศ. ${fy}`;
const NO_YEAR = 'ไม่พบปีงบประมาณในเอกสาร';
const SIX_MONTHS_RE = /รอบ\s*6\s*เดือน|6\s*เดือนแรก|ครึ่งปีแรก|ครึ่งปีงบประมาณ|ไตรมาส(?:ที่)?\s*1\s*-\s*2/;

function quoteOf(text: string, index: number, raw: string): string {
  return quoteSpan(text, index, index + raw.length, 80);
}

function wrongYear(found: number, expected: string): string {
  return `พบเอกสารของ${fyLabel(found)} แต่ต้องเป็น${expected}`;
}

function expectedFor(rule: PeriodRule, y: number): string {
  switch (rule) {
    case 'none':
      return 'ไม่กำหนดปีงบประมาณ';
    case 'current-fy':
      return fyLabel(y);
    case 'previous-fy':
      return fyLabel(y - 1);
    case 'current-or-previous-fy':
      return `${fyLabel(y)} หรือ ${y - 1}`;
    case 'first-half-fy':
      return `ช่วง ${fmtMonth({ year: y - 1, month: 10 })} – ${fmtMonth({ year: y, month: 3 })} (ครึ่งแรกของ${fyLabel(y)})`;
    case 'monthly':
      return `ข้อมูลรายเดือนของ${fyLabel(y)} (${fmtMonth({ year: y - 1, month: 10 })} – ${fmtMonth({ year: y, month: 9 })})`;
  }
}

/** Months named in the text (ranges expanded), with the evidence that names them. */
function monthsNamed(text: string): { o: number; index: number; raw: string }[] {
  const out: { o: number; index: number; raw: string }[] = [];
  for (const r of findPeriodRanges(text)) {
    for (let o = ord(r.from); o <= ord(r.to); o++) out.push({ o, index: r.index, raw: r.raw });
  }
  for (const my of findMonthYears(text)) out.push({ o: ord(my), index: my.index, raw: my.raw });
  return out;
}

/**
 * Is the document for the period `rule` requires in assessment year `assessmentYear` (BE)?
 * The most prominent year decides (explicit "ปีงบประมาณ" and title mentions weigh most); a right year that
 * is only mentioned in passing gives 'unknown', and older years alone never give ok: true.
 */
export function checkPeriod(rule: PeriodRule, assessmentYear: number, text: string): PeriodVerdict {
  const y = assessmentYear;
  const expected = expectedFor(rule, y);
  const mentions = fiscalYearsMentioned(text);
  const ranked = rank(mentions);
  const foundYears = ranked.map((r) => r.fy);
  const top = ranked[0];
  if (rule === 'none') return { ok: true, foundYears, expected };
  if (rule === 'first-half-fy' || rule === 'monthly') return checkMonths(rule, y, text, mentions, ranked, expected);
  if (!top) return { ok: 'unknown', foundYears, expected, reason: NO_YEAR };

  // A multi-year plan named in the title ("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)") is the plan of each of its
  // years: the range decides, not its first year (which would rank as an old year).
  if (rule === 'current-fy' || rule === 'current-or-previous-fy') {
    const span = multiYearSpan(text.slice(0, TITLE_ZONE + 100));
    if (span && span.from <= y && y <= span.to) return { ok: true, foundYears: [y, ...foundYears.filter((f) => f !== y)], expected, quote: span.raw };
  }
  const accepted = rule === 'current-fy' ? [y] : rule === 'previous-fy' ? [y - 1] : [y, y - 1];
  const isAccepted = (fy: number) => accepted.includes(fy);
  // The title line's own year says whose document it is ("แผนการดำเนินงาน ประจำปี ๒๕๖๖"), whatever the dates
  // of the activities listed under it or the earlier year an opening paragraph cites.
  const line = titleLineSpan(text);
  const inTitle = line ? mentions.filter((m) => m.index >= line.start && m.index < line.end) : [];
  const titleHit = inTitle.find((m) => isAccepted(m.fy));
  if (titleHit) return { ok: true, foundYears, expected, quote: quoteOf(text, titleHit.index, titleHit.evidence) };
  const explicitHit = mentions.find((m) => m.strength === 'explicit' && isAccepted(m.fy));
  // A title that explicitly names only another year outweighs the right year named further down.
  const titleExplicit = mentions.filter((m) => m.strength === 'explicit' && m.index < TITLE_ZONE);
  const titleSaysOther = titleExplicit.length > 0 && !titleExplicit.some((m) => isAccepted(m.fy));
  if (explicitHit && !titleSaysOther) return { ok: true, foundYears, expected, quote: quoteOf(text, explicitHit.index, explicitHit.evidence) };
  if (isAccepted(top.fy) && !titleSaysOther) return { ok: true, foundYears, expected, quote: quoteOf(text, top.best.index, top.best.evidence) };
  // The right year only further down, under a title that names another year explicitly (a signing date,
  // an activity month): the title says whose year the document is — a decided wrong year, not a doubt.
  const hit = titleSaysOther ? undefined : ranked.find((r) => isAccepted(r.fy));
  if (hit) {
    return {
      ok: 'unknown',
      foundYears,
      expected,
      quote: quoteOf(text, top.best.index, top.best.evidence),
      reason: `พบทั้ง${fyLabel(hit.fy)} และ${fyLabel(top.fy)} ซึ่งเด่นกว่า ต้องตรวจสอบว่าเอกสารเป็นของปีใด`,
    };
  }
  return { ok: false, foundYears, expected, quote: quoteOf(text, top.best.index, top.best.evidence), reason: wrongYear(top.fy, expected) };
}

function checkMonths(
  rule: 'first-half-fy' | 'monthly',
  y: number,
  text: string,
  mentions: readonly FiscalYearMention[],
  ranked: readonly Ranked[],
  expected: string,
): PeriodVerdict {
  const foundYears = ranked.map((r) => r.fy);
  const top = ranked[0];
  if (!top) return { ok: 'unknown', foundYears, expected, reason: NO_YEAR };
  const fyStart = ord({ year: y - 1, month: 10 });
  const fyEnd = ord({ year: y, month: 9 });
  const inFy = monthsNamed(text).filter((m) => m.o >= fyStart && m.o <= fyEnd);
  const first = inFy.reduce<(typeof inFy)[number] | undefined>((a, m) => (a && a.index <= m.index ? a : m), undefined);
  const explicitY = mentions.find((m) => m.strength === 'explicit' && m.fy === y);
  const yProminent = top.fy === y || !!explicitY;

  if (rule === 'first-half-fy') {
    const halfEnd = ord({ year: y, month: 3 });
    const os = inFy.map((m) => m.o);
    // Months or ranges spanning Oct … Mar count, whether the data is monthly, quarterly or six-monthly.
    if (os.length > 0 && Math.min(...os) <= fyStart && Math.max(...os) >= halfEnd && first) {
      return { ok: true, foundYears, expected, quote: quoteOf(text, first.index, first.raw) };
    }
    // A period stated in the title that ends before March ("ไตรมาสที่ 1 (ต.ค. – ธ.ค. 65)") says the report
    // covers less than the half year, whatever its name ("รอบ 6 เดือน") promises.
    const titleRange = findPeriodRanges(text).find((r) => r.index < TITLE_ZONE && ord(r.from) >= fyStart && ord(r.to) <= fyEnd);
    if (titleRange && ord(titleRange.to) < halfEnd && os.every((o) => o < halfEnd)) {
      return {
        ok: false,
        foundYears,
        expected,
        quote: quoteOf(text, titleRange.index, titleRange.raw),
        reason: `รายงานครอบคลุมเพียง ${fmtMonth(titleRange.from)} – ${fmtMonth(titleRange.to)} ไม่ครบ${expected}`,
      };
    }
    const six = SIX_MONTHS_RE.exec(normalize(text));
    if (six && yProminent) {
      return { ok: true, foundYears, expected, quote: quoteOf(text, six.index, six[0]) };
    }
    if (yProminent) {
      return { ok: 'unknown', foundYears, expected, reason: `พบ${fyLabel(y)} แต่ไม่พบว่าครอบคลุม${expected}` };
    }
  } else {
    if (first && yProminent) return { ok: true, foundYears, expected, quote: quoteOf(text, first.index, first.raw) };
    if (first) {
      return {
        ok: 'unknown',
        foundYears,
        expected,
        quote: quoteOf(text, first.index, first.raw),
        reason: `พบเดือนของ${fyLabel(y)} แต่เอกสารส่วนใหญ่เป็นของ${fyLabel(top.fy)} ควรตรวจสอบ`,
      };
    }
    if (yProminent) return { ok: 'unknown', foundYears, expected, reason: `พบ${fyLabel(y)} แต่ไม่พบชื่อเดือน` };
  }
  return { ok: false, foundYears, expected, quote: quoteOf(text, top.best.index, top.best.evidence), reason: wrongYear(top.fy, expected) };
}
