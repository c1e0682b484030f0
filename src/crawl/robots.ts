import robotsParserModule from 'robots-parser';

interface RobotRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// The package is CommonJS (module.exports = function); its typings declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, body: string) => RobotRules;

/** robots.txt rules of one origin. Missing or broken robots.txt allows everything. */
export interface Robots {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our user agent (or *), in ms. */
  crawlDelayMs?: number;
  sitemaps: string[];
}

export const ALLOW_ALL: Robots = { isAllowed: () => true, sitemaps: [] };

export function parseRobots(robotsUrl: string, body: string, userAgent: string): Robots {
  const r = robotsParser(robotsUrl, body);
  const delay = r.getCrawlDelay(userAgent);
  return {
    // undefined = the URL is for another origin; the caller asks the right origin's rules.
    isAllowed: (url) => r.isAllowed(url, userAgent) !== false,
    crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.round(delay * 1000) : undefined,
    sitemaps: r.getSitemaps(),
  };
}

export type TextFetcher = (url: string) => Promise<{ status: number; body: string } | undefined>;

/**
 * Per-origin robots.txt cache. 4xx (no robots.txt) allows all; 5xx and network errors also allow
 * all (and say so through onWarning), since refusing the whole site would make the scan useless.
 */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Robots>>();

  constructor(
    private readonly fetchText: TextFetcher,
    private readonly userAgent: string,
    private readonly onWarning: (message: string) => void = () => undefined,
  ) {}

  forUrl(url: string): Promise<Robots> {
    const origin = new URL(url).origin;
    let p = this.byOrigin.get(origin);
    if (!p) {
      p = this.load(origin);
      this.byOrigin.set(origin, p);
    }
    return p;
  }

  private async load(origin: string): Promise<Robots> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const res = await this.fetchText(robotsUrl);
      if (!res) return ALLOW_ALL;
      if (res.status >= 200 && res.status < 300) return parseRobots(robotsUrl, res.body, this.userAgent);
      if (res.status >= 500) this.onWarning(`robots.txt ตอบ ${res.status} — ถือว่าอนุญาตทั้งหมด / robots.txt returned ${res.status}; treating as allow-all`);
      return ALLOW_ALL;
    } catch (e) {
      this.onWarning(`อ่าน robots.txt ไม่ได้ / cannot read ${robotsUrl}: ${(e as Error).message}`);
      return ALLOW_ALL;
    }
  }
}
