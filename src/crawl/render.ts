import type { Browser, BrowserContext } from 'playwright';
import { hostResolverRule, type AddressGuard } from './address-guard.js';
import { CHROMIUM_ARGS } from './chromium.js';

/**
 * Renders client-side pages with one headless Chromium and a bounded number of open pages. The
 * browser starts on first use; images, fonts and media are not loaded; every request a page makes
 * passes the address guard. close() always tears everything down.
 */

export interface Rendered {
  html: string;
  finalUrl: string;
  status?: number;
}

export interface RendererOptions {
  executablePath: string;
  concurrency: number;
  userAgent: string;
  timeoutMs: number;
  guard: AddressGuard;
}

const BLOCKED_TYPES = new Set(['image', 'font', 'media']);

export class Renderer {
  private browser: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly opts: RendererOptions) {}

  private start(firstUrl: string): Promise<{ browser: Browser; context: BrowserContext }> {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright');
      // The site's own host goes to the address the guard checked: the browser does not resolve it again
      // (other hosts a page loads from are still checked per request below).
      const host = new URL(firstUrl).hostname;
      const ip = await this.opts.guard.pinnedAddress?.(host);
      const args = ip ? [...CHROMIUM_ARGS, `--host-resolver-rules=${hostResolverRule(host, ip)}`] : CHROMIUM_ARGS;
      const browser = await chromium.launch({ executablePath: this.opts.executablePath, args, headless: true });
      try {
        // No downloads: a page that starts one gets it cancelled (nothing is written to disk).
        // Dialogs (alert/confirm/prompt) need no handler: Playwright dismisses them when none is set.
        const context = await browser.newContext({ userAgent: this.opts.userAgent, serviceWorkers: 'block', locale: 'th-TH', acceptDownloads: false });
        await context.route('**/*', async (route) => {
          const req = route.request();
          if (BLOCKED_TYPES.has(req.resourceType())) return route.abort();
          try {
            if (/^https?:/i.test(req.url())) await this.opts.guard.check(req.url());
          } catch {
            return route.abort('blockedbyclient');
          }
          return route.continue();
        });
        return { browser, context };
      } catch (e) {
        await browser.close().catch(() => undefined);
        throw e;
      }
    })();
    return this.browser;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.opts.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /**
   * One page, bounded in total time: a script that loops forever blocks the page's renderer, and then
   * every call into it (reading the DOM, even closing it) can wait forever, so the whole render races
   * a deadline and the close is waited for only briefly.
   */
  async render(url: string): Promise<Rendered> {
    const { context } = await this.start(url);
    await this.acquire();
    const page = await context.newPage().catch((e: unknown) => {
      this.release();
      throw e;
    });
    const budgetMs = 2 * this.opts.timeoutMs + 1000;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`render timeout: no result within ${budgetMs} ms (page script busy?)`)), budgetMs);
    });
    const work = (async () => {
      const res = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.opts.timeoutMs });
      await page.waitForLoadState('networkidle', { timeout: Math.min(5000, this.opts.timeoutMs) }).catch(() => undefined);
      return { html: await page.content(), finalUrl: page.url(), status: res?.status() };
    })();
    work.catch(() => undefined);
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([
        page.close({ runBeforeUnload: false }).catch(() => undefined),
        new Promise((resolve) => (wait = setTimeout(resolve, 5000))),
      ]);
      clearTimeout(wait);
      this.release();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (!b) return;
    const started = await b.catch(() => undefined);
    await started?.context.close().catch(() => undefined);
    await started?.browser.close().catch(() => undefined);
  }
}

export interface RenderService {
  /** Undefined when there is no browser: the crawl stays HTTP-only. */
  render?: (url: string) => Promise<Rendered>;
  close(): Promise<void>;
}

/**
 * Looks for Chromium once (when rendering is wanted) and wraps the renderer so a browser that cannot
 * start is reported once. No browser → one warning, and pages that need JavaScript stay unrendered.
 */
export async function createRenderService(
  opts: Omit<RendererOptions, 'executablePath'> & { mode: 'auto' | 'always' | 'never'; chromiumPath?: string },
  find: () => Promise<string | undefined>,
  warn: (message: string) => void,
): Promise<RenderService> {
  if (opts.mode === 'never') return { close: async () => undefined };
  const executablePath = await find();
  if (!executablePath) {
    warn('ไม่พบ Chromium — สแกนแบบ HTTP อย่างเดียว หน้าที่ต้องใช้ JavaScript จะถูกทำเครื่องหมายไว้ / no Chromium found: crawling HTTP-only; pages that need JavaScript are marked needsJs');
    return { close: async () => undefined };
  }
  const renderer = new Renderer({ ...opts, executablePath });
  let broken = false;
  return {
    async render(url) {
      try {
        return await renderer.render(url);
      } catch (e) {
        if (!broken && /launch|executable|browser has been closed/i.test((e as Error).message)) {
          broken = true;
          warn(`เปิด Chromium ไม่ได้ / cannot start Chromium: ${(e as Error).message.split('\n')[0]}`);
        }
        throw e;
      }
    },
    close: () => renderer.close(),
  };
}
