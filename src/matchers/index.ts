/** The matcher registry, sorted by id. */
import { blankForm } from './blank-form.js';
import { contentElements } from './content-elements.js';
import { documentSelfTitle } from './document-self-title.js';
import { externalHost } from './external-host.js';
import { fiscalYear } from './fiscal-year.js';
import { indexRow } from './index-row.js';
import { placeholder } from './placeholder.js';
import { reachable } from './reachable.js';
import { scannedDocument } from './scanned-document.js';
import { titleMatch } from './title-match.js';
import type { MatchContext, MatchOutcome, Matcher } from './types.js';

export const matchers = {
  'blank-form': blankForm,
  'content-elements': contentElements,
  'document-self-title': documentSelfTitle,
  'external-host': externalHost,
  'fiscal-year': fiscalYear,
  'index-row': indexRow,
  placeholder,
  reachable,
  'scanned-document': scannedDocument,
  'title-match': titleMatch,
} as const satisfies Record<string, Matcher>;

export type MatcherId = keyof typeof matchers;

export const matcherIds = Object.keys(matchers).sort() as MatcherId[];

/**
 * Matchers whose outcome depends only on the target, the item and the checklist (not on the words or row
 * that led to the target): a page reached from many candidates of one item (a listing's entries, each
 * also a candidate itself) is checked by them once per item.
 */
const TARGET_ONLY = new Set<MatcherId>(['reachable', 'scanned-document', 'blank-form', 'document-self-title', 'content-elements']);
/** By target, checklist and item object (not ids: a test may judge one target against edited checklists). */
const targetOutcomes = new WeakMap<object, WeakMap<object, WeakMap<object, Map<MatcherId, MatchOutcome>>>>();
/** Each matcher's default params, validated once (runMatcher is called for every target of every candidate). */
const defaults = new Map<MatcherId, unknown>();

/** Runs one matcher with its params validated (defaults filled in) by its schema. Outcomes are read-only. */
export function runMatcher(id: MatcherId, ctx: MatchContext, params: Record<string, unknown> = {}): MatchOutcome {
  const m = matchers[id] as Matcher;
  const plain = Object.keys(params).length === 0;
  let parsed = plain ? defaults.get(id) : undefined;
  if (parsed === undefined) {
    parsed = m.meta.params.parse(params);
    if (plain) defaults.set(id, parsed);
  }
  if (!plain || !ctx.target || !TARGET_ONLY.has(id)) return m.match(ctx, parsed);
  let byChecklist = targetOutcomes.get(ctx.target);
  if (!byChecklist) targetOutcomes.set(ctx.target, (byChecklist = new WeakMap()));
  let byItem = byChecklist.get(ctx.checklist);
  if (!byItem) byChecklist.set(ctx.checklist, (byItem = new WeakMap()));
  let memo = byItem.get(ctx.item);
  if (!memo) byItem.set(ctx.item, (memo = new Map()));
  let out = memo.get(id);
  if (!out) memo.set(id, (out = m.match(ctx, parsed)));
  return out;
}

export type { MatchContext, MatchOutcome, Matcher, Target, RowContext, Verdict } from './types.js';
