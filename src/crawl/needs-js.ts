import { collapse, isElement, tagName, textOf, type DomNode } from './dom.js';

/**
 * Whether an HTML page probably shows its content (or its menus) only after JavaScript runs.
 * Signals: near-empty body text, an empty app-root element, <noscript> asking to enable JavaScript,
 * very few links but many scripts, menu containers left empty for a script to fill. One DOM pass.
 */
export interface NeedsJsVerdict {
  needsJs: boolean;
  reasons: string[];
}

const APP_ROOT = /^(app|root|__next|__nuxt|q-app|main-app|application|react-root|vue-app|[\w-]+-app|app-[\w-]+)$/i;
/** Containers a script may fill; checked against inline scripts that address them by id. */
const FILLABLE = new Set(['div', 'ul', 'ol', 'section', 'nav', 'table', 'tbody', 'main', 'article']);
const EMPTY_MENU = /(^|[\s_-])(menu|nav|navbar|sidebar-menu|ita-list|oit-list|list-data)($|[\s_-])/i;
const NOSCRIPT_PLEA = /enable javascript|javascript (is )?(required|disabled)|เปิด(ใช้งาน)?\s*javascript|จาวาสคริปต์/i;

export function needsJs(root: DomNode, text: string, linkCount: number): NeedsJsVerdict {
  let scripts = 0;
  let emptyAppRoot = false;
  let frameworkRoot = false;
  let noscriptPlea = false;
  let emptyMenu = false;
  const emptyIds: string[] = [];
  let inlineScript = '';
  const visit = (n: DomNode, depth: number) => {
    if (!isElement(n) || depth > 400) return;
    const name = tagName(n);
    if (name === 'script') {
      scripts++;
      if (!n.attribs?.src) inlineScript += rawText(n);
      return;
    }
    if (name === 'noscript') {
      if (NOSCRIPT_PLEA.test(collapse(rawText(n)))) noscriptPlea = true;
      return;
    }
    const a = n.attribs;
    if (a) {
      if (a.id && APP_ROOT.test(a.id) && textOf(n).length < 40) emptyAppRoot = true;
      if ('data-reactroot' in a || 'ng-app' in a || 'ng-version' in a) frameworkRoot = true;
      if ((name === 'ul' || name === 'div' || name === 'nav') && EMPTY_MENU.test(`${a.id ?? ''} ${a.class ?? ''}`) && !hasContent(n)) emptyMenu = true;
      if (a.id && FILLABLE.has(name) && !hasContent(n)) emptyIds.push(a.id);
    }
    if (n.children) for (const c of n.children) visit(c, depth + 1);
  };
  for (const c of root.children ?? []) visit(c, 0);

  const reasons: string[] = [];
  if (emptyAppRoot) reasons.push('empty app root');
  if (frameworkRoot) reasons.push('framework root');
  if (noscriptPlea) reasons.push('noscript asks for JavaScript');
  if (text.length < 200 && scripts >= 1) reasons.push('near-empty body');
  if (linkCount < 3 && scripts >= 5) reasons.push('few links, many scripts');
  if (emptyMenu && scripts) reasons.push('empty menu container filled by script');
  // An empty element that an inline script looks up by id is almost always filled at runtime.
  if (emptyIds.some((id) => scriptAddresses(inlineScript, id))) reasons.push('empty element filled by inline script');
  return { needsJs: reasons.length > 0, reasons };
}

function scriptAddresses(script: string, id: string): boolean {
  if (!script) return false;
  const q = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`getElementById\\(\\s*['"\`]${q}['"\`]|['"\`]#${q}['"\`\\s.:\\[]`).test(script);
}

function hasContent(n: DomNode): boolean {
  return (n.children ?? []).some((c) => isElement(c) || (c.type === 'text' && (c.data ?? '').trim() !== ''));
}

/** Raw text under a node, including what the parser read as elements inside <noscript>. */
function rawText(n: DomNode): string {
  if (n.type === 'text') return n.data ?? '';
  return (n.children ?? []).map(rawText).join(' ');
}
