import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStartUrl, scanSite } from '../../src/api/scan-site.js';
import { unreachableOf } from '../../src/check/scan-result.js';
import { resolveConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/**
 * Issue 16: a site oit cannot read is not a result of zero. One loopback stand-in per cause; every
 * result must be all `error` with the cause, OIT null, and a report that says the site was not read.
 */
const dir = mkdtempSync(join(tmpdir(), 'oit-unreachable-'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(new URL('../../schemas/oit-scan-result-1.schema.json', import.meta.url), 'utf8')),
);
const servers: Array<{ close(): Promise<void> }> = [];
let closedPort: number;
let plainHttp: FixtureSite; // answers HTTP; asked over https:// it is a TLS failure
let silent: Server; // accepts connections and never answers
let silentPort: number;
let broken: FixtureSite; // 503 on every try
let robots: FixtureSite; // robots.txt disallows everything

beforeAll(async () => {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closedPort = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  plainHttp = await startSite({ '/': '<html><body>หน้าแรก</body></html>' });
  broken = await startSite(() => ({ status: 503, body: 'ขออภัย ระบบขัดข้อง' }));
  robots = await startSite({
    '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /\n' },
    '/': '<html><body><a href="/ita">ITA</a> โครงสร้างและอำนาจหน้าที่</body></html>',
  });
  silent = createServer(() => undefined);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as AddressInfo).port;
  servers.push(plainHttp, broken, robots, { close: () => new Promise<void>((r) => { silent.closeAllConnections(); silent.close(() => r()); }) });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

const config = (name: string, extra: Record<string, unknown> = {}) =>
  resolveConfig({
    env: {},
    flags: { db: join(dir, `${name}.db`), out: join(dir, 'reports'), year: 2566, render: 'never', ocr: false, useSitemaps: false, obeyRobots: false, retries: 0, requestTimeoutMs: 3000, ...extra },
  });

async function expectUnreachable(url: string, cause: string, name: string, extra: Record<string, unknown> = {}) {
  const outcome = await scanSite({ url, config: config(name, extra) });
  const r = outcome.result;
  const down = unreachableOf(r);
  expect(down, `${name}: unreachable recorded`).toMatchObject({ url: parseStartUrl(url).href, cause });
  expect(down!.th).toContain(parseStartUrl(url).href);
  expect(r.oit.score).toBeNull();
  expect(r.indicators.every((i) => i.score === null)).toBe(true);
  expect(r.subIndicators.every((s) => s.score === null)).toBe(true);
  expect(r.items).toHaveLength(43);
  expect(new Set(r.items.map((i) => i.status))).toEqual(new Set(['error']));
  expect(r.items.every((i) => i.reasons.length === 1 && i.reasons[0] === down!.th)).toBe(true);
  const html = readFileSync(join(outcome.reportDir, 'report.html'), 'utf8');
  expect(html).toContain('id="unreachable"');
  expect(html).not.toContain('id="gaps"');
  expect(html).not.toContain('data-code="O1"');
  const json = JSON.parse(readFileSync(join(outcome.reportDir, 'report.json'), 'utf8')) as { oit: { score: unknown }; unreachable: { cause: string } };
  expect(json.oit.score).toBeNull();
  expect(json.unreachable.cause).toBe(cause);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect((json as { assessment?: { chosen: string } }).assessment?.chosen).toBe('year');
  return r;
}

describe('unreachable causes: every item error, OIT not scored', () => {
  it('DNS failure (a name under the reserved .invalid TLD)', async () => {
    await expectUnreachable('http://oit-test-site.invalid/', 'dns', 'dns');
  });
  it('connection refused (closed loopback port)', async () => {
    await expectUnreachable(`http://127.0.0.1:${closedPort}/`, 'refused', 'refused');
  });
  it('TLS error (plain HTTP server asked over https://)', async () => {
    await expectUnreachable(`https://127.0.0.1:${plainHttp.port}/`, 'tls', 'tls');
  });
  it('timeout (a server that never answers)', async () => {
    await expectUnreachable(`http://127.0.0.1:${silentPort}/`, 'timeout', 'timeout', { requestTimeoutMs: 400 });
  });
  it('5xx on every try (retries included)', async () => {
    const r = await expectUnreachable(broken.origin + '/', 'http-5xx', '5xx', { retries: 1 });
    expect(unreachableOf(r)!.status).toBe(503);
    expect(broken.hits.get('/')).toBe(2);
  });
  it('robots.txt disallowing everything', async () => {
    await expectUnreachable(robots.origin + '/', 'robots', 'robots', { obeyRobots: true });
    expect(robots.hits.get('/')).toBeUndefined();
  });
  it('a broken home page with other pages read (from the sitemap) is judged from what was read', async () => {
    const site = await startSite((path, req) => {
      if (path === '/') return { status: 500, body: 'ระบบขัดข้อง' };
      if (path === '/sitemap.xml') {
        const loc = `http://${req.headers.host}/contact`;
        return { headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${loc}</loc></url></urlset>` };
      }
      if (path === '/contact') return '<html><body><h1>ติดต่อเรา</h1><p>ที่อยู่ 1 หมู่ที่ 2 ตำบลบ้านใหม่ อำเภอเมือง จังหวัดขอนแก่น โทรศัพท์ 043-123-456 อีเมล info@banmai.go.th</p></body></html>';
      return undefined;
    });
    servers.push(site);
    const outcome = await scanSite({ url: site.origin + '/', config: config('partial', { useSitemaps: true }) });
    expect(site.hits.get('/contact')).toBe(1);
    expect(unreachableOf(outcome.result)).toBeUndefined();
    expect(outcome.result.oit.score).not.toBeNull();
    expect(outcome.result.items.some((i) => i.status === 'fail')).toBe(true);
  });

  it('a reachable site is judged as usual (control)', async () => {
    const outcome = await scanSite({ url: plainHttp.origin + '/', config: config('ok') });
    expect(unreachableOf(outcome.result)).toBeUndefined();
    expect(outcome.result.oit.score).toBe(0);
    expect(outcome.result.items.some((i) => i.status === 'fail')).toBe(true);
  });
});

describe('start URL input', () => {
  it('a bare word without a dot is bad input; a host name without a scheme still works', () => {
    expect(() => parseStartUrl('not-a-url')).toThrow(ConfigError);
    expect(parseStartUrl('www.example.go.th').href).toBe('https://www.example.go.th/');
    expect(parseStartUrl('localhost:8080').href).toBe('https://localhost:8080/');
    expect(parseStartUrl('http://intranet/').href).toBe('http://intranet/');
  });
});

describe('oit scan CLI', () => {
  it('closed port: one message naming the URL and the cause, exit 1, no invented verdicts', async () => {
    const json = join(dir, 'closed.json');
    const url = `http://127.0.0.1:${closedPort}/`;
    const r = await runCli(['scan', url, '--year', '2568', '--db', join(dir, 'cli.db'), '--out', join(dir, 'cli-reports'), '--json', json, '--render', 'never', '--no-ocr'], {
      cwd: dir,
      env: { OIT_RETRIES: '0' },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(url);
    expect(r.stderr).toMatch(/ปฏิเสธการเชื่อมต่อ/);
    expect(r.stderr).toMatch(/connection was refused/);
    expect(r.stdout).not.toMatch(/คะแนน OIT|ข้อที่ยังไม่ผ่าน|O1 /);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { oit: { score: unknown }; items: { status: string }[] };
    expect(result.oit.score).toBeNull();
    expect(result.items.every((i) => i.status === 'error')).toBe(true);
    // No ITA total can be computed from a site that was not read.
    const score = await runCli(['score', json, '--iit', '80,80,80,80,80', '--eit', '80,80,80'], { cwd: dir });
    expect(score.code).toBe(1);
    expect(score.stderr).toMatch(/ไม่มีคะแนน OIT/);
    expect(score.stdout).not.toMatch(/ITA \d/);
  });

  it('not-a-url: bad input, exit 1, nothing scanned', async () => {
    const r = await runCli(['scan', 'not-a-url', '--db', join(dir, 'bad.db'), '--out', join(dir, 'bad-reports')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not-a-url/);
    expect(r.stderr).toMatch(/ไม่ใช่ที่อยู่เว็บไซต์/);
    expect(existsSync(join(dir, 'bad-reports'))).toBe(false);
  });
});
