/**
 * A read-only view of one stored scan for the judgement: pages by URL, the link graph, shortest
 * click paths from the home page, and each page's main content (menus removed) re-parsed from its
 * stored HTML. Pure: no I/O; site-index.ts builds it, from snapshots in memory (buildSite) or streamed
 * from the store with page content read lazily (site-source.ts).
 */
import type * as cheerio from 'cheerio';
import { load as loadSlim } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { viewerTargets } from '../crawl/extract-links.js';
import { normalizeUrl } from '../crawl/normalize-url.js';
import { isGenericLinkText } from '../matchers/lib/identify.js';
import type { Target } from '../matchers/types.js';
import type { ClickStep, LinkRecord, PageSnapshot } from '../store/types.js';
import { childrenNamed, closestNamed, firstElement, textContent, walkElements } from './dom-walk.js';
import { countContentImages, isLayoutTable, tableHasData } from './page-structure.js';
import { pageInfo, SiteBuilder, type PageInfo } from './site-index.js';

// The same menu and footer URLs occur on every page: normalise each distinct string once.
const canonMemo = new Map<string, string>();

/** The lookup key of a URL: the crawler's normalisation, fragment-free. */
export function canon(url: string): string {
  let key = canonMemo.get(url);
  if (key === undefined) {
    if (canonMemo.size >= 200_000) canonMemo.clear();
    key = normalizeUrl(url) ?? url.trim();
    // Most stored URLs are normalised already: keep one string, not an equal copy per map that uses it.
    if (key === url) key = url;
    canonMemo.set(url, key);
  }
  return key;
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
  /** The whole page's DOM (menus included), parsed on first use. */
  readonly $: cheerio.CheerioAPI;
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
  /^(?:nav|navbar|navigation|nav-.*|.*-nav|.*_nav|menu.*|.*[-_]menu.*|.*mainmenu.*|.*submenu.*|(?:left|right|side|top)menu.*|.*megamenu.*|dropdown-menu|breadcrumbs?|sidebar|side-bar|offcanvas.*|mobile-nav.*|topbar|top-bar|skip-link)$/i;

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

const TR = new Set(['tr']);
const CELLS = new Set(['td', 'th']);
const LI = new Set(['li']);
const BLOCK_CONTEXT = new Set(['p', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div']);

function linkContext(a: Element): { context?: string; cells?: string[]; heading?: string } {
  const tr = closestNamed(a, TR);
  if (tr) {
    const cells = childrenNamed(tr, CELLS).map((c) => oneLine(nodeText(c)));
    return { context: cells.join(' | '), cells };
  }
  const li = closestNamed(a, LI);
  if (li) return { context: oneLine(nodeText(li)).slice(0, 400) };
  const block = closestNamed(a, BLOCK_CONTEXT);
  const context = block ? oneLine(nodeText(block)).slice(0, 400) : undefined;
  return { context };
}

/** Removed before the main content is read; headings, title and forms are read first. */
const NOT_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'select']);
const HEADING = new Set(['h1', 'h2', 'h3']);

/**
 * A page's view for the judgement. Walks the DOM directly, in the document order the selector queries it
 * replaced used (a page's views are parsed for every candidate a site has: selector queries were most
 * of the cost); the result is the same, field by field.
 */
export function parseView(snapshot: PageSnapshot): PageView {
  const html = snapshot.html ?? '';
  const base = snapshot.finalUrl || snapshot.url;
  // One parse: the whole page's facts are read first, then menus and navigation are removed for the main
  // content. The untouched DOM is parsed again only if asked for (an ITA index page's rows).
  const $m = loadSlim(html);
  const root = $m.root()[0]!;
  let titleEl: Element | undefined;
  const headingEls: Element[] = [];
  const formEls: Element[] = [];
  const notContent: Element[] = [];
  walkElements(root, (el) => {
    if (el.name === 'title') titleEl ??= el;
    else if (HEADING.has(el.name)) headingEls.push(el);
    else if (el.name === 'form') formEls.push(el);
    if (NOT_CONTENT.has(el.name)) notContent.push(el);
  });
  const title = oneLine(titleEl ? textContent(titleEl) : '') || snapshot.title || '';
  const headings = headingEls
    .map((h) => oneLine(nodeText(h)))
    .filter(Boolean)
    .slice(0, 20);
  const forms = formEls.length ? $m(formEls).filter((_, f) => $m(f).find('input:not([type=hidden]),textarea,select').length > 0).length : 0;
  $m(notContent).remove();
  let bodyText = '';
  walkElements(root, (el) => {
    if (el.name !== 'body') return;
    bodyText += textContent(el);
    return false;
  });
  const bodyLen = oneLine(bodyText).length || 1;
  const menus: Element[] = [];
  walkElements(root, (el) => {
    if (!isMenuElement(el)) return;
    const len = oneLine(textContent(el)).length;
    if (len > 2000 && len > bodyLen * 0.6) return; // a "menu" wrapper around the whole page
    menus.push(el);
    return false;
  });
  $m(menus).remove();
  let body: AnyNode | undefined;
  const tables: Element[] = [];
  const images: Element[] = [];
  const anchors: Element[] = [];
  const frames: Element[] = [];
  walkElements(root, (el) => {
    const name = el.name;
    if (name === 'body') body ??= el;
    else if (name === 'table') tables.push(el);
    else if (name === 'img') images.push(el);
    else if (name === 'a' || name === 'area') anchors.push(el);
    else if (name === 'iframe' || name === 'embed' || name === 'object') frames.push(el);
  });
  const mainText = nodeText(body ?? root);
  const tableFacts = tableStats(tables, mainText);
  const imageCount = images.length ? countContentImages($m, images) : 0;
  const mainLinks: ContentLink[] = [];
  for (const e of anchors) {
    const url = resolveHref(e, base);
    if (url === undefined) continue;
    const text = oneLine(nodeText(e));
    const label = e.attribs?.title ?? e.attribs?.['aria-label'] ?? firstImageAlt(e);
    mainLinks.push({ url, text, label: label ? oneLine(label) : undefined, ...linkContext(e) });
  }
  for (const e of frames) {
    const src = e.attribs?.src ?? e.attribs?.data;
    if (!src) continue;
    const url = normalizeUrl(src, base);
    if (url) mainLinks.push({ url, text: oneLine(e.attribs?.title ?? ''), context: 'iframe' });
    // A viewer wrapper (pdf.js viewer.html?file=…, Google viewer ?url=…): the document inside is the content.
    for (const inner of viewerTargets(src, base)) {
      const doc = normalizeUrl(inner, url ?? base);
      if (doc) mainLinks.push({ url: doc, text: oneLine(e.attribs?.title ?? ''), context: 'iframe' });
    }
  }
  return withWholeDom({ url: base, title, headings, mainText, images: imageCount, forms, mainLinks, tables: tableFacts }, html);
}

/** The alt text of the first picture inside a link (an icon link's only words). */
function firstImageAlt(a: Element): string | undefined {
  return firstElement(a, (el) => el.name === 'img')?.attribs?.alt;
}

/**
 * The view with its whole-page DOM parsed on first use. Made outside parseView on purpose: a getter
 * created there would keep parseView's closure context alive, and with it the main-content DOM.
 */
function withWholeDom(facts: Omit<PageView, '$'>, html: string): PageView {
  let whole: cheerio.CheerioAPI | undefined;
  return {
    ...facts,
    get $() {
      return (whole ??= loadSlim(html));
    },
  };
}

/**
 * Data tables of the main content (layout tables — old CMS pages built of tables, with headings, lists or
 * tables inside their cells — are looked through, not counted); a table of header rows only (or of "-")
 * holds no data.
 */
function tableStats(tables: Element[], mainText: string): TableStats {
  const data = tables.filter((t) => !isLayoutTable(t));
  let withData = 0;
  let tableChars = 0;
  for (const t of data) {
    tableChars += nodeText(t).replace(/\s+/g, '').length;
    if (tableHasData(t)) withData++;
  }
  return { total: data.length, withData, outsideChars: Math.max(0, mainText.replace(/\s+/g, '').length - tableChars) };
}

export interface Site {
  startUrl: string;
  host: string;
  /** Every stored page, without HTML and text (site-index.ts): read content through view() and target(). */
  pages: PageInfo[];
  /**
   * The site's distinct links in stored order, each once (a menu repeated on every page is one record,
   * with the page and position of its first occurrence). Finding candidates by words needs nothing more.
   */
  distinctLinks: LinkRecord[];
  page(url: string): PageInfo | undefined;
  linksFrom(url: string): LinkRecord[];
  view(page: PageInfo): PageView | undefined;
  target(url: string): Target;
  /** Shortest click path from the home page (BFS over stored links), or undefined if unreachable. */
  clickPath(url: string): ClickStep[] | undefined;
  /** URLs linked from most pages (site-wide menus, footers). */
  isTemplateLink(url: string): boolean;
  isOwn(url: string): boolean;
}

/** A Site over whole snapshots in memory (tests, the offline eval, `judge`): nothing is read lazily. */
export function buildSite(startUrl: string, pages: PageSnapshot[], links: LinkRecord[]): Site {
  const builder = new SiteBuilder(startUrl);
  const snapshots = new Map<PageInfo, PageSnapshot>();
  const infos = pages.map((p) => {
    const info = pageInfo(p);
    snapshots.set(info, p);
    return info;
  });
  builder.addPages(infos);
  builder.addLinks(links);
  return builder.finish({ get: (info) => snapshots.get(info) });
}

/** Words of a click step: the link text, or its context when the text is generic. */
export function stepText(l: LinkRecord): string {
  const t = oneLine(l.text || l.label || '');
  if (!isGenericLinkText(t)) return t;
  const ctx = oneLine(l.rowText || l.listItemText || l.heading || '');
  if (ctx) return `${t || 'ลิงก์'} (${ctx.slice(0, 80)})`;
  return t || l.toUrl;
}
