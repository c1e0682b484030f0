/**
 * Direct walks over the parse5 DOM cheerio builds (domhandler nodes). A page's view is parsed for every
 * candidate of a big site; selector queries cost several times the parse itself, and these walks visit
 * the same elements in the same document order that cheerio's queries return.
 */
import type { AnyNode, Element } from 'domhandler';

/** An element node (domhandler gives script and style elements their own node types). */
export function isTag(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/**
 * Visits the elements under `from` in document order, as a query from `from` sees them: it starts from
 * `from`'s child elements and below them enters every node with children (so a template's content
 * fragment is searched, except when the template itself is `from`). `visit` returning false skips the
 * element's subtree.
 */
export function walkElements(from: AnyNode, visit: (el: Element) => boolean | void): void {
  for (const c of (from as Element).children ?? []) if (isTag(c) && visit(c) !== false) walkBelow(c, visit);
}

function walkBelow(node: AnyNode, visit: (el: Element) => boolean | void): void {
  for (const c of (node as Element).children ?? []) if (!isTag(c) || visit(c) !== false) walkBelow(c, visit);
}

/** The first element under `from`, in document order, accepted by `pred` (cheerio's find(…).first()). */
export function firstElement(from: AnyNode, pred: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  walkElements(from, (el) => {
    if (!found && pred(el)) found = el;
    return !found;
  });
  return found;
}

/** Is there an element under `from` accepted by `pred`? */
export function hasElement(from: AnyNode, pred: (el: Element) => boolean): boolean {
  return firstElement(from, pred) !== undefined;
}

/** The element itself or its nearest element ancestor named one of `names` (cheerio's closest). */
export function closestNamed(el: Element, names: ReadonlySet<string>): Element | undefined {
  for (let n: AnyNode | null = el; n && isTag(n); n = n.parent) if (names.has(n.name)) return n;
  return undefined;
}

/** Child elements named one of `names` (cheerio's children(selector)). */
export function childrenNamed(el: Element, names: ReadonlySet<string>): Element[] {
  return el.children.filter((c): c is Element => isTag(c) && names.has(c.name));
}

/** The text of every text node of a subtree, comments left out (cheerio's text()). */
export function textContent(n: AnyNode): string {
  if (n.type === 'comment') return '';
  const kids = (n as Element).children;
  if (kids) {
    let s = '';
    for (const c of kids) s += textContent(c);
    return s;
  }
  return n.type === 'text' ? (n as unknown as { data: string }).data : '';
}
