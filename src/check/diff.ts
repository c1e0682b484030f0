/**
 * What changed between two judged scans of a site: the one comparison used by `oit diff`, the
 * report's "what changed" section and the multi-site index. Pure: two results in, a diff out.
 */
import type { ItemStatus } from '../store/types.js';
import { unreachableOf, type ScanResult } from './scan-result.js';

/** A URL the crawl could not open (no response, or HTTP 4xx/5xx), as recorded in a result's `deadLinks`. */
export interface DeadLink {
  url: string;
  status: number;
  error?: string;
  /** The page that linked to it. */
  from?: string;
}

export interface ItemChange {
  code: string;
  title: string;
  /** Status in the earlier scan; undefined when the item was not in it. */
  from?: ItemStatus;
  to: ItemStatus;
  /** Best URL (urls[0]) before and after. */
  fromUrl?: string;
  toUrl?: string;
}

export interface ScanRef {
  scanId: string;
  startedAt: string;
  checklistId: string;
  oit: number | null;
}

export interface ScanDiff {
  before: ScanRef;
  after: ScanRef;
  /** Items are matched by code on the same checklist, by title across checklists (codes move between years). */
  sameChecklist: boolean;
  /** after − before, null when either score is missing. */
  oitDelta: number | null;
  /** Passed before, not passed now (not-applicable is not a loss). */
  regressed: ItemChange[];
  /** Not passed before (and known), passed now. */
  improved: ItemChange[];
  /** Both scans name a best URL for the item and it differs. */
  urlChanged: ItemChange[];
  /** Dead now and not dead before; undefined when either result does not record its dead links. */
  newDeadLinks?: DeadLink[];
  /** Dead before and not dead now (same condition). */
  fixedDeadLinks?: DeadLink[];
}

type Item = ScanResult['items'][number];

const titleKey = (s: string) => s.replace(/[\s\u00a0]+/g, '');

/** The dead links a result records (results written before oit recorded them have none: undefined). */
export function deadLinksOf(result: ScanResult): DeadLink[] | undefined {
  const raw = (result as { deadLinks?: unknown }).deadLinks;
  return Array.isArray(raw) ? (raw as DeadLink[]) : undefined;
}

/** Items sort by their number, O2 before O10. */
const codeNumber = (code: string) => Number(/(\d+)/.exec(code)?.[1] ?? Number.MAX_SAFE_INTEGER);

function ref(r: ScanResult): ScanRef {
  return { scanId: r.scan.id, startedAt: r.scan.startedAt, checklistId: r.checklist.id, oit: r.oit.score };
}

const lost = (s: ItemStatus) => s !== 'pass' && s !== 'not-applicable';

/** Compares `after` with `before` (the earlier scan). */
export function diffScans(before: ScanResult, after: ScanResult): ScanDiff {
  const sameChecklist = before.checklist.id === after.checklist.id;
  const key = (i: Item) => (sameChecklist ? i.code : titleKey(i.title));
  const was = new Map(before.items.map((i) => [key(i), i]));
  const regressed: ItemChange[] = [];
  const improved: ItemChange[] = [];
  const urlChanged: ItemChange[] = [];
  // An unreachable scan judged nothing: its all-`error` items are neither losses nor gains.
  const comparable = !unreachableOf(before) && !unreachableOf(after);
  for (const now of (comparable ? [...after.items] : ([] as Item[])).sort((a, b) => codeNumber(a.code) - codeNumber(b.code))) {
    const prev = was.get(key(now));
    const change: ItemChange = {
      code: now.code,
      title: now.title,
      ...(prev ? { from: prev.status } : {}),
      to: now.status,
      ...(prev?.urls[0] ? { fromUrl: prev.urls[0] } : {}),
      ...(now.urls[0] ? { toUrl: now.urls[0] } : {}),
    };
    if (prev?.status === 'pass' && lost(now.status)) regressed.push(change);
    else if (now.status === 'pass' && prev !== undefined && prev.status !== 'pass') improved.push(change);
    if (change.fromUrl && change.toUrl && change.fromUrl !== change.toUrl) urlChanged.push(change);
  }
  const a = after.oit.score;
  const b = before.oit.score;
  const deadBefore = deadLinksOf(before);
  const deadAfter = deadLinksOf(after);
  const links =
    deadBefore && deadAfter
      ? {
          newDeadLinks: deadAfter.filter((d) => !deadBefore.some((x) => x.url === d.url)),
          fixedDeadLinks: deadBefore.filter((d) => !deadAfter.some((x) => x.url === d.url)),
        }
      : {};
  return {
    before: ref(before),
    after: ref(after),
    sameChecklist,
    oitDelta: a !== null && b !== null ? Math.round((a - b) * 100) / 100 : null,
    regressed,
    improved,
    urlChanged,
    ...links,
  };
}

/** True when something got worse: an item that passed no longer does. (`oit diff` exits 2 then.) */
export function hasRegression(diff: ScanDiff): boolean {
  return diff.regressed.length > 0;
}
