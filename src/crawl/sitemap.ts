import { gunzipSync } from 'node:zlib';
import { decodeXmlEntities } from './xml-entities.js';

/** URLs from one sitemap file: pages (<urlset>) and further sitemaps (<sitemapindex>). */
export function parseSitemap(xml: string): { urls: string[]; sitemaps: string[] } {
  const locs = [...xml.matchAll(/<(?:[\w-]+:)?loc>\s*(?:<!\[CDATA\[)?\s*([^<\]]+?)\s*(?:\]\]>)?\s*<\/(?:[\w-]+:)?loc>/gi)].map((m) => decodeXmlEntities(m[1]!));
  if (/<(?:[\w-]+:)?sitemapindex[\s>]/i.test(xml)) return { urls: [], sitemaps: locs };
  return { urls: locs, sitemaps: [] };
}


export type BodyFetcher = (url: string) => Promise<Buffer | undefined>;

/**
 * Walks sitemaps breadth-first from the candidates (robots Sitemap: lines, /sitemap.xml), following
 * sitemap indexes, and returns page URLs. Bounded in files and URLs; gzip sitemaps are unpacked.
 */
export async function collectSitemapUrls(candidates: string[], fetchBody: BodyFetcher, limits: { maxFiles?: number; maxUrls?: number } = {}): Promise<string[]> {
  const maxFiles = limits.maxFiles ?? 50;
  const maxUrls = limits.maxUrls ?? 50_000;
  const queue = [...new Set(candidates)];
  const seen = new Set<string>(queue);
  const out: string[] = [];
  let files = 0;
  while (queue.length && files < maxFiles && out.length < maxUrls) {
    const url = queue.shift()!;
    files++;
    let body: Buffer | undefined;
    try {
      body = await fetchBody(url);
    } catch {
      body = undefined;
    }
    if (!body?.length) continue;
    if (body[0] === 0x1f && body[1] === 0x8b) {
      try {
        body = gunzipSync(body);
      } catch {
        continue;
      }
    }
    const { urls, sitemaps } = parseSitemap(body.toString('utf8'));
    for (const u of urls) if (out.length < maxUrls) out.push(u);
    for (const s of sitemaps) if (!seen.has(s)) (seen.add(s), queue.push(s));
  }
  return out;
}
