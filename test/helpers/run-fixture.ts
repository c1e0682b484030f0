/**
 * Runs a fixture site through the judgement and compares with its ground truth. Two paths:
 * offline (snapshots built from the route map, no network) and end-to-end (served on loopback,
 * crawled by src/crawl, stored in an in-memory SQLite store, then judged).
 */
import { loadChecklist } from '../../src/checklist/load.js';
import { judge } from '../../src/check/judge.js';
import { round2, scoreOit } from '../../src/check/score.js';
import type { ItemResult, ItemStatus, LinkRecord, PageSnapshot } from '../../src/store/types.js';
import type { FixtureSite } from '../fixtures/sites/types.js';
import { offlineScan } from './offline-scan.js';

export interface FixtureOutcome {
  site: string;
  items: number;
  correct: number;
  accuracy: number;
  falsePasses: string[];
  falseFails: string[];
  falseReviews: string[];
  otherWrong: string[];
  oitExpected: number;
  oitGot: number;
  results: ItemResult[];
}

export function compare(site: FixtureSite, results: ItemResult[]): FixtureOutcome {
  const { checklist } = loadChecklist(site.year);
  const got = new Map(results.map((r) => [r.code, r.status]));
  const falsePasses: string[] = [];
  const falseFails: string[] = [];
  const falseReviews: string[] = [];
  const otherWrong: string[] = [];
  let correct = 0;
  for (const item of checklist.items) {
    const want = site.expected.items[item.code] ?? 'fail';
    const have = got.get(item.code) ?? 'error';
    if (want === have) correct++;
    else if (have === 'pass') falsePasses.push(`${item.code} (want ${want})`);
    else if (have === 'fail') falseFails.push(`${item.code} (want ${want})`);
    else if (have === 'needs-review') falseReviews.push(`${item.code} (want ${want})`);
    else otherWrong.push(`${item.code} ${have} (want ${want})`);
  }
  const oitGot = round2(scoreOit(checklist, new Map<string, ItemStatus>(results.map((r) => [r.code, r.status]))).oit);
  return {
    site: site.name,
    items: checklist.items.length,
    correct,
    accuracy: round2((100 * correct) / checklist.items.length),
    falsePasses,
    falseFails,
    falseReviews,
    otherWrong,
    oitExpected: site.expected.oit,
    oitGot,
    results,
  };
}

export function judgeSnapshots(site: FixtureSite, startUrl: string, pages: PageSnapshot[], links: LinkRecord[]): ItemResult[] {
  const { checklist } = loadChecklist(site.year);
  return judge({ checklist, startUrl, pages, links, overrides: [] });
}

export function runOffline(site: FixtureSite): FixtureOutcome {
  const scan = offlineScan(site);
  return compare(site, judgeSnapshots(site, scan.startUrl, scan.pages, scan.links));
}
