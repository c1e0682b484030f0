import { z } from 'zod';

/**
 * The shape of one assessment year's OIT checklist (checklists/ita-YYYY.json).
 * This schema *is* the TypeScript type: everything downstream (matchers, scoring, reports)
 * reads checklist data only through these inferred types.
 */

export const Confidence = z.enum(['confirmed', 'probable', 'provisional']);
export type Confidence = z.infer<typeof Confidence>;

/** What the grader opens: a web page, a document file, or a link to a working online system/account. */
export const EvidenceKind = z.enum(['page', 'document', 'page-or-document', 'online-system']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/**
 * Which fiscal year the evidence must be for, relative to assessment year Y (Buddhist era).
 * - current-fy: FY Y (plans, announcements, measures)
 * - previous-fy: FY Y-1 (annual reports)
 * - current-or-previous-fy: FY Y or Y-1 (e.g. satisfaction survey)
 * - first-half-fy: covers Oct Y-1 … Mar Y (six-month reports)
 * - monthly: month-by-month data inside FY Y
 * - none: no year rule (org chart, contact, laws…)
 */
export const PeriodRule = z.enum(['none', 'current-fy', 'previous-fy', 'current-or-previous-fy', 'first-half-fy', 'monthly']);
export type PeriodRule = z.infer<typeof PeriodRule>;

/**
 * A content element graders look for. `kind: terms` is satisfied when any of `anyOf` occurs
 * (after Thai folding); the other kinds are recognised by dedicated matchers.
 */
/**
 * `counts`: statistics — a term of `anyOf` together with at least one count (a number that is not a year,
 * a date, a phone number or a list number), or a table of numbers by month/quarter (statistics often are only
 * that), or a statement that the count is zero (`noneTerms`: "ไม่มีเรื่องร้องเรียน"). Header words alone are
 * an empty table.
 */
export const ElementKind = z.enum(['terms', 'counts', 'phone', 'email', 'image', 'money', 'person-name', 'external-link']);
export type ElementKind = z.infer<typeof ElementKind>;

const thaiText = z.string().trim().min(1);

export const ContentElement = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'element id must be kebab-case ASCII'),
    label: thaiText.describe('Thai name of the element, shown in reasons ("ไม่พบ<label>")'),
    kind: ElementKind.default('terms'),
    anyOf: z.array(thaiText).default([]),
    /** Counts: statements that the count is zero, which satisfy the element without numbers. */
    noneTerms: z.array(thaiText).default([]),
    /** Terms: how many different terms of anyOf must occur (an org chart names several units, not one). */
    minCount: z.number().int().min(1).default(1),
    required: z.boolean().default(true),
  })
  .superRefine((el, ctx) => {
    if ((el.kind === 'terms' || el.kind === 'counts') && el.anyOf.length === 0) {
      ctx.addIssue({ code: 'custom', message: `an element of kind "${el.kind}" needs at least one term in anyOf` });
    }
  });
export type ContentElement = z.infer<typeof ContentElement>;

export const ItemStatus = z.enum(['confirmed', 'probable', 'unknown']);

export const ChecklistItem = z.object({
  code: z.string().regex(/^O\d{1,2}$/, 'item code must look like O1 … O43'),
  title: thaiText.describe('official Thai title'),
  variants: z.array(thaiText).default([]).describe('titles and menu labels seen on real sites'),
  subIndicator: z.string().regex(/^\d+\.\d+$/),
  evidence: EvidenceKind,
  period: PeriodRule,
  elements: z.array(ContentElement).default([]),
  requirement: thaiText.describe('what graders require, in Thai'),
  advice: thaiText.describe('how to fix it when missing, in Thai'),
  status: ItemStatus.default('confirmed'),
  broader: z
    .object({
      variants: z.array(thaiText).min(1).describe('menu labels of something broader than the item ("ร้องเรียน/ร้องทุกข์")'),
      reason: thaiText.describe('why a person must look, in Thai'),
      confirmTerms: z.array(thaiText).default([]).describe('words on the page itself that show it is the item after all'),
    })
    .optional()
    .describe('evidence named only by a broader label is never a pass: it goes to a person with this reason'),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Indicator = z.object({
  id: z.string().regex(/^\d+$/),
  title: thaiText,
  tool: z.enum(['IIT', 'EIT', 'OIT']),
});
export type Indicator = z.infer<typeof Indicator>;

export const SubIndicator = z.object({
  id: z.string().regex(/^\d+\.\d+$/),
  indicator: z.string().regex(/^\d+$/),
  title: thaiText,
});
export type SubIndicator = z.infer<typeof SubIndicator>;

export const UnknownItem = z.object({
  code: z.string().regex(/^O\d{1,2}$/),
  probableTitle: thaiText.optional(),
  note: thaiText,
});
export type UnknownItem = z.infer<typeof UnknownItem>;

export const Checklist = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^ita-\d{4}$/),
    year: z.number().int().min(2560).max(2600),
    confidence: Confidence,
    title: thaiText,
    notes: z.array(thaiText).default([]),
    sources: z.array(thaiText).default([]),
    /** Other labels that mean "this is the ITA/OIT index page" on agency sites. */
    indexPageLabels: z.array(thaiText).default([]),
    indicators: z.array(Indicator).min(1),
    subIndicators: z.array(SubIndicator).min(1),
    items: z.array(ChecklistItem).min(1),
    unknownItems: z.array(UnknownItem).default([]),
  })
  .superRefine((cl, ctx) => {
    const indicatorIds = new Set(cl.indicators.map((i) => i.id));
    const subIds = new Set<string>();
    cl.subIndicators.forEach((s, i) => {
      if (!indicatorIds.has(s.indicator)) {
        ctx.addIssue({ code: 'custom', path: ['subIndicators', i, 'indicator'], message: `unknown indicator "${s.indicator}"` });
      }
      if (subIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['subIndicators', i, 'id'], message: `duplicate sub-indicator "${s.id}"` });
      subIds.add(s.id);
    });
    const codes = new Set<string>();
    cl.items.forEach((item, i) => {
      if (codes.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `duplicate item code "${item.code}"` });
      codes.add(item.code);
      if (!subIds.has(item.subIndicator)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'subIndicator'], message: `unknown sub-indicator "${item.subIndicator}"` });
      }
      const elIds = new Set<string>();
      item.elements.forEach((el, j) => {
        if (elIds.has(el.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'elements', j, 'id'], message: `duplicate element id "${el.id}"` });
        elIds.add(el.id);
      });
    });
    for (const sub of cl.subIndicators) {
      const ind = cl.indicators.find((x) => x.id === sub.indicator);
      if (ind?.tool === 'OIT' && !cl.items.some((it) => it.subIndicator === sub.id) && cl.confidence !== 'provisional') {
        ctx.addIssue({ code: 'custom', path: ['subIndicators'], message: `sub-indicator "${sub.id}" has no items` });
      }
    }
    cl.unknownItems.forEach((u, i) => {
      if (codes.has(u.code)) ctx.addIssue({ code: 'custom', path: ['unknownItems', i, 'code'], message: `"${u.code}" is both an item and an unknown item` });
    });
  });
export type Checklist = z.infer<typeof Checklist>;

/** An item's Thai title for messages, or its code when the checklist has no such item. */
export function itemTitle(checklist: Checklist, code: string): string {
  return checklist.items.find((i) => i.code === code)?.title ?? code;
}
export type ChecklistInput = z.input<typeof Checklist>;
