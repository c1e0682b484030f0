import type { Checklist } from '../checklist/schema.js';
import type { ItemResult, PageSnapshot } from '../store/types.js';

/**
 * "Could oit read the site at all?" A site whose start page never opened says nothing about its
 * items: judging it would invent 26 or 43 verdicts of "not found". So the check stage asks this first
 * and, when the start page did not open, every item is `error` with the one cause and the OIT score is
 * null ("not scored"). Pure: it looks only at the stored start-page snapshot (or its absence).
 */

export type UnreachableCause = 'dns' | 'refused' | 'tls' | 'timeout' | 'http-5xx' | 'http-4xx' | 'robots' | 'blocked' | 'redirect' | 'network' | 'not-fetched';

/** Part of the public result (`unreachable` in oit-scan-result/1): fields may be added, never renamed. */
export interface Unreachable {
  /** The start URL that did not open. */
  url: string;
  cause: UnreachableCause;
  /** HTTP status of the last try (0: no response). */
  status: number;
  /** The fetch error as recorded ("dns: ENOTFOUND", "HTTP 503", "timeout" …). */
  detail: string;
  /** One line each, naming the URL and the cause. */
  th: string;
  en: string;
}

const CAUSE_TEXT: Record<UnreachableCause, { th: string; en: string }> = {
  dns: { th: 'ไม่พบชื่อโดเมนนี้ (DNS)', en: 'the host name does not resolve (DNS)' },
  refused: { th: 'เครื่องปลายทางปฏิเสธการเชื่อมต่อ', en: 'the connection was refused' },
  tls: { th: 'เชื่อมต่อแบบ HTTPS ไม่สำเร็จ (ใบรับรองหรือ TLS ผิดพลาด)', en: 'the HTTPS (TLS) connection failed' },
  timeout: { th: 'เว็บไซต์ไม่ตอบภายในเวลาที่กำหนด', en: 'the site did not answer in time' },
  'http-5xx': { th: 'เซิร์ฟเวอร์ตอบข้อผิดพลาดทุกครั้งที่ลอง', en: 'the server answered with an error on every try' },
  'http-4xx': { th: 'เซิร์ฟเวอร์ปฏิเสธหรือไม่พบหน้าแรก', en: 'the server refused or did not find the start page' },
  robots: { th: 'robots.txt ของเว็บไซต์ไม่อนุญาตให้อ่านหน้าแรก', en: 'the site\'s robots.txt disallows the start page' },
  blocked: { th: 'ที่อยู่นี้ถูกกันไว้ (ที่อยู่ภายใน)', en: 'the address is blocked (private address)' },
  redirect: { th: 'หน้าแรกส่งต่อไปที่อื่นที่อ่านไม่ได้', en: 'the start page redirects somewhere that cannot be read' },
  network: { th: 'การเชื่อมต่อเครือข่ายล้มเหลว', en: 'the network connection failed' },
  'not-fetched': { th: 'หน้าแรกไม่ได้ถูกอ่าน', en: 'the start page was not fetched' },
};

function causeOf(status: number, error: string): UnreachableCause {
  if (status >= 500) return 'http-5xx';
  if (status >= 400) return 'http-4xx';
  if (status >= 300) return 'redirect';
  if (/^dns:|ENOTFOUND|EAI_AGAIN|no address/i.test(error)) return 'dns';
  if (/ECONNREFUSED/.test(error)) return 'refused';
  if (/^tls:|CERT|SSL|TLS|EPROTO/i.test(error)) return 'tls';
  if (/timeout|TIMEDOUT/i.test(error)) return 'timeout';
  if (/^blocked/.test(error)) return 'blocked';
  return 'network';
}

function describe(url: string, cause: UnreachableCause, status: number, detail: string): Unreachable {
  const text = CAUSE_TEXT[cause];
  const tail = detail ? ` (${detail})` : '';
  return {
    url,
    cause,
    status,
    detail,
    th: `อ่านเว็บไซต์ ${url} ไม่ได้: ${text.th}${tail} จึงไม่ได้ตรวจข้อใดและไม่มีคะแนน`,
    en: `cannot read ${url}: ${text.en}${tail}; no item was checked and there is no score`,
  };
}

/**
 * The scan read nothing at all: the start page did not open (startPageProblem) and no other page of
 * the scan opened either (sitemap seeds can still give pages when only the home page is broken; then
 * the items are judged from what was read, as before).
 */
export function siteProblem(url: string, pages: readonly Pick<PageSnapshot, 'url' | 'status' | 'error'>[], frontierState?: string): Unreachable | undefined {
  const problem = startPageProblem(url, pages.find((p) => p.url === url), frontierState);
  if (!problem) return undefined;
  return pages.some((p) => p.url !== url && p.status >= 200 && p.status < 300 && !p.error) ? undefined : problem;
}

/**
 * Why the start page did not open, or undefined when it did. `startPage` is the stored snapshot of the
 * start URL; `frontierState` its frontier row's state when the snapshot is missing ("skipped" there can
 * only be robots.txt: the start URL bypasses scope and trap checks).
 */
export function startPageProblem(url: string, startPage: Pick<PageSnapshot, 'url' | 'status' | 'error'> | undefined, frontierState?: string): Unreachable | undefined {
  if (!startPage) {
    return frontierState === 'skipped' ? describe(url, 'robots', 0, 'robots.txt') : describe(url, 'not-fetched', 0, '');
  }
  const ok = startPage.status >= 200 && startPage.status < 300;
  // A page that opened but whose body was too large or oddly encoded still shows the site is up.
  if (ok && !/^(redirect|blocked|dns|tls|network|timeout)/.test(startPage.error ?? '')) return undefined;
  const detail = startPage.error ?? (startPage.status ? `HTTP ${startPage.status}` : '');
  const cause = ok ? causeOf(0, detail) : causeOf(startPage.status, detail);
  return describe(url, cause, startPage.status, detail);
}

/** Every item `error` with the one cause: nothing was looked at, so nothing is claimed missing. */
export function unreachableItems(checklist: Checklist, u: Unreachable): ItemResult[] {
  return checklist.items.map((item) => ({
    code: item.code,
    title: item.title,
    subIndicator: item.subIndicator,
    status: 'error',
    score: 0,
    urls: [],
    evidence: [],
    reasons: [u.th],
    confidence: 1,
  }));
}
