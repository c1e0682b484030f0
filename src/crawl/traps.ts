/**
 * Crawler traps: URL spaces that never end. Checked before a URL enters the frontier; a trapped URL
 * is recorded as 'skipped' with the reason.
 *  - calendars: a date/month/year in the path or query with a calendar-ish word, bounded per shape,
 *    and years far from today;
 *  - query strings that keep growing (very long, many parameters, a parameter repeated);
 *  - repeated path segments (/a/b/a/b/a/b, or one segment many times);
 *  - the same path with too many query variants that differ only in numbers (?page=1…∞, ?id=…);
 *    opaque values (base64 `_mod=` CMS URLs) are distinct pages and are not limited;
 *  - a query that grows link after link (faceted search adding one more filter per click): a URL
 *    on its referrer's path whose parameters include all of the referrer's and whose query is
 *    longer is one growth step; growth chains and the growth URLs per path are bounded.
 */

export interface TrapLimits {
  /** Distinct URLs allowed per calendar-like shape. */
  calendarVariants: number;
  /** Distinct query strings allowed per path and numeric shape of the query. */
  queryVariants: number;
  maxQueryLength: number;
  maxQueryParams: number;
  maxUrlLength: number;
  /** Steps of query growth (see above) allowed in a chain, and growth URLs allowed per path. */
  maxQueryGrowth?: number;
  growthVariants?: number;
}

export const DEFAULT_TRAP_LIMITS: TrapLimits = { calendarVariants: 24, queryVariants: 500, maxQueryLength: 400, maxQueryParams: 16, maxUrlLength: 2000, maxQueryGrowth: 6, growthVariants: 30 };

const CALENDAR_WORD = /calendar|calender|\bcal\b|ปฏิทิน|(^|[?&/_-])(date|day|month|year|yy|mm|dd|ym|ymd)=/i;
const DATE_PART = /(?:^|[^\d])((?:19|20|25)\d{2})(?:[-/_.]?(0?[1-9]|1[0-2]))?(?![\d])/;

export class TrapDetector {
  private readonly shapes = new Map<string, number>();
  private readonly variants = new Map<string, number>();
  /** Growth generation of URLs reached by query growth (absent = 0). */
  private readonly growth = new Map<string, number>();
  private readonly growthPerPath = new Map<string, number>();

  constructor(
    private readonly limits: TrapLimits = DEFAULT_TRAP_LIMITS,
    private readonly now: Date = new Date(),
  ) {}

  /** Reason when `url` looks like a trap; counts it otherwise (call once per new URL). */
  check(url: string, referrer?: string): string | undefined {
    if (url.length > this.limits.maxUrlLength) return 'trap: URL too long';
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return 'trap: bad URL';
    }
    const segments = u.pathname.split('/').filter(Boolean);
    const rep = repeatedSegments(segments);
    if (rep) return `trap: repeated path segments (${rep})`;

    const query = u.search.slice(1);
    if (query.length > this.limits.maxQueryLength) return 'trap: query string keeps growing';
    const keys = [...u.searchParams.keys()];
    if (keys.length > this.limits.maxQueryParams) return 'trap: too many query parameters';
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    if ([...counts.values()].some((n) => n > 3)) return 'trap: repeated query parameter';

    const target = decodeSafe(u.pathname) + (query ? `?${decodeSafe(query)}` : '');
    if (CALENDAR_WORD.test(target) && DATE_PART.test(target)) {
      const year = Number(DATE_PART.exec(target)?.[1]);
      const ce = year > 2400 ? year - 543 : year;
      const thisYear = this.now.getFullYear();
      if (ce < thisYear - 20 || ce > thisYear + 2) return `trap: calendar date out of range (${year})`;
      const shape = `${u.host}${u.pathname.replace(/\d+/g, '#')}?${[...new Set(keys)].sort().join('&')}`;
      const n = (this.shapes.get(shape) ?? 0) + 1;
      if (n > this.limits.calendarVariants) return 'trap: calendar pages keep advancing';
      this.shapes.set(shape, n);
    }
    if (query && referrer) {
      const gen = this.growthStep(u, referrer);
      if (gen > 0) {
        if (gen > (this.limits.maxQueryGrowth ?? DEFAULT_TRAP_LIMITS.maxQueryGrowth!)) return 'trap: query string keeps growing';
        // Only real growth (a query extended again) counts against the path: the first query on a
        // query-less page is what every pager (?page=40) and article list (news.php?id=123) looks like.
        if (gen > 1) {
          const pathKey = `${u.host}${u.pathname}`;
          const n = (this.growthPerPath.get(pathKey) ?? 0) + 1;
          if (n > (this.limits.growthVariants ?? DEFAULT_TRAP_LIMITS.growthVariants!)) return 'trap: query string keeps growing';
          this.growthPerPath.set(pathKey, n);
        }
        this.growth.set(url, gen);
      }
    }
    if (query) {
      const key = `${u.host}${u.pathname}?${query.replace(/\d+/g, '#')}`;
      const n = (this.variants.get(key) ?? 0) + 1;
      if (n > this.limits.queryVariants) return `trap: more than ${this.limits.queryVariants} numbered query variants of one path`;
      this.variants.set(key, n);
    }
    return undefined;
  }

  /** 0 when `u` does not grow `referrer`'s query, else the referrer's growth generation + 1. */
  private growthStep(u: URL, referrer: string): number {
    let r: URL;
    try {
      r = new URL(referrer);
    } catch {
      return 0;
    }
    if (r.host !== u.host || r.pathname !== u.pathname || u.search.length <= r.search.length) return 0;
    for (const [k, v] of r.searchParams) if (!u.searchParams.getAll(k).includes(v)) return 0;
    return (this.growth.get(referrer) ?? 0) + 1;
  }
}

/** A run of 1–3 segments repeated 3+ times in a row, or one segment 4+ times anywhere. */
export function repeatedSegments(segments: string[]): string | undefined {
  for (let len = 1; len <= 3; len++) {
    for (let i = 0; i + len * 3 <= segments.length; i++) {
      const unit = segments.slice(i, i + len).join('/');
      let k = 1;
      while (segments.slice(i + k * len, i + (k + 1) * len).join('/') === unit) k++;
      if (k >= 3) return unit;
    }
  }
  const freq = new Map<string, number>();
  for (const s of segments) freq.set(s, (freq.get(s) ?? 0) + 1);
  for (const [s, n] of freq) if (n >= 4) return s;
  return undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
