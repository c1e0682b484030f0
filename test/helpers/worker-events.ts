import { siteKey, type WorkerEvent } from '../../src/api/queue.js';

/**
 * Records what several in-process queue workers report, and every time a site's scan started while
 * another scan of the same site was still running (which the queue's singleton key must prevent).
 */
export function workerEventLog() {
  const events: Array<WorkerEvent & { worker: number }> = [];
  const overlaps: string[] = [];
  const running = new Map<string, number>();
  return {
    events,
    overlaps,
    listener: (worker: number) => (e: WorkerEvent) => {
      events.push({ ...e, worker });
      const k = siteKey(e.url);
      if (e.type === 'start') {
        if (running.get(k)) overlaps.push(`${e.name ?? e.url} started by worker ${worker} while running`);
        running.set(k, (running.get(k) ?? 0) + 1);
      } else running.set(k, (running.get(k) ?? 1) - 1);
    },
  };
}
