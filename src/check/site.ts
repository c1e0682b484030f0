/**
 * A read-only view of one stored scan for the judgement: snapshots by URL, the link graph, shortest
 * click paths from the home page, and each page's main content (menus removed) re-parsed from its
 * stored HTML. Pure: built from the JudgeInput, no I/O.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { viewerTargets } from '../crawl/extract-links.js';
import { normalizeUrl } from '../crawl/normalize-url.js';
import { hostOf, isOwnHost } from '../matchers/lib/hosts.js';
import { isGenericLinkText } from '../matchers/lib/identify.js';
import type { Target } from '../matchers/types.js';
import type { ClickStep, LinkRecord, PageSnapshot } from '../store/types.js';
import { countContentImages, isLayoutTable, tableHasData } from './page-structure.js';

// The same menu and footer URLs occur on every page: normalise each distinct string once.
const canonMemo = new Map<string, string>();

/** The lookup key of a URL: the crawler's normalisation, fragment-free. */
export function canon(url: string): string {
  let key = canonMemo.get(url);
  if (key === undefined) {
    if (canonMemo.size >= 200_000) canonMemo.clear();
    key = normalizeUrl(url) ?? url.trim();
    canonMemo.set(url, key);
  }
  return key;
}

function altKey(key: string): string {
  return key.endsWith('/') ? key.slice(0, -1) : key + '/';
}

export const DOC_EXT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|zip|rar|jpe?g|png)(?:$|[?#])/i;

/** A link inside a page's content, with the words around it. */
export interface ContentLink {
  /** Absolute normalised URL, or the raw href ("#", "javascript:…"). */
  url: string;
  text: string;
  label?: string;
  /** Row / list item / paragraph text around the link. */
  context?: string;
  cells?: string[];
  heading?: string;
}

export interface PageView {
  url: string;
  title: string;
  headings: string[];
  /** Visible text without navigation, menus, scripts. */
  mainText: string;
  images: number;
  /** Forms people can fill in (with an input, textarea or select): an online service is content. */
  forms: number;
  mainLinks: ContentLink[];
  /** Tables of the main content: how many, how many hold data, and the text outside them. */
  tables: TableStats;
  $: cheerio.CheerioAPI;
}

export interface TableStats {
  total: number;
  /** Tables with at least one data cell (td) that is neither empty nor a dash. */
  withData: number;
  /** Characters (spaces removed) of the main text outside tables. */
  outsideChars: number;
}

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'form', 'fieldset', 'hr', 'caption', 'figure', 'figcaption', 'address', 'tbody', 'thead', 'summary', 'details',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'canvas', 'iframe', 'object']);

/** Visible text of nodes, blocks on their own lines, cells separated. */
export function nodeText(nodes: AnyNode | AnyNode[]): string {
  const out: string[] = [];
  const visit = (n: AnyNode) => {
    if (n.type === 'text') {
      out.push((n as unknown as { data: string }).data);
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const el = n as Element;
    const name = (el.name ?? '').toLowerCase();
    if (SKIP.has(name)) return;
    if (name === 'br') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    else if (name === 'td' || name === 'th') out.push(' \t ');
    for (const c of el.children ?? []) visit(c);
    if (block) out.push('\n');
    else if (name === 'td' || name === 'th') out.push(' ');
  };
  for (const n of Array.isArray(nodes) ? nodes : [nodes]) visit(n);
  return out
    .join('')
    .replace(/&nbsp;/gi, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

const MENU_TOKEN =
  /^(?:nav|navbar|navigation|nav-.*|.*-nav|.*_nav|menu.*|.*[-_]menu.*|.*mainmenu.*|.*submenu.*|.*megamenu.*|dropdown-menu|breadcrumbs?|sidebar|side-bar|offcanvas.*|mobile-nav.*|topbar|top-bar|skip-link)$/i;

function isMenuElement(el: Element): boolean {
  const role = el.attribs?.role;
  if (role && /^(navigation|menu|menubar|banner)$/i.test(role)) return true;
  const tokens = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`.split(/\s+/).filter(Boolean);
  return tokens.some((t) => MENU_TOKEN.test(t));
}

/** Resolves an href (or a URL in an onclick handler) against the page. */
export function resolveHref(el: Element, base: string): string | undefined {
  const href = el.attribs?.href?.trim();
  const onclick = el.attribs?.onclick ?? '';
  const fromClick = /['"]((?:https?:)?\/?[^'"\s]+\.(?:pdf|docx?|xlsx?|php|html?|aspx?)[^'"]*|https?:\/\/[^'"\s]+)['"]/i.exec(onclick)?.[1];
  const raw = href && !/^(#|javascript:)/i.test(href) ? href : fromClick ?? href;
  if (raw === undefined) return undefined;
  if (/^(#|javascript:|mailto:|tel:)/i.test(raw) || raw === '') return raw || '#';
  return normalizeUrl(raw, base) ?? raw;
}

function linkContext($: cheerio.CheerioAPI, a: Element): { context?: string; cells?: string[]; heading?: string } {
  const $a = $(a);
  const tr = $a.closest('tr');
  if (tr.length) {
    const cells = tr
      .children('td,th')
      .toArray()
      .map((c) => oneLine(nodeText(c)));
    return { context: cells.join(' | '), cells };
  }
  const li = $a.closest('li');
  if (li.length) return { context: oneLine(nodeText(li[0]!)).slice(0, 400) };
  const block = $a.closest('p,dd,dt,h1,h2,h3,h4,h5,h6,div');
  const context = block.length ? oneLine(nodeText(block[0]!)).slice(0, 400) : undefined;
  return { context };
}

export function parseView(snapshot: PageSnapshot): PageView {
  const html = snapshot.html ?? '';
  const $ = cheerio.load(html);
  const base = snapshot.finalUrl || snapshot.url;
  const title = oneLine($('title').first().text()) || snapshot.title || '';
  const headings = $('h1,h2,h3')
    .toArray()
    .map((h) => oneLine(nodeText(h)))
    .filter(Boolean)
    .slice(0, 20);
  // Work on a copy for the main content: menus and navigation removed.
  const $m = cheerio.load(html);
  $m('script,style,noscript,template,svg,nav,header,select').remove();
  const bodyLen = oneLine($m('body').text()).length || 1;
  $m('[class],[id],[role]').each((_, el) => {
    if (!isMenuElement(el as Element)) return;
    const len = oneLine($m(el).text()).length;
    if (len > 2000 && len > bodyLen * 0.6) return; // a "menu" wrapper around the whole page
    $m(el).remove();
  });
  const body = $m('body').length ? $m('body')[0]! : $m.root()[0]!;
  const mainText = nodeText(body);
  const tables = tableStats($m, mainText);
  const images = countContentImages($m);
  const forms = $('form').filter((_, f) => $(f).find('input:not([type=hidden]),textarea,select').length > 0).length;
  const mainLinks: ContentLink[] = [];
  $m('a,area').each((_, el) => {
    const e = el as Element;
    const url = resolveHref(e, base);
    if (url === undefined) return;
    const text = oneLine(nodeText(e));
    const label = e.attribs?.title ?? e.attribs?.['aria-label'] ?? $m(e).find('img').attr('alt');
    mainLinks.push({ url, text, label: label ? oneLine(label) : undefined, ...linkContext($m, e) });
  });
  $m('iframe,embed,object').each((_, el) => {
    const e = el as Element;
    const src = e.attribs?.src ?? e.attribs?.data;
    if (!src) return;
    const url = normalizeUrl(src, base);
    if (url) mainLinks.push({ url, text: oneLine(e.attribs?.title ?? ''), context: 'iframe' });
    // A viewer wrapper (pdf.js viewer.html?file=…, Google viewer ?url=…): the document inside is the content.
    for (const inner of viewerTargets(src, base)) {
      const doc = normalizeUrl(inner, url ?? base);
      if (doc) mainLinks.push({ url: doc, text: oneLine(e.attribs?.title ?? ''), context: 'iframe' });
    }
  });
  return { url: base, title, headings, mainText, images, forms, mainLinks, tables, $ };
}

/**
 * Data tables of the main content (layout tables — old CMS pages built of tables, with headings, lists or
 * tables inside their cells — are looked through, not counted); a table of header rows only (or of "-")
 * holds no data.
 */
function tableStats($m: cheerio.CheerioAPI, mainText: string): TableStats {
  const data = $m('table').filter((_, t) => !isLayoutTable($m, t as Element));
  let withData = 0;
  let tableChars = 0;
  data.each((_, t) => {
    tableChars += nodeText(t).replace(/\s+/g, '').length;
    if (tableHasData($m, t as Element)) withData++;
  });
  return { total: data.length, withData, outsideChars: Math.max(0, mainText.replace(/\s+/g, '').length - tableChars) };
}

export interface Site {
  startUrl: string;
  host: string;
  pages: PageSnapshot[];
  links: LinkRecord[];
  page(url: string): PageSnapshot | undefined;
  linksFrom(url: string): LinkRecord[];
  view(page: PageSnapshot): PageView | undefined;
  target(url: string): Target;
  /** Shortest click path from the home page (BFS over stored links), or undefined if unreachable. */
  clickPath(url: string): ClickStep[] | undefined;
  /** URLs linked from most pages (site-wide menus, footers). */
  isTemplateLink(url: string): boolean;
  isOwn(url: string): boolean;
}

export function buildSite(startUrl: string, pages: PageSnapshot[], links: LinkRecord[]): Site {
  const byKey = new Map<string, PageSnapshot>();
  const put = (k: string, p: PageSnapshot) => {
    const prev = byKey.get(k);
    // Prefer a real answer over an error for the same URL.
    if (!prev || (prev.status !== 200 && p.status === 200)) byKey.set(k, p);
  };
  for (const p of pages) {
    put(canon(p.url), p);
    if (p.finalUrl) put(canon(p.finalUrl), p);
  }
  const page = (url: string) => {
    const k = canon(url);
    return byKey.get(k) ?? byKey.get(altKey(k));
  };
  const from = new Map<string, LinkRecord[]>();
  for (const l of links) {
    const k = canon(l.fromUrl);
    let arr = from.get(k);
    if (!arr) from.set(k, (arr = []));
    arr.push(l);
  }
  for (const arr of from.values()) arr.sort((a, b) => a.position - b.position);
  const linksFrom = (url: string) => {
    const p = page(url);
    const keys = new Set([canon(url), ...(p ? [canon(p.url), canon(p.finalUrl)] : [])]);
    return [...keys].flatMap((k) => from.get(k) ?? []);
  };

  // Template links: targets linked from at least half of the html pages (when there are enough pages).
  const htmlPages = pages.filter((p) => p.kind === 'html' && p.status >= 200 && p.status < 300);
  const linkedFrom = new Map<string, Set<string>>();
  for (const l of links) {
    const k = canon(l.toUrl);
    let s = linkedFrom.get(k);
    if (!s) linkedFrom.set(k, (s = new Set()));
    s.add(canon(l.fromUrl));
  }
  const templateMin = Math.max(4, Math.ceil(htmlPages.length * 0.5));
  const isTemplateLink = (url: string) => (linkedFrom.get(canon(url))?.size ?? 0) >= templateMin;

  const host = hostOf(startUrl) ?? '';
  const isOwn = (url: string) => isOwnHost(hostOf(url), host);

  const views = new Map<string, PageView | undefined>();
  const view = (p: PageSnapshot) => {
    const k = canon(p.url);
    if (!views.has(k)) views.set(k, p.kind === 'html' && p.html ? parseView(p) : undefined);
    return views.get(k);
  };

  const targets = new Map<string, Target>();
  const target = (url: string): Target => {
    let t = targets.get(url);
    if (!t) targets.set(url, (t = makeTarget(url)));
    return t;
  };
  const makeTarget = (url: string): Target => {
    const snapshot = /^https?:/i.test(url) ? page(url) : undefined;
    if (!snapshot) return { url, text: '' };
    if (snapshot.kind === 'html') {
      const v = view(snapshot);
      if (v) {
        const content = v.mainLinks.filter((l) => /^https?:/i.test(l.url) && !isTemplateLink(l.url) && canon(l.url) !== canon(snapshot.url));
        return {
          url,
          snapshot,
          text: v.mainText,
          title: v.title || snapshot.title,
          headings: v.headings,
          images: v.images,
          forms: v.forms,
          tables: v.tables,
          externalLinks: content.filter((l) => !isOwn(l.url)).map((l) => l.url),
          contentLinks: content.length,
        };
      }
      return { url, snapshot, text: snapshot.text ?? '', title: snapshot.title };
    }
    return { url, snapshot, text: snapshot.text ?? '', title: snapshot.title };
  };

  // BFS from the home page over links (and redirects), remembering the link that first reached a page.
  const parent = new Map<string, { prev: string; step: ClickStep } | null>();
  const start = canon(startUrl);
  parent.set(start, null);
  const startPage = page(startUrl);
  if (startPage) {
    parent.set(canon(startPage.url), null);
    parent.set(canon(startPage.finalUrl), null);
  }
  const queue = [...new Set([start, ...(startPage ? [canon(startPage.url), canon(startPage.finalUrl)] : [])])];
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i]!;
    const p = page(cur);
    const outs = [...(from.get(cur) ?? []), ...(p && canon(p.url) !== cur ? (from.get(canon(p.url)) ?? []) : []), ...(p && canon(p.finalUrl) !== cur ? (from.get(canon(p.finalUrl)) ?? []) : [])];
    for (const l of outs) {
      if (!/^https?:/i.test(l.toUrl)) continue;
      const k = canon(l.toUrl);
      if (parent.has(k)) continue;
      parent.set(k, { prev: cur, step: { text: stepText(l), url: l.toUrl } });
      const target = page(k);
      if (target) {
        for (const alias of [canon(target.url), canon(target.finalUrl)]) if (!parent.has(alias)) parent.set(alias, { prev: cur, step: { text: stepText(l), url: l.toUrl } });
        if (target.kind === 'html') queue.push(k);
      }
    }
  }
  const clickPath = (url: string): ClickStep[] | undefined => {
    let k = canon(url);
    if (!parent.has(k)) {
      const p = page(url);
      if (p && parent.has(canon(p.url))) k = canon(p.url);
      else if (!parent.has(altKey(k))) return undefined;
      else k = altKey(k);
    }
    const steps: ClickStep[] = [];
    const seen = new Set<string>();
    let cur: string | undefined = k;
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      const e = parent.get(cur);
      if (!e) break;
      steps.unshift(e.step);
      cur = e.prev;
    }
    return steps;
  };

  return { startUrl, host, pages, links, page, linksFrom, view, target, clickPath, isTemplateLink, isOwn };
}

/** Words of a click step: the link text, or its context when the text is generic. */
export function stepText(l: LinkRecord): string {
  const t = oneLine(l.text || l.label || '');
  if (!isGenericLinkText(t)) return t;
  const ctx = oneLine(l.rowText || l.listItemText || l.heading || '');
  if (ctx) return `${t || 'ลิงก์'} (${ctx.slice(0, 80)})`;
  return t || l.toUrl;
}
