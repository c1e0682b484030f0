import type { Checklist, ChecklistItem } from '../checklist/schema.js';
import { diffScans } from '../check/diff.js';
import { unreachableOf, type ScanResult } from '../check/scan-result.js';
import { limitText } from '../crawl/limits.js';
import { PASS_MARK, scoreOit } from '../check/score.js';
import type { ClickStep, ItemStatus, PageSnapshot } from '../store/types.js';

/** What the report shows of a stored page: only fetch problems, so no text or HTML. */
export type CrawledPage = Pick<PageSnapshot, 'url' | 'status' | 'error' | 'referrer'>;
import { codeNumber, fmt2, fmtSigned, formatDateTime, linkView, oneLine, pct, type LinkView } from './format.js';
import { CONFIDENCE_LABELS, LABELS, STATUS_BADGE, STATUS_LABELS, type Labels, type Lang } from './labels.js';

/**
 * The pure view model of report.html (and the rows of items.csv / the ITAS sheet). Everything a
 * template shows is computed and formatted here; templates only loop and test for presence.
 * Site text stays plain text here: escaping is the template engine's job ({{ }} everywhere).
 */

export interface ReportInput {
  result: ScanResult;
  checklist: Checklist;
  /** The previous judged scan of the same site, for "what changed". */
  previous?: ScanResult | undefined;
  /** Snapshots of the scan (html not needed), for crawl problems. */
  pages?: CrawledPage[] | undefined;
  lang?: Lang | undefined;
  /** OIT scores of the site's judged scans, oldest first (this scan last), for the trend chart. */
  history?: TrendPoint[] | undefined;
}

export interface TrendPoint {
  scanId: string;
  startedAt: string;
  oit: number | null;
}

export type ResultItem = ScanResult['items'][number];

export interface EvidenceView {
  link: LinkView;
  foundVia: string;
  quote?: string;
  clickPath?: string;
}

export interface ItemView {
  code: string;
  title: string;
  subIndicator: string;
  status: ItemStatus;
  statusLabel: string;
  badgeClass: string;
  /** "ยังไม่ยืนยัน" when the checklist marks the item probable/unknown. */
  unconfirmed?: string;
  reasons: string[];
  requirement?: string;
  advice?: string;
  urls: LinkView[];
  bestUrl?: LinkView;
  evidence: EvidenceView[];
  confidenceText?: string;
  override?: { who: string; note?: string; automatic: string };
  /** A person's decision that was not applied because its evidence changed. */
  staleOverride?: { text: string; note?: string };
  /** "ถ้าแก้ข้อนี้ได้ คะแนน OIT จะเพิ่มขึ้น +1.79" for items that score 0. */
  gainText?: string;
}

export interface BarView {
  label: string;
  scoreText: string;
  /** Width of the filled bar in a viewBox 0 0 100 10. */
  width: number;
  passMarkX: number;
  cls: string;
  detail?: string;
}

export interface IndicatorView extends BarView {
  subIndicators: BarView[];
}

export interface CrawlProblemView {
  link: LinkView;
  statusText: string;
  problem: string;
  from?: LinkView;
}

export interface ChangeView {
  code: string;
  title: string;
  from: string;
  to: string;
  badgeClass: string;
}

export interface UrlChangeView {
  code: string;
  title: string;
  from: LinkView;
  to: LinkView;
}

export interface DiffView {
  intro: string;
  note?: string;
  oitChange?: string;
  newFailures: ChangeView[];
  fixed: ChangeView[];
  urlChanged: UrlChangeView[];
  newDeadLinks: LinkView[];
  noChanges: boolean;
}

/** The OIT trend as an inline SVG (viewBox 0 0 width height): coordinates only, computed here. */
export interface TrendView {
  width: number;
  height: number;
  /** "x,y x,y …" of the polyline. */
  points: string;
  dots: { x: number; y: number; label: string }[];
  passMarkY: number;
  caption: string;
  firstText: string;
  lastText: string;
}

export interface ReportView {
  lang: Lang;
  /** The static labels of the chosen language (label functions are applied here, not in templates). */
  t: Record<string, string>;
  title: string;
  site: LinkView;
  checklist: {
    id: string;
    label: string;
    confidenceLabel: string;
    warning?: string;
    warningClass: string;
    /** Which assessment year the scan's date falls in, and whether this checklist stands in for it. */
    assessment?: string;
    assessmentClass: string;
    unknownItems: { code: string; title: string; note: string }[];
  };
  scan: { id: string; started: string; finished: string; pages: number; documents: number; errors: number; limits: string[] };
  oit: { scoreText: string; width: number; passMarkX: number; cls: string; passes: boolean };
  indicators: IndicatorView[];
  counts: { label: string; count: number; badgeClass: string }[];
  totalItems: number;
  gaps: ItemView[];
  withEvidence: ItemView[];
  review: ItemView[];
  crawl: { rows: CrawlProblemView[]; more?: string };
  diff?: DiffView;
  trend?: TrendView;
  /** The start page did not open: the report says so instead of showing a gap list. */
  unreachable?: { message: string };
  generatedBy: string;
}

const GAP_ORDER: Record<ItemStatus, number> = { fail: 0, 'needs-review': 1, error: 2, 'not-applicable': 3, pass: 4 };
const CRAWL_LIMIT = 300;

/** Static labels only (functions are applied in the view model). */
export function staticLabels(l: Labels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(l)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function barClass(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return 'bar-none';
  if (score >= PASS_MARK) return 'bar-ok';
  if (score >= 50) return 'bar-warn';
  return 'bar-bad';
}

function bar(label: string, score: number | null | undefined, detail?: string): BarView {
  return { label, scoreText: fmt2(score), width: pct(score), passMarkX: PASS_MARK, cls: barClass(score), ...(detail ? { detail } : {}) };
}

/** "หน้าหลัก › ข้อมูลหน่วยงาน › โครงสร้าง": steps from the home page; a leading home step is not repeated. */
export function clickPathText(steps: ClickStep[] | undefined, site: string, home: string, sep = ' › '): string | undefined {
  if (!steps?.length) return undefined;
  const homeLike = (s: ClickStep) => sameUrl(s.url, site) || /^(หน้าหลัก|หน้าแรก|home|หน้าแรกของเว็บไซต์)$/i.test(oneLine(s.text));
  const rest = homeLike(steps[0]!) ? steps.slice(1) : steps;
  return [home, ...rest.map((s) => oneLine(s.text) || s.url)].join(sep);
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      const x = new URL(u);
      return `${x.host}${x.pathname.replace(/\/(index\.(php|html?|aspx?))?$/i, '')}${x.search}`.toLowerCase();
    } catch {
      return u;
    }
  };
  return norm(a) === norm(b);
}

/** Items in checklist order; items the checklist does not know go last, by number. */
export function checklistOrder(checklist: Checklist): (code: string) => number {
  const idx = new Map(checklist.items.map((it, i) => [it.code, i]));
  return (code) => idx.get(code) ?? 10_000 + codeNumber(code);
}

/**
 * Result items completed with the checklist: an item the checklist has but the result lacks is shown
 * as not checked (it scores 0 at the NACC as well).
 */
export function completeItems(result: ScanResult, checklist: Checklist, lang: Lang): ResultItem[] {
  const have = new Set(result.items.map((i) => i.code));
  const missing: ResultItem[] = checklist.items
    .filter((it) => !have.has(it.code))
    .map((it) => ({ code: it.code, title: it.title, subIndicator: it.subIndicator, status: 'error', score: 0, urls: [], evidence: [], reasons: [LABELS[lang].notInResult] }));
  const order = checklistOrder(checklist);
  return [...result.items, ...missing].sort((a, b) => order(a.code) - order(b.code));
}

function assertSameChecklist(result: ScanResult, checklist: Checklist): void {
  if (result.checklist.id !== checklist.id) {
    throw new Error(`report: the result was judged with ${result.checklist.id} but checklist ${checklist.id} was given`);
  }
}

function oitGains(checklist: Checklist, items: ResultItem[]): Map<string, number> {
  const statuses = new Map<string, ItemStatus>(items.map((i) => [i.code, i.status]));
  const base = scoreOit(checklist, statuses).oit;
  const gains = new Map<string, number>();
  for (const it of items) {
    if (it.status === 'pass' || it.status === 'not-applicable' || !checklist.items.some((c) => c.code === it.code)) continue;
    const next = new Map(statuses).set(it.code, 'pass');
    const oit = scoreOit(checklist, next).oit;
    if (Number.isFinite(oit) && Number.isFinite(base)) gains.set(it.code, oit - base);
  }
  return gains;
}

export function itemView(item: ResultItem, def: ChecklistItem | undefined, site: string, lang: Lang, gain?: number): ItemView {
  const l = LABELS[lang];
  const urls = item.urls.map(linkView);
  const ev = item.evidence.map((e): EvidenceView => {
    const path = clickPathText((e as { clickPath?: ClickStep[] }).clickPath, site, l.home);
    return {
      link: linkView(e.url),
      foundVia: oneLine(e.foundVia),
      ...(e.quote ? { quote: oneLine(e.quote) } : {}),
      ...(path ? { clickPath: path } : {}),
    };
  });
  const bestUrl = urls[0] ?? ev[0]?.link;
  const override = (item as { override?: { by: string; note?: string; at: string; automaticStatus: ItemStatus } }).override;
  const stale = (item as { staleOverride?: { by: string; note?: string; at: string; status: ItemStatus } }).staleOverride;
  const confidence = (item as { confidence?: unknown }).confidence;
  return {
    code: item.code,
    title: item.title,
    subIndicator: item.subIndicator,
    status: item.status,
    statusLabel: STATUS_LABELS[lang][item.status],
    badgeClass: STATUS_BADGE[item.status],
    ...(def && def.status !== 'confirmed' ? { unconfirmed: l.unconfirmedItem } : {}),
    reasons: item.reasons,
    ...(def ? { requirement: def.requirement, advice: def.advice } : {}),
    urls,
    ...(bestUrl ? { bestUrl } : {}),
    evidence: ev,
    ...(typeof confidence === 'number' ? { confidenceText: `${Math.round(confidence * 100)}%` } : {}),
    ...(override
      ? {
          override: {
            who: l.overrideBy(override.by, formatDateTime(override.at, lang)),
            ...(override.note ? { note: override.note } : {}),
            automatic: l.overrideAutomatic(STATUS_LABELS[lang][override.automaticStatus]),
          },
        }
      : {}),
    ...(stale
      ? { staleOverride: { text: l.staleOverride(stale.by, formatDateTime(stale.at, lang), STATUS_LABELS[lang][stale.status]), ...(stale.note ? { note: stale.note } : {}) } }
      : {}),
    ...(gain !== undefined && gain > 0 ? { gainText: l.gain(fmtSigned(gain)) } : {}),
  };
}

/** The gap list: exactly the items not passed, failures first, then needs-review, errors, not-applicable. */
export function gapItems(items: ResultItem[], checklist: Checklist): ResultItem[] {
  const order = checklistOrder(checklist);
  return items
    .filter((i) => i.status !== 'pass')
    .sort((a, b) => GAP_ORDER[a.status] - GAP_ORDER[b.status] || order(a.code) - order(b.code));
}

export function crawlProblems(pages: CrawledPage[] | undefined, lang: Lang): ReportView['crawl'] {
  const l = LABELS[lang];
  const bad = (pages ?? [])
    .filter((p) => p.status === 0 || p.status >= 400 || !!p.error)
    .sort((a, b) => (a.status || 999) - (b.status || 999) || a.url.localeCompare(b.url));
  const rows = bad.slice(0, CRAWL_LIMIT).map(
    (p): CrawlProblemView => ({
      link: linkView(p.url),
      statusText: p.status === 0 ? l.noResponse : String(p.status),
      problem: oneLine(p.error ?? ''),
      ...(p.referrer ? { from: linkView(p.referrer) } : {}),
    }),
  );
  return { rows, ...(bad.length > CRAWL_LIMIT ? { more: l.crawlMore(bad.length - CRAWL_LIMIT) } : {}) };
}

/** What changed since the previous scan (the comparison itself is diffScans in src/check/diff.ts). */
export function diffView(result: ScanResult, previous: ScanResult, checklist: Checklist, lang: Lang): DiffView {
  const l = LABELS[lang];
  const d = diffScans(previous, result);
  const order = checklistOrder(checklist);
  const byOrder = <T extends { code: string }>(xs: T[]) => [...xs].sort((a, b) => order(a.code) - order(b.code));
  const change = (c: { code: string; title: string; from?: ItemStatus; to: ItemStatus }): ChangeView => ({
    code: c.code,
    title: c.title,
    from: c.from ? STATUS_LABELS[lang][c.from] : '–',
    to: STATUS_LABELS[lang][c.to],
    badgeClass: STATUS_BADGE[c.to],
  });
  const newFailures = byOrder(d.regressed).map(change);
  const fixed = byOrder(d.improved).map(change);
  const urlChanged = byOrder(d.urlChanged).map((c) => ({ code: c.code, title: c.title, from: linkView(c.fromUrl ?? ''), to: linkView(c.toUrl ?? '') }));
  const newDeadLinks = (d.newDeadLinks ?? []).map((x) => linkView(x.url));
  const a = result.oit.score;
  const b = previous.oit.score;
  return {
    intro: l.diffIntro(previous.scan.id, formatDateTime(previous.scan.startedAt, lang)),
    ...(d.sameChecklist ? {} : { note: l.diffOtherChecklist }),
    ...(a !== null && b !== null ? { oitChange: `${l.oitChange}: ${fmt2(b)} → ${fmt2(a)} (${fmtSigned(a - b)})` } : {}),
    newFailures,
    fixed,
    urlChanged,
    newDeadLinks,
    noChanges: newFailures.length === 0 && fixed.length === 0,
  };
}

const TREND_W = 600;
const TREND_H = 160;
const TREND_PAD = 10;

/** The trend chart of the OIT score: x by scan order, y from 0 (bottom) to 100 (top). Needs two scores. */
export function trendView(history: TrendPoint[] | undefined, lang: Lang): TrendView | undefined {
  const pts = (history ?? []).filter((p): p is TrendPoint & { oit: number } => p.oit !== null && Number.isFinite(p.oit));
  if (pts.length < 2) return undefined;
  const l = LABELS[lang];
  const x = (i: number) => round1(TREND_PAD + (i * (TREND_W - 2 * TREND_PAD)) / (pts.length - 1));
  const y = (v: number) => round1(TREND_PAD + ((100 - Math.min(100, Math.max(0, v))) * (TREND_H - 2 * TREND_PAD)) / 100);
  const dots = pts.map((p, i) => ({ x: x(i), y: y(p.oit), label: `${formatDateTime(p.startedAt, lang)}: ${fmt2(p.oit)}` }));
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  return {
    width: TREND_W,
    height: TREND_H,
    points: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    passMarkY: y(PASS_MARK),
    caption: l.trendCaption(pts.length, formatDateTime(first.startedAt, lang), formatDateTime(last.startedAt, lang)),
    firstText: fmt2(first.oit),
    lastText: fmt2(last.oit),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function buildReportView(input: ReportInput): ReportView {
  const { result, checklist } = input;
  const lang: Lang = input.lang ?? 'th';
  const l = LABELS[lang];
  assertSameChecklist(result, checklist);
  const defs = new Map(checklist.items.map((i) => [i.code, i]));
  const items = completeItems(result, checklist, lang);
  const gains = oitGains(checklist, items);
  const view = (i: ResultItem) => itemView(i, defs.get(i.code), result.site, lang, gains.get(i.code));

  const confidence = result.checklist.confidence;
  const warning =
    confidence === 'provisional' ? l.provisionalWarning(result.checklist.year) : confidence === 'probable' ? l.probableWarning(result.checklist.year) : undefined;

  const indicators: IndicatorView[] = result.indicators.map((ind) => ({
    ...bar(`${ind.id} ${ind.title}`, ind.score),
    subIndicators: result.subIndicators
      .filter((s) => s.indicator === ind.id)
      .map((s) => bar(`${s.id} ${s.title}`, s.score, `${s.passed}/${s.items}`)),
  }));

  const statuses: ItemStatus[] = ['pass', 'fail', 'needs-review', 'error', 'not-applicable'];
  const counts = statuses
    .map((s) => ({ label: STATUS_LABELS[lang][s], count: items.filter((i) => i.status === s).length, badgeClass: STATUS_BADGE[s] }))
    .filter((c) => c.count > 0 || c.badgeClass === STATUS_BADGE.pass || c.badgeClass === STATUS_BADGE.fail);

  const oitScore = result.oit.score;
  const trend = trendView(input.history, lang);
  const down = unreachableOf(result);
  return {
    lang,
    t: staticLabels(l),
    title: `${l.reportTitle} — ${displayHost(result.site)}`,
    site: linkView(result.site),
    checklist: {
      id: result.checklist.id,
      label: `${checklist.title} (${result.checklist.id})`,
      confidenceLabel: CONFIDENCE_LABELS[lang][confidence],
      ...(warning ? { warning } : {}),
      warningClass: confidence === 'provisional' ? 'warning warning-strong' : 'warning',
      ...(result.assessment ? { assessment: lang === 'th' ? result.assessment.th : result.assessment.en } : {}),
      assessmentClass: result.assessment?.fallback ? 'warning' : 'muted',
      unknownItems: checklist.unknownItems.map((u) => ({ code: u.code, title: u.probableTitle ?? '', note: u.note })),
    },
    scan: {
      id: result.scan.id,
      started: formatDateTime(result.scan.startedAt, lang),
      finished: result.scan.finishedAt ? formatDateTime(result.scan.finishedAt, lang) : l.notFinished,
      pages: result.scan.pagesFetched,
      documents: result.scan.documentsFetched,
      errors: result.scan.errors,
      limits: (result.scan.limits ?? []).map((hit) => limitText(hit, lang)),
    },
    oit: { scoreText: fmt2(oitScore), width: pct(oitScore), passMarkX: PASS_MARK, cls: barClass(oitScore), passes: oitScore !== null && oitScore >= PASS_MARK },
    indicators,
    counts,
    totalItems: items.length,
    // Nothing was read from an unreachable site: no gaps and nothing to review, only the one cause.
    gaps: down ? [] : gapItems(items, checklist).map(view),
    withEvidence: items.filter((i) => i.evidence.length > 0 || i.urls.length > 0).map(view),
    review: down ? [] : items.filter((i) => i.status === 'needs-review' || i.status === 'error').map(view),
    ...(down ? { unreachable: { message: lang === 'th' ? down.th : down.en } } : {}),
    crawl: crawlProblems(input.pages, lang),
    ...(input.previous ? { diff: diffView(result, input.previous, checklist, lang) } : {}),
    ...(trend ? { trend } : {}),
    generatedBy: l.generatedBy(`${result.tool.name} ${result.tool.version}`),
  };
}

function displayHost(site: string): string {
  try {
    return new URL(site).host;
  } catch {
    return site;
  }
}

/* ---------- ITAS sheet ---------- */

export interface ItasRow {
  code: string;
  title: string;
  subIndicator: string;
  statusLabel: string;
  badgeClass: string;
  /** The URL to paste into ITAS; '' when the item has no passing URL. */
  url: string;
  link?: LinkView;
  /** คำอธิบาย, ready to paste (always Thai: ITAS is Thai). */
  explanation: string;
  /** Further evidence URLs, if graders want more than one. */
  moreUrls: string[];
  note: string;
}

export interface ItasGroup {
  heading: string;
  rows: ItasRow[];
}

export function buildItasRows(result: ScanResult, checklist: Checklist, lang: Lang = 'th'): ItasRow[] {
  assertSameChecklist(result, checklist);
  const th = LABELS.th;
  const l = LABELS[lang];
  return completeItems(result, checklist, lang).map((item): ItasRow => {
    const base = { code: item.code, title: item.title, subIndicator: item.subIndicator, statusLabel: STATUS_LABELS[lang][item.status], badgeClass: STATUS_BADGE[item.status] };
    if (item.status !== 'pass' || !item.urls[0]) {
      const note = item.status === 'not-applicable' ? l.itasNotApplicable : item.status === 'needs-review' ? l.itasReview : l.itasNoUrl;
      return { ...base, url: '', explanation: '', moreUrls: [], note };
    }
    const url = item.urls[0];
    const evidence = item.evidence as { url: string; clickPath?: ClickStep[] }[];
    const withPath = evidence.find((e) => e.url === url && e.clickPath?.length) ?? evidence.find((e) => e.clickPath?.length);
    const path = clickPathText(withPath?.clickPath, result.site, th.home, ' > ');
    const override = (item as { override?: { note?: string } }).override;
    return {
      ...base,
      url,
      link: linkView(url),
      explanation: path ? th.itasReachedFrom(path) : th.itasDirectUrl,
      moreUrls: item.urls.slice(1),
      note: override?.note ? oneLine(override.note) : '',
    };
  });
}

export function groupItasRows(rows: ItasRow[], checklist: Checklist): ItasGroup[] {
  const groups = checklist.subIndicators
    .map((s) => ({ heading: `${s.id} ${s.title}`, rows: rows.filter((r) => r.subIndicator === s.id) }))
    .filter((g) => g.rows.length > 0);
  const known = new Set(checklist.subIndicators.map((s) => s.id));
  const other = rows.filter((r) => !known.has(r.subIndicator));
  return other.length ? [...groups, { heading: '–', rows: other }] : groups;
}
