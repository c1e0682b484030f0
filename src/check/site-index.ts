/**
 * The judgement's view of a stored scan, built in one streaming pass so that its memory does not grow
 * with the pages' HTML and text: pages are kept as small records (PageInfo: no HTML, no text, plus the
 * few facts candidate finding needs), the site's links are interned (a menu link repeated on every page
 * is one record, referenced by number), and the HTML and text of a page are read only when a candidate
 * needs them, through a bounded cache (site-content.ts). Everything a Site answers is the same as when
 * it was built from whole snapshots in memory (buildSite in site.ts wraps this).
 */
import { hostOf, isOwnHost } from '../matchers/lib/hosts.js';
import type { Target } from '../matchers/types.js';
import type { ClickStep, LinkRecord, LinkRefBatch, PageSnapshot } from '../store/types.js';
import { firstHeadings, storedHeadings } from '../text/html-headings.js';
import { codeCount, storedCodeCount } from '../text/item-codes.js';
import { canon, parseView, stepText, type PageView, type Site } from './site.js';

/**
 * A stored page without its HTML and text: what the judgement keeps for every page of a site. The
 * facts below are computed from the HTML and text once, while streaming, for candidate finding.
 */
export type PageInfo = Omit<PageSnapshot, 'html' | 'text'> & {
  /** The stored snapshot has HTML, so a page view can be parsed from it (also when it was not read). */
  hasHtml?: boolean;
  /** The first h1/h2 texts of an html page (cheap, no DOM): CMS item pages name their item there. */
  headings?: string[];
  /** The first 1,500 characters of a document's text, where a document names itself. */
  textHead?: string;
  /** An html page whose text names 8 or more item codes (an ITA index page without the label). */
  manyCodes?: boolean;
};

/** Where the HTML and text of a page come from while judging: whole snapshots, or read lazily. */
export interface PageContent {
  /** The whole snapshot, or undefined when it is not loaded yet (the miss is remembered). */
  get(info: PageInfo): PageSnapshot | undefined;
  /** Registers what to forget when the content of pages (by stored URL) is dropped from memory. */
  onEvict?(drop: (urls: Set<string>) => void): void;
}

/** Characters of a document's text kept in its record (textHead); a stored scan is read with no more. */
export const HEAD_CHARS = 1500;

/**
 * Values repeated on most pages of a site ("html", "text/html; charset=utf-8", a CMS's fixed heading):
 * one string each instead of one per page. Bounded: a site of unique headings stops adding to it.
 */
const shared = new Map<string, string>();
function intern<T extends string | undefined>(v: T): T {
  if (v === undefined) return v;
  const known = shared.get(v);
  if (known !== undefined) return known as T;
  if (shared.size < 10_000 && v.length <= 200) shared.set(v, v);
  return v;
}

/**
 * The small record kept for a page, with the facts candidate finding needs. Made as one literal of
 * fixed fields (absent ones undefined): built by spreading a store row, every record of a big site
 * had its own hidden class, about 550 bytes a page.
 */
export function pageInfo(p: PageSnapshot): PageInfo {
  const ok = p.status >= 200 && p.status < 300;
  const isHtml = p.kind === 'html';
  // Stored by the crawl with every page it kept HTML of: the page's HTML need not be read for them.
  const stored = isHtml ? storedHeadings(p.meta) : undefined;
  const headings = isHtml && ok ? (stored ?? firstHeadings(p.html ?? '')).map(intern) : undefined;
  // The record keeps the snapshot's meta: its stored headings become the interned ones, not a second copy.
  if (stored && headings) p.meta.headings = headings;
  return {
    url: p.url,
    finalUrl: p.finalUrl === p.url ? p.url : p.finalUrl,
    status: p.status,
    contentType: intern(p.contentType),
    kind: intern(p.kind),
    title: p.title,
    textSource: intern(p.textSource),
    depth: p.depth,
    referrer: p.referrer,
    redirectChain: p.redirectChain,
    fetchedAt: p.fetchedAt,
    bytes: p.bytes,
    sha256: p.sha256,
    needsJs: p.needsJs,
    rendered: p.rendered,
    error: p.error,
    meta: p.meta,
    hasHtml: Boolean(p.html) || stored !== undefined,
    headings,
    textHead: !isHtml && ok && p.text ? p.text.slice(0, HEAD_CHARS) : undefined,
    manyCodes: isHtml && (storedCodeCount(p.meta) ?? codeCount(p.text ?? '')) >= 8 ? true : undefined,
  };
}

function altKey(key: string): string {
  return key.endsWith('/') ? key.slice(0, -1) : key + '/';
}

/** A growable Int32 column. */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i]!;
  }
  /** No more pushes: the spare capacity of the last doubling (up to half the column) is given back. */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
}

/**
 * Builds a Site incrementally: pages and links are added in stored order, in batches of any size,
 * and the batches can be dropped after each call. `finish` computes the link graph's derived facts.
 */
export class SiteBuilder {
  private readonly pages: PageInfo[] = [];
  private readonly byKey = new Map<string, PageInfo>();
  /** Distinct link records (everything but fromUrl and position), in order of first occurrence. */
  private readonly bodies: LinkRecord[] = [];
  private readonly bodyIds = new Map<string, number>();
  /** A store's body id → the interned body (two stored bodies may be one here). */
  private readonly storedIds = new Map<number, number>();
  /** Every stored link: its body, its position and its page (index into fromUrls). */
  private readonly linkBody = new IntColumn();
  private readonly linkPos = new IntColumn();
  private readonly linkFrom = new IntColumn();
  private readonly fromUrls: string[] = [];
  private readonly fromIds = new Map<string, number>();
  /** canon(fromUrl) → ranges [start, end) of stored links, in stored order. */
  private readonly ranges = new Map<string, number[]>();
  /** canon(toUrl) → its number; per number, the key and how many distinct pages link to it. */
  private readonly targetIds = new Map<string, number>();
  private readonly targetKeys: string[] = [];
  private readonly linkedCount: number[] = [];
  /** Per body, its target's number. */
  private readonly bodyTargetId: number[] = [];
  private lastFromKey: string | undefined;
  /** The ranges of lastFromKey: a page's links arrive together, so its entry is looked up once, not per link. */
  private lastRanges: number[] = [];
  /** Per target number, the last run of one page's links that linked it: a page counts once per target. */
  private readonly seenInRun: number[] = [];
  private run = 0;

  constructor(private readonly startUrl: string) {}

  /** Pages in stored order, as pageInfo() records (the snapshot's HTML and text can be dropped). */
  addPages(batch: PageInfo[]): void {
    for (const info of batch) {
      this.pages.push(info);
      this.put(canon(info.url), info);
      if (info.finalUrl) this.put(canon(info.finalUrl), info);
    }
  }

  private put(k: string, p: PageInfo): void {
    const prev = this.byKey.get(k);
    // Prefer a real answer over an error for the same URL.
    if (!prev || (prev.status !== 200 && p.status === 200)) this.byKey.set(k, p);
  }

  /** Links as whole records, in stored order (a site judged from snapshots in memory). */
  addLinks(batch: LinkRecord[]): void {
    for (const l of batch) this.addLink(this.bodyId(l), this.fromId(l.fromUrl), canon(l.fromUrl), l.position);
  }

  /**
   * Links as the store streams them: each distinct body is interned once, however many pages carry it,
   * and each page's key is worked out once for all its links. The same Site as addLinks of the records.
   */
  addStoredLinks(batch: LinkRefBatch): void {
    for (const { fromUrl, ids, positions } of batch.pages) {
      const fromKey = canon(fromUrl);
      const from = this.fromId(fromUrl);
      for (let i = 0; i < ids.length; i++) {
        const ref = ids[i]!;
        const position = positions ? positions[i]! : i;
        let id = this.storedIds.get(ref);
        if (id === undefined) {
          const body = batch.bodies.get(ref);
          if (!body) throw new Error(`link body ${ref} is missing`);
          // The first occurrence names the page and position of a distinct link, as addLinks does.
          id = this.bodyId({ fromUrl, ...body, position });
          this.storedIds.set(ref, id);
        }
        this.addLink(id, from, fromKey, position);
      }
    }
  }

  /** The interned body of a link, by everything but its page and position. */
  private bodyId(l: LinkRecord): number {
    const key = JSON.stringify([l.toUrl, l.text, l.label, l.rowText, l.listItemText, l.heading, l.menuPath, l.tag, l.region, l.external]);
    let id = this.bodyIds.get(key);
    if (id === undefined) {
      id = this.bodies.length;
      this.bodyIds.set(key, id);
      this.bodies.push(l);
      const k = canon(l.toUrl);
      let t = this.targetIds.get(k);
      if (t === undefined) {
        t = this.targetKeys.length;
        this.targetIds.set(k, t);
        this.targetKeys.push(k);
        this.linkedCount.push(0);
        this.seenInRun.push(-1);
      }
      this.bodyTargetId.push(t);
    }
    return id;
  }

  /** The number of a linking page's URL (links keep the number, not a string each). */
  private fromId(fromUrl: string): number {
    let from = this.fromIds.get(fromUrl);
    if (from === undefined) {
      from = this.fromUrls.length;
      this.fromIds.set(fromUrl, from);
      this.fromUrls.push(fromUrl);
    }
    return from;
  }

  private addLink(body: number, from: number, fromKey: string, position: number): void {
    const index = this.linkBody.length;
    this.linkBody.push(body);
    this.linkPos.push(position);
    this.linkFrom.push(from);
    this.countLinkedFrom(fromKey, this.bodyTargetId[body]!, index);
  }

  /** Counts distinct linking pages per target; links of one page arrive together, so one run stamp per page. */
  private countLinkedFrom(fromKey: string, target: number, index: number): void {
    const seen = this.seenInRun;
    if (fromKey !== this.lastFromKey) {
      let ranges = this.ranges.get(fromKey);
      const run = ++this.run;
      if (ranges) {
        // The same page's links again after others (rare): what it already linked counts once.
        for (let r = 0; r < ranges.length; r += 2) for (let i = ranges[r]!; i < ranges[r + 1]!; i++) seen[this.bodyTargetId[this.linkBody.at(i)]!] = run;
      } else this.ranges.set(fromKey, (ranges = []));
      ranges.push(index, index + 1);
      this.lastFromKey = fromKey;
      this.lastRanges = ranges;
    } else this.lastRanges[this.lastRanges.length - 1] = index + 1;
    if (seen[target] === this.run) return;
    seen[target] = this.run;
    this.linkedCount[target]!++;
  }

  finish(content: PageContent): Site {
    // The interning keys are needed only while links arrive.
    this.seenInRun.length = 0;
    this.bodyIds.clear();
    this.storedIds.clear();
    this.fromIds.clear();
    this.lastFromKey = undefined;
    this.lastRanges = [];
    for (const column of [this.linkBody, this.linkPos, this.linkFrom]) column.trim();
    const { startUrl, pages, byKey, bodies, ranges, targetIds, linkedCount } = this;
    const page = (url: string): PageInfo | undefined => {
      const k = canon(url);
      return byKey.get(k) ?? byKey.get(altKey(k));
    };
    const record = (i: number): LinkRecord => ({ ...bodies[this.linkBody.at(i)]!, fromUrl: this.fromUrls[this.linkFrom.at(i)]!, position: this.linkPos.at(i) });
    /** Stored link indices of a page key, ordered by position (stable, as a sort of the stored rows). */
    const indicesFrom = (k: string): number[] => {
      const rs = ranges.get(k);
      if (!rs) return [];
      const out: number[] = [];
      for (let r = 0; r < rs.length; r += 2) for (let i = rs[r]!; i < rs[r + 1]!; i++) out.push(i);
      return out.sort((a, b) => this.linkPos.at(a) - this.linkPos.at(b) || a - b);
    };
    const linksFrom = (url: string) => {
      const p = page(url);
      const keys = new Set([canon(url), ...(p ? [canon(p.url), canon(p.finalUrl)] : [])]);
      return [...keys].flatMap((k) => indicesFrom(k).map(record));
    };

    const htmlPages = pages.filter((p) => p.kind === 'html' && p.status >= 200 && p.status < 300).length;
    const templateMin = Math.max(4, Math.ceil(htmlPages * 0.5));
    const isTemplateLink = (url: string) => {
      const t = targetIds.get(canon(url));
      return t !== undefined && linkedCount[t]! >= templateMin;
    };

    const host = hostOf(startUrl) ?? '';
    const isOwn = (url: string) => isOwnHost(hostOf(url), host);

    // Views and targets are derived from loaded snapshots only; a page not loaded yet is a miss, never cached.
    const views = new Map<string, PageView | undefined>();
    const view = (p: PageInfo): PageView | undefined => {
      const k = canon(p.url);
      if (views.has(k)) return views.get(k);
      if (p.kind !== 'html' || !p.hasHtml) {
        views.set(k, undefined);
        return undefined;
      }
      const snapshot = content.get(p);
      if (!snapshot) return undefined;
      const v = parseView(snapshot);
      views.set(k, v);
      return v;
    };
    const targets = new Map<string, Target>();
    const target = (url: string): Target => {
      const t = targets.get(url);
      if (t) return t;
      const made = makeTarget(url);
      if (made) targets.set(url, made);
      return made ?? { url, text: '' };
    };
    const makeTarget = (url: string): Target | undefined => {
      const info = /^https?:/i.test(url) ? page(url) : undefined;
      if (!info) return { url, text: '' };
      const snapshot = content.get(info);
      if (!snapshot) return undefined;
      if (snapshot.kind === 'html') {
        const v = view(info);
        if (v) {
          const contentLinks = v.mainLinks.filter((l) => /^https?:/i.test(l.url) && !isTemplateLink(l.url) && canon(l.url) !== canon(snapshot.url));
          return {
            url,
            snapshot,
            text: v.mainText,
            title: v.title || snapshot.title,
            headings: v.headings,
            images: v.images,
            forms: v.forms,
            tables: v.tables,
            externalLinks: contentLinks.filter((l) => !isOwn(l.url)).map((l) => l.url),
            contentLinks: contentLinks.length,
          };
        }
        return { url, snapshot, text: snapshot.text ?? '', title: snapshot.title };
      }
      return { url, snapshot, text: snapshot.text ?? '', title: snapshot.title };
    };
    content.onEvict?.((urls) => {
      for (const u of urls) views.delete(canon(u));
      for (const [k, t] of targets) if (t.snapshot && urls.has(t.snapshot.url)) targets.delete(k);
    });

    const clickPath = this.clickPaths(page, indicesFrom);
    return { startUrl, host, pages, distinctLinks: bodies, page, linksFrom, view, target, clickPath, isTemplateLink, isOwn };
  }

  /** BFS from the home page over links (and redirects), remembering the link that first reached a page. */
  private clickPaths(page: (url: string) => PageInfo | undefined, indicesFrom: (k: string) => number[]): (url: string) => ClickStep[] | undefined {
    // The link that first reached a page, by stored link index: its step text is made only when asked.
    const parent = new Map<string, { prev: string; link: number } | null>();
    const start = canon(this.startUrl);
    parent.set(start, null);
    const startPage = page(this.startUrl);
    if (startPage) {
      parent.set(canon(startPage.url), null);
      parent.set(canon(startPage.finalUrl), null);
    }
    const queue = [...new Set([start, ...(startPage ? [canon(startPage.url), canon(startPage.finalUrl)] : [])])];
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i]!;
      const p = page(cur);
      const outs = [...indicesFrom(cur), ...(p && canon(p.url) !== cur ? indicesFrom(canon(p.url)) : []), ...(p && canon(p.finalUrl) !== cur ? indicesFrom(canon(p.finalUrl)) : [])];
      for (const index of outs) {
        const l = this.bodies[this.linkBody.at(index)]!;
        if (!/^https?:/i.test(l.toUrl)) continue;
        const k = this.targetKeys[this.bodyTargetId[this.linkBody.at(index)]!]!;
        if (parent.has(k)) continue;
        const body = this.linkBody.at(index);
        parent.set(k, { prev: cur, link: body });
        const target = page(k);
        if (target) {
          for (const alias of [canon(target.url), canon(target.finalUrl)]) if (!parent.has(alias)) parent.set(alias, { prev: cur, link: body });
          if (target.kind === 'html') queue.push(k);
        }
      }
    }
    // A page is evidence for many candidates (and items): its path is walked once. Callers never change a
    // path, so one array serves them all; bounded like the other memos.
    const made = new Map<string, ClickStep[] | undefined>();
    const walk = (url: string): ClickStep[] | undefined => {
      let hit = made.get(url);
      if (hit === undefined && !made.has(url)) {
        if (made.size >= 20_000) made.clear();
        made.set(url, (hit = pathTo(url)));
      }
      return hit;
    };
    const pathTo = (url: string): ClickStep[] | undefined => {
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
        const l = this.bodies[e.link]!;
        steps.unshift({ text: stepText(l), url: l.toUrl });
        cur = e.prev;
      }
      return steps;
    };
    return walk;
  }
}
