/**
 * End-to-end run of a fixture site: PDFs printed by Chromium (test/helpers/pdf.ts), the site served on
 * loopback (test/helpers/site-server.ts), crawled by src/crawl into an in-memory SQLite store, then
 * judged from the stored snapshots exactly as `oit check` would.
 */
import iconv from 'iconv-lite';
import { resolveConfig } from '../../src/config/load.js';
import type { ScanConfigInput } from '../../src/config/schema.js';
import { openStore } from '../../src/store/index.js';
import type { FixtureSite as FixtureSiteData } from '../fixtures/sites/types.js';
import { docxBytes, xlsxBytes } from './office-doc.js';
import { makePdf, makeScannedPdf } from './pdf.js';
import { compare, judgeSnapshots, type FixtureOutcome } from './run-fixture.js';
import { startSite, type Route } from './site-server.js';

const pdfCache = new Map<string, Buffer>();
/** A 1×1 PNG: image routes (photos, org-chart pictures) are real images without text. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function pdfOf(format: 'pdf' | 'scanned-pdf', body: string): Promise<Buffer> {
  const key = `${format}\u0000${body}`;
  let b = pdfCache.get(key);
  if (!b) pdfCache.set(key, (b = format === 'pdf' ? await makePdf(body) : await makeScannedPdf(body)));
  return b;
}

/** The fixture's route map as served bytes (documents printed once per process). */
export async function buildRoutes(site: FixtureSiteData): Promise<Record<string, Route>> {
  const out: Record<string, Route> = {};
  for (const [path, e] of Object.entries(site.routes)) {
    switch (e.type) {
      case 'page':
        out[path] =
          e.charset === 'windows-874'
            ? { status: e.status ?? 200, headers: { 'content-type': 'text/html' }, body: iconv.encode(e.html, 'windows-874') }
            : { status: e.status ?? 200, body: e.html };
        break;
      case 'doc':
        if (e.format === 'docx') out[path] = { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, body: docxBytes(e.body) };
        else if (e.format === 'xlsx') out[path] = { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: xlsxBytes(e.body) };
        else out[path] = { headers: { 'content-type': 'application/pdf' }, body: await pdfOf(e.format, e.body) };
        break;
      case 'image':
        out[path] = { headers: { 'content-type': 'image/png' }, body: TINY_PNG };
        break;
      case 'status':
        out[path] = { status: e.status, body: e.body ?? '' };
        break;
      case 'redirect':
        out[path] = { status: e.status ?? 302, headers: { location: e.to }, body: '' };
        break;
    }
  }
  return out;
}

export async function runEndToEnd(site: FixtureSiteData, flags: Partial<ScanConfigInput> = {}): Promise<FixtureOutcome & { pagesFetched: number }> {
  const routes = await buildRoutes(site);
  const server = await startSite(routes);
  const store = await openStore(':memory:');
  try {
    // The crawler is imported lazily so this module loads (and offline runs work) without it.
    const { crawl } = await import('../../src/crawl/index.js');
    const startUrl = server.origin + site.start;
    const scanId = `e2e-${site.name}`;
    const config = resolveConfig({
      env: {},
      flags: {
        allowPrivate: true,
        render: site.needsBrowser ? 'auto' : 'never',
        ocr: false,
        useSitemaps: false,
        obeyRobots: false,
        requestTimeoutMs: 10_000,
        retries: 0,
        concurrency: 8,
        year: site.year,
        ...flags,
      },
    });
    await store.createScan({
      id: scanId, site: startUrl, host: new URL(startUrl).host, startedAt: new Date().toISOString(), toolVersion: 'test',
      checklistId: `ita-${site.year}`, checklistYear: site.year, checklistHash: 'fixture', config: {},
    });
    const stats = await crawl({ scanId, startUrl, config }, store);
    const [pages, links] = await Promise.all([store.listPages(scanId, { withHtml: true }), store.listLinks(scanId)]);
    return { ...compare(site, judgeSnapshots(site, startUrl, pages, links)), pagesFetched: stats.pagesFetched };
  } finally {
    await store.close();
    await server.close();
  }
}
