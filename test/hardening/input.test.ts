import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSite } from '../../src/api/scan-site.js';
import { ScanConfig } from '../../src/config/schema.js';
import { OitError, StoreError } from '../../src/errors.js';
import { writeFilesAtomically } from '../../src/report/atomic.js';
import { openStore, type ScanStore } from '../../src/store/index.js';
import { runCli } from '../helpers/run-cli.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { newScan, tempDir, thaiPage } from '../crawl/helpers/crawl-env.js';

/**
 * Bad input and a hostile environment: broken config, a database another process has locked, a full
 * disk, an output folder that cannot be written. Always one clear message, exit 1, nothing half-written.
 * (Invalid URL, unknown year and bad flags through the CLI are in test/cli/cli.test.ts.)
 */
const tmp = tempDir('oit-input-');
let site: FixtureSite;
beforeAll(async () => {
  site = await startSite((path) => {
    const m = /^\/p\/(\d+)$/.exec(path);
    if (path === '/') return thaiPage('หน้าแรก', Array.from({ length: 150 }, (_x, i) => `<a href="/p/${i}">${i}</a>`).join(' '));
    return m ? { delayMs: 20, body: thaiPage(`หน้า ${m[1]}`, '<p>เนื้อหา</p>') } : undefined;
  });
});
afterAll(async () => {
  await site?.close();
  tmp.cleanup();
});

const scanConfig = (over: Record<string, unknown> = {}) =>
  ScanConfig.parse({ render: 'never', useSitemaps: false, ocr: false, year: 2565, requestTimeoutMs: 3000, concurrency: 2, db: ':memory:', out: join(tmp.dir, 'reports'), ...over });

/** Holds an exclusive write lock on `file` from another connection until release() is called. */
async function holdLock(file: string): Promise<{ release(): Promise<void> }> {
  const db = new sqlite3.Database(file);
  const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
  await exec('BEGIN EXCLUSIVE');
  return { release: async () => (await exec('ROLLBACK'), await new Promise<void>((resolve) => db.close(() => resolve()))) };
}

describe('broken configuration (CLI)', () => {
  it.each([
    ['a config file that is not JSON', '{ "maxPages": ', /broken\.json/],
    ['a config file with an unknown setting', '{ "maxPagez": 5 }', /maxPagez/],
    ['a config file with a bad value', '{ "concurrency": 0 }', /concurrency/],
  ])('%s → exit 1 with one message naming it', async (_what, body, pattern) => {
    const file = join(tmp.dir, 'broken.json');
    writeFileSync(file, body);
    const r = await runCli(['scan', 'http://127.0.0.1:9/', '--config', file], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });
});

describe('a database locked by another process', () => {
  it('a write waits for the busy timeout, then fails with a clear StoreError', async () => {
    const file = join(tmp.dir, 'locked.db');
    (await openStore(file)).close();
    const lock = await holdLock(file);
    const store = await openStore(file, { busyTimeoutMs: 300 });
    const t0 = Date.now();
    const err = await newScan(store, 'x', 'http://127.0.0.1/').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/locked by another process/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    await lock.release();
    await newScan(store, 'x', 'http://127.0.0.1/'); // works again once the lock is gone
    await store.close();
  });

  it('oit scan on a locked database exits 1 with the message (after the 10 s busy timeout)', async () => {
    const file = join(tmp.dir, 'locked-cli.db');
    (await openStore(file)).close();
    const lock = await holdLock(file);
    try {
      const r = await runCli(['scan', `${site.origin}/`, '--db', file, '--out', join(tmp.dir, 'r-locked'), '--render', 'never', '--year', '2565'], { cwd: tmp.dir, timeoutMs: 40_000 });
      expect(r.stderr).toMatch(/locked by another process/);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code).toBe(1);
    } finally {
      await lock.release();
    }
  }, 45_000);
});

describe('disk full while scanning', () => {
  it('a store write failing with ENOSPC stops the scan with one message; no report is written', async () => {
    const real = await openStore(':memory:');
    let batches = 0;
    const failing = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'saveBatch') {
          return async (...args: Parameters<NonNullable<ScanStore['saveBatch']>>) => {
            if (++batches >= 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            return target.saveBatch!(...args);
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as ScanStore;
    const out = join(tmp.dir, 'reports-full');
    const hitsBefore = [...site.hits.values()].reduce((a, b) => a + b, 0);
    const err = await scanSite({ url: `${site.origin}/`, config: scanConfig({ out }) }, failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/disk full/);
    expect(existsSync(out)).toBe(false);
    // The crawl stopped soon after the failure instead of fetching the whole site.
    expect([...site.hits.values()].reduce((a, b) => a + b, 0) - hitsBefore).toBeLessThan(100);
    await real.close();
  });
});

describe('an output folder that cannot be written', () => {
  const files = [{ name: 'report.json', data: '{}' }, { name: 'report.html', data: '<html></html>' }];

  it('a file in the way of the folder → one clear error, nothing written', async () => {
    const blocker = join(tmp.dir, 'blocker');
    writeFileSync(blocker, 'not a folder');
    const err = await writeFilesAtomically(join(blocker, 'host', 'scan'), files).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OitError);
    expect((err as Error).message).toMatch(/cannot write the reports/);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder → one clear error, no temporary files left', async () => {
    const { chmodSync } = await import('node:fs');
    const ro = join(tmp.dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const err = await writeFilesAtomically(ro, files).catch((e: unknown) => e);
    chmodSync(ro, 0o755);
    expect(err).toBeInstanceOf(OitError);
    expect((err as Error).message).toMatch(/read-only or not writable/);
    expect(readdirSync(ro)).toEqual([]);
  });

  it('oit scan --out <a file> exits 1 with one message and no stack', async () => {
    const blocker = join(tmp.dir, 'blocker2');
    writeFileSync(blocker, 'not a folder');
    const r = await runCli(['scan', `${site.origin}/`, '--db', join(tmp.dir, 'ro.db'), '--out', blocker, '--render', 'never', '--year', '2565', '--max-pages', '3'], { cwd: tmp.dir, timeoutMs: 60_000 });
    expect(r.stderr).toMatch(/cannot write the reports/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
  }, 60_000);
});
