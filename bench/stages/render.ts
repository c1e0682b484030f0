/**
 * Chromium render of a client-rendered ITA page (the rendered-2567 fixture's accordion, built by a
 * script) through oit's Renderer: the first page pays for starting the browser, which every scan
 * that renders anything pays once.
 */
import { createAddressGuard } from '../../src/crawl/address-guard.js';
import { findChromium } from '../../src/crawl/chromium.js';
import { Renderer } from '../../src/crawl/render.js';
import { rendered2567 } from '../../test/fixtures/sites/rendered-2567.js';
import { startSite } from '../../test/helpers/site-server.js';
import { timeEach, type StageFigure } from './timer.js';

export async function renderStages(n: number): Promise<StageFigure[]> {
  const executablePath = await findChromium();
  if (!executablePath) return [{ stage: 'Chromium render', unit: 'page', n: 0, medianMs: NaN, meanMs: NaN, minMs: NaN, note: 'skipped: no Chromium' }];
  const entry = rendered2567.routes['/ita'];
  if (entry?.type !== 'page') throw new Error('rendered-2567 has no /ita page');
  const site = await startSite({ '/ita': entry.html });
  const url = `${site.origin}/ita`;
  try {
    const guard = await createAddressGuard(url, { allowPrivate: true });
    const fresh = () => new Renderer({ executablePath, concurrency: 1, userAgent: 'oit-bench', timeoutMs: 20_000, guard });
    const check = (html: string) => {
      if (!/OIT43/.test(html)) throw new Error('the page did not render its ITA list');
    };
    const cold = await timeEach('Chromium start + first render', 'scan that renders', 3, async () => {
      const r = fresh();
      try {
        check((await r.render(url)).html);
      } finally {
        await r.close();
      }
    }, { warmup: 0 });
    const renderer = fresh();
    try {
      const warm = await timeEach('Chromium render (browser running)', 'page', n, async () => check((await renderer.render(url)).html), {
        warmup: 2, note: 'wall time; includes waiting for the network to be idle (500 ms)',
      });
      return [cold, warm];
    } finally {
      await renderer.close();
    }
  } finally {
    await site.close();
  }
}
