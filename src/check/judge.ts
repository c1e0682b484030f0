/**
 * The judgement: for every item of the year's checklist, from stored snapshots only, decide whether the
 * site publishes it. Candidates come from the ITA index page, menus and links, and documents' own
 * titles (candidates.ts); each is verified by composing the matchers (verify.ts); the item takes the
 * best verdict. A pass needs positive evidence on the agency's own site; anything uncertain is
 * needs-review with a Thai reason; human overrides are applied last.
 */
import type { ChecklistItem } from '../checklist/schema.js';
import type { Evidence, ItemOverride, ItemResult, ItemStatus } from '../store/types.js';
import { discoverCandidates, type Candidate } from './candidates.js';
import { unvisitedMayHold } from './limited-crawl.js';
import { applyOverrides } from './overrides.js';
import { buildSite, type Site } from './site.js';
import type { Judge, JudgeInput } from './types.js';
import { mergeElements, verifyCandidate, type CandidateVerdict, type VerifyEnv } from './verify.js';

const SOURCE_RANK: Record<Candidate['source'], number> = { index: 0.06, link: 0.03, self: 0 };

function dedupe<T>(xs: T[], key: (x: T) => string = String): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The same problem found through two routes (index row and menu link) is said once. */
function dedupeReasons(reasons: string[]): string[] {
  return dedupe(reasons, (r) => r.replace(/^"[^"]*":\s*/, ''));
}

const fyLabel = (y: number) => `พ.ศ. ${y}`;

function expectedYears(item: ChecklistItem, y: number): string {
  switch (item.period) {
    case 'previous-fy':
      return `ปีงบประมาณ ${fyLabel(y - 1)}`;
    case 'current-or-previous-fy':
      return `ปีงบประมาณ ${fyLabel(y)} หรือ ${y - 1}`;
    case 'first-half-fy':
      return `ช่วง ต.ค. ${y - 1} – มี.ค. ${y} ของปีงบประมาณ ${fyLabel(y)}`;
    default:
      return `ปีงบประมาณ ${fyLabel(y)}`;
  }
}

export function judgeItem(env: VerifyEnv, item: ChecklistItem, candidates: Candidate[]): ItemResult {
  return itemResult(env, item, candidates.map((c) => verifyCandidate(env, item, c)));
}

/** The item's verdict from its candidates' verdicts: the best pass, else reviews, parts, fails, or nothing found. */
export function itemResult(env: VerifyEnv, item: ChecklistItem, all: CandidateVerdict[]): ItemResult {
  // A loosely labelled link that failed says nothing about the item: it was only a case for a person.
  const verdicts = all.filter((v) => !(v.candidate.looseLabel && v.status === 'fail'));
  const base = { code: item.code, title: item.title, subIndicator: item.subIndicator };
  const rank = (v: CandidateVerdict) => v.confidence + SOURCE_RANK[v.candidate.source];
  const passes = verdicts.filter((v) => v.status === 'pass').sort((a, b) => rank(b) - rank(a));
  if (passes.length > 0) {
    const best = passes[0]!;
    const evidence = dedupe(
      passes.flatMap((v) => v.evidence),
      (e) => e.url,
    ).slice(0, 6);
    // URLs to submit: own-site evidence first, best verdict first.
    const urls = dedupe([...best.evidence.map((e) => e.url), ...evidence.map((e) => e.url)])
      .filter((u) => /^https?:/i.test(u))
      .sort((a, b) => Number(env.site.isOwn(b)) - Number(env.site.isOwn(a)))
      .slice(0, 5);
    if (!urls.some((u) => env.site.isOwn(u))) {
      return { ...base, status: 'needs-review', score: 0, urls, evidence, reasons: ['พบหลักฐานเฉพาะนอกเว็บไซต์หน่วยงาน ต้องให้เจ้าหน้าที่ตรวจ'], confidence: 0.5 };
    }
    return { ...base, status: 'pass', score: 100, urls, evidence, reasons: dedupe(best.reasons), confidence: round(Math.min(1, best.confidence)) };
  }

  const reviews = verdicts.filter((v) => v.status === 'needs-review').sort((a, b) => rank(b) - rank(a));
  const fails = verdicts.filter((v) => v.status === 'fail').sort((a, b) => rank(b) - rank(a));
  const evidenceOf = (vs: CandidateVerdict[]) => dedupe(vs.flatMap((v) => v.evidence), (e: Evidence) => e.url).slice(0, 5);
  const urlsOf = (ev: Evidence[]) => ev.map((e) => e.url).filter((u) => /^https?:/i.test(u));
  if (reviews.length > 0) {
    const evidence = evidenceOf(reviews);
    const reasons = dedupeReasons([...reviews.flatMap((v) => v.reasons), ...fails.slice(0, 2).flatMap((v) => v.reasons)]).slice(0, 6);
    return { ...base, status: 'needs-review', score: 0, urls: urlsOf(evidence), evidence, reasons, confidence: 0.5 };
  }
  const parts = partsTogether(fails);
  if (parts) {
    const evidence = evidenceOf(parts);
    const reason = `${item.title}ครบเมื่อรวม ${parts.length} ลิงก์ในแถวเดียวกัน แต่แต่ละลิงก์มีเพียงบางส่วน ระบบ ITAS รับ URL เดียวต่อข้อ: ควรรวมไว้ในหน้าเดียว แล้วให้เจ้าหน้าที่ตรวจ`;
    return { ...base, status: 'needs-review', score: 0, urls: urlsOf(evidence), evidence, reasons: [reason, ...dedupeReasons(parts.flatMap((v) => v.reasons)).slice(0, 4)], confidence: 0.5 };
  }
  if (fails.length > 0) {
    // Strongly identified candidates explain the failure best; weak look-alike hits are noise.
    const strong = fails.filter((v) => v.candidate.ident >= 0.7 || v.candidate.source === 'index');
    const shown = strong.length ? strong : fails;
    const allWrongYear = shown.every((v) => (v.wrongYears?.length ?? 0) > 0);
    const years = [...new Set(shown.map((v) => v.wrongYears?.[0] ?? 0))].filter((y) => y > 2400).sort();
    const reasons: string[] = [];
    if (allWrongYear && years.length > 0 && item.period !== 'none') {
      reasons.push(`พบเฉพาะเอกสารของปีงบประมาณ ${years.map(fyLabel).join(', ')} ต้องเป็น${expectedYears(item, env.year)}`);
    }
    reasons.push(...shown.flatMap((v) => v.reasons));
    const evidence = evidenceOf(shown);
    return {
      ...base,
      status: 'fail',
      score: 0,
      urls: urlsOf(evidence),
      evidence,
      reasons: dedupeReasons(reasons).slice(0, 6),
      confidence: round(Math.max(...shown.map((v) => v.confidence), 0.6)),
    };
  }
  return {
    ...base,
    status: 'fail',
    score: 0,
    urls: [],
    evidence: [],
    reasons: [`ไม่พบ${item.title}บนเว็บไซต์`, item.advice].filter(Boolean),
    confidence: 0.7,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Links of one index row that each fail only for missing content but together hold all of it (the chart
 * behind one link, the duties behind the next): the item is there in parts, which a grader opening one URL
 * may not accept — a person decides, it is not "missing".
 */
function partsTogether(fails: CandidateVerdict[]): CandidateVerdict[] | undefined {
  const byRow = new Map<string, CandidateVerdict[]>();
  for (const v of fails) {
    if (v.candidate.source !== 'index' || !v.candidate.row || !v.elements) continue;
    const k = v.candidate.row.text;
    byRow.set(k, [...(byRow.get(k) ?? []), v]);
  }
  for (const group of byRow.values()) {
    const urls = new Set(group.map((v) => v.candidate.url));
    if (urls.size < 2) continue;
    const seen = mergeElements(group.map((v) => v.elements));
    if (seen && seen.missing.length === 0 && seen.found.length > 0) return group;
  }
  return undefined;
}

export function judgeWithSite(input: JudgeInput, site: Site): ItemResult[] {
  const { checklist } = input;
  const env: VerifyEnv = { site, checklist, year: checklist.year };
  let candidates: Map<string, Candidate[]>;
  try {
    candidates = discoverCandidates(site, checklist);
  } catch (e) {
    const msg = (e as Error).message;
    return applyOverrides(
      checklist.items.map((item) => errorResult(item, `ค้นหาหลักฐานไม่สำเร็จ: ${msg}`)),
      input.overrides,
    );
  }
  const results = checklist.items.map((item) => {
    try {
      return judgeItem(env, item, candidates.get(item.code) ?? []);
    } catch (e) {
      return errorResult(item, `ตรวจรายการนี้ไม่สำเร็จ: ${(e as Error).message}`);
    }
  });
  return applyOverrides(unvisitedMayHold(results, input.limits), input.overrides);
}

export function errorResult(item: ChecklistItem, reason: string): ItemResult {
  return { code: item.code, title: item.title, subIndicator: item.subIndicator, status: 'error' as ItemStatus, score: 0, urls: [], evidence: [], reasons: [reason], confidence: 0 };
}

export const judge: Judge = (input) => judgeWithSite(input, buildSite(input.startUrl, input.pages, input.links));

export type { ItemOverride };
