import type { FetchedResponse } from './fetch-page.js';
import { normalizeUrl } from './normalize-url.js';
import type { Scope } from './scope.js';
import { collectSitemapUrls } from './sitemap.js';

/**
 * Seed URLs from sitemaps: robots.txt Sitemap: lines plus /sitemap.xml of the start origin, sitemap
 * indexes followed. Only same-site, in-scope URLs come back, normalised and deduplicated.
 */
export async function seedFromSitemaps(startUrl: string, robotsSitemaps: string[], scope: Scope, fetch: (url: string) => Promise<FetchedResponse>): Promise<string[]> {
  const origin = new URL(startUrl).origin;
  const candidates = [...robotsSitemaps, `${origin}/sitemap.xml`].map((u) => normalizeUrl(u, startUrl)).filter((u): u is string => !!u && scope.isSameSite(u));
  const urls = await collectSitemapUrls(candidates, async (url) => {
    if (!scope.isSameSite(url)) return undefined;
    const r = await fetch(url);
    return r.status >= 200 && r.status < 300 ? r.body : undefined;
  });
  const out = new Set<string>();
  for (const u of urls) {
    const n = normalizeUrl(u, startUrl);
    if (n && scope.inScope(n)) out.add(n);
  }
  return [...out];
}
