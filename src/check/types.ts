import type { Checklist } from '../checklist/schema.js';
import type { ItemOverride, ItemResult, LinkRecord, PageSnapshot } from '../store/types.js';

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
}

export type Judge = (input: JudgeInput) => ItemResult[];
