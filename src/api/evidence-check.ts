import type { Checklist } from '../checklist/schema.js';
import { judge } from '../check/judge.js';
import type { ScanStore } from '../store/store.js';

/**
 * The `--until-evidence` question the crawl asks now and then: judged on what is stored so far, does
 * every item already pass (or not apply)? The crawl stays network-only; judging happens here.
 */
export function evidenceCheck(store: ScanStore, scanId: string, checklist: Checklist, startUrl: string): () => Promise<boolean> {
  return async () => {
    const [pages, links] = await Promise.all([store.listPages(scanId, { withHtml: true }), store.listLinks(scanId)]);
    const items = judge({ checklist, startUrl, pages, links, overrides: [] });
    return items.every((i) => i.status === 'pass' || i.status === 'not-applicable');
  };
}
