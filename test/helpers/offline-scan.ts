/**
 * Builds the snapshots a crawl of a fixture site would store, without network or browser: a BFS over
 * the fixture's routes using the crawler's pure link extractor. Documents get their text straight from
 * their HTML body (a perfect extractor); scanned PDFs get none. Client-rendered pages use the
 * fixture's `renderedHtml`, as the browser render path would. Fast, for judge tests and `eval --offline`.
 */
import * as cheerio from 'cheerio';
import { extractLinks } from '../../src/crawl/extract-links.js';
import { normalizeUrl } from '../../src/crawl/normalize-url.js';
import { firstHeadings } from '../../src/text/html-headings.js';
import { codeCount } from '../../src/text/item-codes.js';
import type { LinkRecord, PageSnapshot } from '../../src/store/types.js';
import type { FixtureSite } from '../fixtures/sites/types.js';
import { docxText, xlsxText } from './office-doc.js';

export const OFFLINE_ORIGIN = 'http://fixture.test';

function textOfHtml(html: string): { title?: string; text: string } {
  const $ = cheerio.load(html);
  $('script,style,noscript,template').remove();
  const title = $('title').first().text().trim() || undefined;
  $('br').replaceWith('\n');
  $('p,div,li,tr,h1,h2,h3,h4,h5,h6,table,ul,ol,section,article,header,footer,nav').each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  $('td,th').each((_, el) => {
    $(el).append(' ');
  });
  const text = $('body').text().replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n[ \n]*/g, '\n').trim();
  return { title, text };
}

export interface OfflineScan {
  startUrl: string;
  pages: PageSnapshot[];
  links: LinkRecord[];
}

export function offlineScan(site: FixtureSite, origin = OFFLINE_ORIGIN, maxPages = 2000): OfflineScan {
  const startUrl = normalizeUrl(origin + site.start)!;
  const pages: PageSnapshot[] = [];
  const links: LinkRecord[] = [];
  const seen = new Set<string>([startUrl]);
  const queue: { url: string; depth: number; referrer?: string }[] = [{ url: startUrl, depth: 0 }];
  const host = new URL(origin).host;
  const now = new Date(0).toISOString();
  while (queue.length && pages.length < maxPages) {
    const { url, depth, referrer } = queue.shift()!;
    let finalUrl = url;
    const chain: string[] = [];
    let entry = site.routes[pathOf(url)];
    for (let hops = 0; entry?.type === 'redirect' && hops < 10; hops++) {
      chain.push(finalUrl);
      finalUrl = normalizeUrl(entry.to, finalUrl)!;
      entry = new URL(finalUrl).host === host ? site.routes[pathOf(finalUrl)] : undefined;
      if (chain.includes(finalUrl)) {
        entry = undefined;
        break;
      }
    }
    const base = { url, finalUrl, depth, referrer, redirectChain: chain, fetchedAt: now, bytes: 0, needsJs: false, rendered: false, meta: {} };
    if (!entry || entry.type === 'redirect') {
      const loop = chain.length > 0 && chain.includes(finalUrl);
      pages.push({ ...base, status: loop ? 0 : 404, kind: 'html', text: '404 ไม่พบหน้า', textSource: 'html', ...(loop ? { error: 'redirect loop' } : {}) });
      continue;
    }
    if (entry.type === 'status') {
      pages.push({ ...base, status: entry.status, kind: 'html', text: entry.body ?? '', textSource: 'html' });
      continue;
    }
    if (entry.type === 'image') {
      // The crawler does not download media (a HEAD-like fetch): an image is a link target with no text.
      pages.push({ ...base, status: 200, kind: 'image', contentType: 'image/jpeg', text: '', textSource: 'none' });
      continue;
    }
    if (entry.type === 'doc' && (entry.format === 'docx' || entry.format === 'xlsx')) {
      const docx = entry.format === 'docx';
      pages.push({
        ...base,
        status: 200,
        kind: entry.format,
        contentType: docx
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        text: docx ? docxText(entry.body) : xlsxText(entry.body),
        textSource: entry.format,
      });
      continue;
    }
    if (entry.type === 'doc') {
      const scanned = entry.format === 'scanned-pdf';
      pages.push({
        ...base,
        status: 200,
        kind: 'pdf',
        contentType: 'application/pdf',
        text: scanned ? '' : textOfHtml(`<body>${entry.body}</body>`).text,
        textSource: scanned ? 'none' : 'pdftotext',
      });
      continue;
    }
    const html = entry.renderedHtml ?? entry.html;
    const { title, text } = textOfHtml(html);
    pages.push({
      ...base,
      status: entry.status ?? 200,
      kind: 'html',
      contentType: 'text/html',
      title,
      text,
      textSource: entry.renderedHtml ? 'rendered' : 'html',
      html,
      needsJs: !!entry.renderedHtml,
      rendered: !!entry.renderedHtml,
      // As the crawl stores them (src/crawl/snapshot.ts).
      meta: { headings: firstHeadings(html), itemCodes: codeCount(text) },
    });
    if ((entry.status ?? 200) >= 400) continue;
    const out = extractLinks(html, finalUrl, { fromUrl: url });
    links.push(...out);
    for (const l of out) {
      if (!/^https?:/i.test(l.toUrl) || l.external) continue;
      if (new URL(l.toUrl).host !== host) continue;
      if (seen.has(l.toUrl)) continue;
      seen.add(l.toUrl);
      queue.push({ url: l.toUrl, depth: depth + 1, referrer: url });
    }
  }
  return { startUrl, pages, links };
}

function pathOf(url: string): string {
  const u = new URL(url);
  const p = u.pathname + u.search;
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}
