import { load } from 'cheerio/slim';

/**
 * A minimal structural view of the htmlparser2 DOM that cheerio/slim builds. We walk nodes directly:
 * one pass over a page is several times faster than repeated selector queries.
 */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  parent: DomNode | null;
  children?: DomNode[];
}

/** Parses HTML (htmlparser2, forgiving, fast) and returns the document root. */
export function parseHtml(html: string): DomNode {
  const $ = load(html, { xml: false });
  return $.root()[0] as unknown as DomNode;
}

export const isElement = (n: DomNode): boolean => n.type === 'tag' || n.type === 'script' || n.type === 'style';
/** Tag name; htmlparser2 already lower-cases names in HTML mode. */
export const tagName = (n: DomNode): string => n.name ?? '';
export const attr = (n: DomNode, name: string): string | undefined => n.attribs?.[name];

/** Elements whose content is never visible text. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'select', 'canvas']);
/** Elements that break a line in rendered text. */
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'form', 'fieldset', 'hr', 'caption', 'figure', 'figcaption', 'address', 'tbody', 'thead',
]);
const CELL = new Set(['td', 'th']);

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface TextOptions {
  /** Skip subtrees for which this returns true (e.g. nested menus when reading a menu item's own label). */
  skip?: (n: DomNode) => boolean;
  /** Keep line breaks between blocks (page text) instead of collapsing everything to single spaces. */
  lines?: boolean;
}

/** Visible text of a subtree: `<br>`/blocks/cells separate words, whitespace and &nbsp; runs collapse. */
export function textOf(node: DomNode, opts: TextOptions = {}): string {
  const out: string[] = [];
  const skip = opts.skip;
  const visit = (n: DomNode, depth: number) => {
    const type = n.type;
    if (type === 'text') {
      out.push(n.data ?? '');
      return;
    }
    if (type !== 'tag' && type !== 'root') return; // comments, directives, script, style
    const name = n.name ?? '';
    if (type === 'tag' && (INVISIBLE.has(name) || name === 'img' || (skip !== undefined && skip(n)))) return;
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    else if (CELL.has(name)) out.push(' \t');
    if (n.children && depth < 400) for (const c of n.children) visit(c, depth + 1);
    if (block) out.push('\n');
  };
  visit(node, 0);
  const raw = out.join('');
  if (!opts.lines) return collapse(raw);
  return raw
    .split('\n')
    .map((l) => collapse(l))
    .filter(Boolean)
    .join('\n');
}

/** Closest ancestor-or-self element accepted by `pred`. */
export function closest(node: DomNode | null, pred: (n: DomNode) => boolean): DomNode | undefined {
  for (let n = node; n; n = n.parent) if (isElement(n) && pred(n)) return n;
  return undefined;
}

/** First descendant element accepted by `pred` (document order). */
export function findFirst(node: DomNode, pred: (n: DomNode) => boolean, depth = 0): DomNode | undefined {
  if (!node.children || depth > 400) return undefined;
  for (const c of node.children) {
    if (!isElement(c)) continue;
    if (pred(c)) return c;
    const hit = findFirst(c, pred, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** All descendant elements accepted by `pred` (document order). */
export function findAll(node: DomNode, pred: (n: DomNode) => boolean, out: DomNode[] = [], depth = 0): DomNode[] {
  if (!node.children || depth > 400) return out;
  for (const c of node.children) {
    if (!isElement(c)) continue;
    if (pred(c)) out.push(c);
    findAll(c, pred, out, depth + 1);
  }
  return out;
}

export const hasClass = (n: DomNode, re: RegExp): boolean => re.test(attr(n, 'class') ?? '');
