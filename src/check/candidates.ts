/**
 * Candidates: every place on the stored site that may hold an item's evidence, from (a) ITA/OIT index
 * page rows, (b) ordinary links, menus and category pages whose words name the item, (c) pages and
 * documents whose own title names the item even when nothing links to them by name.
 */
import type { Checklist } from '../checklist/schema.js';
import { isOneDocument } from '../matchers/lib/hosts.js';
import { foreignScheme, IDENTIFY_THRESHOLD, identifyRow, isGenericLinkText, itemsInHead, noiseless, parseItemLabel, scoreItems, titleKey, type ItemScore } from '../matchers/lib/identify.js';
import { itemOfTitleLine, TITLE_LINE_MARGIN, titleLineOf } from '../matchers/lib/title-line.js';
import { hasNoTextLayer } from '../matchers/scanned-document.js';
import type { RowContext } from '../matchers/types.js';
import type { LinkRecord } from '../store/types.js';
import { findIndexPages, parseIndexRows, type IndexRow } from './index-page.js';
import type { PageInfo } from './site-index.js';
import { canon, oneLine, type Site } from './site.js';

export type CandidateSource = 'index' | 'link' | 'self';

export interface Candidate {
  code: string;
  /** Target URL (normalised) or the raw href ("#", "javascript:…"). */
  url: string;
  /** Words the candidate was linked with. */
  names: string[];
  row?: RowContext;
  source: CandidateSource;
  /** 0..1: how surely the words (or the document itself) name the item. */
  ident: number;
  /** Only the label number of an index row points at the item. */
  numberOnly?: boolean;
  /** Named only by a label broader than the item (checklist `broader`): at best a case for a person. */
  broader?: boolean;
  /** Named only loosely by a short label, and what it links cannot be read here: at best a case for a person. */
  looseLabel?: boolean;
  /** How it was found, for the report. */
  via: string;
  /** The page holding the link. */
  fromUrl?: string;
  linkText?: string;
  /** Short display name for reasons: the row's title cell, the link's words, the document's title. */
  title: string;
}

const clip = (s: string, n = 60) => {
  const t = oneLine(s);
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

function pageName(site: Site, url: string): string {
  const p = site.page(url);
  const t = p?.title ? clip(p.title.split(/\s[|\-–]\s/)[0] ?? p.title, 40) : '';
  return t || url;
}

/**
 * Items scoring below this are left out unscored (scoreItems' floor): no such item can be the top one
 * (IDENTIFY_THRESHOLD) nor tie with it (0.02 below it), even with the label number's bonus (0.06).
 */
export const TOP_FLOOR = IDENTIFY_THRESHOLD - 0.12;

/** Top item of a text, when it is clearly one item. */
function topItem(checklist: Checklist, text: string, cache: Map<string, ItemScore | null>): ItemScore | undefined {
  let hit = cache.get(text);
  if (hit === undefined) {
    const ranked = scoreItems(checklist, text, undefined, TOP_FLOOR);
    const top = ranked[0];
    const second = ranked[1];
    hit = top && top.score >= IDENTIFY_THRESHOLD && !(second && second.score > top.score - 0.02) ? top : null;
    cache.set(text, hit);
  }
  return hit ?? undefined;
}

/** Extra characters a broader label may carry ("…ออนไลน์", "ช่องทาง…") and still be that label. */
const BROADER_SLACK = 10;

/** Each checklist's broader labels as title keys, in checklist order: worked out once, not once per link. */
const broaderKeys = new WeakMap<Checklist, Array<{ code: string; key: string }>>();

function broaderKeysOf(checklist: Checklist): Array<{ code: string; key: string }> {
  let keys = broaderKeys.get(checklist);
  if (!keys) broaderKeys.set(checklist, (keys = checklist.items.flatMap((item) => (item.broader?.variants ?? []).map((v) => ({ code: item.code, key: titleKey(v) })))));
  return keys;
}

/** The item whose broader labels (checklist `broader.variants`) one of the names is. */
function broaderItem(checklist: Checklist, names: string[]): { code: string; name: string } | undefined {
  const variants = broaderKeysOf(checklist);
  if (!variants.length) return undefined;
  const keys = names.map(titleKey);
  for (const { code, key } of variants) {
    const i = keys.findIndex((k) => k.includes(key) && k.length <= key.length + BROADER_SLACK);
    if (i >= 0) return { code, name: names[i]! };
  }
  return undefined;
}

function namesOf(l: LinkRecord): { names: string[]; contextual: boolean } {
  const own = [l.text, l.label ?? ''].map(oneLine).filter((n) => n && !isGenericLinkText(n) && !isGenericLinkText(parseItemLabel(n).rest));
  if (own.length) return { names: own, contextual: false };
  const ctx = [l.listItemText ?? '', l.rowText ?? ''].map(oneLine).filter(Boolean);
  if (ctx.length) return { names: ctx, contextual: true };
  return { names: l.heading ? [oneLine(l.heading)] : [], contextual: true };
}

function isForeignRow(text: string | undefined, cells: string[] | undefined): boolean {
  return [text ?? '', ...(cells ?? [])].some((c) => c && parseItemLabel(c).foreign);
}

/** Targets every link to which sits in a row of another scheme (MOIT …). */
function foreignOnlyTargets(site: Site): Set<string> {
  const foreign = new Map<string, boolean>();
  for (const l of site.distinctLinks) {
    const k = canon(l.toUrl);
    const f = isForeignRow(l.rowText || l.listItemText || l.text, undefined);
    foreign.set(k, (foreign.get(k) ?? true) && f);
  }
  return new Set([...foreign].filter(([, f]) => f).map(([k]) => k));
}

/** A loose label's top item: at least this score, and this far ahead of the next item. */
const LOOSE_MIN = 0.45;
const LOOSE_LEAD = 0.05;

/**
 * The item a short label names loosely but clearly before any other ("รายงานผล No Gift": 0.47, next 0.31).
 * The label must be a shortening of the title it matches, not longer than it: a longer text that only
 * shares some letters with a short title ("โครงการเสริมสร้างคุณธรรม…" and "โครงสร้าง") names nothing.
 */
function looseItem(checklist: Checklist, names: string[]): { code: string; score: number; name: string } | undefined {
  for (const name of names) {
    const [top, second] = scoreItems(checklist, name);
    if (!top || top.score < LOOSE_MIN || (second && second.score > top.score - LOOSE_LEAD)) continue;
    if (noiseless(titleKey(name)).length <= noiseless(top.form ?? '').length) return { code: top.code, score: top.score, name };
  }
  return undefined;
}

/**
 * A link to what oit cannot read: a stored document without a text layer (as the scanned-document matcher
 * tells it, from the document's first characters), or one file or post on another site.
 */
function unreadable(site: Site, url: string): boolean {
  const p = site.page(url);
  if (p) return p.kind !== 'html' && p.status >= 200 && p.status < 300 && hasNoTextLayer(p.textSource, p.textHead ?? '');
  return !site.isOwn(url) && isOneDocument(url);
}

/** How plainly a menu parent must name an item for its children to be filed under it. */
const MENU_PARENT_MIN = 0.85;

/**
 * Top items of texts already scored, per site and checklist: a stored scan's candidates are found again
 * after each batch of missed page reads (judge-site.ts), and its tens of thousands of distinct texts
 * need scoring only once.
 */
const topCaches = new WeakMap<Site, { checklist: Checklist; cache: Map<string, ItemScore | null> }>();

function topCacheOf(site: Site, checklist: Checklist): Map<string, ItemScore | null> {
  const hit = topCaches.get(site);
  if (hit?.checklist === checklist) return hit.cache;
  const cache = new Map<string, ItemScore | null>();
  topCaches.set(site, { checklist, cache });
  return cache;
}

/** Candidates are found: the texts' top items are not needed any more (they would hold every distinct text). */
export function forgetTopItems(site: Site): void {
  topCaches.delete(site);
}

/** The site's ITA index pages and their rows: the only part of candidate finding that reads page content. */
export interface IndexFindings {
  pages: PageInfo[];
  rows: IndexRow[][];
}

/** Finds the index pages (from the site's records) and parses each into rows (from its HTML). */
export function indexFindings(site: Site, checklist: Checklist): IndexFindings {
  const pages = findIndexPages(site, checklist);
  return { pages, rows: pages.map((p) => parseIndexRows(site, p)) };
}

export function discoverCandidates(site: Site, checklist: Checklist, index: IndexFindings = indexFindings(site, checklist)): Map<string, Candidate[]> {
  const out = new Map<string, Map<string, Candidate>>();
  for (const item of checklist.items) out.set(item.code, new Map());
  const add = (c: Candidate) => {
    const m = out.get(c.code);
    if (!m) return;
    const key = `${c.source === 'self' ? 'self' : 'link'}|${canon(c.url)}`;
    const prev = m.get(key);
    if (!prev) {
      m.set(key, c);
      return;
    }
    const rank = (x: Candidate) => (x.source === 'index' ? 2 : x.source === 'link' ? 1 : 0) + x.ident;
    const keep = rank(c) > rank(prev) ? c : prev;
    const other = keep === c ? prev : c;
    keep.names = [...new Set([...keep.names, ...other.names])];
    // Named specifically anywhere, it is no longer only a broader label's candidate.
    if (keep.broader && !other.broader) delete keep.broader;
    if (keep.looseLabel && !other.looseLabel) delete keep.looseLabel;
    m.set(key, keep);
  };

  // (a) ITA/OIT index pages.
  const indexPages = index.pages;
  // An index page lists the items; it is not itself any item's evidence ("ศูนย์ข้อมูลข่าวสาร ITA" is no news page).
  const isIndexPage = new Set(indexPages.flatMap((p) => [canon(p.url), canon(p.finalUrl)]));
  for (const [i, page] of indexPages.entries()) {
    for (const row of index.rows[i]!) {
      // A row of another scheme ("MOIT 4 …") is not an OIT item, whatever its title says.
      if (isForeignRow(row.text, row.cells)) continue;
      const id = identifyRow(checklist, row);
      if (!id) continue;
      const rowCtx: RowContext = { text: row.text, cells: row.cells, hint: row.hint };
      for (const link of row.links) {
        add({
          code: id.code,
          url: link.url,
          names: [link.text].filter(Boolean),
          row: rowCtx,
          source: 'index',
          ident: id.score,
          numberOnly: id.numberOnly,
          via: `ITA page row '${clip(id.quote, 50)}' > link '${clip(link.text || link.url, 40)}'`,
          fromUrl: page.url,
          linkText: link.text,
          title: clip(row.links.reduce((t, l) => (l.text ? t.replace(l.text, '') : t), parseItemLabel(id.quote).rest || id.quote).replace(/[\s:|>-]+$/, ''), 60),
        });
      }
    }
  }

  // (b) Links anywhere whose words (or, for generic texts, the row/list/heading around them) name an item.
  const cache = topCacheOf(site, checklist);
  for (const l of site.distinctLinks) {
    if (l.tag === 'sitemap' || l.tag === 'redirect' || l.tag === 'meta-refresh') continue;
    const { names, contextual } = namesOf(l);
    if (isForeignRow(l.rowText || l.listItemText || l.text, undefined) || names.some((n) => parseItemLabel(n).foreign)) continue;
    let best: ItemScore | undefined;
    let bestName = '';
    for (const n of names) {
      const t = topItem(checklist, n, cache);
      if (t && (!best || t.score > best.score)) {
        best = t;
        bestName = n;
      }
    }
    // A specific name under a menu that names the item ("คู่มือสำหรับประชาชน > การจดทะเบียนพาณิชย์"): the
    // menu is the category the site files it under.
    let viaParent = false;
    const parent = l.menuPath && l.menuPath.length >= 2 ? oneLine(l.menuPath[l.menuPath.length - 2]!) : '';
    if (!best && !contextual && parent && !isGenericLinkText(parent)) {
      const t = topItem(checklist, parent, cache);
      // Only a menu that is plainly the item's category ("คู่มือสำหรับประชาชน"), not one that merely
      // resembles an item ("ศูนย์ข้อมูลข่าวสาร" is the official information centre, not news).
      if (t && t.score >= MENU_PARENT_MIN) {
        best = t;
        bestName = parent;
        viaParent = true;
      }
    }
    if (isIndexPage.has(canon(l.toUrl))) continue;
    const menu = l.menuPath?.length ? `menu '${clip(l.menuPath.join(' > '), 60)}'` : undefined;
    if (!best) {
      // A label of something broader than any item ("ร้องเรียน/ร้องทุกข์"): a candidate a person must confirm.
      const broader = contextual ? undefined : broaderItem(checklist, names);
      if (broader) {
        add({ code: broader.code, url: l.toUrl, names, source: 'link', ident: 0.6, broader: true, via: menu ?? `link '${clip(broader.name, 50)}' on ${pageName(site, l.fromUrl)}`, fromUrl: l.fromUrl, linkText: l.text || l.label, title: clip(broader.name, 60) });
        continue;
      }
      // A short label ("รายงานผล No Gift") over a file oit cannot read (a scan without text, a file on Google
      // Drive): the label is all there is to go by, and a person can open the file.
      const loose = contextual || !unreadable(site, l.toUrl) ? undefined : looseItem(checklist, names);
      if (loose) {
        add({ code: loose.code, url: l.toUrl, names, source: 'link', ident: loose.score, looseLabel: true, via: menu ?? `link '${clip(loose.name, 50)}' on ${pageName(site, l.fromUrl)}`, fromUrl: l.fromUrl, linkText: l.text || l.label, title: clip(loose.name, 60) });
      }
      continue;
    }
    const where = menu ?? `link '${clip(l.text || l.label || bestName, 50)}' on ${pageName(site, l.fromUrl)}`;
    add({
      code: best.code,
      url: l.toUrl,
      names: viaParent ? [parent, ...names] : names,
      source: 'link',
      ident: best.score * (contextual || viaParent ? 0.92 : 1),
      via: contextual ? `'${clip(bestName, 50)}' > link '${clip(l.text || l.label || l.toUrl, 30)}' on ${pageName(site, l.fromUrl)}` : where,
      fromUrl: l.fromUrl,
      linkText: l.text || l.label,
      title: clip(parseItemLabel(bestName).rest || bestName, 60),
    });
  }

  const foreignOnly = foreignOnlyTargets(site);
  // (c) Pages and documents that name themselves: page title / h1, or a document's opening text.
  for (const p of site.pages) {
    if (p.status < 200 || p.status >= 300) continue;
    if (p.kind === 'html') {
      if (isIndexPage.has(canon(p.url))) continue;
      const titles = [p.title?.split(/\s[|\-–]\s/)[0] ?? '', ...(p.headings ?? [])].filter((t) => t && t.length < 200);
      for (const t of titles) {
        const top = topItem(checklist, t, cache);
        if (top) add({ code: top.code, url: p.url, names: [t], source: 'self', ident: top.score * 0.9, via: `page titled '${clip(t, 50)}'`, title: clip(t, 60) });
      }
    } else if (p.textHead) {
      if (foreignScheme(p.textHead.slice(0, 800)) || foreignOnly.has(canon(p.url))) continue;
      // The title a document claims, not one it mentions ("…เพื่อทบทวนแผนพัฒนาท้องถิ่น").
      const head = itemsInHead(checklist, p.textHead.slice(0, 1500)).filter((f) => !f.mention);
      const first = head[0];
      if (first && first.index < 600) {
        add({ code: first.code, url: p.url, names: [], source: 'self', ident: first.exact ? 0.75 : 0.65, via: `document whose own title reads '${clip(first.form, 50)}'`, title: clip(first.form, 60) });
      } else if (!first) {
        // A title line worded unlike any title ("รายงานการติดตามผลการดำเนินงาน … รอบ 6 เดือนแรก") that clearly
        // names one item: a candidate the judge verifies like any other (content, year).
        const line = titleLineOf(p.textHead);
        const named = line ? itemOfTitleLine(checklist, line) : undefined;
        const second = named?.ranked[1]?.score ?? 0;
        if (line && named && second < named.top.score - TITLE_LINE_MARGIN) {
          add({ code: named.top.code, url: p.url, names: [], source: 'self', ident: 0.6, via: `document whose title line reads '${clip(line, 50)}'`, title: clip(line, 60) });
        }
      }
    }
  }

  const result = new Map<string, Candidate[]>();
  for (const [code, m] of out) result.set(code, [...m.values()]);
  return result;
}
