import { createHash } from 'node:crypto';
import type { ScanConfig } from '../config/schema.js';
import type { FrontierEntry, LinkRecord, PageSnapshot } from '../store/types.js';
import { firstHeadings } from '../text/html-headings.js';
import { codeCount } from '../text/item-codes.js';
import { decodeHtml } from './decode.js';
import { detectKind, extractDocument, isDocumentKind, kindFromUrl } from './documents/index.js';
import { parseHtml } from './dom.js';
import { canonicalOf, extractLinks, type FoundLink } from './extract-links.js';
import { extractText } from './extract-text.js';
import type { FetchedResponse } from './fetch-page.js';
import { needsJs } from './needs-js.js';
import type { Rendered } from './render.js';
import type { Scope } from './scope.js';

/** Turns a fetched response into a snapshot and its links: decode, parse, extract, render, read documents. */

export interface SnapshotDeps {
  config: ScanConfig;
  scope: Scope;
  /** Renders a page in a browser; undefined when no browser is available. */
  render?: (url: string) => Promise<Rendered>;
  /** Runs document extraction with bounded CPU concurrency. */
  runDocument: <T>(fn: () => Promise<T>) => Promise<T>;
}

export interface BuiltSnapshot {
  page: PageSnapshot;
  links: LinkRecord[];
  /** Link targets as the site wrote them, by normalised URL (only where the two differ; first spelling wins). */
  written: Map<string, string>;
  canonical?: string;
  /** Looked client-rendered but was not rendered (no browser, or render failed). */
  unrenderedJs: boolean;
}

export async function buildSnapshot(entry: FrontierEntry, res: FetchedResponse, deps: SnapshotDeps): Promise<BuiltSnapshot> {
  const page: PageSnapshot = {
    url: entry.url,
    finalUrl: res.finalUrl,
    status: res.status,
    kind: 'other',
    text: '',
    textSource: 'none',
    depth: entry.depth,
    redirectChain: res.redirectChain,
    fetchedAt: new Date().toISOString(),
    bytes: res.bytes,
    needsJs: false,
    rendered: false,
    meta: {},
  };
  if (res.contentType) page.contentType = res.contentType;
  if (entry.referrer) page.referrer = entry.referrer;
  if (res.error) page.error = res.error;
  if (res.truncated) page.meta.truncated = true;
  const noLinks: BuiltSnapshot = { page, links: [], written: new Map(), unrenderedJs: false };

  if (!res.body.length) {
    page.kind = res.status >= 200 && res.status < 300 && res.contentType ? detectKind(res.contentType, res.body, res.finalUrl) : (kindFromUrl(res.finalUrl) ?? 'other');
    return noLinks;
  }
  page.sha256 = createHash('sha256').update(res.body).digest('hex');
  page.kind = detectKind(res.contentType, res.body, res.finalUrl);
  if (res.truncated) return noLinks;

  if (isDocumentKind(page.kind)) {
    if (res.status >= 400) return noLinks;
    const doc = await deps.runDocument(() =>
      extractDocument(page.kind, res.body, { ocr: deps.config.ocr, ocrMaxPages: deps.config.ocrMaxPages, timeoutMs: Math.max(30_000, deps.config.requestTimeoutMs * 3) }),
    );
    page.text = doc.text;
    page.textSource = doc.textSource;
    Object.assign(page.meta, doc.meta);
    if (doc.error && !page.error) page.error = doc.error;
    return noLinks;
  }
  if (page.kind !== 'html') return noLinks;

  const decoded = decodeHtml(res.body, res.contentType);
  page.meta.charset = decoded.charset;
  page.meta.charsetSource = decoded.source;
  if (decoded.mislabelled) page.meta.charsetDeclared = decoded.mislabelled;
  let html = decoded.text;
  let root = parseHtml(html);
  let { title, text } = extractText(root);
  const ok = res.status >= 200 && res.status < 300;
  let links = ok ? extractLinks(root, res.finalUrl, { fromUrl: entry.url, isExternal: (u) => !deps.scope.isSameSite(u) }) : [];
  let canonical = ok ? canonicalOf(root, res.finalUrl) : undefined;

  let unrenderedJs = false;
  if (ok) {
    const verdict = needsJs(root, text, links.length);
    page.needsJs = verdict.needsJs;
    if (verdict.needsJs) page.meta.needsJsReasons = verdict.reasons;
    unrenderedJs = verdict.needsJs;
    if (deps.config.render === 'always' || (deps.config.render === 'auto' && verdict.needsJs)) {
      if (deps.render) {
        try {
          const r = await deps.render(res.finalUrl);
          html = r.html;
          root = parseHtml(html);
          ({ title, text } = extractText(root));
          links = extractLinks(root, r.finalUrl, { fromUrl: entry.url, isExternal: (u) => !deps.scope.isSameSite(u) });
          canonical = canonicalOf(root, r.finalUrl) ?? canonical;
          page.rendered = true;
          unrenderedJs = false;
        } catch (e) {
          page.meta.renderError = (e as Error).message.split('\n')[0]?.slice(0, 200);
        }
      }
    }
  }
  page.html = html;
  // Stored beside the HTML and text, so judging a stored scan need read neither of every page for them.
  page.meta.headings = firstHeadings(html);
  page.meta.itemCodes = codeCount(text);
  page.text = text;
  page.textSource = page.rendered ? 'rendered' : 'html';
  if (title) page.title = title;
  if (canonical && canonical !== entry.url) page.meta.canonical = canonical;
  return { page, ...splitWritten(links), canonical, unrenderedJs };
}

/** Takes the as-written targets out of the link records (the store keeps the normalised form only). */
function splitWritten(found: FoundLink[]): { links: LinkRecord[]; written: Map<string, string> } {
  const written = new Map<string, string>();
  for (const l of found) {
    if (l.href === undefined) continue;
    if (!written.has(l.toUrl)) written.set(l.toUrl, l.href);
    delete l.href;
  }
  return { links: found, written };
}
