import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/crawl/chromium.js';
import { FIXTURE_SITES } from '../fixtures/sites/index.js';
import { runEndToEnd } from '../helpers/e2e-fixture.js';
import { closePdfBrowser } from '../helpers/pdf.js';

// Real PDFs need Chromium (test/helpers/pdf.ts); without it these end-to-end runs are skipped.
const chromium = await findChromium();

describe.skipIf(!chromium).each(FIXTURE_SITES.map((s) => [s.name, s] as const))('fixture site %s end to end (serve → crawl → store → judge)', (_name, site) => {
  afterAll(async () => {
    await closePdfBrowser();
  });
  it('matches the ground truth with no false pass', { timeout: 180_000 }, async () => {
    const o = await runEndToEnd(site);
    expect(o.falsePasses).toEqual([]);
    expect({ wrong: [...o.falseFails, ...o.falseReviews, ...o.otherWrong] }).toEqual({ wrong: [] });
    expect(o.oitGot).toBe(site.expected.oit);
  });
});
