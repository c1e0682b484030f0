/**
 * The crawl stage: the only network and browser code in oit. `crawl(job, store, onEvent)` walks the
 * site, stores every fetched URL as a snapshot with its links, and resolves with the stats; with
 * `job.signal` aborted it stores what it has and rejects with the signal's reason (resume later).
 */
export { crawl, type CrawlDeps } from './crawl.js';
export type { CrawlEvent, CrawlEventListener, CrawlJob } from './types.js';
export { findChromium, CHROMIUM_ARGS } from './chromium.js';
export { extractLinks, canonicalOf, scriptUrls } from './extract-links.js';
export { normalizeUrl } from './normalize-url.js';
export { createScope, type Scope } from './scope.js';
export { isBlockedAddress, checkAddresses } from './address-guard.js';
export { decodeHtml } from './decode.js';
export { extractDocument } from './documents/index.js';
