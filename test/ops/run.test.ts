import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/report/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/** `oit run` through the real CLI: three sites (one down), the index report, notifications, the lock. */
const dir = mkdtempSync(join(tmpdir(), 'oit-run-'));
const page = (title: string, links = '') => `<html><head><title>${title}</title></head><body><h1>${title}</h1>${links}</body></html>`;
const FAST = { render: 'never', ocr: false, useSitemaps: false, obeyRobots: false, retries: 0, requestTimeoutMs: 5000, year: 2565 };

let a: FixtureSite;
let b: FixtureSite;
let slow: FixtureSite;
let closedPort: number;
let receiver: Server;
let receiverUrl: string;
const received: unknown[] = [];

beforeAll(async () => {
  a = await startSite({ '/': page('องค์การบริหารส่วนตำบลก', '<a href="/about">ข้อมูลหน่วยงาน</a>'), '/about': page('ข้อมูลหน่วยงาน') });
  b = await startSite({ '/': page('เทศบาลตำบลข', '<a href="/contact">ติดต่อเรา</a>'), '/contact': page('ติดต่อเรา โทร 0 4500 0000') });
  slow = await startSite({ '/': { body: page('หน่วยงานช้า'), delayMs: 4000 } });
  // A loopback port that refuses connections: the site that is down.
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closedPort = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  // A loopback webhook receiver.
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), slow?.close()]);
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('oit run', () => {
  it('scans three sites, one of them down: all three end with a stored scan, the index lists them, exit 2', async () => {
    const cfg = join(dir, 'oit.config.json');
    writeFileSync(
      cfg,
      JSON.stringify({
        db: join(dir, 'oit.db'),
        out: join(dir, 'reports'),
        ...FAST,
        sites: [
          { name: 'tambon-a', url: a.origin + '/', notify: { webhook: receiverUrl } },
          { name: 'tessaban-b', url: b.origin + '/', maxPages: 5, notify: { command: `cat > "${join(dir, 'notify-b.json')}"` } },
          { name: 'down', url: `http://127.0.0.1:${closedPort}/` },
        ],
      }),
    );
    const r = await runCli(['run', '--config', cfg, '--parallel', '2', '--render', 'never', '--no-ocr'], { cwd: dir, timeoutMs: 120_000 });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code, `stderr: ${r.stderr}`).toBe(2);
    for (const n of ['tambon-a', 'tessaban-b', 'down']) expect(r.stdout).toContain(n);

    const index = JSON.parse(readFileSync(join(dir, 'reports', 'index.json'), 'utf8')) as {
      schema: string;
      sites: { name: string; scanId: string | null; oit: number | null; unreachable: boolean; gaps: unknown[]; report: string | null; trend: string }[];
    };
    expect(index.schema).toBe('oit-index/1');
    expect(index.sites.map((s) => s.name).sort()).toEqual(['down', 'tambon-a', 'tessaban-b']);
    for (const s of index.sites) {
      expect(s.scanId, s.name).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
      // The down site was not read: not scored and no gap list (issue 16), the others are judged.
      if (s.name === 'down') {
        expect(s.oit).toBeNull();
        expect(s.gaps).toEqual([]);
        expect(s.trend).toBe('none');
      } else {
        expect(s.oit, s.name).not.toBeNull();
        expect(s.gaps.length).toBeGreaterThan(0);
        expect(s.trend).toBe('new');
      }
      expect(existsSync(join(dir, 'reports', s.report!))).toBe(true);
    }
    expect(index.sites.find((s) => s.name === 'down')!.unreachable).toBe(true);
    expect(index.sites.find((s) => s.name === 'tambon-a')!.unreachable).toBe(false);
    const html = readFileSync(join(dir, 'reports', 'index.html'), 'utf8');
    expect(html.match(/<tr data-site=/g)).toHaveLength(3);
    expect(html).toContain('เปิดหน้าแรกของเว็บไซต์ไม่ได้');
    const csv = parseCsv(readFileSync(join(dir, 'reports', 'index.csv'), 'utf8'));
    expect(csv).toHaveLength(4);

    // Notifications: the webhook got site A's summary, the command got site B's on stdin.
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ schema: 'oit-notify/1', site: { name: 'tambon-a' }, state: 'finished' });
    expect(JSON.parse(readFileSync(join(dir, 'notify-b.json'), 'utf8'))).toMatchObject({ site: { name: 'tessaban-b' } });

    // History lists the three scans with their scores (./oit.config.json is read by default).
    const h = await runCli(['history', '--json'], { cwd: dir });
    expect(h.code).toBe(0);
    const history = JSON.parse(h.stdout) as { name?: string; oit: number | null }[];
    expect(history.map((e) => e.name).sort()).toEqual(['down', 'tambon-a', 'tessaban-b']);

    // A second run: trend arrows compare with the first.
    const again = await runCli(['run', '--site', 'tambon-a', '--quiet'], { cwd: dir, timeoutMs: 120_000 });
    expect(again.code).toBe(2);
    const index2 = JSON.parse(readFileSync(join(dir, 'reports', 'index.json'), 'utf8')) as { sites: { name: string; trend: string }[] };
    expect(index2.sites.find((s) => s.name === 'tambon-a')!.trend).toBe('same');
    expect(index2.sites).toHaveLength(3);
  }, 180_000);

  it('a second run of the same config exits 1 while the first holds the lock; a stale lock is taken over', async () => {
    const cfg = join(dir, 'slow.config.json');
    const db = join(dir, 'slow.db');
    writeFileSync(cfg, JSON.stringify({ db, out: join(dir, 'slow-reports'), ...FAST, sites: [{ name: 'slow', url: slow.origin + '/' }] }));
    const first = runCli(['run', '--config', cfg, '--quiet'], { cwd: dir, timeoutMs: 120_000 });
    const deadline = Date.now() + 30_000;
    while (!existsSync(`${db}.lock`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(`${db}.lock`)).toBe(true);
    const second = await runCli(['run', '--config', cfg, '--quiet'], { cwd: dir, timeoutMs: 60_000 });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('oit อีกตัวกำลังทำงานกับฐานข้อมูล');
    expect(second.stderr).toContain('another oit run is using');
    expect((await first).code).toBe(2);
    expect(existsSync(`${db}.lock`)).toBe(false);

    // A lock left by a process that is gone (killed, crashed) does not block the next run.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: dead, startedAt: '2020-01-01T00:00:00.000Z' }));
    const third = await runCli(['run', '--config', cfg, '--quiet'], { cwd: dir, timeoutMs: 120_000 });
    expect(third.stderr).toBe('');
    expect(third.code).toBe(2);
    expect(existsSync(`${db}.lock`)).toBe(false);
  }, 180_000);

  it('a bad config file stops the run before any scan: exit 1 naming the file and the field', async () => {
    const cfg = join(dir, 'bad.config.json');
    writeFileSync(cfg, JSON.stringify({ db: join(dir, 'bad.db'), sites: [{ name: 'a', url: a.origin + '/' }, { name: 'b', url: 'ftp://b.go.th/' }] }));
    const r = await runCli(['run', '--config', cfg], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sites[1].url');
    expect(r.stderr).toContain(cfg);
    expect(r.stderr).not.toMatch(/internal error/);
    const missing = await runCli(['run', '--config', join(dir, 'nope.json')], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ไม่พบไฟล์ตั้งค่า');
  }, 60_000);
});
