import { normalizeUrl } from '../crawl/normalize-url.js';
import type { ItemResult, PageSnapshot } from '../store/types.js';

/**
 * Item results name URLs the way the site links them. The judge works on normalised URLs (the
 * snapshot key: query parameters sorted, session and tracking parameters dropped); an officer pastes
 * the URL into ITAS, and some routers and signed download links only answer the spelling the site
 * wrote. The crawl fetched that spelling, so a snapshot holds it: as the first URL of its redirect
 * chain, or as its final URL when there was no redirect.
 */
export function writtenUrls(pages: Pick<PageSnapshot, 'url' | 'finalUrl' | 'redirectChain'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const note = (written: string | undefined) => {
    if (!written) return;
    const key = normalizeUrl(written);
    if (key && key !== written && !out.has(key)) out.set(key, written);
  };
  for (const p of pages) {
    const requested = p.redirectChain[0] ?? p.finalUrl;
    // Not redirected (most pages): both notes below would note the same URL, normalised twice more.
    if (requested === p.finalUrl) {
      note(p.finalUrl);
      continue;
    }
    if (normalizeUrl(requested ?? '') === p.url) note(requested);
    note(p.finalUrl);
  }
  return out;
}

/** The results with every evidence URL (urls, evidence, click paths) spelled as the site wrote it. */
export function withWrittenUrls(items: ItemResult[], written: Map<string, string>): ItemResult[] {
  if (!written.size) return items;
  const as = (u: string) => written.get(u) ?? written.get(normalizeUrl(u) ?? u) ?? u;
  return items.map((i) => ({
    ...i,
    urls: i.urls.map(as),
    evidence: i.evidence.map((e) => ({ ...e, url: as(e.url), ...(e.clickPath ? { clickPath: e.clickPath.map((s) => ({ ...s, url: as(s.url) })) } : {}) })),
  }));
}
