import { attr, collapse, findAll, hasClass, isElement, tagName, textOf, type DomNode } from './dom.js';
import type { LinkRecord } from '../store/types.js';

/**
 * The words around a link. Agency sites label evidence by its table row, list item, section heading
 * or menu rather than by the link text ("ดาวน์โหลด"), so each of these is read here.
 */

const MAX = 400;
const clip = (s: string): string => (s.length > MAX ? s.slice(0, MAX) : s);

const SUBMENU_CLASS = /(^|[\s_-])(dropdown-menu|sub-?menu|mega-?menu|children|menu-level\d?|nav-child)($|[\s_-])/i;
const ACCORDION_HEADER = /(^|\s)(accordion-(header|button|title|heading)|panel-title|panel-heading|card-header|collapse-header|toggle-title|elementor-tab-title|ui-accordion-header)($|\s)/i;

/** Lists and submenus inside a menu item are its children, not its label. */
export const isSubmenu = (n: DomNode): boolean => {
  const name = tagName(n);
  return name === 'ul' || name === 'ol' || (name !== 'a' && name !== 'li' && hasClass(n, SUBMENU_CLASS) && findAll(n, (c) => tagName(c) === 'a').length > 1);
};

/** A menu item's or list item's own words, without its nested lists. */
export const ownLabel = (li: DomNode): string => clip(textOf(li, { skip: isSubmenu }));

/** Text of a table row, cells separated by spaces. */
export const rowTextOf = (tr: DomNode): string => clip(textOf(tr));

/** Whether an element reads as a section heading for what follows it. */
export function headingText(n: DomNode): string | undefined {
  const name = tagName(n);
  if (/^h[1-6]$/.test(name) || name === 'caption' || name === 'summary' || name === 'legend' || name === 'dt') return clip(textOf(n)) || undefined;
  if (ACCORDION_HEADER.test(attr(n, 'class') ?? '') || /collapse/.test(attr(n, 'data-toggle') ?? attr(n, 'data-bs-toggle') ?? '')) {
    return clip(textOf(n)) || undefined;
  }
  if ((name === 'p' || name === 'div') && n.children) {
    // A paragraph that is only bold text: the usual hand-made heading.
    let only: DomNode | undefined;
    for (const c of n.children) {
      if (c.type === 'text') {
        if ((c.data ?? '').trim() !== '') return undefined;
      } else if (isElement(c)) {
        if (only) return undefined;
        only = c;
      }
    }
    if (only && (tagName(only) === 'strong' || tagName(only) === 'b')) return clip(textOf(only)) || undefined;
  }
  if (name === 'tr' && n.children) {
    // A full-width row above a table section: one cell spanning columns, or a lone header cell.
    const cells = n.children.filter((c) => isElement(c) && (tagName(c) === 'td' || tagName(c) === 'th'));
    const cell = cells[0];
    if (cells.length === 1 && cell && (Number(attr(cell, 'colspan') ?? '1') > 1 || tagName(cell) === 'th') && !findAll(cell, (c) => tagName(c) === 'a' && attr(c, 'href') !== undefined).length) {
      return clip(textOf(cell)) || undefined;
    }
  }
  return undefined;
}

type Region = NonNullable<LinkRecord['region']>;
const ROLE_REGION: Record<string, Region> = { navigation: 'nav', banner: 'header', contentinfo: 'footer', main: 'main', complementary: 'aside', menubar: 'nav', menu: 'nav' };
const TAG_REGION: Record<string, Region> = { nav: 'nav', header: 'header', footer: 'footer', main: 'main', aside: 'aside' };

/** One pass over id + class: nav words, footer, header, sidebar, main (first match in the string wins). */
const REGION_WORDS =
  /(^|[\s_-])(?:(nav|navbar|navigation|menu|mainmenu|main-menu|topmenu|leftmenu|left-menu|rightmenu|sidemenu|side-menu|menu-bar|menubar|megamenu|tab-menu)|(footer|site-footer)|(header|site-header|masthead)|(sidebar|aside)|(main|content|main-content))(?=$|[\s_-])/i;

/** The page region an element opens, from its tag, role, or a telling id/class. */
export function regionOf(n: DomNode): Region | undefined {
  const byTag = TAG_REGION[tagName(n)];
  if (byTag) return byTag;
  const role = ROLE_REGION[(attr(n, 'role') ?? '').toLowerCase()];
  if (role) return role;
  const a = n.attribs;
  if (!a || (a.id === undefined && a.class === undefined)) return undefined;
  const m = REGION_WORDS.exec(`${a.id ?? ''} ${a.class ?? ''}`);
  if (!m) return undefined;
  return m[2] ? 'nav' : m[3] ? 'footer' : m[4] ? 'header' : m[5] ? 'aside' : 'main';
  return undefined;
}

/**
 * Labels of toggles that show a panel (tabs, accordions, mega-menus): `href="#id"`, `data-target`,
 * `data-bs-target`, `aria-controls`. Keyed by the panel's id.
 */
export function toggleLabels(root: DomNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of findAll(root, (n) => isElement(n) && !!n.attribs)) {
    const a = el.attribs!;
    const targets = [a.href?.startsWith('#') ? a.href : undefined, a['data-target'], a['data-bs-target'], a['aria-controls'] ? `#${a['aria-controls']}` : undefined];
    for (const t of targets) {
      if (!t || !/^#[\w:.-]+$/.test(t)) continue;
      const label = collapse(textOf(el));
      if (label && !out.has(t.slice(1))) out.set(t.slice(1), clip(label));
    }
  }
  return out;
}
