import type { ScanStore } from '../store/store.js';

/**
 * Before a queue job scans its site: scans of this site that a queue job left `running` belong to a
 * worker that was killed or hung — the job's singleton key guarantees no live worker holds the site
 * now — so they are marked interrupted (reports and the fleet view never show them as results).
 * Returns this job's own earlier scan, when a retry should continue it instead of starting over.
 */
export async function adoptEarlierAttempt(store: ScanStore, site: string, jobId: string): Promise<string | undefined> {
  const scans = await store.listScans({ site, limit: 50 });
  // Scans started by hand (`oit scan` on the same database) have no job id and are left alone.
  for (const s of scans) if (s.state === 'running' && s.jobId) await store.updateScan(s.id, { state: 'interrupted' });
  const own = scans.find((s) => s.jobId === jobId && !s.prunedAt);
  return own?.id;
}
