import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { judge } from '../../src/check/judge.js';
import { parseHtml } from '../../src/crawl/dom.js';
import { extractLinks } from '../../src/crawl/extract-links.js';
import { extractText } from '../../src/crawl/extract-text.js';
import type { PageSnapshot } from '../../src/store/types.js';

/**
 * A real production home page (shared/real-pages, read-only, not copied into the repo) judged as if
 * it were the only page the crawl could fetch: menu labels alone must never make an item pass.
 */
const REAL = new URL('../../../shared/real-pages/phukradung-home.html', import.meta.url);
const available = existsSync(REAL);

describe.skipIf(!available)('a real agency home page on its own', () => {
  const html = available ? readFileSync(REAL, 'utf8') : '';
  const base = 'https://www.phukradung.go.th/public/';
  const root = parseHtml(html);
  const { title, text } = extractText(root);
  const home: PageSnapshot = {
    url: base, finalUrl: base, status: 200, contentType: 'text/html; charset=utf-8', kind: 'html', title, text, textSource: 'html', html,
    depth: 0, redirectChain: [], fetchedAt: '2026-11-25T00:00:00Z', bytes: html.length, needsJs: false, rendered: false, meta: {},
  };
  const links = extractLinks(root, base);

  it.each([2565, 2566, 2567])('passes nothing for %s when none of the linked pages could be read', (year) => {
    const { checklist } = loadChecklist(year);
    const results = judge({ checklist, startUrl: base, pages: [home], links, overrides: [] });
    expect(results).toHaveLength(checklist.items.length);
    const passed = results.filter((r) => r.status === 'pass').map((r) => r.code);
    // Only items whose evidence is the link itself (social network accounts, online systems) may pass from the home page.
    for (const code of passed) {
      const item = checklist.items.find((i) => i.code === code)!;
      expect(item.evidence, `${code} passed from the home page alone`).toBe('online-system');
    }
    for (const r of results.filter((x) => x.status !== 'pass')) expect(r.reasons.length, r.code).toBeGreaterThan(0);
  });
});
