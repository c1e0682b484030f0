import { z } from 'zod';
import type { ContentElement } from '../checklist/schema.js';
import { findTermIn, prepareText, quoteAround, quoteSpan, type PreparedText } from '../text/fold.js';
import { findEmail, findMoney, findPersonName, findPhone, type Found } from './lib/detectors.js';
import { defineMatcher, type Target } from './types.js';

type ElementResult = { el: ContentElement; found: 'yes' | 'weak' | 'no' | 'unknown'; quote?: string };

function quoteOf(text: string, f: Found): string {
  return quoteSpan(text, f.index, f.index + f.text.length, 80);
}

function checkElement(el: ContentElement, target: Target, prepared: PreparedText): ElementResult {
  const text = target.text;
  const isDoc = target.snapshot !== undefined && target.snapshot.kind !== 'html';
  switch (el.kind) {
    case 'terms': {
      let weak: ElementResult | undefined;
      for (const term of el.anyOf) {
        const m = findTermIn(prepared, term);
        if (!m) continue;
        const r: ElementResult = { el, found: m.confidence === 'toneless' ? 'weak' : 'yes', quote: quoteAround(text, prepared, m) };
        if (r.found === 'yes') return r;
        weak ??= r;
      }
      return weak ?? { el, found: 'no' };
    }
    case 'phone': {
      const f = findPhone(text);
      return f ? { el, found: 'yes', quote: quoteOf(text, f) } : { el, found: 'no' };
    }
    case 'email': {
      const f = findEmail(text);
      return f ? { el, found: 'yes', quote: f.text } : { el, found: 'no' };
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
      return ext.length > 0 ? { el, found: 'yes', quote: ext[0] } : { el, found: 'no' };
    }
  }
}

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
    // "ปีงบประมาณ 2565" heads every government document: it is not evidence of budget figures.
    const prepared = prepareText(t.text.replace(/ปี\s*งบ\s*ประมาณ/g, 'ปีงบฯ'));
    const results = elements.map((el) => checkElement(el, t, prepared));
    const required = results.filter((r) => r.el.required);
    const missing = required.filter((r) => r.found === 'no');
    const unknown = required.filter((r) => r.found === 'unknown');
    const weak = required.filter((r) => r.found === 'weak');
    const ocr = t.snapshot.textSource === 'ocr';
    const quote = results.find((r) => r.quote)?.quote;
    const data = { missing: missing.map((r) => r.el.id), found: results.filter((r) => r.found === 'yes' || r.found === 'weak').map((r) => r.el.id) };
    if (missing.length > 0) {
      const labels = missing.map((r) => r.el.label).join(' และ');
      if (ocr) return { verdict: 'unknown', reason: `ไม่พบ${labels} ในข้อความที่อ่านด้วย OCR (อาจอ่านผิด) ต้องตรวจด้วยตนเอง`, data };
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
