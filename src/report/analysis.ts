import type { Checklist } from '../checklist/schema.js';
import type { ScanResult } from '../check/scan-result.js';
import { PASS_MARK, round2, scoreIta, scoreOit } from '../check/score.js';
import type { ItemStatus } from '../store/types.js';
import { ConfigError } from '../errors.js';
import { fmt2, formatDateLong, nextFiscalYearPeriod, oneLine } from './format.js';
import { checklistOrder } from './view-model.js';

/**
 * A draft of the ITA analysis report agencies publish (รายงานการวิเคราะห์ผลการประเมิน ITA), in the
 * published format: overall score and grade, the indicator table with ผ่านเกณฑ์/ไม่ผ่านเกณฑ์,
 * strengths and weaknesses per tool, OIT weaknesses from the failing items (with what graders
 * require) and a table of measures for the next fiscal year, pre-filled per failing item.
 * It is an official Thai document, so it is Thai only. Pure: no clock, no files.
 */

export interface AnalysisInput {
  result: ScanResult;
  checklist: Checklist;
  /** IIT indicator scores, in the order of the checklist's IIT indicators (5). */
  iit: number[];
  /** EIT indicator scores, in the order of the checklist's EIT indicators (3). */
  eit: number[];
  /** Agency name for the title page; defaults to the site's host name. */
  agency?: string | undefined;
  /** Date printed on the report; defaults to the end (or start) of the scan. */
  date?: string | Date | undefined;
}

export interface AnalysisIndicatorRow {
  no: number;
  tool: string;
  title: string;
  scoreText: string;
  resultText: string;
  cls: string;
}

export interface AnalysisToolRow {
  tool: string;
  indicator: string;
  urgent: string;
  develop: string;
  maintain: string;
}

export interface AnalysisMeasure {
  no: number;
  measure: string;
  method: string;
  owner: string;
  period: string;
  followUp: string;
}

export interface AnalysisWeakness {
  code: string;
  title: string;
  requirement: string;
  reasons: string[];
}

export interface AnalysisView {
  title: string;
  year: number;
  nextYear: number;
  agency: string;
  site: string;
  dateText: string;
  ita: { scoreText: string; grade: string; passText: string; passes: boolean };
  tools: { iit: string; eit: string; oit: string };
  indicators: AnalysisIndicatorRow[];
  gradeBands: { range: string; grade: string }[];
  toolRows: AnalysisToolRow[];
  weaknesses: AnalysisWeakness[];
  measures: AnalysisMeasure[];
  period: string;
  provisional?: string;
  generatedBy: string;
}

const PASS_TEXT = 'ผ่านเกณฑ์';
const FAIL_TEXT = 'ไม่ผ่านเกณฑ์';
const MAINTAIN = 'ควรรักษามาตรฐานไว้';
const OWNER_BLANK = '……………………………';
/** Items that lose their 100 points: everything judged but not passed. */
const LOSING: ReadonlySet<ItemStatus> = new Set(['fail', 'needs-review', 'error']);

const BANDS = [
  ['95.00 – 100', 'AA'],
  ['85.00 – 94.99', 'A'],
  ['75.00 – 84.99', 'B'],
  ['65.00 – 74.99', 'C'],
  ['55.00 – 64.99', 'D'],
  ['50.00 – 54.99', 'E'],
  ['0 – 49.99', 'F'],
] as const;

function surveyIndicators(checklist: Checklist, tool: 'IIT' | 'EIT', scores: number[]): { id: string; title: string; score: number }[] {
  const defs = checklist.indicators.filter((i) => i.tool === tool).sort((a, b) => Number(a.id) - Number(b.id));
  const expected = defs.length || (tool === 'IIT' ? 5 : 3);
  if (scores.length !== expected || scores.some((s) => !Number.isFinite(s) || s < 0 || s > 100)) {
    throw new ConfigError(
      `ต้องระบุคะแนน ${tool} ${expected} ตัวชี้วัด (0–100)`,
      `${tool} needs ${expected} indicator scores from 0 to 100 (got ${scores.length})`,
    );
  }
  const firstId = tool === 'IIT' ? 1 : 6;
  return scores.map((score, i) => ({ id: defs[i]?.id ?? String(firstId + i), title: defs[i]?.title ?? `ตัวชี้วัดที่ ${firstId + i}`, score }));
}

function surveyRow(tool: string, ind: { id: string; title: string; score: number }): AnalysisToolRow {
  const s = round2(ind.score);
  const gap = fmt2(PASS_MARK - s);
  const indicator = `ตัวชี้วัดที่ ${ind.id} ${ind.title} ${fmt2(s)} คะแนน`;
  if (s >= PASS_MARK) return { tool, indicator, urgent: '-', develop: '-', maintain: MAINTAIN };
  if (s < 75) return { tool, indicator, urgent: `ต่ำกว่าเกณฑ์ผ่าน (${PASS_MARK}) ${gap} คะแนน ต้องแก้ไขโดยเร่งด่วน`, develop: '-', maintain: '-' };
  return { tool, indicator, urgent: '-', develop: `ต่ำกว่าเกณฑ์ผ่าน (${PASS_MARK}) ${gap} คะแนน ควรพัฒนาให้ดีขึ้น`, maintain: '-' };
}

export function buildAnalysisView(input: AnalysisInput): AnalysisView {
  const { result, checklist } = input;
  if (result.checklist.id !== checklist.id) throw new Error(`analysis: result was judged with ${result.checklist.id}, checklist ${checklist.id} given`);
  const iit = surveyIndicators(checklist, 'IIT', input.iit);
  const eit = surveyIndicators(checklist, 'EIT', input.eit);
  const statuses = new Map<string, ItemStatus>(result.items.map((i) => [i.code, i.status]));
  const oitScore = scoreOit(checklist, statuses);
  const ita = scoreIta(
    iit.map((i) => i.score),
    eit.map((i) => i.score),
    oitScore.oit,
  );
  const year = result.checklist.year;
  const period = nextFiscalYearPeriod(year);
  const judge = (s: number) => (round2(s) >= PASS_MARK ? PASS_TEXT : FAIL_TEXT);

  const indicatorRows: Omit<AnalysisIndicatorRow, 'no'>[] = [
    ...iit.map((i) => ({ tool: 'IIT', title: i.title, score: i.score })),
    ...eit.map((i) => ({ tool: 'EIT', title: i.title, score: i.score })),
    ...oitScore.indicators.map((i) => ({ tool: 'OIT', title: i.title, score: i.score })),
  ].map((r) => ({ tool: r.tool, title: r.title, scoreText: fmt2(r.score), resultText: judge(r.score), cls: round2(r.score) >= PASS_MARK ? 'ok' : 'bad' }));

  const defs = new Map(checklist.items.map((i) => [i.code, i]));
  const order = checklistOrder(checklist);
  const losing = result.items.filter((i) => LOSING.has(i.status)).sort((a, b) => order(a.code) - order(b.code));
  const weaknesses = losing.map((i) => ({
    code: i.code,
    title: i.title,
    requirement: defs.get(i.code)?.requirement ?? '',
    reasons: i.reasons.map(oneLine),
  }));

  const oitRows: AnalysisToolRow[] = [
    {
      tool: 'OIT',
      indicator: `คะแนนตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ${fmt2(oitScore.oit)} คะแนน`,
      urgent: '-',
      develop: round2(oitScore.oit) >= PASS_MARK ? '-' : `ต่ำกว่าเกณฑ์ผ่าน (${PASS_MARK}) ${fmt2(PASS_MARK - oitScore.oit)} คะแนน`,
      maintain: round2(oitScore.oit) >= PASS_MARK ? MAINTAIN : '-',
    },
    ...weaknesses.map((w) => ({ tool: 'OIT', indicator: `ข้อ ${w.code} ${w.title}`, urgent: w.requirement || '-', develop: '-', maintain: '-' })),
  ];

  const measures: AnalysisMeasure[] = losing.map((i, n) => ({
    no: n + 1,
    measure: `จัดทำและเผยแพร่ข้อมูล ${i.code} ${i.title} บนเว็บไซต์หลักของหน่วยงาน`,
    method: defs.get(i.code)?.advice ?? '-',
    owner: OWNER_BLANK,
    period,
    followUp: `ผู้รับผิดชอบรายงานผลการเผยแพร่ข้อมูล ${i.code} ให้ผู้บริหารทราบ และตรวจสอบว่าเปิดได้จากเว็บไซต์หลักของหน่วยงานก่อนตอบแบบ OIT ในระบบ ITAS`,
  }));

  let host = result.site;
  try {
    host = new URL(result.site).host;
  } catch {
    /* keep the raw site */
  }
  const date = input.date ?? result.scan.finishedAt ?? result.scan.startedAt;
  const conf = result.checklist.confidence;
  return {
    title: `รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ${year}`,
    year,
    nextYear: year + 1,
    agency: input.agency?.trim() || host,
    site: result.site,
    dateText: formatDateLong(date, 'th'),
    ita: { scoreText: fmt2(ita.ita), grade: ita.grade, passText: ita.pass ? PASS_TEXT : FAIL_TEXT, passes: ita.pass },
    tools: { iit: fmt2(ita.iit), eit: fmt2(ita.eit), oit: fmt2(ita.oit) },
    indicators: indicatorRows.map((r, i) => ({ no: i + 1, ...r })),
    gradeBands: BANDS.map(([range, grade]) => ({ range, grade })),
    toolRows: [...iit.map((i) => surveyRow('IIT', i)), ...eit.map((i) => surveyRow('EIT', i)), ...oitRows],
    weaknesses,
    measures,
    period,
    ...(conf !== 'confirmed'
      ? { provisional: `ร่างนี้ใช้ checklist ${year} ที่${conf === 'provisional' ? 'ยังเป็นฉบับชั่วคราว (provisional)' : 'ยังไม่ยืนยัน (probable)'} โปรดตรวจกับประกาศของ ป.ป.ช.` }
      : {}),
    generatedBy: `ร่างโดย ${result.tool.name} ${result.tool.version} — โปรดตรวจทานและแก้ไขก่อนเผยแพร่`,
  };
}
