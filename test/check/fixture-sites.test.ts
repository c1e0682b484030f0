import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { round2, scoreOit } from '../../src/check/score.js';
import type { ItemStatus } from '../../src/store/types.js';
import { FIXTURE_SITES } from '../fixtures/sites/index.js';
import { runOffline } from '../helpers/run-fixture.js';

describe.each(FIXTURE_SITES.map((s) => [s.name, s] as const))('fixture site %s (offline snapshots)', (_name, site) => {
  it('ground truth is consistent: its OIT follows from its item statuses', () => {
    const { checklist } = loadChecklist(site.year);
    const statuses = new Map<string, ItemStatus>(checklist.items.map((i) => [i.code, site.expected.items[i.code] ?? 'fail']));
    expect(round2(scoreOit(checklist, statuses).oit)).toBe(site.expected.oit);
  });

  it('every item verdict matches the ground truth, no false pass, OIT as expected', () => {
    const o = runOffline(site);
    expect(o.falsePasses).toEqual([]);
    expect({ wrong: [...o.falseFails, ...o.falseReviews, ...o.otherWrong] }).toEqual({ wrong: [] });
    expect(o.oitGot).toBe(site.expected.oit);
  });
});
