import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { runCrawl, tempDir, thaiPage, type CrawlRun } from '../crawl/helpers/crawl-env.js';

/**
 * Error storms, rate limiting and servers that misbehave at the socket level. Each request has a
 * total time budget (requestTimeoutMs) covering connect, headers and the whole body.
 * (A 429 with Retry-After, a 404 and a slow endpoint are in test/crawl/crawl-hazards.test.ts.)
 */
const STORM = 60;
let site: FixtureSite;
let run: CrawlRun;
let elapsed = 0;
const times = new Map<string, number[]>();
const stamp = (path: string) => times.set(path, [...(times.get(path) ?? []), Date.now()]);

beforeAll(async () => {
  site = await startSite((path, req) => {
    stamp(path);
    const storm = /^\/storm\/(\d+)$/.exec(path);
    if (storm) {
      const i = Number(storm[1]);
      const status = [404, 410, 500, 502, 503, 504][i % 6]!;
      return { status, body: `<html><body>error ${status}</body></html>` };
    }
    switch (path) {
      case '/':
        return thaiPage('หน้าแรก', `${Array.from({ length: STORM }, (_x, i) => `<a href="/storm/${i}">${i}</a>`).join(' ')}
          <a href="/limited">429</a> <a href="/always-429">429!</a> <a href="/reset">reset</a> <a href="/reset-mid">reset mid</a>
          <a href="/silent">silent</a> <a href="/drip">drip</a> <a href="/ok">ok</a>`);
      case '/limited':
        return (times.get(path)?.length ?? 0) === 1 ? { status: 429, body: 'too many' } : thaiPage('ผ่านแล้ว', '<p>ตอบหลังรอ</p>');
      case '/always-429':
        return { status: 429, body: 'slow down' };
      case '/reset':
        return { handle: () => req.socket.destroy() };
      case '/reset-mid':
        return {
          handle: (_q, res) => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': '100000' });
            res.write('<html><body>' + 'ก'.repeat(1000));
            setTimeout(() => req.socket.destroy(), 50);
          },
        };
      case '/silent':
        return { handle: () => undefined }; // accepts, never answers
      case '/drip':
        return {
          handle: (_q, res) => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('.')), 100); // never idle for long, never done
            res.on('close', () => clearInterval(t));
          },
        };
      case '/ok':
        return thaiPage('ปกติ', '<p>หน้าปกติ</p>');
      default:
        return undefined;
    }
  });
  const t0 = Date.now();
  run = await runCrawl(`${site.origin}/`, { requestTimeoutMs: 1500, retries: 1, concurrency: 8, maxDepth: 1 });
  elapsed = Date.now() - t0;
}, 60_000);
afterAll(async () => {
  await run?.store.close();
  await site?.close();
});

describe('error storms and rate limits', () => {
  it('a storm of 404/410/5xx is recorded page by page; 4xx are not retried, 5xx once', () => {
    for (let i = 0; i < STORM; i++) {
      const status = [404, 410, 500, 502, 503, 504][i % 6]!;
      expect(run.page(`/storm/${i}`), `/storm/${i}`).toMatchObject({ status, error: `HTTP ${status}` });
      expect(site.hits.get(`/storm/${i}`)).toBe(status < 500 ? 1 : 2);
    }
    expect(run.page('/ok')).toMatchObject({ status: 200 });
    expect(run.stats.errors).toBeGreaterThanOrEqual(STORM);
  });

  it('429 without Retry-After backs off and retries; a 429 that never ends is recorded', () => {
    expect(run.page('/limited')).toMatchObject({ status: 200 });
    const [a, b] = times.get('/limited')!;
    expect(b! - a!).toBeGreaterThanOrEqual(240); // backoff: 500 ms · (50–100 %)
    expect(run.page('/always-429')).toMatchObject({ status: 429, error: 'HTTP 429' });
    expect(site.hits.get('/always-429')).toBe(2);
  });
});

describe('misbehaving servers', () => {
  it('a connection reset (before and in the middle of the body) is an error, retried once', () => {
    expect(run.page('/reset')).toMatchObject({ status: 0 });
    expect(run.page('/reset')!.error).toMatch(/^network:/);
    expect(site.hits.get('/reset')).toBe(2);
    expect(run.page('/reset-mid')!.error).toMatch(/^network:|timeout/);
  });

  it('a server that never answers and one that drips bytes forever both stop at the time budget', () => {
    expect(run.page('/silent')).toMatchObject({ status: 0, error: 'timeout' });
    expect(run.page('/drip')).toMatchObject({ status: 0, error: 'timeout' });
    const drip = times.get('/drip')!;
    expect(drip).toHaveLength(2);
    // Two attempts of ≤ 1.5 s plus one backoff (≤ 0.5 s): the drip never resets the clock.
    expect(elapsed).toBeLessThan(8000);
  });
});

describe('TLS errors', () => {
  const tmp = tempDir('oit-tls-');
  let tls: HttpsServer | undefined;
  let plain: FixtureSite;
  beforeAll(async () => {
    plain = await startSite({ '/': thaiPage('http', '<p>plain</p>') });
    const key = join(tmp.dir, 'key.pem');
    const cert = join(tmp.dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1', '-days', '1'], { stdio: 'ignore' });
    tls = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.end('<html><body>secret</body></html>'));
    await new Promise<void>((resolve) => tls!.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await plain?.close();
    tls?.closeAllConnections();
    await new Promise<void>((resolve) => (tls ? tls.close(() => resolve()) : resolve()));
    tmp.cleanup();
  });

  it('a self-signed certificate is refused, not retried, and the crawl finishes', async () => {
    const port = (tls!.address() as AddressInfo).port;
    const r = await runCrawl(`https://127.0.0.1:${port}/`, { requestTimeoutMs: 2000 });
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]).toMatchObject({ status: 0 });
    expect(r.pages[0]!.error).toMatch(/^tls: .*(SELF_SIGNED|CERT)/);
    await r.store.close();
  });

  it('an https URL on a plain-HTTP port is an error, and the crawl finishes', async () => {
    const r = await runCrawl(`https://127.0.0.1:${plain.port}/`, { requestTimeoutMs: 2000 });
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]).toMatchObject({ status: 0 });
    expect(r.pages[0]!.error).toMatch(/^(tls|network): /);
    await r.store.close();
  });
});
