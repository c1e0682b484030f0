import { findFirst, tagName, textOf, type DomNode } from './dom.js';

/** Title and visible text of an HTML page (line per block, whitespace collapsed within lines). */
export function extractText(root: DomNode): { title?: string; text: string } {
  const titleEl = findFirst(root, (n) => tagName(n) === 'title');
  const title = titleEl ? textOf(titleEl) : undefined;
  const body = findFirst(root, (n) => tagName(n) === 'body') ?? root;
  return { title: title || undefined, text: textOf(body, { lines: true }) };
}
