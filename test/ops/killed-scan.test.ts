import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertResumable, markDeadScans, prepareHandScan } from '../../src/api/stale-scans.js';
import { newScanId } from '../../src/api/scan-site.js';
import { openStore } from '../../src/store/index.js';
import type { ScanRecord } from '../../src/store/types.js';
import { TOOL_VERSION } from '../../src/version.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/**
 * Issue 16, part 5: `kill -9` of a hand-started `oit scan` must not leave the scan `running` for good.
 * The scan records its pid and machine; the next oit on this machine sees the pid is gone, marks the
 * scan interrupted, says so at the next scan of the site, and `--resume` without an id continues it.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'oit-killed-'));
const db = join(dir, 'oit.db');
const N = 60;
let site: FixtureSite;

beforeAll(async () => {
  // A tree of Thai pages, each slow enough that a scan is still running when it is killed.
  site = await startSite((path) => {
    const m = /^\/(?:p\/(\d+))?$/.exec(path);
    if (!m) return undefined;
    const i = Number(m[1] ?? 0);
    const kids = [1, 2, 3].map((k) => i * 3 + k).filter((c) => c <= N);
    return { delayMs: 40, body: `<html><body><h1>หน้า ${i} องค์การบริหารส่วนตำบลทดสอบ</h1>${kids.map((c) => `<a href="/p/${c}">ข่าวประชาสัมพันธ์ ${c}</a>`).join(' ')}</body></html>` };
  });
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const SCAN_FLAGS = ['--db', db, '--out', join(dir, 'reports'), '--render', 'never', '--no-ocr', '--no-use-sitemaps', '--concurrency', '1', '--max-depth', '10', '--year', '2566'];

/** Starts `oit scan` as a user would and kills it with SIGKILL once it has stored a few pages. */
async function scanAndKill(): Promise<ScanRecord> {
  const child = spawn(process.execPath, ['--import', tsxLoader, `${root}src/cli.ts`, 'scan', site.origin + '/', ...SCAN_FLAGS], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, signal) => r(signal)));
  const deadline = Date.now() + 45_000;
  let running: ScanRecord | undefined;
  while (Date.now() < deadline && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 100));
    const store = await openStore(db).catch(() => undefined);
    if (!store) continue;
    try {
      const [s] = await store.listScans({ limit: 1 });
      if (s?.state === 'running' && (await store.listPages(s.id)).length >= 3) running = s;
    } finally {
      await store.close();
    }
    if (running) break;
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(running, 'the scan was seen running before the kill').toBeDefined();
  expect(running!.config.runner).toMatchObject({ pid: child.pid });
  return running!;
}

describe('a killed hand-started scan', () => {
  let killed: ScanRecord;

  it('is shown as interrupted by oit history, not running for good', async () => {
    killed = await scanAndKill();
    const h = await runCli(['history', '--db', db, '--json'], { cwd: dir });
    expect(h.code).toBe(0);
    const entries = JSON.parse(h.stdout) as { scanId: string; state: string }[];
    expect(entries.find((e) => e.scanId === killed.id)!.state).toBe('interrupted');
  });

  it('--resume without an id continues that scan and finishes it', async () => {
    const json = join(dir, 'resumed.json');
    const r = await runCli(['scan', site.origin + '/', ...SCAN_FLAGS, '--resume', '--json', json], { cwd: dir, timeoutMs: 120_000 });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ทำต่อจากครั้งก่อน|resuming/);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { scan: { id: string; pagesFetched: number } };
    expect(result.scan.id).toBe(killed.id);
    expect(result.scan.pagesFetched).toBe(N + 1);
    const store = await openStore(db);
    try {
      expect((await store.getScan(killed.id))!.state).toBe('finished');
    } finally {
      await store.close();
    }
  });

  it('the next plain scan of the site says an interrupted scan can be resumed, then starts over', async () => {
    const second = await scanAndKill();
    const json = join(dir, 'fresh.json');
    const r = await runCli(['scan', site.origin + '/', ...SCAN_FLAGS, '--json', json], { cwd: dir, timeoutMs: 120_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(second.id);
    expect(r.stderr).toMatch(/ถูกขัดจังหวะ.*--resume/);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { scan: { id: string } };
    expect(result.scan.id).not.toBe(second.id);
    // With a finished scan after it, there is nothing left to resume.
    const again = await runCli(['scan', site.origin + '/', ...SCAN_FLAGS, '--resume'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no interrupted scan/);
  });
});

describe('liveness rules', () => {
  it('leaves scans of live processes, of other machines, of queue jobs and without a runner alone', async () => {
    const store = await openStore(join(dir, 'rules.db'));
    try {
      let minute = 0;
      const make = (config: Record<string, unknown>, jobId?: string) =>
        store.createScan({
          id: newScanId(), site: 'https://www.example.go.th/', host: 'www.example.go.th', startedAt: new Date(Date.UTC(2026, 11, 1, 8, minute++)).toISOString(), toolVersion: TOOL_VERSION,
          checklistId: 'ita-2566', checklistYear: 2566, checklistHash: 'x', config, ...(jobId ? { jobId } : {}),
        });
      const dead = await make({ runner: { pid: 999_001, host: 'here' } });
      const live = await make({ runner: { pid: 999_002, host: 'here' } });
      const elsewhere = await make({ runner: { pid: 999_003, host: 'another-machine' } });
      const queued = await make({ runner: { pid: 999_004, host: 'here' } }, 'job-1');
      const old = await make({});
      // Same pid alive again, but recorded before a reboot: that process is gone.
      const rebooted = await make({ runner: { pid: 999_002, host: 'here', boot: 'boot-before' } });
      const deps = { host: 'here', alive: (pid: number) => pid === 999_002, boot: 'boot-now' };
      const marked = await markDeadScans(store, {}, deps);
      expect(marked.map((s) => s.id).sort()).toEqual([dead.id, rebooted.id].sort());
      const state = async (s: ScanRecord) => (await store.getScan(s.id))!.state;
      expect(await state(dead)).toBe('interrupted');
      for (const s of [live, elsewhere, queued, old]) expect(await state(s)).toBe('running');
      const prepared = await prepareHandScan(store, 'https://www.example.go.th/', { resumeLatest: true }, deps);
      // The newest interrupted scan of the site is the one --resume continues.
      expect(prepared.resumeScanId).toBe(rebooted.id);
      // Resuming a scan whose process still runs would crawl it twice at once.
      expect(() => assertResumable(live, deps)).toThrow(/still running \(pid 999002\)/);
      expect(() => assertResumable({ ...dead, state: 'interrupted' }, deps)).not.toThrow();
    } finally {
      await store.close();
    }
  });
});
