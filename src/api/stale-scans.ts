import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { ConfigError } from '../errors.js';
import type { ScanStore } from '../store/index.js';
import type { ScanRecord } from '../store/types.js';

/**
 * Hand-started scans (`oit scan`, `oit run`) whose process died (kill -9, a crash, a reboot) stay
 * `running` in the store forever. Each such scan records the process running it — pid and machine —
 * in its stored config (`runner`), which needs no schema change and works alike for SQLite and
 * PostgreSQL. A later oit on the same machine asks the OS whether that pid still lives; if not, the
 * scan is marked interrupted and can be resumed. Queue scans (with a job id) are left to the queue's
 * own logic (adoptEarlierAttempt), and a scan run on another machine cannot be checked from here.
 * The Linux boot id is recorded too, so after a reboot a reused pid cannot make a dead scan look alive.
 * Caveat: without a reboot, a pid reused by an unrelated process makes a dead scan look alive (it then
 * stays running, which is the old, safe behaviour).
 */

export interface ScanRunner {
  pid: number;
  host: string;
  /** Linux boot id: after a reboot every recorded pid is dead, whatever process has that number now. */
  boot?: string;
}

export interface LivenessDeps {
  /** This machine's name (default os.hostname()). */
  host?: string;
  /** Whether a local pid is alive (default: signal 0). */
  alive?: (pid: number) => boolean;
  /** This boot's id (default: /proc/sys/kernel/random/boot_id, undefined where there is none). */
  boot?: string;
}

function currentBoot(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The runner's process is certainly gone: another boot, or no process with its pid. */
function runnerDead(runner: ScanRunner, deps: LivenessDeps): boolean {
  const boot = 'boot' in deps ? deps.boot : currentBoot();
  if (runner.boot && boot && runner.boot !== boot) return true;
  return !(deps.alive ?? isProcessAlive)(runner.pid);
}

export function currentRunner(): ScanRunner {
  const boot = currentBoot();
  return { pid: process.pid, host: hostname(), ...(boot ? { boot } : {}) };
}

export function runnerOf(scan: ScanRecord): ScanRunner | undefined {
  const r = scan.config.runner as Partial<ScanRunner> | undefined;
  return r && typeof r.pid === 'number' && typeof r.host === 'string' ? { pid: r.pid, host: r.host, ...(typeof r.boot === 'string' ? { boot: r.boot } : {}) } : undefined;
}

/** Signal 0 checks existence without touching the process; EPERM means it exists but is not ours. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks this machine's hand-started scans whose process is gone as interrupted; returns them. */
export async function markDeadScans(store: ScanStore, filter: { site?: string } = {}, deps: LivenessDeps = {}): Promise<ScanRecord[]> {
  const host = deps.host ?? hostname();
  const marked: ScanRecord[] = [];
  for (const s of await store.listScans({ ...filter, limit: 1000 })) {
    if (s.state !== 'running' || s.jobId) continue;
    const runner = runnerOf(s);
    if (!runner || runner.host !== host || (runner.pid === process.pid && runner.boot === currentRunner().boot) || !runnerDead(runner, deps)) continue;
    await store.updateScan(s.id, { state: 'interrupted' });
    marked.push({ ...s, state: 'interrupted' });
  }
  return marked;
}

/**
 * The site's interrupted scan worth continuing: the newest scan that is interrupted, as long as no
 * finished scan came after it (then starting over already happened) and its pages are not pruned.
 */
export async function latestInterrupted(store: ScanStore, site: string): Promise<ScanRecord | undefined> {
  for (const s of await store.listScans({ site, limit: 50 })) {
    if (s.state === 'finished') return undefined;
    if (s.state === 'interrupted' && !s.prunedAt) return s;
  }
  return undefined;
}

/**
 * Before a hand-started scan: settle the site's dead scans, then either find the one to resume
 * (`--resume` without an id) or say that one could be resumed.
 */
export async function prepareHandScan(
  store: ScanStore,
  site: string,
  options: { resumeLatest?: boolean },
  deps: LivenessDeps = {},
): Promise<{ resumeScanId?: string; notice?: string }> {
  await markDeadScans(store, { site }, deps);
  const last = await latestInterrupted(store, site);
  if (options.resumeLatest) {
    if (!last) {
      throw new ConfigError(
        `ไม่มีการสแกนที่ถูกขัดจังหวะของ ${site} ให้ทำต่อ — สแกนใหม่โดยไม่ใส่ --resume`,
        `there is no interrupted scan of ${site} to resume; scan again without --resume`,
      );
    }
    return { resumeScanId: last.id };
  }
  if (!last) return {};
  return {
    notice:
      `การสแกน ${last.id} ของเว็บไซต์นี้ (เริ่ม ${last.startedAt}) ถูกขัดจังหวะ ทำต่อได้ด้วย --resume / ` +
      `scan ${last.id} of this site (started ${last.startedAt}) was interrupted; continue it with \`oit scan <url> --resume\` — this scan starts over`,
  };
}

/** Resuming a scan whose oit process is still running would crawl it twice at once: refuse that. */
export function assertResumable(scan: ScanRecord, deps: LivenessDeps = {}): void {
  if (scan.state !== 'running') return;
  const runner = runnerOf(scan);
  const host = deps.host ?? hostname();
  if (runner && runner.host === host && runner.pid !== process.pid && !runnerDead(runner, deps)) {
    throw new ConfigError(
      `การสแกน ${scan.id} ยังทำงานอยู่ (pid ${runner.pid}) จึงทำต่อซ้อนไม่ได้ — รอให้เสร็จหรือหยุดก่อน`,
      `scan ${scan.id} is still running (pid ${runner.pid}); wait for it or stop it before resuming`,
    );
  }
}
