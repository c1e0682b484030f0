/**
 * ITA/OIT index pages: detection and parsing into item rows. Agencies publish one page listing every
 * item (tables per sub-indicator "ข้อ | ข้อมูล | URL | คำอธิบาย", lists, accordions), with labels in
 * every style (O1, o1, OIT 1, 011, O01, "11.", Thai digits) and generic link texts ("ดาวน์โหลด").
 */
import type { Element } from 'domhandler';
import type { Checklist } from '../checklist/schema.js';
import { normalizeUrl } from '../crawl/normalize-url.js';
import { fold } from '../text/fold.js';
import { isGenericLinkText, isGroupLabel, parseItemLabel } from '../matchers/lib/identify.js';
import { isLayoutTable } from './page-structure.js';
import type { PageInfo } from './site-index.js';
import { canon, nodeText, oneLine, resolveHref, type Site } from './site.js';

export interface IndexRowLink {
  url: string;
  text: string;
}

export interface IndexRow {
  /** Page the row is on. */
  page: string;
  text: string;
  cells?: string[];
  hint?: number;
  links: IndexRowLink[];
  kind: 'table-row' | 'list-item' | 'heading' | 'paragraph' | 'link-context';
}

// "ITA", "ITA 2566", "OIT 66", "(ITA)", "ข้อมูล ITA ปี 2569", "การประเมินคุณธรรมและความโปร่งใส…" — not item
// titles that merely contain "คุณธรรมและความโปร่งใส" (มาตรการส่งเสริมคุณธรรมและความโปร่งใส is O42) or name ITA
// inside a sentence ("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" is 2569's O25; "แนวทางการพัฒนาองค์กรจากผลการ
// ประเมิน ITA ประจำปี 2567" is its document): a label ends with ITA after a few words at most. Punctuation is
// spelled out as "neither a letter nor a digit": \W would count Thai letters as punctuation.
const ITA_LABEL =
  /^[^\p{L}\p{N}]*(?:ita|oit)(?:[^\p{L}\p{N}]|$)|^(?:.{0,24}[\s(])?(?:ita|oit)\s*(?:(?:ประจำ)?ปี(?:งบประมาณ)?\s*(?:พ\.?\s?ศ\.?)?\s*)?(?:\d{2,4})?[^\p{L}\p{N}]*$|^(?:การ)?ประเมินคุณธรรมและความโปร่งใส|^การเปิดเผยข้อมูลสาธารณะ/iu;
// Another scheme (MOIT, ITA-VEC), or the assessment's results ("ผลการประเมิน ITA", "ผลคะแนน ITA 2568": last
// year's scores and what the agency does about them, 2569's O25), not the page that lists the items. An index
// page under such a label is still found by the item codes it lists.
const NOT_ITA = /moit|ita\s*-?\s*vec|^ผล(?:การประเมิน|คะแนน)/i;

/** A checklist's index labels folded once: every distinct link text and page title of a site is asked about. */
const foldedLabels = new WeakMap<string[], string[]>();

export function isIndexLabel(text: string, labels: string[]): boolean {
  const t = fold(text);
  if (!t || t.length > 120) return false;
  if (NOT_ITA.test(t)) return false;
  if (ITA_LABEL.test(t)) return true;
  let folded = foldedLabels.get(labels);
  if (!folded) foldedLabels.set(labels, (folded = labels.map(fold).filter((f) => f.length > 0)));
  return folded.some((f) => t === f || (t.startsWith(f) && t.length <= f.length + 12));
}

/** Pages that are (or look like) the site's ITA/OIT index. */
export function findIndexPages(site: Site, checklist: Checklist): PageInfo[] {
  const labels = checklist.indexPageLabels;
  const found = new Map<string, PageInfo>();
  const add = (p: PageInfo | undefined) => {
    if (p && p.kind === 'html' && p.status >= 200 && p.status < 300) found.set(canon(p.url), p);
  };
  for (const l of site.distinctLinks) {
    if (!/^https?:/i.test(l.toUrl)) continue;
    if (isIndexLabel(l.text, labels) || (l.label && isIndexLabel(l.label, labels))) add(site.page(l.toUrl));
  }
  for (const p of site.pages) {
    if (p.kind !== 'html') continue;
    if (p.title && isIndexLabel(p.title.split(/[|\-–:]/)[0] ?? '', labels)) add(p);
    else if (p.manyCodes) add(p);
  }
  // Per-sub-indicator pages ("ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน") linked from an index page: the index is split.
  for (const page of [...found.values()]) {
    for (const l of site.linksFrom(page.url)) {
      if (!/^https?:/i.test(l.toUrl)) continue;
      if (isGroupLabel(checklist, l.text) || (l.label && isGroupLabel(checklist, l.label))) add(site.page(l.toUrl));
    }
  }
  return [...found.values()];
}

/** Longer rows are layout, not an index row (an item's title, link and note fit well within it). */
const MAX_ROW_CHARS = 400;

const FURNITURE = 'nav,header,footer,aside,[role=navigation],[role=banner],[role=contentinfo],.sidebar,.side-bar,.widget,#sidebar';

// Headings and accordion/tab titles (Bootstrap, Elementor, WordPress block themes, jQuery UI).
const HEADING_SEL =
  'h1,h2,h3,h4,h5,h6,summary,dt,button,[role=button],[role=tab],.card-header,.panel-heading,.accordion-header,.accordion-button,.accordion-title,.accordion-toggle,.panel-title,.card-title,.elementor-tab-title,.tab-title,.ui-accordion-header';

/** Parses one index page into rows: table rows, leaf list items, headings with their sections, paragraphs. */
export function parseIndexRows(site: Site, page: PageInfo): IndexRow[] {
  const rows: IndexRow[] = [];
  const view = site.view(page);
  const base = page.finalUrl || page.url;
  const seen = new Set<string>();
  const push = (row: IndexRow) => {
    if (row.links.length === 0 && row.hint === undefined) return;
    const key = `${row.kind}|${row.text}|${row.links.map((l) => l.url).join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(row);
  };
  const linksIn = (els: Element[]): IndexRowLink[] => {
    const out: IndexRowLink[] = [];
    for (const el of els) {
      const $ = view!.$;
      const as = el.name === 'a' ? [el] : ($(el).find('a,area,iframe').toArray() as Element[]);
      for (const a of as) {
        const url = a.name === 'iframe' ? (a.attribs?.src ? (normalizeUrl(a.attribs.src, base) ?? undefined) : undefined) : resolveHref(a, base);
        if (url === undefined) continue;
        out.push({ url, text: oneLine(nodeText(a)) || oneLine(a.attribs?.title ?? '') });
      }
    }
    return out;
  };
  const hintOf = (text: string) => {
    const l = parseItemLabel(text);
    return l.foreign ? undefined : l.number;
  };

  if (view) {
    const $ = view.$;
    // Site-wide furniture (sidebars, menus, header, footer) is not part of the index, even on the ITA page.
    const furniture = (el: Element) => $(el).closest(FURNITURE).length > 0;
    $('tr').each((_, tr) => {
      if (furniture(tr as Element)) return;
      // A row of a layout table (an old CMS page built of tables: its left menu, its content cell) is not
      // an index row; the rows of the tables inside it are.
      const table = $(tr).closest('table')[0] as Element | undefined;
      if (table && isLayoutTable(table)) return;
      const cells = $(tr)
        .children('td,th')
        .toArray()
        .map((c) => oneLine(nodeText(c)));
      if (cells.length === 0) return;
      const text = cells.join(' | ');
      const firstLabelCell = cells.find((c) => parseItemLabel(c).number !== undefined);
      push({ page: page.url, text, cells, hint: firstLabelCell ? hintOf(firstLabelCell) : undefined, links: linksIn([tr as Element]), kind: 'table-row' });
    });
    $('li').each((_, li) => {
      if (furniture(li as Element)) return;
      const $li = $(li);
      if ($li.find('li a').length > 0) {
        // A menu or list parent: its own label may still head its sub-list ("O11 …" > "ดาวน์โหลด").
        const own = oneLine(nodeText(($li.children().not('ul,ol').toArray() as Element[]) ?? []));
        const hint = hintOf(own);
        if (hint !== undefined) push({ page: page.url, text: own, hint, links: linksIn($li.children('ul,ol').first().find('> li').toArray() as Element[]), kind: 'list-item' });
        return;
      }
      const text = oneLine(nodeText(li));
      push({ page: page.url, text, hint: hintOf(text), links: linksIn([li as Element]), kind: 'list-item' });
    });
    $(HEADING_SEL).each((_, h) => {
      if (furniture(h as Element)) return;
      const $h = $(h);
      const text = oneLine(nodeText(h));
      if (!text || text.length > 300) return;
      const own = linksIn([h as Element]);
      // The section of a heading: following siblings up to the next heading of the same kind; when the
      // heading sits alone in a wrapper (card-header), the wrapper's following siblings.
      let section: Element[] = [];
      let cur = $h;
      for (let up = 0; up < 3 && section.length === 0; up++) {
        const sibs: Element[] = [];
        for (const s of cur.nextAll().toArray() as Element[]) {
          if ($(s).is(HEADING_SEL) || $(s).find(HEADING_SEL).length > 0) break;
          sibs.push(s);
        }
        section = sibs;
        if (section.length === 0) cur = cur.parent();
      }
      const links = [...own, ...linksIn(section)];
      if (links.length > 12) return; // a whole section of many items, not one item's block
      push({ page: page.url, text, hint: hintOf(text), links, kind: 'heading' });
    });
    $('p,div').each((_, el) => {
      if (furniture(el as Element)) return;
      const $el = $(el);
      if ($el.find('p,div,table,ul,ol,li,h1,h2,h3,h4,h5,h6').length > 0) return;
      if ($el.closest('li,tr').length > 0) return;
      const text = oneLine(nodeText(el));
      if (!text || text.length > 400) return;
      const links = linksIn([el as Element]);
      if (links.length === 0) return;
      push({ page: page.url, text, hint: hintOf(text), links, kind: 'paragraph' });
    });
  }

  // Rows as the crawler saw them (covers pages rendered by JavaScript, whose stored HTML may be a shell).
  for (const l of site.linksFrom(page.url)) {
    if (l.region && l.region !== 'main') continue;
    const ctx = l.rowText || l.listItemText;
    const text = ctx || (isGenericLinkText(l.text) ? l.heading : undefined);
    // A "row" of hundreds of characters is a layout table's row (a whole menu or content cell), not an item.
    if (!text || text.length > MAX_ROW_CHARS) continue;
    push({ page: page.url, text: oneLine(text), hint: hintOf(text), links: [{ url: l.toUrl, text: oneLine(l.text || l.label || '') }], kind: 'link-context' });
  }
  return rows;
}
