import { round2 } from '../check/score.js';
import type { Lang } from './labels.js';

/** Small pure formatters shared by the view models. Nothing here reads the clock or the environment. */

/** "97.32", "100.00"; "–" when there is no score. */
export function fmt2(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : round2(n).toFixed(2);
}

/** "+1.79", "-2.50", "0.00". */
export function fmtSigned(n: number): string {
  const r = round2(n);
  return (r > 0 ? '+' : '') + r.toFixed(2);
}

/** 0…100 clamped, 2 decimals: a bar width in a viewBox of width 100. */
export function pct(n: number | null | undefined): number {
  if (n === null || n === undefined || !Number.isFinite(n)) return 0;
  return round2(Math.min(100, Math.max(0, n)));
}

/** Date and time in Thailand, e.g. "25 พ.ย. 2568 14:05" (Buddhist era) or "25 Nov 2025, 14:05". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** Date only in Thailand, e.g. "25 พฤศจิกายน 2568". */
export function formatDateLong(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/**
 * The fiscal year after assessment year Y (BE), in Thai short form: FY Y+1 runs Oct Y … Sep Y+1,
 * so 2565 → "ต.ค.65 – ก.ย.66" (the period of the measures in the analysis report).
 */
export function nextFiscalYearPeriod(assessmentYear: number): string {
  const yy = (y: number) => String(((y % 100) + 100) % 100).padStart(2, '0');
  return `ต.ค.${yy(assessmentYear)} – ก.ย.${yy(assessmentYear + 1)}`;
}

/** A link as the templates show it: the text always, an href only when it is safe to click. */
export interface LinkView {
  text: string;
  href?: string;
}

/**
 * Only http(s) URLs become hrefs. Everything else (javascript:, data:, vbscript:, relative junk) is shown
 * as text only. The href is the parsed, serialised URL, so it carries no raw quotes or spaces.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
}

/** Percent-encoded Thai made readable for display; the href keeps the encoded form. */
export function displayUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function linkView(url: string): LinkView {
  const href = safeHref(url);
  return href ? { text: displayUrl(url), href } : { text: url };
}

/** Item codes sort by number: O2 before O10. */
export function codeNumber(code: string): number {
  const m = /(\d+)/.exec(code);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/** Collapse whitespace (site text often has newlines and runs of &nbsp;). */
export function oneLine(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}
