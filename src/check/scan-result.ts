import { z } from 'zod';
import type { Checklist } from '../checklist/schema.js';
import type { ItemResult, ScanRecord } from '../store/types.js';
import type { Unreachable } from './reachability.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { round2, scoreOit } from './score.js';

/**
 * The public result contract `oit-scan-result/1` (report.json and `oit scan --json`). Scripts of our
 * users parse it: fields may be added, never renamed or removed.
 */
export const SCAN_RESULT_SCHEMA_ID = 'oit-scan-result/1';

const ItemStatusSchema = z.enum(['pass', 'fail', 'needs-review', 'not-applicable', 'error']);

export const ScanResultSchema = z.looseObject({
  schema: z.literal(SCAN_RESULT_SCHEMA_ID),
  tool: z.looseObject({ name: z.string(), version: z.string() }),
  site: z.string(),
  checklist: z.looseObject({ id: z.string().regex(/^ita-\d{4}$/), year: z.number().int(), confidence: z.enum(['confirmed', 'probable', 'provisional']) }),
  scan: z.looseObject({
    id: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    pagesFetched: z.number().int().min(0),
    documentsFetched: z.number().int().min(0),
    errors: z.number().int().min(0),
    /** Present when a limit (pages, depth, time, --until-evidence) stopped the crawl before it covered the site. */
    limits: z
      .array(z.looseObject({ limit: z.enum(['max-pages', 'max-depth', 'max-minutes', 'until-evidence']), value: z.number(), unvisited: z.number().int().min(0) }))
      .optional(),
  }),
  items: z.array(
    z
      .looseObject({
        code: z.string(),
        title: z.string(),
        subIndicator: z.string(),
        status: ItemStatusSchema,
        score: z.union([z.literal(0), z.literal(100)]),
        urls: z.array(z.string()),
        evidence: z.array(z.looseObject({ url: z.string(), foundVia: z.string(), quote: z.string().optional() })),
        reasons: z.array(z.string()),
      })
      .refine((i) => i.status !== 'pass' || i.urls.length > 0, { message: 'a pass must name at least one URL' })
      .refine((i) => (i.status === 'pass') === (i.score === 100), { message: 'only pass scores 100' }),
  ),
  subIndicators: z.array(z.looseObject({ id: z.string(), title: z.string(), indicator: z.string(), score: z.number().nullable(), items: z.number(), passed: z.number() })),
  indicators: z.array(z.looseObject({ id: z.string(), title: z.string(), score: z.number().nullable() })),
  oit: z.looseObject({ score: z.number().nullable() }),
  /** Set when the start page did not open: every item is `error` and every score null ("not scored"). */
  /** Which assessment year the scan's date falls in and how the checklist was chosen for it. */
  assessment: z.looseObject({ year: z.number().int(), checklistYear: z.number().int(), chosen: z.string(), fallback: z.boolean(), th: z.string(), en: z.string() }).optional(),
  unreachable: z.looseObject({ url: z.string(), cause: z.string(), status: z.number(), detail: z.string(), th: z.string(), en: z.string() }).optional(),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

const out = (x: number) => (Number.isNaN(x) ? null : round2(x));

/** The unreachable record of a result (results written before oit recorded it have none). */
export function unreachableOf(result: ScanResult): Unreachable | undefined {
  return (result.unreachable as Unreachable | undefined) ?? undefined;
}

export function buildScanResult(scan: ScanRecord, checklist: Checklist, items: ItemResult[], unreachable?: Unreachable): ScanResult {
  const score = scoreOit(checklist, new Map(items.map((i) => [i.code, i.status])));
  // Nothing was read: a score of 0 would be an invented verdict, so every score is null.
  const scored = (x: number) => (unreachable ? null : out(x));
  return {
    schema: SCAN_RESULT_SCHEMA_ID,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    site: scan.site,
    checklist: {
      id: checklist.id,
      year: checklist.year,
      confidence: checklist.confidence,
      hash: scan.checklistHash,
      unknownItems: checklist.unknownItems.map((u) => u.code),
    },
    scan: {
      id: scan.id,
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt ?? null,
      pagesFetched: scan.stats.pagesFetched,
      documentsFetched: scan.stats.documentsFetched,
      errors: scan.stats.errors,
      // Limits that cut the crawl short (absent when the crawl covered the site): a limited scan says so.
      ...(scan.stats.limits?.length ? { limits: scan.stats.limits.map((l) => ({ ...l })) } : {}),
    },
    items: items.map((i) => ({ ...i, evidence: i.evidence.map((e) => ({ ...e })) })),
    subIndicators: score.subIndicators.map((s) => ({ ...s, score: scored(s.score) })),
    indicators: score.indicators.map((i) => ({ ...i, score: scored(i.score) })),
    oit: { score: scored(score.oit) },
    ...(unreachable ? { unreachable: { ...unreachable } } : {}),
  };
}
