import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { gradeOf, round2, scoreIta, scoreOit } from '../../src/check/score.js';
import type { ItemStatus } from '../../src/store/types.js';

const SEED_IIT = [84.72, 75.9, 81.11, 71.62, 78.38];
const SEED_EIT = [74.76, 66.78, 70.81];

function statusesFor(year: number, failing: string[], others: ItemStatus = 'pass') {
  const { checklist } = loadChecklist(year);
  const map = new Map<string, ItemStatus>(checklist.items.map((i) => [i.code, failing.includes(i.code) ? 'fail' : others]));
  return { checklist, map };
}

describe('OIT scoring reproduces the published 2565 seed report', () => {
  const { checklist, map } = statusesFor(2565, ['O11', 'O24']);
  const s = scoreOit(checklist, map);
  const sub = (id: string) => round2(s.subIndicators.find((x) => x.id === id)!.score);

  it.each([
    ['9.1', 100],
    ['9.2', 87.5],
    ['9.3', 85.71],
    ['9.4', 100],
    ['9.5', 100],
    ['10.1', 100],
    ['10.2', 100],
  ])('sub-indicator %s = %s', (id, expected) => expect(sub(id)).toBe(expected));

  it('indicator 9 = 94.64 (mean of sub-indicators, not of items), indicator 10 = 100, OIT = 97.32', () => {
    expect(round2(s.indicators.find((i) => i.id === '9')!.score)).toBe(94.64);
    expect(round2(s.indicators.find((i) => i.id === '10')!.score)).toBe(100);
    expect(round2(s.oit)).toBe(97.32);
    // The tempting wrong method (mean over the 33 items of indicator 9) gives 93.94.
    const items9 = checklist.items.filter((i) => i.subIndicator.startsWith('9.'));
    const naive = (100 * items9.filter((i) => map.get(i.code) === 'pass').length) / items9.length;
    expect(round2(naive)).toBe(93.94);
    expect(round2(s.indicators.find((i) => i.id === '9')!.score)).not.toBe(round2(naive));
  });

  it('ITA = 83.67, grade B, not passing with the seed IIT/EIT scores', () => {
    const ita = scoreIta(SEED_IIT, SEED_EIT, s.oit);
    expect(round2(ita.iit)).toBe(78.35);
    expect(round2(ita.eit)).toBe(70.78);
    expect(round2(ita.ita)).toBe(83.67);
    expect(ita.grade).toBe('B');
    expect(ita.pass).toBe(false);
  });

  it('using 2566 numbering for the same codes gives a different (wrong) indicator 9', () => {
    const wrong = statusesFor(2566, ['O11', 'O24']);
    expect(round2(scoreOit(wrong.checklist, wrong.map).indicators.find((i) => i.id === '9')!.score)).toBe(92.5);
  });
});

describe('scoring rules', () => {
  it('all pass → 100; all fail → 0', () => {
    expect(scoreOit(statusesFor(2565, []).checklist, statusesFor(2565, []).map).oit).toBe(100);
    const { checklist } = loadChecklist(2565);
    const allFail = new Map<string, ItemStatus>(checklist.items.map((i) => [i.code, 'fail']));
    expect(scoreOit(checklist, allFail).oit).toBe(0);
  });

  it.each<ItemStatus>(['needs-review', 'error', 'fail'])('%s scores 0 like a missing item', (status) => {
    const { checklist, map } = statusesFor(2565, []);
    map.set('O1', status);
    expect(round2(scoreOit(checklist, map).subIndicators.find((x) => x.id === '9.1')!.score)).toBe(88.89);
  });

  it('an item with no status at all counts as not passed', () => {
    const { checklist, map } = statusesFor(2565, []);
    map.delete('O43');
    expect(scoreOit(checklist, map).subIndicators.find((x) => x.id === '10.2')!.score).toBe(50);
  });

  it('not-applicable items leave the mean', () => {
    const { checklist, map } = statusesFor(2565, ['O43']);
    map.set('O42', 'not-applicable');
    expect(scoreOit(checklist, map).subIndicators.find((x) => x.id === '10.2')!.score).toBe(0);
    map.set('O43', 'not-applicable');
    const s = scoreOit(checklist, map);
    expect(Number.isNaN(s.subIndicators.find((x) => x.id === '10.2')!.score)).toBe(true);
    expect(s.indicators.find((i) => i.id === '10')!.score).toBe(100);
  });
});

describe('grade bands and rounding', () => {
  it.each([
    [100, 'AA'],
    [95, 'AA'],
    [94.99, 'A'],
    [85.0, 'A'],
    [84.99, 'B'],
    [84.994, 'B'],
    [84.995, 'A'],
    [75, 'B'],
    [74.99, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [55, 'D'],
    [54.99, 'E'],
    [50, 'E'],
    [49.99, 'F'],
    [0, 'F'],
  ])('%s → %s', (score, grade) => expect(gradeOf(score)).toBe(grade));

  it.each([
    [97.32142857, 97.32],
    [94.642857, 94.64],
    [85.714285, 85.71],
    [83.6674, 83.67],
    [84.995, 85],
    [1.005, 1.01],
    [0, 0],
  ])('round2(%s) = %s', (x, y) => expect(round2(x)).toBe(y));

  it('pass mark is 85 on the rounded ITA score', () => {
    expect(scoreIta([85, 85, 85, 85, 85], [85, 85, 85], 85).pass).toBe(true);
    expect(scoreIta([84.99, 84.99, 84.99, 84.99, 84.99], [84.99, 84.99, 84.99], 84.99).pass).toBe(false);
  });
});
