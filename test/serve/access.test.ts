import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScanConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';
import { assertBindAllowed, hostAllowed, isLoopbackHost, parseCookies } from '../../src/serve/access.js';
import { localPath } from '../../src/serve/context.js';
import { csrfToken, refusePost } from '../../src/serve/csrf.js';
import { startDesk } from '../../src/serve/server.js';
import { tempDir } from '../crawl/helpers/crawl-env.js';
import { runCli } from '../helpers/run-cli.js';

/** Who may reach the desk and which requests may change anything: pure rules, then the real server on loopback. */
const secret = Buffer.alloc(32, 7);

describe('access rules (pure)', () => {
  it('knows loopback names and refuses a non-loopback bind without a token', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', 'desk.example.go.th', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
    expect(() => assertBindAllowed('0.0.0.0', undefined)).toThrow(ConfigError);
    expect(() => assertBindAllowed('0.0.0.0', undefined)).toThrow(/ไม่เปิด oit serve.*refusing to serve on 0\.0\.0\.0/s);
    expect(() => assertBindAllowed('0.0.0.0', 'short')).toThrow(/at least 12/);
    expect(() => assertBindAllowed('0.0.0.0', 'a-long-enough-token')).not.toThrow();
    expect(() => assertBindAllowed('127.0.0.1', undefined)).not.toThrow();
  });

  it('a loopback desk answers only loopback Host names (DNS rebinding of the desk itself)', () => {
    expect(hostAllowed('127.0.0.1:8080', true)).toBe(true);
    expect(hostAllowed('localhost:8080', true)).toBe(true);
    expect(hostAllowed('[::1]:8080', true)).toBe(true);
    expect(hostAllowed('evil.example:8080', true)).toBe(false);
    expect(hostAllowed(undefined, true)).toBe(false);
    expect(hostAllowed('desk.example.go.th', false)).toBe(true);
  });

  it('a state change needs POST, this origin and the session\'s form token', () => {
    const ok = { method: 'POST', host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080', referer: undefined, secFetchSite: 'same-origin', sessionId: 's1', token: csrfToken(secret, 's1') };
    expect(refusePost(ok, secret)).toBeUndefined();
    expect(refusePost({ ...ok, origin: undefined, referer: 'http://127.0.0.1:8080/scans/x' }, secret)).toBeUndefined();
    expect(refusePost({ ...ok, method: 'GET' }, secret)).toBe('method');
    expect(refusePost({ ...ok, origin: 'http://127.0.0.1:9999' }, secret)).toBe('origin');
    expect(refusePost({ ...ok, origin: 'null', referer: undefined }, secret)).toBe('origin');
    expect(refusePost({ ...ok, origin: undefined, referer: 'http://127.0.0.1:8080.evil.example/' }, secret)).toBe('origin');
    expect(refusePost({ ...ok, secFetchSite: 'same-site' }, secret)).toBe('cross-site');
    expect(refusePost({ ...ok, token: csrfToken(secret, 's2') }, secret)).toBe('token');
    expect(refusePost({ ...ok, token: csrfToken(Buffer.alloc(32, 8), 's1') }, secret)).toBe('token');
    expect(refusePost({ ...ok, sessionId: undefined }, secret)).toBe('token');
  });

  it('a return path after a form is a path of the desk, never another origin', () => {
    expect(localPath('/queue?item=O7', '/')).toBe('/queue?item=O7');
    for (const bad of ['//evil.example/', '/\\evil.example', 'http://evil.example/', 'javascript:alert(1)', '/x\r\nset-cookie: a=b', undefined]) expect(localPath(bad, '/'), String(bad)).toBe('/');
    expect(parseCookies('a=1; oit_desk=abc_-; b')).toEqual({ a: '1', oit_desk: 'abc_-' });
  });
});

describe('the server on loopback', () => {
  it('with a token: refuses requests without it, takes it once from the link and then from the cookie', async () => {
    const tmp = tempDir('oit-serve-token-');
    const desk = await startDesk({ config: ScanConfig.parse({ db: join(tmp.dir, 'oit.db'), out: join(tmp.dir, 'r') }), port: 0, token: 'correct-horse-battery' });
    try {
      expect((await fetch(desk.url)).status).toBe(401);
      expect((await fetch(`${desk.url}?token=wrong-wrong-wrong`, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(desk.url, { headers: { authorization: 'Bearer correct-horse-battery' } })).status).toBe(200);
      const first = await fetch(`${desk.url}queue?token=correct-horse-battery`, { redirect: 'manual' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe('/queue');
      const cookie = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const page = await fetch(`${desk.url}queue`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('ไม่มีข้อที่รอตรวจ');
      // Host names other than loopback are refused on a loopback desk.
      const status = (host: string) =>
        new Promise<number | undefined>((resolve, reject) => {
          const req = request(desk.url, { headers: { host, authorization: 'Bearer correct-horse-battery' } }, (res) => {
            res.resume();
            resolve(res.statusCode);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await status('evil.example')).toBe(421);
      expect(await status(new URL(desk.url).host)).toBe(200);
    } finally {
      await desk.close();
      tmp.cleanup();
    }
  });

  it('a port already in use is a clear error, not a crash', async () => {
    const tmp = tempDir('oit-serve-port-');
    const config = ScanConfig.parse({ db: join(tmp.dir, 'oit.db'), out: join(tmp.dir, 'r') });
    const first = await startDesk({ config, port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startDesk({ config, port })).rejects.toThrow(/เปิด oit serve ที่ 127\.0\.0\.1:\d+ ไม่ได้ \(EADDRINUSE\).*try another --port/s);
    } finally {
      await first.close();
      tmp.cleanup();
    }
  });

  it('`oit serve --host 0.0.0.0` without a token exits 1 with a Thai and English message, and binds nothing', async () => {
    const tmp = tempDir('oit-serve-cli-');
    try {
      const r = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', join(tmp.dir, 'oit.db')], { cwd: tmp.dir, env: { OIT_SERVE_TOKEN: '' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('ไม่เปิด oit serve ที่ 0.0.0.0');
      expect(r.stderr).toContain('refusing to serve on 0.0.0.0 without a token');
      expect(r.stdout).not.toContain('listening');
    } finally {
      tmp.cleanup();
    }
  });

  it('`oit serve --port 0` prints the address it listens on and serves the home page until SIGTERM', async () => {
    const tmp = tempDir('oit-serve-cli-');
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli.ts'), 'serve', '--port', '0', '--db', join(tmp.dir, 'oit.db')], { cwd: tmp.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 30_000);
        child.stdout.on('data', (d) => {
          out += d;
          const m = /^listening (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await home.text()).toContain('ยังไม่มีการสแกนในฐานข้อมูลนี้');
    } finally {
      const closed = new Promise((r) => child.on('close', r));
      child.kill('SIGTERM');
      await closed;
      tmp.cleanup();
    }
    expect(child.exitCode).toBe(0);
  });
});
