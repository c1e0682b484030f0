import { describe, expect, it } from 'vitest';
import { unvisitedMayHold } from '../../src/check/limited-crawl.js';
import type { CrawlLimitHit, ItemResult } from '../../src/store/types.js';

const base = { subIndicator: '9.1', score: 0 as const, confidence: 0.7 };
const notFound: ItemResult = { ...base, code: 'O9', title: 'Social Network', status: 'fail', urls: [], evidence: [], reasons: ['ไม่พบSocial Networkบนเว็บไซต์', 'ลิงก์ Facebook ของหน่วยงาน'] };
const wrongYear: ItemResult = {
  ...base,
  code: 'O10',
  title: 'แผนดำเนินงานประจำปี',
  status: 'fail',
  urls: ['https://example.go.th/plan-2564.pdf'],
  evidence: [{ url: 'https://example.go.th/plan-2564.pdf', foundVia: 'ITA page row' }],
  reasons: ['พบเฉพาะเอกสารของปีงบประมาณ พ.ศ. 2564'],
};
const passed: ItemResult = { ...base, code: 'O1', title: 'โครงสร้าง', status: 'pass', score: 100, urls: ['https://example.go.th/org'], evidence: [{ url: 'https://example.go.th/org', foundVia: 'menu' }], reasons: [] };
const pages: CrawlLimitHit = { limit: 'max-pages', value: 300, unvisited: 1250 };

describe('items a limited crawl may not have reached', () => {
  it('turns "nothing found" into needs-review, naming the unvisited URLs and the flag to raise', () => {
    const [r] = unvisitedMayHold([notFound], [pages]);
    expect(r).toMatchObject({ status: 'needs-review', score: 0, code: 'O9' });
    expect(r!.reasons[0]).toContain('1,250 URL');
    expect(r!.reasons[0]).toContain('--max-pages 1550');
    expect(r!.reasons[1]).toBe('ลิงก์ Facebook ของหน่วยงาน');
  });

  it.each([
    ['evidence that was judged', [wrongYear], [pages]],
    ['a pass', [passed], [pages]],
    ['no limit hit', [notFound], []],
    ['a limit that left nothing unvisited', [notFound], [{ limit: 'max-depth', value: 8, unvisited: 0 } as CrawlLimitHit]],
    ['a scan without limits recorded', [notFound], undefined],
  ])('keeps the verdict for %s', (_why, items, limits) => {
    expect(unvisitedMayHold(items as ItemResult[], limits as CrawlLimitHit[] | undefined)).toEqual(items);
  });
});
