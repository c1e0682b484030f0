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

/** Runs one matcher with its params validated (defaults filled in) by its schema. */
export function runMatcher(id: MatcherId, ctx: MatchContext, params: Record<string, unknown> = {}): MatchOutcome {
  const m = matchers[id] as Matcher;
  return m.match(ctx, m.meta.params.parse(params));
}

export type { MatchContext, MatchOutcome, Matcher, Target, RowContext, Verdict } from './types.js';
