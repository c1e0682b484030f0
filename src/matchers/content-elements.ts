import { z } from 'zod';
import type { ContentElement } from '../checklist/schema.js';
import { findTermIn, fold, matchSpan, prepareText, quoteAround, quoteSpan, type PreparedText } from '../text/fold.js';
import { findCount, findCountsTable, findEmail, findMoney, findPersonName, findPhone, type Found } from './lib/detectors.js';
import { defineMatcher, type Target } from './types.js';

/**
 * A quote is worked out only when it is shown (see firstQuote): cutting it at Thai word boundaries
 * (Intl.Segmenter) cost more than finding the element.
 */
type Quote = () => string;

type ElementResult = { el: ContentElement; found: 'yes' | 'weak' | 'no' | 'unknown'; quote?: Quote; /** Only a heading with "-" under it. */ empty?: boolean };

const DASHES_ONLY = /^[-–—_.…\s]+$/;
const PUNCT = /[\s:;,()[\]"'“”]/g;

/**
 * Does every line that names one of the terms stand as a bare heading: nothing after the terms on its
 * line but a dash ("ปัญหาอุปสรรค: -", "ปัญหาอุปสรรค: - ข้อเสนอแนะ: -"), or nothing at all and only a dash on
 * the next line? Graders give no credit for such a section: a dash says nothing.
 */
export function onlyEmptySections(text: string, terms: readonly string[]): boolean {
  const lines = text.split(/\n+/).map((l) => l.trim());
  const folded = terms.map((t) => fold(t).replace(/ /g, '')).filter(Boolean).sort((a, b) => b.length - a.length);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const p = prepareText(lines[i]!);
    const hit = terms.map((t) => findTermIn(p, t)).find((m) => m !== null);
    if (!hit) continue;
    seen++;
    // The whole line, spaces removed (PDF extractors split words: "ปั ญหา"), without the terms, list
    // numbers, conjunctions and punctuation.
    let rest = p.spaceless;
    for (const f of folded) rest = rest.split(f).join('');
    rest = rest
      .replace(/^\d+(?:\.\d+)*[.)]?/, '')
      .replace(/และ|กับ|หรือ/g, '')
      .replace(PUNCT, '');
    if (rest && !DASHES_ONLY.test(rest)) return false;
    if (!rest) {
      const next = lines.slice(i + 1).find((l) => l.length > 0);
      if (next !== undefined && !DASHES_ONLY.test(next)) return false;
    }
  }
  return seen > 0;
}

function quoteOf(text: string, f: Found): Quote {
  return () => quoteSpan(text, f.index, f.index + f.text.length, 80);
}

/** The quote of the first element that has one (in checklist order), the only one a verdict shows. */
function firstQuote(results: ElementResult[]): string | undefined {
  for (const r of results) {
    const q = r.quote?.();
    if (q) return q;
  }
  return undefined;
}

function findTerms(el: ContentElement, text: string, prepared: PreparedText): ElementResult {
  let weak: ElementResult | undefined;
  let strong: ElementResult | undefined;
  let hits = 0;
  // Several different terms count only when they are different words: "กอง" inside "กองคลัง" is one hit.
  const spans: [number, number][] = [];
  const terms = el.minCount > 1 ? [...el.anyOf].sort((a, b) => b.length - a.length) : el.anyOf;
  for (const term of terms) {
    const m = findTermIn(prepared, term);
    if (!m) continue;
    if (el.minCount > 1) {
      const [a, b] = matchSpan(prepared, m);
      if (spans.some(([x, y]) => a < y && x < b)) continue;
      spans.push([a, b]);
    }
    hits++;
    const r: ElementResult = { el, found: m.confidence === 'toneless' ? 'weak' : 'yes', quote: () => quoteAround(text, prepared, m) };
    if (r.found === 'yes') strong ??= r;
    else weak ??= r;
    if (strong && hits >= el.minCount) return strong;
  }
  if (hits < el.minCount) return { el, found: 'no' };
  return strong ?? weak ?? { el, found: 'no' };
}

function checkElement(el: ContentElement, target: Target, prepared: PreparedText): ElementResult {
  const text = target.text;
  const isDoc = target.snapshot !== undefined && target.snapshot.kind !== 'html';
  switch (el.kind) {
    case 'terms': {
      const r = findTerms(el, text, prepared);
      // A bare heading ("ปัญหาอุปสรรค: -") says nothing; a list of several terms (units of a chart) is content.
      if ((r.found === 'yes' || r.found === 'weak') && el.minCount === 1 && onlyEmptySections(text, el.anyOf)) return { el, found: 'no', empty: true, quote: r.quote };
      return r;
    }
    case 'counts': {
      const none = findTerms({ ...el, anyOf: el.noneTerms, minCount: 1 }, text, prepared);
      if (el.noneTerms.length > 0 && none.found !== 'no') return none;
      const table = findCountsTable(text);
      if (table) return { el, found: 'yes', quote: quoteOf(text, table) };
      const r = findTerms(el, text, prepared);
      // Column headings with nothing under them are an empty table, not statistics.
      if (r.found !== 'no' && !findCount(text)) return { el, found: 'no', quote: r.quote };
      return r;
    }
    case 'phone': {
      const f = findPhone(text);
      return f ? { el, found: 'yes', quote: quoteOf(text, f) } : { el, found: 'no' };
    }
    case 'email': {
      const f = findEmail(text);
      return f ? { el, found: 'yes', quote: () => f.text } : { el, found: 'no' };
    }
    case 'money': {
      const f = findMoney(text);
      return f ? { el, found: 'yes', quote: quoteOf(text, f) } : { el, found: 'no' };
    }
    case 'person-name': {
      const f = findPersonName(text);
      return f ? { el, found: 'yes', quote: quoteOf(text, f) } : { el, found: 'no' };
    }
    case 'image': {
      if (isDoc) return { el, found: 'unknown' };
      return (target.images ?? 0) > 0 ? { el, found: 'yes' } : { el, found: 'no' };
    }
    case 'external-link': {
      if (isDoc) return { el, found: 'unknown' };
      const ext = target.externalLinks ?? [];
      return ext.length > 0 ? { el, found: 'yes', quote: () => ext[0]! } : { el, found: 'no' };
    }
  }
}

/** A web page whose content is one or more pictures and hardly any text (headings and title aside). */
function isPicturePage(t: Target): boolean {
  if (!t.snapshot || t.snapshot.kind !== 'html' || (t.images ?? 0) === 0) return false;
  let text = t.text.replace(/\s+/g, '');
  for (const h of [t.title ?? '', ...(t.headings ?? [])]) {
    const k = h.replace(/\s+/g, '');
    if (k) text = text.replace(k, '');
  }
  return text.length < PICTURE_PAGE_MAX_CHARS;
}
const PICTURE_PAGE_MAX_CHARS = 150;

/**
 * Are the item's content elements (checklist `elements`) present in the target? Terms after Thai
 * folding (tone-less matches count, with lower confidence); phone, e-mail, money, personal names by
 * recognisers; images and external links from the page structure. Required elements missing → fail,
 * except in OCR text, where a miss may be a misread (unknown).
 */
export const contentElements = defineMatcher({
  meta: {
    id: 'content-elements',
    description: "The item's required content elements (terms, phone, e-mail, image, money, person name, external link) are present",
    params: z.object({}),
  },
  match(ctx) {
    const t = ctx.target;
    if (!t?.snapshot) return { verdict: 'skip' };
    const elements = ctx.item.elements;
    if (elements.length === 0) return { verdict: 'pass', confidence: 1 };
    const prepared = prepareText(t.text);
    const results = elements.map((el) => checkElement(el, t, prepared));
    const required = results.filter((r) => r.el.required);
    const missing = required.filter((r) => r.found === 'no');
    const unknown = required.filter((r) => r.found === 'unknown');
    const weak = required.filter((r) => r.found === 'weak');
    const ocr = t.snapshot.textSource === 'ocr';
    const quote = firstQuote(results);
    const data = { missing: missing.map((r) => r.el.id), found: results.filter((r) => r.found === 'yes' || r.found === 'weak').map((r) => r.el.id) };
    if (missing.length > 0) {
      const labels = missing.map((r) => r.el.label).join(' และ');
      const empty = missing.filter((r) => r.empty).map((r) => r.el.label);
      if (empty.length > 0 && !ocr) {
        return { verdict: 'fail', reason: `มีหัวข้อ${empty.join(' และ')} แต่ไม่มีเนื้อหา (มีเพียงเครื่องหมาย "-")`, quote, data: { ...data, empty } };
      }
      if (ocr) return { verdict: 'unknown', reason: `ไม่พบ${labels} ในข้อความที่อ่านด้วย OCR (อาจอ่านผิด) ต้องตรวจด้วยตนเอง`, data };
      // A page that is essentially a picture (an org chart, a scanned announcement pasted as an image): what
      // is missing from its text may be in the picture, which a person can read and oit cannot.
      if (isPicturePage(t)) {
        return { verdict: 'unknown', reason: `หน้าเว็บเป็นรูปภาพ ไม่พบ${labels}ในข้อความ ต้องให้เจ้าหน้าที่ตรวจรูปภาพ`, data: { ...data, picture: true } };
      }
      return { verdict: 'fail', reason: `ไม่พบ${labels}`, quote, data };
    }
    if (unknown.length > 0) {
      const labels = unknown.map((r) => r.el.label).join(' และ');
      return { verdict: 'unknown', reason: `ตรวจ${labels}ในเอกสารไม่ได้ ต้องให้เจ้าหน้าที่ตรวจ`, quote, data };
    }
    const confidence = Math.max(0.5, 1 - 0.15 * weak.length) * (ocr ? 0.8 : 1);
    return { verdict: 'pass', confidence, quote, data };
  },
});
