import { describe, expect, it } from 'vitest';
import { withWrittenUrls, writtenUrls } from '../../src/check/as-written.js';
import { buildScanResult, ScanResultSchema } from '../../src/check/scan-result.js';
import { formatResult } from '../../src/cli/print-result.js';
import { buildReportView } from '../../src/report/view-model.js';
import { renderReportHtml } from '../../src/report/write-html.js';
import { checklist2565, itemResults, page, scanRecord, SITE } from './fixtures.js';

/** A crawl cut short by a limit says so in report.json, report.html and the CLI summary; a full one does not. */
describe('a limited crawl says it was limited', () => {
  const limits = [
    { limit: 'max-pages' as const, value: 3000, unvisited: 298 },
    { limit: 'max-depth' as const, value: 8, unvisited: 12 },
  ];
  const limited = buildScanResult(scanRecord({ stats: { pagesFetched: 2702, documentsFetched: 298, errors: 0, limits } }), checklist2565, itemResults(checklist2565));
  const full = buildScanResult(scanRecord(), checklist2565, itemResults(checklist2565));

  it('report.json carries the limits (and omits them when none was reached)', () => {
    expect(ScanResultSchema.parse(limited).scan.limits).toEqual(limits);
    expect('limits' in full.scan).toBe(false);
  });

  it('report.html warns with the count of URLs left and the flag to raise, in Thai and in English', () => {
    const th = renderReportHtml({ result: limited, checklist: checklist2565 });
    expect(th).toContain('ยังมีลิงก์ที่ไม่ได้เปิดอีก 298 รายการ');
    expect(th).toContain('--max-pages 6000');
    expect(th).toContain('--max-depth 10');
    const en = buildReportView({ result: limited, checklist: checklist2565, lang: 'en' });
    expect(en.scan.limits[0]).toBe('The crawl stopped at the page limit (--max-pages 3000) with 298 URLs still queued; some items may lack evidence. Raise it with --max-pages 6000.');
    expect(renderReportHtml({ result: full, checklist: checklist2565 })).not.toContain('crawl-limit');
  });

  it('the CLI summary prints one warning line per limit', () => {
    const lines = formatResult(limited).split('\n').filter((l) => l.startsWith('⚠'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('298');
    expect(lines[0]).toContain('--max-pages 6000');
    expect(formatResult(full)).not.toContain('⚠');
  });

  it('every limit kind (pages, depth, minutes, until-evidence) is said in report.json, report.html and the CLI, with the count and the flag', () => {
    const all = [
      { limit: 'max-pages' as const, value: 600, unvisited: 41, flag: '--max-pages 1200' },
      { limit: 'max-depth' as const, value: 3, unvisited: 17, flag: '--max-depth 5' },
      { limit: 'max-minutes' as const, value: 30, unvisited: 233, flag: '--max-minutes 60' },
      { limit: 'until-evidence' as const, value: 1, unvisited: 512, flag: '--until-evidence' },
    ];
    for (const { flag, ...hit } of all) {
      const result = buildScanResult(scanRecord({ stats: { pagesFetched: 90, documentsFetched: 10, errors: 0, limits: [hit] } }), checklist2565, itemResults(checklist2565));
      expect(ScanResultSchema.parse(result).scan.limits, hit.limit).toEqual([hit]);
      const html = renderReportHtml({ result, checklist: checklist2565 });
      expect(html, hit.limit).toContain('crawl-limit');
      expect(html, hit.limit).toContain(String(hit.unvisited));
      expect(html, hit.limit).toContain(flag);
      const en = buildReportView({ result, checklist: checklist2565, lang: 'en' }).scan.limits[0]!;
      expect(en, hit.limit).toContain(String(hit.unvisited));
      expect(en, hit.limit).toContain(flag);
      const cli = formatResult(result).split('\n').filter((l) => l.startsWith('⚠'));
      expect(cli, hit.limit).toHaveLength(1);
      expect(cli[0], hit.limit).toContain(String(hit.unvisited));
      expect(cli[0], hit.limit).toContain(flag);
    }
  });
});

describe('results name URLs as the site wrote them', () => {
  it('maps the normalised key back to the spelling fetched, for urls, evidence and click paths', () => {
    const key = `${SITE}index.php?id=71&option=com_k2&task=download&view=item`;
    const written = `${SITE}index.php?option=com_k2&view=item&task=download&id=71`;
    const moved = `${SITE}go?a=1&b=2`;
    const pages = [
      page(key, 200, { finalUrl: written }),
      page(moved, 200, { finalUrl: `${SITE}target`, redirectChain: [`${SITE}go?b=2&a=1`, `${SITE}target`] }),
      page(`${SITE}plain`, 200),
    ];
    const map = writtenUrls(pages);
    expect([...map]).toEqual([[key, written], [moved, `${SITE}go?b=2&a=1`]]);
    const items = itemResults(checklist2565).slice(0, 1).map((r) => ({
      ...r,
      urls: [key, `${SITE}plain`],
      evidence: [{ url: moved, foundVia: 'ITA', clickPath: [{ text: 'ดาวน์โหลด', url: key }] }],
    }));
    const [out] = withWrittenUrls(items, map);
    expect(out!.urls).toEqual([written, `${SITE}plain`]);
    expect(out!.evidence[0]!.url).toBe(`${SITE}go?b=2&a=1`);
    expect(out!.evidence[0]!.clickPath![0]!.url).toBe(written);
  });
});
