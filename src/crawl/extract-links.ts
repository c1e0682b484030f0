import type { LinkRecord, LinkTag } from '../store/types.js';
import { attr, collapse, findFirst, isElement, parseHtml, tagName, textOf, type DomNode } from './dom.js';
import { headingText, ownLabel, regionOf, rowTextOf, toggleLabels } from './link-context.js';
import { asWritten, isHttpUrl, normalizeUrl } from './normalize-url.js';
import { createScope } from './scope.js';

/**
 * Pure link extraction: HTML → LinkRecord[] with the context graders read (row, list item, heading,
 * menu path, region). One document-order walk; ancestors are tracked on the way down.
 */

export interface ExtractOptions {
  /** The snapshot URL the links belong to (default: baseUrl). */
  fromUrl?: string;
  /** External = not the same site; default: another host than baseUrl's (www twin counts as same). */
  isExternal?: (url: string) => boolean;
}

/**
 * A link as extracted: the stored record plus, when it differs from the normalised `toUrl`, the
 * target as the site wrote it (resolved to an absolute URL, fragment dropped). The crawl fetches and
 * reports that form; the normalised one is only the key that removes duplicates.
 */
export type FoundLink = LinkRecord & { href?: string };

interface Ctx {
  region?: LinkRecord['region'];
  tr?: DomNode;
  li?: DomNode;
  /** Menu labels of enclosing menu items and toggled panels, outermost first. */
  menu: string[];
}

/** URLs carried by script: location='…', location.href="…", location.assign(…), window.open(…). */
const SCRIPT_URL = /(?:location(?:\.href)?\s*=\s*|location\.(?:assign|replace)\s*\(\s*|window\.open\s*\(\s*|open\s*\(\s*)(['"])((?:(?!\1).){1,2000})\1/g;
/** Longest javascript:/data:/mailto: target recorded; longer ones are cut (with …). */
const MAX_RAW_URL = 2000;
/** Viewer wrappers: /viewer.html?file=/a.pdf, docs.google.com/viewer?url=… */
const VIEWER_PARAM = /^(file|url|src|pdf|doc|document|path)$/i;

export function scriptUrls(code: string): string[] {
  const out: string[] = [];
  if (!/open|location/i.test(code)) return out;
  for (const m of code.matchAll(SCRIPT_URL)) if (m[2] && !/^\s*(#|javascript:)/i.test(m[2])) out.push(m[2]);
  return out;
}

export function extractLinks(html: string | DomNode, baseUrl: string, opts: ExtractOptions = {}): FoundLink[] {
  const root = typeof html === 'string' ? parseHtml(html) : html;
  const fromUrl = opts.fromUrl ?? baseUrl;
  const sameSite = createScope(baseUrl);
  const isExternal = opts.isExternal ?? ((u: string) => !sameSite.isSameSite(u));
  const baseEl = findFirst(root, (n) => tagName(n) === 'base' && attr(n, 'href') !== undefined);
  const base = (baseEl && safeResolve(attr(baseEl, 'href')!, baseUrl)) || baseUrl;
  const baseOrigin = originOf(base);
  const toggles = toggleLabels(root);
  const links: FoundLink[] = [];
  const rowCache = new Map<DomNode, string>();
  const liCache = new Map<DomNode, string>();
  let heading: string | undefined;

  const add = (raw: string, tag: LinkTag, ctx: Ctx, text: string, label?: string) => {
    const value = raw.trim();
    const local = value === '' || value.startsWith('#') || /^javascript:/i.test(value);
    const resolved = local ? undefined : resolveCached(value, base, baseOrigin);
    const abs = resolved?.normal;
    let toUrl = abs ?? (local ? value : safeResolve(value, base) ?? value);
    // Raw (unfetchable) targets are kept for the record only: a data: URL can be megabytes.
    if (!abs && toUrl.length > MAX_RAW_URL) toUrl = `${toUrl.slice(0, MAX_RAW_URL)}…`;
    const rec: FoundLink = {
      fromUrl,
      toUrl,
      text,
      position: links.length,
      tag,
      external: local ? false : abs ? isExternal(abs) : !/^javascript:/i.test(toUrl),
    };
    if (abs) {
      const written = resolved!.written;
      if (written && written !== abs) rec.href = written;
    }
    if (label) rec.label = label;
    if (ctx.tr) rec.rowText = cached(rowCache, ctx.tr, rowTextOf);
    if (ctx.li) rec.listItemText = cached(liCache, ctx.li, ownLabel);
    if (heading) rec.heading = heading;
    if (ctx.menu.length) rec.menuPath = [...ctx.menu, text || label || ''].filter(Boolean);
    if (ctx.region) rec.region = ctx.region;
    links.push(rec);
  };

  const labelOf = (el: DomNode): string | undefined => {
    const own = attr(el, 'title') ?? attr(el, 'aria-label') ?? (tagName(el) === 'area' ? attr(el, 'alt') : undefined);
    if (own?.trim()) return collapse(own);
    const img = findFirst(el, (n) => tagName(n) === 'img' && !!attr(n, 'alt')?.trim());
    return img ? collapse(attr(img, 'alt')!) : undefined;
  };

  const visit = (node: DomNode, ctx: Ctx, depth: number) => {
    if (!isElement(node) || depth > 600) return;
    const name = tagName(node);
    if (name === 'script' || name === 'style' || name === 'template') return;
    const h = headingText(node);
    if (h) heading = h;
    const id = attr(node, 'id');
    const toggled = id ? toggles.get(id) : undefined;
    if (toggled && name !== 'a') heading = toggled;

    let next = ctx;
    const region = regionOf(node);
    if (region || name === 'tr' || name === 'li' || toggled) {
      next = { ...ctx, region: region ?? ctx.region };
      // A layout row (an old CMS page built of tables: menu cell, content cell) is no row of its links.
      if (name === 'tr') next.tr = isLayoutRow(node) ? undefined : node;
      if (name === 'li') {
        if (ctx.li) next.menu = [...ctx.menu, cached(liCache, ctx.li, ownLabel)].filter(Boolean);
        next.li = node;
      }
      if (toggled && name !== 'a') next.menu = [...ctx.menu, toggled];
    }

    const a = node.attribs ?? {};
    if ((name === 'a' || name === 'area') && a.href !== undefined) {
      const text = textOf(node);
      const label = labelOf(node);
      add(a.href, name, next, text, label);
      if (/^javascript:/i.test(a.href.trim())) for (const u of scriptUrls(a.href)) add(u, 'onclick', next, text, label);
    } else if (name === 'iframe' || name === 'frame' || name === 'embed' || name === 'object') {
      const src = name === 'object' ? a.data : a.src;
      if (src && !/^(about:|data:)/i.test(src.trim())) {
        const label = a.title ?? a.name;
        add(src, name, next, '', label ? collapse(label) : undefined);
        for (const inner of viewerTargets(src, base)) add(inner, name, next, '', label ? collapse(label) : undefined);
      }
    } else if (name === 'meta' && (a['http-equiv'] ?? '').toLowerCase() === 'refresh') {
      const m = /url\s*=\s*['"]?([^'";\s]+)/i.exec(a.content ?? '');
      if (m?.[1]) add(m[1], 'meta-refresh', next, '');
    }
    if (a.onclick) {
      const urls = scriptUrls(a.onclick);
      if (urls.length) {
        const text = name === 'a' ? textOf(node) : textOf(node).slice(0, 200);
        for (const u of urls) add(u, 'onclick', next, text, labelOf(node));
      }
    }
    if (node.children) for (const c of node.children) visit(c, next, depth + 1);
  };

  for (const c of root.children ?? []) visit(c, { menu: [] }, 0);
  return links;
}

/**
 * normalizeUrl (the dedupe key) and asWritten (what is fetched and reported) with a bounded memo: menus
 * repeat the same hrefs on every page of a site. Keys are exact for absolute URLs and root-relative paths
 * (which depend only on the base's origin).
 */
interface Resolved {
  normal: string | undefined;
  written: string | undefined;
}
const memo = new Map<string, Resolved>();

/** A crawl has ended: its hrefs are not met again, and a big site's memo would stay through the judging. */
export function forgetResolvedHrefs(): void {
  memo.clear();
}

function resolveCached(raw: string, base: string, baseOrigin: string): Resolved {
  let key: string;
  if (/^https?:\/\//i.test(raw)) key = raw;
  else if (raw.startsWith('/') && !raw.startsWith('//')) key = `${baseOrigin}\u0000${raw}`;
  else key = `${base}\u0000${raw}`;
  let out = memo.get(key);
  if (out) return out;
  const normal = normalizeUrl(raw, base);
  out = { normal, written: normal === undefined ? undefined : asWritten(raw, base) };
  if (memo.size >= 50_000) memo.clear();
  memo.set(key, out);
  return out;
}

function originOf(url: string): string {
  const i = url.indexOf('/', url.indexOf('//') + 2);
  return i < 0 ? url : url.slice(0, i);
}

function cached(map: Map<DomNode, string>, n: DomNode, fn: (n: DomNode) => string): string {
  let v = map.get(n);
  if (v === undefined) map.set(n, (v = fn(n)));
  return v;
}

function safeResolve(raw: string, base: string): string | undefined {
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return undefined;
  }
}

const LAYOUT_TAGS = new Set(['table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'form', 'nav']);
/** A table row whose cells hold lists, headings, forms or tables: page layout, not a row of values. */
function isLayoutRow(tr: DomNode): boolean {
  return findFirst(tr, (n) => n !== tr && LAYOUT_TAGS.has(tagName(n))) !== undefined;
}

/** A PDF viewer's target document (`?file=/docs/a.pdf`), so the document itself is fetched too. */
export function viewerTargets(src: string, base: string): string[] {
  const abs = safeResolve(src, base);
  if (!abs) return [];
  const out: string[] = [];
  const u = new URL(abs);
  for (const [k, v] of u.searchParams) {
    if (VIEWER_PARAM.test(k) && (isHttpUrl(v) || v.startsWith('/') || /\.(pdf|docx?|xlsx?)$/i.test(v))) out.push(v);
  }
  return out;
}

/** `<link rel="canonical">` of a page, resolved and normalised. */
export function canonicalOf(root: DomNode, baseUrl: string): string | undefined {
  const el = findFirst(root, (n) => tagName(n) === 'link' && /(^|\s)canonical(\s|$)/i.test(attr(n, 'rel') ?? '') && !!attr(n, 'href'));
  return el ? normalizeUrl(attr(el, 'href')!, baseUrl) : undefined;
}
