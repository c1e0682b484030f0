import { describe, expect, it } from 'vitest';
import type { ScanJob, ScanOutcome } from '../../src/api/scan-site.js';
import { ScanConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';
import { ScanRunner, type DeskJob } from '../../src/serve/scans.js';
import type { ScanStore } from '../../src/store/index.js';

/**
 * The desk's scan runner with a stand-in for scanSite (no network): at most N scans at once, the rest
 * in order, cancel of a waiting and of a running scan, failures reported, bad input refused.
 */
const config = ScanConfig.parse({ db: ':memory:', out: '/tmp/never-written' });
const store = {} as ScanStore;

function fakeScans() {
  const running = new Set<string>();
  let peak = 0;
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const scan = (job: ScanJob): Promise<ScanOutcome> =>
    new Promise((resolve, reject) => {
      started.push(job.url);
      running.add(job.url);
      peak = Math.max(peak, running.size);
      job.onEvent?.({ type: 'start', scanId: `scan-${started.length}`, startUrl: job.url, resumed: false });
      job.onEvent?.({ type: 'progress', pages: 3, documents: 1, queued: 5, errors: 0, pagesPerSecond: 2.5 });
      job.onEvent?.({ type: 'judging', done: 4, total: 43, code: 'O4' });
      const done = () => running.delete(job.url);
      job.signal?.addEventListener('abort', () => {
        done();
        reject(job.signal!.reason);
      });
      finish.set(job.url, () => {
        done();
        if (job.url.includes('broken')) reject(new Error('disk full'));
        else resolve({ result: { scan: { id: `scan-${job.url}` }, oit: { score: 91.5 } } } as unknown as ScanOutcome);
      });
    });
  return { scan, started, finish, peak: () => peak };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('ScanRunner', () => {
  it('runs at most N scans at once, the rest in order, and reports progress and the outcome', async () => {
    const f = fakeScans();
    const runner = new ScanRunner(store, config, 2, f.scan);
    const jobs: DeskJob[] = [];
    for (const n of [1, 2, 3, 4]) jobs.push(await runner.start({ url: `https://www${n}.example.go.th/`, year: 2568 }));
    const seen: string[] = [];
    runner.subscribe(jobs[0]!.id, (j) => seen.push(`${j.state}:${j.pages}`));
    await settle();
    expect(f.started).toEqual(['https://www1.example.go.th/', 'https://www2.example.go.th/']);
    expect(jobs.map((j) => runner.get(j.id)!.state)).toEqual(['running', 'running', 'queued', 'queued']);
    expect(runner.get(jobs[0]!.id)).toMatchObject({ scanId: 'scan-1', pages: 3, documents: 1, queued: 5, pagesPerSecond: 2.5, judged: 4, items: 43 });
    // A scan waiting its turn has judged nothing of nothing yet.
    expect(runner.get(jobs[2]!.id)).toMatchObject({ judged: 0, items: 0 });
    f.finish.get('https://www1.example.go.th/')!();
    await settle();
    expect(runner.get(jobs[0]!.id)).toMatchObject({ state: 'finished', oit: 91.5 });
    expect(seen).toEqual(['finished:3']);
    expect(f.started).toHaveLength(3);
    expect(f.peak()).toBe(2);
    await runner.close();
  });

  it('cancels a waiting scan before it starts and a running one through its signal; a failure keeps its message', async () => {
    const f = fakeScans();
    const runner = new ScanRunner(store, config, 1, f.scan);
    const a = await runner.start({ url: 'https://broken.example.go.th/' });
    const b = await runner.start({ url: 'https://waiting.example.go.th/' });
    await settle();
    expect(runner.cancel(b.id)).toBe(true);
    expect(runner.get(b.id)!.state).toBe('cancelled');
    expect(runner.cancel(b.id)).toBe(false);
    f.finish.get('https://broken.example.go.th/')!();
    await settle();
    expect(runner.get(a.id)).toMatchObject({ state: 'failed', message: 'disk full' });
    expect(f.started).toEqual(['https://broken.example.go.th/']); // the cancelled one never ran
    const c = await runner.start({ url: 'https://www.example.go.th/' });
    await settle();
    expect(runner.cancel(c.id)).toBe(true);
    await settle();
    expect(runner.get(c.id)!.state).toBe('cancelled');
    await runner.close();
  });

  it('refuses a URL or a setting that cannot be scanned, in Thai and English', async () => {
    const runner = new ScanRunner(store, config, 1, fakeScans().scan);
    await expect(runner.start({ url: 'ftp://files.example.go.th/' })).rejects.toThrow(ConfigError);
    await expect(runner.start({ url: 'not-a-url' })).rejects.toThrow(/ไม่ใช่ที่อยู่เว็บไซต์/);
    await expect(runner.start({ url: 'https://www.example.go.th/', year: 2400 })).rejects.toThrow(ConfigError);
    expect(runner.list()).toEqual([]);
    await runner.close();
  });
});
