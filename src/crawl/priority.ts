import type { Checklist } from '../checklist/schema.js';
import type { LinkRecord } from '../store/types.js';
import { foldSpaceless } from '../text/fold.js';
import { TermSet } from './term-set.js';
import { GENERIC_LINK_TEXTS, ITA_INDEX_WORDS, ITA_SECTION_WORDS } from './ita-words.js';
import { urlExtension } from './normalize-url.js';

/**
 * Best-first crawl order. Every queued URL gets a priority (lower is fetched first) from what is known
 * when it is found: the words of the link and around it (text, label, table row, list item, heading,
 * menu path) against the checklist's own vocabulary, whether the page it is on is an ITA/OIT index
 * page, whether it is a document, how deep it is, and whether it looks like an archive, gallery,
 * calendar or pager. Nothing is pruned: a low priority is fetched later, never dropped, so with no
 * page limit the crawl still covers the site.
 */

/** The checklist words a crawl focuses on, folded once. */
export interface FocusVocabulary {
  /** Assessment year (BE), to tell old archive years from current evidence. */
  year?: number;
  /** Item titles and variants (folded, no spaces). */
  itemTerms: string[];
  /** The item code(s) each item term names (to tell a listing of one item's entries from an index). */
  termItems?: Record<string, string[]>;
  /** Index-page labels and generic ITA/OIT words (folded, no spaces). */
  indexTerms: string[];
  /**
   * Titles of the OIT indicators and sub-indicators ("ข้อมูลพื้นฐาน", "การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ")
   * and "ตัวชี้วัดย่อย": the sections an ITA page is split into. Weaker than an item or index word, since
   * a site menu may use the same words. Absent in older callers.
   */
  sectionTerms?: string[];
}

/** What the crawl knows of the page a link was found on. */
export interface LinkSource {
  /** The priority the page was fetched with. */
  priority: number;
  /** The page looks like an ITA/OIT index (rows of item codes or item titles). */
  isIndex: boolean;
  /**
   * Items whose words are on many of the page's content links: an archive of one item's entries (a
   * news list whose every post says "ข่าวประชาสัมพันธ์"). Those links take the page's relevance, not
   * their own item word, so a news archive of hundreds of posts does not outrank the other items.
   */
  crowded?: ReadonlySet<string>;
}

/** Priority of a URL with nothing to go on; lower numbers are better. */
export const NEUTRAL = 100;
const MIN_TERM = 4;
/** The shortest part of a joined title ("A และ B") taken as a term of its own. */
const MIN_PART = 12;
/** Latin terms are matched as whole words, so shorter ones are safe ("Q&A", "FAQ"). */
const MIN_ASCII_TERM = 3;
const ASCII_TERM = /^[a-z0-9 &.+-]+$/;
/** The shortest link label matched as part of an item title (shorter ones, like "ข่าว", say too little). */
const MIN_LABEL = 8;
/** A parent's relevance carries to its links, weakened by this much (pages linked from evidence pages). */
const INHERIT_LOSS = 25;
/**
 * A page is a listing of one item when at least this many of its content links, and a quarter of
 * them, name that item (an archive page whose posts are titled "ข่าวกิจกรรม : …" now and then).
 */
const CROWD = 4;

export function vocabularyFrom(checklist: Pick<Checklist, 'year' | 'items' | 'indexPageLabels'> & Partial<Pick<Checklist, 'indicators' | 'subIndicators'>>): FocusVocabulary {
  const items = new Set<string>();
  const termItems: Record<string, string[]> = {};
  for (const item of checklist.items) {
    for (const t of [item.title, ...item.variants]) {
      const f = foldSpaceless(t);
      // Long titles join two subjects ("A และ B", "A หรือ B"); a document often names only one
      // ("รายงานการกำกับติดตามการดำเนินงาน … รอบ 6 เดือน"), so each long enough part is a term too.
      const parts = f.split(/และ|หรือ/).filter((x) => x.length >= MIN_PART);
      for (const term of [f, ...(parts.length > 1 ? parts : [])]) {
        items.add(term);
        if (!(termItems[term] ??= []).includes(item.code)) termItems[term].push(item.code);
      }
    }
  }
  const index = new Set<string>([...checklist.indexPageLabels, ...ITA_INDEX_WORDS].map(foldSpaceless));
  // Only the OIT's own sections (the IIT/EIT indicators are survey topics, not site sections).
  const oit = new Set((checklist.indicators ?? []).filter((i) => i.tool === 'OIT').map((i) => i.id));
  const sections = new Set<string>(ITA_SECTION_WORDS.map(foldSpaceless));
  for (const i of checklist.indicators ?? []) if (oit.has(i.id)) sections.add(foldSpaceless(i.title));
  for (const sub of checklist.subIndicators ?? []) if (oit.has(sub.indicator)) sections.add(foldSpaceless(sub.title));
  const keep = (s: Set<string>, min: number) => [...s].filter((t) => t.length >= (ASCII_TERM.test(t) ? Math.min(min, MIN_ASCII_TERM) : min) && !index.has(t));
  return { year: checklist.year, itemTerms: keep(items, MIN_TERM), termItems, indexTerms: [...index].filter((t) => t.length >= 3), sectionTerms: keep(sections, MIN_TERM).filter((t) => !items.has(t)) };
}

const GENERIC = new Set(GENERIC_LINK_TEXTS.map(foldSpaceless));
const DOCUMENT_EXT = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx']);
/** An item code label as agencies write it: O1, o.12, O 7, OIT 3. */
const ITEM_CODE = /(?:^|[^a-z0-9])o(?:it)?\s?\.?\s?(\d{1,2})(?![0-9])/i;
/** ASCII words must stand alone ("ita" not inside "capital"); Thai terms are matched as substrings. */
const asciiWord = (t: string) => new RegExp(`(^|[^a-z])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`);

/**
 * Pager and step links ("2", "ถัดไป ›", "« เดือนก่อนหน้า", "ภาพถัดไป", "ข่าวเก่ากว่า »"): tested on the
 * folded text with arrows removed; a short word naming what is paged may come first.
 */
const PAGER_TEXT = /^(\d{1,4}|(หน้า|เดือน|ปี|ภาพ|ข่าว|รายการ|อัลบั้ม|กิจกรรม)?(ถัดไป|ก่อนหน้า|ก่อน|เก่ากว่า|ใหม่กว่า|แรก|สุดท้าย)|next|prev(ious)?|last|first|older|newer|ย้อนกลับ)$/i;
const ARROWS = /[«»‹›<>…|]+/g;
/** `p` is not here: WordPress `?p=1234` is a post, not page 1234 of a list (a pager's "2" is caught by its text). */
const PAGER_QUERY = /[?&](page|paged|pg|pageno|start|offset|limitstart|per_page|pn)=(\d+)/i;
const PAGER_PATH = /\/(page|p)\/(\d+)(\/|$)/i;
const GALLERY_PATH = /(^|[/_.=-])(gallery|galleries|album|albums|photo|photos|picture|pictures|image|images|video|videos|calendar|calendars|event|events|activity|activities|vdo)([/_.=&-]|$)/i;
const ARCHIVE_PATH = /(^|[/_.=-])(news|article|articles|blog|archive|archives|ข่าว|กิจกรรม)([/_.=&-]|$)/i;
const YEAR_IN_URL = /(?:^|[^0-9])(25[0-9]{2}|20[0-9]{2})(?:[^0-9]|$)/g;

export class PriorityModel {
  private readonly itemTerms: TermSet;
  private readonly indexTerms: TermSet;
  private readonly sectionTerms: TermSet;
  private readonly memo = new Map<string, number>();

  constructor(private readonly vocab: FocusVocabulary = { itemTerms: [], indexTerms: ITA_INDEX_WORDS.map(foldSpaceless) }) {
    const prep = (t: string) => ({ t, ...(ASCII_TERM.test(t) ? { re: asciiWord(t) } : {}) });
    this.itemTerms = new TermSet(vocab.itemTerms.map(prep));
    this.indexTerms = new TermSet(vocab.indexTerms.map(prep));
    this.sectionTerms = new TermSet((vocab.sectionTerms ?? []).map(prep));
  }

  /** The priority of `url`, found through `link` (absent for sitemap seeds) on a page described by `from`. */
  ofLink(url: string, link: LinkRecord | undefined, from: LinkSource | undefined, depth: number): number {
    let score = 0;
    const own = link ? foldSpaceless([link.text, link.label].filter(Boolean).join(' ')) : '';
    const context = link ? foldSpaceless([link.rowText, link.listItemText, link.heading, ...(link.menuPath ?? [])].filter(Boolean).join(' ')) : '';
    const path = pathOf(url);
    const ownHit = own && !GENERIC.has(own) ? this.hits(own, true) : 0;
    const ctxHit = context ? this.hits(context) : 0;
    const pathHit = this.hits(foldSpaceless(path)) & INDEX_HIT;
    if (ownHit & INDEX_HIT || pathHit) score += 40;
    else if (ctxHit & INDEX_HIT) score += 15;
    // One of many links to the same item on a listing page: the link's own words say little more.
    const named = from?.crowded?.size && (ownHit | ctxHit) & ITEM_HIT ? this.itemsOf(ownHit & ITEM_HIT ? own : context) : [];
    const crowded = named.length > 0 && named.every((c) => from!.crowded!.has(c));
    if (crowded) score += 8;
    else if (ownHit & ITEM_HIT) score += 30;
    else if (ctxHit & ITEM_HIT) score += 22;
    // A section of an ITA page ("ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน"): only when no item word says more.
    if (!((ownHit | ctxHit) & ITEM_HIT)) {
      if (ownHit & SECTION_HIT) score += 20;
      else if (ctxHit & SECTION_HIT) score += 8;
    }
    if (link && (ITEM_CODE.test(link.rowText ?? '') || ITEM_CODE.test(link.listItemText ?? '') || ITEM_CODE.test(link.text))) score += 15;
    const doc = DOCUMENT_EXT.has(urlExtension(url));
    // A document is likelier evidence than a page only when something names an item, or nothing is
    // known of it: a library row that names no item ("ประกาศงดจ่ายน้ำประปา") is no better than a page.
    if (doc) score += (ownHit | ctxHit) & ITEM_HIT && !crowded ? 20 : context ? 0 : 8;
    // Menus, headers and footers repeat on every page: only a link in the page's own content takes
    // the page's relevance (an index page's rows, an item page's attachments, a category's items).
    const content = !!link && link.region !== 'nav' && link.region !== 'header' && link.region !== 'footer';
    if (from && content) {
      if (from.isIndex) score += 25;
      score = Math.max(score, NEUTRAL - from.priority - INHERIT_LOSS);
    }
    score -= this.penalty(url, path, own, ownHit | ctxHit);
    score -= 2 * depth;
    return Math.max(0, Math.min(250, Math.round(NEUTRAL - score)));
  }

  /**
   * Whether a fetched page is an ITA/OIT index: its links carry at least five distinct item codes, or
   * its title names the assessment and at least five of its links name checklist items.
   */
  isIndexPage(title: string | undefined, links: LinkRecord[]): boolean {
    const codes = new Set<string>();
    let itemLinks = 0;
    for (const l of links) {
      if (l.external && !/^https?:/i.test(l.toUrl)) continue;
      const m = ITEM_CODE.exec(l.rowText ?? '') ?? ITEM_CODE.exec(l.listItemText ?? '') ?? ITEM_CODE.exec(l.text);
      if (m) codes.add(m[1]!);
      // Menu, header and footer links repeat on every page and never count: their words are not folded.
      if (l.region !== 'nav' && l.region !== 'footer' && l.region !== 'header' && this.hits(foldSpaceless([l.text, l.rowText, l.listItemText, l.heading].filter(Boolean).join(' '))) & ITEM_HIT) itemLinks++;
      if (codes.size >= 5) return true;
    }
    return itemLinks >= 5 && !!title && (this.hits(foldSpaceless(title)) & INDEX_HIT) !== 0;
  }

  /**
   * Items named by at least CROWD of a page's content links and by a quarter of them (menus, header
   * and footer excluded): the page lists that item's entries. An ITA index names many items a few
   * times each, so none of them reaches a quarter of its links.
   */
  crowdedItems(links: LinkRecord[]): Set<string> {
    const counts = new Map<string, number>();
    let content = 0;
    for (const l of links) {
      if (l.external || l.region === 'nav' || l.region === 'header' || l.region === 'footer') continue;
      content++;
      const own = foldSpaceless([l.text, l.label].filter(Boolean).join(' '));
      const words = own && !GENERIC.has(own) ? own : foldSpaceless([l.rowText, l.listItemText].filter(Boolean).join(' '));
      for (const code of this.itemsOf(words)) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    return new Set([...counts].filter(([, n]) => n >= CROWD && n * 4 >= content).map(([code]) => code));
  }

  /** Codes of the items whose terms `words` contains (none without a term → item map). */
  private itemsOf(words: string): string[] {
    if (!words || !this.vocab.termItems) return [];
    const out = new Set<string>();
    for (const { t } of this.itemTerms.matches(words)) for (const c of this.vocab.termItems[t] ?? []) out.add(c);
    return [...out];
  }

  /** Archives, galleries, calendars and pagers: fetched after everything that may be evidence. */
  private penalty(url: string, path: string, own: string, hits: number): number {
    let p = 0;
    const pager = PAGER_QUERY.exec(url) ?? PAGER_PATH.exec(path);
    if (pager && Number(pager[2]) >= 2) p += 25;
    else if (own && isPagerText(own)) p += 20;
    if (GALLERY_PATH.test(path)) p += 20;
    else if (ARCHIVE_PATH.test(path) && /\d/.test(path) && !(hits & ITEM_HIT)) p += 10;
    const year = this.vocab.year;
    if (year) {
      for (const m of path.matchAll(YEAR_IN_URL)) {
        const y = Number(m[1]);
        const be = y < 2400 ? y + 543 : y;
        if (be < year - 2) {
          p += 15;
          break;
        }
      }
    }
    return p;
  }

  /**
   * Which vocabularies `words` contains. With `shortLabel`, a label that is part of an item title also
   * counts ("ข้อมูลผู้บริหาร" for a title that lists several kinds of executive information).
   */
  private hits(words: string, shortLabel = false): number {
    if (!words) return 0;
    const key = shortLabel ? `\u0001${words}` : words;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    let out = 0;
    if (this.indexTerms.has(words)) out |= INDEX_HIT;
    if (this.itemTerms.has(words)) out |= ITEM_HIT;
    else if (shortLabel && words.length >= MIN_LABEL && this.itemTerms.terms.some(({ t }) => t.includes(words))) out |= ITEM_HIT;
    if (this.sectionTerms.has(words)) out |= SECTION_HIT;
    if (this.memo.size >= 20_000) this.memo.clear();
    this.memo.set(key, out);
    return out;
  }
}

const INDEX_HIT = 1;
const ITEM_HIT = 2;
const SECTION_HIT = 4;

/** Plain breadth-first order (the crawl before best-first): depth alone. For benchmarks and comparison. */
export const breadthFirst = (_url: string, _link: LinkRecord | undefined, _from: LinkSource | undefined, depth: number): number => depth;

function isPagerText(own: string): boolean {
  const t = own.replace(ARROWS, '');
  return t === '' || PAGER_TEXT.test(t);
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname + u.search).toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}
