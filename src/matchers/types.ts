/**
 * A matcher is one pure question about one candidate piece of evidence for one checklist item
 * ("is it reachable?", "is it for the right fiscal year?"), written as a plain object in the style of
 * an ESLint rule: `meta` (id, description, params schema) and `match(ctx, params)`. The judge composes
 * them; item-specific behaviour comes from the checklist data, never from code.
 */
import type { z } from 'zod';
import type { Checklist, ChecklistItem } from '../checklist/schema.js';
import type { PageSnapshot } from '../store/types.js';

/** The resource a candidate link leads to, as the crawler stored it. */
export interface Target {
  /** Absolute URL (or the raw href when it is not http: "#", "javascript:void(0)"). */
  url: string;
  /** Undefined when the crawler did not fetch it (out of scope, external host, limits). */
  snapshot?: PageSnapshot;
  /**
   * Text to judge: the main content of a page (menus and navigation removed), or the extracted text
   * of a document.
   */
  text: string;
  title?: string;
  /** h1–h3 of a page. */
  headings?: string[];
  /** Content images of a page (logos and icons left out). */
  images?: number;
  /** Fillable forms of a page (an online service). */
  forms?: number;
  /** External link targets in the page's main content (absolute URLs). */
  externalLinks?: string[];
  /** Links in the main content (documents and pages it lists). */
  contentLinks?: number;
  /** Tables of a page's main content: total, those with data cells, characters outside tables. */
  tables?: { total: number; withData: number; outsideChars: number };
}

/** Where a candidate was found: an index-page row, a menu, a link's context. */
export interface RowContext {
  /** The row / list item / heading text, label included ("O11 รายงาน…"). */
  text: string;
  /** Table cells, when the row is a table row. */
  cells?: string[];
  /** Item number read from the row label, a hint only. */
  hint?: number;
}

export interface MatchContext {
  item: ChecklistItem;
  checklist: Checklist;
  /** Assessment year (BE). */
  year: number;
  /** Host of the agency's own site (the scan's start URL). */
  siteHost: string;
  /** Texts that name the candidate where it was linked: link text, label, menu path, heading. */
  names: string[];
  row?: RowContext;
  target?: Target;
}

/**
 * - pass: the matcher's question is answered yes.
 * - fail: answered no; `reason` says why in Thai.
 * - unknown: cannot be decided from stored data; a human must look (`reason` says what to check).
 * - skip: the question does not apply to this candidate.
 */
export type Verdict = 'pass' | 'fail' | 'unknown' | 'skip';

export interface MatchOutcome {
  verdict: Verdict;
  /** 0..1, how sure the matcher is of a pass (1 when not given). */
  confidence?: number;
  reason?: string;
  quote?: string;
  /** Matcher-specific facts for the judge (e.g. the item a look-alike names). */
  data?: Record<string, unknown>;
}

export interface MatcherMeta<P extends z.ZodType> {
  id: string;
  description: string;
  params: P;
}

export interface Matcher<P extends z.ZodType = z.ZodType> {
  meta: MatcherMeta<P>;
  match(ctx: MatchContext, params: z.output<P>): MatchOutcome;
}

export function defineMatcher<P extends z.ZodType>(m: Matcher<P>): Matcher<P> {
  return m;
}
