/**
 * Thai text folding and term search.
 *
 * Agency sites, Word exports and PDF extractors spell the same title many ways (reference §5, §6):
 * split sara am, Thai digits, zero-width characters, &nbsp; runs, habitual misspellings, no word spaces,
 * dropped tone marks. Everything that compares Thai text goes through `fold` so all of those compare equal.
 */

// Invisible characters that editors insert inside words; they never carry meaning for matching.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Link text on agency sites is often padded with long runs of the entity itself (double-escaped HTML).
const NBSP_ENTITY = /&nbsp;|&#160;|&#xa0;/gi;
const THAI_DIGIT = /[\u0E50-\u0E59]/g;
// Word/PDF exports write sara am as nikhahit + sara aa, sometimes with the tone mark typed in between.
const SPLIT_SARA_AM = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;
// A tone mark can never follow sara am in correct Thai, so that order is an export artefact too.
const TONE_AFTER_SARA_AM = /\u0E33([\u0E48-\u0E4B])/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E]/g;
const SINGLE_QUOTES = /[\u2018\u2019]/g;
const WHITESPACE = /\s+/g;

/**
 * Misspellings common enough on agency sites that graders still accept the page.
 * กฏ→กฎ also turns the correct ปรากฏ into ปรากฎ; harmless, because both sides of a comparison are folded.
 */
const MISSPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/กฏ/g, 'กฎ'],
  [/เเ/g, 'แ'],
  [/โปรงใส/g, 'โปร่งใส'],
];

// Marks that pdf.js-based extractors drop or move: maitaikhu, the four tone marks, thanthakhat, nikhahit.
const TONE_MARKS = /[\u0E47-\u0E4D]/g;
const SARA_AM = 0x0e33;
const SARA_AA = 0x0e32;

// Link texts, menu labels and titles repeat on every page of a site (thousands of times in one judgement),
// so short inputs are memoised; the cache is dropped whole when it grows, which keeps memory bounded.
const MEMO_MAX_INPUT = 2000;
const MEMO_MAX_ENTRIES = 200_000;
const memo = new Map<string, string>();

/** The canonical comparison form. Not for display: digits, case and some spellings are changed. */
export function fold(s: string): string {
  if (s.length > MEMO_MAX_INPUT) return foldUncached(s);
  let t = memo.get(s);
  if (t === undefined) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    t = foldUncached(s);
    memo.set(s, t);
  }
  return t;
}

function foldUncached(s: string): string {
  let t = s.replace(NBSP_ENTITY, ' ').replace(INVISIBLE, '').normalize('NFC');
  t = t.replace(THAI_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 0x30));
  t = t.replace(SPLIT_SARA_AM, '$1\u0E33').replace(TONE_AFTER_SARA_AM, '$1\u0E33');
  for (const [re, to] of MISSPELLINGS) t = t.replace(re, to);
  t = t.replace(DASHES, '-').replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
  return t.replace(WHITESPACE, ' ').trim().toLowerCase();
}

/** Thai writes no spaces between words, so "รอบ6เดือน" and "รอบ 6 เดือน" are the same title. */
export function foldSpaceless(s: string): string {
  return fold(s).replace(/ /g, '');
}

/**
 * Lower-confidence fallback for text from PDF extractors that lose tone marks.
 * Sara am becomes sara aa because extractors that split ำ into ํ+า then drop the ํ.
 */
export function stripTones(s: string): string {
  return s.replace(TONE_MARKS, '').replace(/\u0E33/g, '\u0E32');
}

export type MatchConfidence = 'exact' | 'spaceless' | 'toneless';

export interface TermMatch {
  confidence: MatchConfidence;
  /** Offset in the form that matched: folded, spaceless or toneless. */
  index: number;
  /** The matched stretch of the folded haystack (with its spaces and marks), readable in a report. */
  matched: string;
}

/** A haystack folded once, so that many terms can be looked up in a large document cheaply. */
export interface PreparedText {
  readonly folded: string;
  readonly spaceless: string;
  readonly toneless: string;
  /** Position in `folded` of each character of `spaceless`, to quote spaceless matches. */
  readonly spacelessToFolded: Int32Array;
  /** Position in `folded` of each character of `toneless`. */
  readonly tonelessToFolded: Int32Array;
}

/**
 * Keeps or rewrites each UTF-16 unit of `src` (`pick` returns -1 to drop) and records where each kept
 * unit came from, composed with `srcMap` so the result maps straight to the folded text.
 */
function project(src: string, srcMap: Int32Array | null, pick: (code: number) => number): [string, Int32Array] {
  const codes = new Uint16Array(src.length);
  const map = new Int32Array(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = pick(src.charCodeAt(i));
    if (c < 0) continue;
    codes[n] = c;
    map[n] = srcMap ? (srcMap[i] ?? i) : i;
    n++;
  }
  // Decoding the code units as UTF-16LE (the typed array's byte order on every platform Node runs on)
  // builds the string natively: fromCharCode(...units) was 40 % of the cost of preparing a long text.
  // Node's decoder copies lone surrogates as they are, as fromCharCode did.
  return [Buffer.from(codes.buffer, 0, n * 2).toString('utf16le'), map.slice(0, n)];
}

const SPACE = 0x20;

export function prepareText(s: string): PreparedText {
  const folded = fold(s);
  const [spaceless, spacelessToFolded] = project(folded, null, (c) => (c === SPACE ? -1 : c));
  const [toneless, tonelessToFolded] = project(spaceless, spacelessToFolded, (c) =>
    c >= 0x0e47 && c <= 0x0e4d ? -1 : c === SARA_AM ? SARA_AA : c,
  );
  return { folded, spaceless, toneless, spacelessToFolded, tonelessToFolded };
}

/** A term in the three forms findTermIn compares: folded, without spaces, and without tone marks too. */
export interface FoldedTerm {
  folded: string;
  spaceless: string;
  toneless: string;
}

// Checklist terms are few and looked up in every page; folding them once matters on large crawls.
const termCache = new Map<string, FoldedTerm>();
const TERM_CACHE_LIMIT = 10_000;

export function foldTerm(term: string): FoldedTerm {
  let t = termCache.get(term);
  if (!t) {
    const folded = fold(term);
    const spaceless = folded.replace(/ /g, '');
    t = { folded, spaceless, toneless: stripTones(spaceless) };
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(term, t);
  }
  return t;
}

function foldedSlice(p: PreparedText, map: Int32Array, index: number, length: number): string {
  const start = map[index] ?? 0;
  const end = (map[index + length - 1] ?? start) + 1;
  return p.folded.slice(start, end);
}

/**
 * Reports the strictest form that matches. Searches the loosest form first: a miss there rules out the
 * stricter forms, and most terms miss on most pages, so a miss costs one scan instead of three.
 */
export function findTermIn(p: PreparedText, term: string): TermMatch | null {
  const t = foldTerm(term);
  if (t.toneless === '' || p.toneless.indexOf(t.toneless) < 0) return null;
  let i = p.folded.indexOf(t.folded);
  if (i >= 0) return { confidence: 'exact', index: i, matched: p.folded.slice(i, i + t.folded.length) };
  i = p.spaceless.indexOf(t.spaceless);
  if (i >= 0) return { confidence: 'spaceless', index: i, matched: foldedSlice(p, p.spacelessToFolded, i, t.spaceless.length) };
  i = p.toneless.indexOf(t.toneless);
  return { confidence: 'toneless', index: i, matched: foldedSlice(p, p.tonelessToFolded, i, t.toneless.length) };
}

/** One-off convenience; for many terms in one text use `prepareText` + `findTermIn`. */
export function findTerm(haystack: string, term: string): TermMatch | null {
  return findTermIn(prepareText(haystack), term);
}

/** Where a match lies in `prepared.folded`, whatever form it was found in. */
export function matchSpan(p: PreparedText, m: TermMatch): [number, number] {
  const start =
    m.confidence === 'exact' ? m.index : ((m.confidence === 'spaceless' ? p.spacelessToFolded : p.tonelessToFolded)[m.index] ?? 0);
  return [start, start + m.matched.length];
}

/**
 * A quote for the report. Taken from the folded form: the original's offsets are lost by folding, and the
 * folded text is still readable Thai. `original` stays in the signature for callers that keep both.
 */
export function quoteAround(original: string, prepared: PreparedText, match: TermMatch, width = 80): string {
  void original;
  const [start, end] = matchSpan(prepared, match);
  return quoteSpan(prepared.folded, start, end, width);
}

const WORD_SEGMENTER = new Intl.Segmenter('th', { granularity: 'word' });

// Thai vowel and tone marks that sit on a base consonant: a cut just before one would orphan it.
function isThaiMark(code: number): boolean {
  return code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e);
}

/**
 * About `width` characters of `text` around [start, end), cut at word boundaries (Thai has no spaces, so
 * boundaries come from Intl.Segmenter), whitespace collapsed, with … where text was cut off.
 */
export function quoteSpan(text: string, start: number, end: number, width = 80): string {
  const room = Math.max(0, width - (end - start));
  let lo = Math.max(0, start - Math.ceil(room / 2));
  let hi = Math.min(text.length, end + Math.floor(room / 2));
  if (lo > 0 || hi < text.length) {
    // Segment a little beyond the window: the edges of a sliced string are not real word boundaries.
    const from = Math.max(0, lo - 24);
    const to = Math.min(text.length, hi + 24);
    const bounds: number[] = [];
    for (const seg of WORD_SEGMENTER.segment(text.slice(from, to))) bounds.push(from + seg.index);
    bounds.push(to);
    if (lo > 0) lo = bounds.find((b) => b >= lo && b <= start && (b > from || from === 0)) ?? lo;
    if (hi < text.length) hi = [...bounds].reverse().find((b) => b <= hi && b >= end && (b < to || to === text.length)) ?? hi;
  }
  while (lo < start && isThaiMark(text.charCodeAt(lo))) lo++;
  while (hi < text.length && isThaiMark(text.charCodeAt(hi))) hi++;
  const body = text.slice(lo, hi).replace(WHITESPACE, ' ').trim();
  return (lo > 0 ? '…' : '') + body + (hi < text.length ? '…' : '');
}

/** Words of `s` (not folded), without spaces and punctuation. */
export function segmentWords(s: string): string[] {
  const words: string[] = [];
  for (const seg of WORD_SEGMENTER.segment(s)) if (seg.isWordLike) words.push(seg.segment);
  return words;
}

function bigrams(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/**
 * Dice coefficient over character bigrams of the spaceless folded forms, in 0..1. Bigrams rather than
 * words because Thai word segmentation of short, misspelt menu labels is unreliable.
 */
export function similarity(a: string, b: string): number {
  const x = foldSpaceless(a);
  const y = foldSpaceless(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}
