/**
 * The index report of a multi-site run (`oit run`): `<out>/index.html`, `index.json` and `index.csv`,
 * one row per configured site, sorted by OIT score (highest first; sites without a score last), with
 * each site's gaps and a trend arrow against its previous judged scan. The view model is pure; the
 * template only loops.
 */
import type { ItemStatus } from '../store/types.js';
import { writeFilesAtomically } from './atomic.js';
import { toCsv } from './csv.js';
import { fmt2, fmtSigned, formatDateTime, linkView, type LinkView } from './format.js';
import { STATUS_BADGE, STATUS_LABELS, type Lang } from './labels.js';
import { render } from './render.js';
import { barClass } from './view-model.js';
import { PASS_MARK } from '../check/score.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export const INDEX_SCHEMA_ID = 'oit-index/1';

export type Trend = 'up' | 'down' | 'same' | 'new' | 'none';

export interface IndexSite {
  name: string;
  url: string;
  scanId: string | null;
  state: string | null;
  startedAt: string | null;
  oit: number | null;
  /** Score of the site's previous judged scan. */
  previousOit: number | null;
  change: number | null;
  trend: Trend;
  passed: number | null;
  items: number | null;
  /** Items not passed. */
  gaps: { code: string; title: string; status: ItemStatus }[];
  regressed: string[];
  improved: string[];
  pagesFetched: number;
  errors: number;
  /** The start page itself did not open: the site was down or blocked us. */
  unreachable: boolean;
  /** Path of the site's report.html relative to the index. */
  report: string | null;
  /** Why this run could not scan the site (a tool failure), if it could not. */
  error?: string;
}

export interface IndexReport {
  schema: typeof INDEX_SCHEMA_ID;
  tool: { name: string; version: string };
  generatedAt: string;
  sites: IndexSite[];
}

/** Highest score first, sites without a score last, then by name. */
export function sortIndexSites(sites: IndexSite[]): IndexSite[] {
  return [...sites].sort((a, b) => (b.oit ?? -1) - (a.oit ?? -1) || a.name.localeCompare(b.name));
}

export function trendOf(oit: number | null, previous: number | null): Trend {
  if (oit === null) return 'none';
  if (previous === null) return 'new';
  const d = Math.round((oit - previous) * 100) / 100;
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

export const TREND_ARROWS: Record<Trend, string> = { up: '▲', down: '▼', same: '＝', new: '•', none: '–' };

const L = {
  th: {
    title: 'สรุปผลการตรวจ OIT ของทุกหน่วยงาน',
    intro: (n: number, below: number, regressed: number) => `${n} หน่วยงาน · ต่ำกว่าเกณฑ์ 85: ${below} · มีข้อที่เพิ่งไม่ผ่าน: ${regressed}`,
    site: 'หน่วยงาน',
    score: 'คะแนน OIT',
    trend: 'เทียบครั้งก่อน',
    passed: 'ข้อที่ผ่าน',
    gaps: 'ข้อที่ยังไม่ผ่าน',
    scan: 'การตรวจ',
    report: 'รายงาน',
    open: 'เปิดรายงาน',
    unreachable: 'เปิดหน้าแรกของเว็บไซต์ไม่ได้',
    notScanned: 'ยังไม่มีผลการตรวจ',
    failed: 'ตรวจไม่สำเร็จ',
    regressed: 'เพิ่งไม่ผ่าน',
    improved: 'แก้ไขแล้ว',
    generated: (d: string) => `สร้างเมื่อ ${d}`,
  },
  en: {
    title: 'OIT results of all agencies',
    intro: (n: number, below: number, regressed: number) => `${n} sites · below the pass mark 85: ${below} · with new failures: ${regressed}`,
    site: 'Site',
    score: 'OIT score',
    trend: 'vs previous',
    passed: 'Passed',
    gaps: 'Not passed',
    scan: 'Scan',
    report: 'Report',
    open: 'open report',
    unreachable: 'the home page did not open',
    notScanned: 'no result yet',
    failed: 'scan failed',
    regressed: 'newly failing',
    improved: 'fixed',
    generated: (d: string) => `generated ${d}`,
  },
};

export interface IndexRowView {
  name: string;
  site: LinkView;
  scoreText: string;
  width: number;
  passMarkX: number;
  cls: string;
  arrow: string;
  trendClass: string;
  changeText: string;
  passedText: string;
  gaps: { code: string; title: string; badgeClass: string; statusLabel: string }[];
  regressedText: string;
  improvedText: string;
  scanText: string;
  problem: string;
  reportHref: string;
}

export interface IndexView {
  lang: Lang;
  title: string;
  intro: string;
  t: Record<string, string>;
  rows: IndexRowView[];
  generatedBy: string;
}

/** Report paths are made of safe segments (see scanReportDir); anything else is not linked. */
const safeRelative = (p: string | null) => (p && /^[a-zA-Z0-9._/-]+$/.test(p) && !p.split('/').includes('..') ? p : '');

export function buildIndexView(index: IndexReport, lang: Lang = 'th'): IndexView {
  const l = L[lang];
  const sites = sortIndexSites(index.sites);
  const rows = sites.map((s): IndexRowView => {
    const problem = s.error ? `${l.failed}: ${s.error}` : s.unreachable ? l.unreachable : s.scanId === null || s.oit === null ? l.notScanned : '';
    return {
      name: s.name,
      site: linkView(s.url),
      scoreText: fmt2(s.oit),
      width: s.oit === null ? 0 : Math.max(0, Math.min(100, Math.round(s.oit * 100) / 100)),
      passMarkX: PASS_MARK,
      cls: barClass(s.oit),
      arrow: TREND_ARROWS[s.trend],
      trendClass: `trend-${s.trend}`,
      changeText: s.change === null ? '' : fmtSigned(s.change),
      passedText: s.passed === null || s.items === null ? '–' : `${s.passed}/${s.items}`,
      gaps: s.gaps.map((g) => ({ code: g.code, title: g.title, badgeClass: STATUS_BADGE[g.status], statusLabel: STATUS_LABELS[lang][g.status] })),
      regressedText: s.regressed.length ? `${l.regressed}: ${s.regressed.join(', ')}` : '',
      improvedText: s.improved.length ? `${l.improved}: ${s.improved.join(', ')}` : '',
      scanText: s.scanId ? `${s.scanId}${s.startedAt ? ` · ${formatDateTime(s.startedAt, lang)}` : ''}` : '',
      problem,
      reportHref: safeRelative(s.report),
    };
  });
  const t: Record<string, string> = {};
  for (const [k, v] of Object.entries(l)) if (typeof v === 'string') t[k] = v;
  return {
    lang,
    title: l.title,
    intro: l.intro(sites.length, sites.filter((s) => s.oit === null || s.oit < PASS_MARK).length, sites.filter((s) => s.regressed.length > 0).length),
    t,
    rows,
    generatedBy: `${index.tool.name} ${index.tool.version} · ${l.generated(formatDateTime(index.generatedAt, lang))}`,
  };
}

export const INDEX_CSV_HEADER = ['name', 'url', 'oit', 'previous_oit', 'change', 'trend', 'passed', 'items', 'not_passed', 'regressed', 'improved', 'unreachable', 'scan_id', 'started_at', 'report', 'error'];

export function renderIndexCsv(index: IndexReport): string {
  return toCsv(
    INDEX_CSV_HEADER,
    sortIndexSites(index.sites).map((s) => [
      s.name,
      s.url,
      s.oit === null ? '' : s.oit.toFixed(2),
      s.previousOit === null ? '' : s.previousOit.toFixed(2),
      s.change === null ? '' : s.change.toFixed(2),
      s.trend,
      s.passed,
      s.items,
      s.gaps.map((g) => g.code).join(' '),
      s.regressed.join(' '),
      s.improved.join(' '),
      s.unreachable ? 'yes' : 'no',
      s.scanId,
      s.startedAt,
      s.report,
      s.error ?? '',
    ]),
  );
}

export function newIndexReport(sites: IndexSite[], now = new Date()): IndexReport {
  return { schema: INDEX_SCHEMA_ID, tool: { name: TOOL_NAME, version: TOOL_VERSION }, generatedAt: now.toISOString(), sites: sortIndexSites(sites) };
}

/** Writes index.html, index.json and index.csv into `out` atomically. */
export async function writeIndexReport(out: string, index: IndexReport, lang: Lang = 'th'): Promise<string[]> {
  return writeFilesAtomically(out, [
    { name: 'index.json', data: JSON.stringify(index, null, 2) + '\n' },
    { name: 'index.csv', data: renderIndexCsv(index) },
    { name: 'index.html', data: render('index', buildIndexView(index, lang)) },
  ]);
}
