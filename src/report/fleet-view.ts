/**
 * The fleet report (`oit fleet`) as data and as a view: overall figures, the summary by item and one
 * row per agency. Pure: the clock comes in as an argument, the template only loops.
 */
import type { Fleet, FleetSite } from '../api/fleet.js';
import { PASS_MARK, round2 } from '../check/score.js';
import type { ItemStatus } from '../store/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { FLEET_LABELS } from './fleet-labels.js';
import { codeNumber, fmt2, fmtSigned, formatDateTime, linkView, pct, type LinkView } from './format.js';
import type { Lang } from './labels.js';
import { barClass } from './view-model.js';
import { TREND_ARROWS } from './index-report.js';

export const FLEET_SCHEMA_ID = 'oit-fleet/1';

/**
 * Missing = what the graders would not give: not passed, and not "not applicable" (which leaves its
 * sub-indicator's mean, and is usually a person's decision). Needs-review counts as missing until a
 * person decides.
 */
export function isMissing(status: ItemStatus): boolean {
  return status !== 'pass' && status !== 'not-applicable';
}

export function missingCodes(site: FleetSite, which: 'all' | 'review' | 'not-review' = 'all'): string[] {
  const statuses = site.latest?.statuses ?? {};
  return Object.keys(statuses)
    .filter((c) => isMissing(statuses[c]!) && (which === 'all' || (which === 'review') === (statuses[c] === 'needs-review')))
    .sort((a, b) => codeNumber(a) - codeNumber(b) || a.localeCompare(b));
}

export interface FleetOverall {
  agencies: number;
  /** With a finished, judged scan. */
  scanned: number;
  notScanned: number;
  /** Scanned, but the start page did not open. */
  unreachable: number;
  /** Scanned and the start page opened: the base of `passing`, `meanOit` and the summary by item. */
  assessed: number;
  passing: number;
  meanOit: number | null;
  withMissing: number;
  withFailures: number;
  failures: number;
  running: number;
}

export interface FleetItemStat {
  code: string;
  title: string;
  /** Agencies of the group whose result judged this item. */
  agencies: number;
  missing: number;
  /** Of `missing`, how many are needs-review. */
  needsReview: number;
  /** missing / agencies × 100, 2 decimals. */
  percent: number;
}

export interface FleetItemGroup {
  checklistId: string;
  year: number;
  agencies: number;
  /** Most missed first. */
  items: FleetItemStat[];
}

export interface FleetReport {
  schema: typeof FLEET_SCHEMA_ID;
  tool: { name: string; version: string };
  generatedAt: string;
  db: string;
  truncated: boolean;
  passMark: number;
  overall: FleetOverall;
  items: FleetItemGroup[];
  /** Sorted as shown (sortFleetSites). */
  sites: FleetSite[];
}

const displayName = (s: FleetSite) => s.name ?? s.host;

/**
 * Sites needing help first: a manager of hundreds of agencies reads from the top and stops, so the
 * top must be the agencies to call. Agencies without any result come first (we know nothing, and the
 * worst case is hidden there), then the lowest OIT score; ties by name.
 */
export function sortFleetSites(sites: FleetSite[]): FleetSite[] {
  // No result first, then sites not read (unreachable: not scored), then the lowest score.
  const rank = (s: FleetSite) => (s.latest ? (s.latest.oit ?? -1) : -2);
  return [...sites].sort((a, b) => rank(a) - rank(b) || displayName(a).localeCompare(displayName(b)) || a.site.localeCompare(b.site));
}

/**
 * An unreachable site is all "fail" without saying anything about its items (and it is often our
 * scanner being blocked rather than the site being down), so it is counted on its own and kept out
 * of the mean, the pass count and the summary by item.
 */
const assessed = (s: FleetSite) => s.latest !== null && !s.latest.unreachable;

export function fleetOverall(sites: FleetSite[]): FleetOverall {
  const scanned = sites.filter((s) => s.latest !== null);
  const base = sites.filter(assessed);
  const scores = base.map((s) => s.latest!.oit).filter((x): x is number => x !== null);
  return {
    agencies: sites.length,
    scanned: scanned.length,
    notScanned: sites.length - scanned.length,
    unreachable: scanned.filter((s) => s.latest!.unreachable).length,
    assessed: base.length,
    passing: scores.filter((x) => round2(x) >= PASS_MARK).length,
    meanOit: scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
    withMissing: scanned.filter((s) => missingCodes(s).length > 0).length,
    withFailures: sites.filter((s) => s.failures > 0).length,
    failures: sites.reduce((n, s) => n + s.failures, 0),
    running: sites.filter((s) => s.lastAttempt?.state === 'running').length,
  };
}

/**
 * One group per checklist: O24 of 2565 and O24 of 2566 are different requirements, so adding them up
 * would answer no real question. Largest group first.
 */
export function fleetItemSummary(fleet: Pick<Fleet, 'sites' | 'titles'>): FleetItemGroup[] {
  const groups = new Map<string, { year: number; agencies: number; stats: Map<string, FleetItemStat> }>();
  for (const s of fleet.sites.filter(assessed)) {
    const r = s.latest!;
    let g = groups.get(r.checklistId);
    if (!g) groups.set(r.checklistId, (g = { year: r.checklistYear, agencies: 0, stats: new Map() }));
    g.agencies++;
    for (const [code, status] of Object.entries(r.statuses)) {
      let st = g.stats.get(code);
      if (!st) g.stats.set(code, (st = { code, title: fleet.titles[r.checklistId]?.[code] ?? '', agencies: 0, missing: 0, needsReview: 0, percent: 0 }));
      st.agencies++;
      if (isMissing(status)) st.missing++;
      if (status === 'needs-review') st.needsReview++;
    }
  }
  return [...groups]
    .map(([checklistId, g]) => ({
      checklistId,
      year: g.year,
      agencies: g.agencies,
      items: [...g.stats.values()]
        .map((st) => ({ ...st, percent: round2((100 * st.missing) / st.agencies) }))
        .sort((a, b) => b.percent - a.percent || b.missing - a.missing || codeNumber(a.code) - codeNumber(b.code)),
    }))
    .sort((a, b) => b.agencies - a.agencies || b.year - a.year);
}

export function newFleetReport(fleet: Fleet, now = new Date()): FleetReport {
  return {
    schema: FLEET_SCHEMA_ID,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    generatedAt: now.toISOString(),
    db: fleet.db,
    truncated: fleet.truncated,
    passMark: PASS_MARK,
    overall: fleetOverall(fleet.sites),
    items: fleetItemSummary(fleet),
    sites: sortFleetSites(fleet.sites),
  };
}

/** "38 %", "33.3 %": whole numbers without a decimal, the rest with one. */
export function fmtPercent(p: number): string {
  const r = Math.round(p * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)} %`;
}


export interface FleetRowView {
  name: string;
  site: LinkView;
  checklist: string;
  label: string;
  scoreText: string;
  width: number;
  passMarkX: number;
  cls: string;
  arrow: string;
  trendClass: string;
  changeText: string;
  notPassedText: string;
  reviewText: string;
  problem: string;
  lastScanText: string;
  scanId: string;
  failuresText: string;
  attemptText: string;
}

export interface FleetItemRowView {
  code: string;
  title: string;
  missingText: string;
  percentText: string;
  width: number;
  reviewText: string;
}

export interface FleetView {
  lang: Lang;
  title: string;
  intro: string;
  t: Record<string, string>;
  facts: { label: string; value: string }[];
  mean: { label: string; scoreText: string; width: number; passMarkX: number; cls: string };
  /** Items nobody misses are one line of codes, not 40 rows of "0 %". */
  groups: { heading: string; rows: FleetItemRowView[]; noneMissingText: string }[];
  noGroups: boolean;
  rows: FleetRowView[];
  truncatedText: string;
  generatedBy: string;
}

function noneMissing(g: FleetItemGroup, label: string): string {
  const codes = g.items.filter((i) => i.missing === 0).map((i) => i.code).sort((a, b) => codeNumber(a) - codeNumber(b));
  return codes.length ? `${label}: ${codes.join(' ')}` : '';
}

export function buildFleetView(report: FleetReport, lang: Lang = 'th'): FleetView {
  const l = FLEET_LABELS[lang];
  const o = report.overall;
  const rows = report.sites.map((s): FleetRowView => {
    const r = s.latest;
    const notPassed = missingCodes(s, 'not-review');
    const review = missingCodes(s, 'review');
    const problem = !r ? (s.lastAttempt ? l.noResult : l.neverScanned) : r.unreachable ? l.unreachable : '';
    const a = s.lastAttempt;
    const attempt = a && a.scanId !== r?.scanId ? (a.state === 'finished' ? (a.judged ? '' : l.attempt.unjudged) : l.attempt[a.state]) : '';
    return {
      name: displayName(s),
      site: linkView(s.site),
      checklist: r?.checklistId ?? '',
      label: l.score,
      scoreText: fmt2(r?.oit),
      width: pct(r?.oit),
      passMarkX: PASS_MARK,
      cls: barClass(r?.oit),
      arrow: TREND_ARROWS[s.trend],
      trendClass: `trend-${s.trend}`,
      changeText: s.change === null ? '' : fmtSigned(s.change),
      // An unreachable site fails everything: listing 43 codes would hide the one fact that matters.
      notPassedText: !r || r.unreachable ? '' : notPassed.length ? `${l.notPassedList}: ${notPassed.join(' ')}` : review.length ? '' : l.allPassed,
      reviewText: r && !r.unreachable && review.length ? `${l.reviewList}: ${review.join(' ')}` : '',
      problem,
      lastScanText: r ? formatDateTime(r.finishedAt ?? r.startedAt, lang) : '',
      scanId: r?.scanId ?? '',
      failuresText: s.failures ? l.failuresSince(s.failures) : '',
      attemptText: attempt,
    };
  });
  const facts: [string, string | number][] = [
    [l.agencies, o.agencies],
    [l.scanned, o.scanned],
    [l.notScanned, o.notScanned],
    [l.unreachableCount, o.unreachable],
    [l.assessed, o.assessed],
    [l.passing, o.passing],
    [l.meanOit, fmt2(o.meanOit)],
    [l.withMissing, o.withMissing],
    [l.withFailures, o.withFailures],
    [l.running, o.running],
  ];
  const t: Record<string, string> = {};
  for (const [k, v] of Object.entries(l)) if (typeof v === 'string') t[k] = v;
  return {
    lang,
    title: l.title,
    intro: l.intro(o.agencies, o.scanned, o.passing, o.assessed),
    t,
    facts: facts.map(([label, value]) => ({ label, value: String(value) })),
    mean: { label: l.meanOit, scoreText: fmt2(o.meanOit), width: pct(o.meanOit), passMarkX: PASS_MARK, cls: barClass(o.meanOit) },
    groups: report.items.map((g) => ({
      heading: l.itemsGroup(g.checklistId, g.agencies),
      noneMissingText: noneMissing(g, l.noneMissing),
      rows: g.items.filter((i) => i.missing > 0).map((i) => ({
        code: i.code,
        title: i.title,
        missingText: l.missingOf(i.missing, i.agencies),
        percentText: fmtPercent(i.percent),
        width: pct(i.percent),
        reviewText: i.needsReview ? String(i.needsReview) : '',
      })),
    })),
    noGroups: report.items.length === 0,
    rows,
    truncatedText: report.truncated ? l.truncated : '',
    generatedBy: `${report.tool.name} ${report.tool.version} · ${l.generated(formatDateTime(report.generatedAt, lang))}`,
  };
}
