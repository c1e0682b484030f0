import type { Checklist } from '../checklist/schema.js';
import type { CrawlLimitHit, ItemOverride, ItemResult, LinkRecord, PageSnapshot } from '../store/types.js';

/** Everything the judgement needs; it reads no files and no network, so a stored scan can be re-judged. */
export interface JudgeInput {
  checklist: Checklist;
  /** Normalised start URL of the scan (the home page for click paths). */
  startUrl: string;
  /** Snapshots with html included. */
  pages: PageSnapshot[];
  links: LinkRecord[];
  /** Human decisions for this site and year, applied last. */
  overrides: ItemOverride[];
  /** Limits that cut the crawl short (the scan's stats): "nothing found" is then not a finding. */
  limits?: readonly CrawlLimitHit[];
}

export type Judge = (input: JudgeInput) => ItemResult[];

/**
 * How far the judgement of a stored scan is: `done` of `total` items judged, `code` the item just judged
 * (none at the start, told before the scan is read back). Judging a big site takes seconds to minutes
 * after its crawl; a person watching should see it move.
 */
export interface JudgeProgress {
  type: 'judging';
  done: number;
  total: number;
  code?: string;
}
