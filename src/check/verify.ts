/**
 * Verifies one candidate for one item by composing the matchers: reachable → on the own site (or an
 * online system) → readable → not a placeholder → not a blank form → it is this item (not a look-alike) → content
 * elements → fiscal year. A page that lists documents is followed one hop: the document is usually
 * the evidence, and of several years' documents the right year's one is picked.
 */
import { itemTitle, type Checklist, type ChecklistItem } from '../checklist/schema.js';
import { runMatcher, type MatchContext, type MatchOutcome, type Target } from '../matchers/index.js';
import { bestItem, foreignScheme, IDENTIFY_THRESHOLD, isGenericLinkText, onOthersSubject, parseItemLabel, scoreItems } from '../matchers/lib/identify.js';
import { isOneDocument, serviceOf } from '../matchers/lib/hosts.js';
import type { Evidence } from '../store/types.js';
import type { Candidate } from './candidates.js';
import { fold } from '../text/fold.js';
import { canon, DOC_EXT, oneLine, type ContentLink, type PageView, type Site } from './site.js';

export type CandidateStatus = 'pass' | 'fail' | 'needs-review';

export interface CandidateVerdict {
  status: CandidateStatus;
  confidence: number;
  /** Why not passed; caveats of a pass. */
  reasons: string[];
  /** Evidence best first (a pass: the evidence on the own site first). */
  evidence: Evidence[];
  /** Fiscal years found in evidence of the wrong year. */
  wrongYears?: number[];
  /** A fail only for missing content elements: the element ids found and missing (parts of an item). */
  elements?: ElementsSeen;
  candidate: Candidate;
}

export interface ElementsSeen {
  found: string[];
  missing: string[];
}

export interface VerifyEnv {
  site: Site;
  checklist: Checklist;
  year: number;
}

const clip = (s: string, n = 50) => {
  const t = oneLine(s);
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

function nameOf(c: Candidate, target: Target): string {
  const n = c.linkText && !isGenericLinkText(c.linkText) ? c.linkText : c.title;
  return clip(n || target.title || target.url);
}

interface Ctx {
  env: VerifyEnv;
  item: ChecklistItem;
}

function mctx(x: Ctx, names: string[], target: Target, row?: Candidate['row']): MatchContext {
  return { item: x.item, checklist: x.env.checklist, year: x.env.year, siteHost: x.env.site.host, names, row, target };
}

/** Evaluates a target (page or document) for the item without following links. */
interface TargetResult {
  status: CandidateStatus;
  confidence: number;
  reasons: string[];
  caveats: string[];
  quote?: string;
  wrongYears?: number[];
  elements?: ElementsSeen;
  /** An online-system item satisfied by a link out of the own site. */
  online?: boolean;
  /** The target names another item (look-alike / wrong file). */
  otherItem?: string;
}

/**
 * Below this identification, a link to another site is not taken as the item's evidence: its words must
 * name the item clearly ("ระบบการจัดซื้อจัดจ้างภาครัฐ" in a sidebar only resembles the procurement plan).
 * A link to a file-hosting service (Google Drive, OneDrive) is where agencies keep the document itself, and so
 * is one Facebook post; words that identify the item at all ("มาตรการส่งเสริมคุณธรรม") send such a link to
 * a person, who can open it.
 */
const WEAK_EXTERNAL = 0.7;
const WEAK_ONE_DOCUMENT = IDENTIFY_THRESHOLD;

function judgeTarget(x: Ctx, c: Ident, target: Target, label: string): TargetResult {
  const ctx = mctx(x, c.names, target, c.row);
  const caveats: string[] = [];
  let conf = Math.min(1, c.ident);
  const fail = (reason: string, extra: Partial<TargetResult> = {}): TargetResult => ({ status: 'fail', confidence: 0.85, reasons: [`${label}: ${reason}`], caveats, ...extra });
  const review = (reason: string, extra: Partial<TargetResult> = {}): TargetResult => ({ status: 'needs-review', confidence: 0.5, reasons: [`${label}: ${reason}`], caveats, ...extra });

  const reach = runMatcher('reachable', ctx);
  if (reach.verdict === 'fail') return fail(reach.reason ?? 'ลิงก์ใช้ไม่ได้');
  const ext = runMatcher('external-host', ctx);
  // A link out whose words only resemble the item is no evidence at all; one that names it needs a human.
  const weak = c.looseLabel ? 0 : isOneDocument(target.url) ? WEAK_ONE_DOCUMENT : WEAK_EXTERNAL;
  if (ext.verdict === 'unknown' && c.ident < weak) return fail(`ลิงก์ไปยังเว็บไซต์อื่นที่ไม่ได้ระบุว่าเป็น${x.item.title}`);
  if (ext.verdict === 'unknown') return review(ext.reason ?? 'อยู่นอกเว็บไซต์หน่วยงาน');
  if (ext.verdict === 'pass' && ext.data?.online) {
    // The link to the working system is the evidence; its page cannot be opened here.
    caveats.push(ext.reason ?? '');
    return { status: 'pass', confidence: conf * (ext.confidence ?? 0.8), reasons: [], caveats, online: true };
  }
  if (reach.verdict === 'unknown') return review(reach.reason ?? 'ไม่ได้เปิดลิงก์นี้');
  if (reach.verdict === 'skip') return fail('ไม่ใช่ลิงก์ไปยังหน้าเว็บหรือเอกสาร');

  const scan = runMatcher('scanned-document', ctx);
  if (scan.verdict === 'unknown') return review(scan.reason ?? 'อ่านเอกสารไม่ได้');
  if (scan.verdict === 'pass' && scan.confidence !== undefined && scan.confidence < 1) {
    conf *= scan.confidence;
    if (scan.reason) caveats.push(scan.reason);
  }
  const ph = runMatcher('placeholder', ctx);
  if (ph.verdict === 'fail') return fail(ph.reason ?? 'ยังไม่มีเนื้อหา');
  const form = runMatcher('blank-form', ctx);
  if (form.verdict === 'fail') return fail(form.reason ?? 'เป็นแบบฟอร์มเปล่า');
  const scheme = foreignScheme([target.title ?? '', target.text.slice(0, 800)].join('\n'));
  if (scheme) return fail(`เอกสารนี้จัดทำตามเกณฑ์ ${scheme} ของหน่วยงานอื่น ไม่ใช่หลักฐาน OIT ของหน่วยงาน`);

  const self = runMatcher('document-self-title', ctx);
  if (self.verdict === 'fail') {
    const other = String(self.data?.other ?? '');
    // Words that name the item strongly and a document that also mentions it: let a human decide.
    if (self.data?.mentionsMine && c.ident >= 0.85 && !c.numberOnly) return review(self.reason ?? '', { otherItem: other });
    return fail(self.reason ?? 'เนื้อหาเป็นรายการอื่น', { otherItem: other });
  }
  // The row's link names another item's document ("สรุปผลการจัดซื้อจัดจ้างรายเดือน" under the plan's row):
  // unless the document's own title says it is this item, it is the wrong file.
  if (c.namedOther && self.verdict !== 'pass') {
    const title = itemTitle(x.env.checklist, c.namedOther);
    return fail(`ชื่อลิงก์ระบุว่าเป็น${title} (${c.namedOther}) ไม่ใช่${x.item.title}`, { otherItem: c.namedOther });
  }
  if (c.numberOnly && self.verdict !== 'pass') {
    return review('หน้า ITA ระบุรายการนี้ด้วยเลขข้อเท่านั้น และเอกสารไม่บอกชื่อรายการ ต้องตรวจว่าเป็นเอกสารของข้อนี้');
  }
  if (self.verdict === 'pass') conf = Math.max(conf, Math.min(1, 0.8 * (self.confidence ?? 1) + 0.2 * conf));

  const el = runMatcher('content-elements', ctx);
  const fy = runMatcher('fiscal-year', ctx);
  const reasons: string[] = [];
  let status: CandidateStatus = 'pass';
  const worst = (o: MatchOutcome) => {
    if (o.verdict === 'fail') status = 'fail';
    else if (o.verdict === 'unknown' && status === 'pass') status = 'needs-review';
  };
  worst(el);
  worst(fy);
  if (el.verdict === 'fail' || el.verdict === 'unknown') reasons.push(`${label}: ${el.reason}`);
  if (fy.verdict === 'fail' || fy.verdict === 'unknown') reasons.push(`${label}: ${fy.reason}`);
  const wrongYears = fy.verdict === 'fail' ? ((fy.data?.foundYears as number[] | undefined) ?? []) : undefined;
  if (status === 'pass') {
    if (fy.verdict === 'pass' && fy.reason) caveats.push(fy.reason);
    conf *= (el.confidence ?? 1) * (fy.confidence ?? 1);
    return { status, confidence: conf, reasons: [], caveats, quote: fy.quote && x.item.period !== 'none' ? fy.quote : (el.quote ?? fy.quote) };
  }
  const onlyElements = status === 'fail' && el.verdict === 'fail' && fy.verdict === 'pass' && Array.isArray(el.data?.missing);
  const elements = onlyElements ? { found: (el.data!.found as string[]) ?? [], missing: el.data!.missing as string[] } : undefined;
  return { status, confidence: status === 'fail' ? 0.85 : 0.5, reasons, caveats, wrongYears, elements, quote: fy.quote ?? el.quote };
}

function isDocUrl(site: Site, url: string): boolean {
  const p = site.page(url);
  if (p) return p.kind !== 'html';
  if (DOC_EXT.test(url)) return true;
  return serviceOf(url).type === 'file';
}

/** Content links of a page worth following one hop: not menus, not the page itself, not mail/phone. */
function childLinks(site: Site, pageUrl: string, links: ContentLink[]): ContentLink[] {
  const seen = new Set<string>();
  const out: ContentLink[] = [];
  for (const l of links) {
    if (!/^https?:/i.test(l.url) && !/^(#|javascript:)/i.test(l.url)) continue;
    if (/^(#|javascript:)/i.test(l.url)) continue;
    const k = canon(l.url);
    if (k === canon(pageUrl) || seen.has(k) || site.isTemplateLink(l.url)) continue;
    seen.add(k);
    out.push(l);
  }
  return out.slice(0, 40);
}

/** Below this many characters of its own (link texts, title and headings removed) a page is only a list. */
const LISTING_MAX_OWN_CHARS = 80;

// What a download page says about a file besides its name (WordPress Download Manager and the like).
const FILE_METADATA =
  /version\s*[\d.]+|downloads?\s*\d*|file\s*(?:size|count)\s*[\d.]*\s*(?:kb|mb|gb|bytes)?|create\s*date|last\s*updated|ขนาดไฟล์|จำนวน(?:การ)?ดาวน์โหลด|ดาวน์โหลด|วันที่(?:สร้าง|อัปโหลด|อัพโหลด)|ปรับปรุงล่าสุด|\d+(?:\.\d+)?\s*(?:kb|mb|gb)|(?:january|february|march|april|may|june|july|august|september|october|november|december|[ก-๙]+คม|[ก-๙]+ยน|กุมภาพันธ์)\s*\d{1,2},?\s*\d{4}/gi;

/** Per parsed view: a page explored under many candidates and items is measured once. */
const listingOnly = new WeakMap<PageView, boolean>();

/** A page whose main text is little more than the names of the links it lists (and their file details). */
function isListingOnly(view: PageView): boolean {
  let known = listingOnly.get(view);
  if (known === undefined) listingOnly.set(view, (known = measureListingOnly(view)));
  return known;
}

function measureListingOnly(view: PageView): boolean {
  if (view.mainLinks.length === 0) return false;
  let text = view.mainText.replace(FILE_METADATA, '').replace(/\s+/g, '');
  const parts = [...view.mainLinks.map((l) => l.text), view.title, ...view.headings].map((t) => t.replace(/\s+/g, '')).filter((t) => t.length > 0);
  for (const p of parts.sort((a, b) => b.length - a.length)) text = text.split(p).join('');
  return text.length < LISTING_MAX_OWN_CHARS;
}

function evidenceOf(site: Site, url: string, foundVia: string, quote?: string): Evidence {
  const clickPath = site.clickPath(url);
  return { url, foundVia, ...(quote ? { quote: clip(quote, 160) } : {}), ...(clickPath ? { clickPath } : {}) };
}

interface Explored extends TargetResult {
  /** Evidence, the deepest (the document itself) first. */
  evidence: Evidence[];
}

type Ident = Pick<Candidate, 'names' | 'row' | 'ident' | 'numberOnly' | 'looseLabel'> & {
  /** The link's own words name this other item clearly (an index row linking another item's file). */
  namedOther?: string;
};

/** The Thai words of a document's file name, if it has any ("…/สรุปผลจัดซื้อจัดจ้างรายเดือน2565.xlsx"). */
function thaiFileName(url: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return undefined;
  }
  const words = name.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[\d_\-.]+/g, ' ').trim();
  return /[\u0E00-\u0E7F]{6,}/.test(words) ? words : undefined;
}

/** A link text that names another item this well, and this item clearly less, is taken at its word. */
const NAMES_OTHER = 0.65;
const NAMES_OTHER_MARGIN = 0.1;

/** The other item an index row's link text names clearly, if any. */
function namedOther(x: Ctx, c: Candidate): string | undefined {
  if (c.source !== 'index') return undefined;
  // A generic link text ("คลิก") leaves the file's own Thai name ("สรุปผลจัดซื้อจัดจ้างรายเดือน2565.xlsx").
  const words = c.linkText && !isGenericLinkText(c.linkText) ? c.linkText : thaiFileName(c.url);
  if (!words) return undefined;
  const ranked = scoreItems(x.env.checklist, words);
  const top = ranked[0];
  if (!top || top.code === x.item.code || top.score < NAMES_OTHER) return undefined;
  const mine = ranked.find((r) => r.code === x.item.code)?.score ?? 0;
  const margin = onOthersSubject(x.env.checklist, words, top.code, x.item.code) ? 0 : NAMES_OTHER_MARGIN;
  return mine < top.score - margin ? top.code : undefined;
}

/**
 * The other item a list page offers when every link it lists (menu entries repeated in it included) names
 * that item or another one, never this one ("แผนพัฒนาบุคลากร…" under the heading "ประมวลจริยธรรม").
 */
function otherItemListed(x: Ctx, view: PageView): string | undefined {
  const links = view.mainLinks.filter((l) => /^https?:/i.test(l.url) && canon(l.url) !== canon(view.url));
  let first: string | undefined;
  for (const l of links) {
    const words = [l.text, l.label ?? ''].map(oneLine).find((n) => n && !isGenericLinkText(n)) ?? thaiFileName(l.url);
    const named = words ? bestItem(x.env.checklist, words) : undefined;
    if (!named || named.code === x.item.code) return undefined;
    first ??= named.code;
  }
  return first;
}

/**
 * Judges `url` and, for an html page, follows its content links: documents up to two hops (menu page →
 * detail page → PDF, as local-government CMSs do), other pages one hop. Links that name another item
 * are not followed: category pages list several items.
 */
function explore(x: Ctx, c: Ident, url: string, label: string, via: string, depth: number): Explored {
  const { site, checklist } = x.env;
  const target = site.target(url);
  const own = judgeTarget(x, c, target, label);
  const finalUrl = target.snapshot?.finalUrl || url;
  const here = (quote?: string) => evidenceOf(site, finalUrl, via, quote);
  if (own.online) return { ...own, evidence: [here()] };

  const view = depth < 2 && target.snapshot?.kind === 'html' && target.snapshot.status < 300 ? site.view(target.snapshot) : undefined;
  const children = view ? childLinks(site, finalUrl, view.mainLinks) : [];
  const docChildren = children.filter((l) => isDocUrl(site, l.url));
  const pageChildren = depth === 0 ? children.filter((l) => !isDocUrl(site, l.url) && site.isOwn(l.url)) : [];
  // A page that is only a list of links is judged by what it lists, off-site posts and pages included.
  const listing = view !== undefined && isListingOnly(view);
  const offsiteChildren = listing ? children.filter((l) => !isDocUrl(site, l.url) && !site.isOwn(l.url)) : [];

  const childVerdicts: (Explored & { link: ContentLink; isDoc: boolean })[] = [];
  const judgeChild = (l: ContentLink, isDoc: boolean) => {
    const names = [l.text, l.label ?? ''].map(oneLine).filter((n) => n && !isGenericLinkText(n));
    const ctxNames = names.length ? names : [l.context ?? ''].filter(Boolean);
    // Words that name another item — the link's, its context's, or else the file's own Thai name.
    const fileWords = names.length ? undefined : thaiFileName(l.url);
    for (const n of fileWords ? [...ctxNames, fileWords] : ctxNames) {
      const other = bestItem(checklist, n);
      if (other && other.code !== x.item.code) return;
    }
    const ctxText = l.context && !isGenericLinkText(l.context) ? l.context : undefined;
    const childName = clip(names[0] ?? ctxText ?? `${label.replace(/^"|"$/g, '')} (ไฟล์แนบ)`, 40);
    const r = explore(
      x,
      { names: [...ctxNames, ...c.names], row: c.row, ident: c.ident * 0.95, numberOnly: c.numberOnly },
      l.url,
      `"${childName}"`,
      `${via} > link '${childName}'`,
      depth + 1,
    );
    // Another item's document on a category page is simply not this item's; on a page that only lists it, it is
    // what the page offers, and the page fails with it.
    if (r.otherItem && r.otherItem !== x.item.code && !listing) return;
    childVerdicts.push({ ...r, link: l, isDoc });
  };
  for (const l of [...docChildren, ...offsiteChildren]) judgeChild(l, true);
  const passOf = () => childVerdicts.filter((v) => v.status === 'pass').sort((a, b) => b.confidence - a.confidence)[0];
  if (!passOf() && (own.status !== 'pass' || listing)) for (const l of pageChildren.slice(0, 15)) judgeChild(l, false);

  const bestChild = passOf();
  if (bestChild) {
    const evidence = bestChild.online ? [here(), ...bestChild.evidence] : [...bestChild.evidence, here(own.quote)];
    return { ...bestChild, online: false, evidence };
  }

  // The documents decide for a document item, and for a page that is only a list of them: its words are
  // the files' names, not content of its own.
  const docsDecide = (x.item.evidence === 'document' && childVerdicts.some((v) => v.isDoc)) || (listing && childVerdicts.length > 0);
  // A page that only lists links going nowhere ("#", javascript:) offers nothing.
  if (listing && children.length === 0 && own.status === 'pass' && view!.mainLinks.some((l) => /^(#|javascript:)/i.test(l.url))) {
    return { status: 'fail', confidence: 0.85, reasons: [`${label}: หน้านี้มีเพียงลิงก์ที่ไม่ได้ชี้ไปที่ใด (#)`], caveats: [], evidence: [here()] };
  }
  // A page that only lists other items' documents or pages holds nothing of this item: its heading is a
  // menu entry's name, not content.
  const other = listing && own.status === 'pass' && childVerdicts.length === 0 ? otherItemListed(x, view!) : undefined;
  if (other) {
    const title = itemTitle(checklist, other);
    return { status: 'fail', confidence: 0.85, reasons: [`${label}: หน้านี้มีเพียงลิงก์ไปยัง${title} (${other}) ไม่ใช่${x.item.title}`], caveats: [], otherItem: other, evidence: [here()] };
  }
  if (own.status === 'pass' && !docsDecide) return { ...own, evidence: [here(own.quote)] };

  const review = childVerdicts.filter((v) => v.status === 'needs-review');
  const wrongYears = childVerdicts.length
    ? childVerdicts.every((v) => v.wrongYears?.length)
      ? [...new Set(childVerdicts.map((v) => v.wrongYears![0]!))]
      : undefined
    : own.wrongYears;
  // A list's own doubts (no year of its own) do not count once what it lists has been judged.
  const ownDoubt = own.status === 'needs-review' && !(listing && childVerdicts.length > 0);
  if (review.length > 0 || ownDoubt) {
    const reasons = review.length ? review.flatMap((v) => v.reasons) : own.reasons;
    return { status: 'needs-review', confidence: 0.5, reasons, caveats: [], wrongYears, evidence: [here(own.quote), ...review.flatMap((v) => v.evidence)] };
  }
  const reasons = childVerdicts.length ? childVerdicts.flatMap((v) => v.reasons) : [...own.reasons];
  if (own.status === 'pass' && docsDecide) reasons.unshift(`${label}: หน้าเว็บมีข้อมูล แต่เอกสารที่แนบไว้ไม่ผ่านเกณฑ์`);
  const elements = childVerdicts.length ? mergeElements(childVerdicts.map((v) => v.elements)) : own.elements;
  // A page that only lists the item's parts (the chart behind one link, the duties behind the next), each
  // failing only for what another holds: the item is there in parts, not missing. A person decides whether
  // graders take the page, as for an ITA row's links (judge.ts partsTogether).
  const parts = new Set(childVerdicts.map((v) => canon(v.link.url)));
  if (listing && parts.size >= 2 && elements && elements.missing.length === 0 && elements.found.length > 0) {
    const reason = `${label}: ${x.item.title}ครบเมื่อรวม ${parts.size} ลิงก์ในหน้านี้ แต่แต่ละลิงก์มีเพียงบางส่วน ควรรวมไว้ในหน้าเดียวหรือไฟล์เดียว แล้วให้เจ้าหน้าที่ตรวจ`;
    return { status: 'needs-review', confidence: 0.5, reasons: [reason, ...reasons], caveats: [], evidence: [here(), ...childVerdicts.flatMap((v) => v.evidence)] };
  }
  return { status: 'fail', confidence: own.confidence, reasons, caveats: [], wrongYears, otherItem: own.otherItem, elements, evidence: [here(own.quote)] };
}

/** What several failed targets show together, when each failed only for missing elements. */
export function mergeElements(all: (ElementsSeen | undefined)[]): ElementsSeen | undefined {
  if (all.length === 0 || all.some((e) => !e)) return undefined;
  const found = [...new Set(all.flatMap((e) => e!.found))];
  const missing = [...new Set(all.flatMap((e) => e!.missing))].filter((m) => !found.includes(m));
  return { found, missing };
}

export function verifyCandidate(env: VerifyEnv, item: ChecklistItem, c: Candidate): CandidateVerdict {
  const { site } = env;
  const x: Ctx = { env, item };
  const target = site.target(c.url);
  const label = `"${nameOf(c, target)}"`;

  // The words must name this item (index rows and links were assigned by their best item already).
  if (c.source === 'link' && !c.broader && !c.looseLabel) {
    const tm = runMatcher('title-match', mctx(x, c.names, target));
    if (tm.verdict === 'fail') return { status: 'fail', confidence: 0.5, reasons: [`${label}: ${tm.reason}`], evidence: [], candidate: c };
  }

  const r = explore(x, { ...c, namedOther: namedOther(x, c) }, c.url, label, c.via, 0);
  if (c.looseLabel && r.status !== 'fail') {
    // Only a short label points here and the file cannot be read: never a pass, at most a case for a person
    // (a failed one is left out of the item's verdict, judge.ts).
    const why = `${label}: ชื่อลิงก์บอกรายการนี้ไม่ชัดเจน และเปิดอ่านเนื้อหาไม่ได้ ต้องให้เจ้าหน้าที่ตรวจว่าเป็น${item.title}หรือไม่`;
    return { status: 'needs-review', confidence: 0.5, reasons: [why, ...(r.status === 'needs-review' ? r.reasons : r.caveats)].filter(Boolean), evidence: r.evidence, candidate: c };
  }
  if (r.online) {
    // The link out of the own site is the evidence: submit the own page that carries it.
    const from = c.fromUrl && site.isOwn(c.fromUrl) ? c.fromUrl : undefined;
    const evidence: Evidence[] = [];
    if (from) evidence.push(evidenceOf(site, from, `${c.via} (หน้าที่มีลิงก์ไปยังระบบ)`));
    evidence.push(...r.evidence);
    if (!from) return { status: 'needs-review', confidence: 0.5, reasons: [`${label}: ลิงก์ไปยังระบบภายนอกแต่ไม่พบหน้าบนเว็บไซต์หน่วยงานที่ลิงก์ไป`], evidence, candidate: c };
    return { status: 'pass', confidence: r.confidence, reasons: r.caveats.filter(Boolean), evidence, candidate: c };
  }
  if (r.status === 'pass' && c.broader && !confirmsItem(site, item, r.evidence)) {
    // What the page offers fits the item, but its label is broader than the item: a person confirms.
    return { status: 'needs-review', confidence: 0.5, reasons: [`${label}: ${item.broader?.reason ?? 'ชื่อเมนูกว้างกว่ารายการนี้ ต้องให้เจ้าหน้าที่ตรวจ'}`], evidence: r.evidence, candidate: c };
  }
  if (r.status === 'pass') return { status: 'pass', confidence: r.confidence, reasons: r.caveats.filter(Boolean), evidence: r.evidence, candidate: c };
  return { status: r.status, confidence: r.confidence, reasons: r.reasons, evidence: r.evidence, wrongYears: r.wrongYears, elements: r.elements, candidate: c };
}

/** Does the evidence's own text carry the words that make a broadly labelled page the item (checklist `broader`)? */
function confirmsItem(site: Site, item: ChecklistItem, evidence: Evidence[]): boolean {
  const terms = (item.broader?.confirmTerms ?? []).map(fold);
  if (terms.length === 0) return false;
  return evidence.some((e) => {
    const t = site.target(e.url);
    const text = fold(t.text);
    return terms.some((w) => text.includes(w));
  });
}

/** "O11 รายงาน…" → "รายงาน…": labels removed for display. */
export function withoutLabel(s: string): string {
  return parseItemLabel(s).rest || s;
}
