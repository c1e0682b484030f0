/**
 * Child process for the best-first kill -9 test: crawls a portal with the 2566 checklist's focus into
 * a SQLite file until the parent SIGKILLs it. Usage: node --import tsx test/crawl/focus-resume-child.ts DB START_URL SCAN_ID
 */
import { loadChecklist } from '../../src/checklist/load.js';
import { crawl } from '../../src/crawl/index.js';
import { openStore } from '../../src/store/index.js';
import { testConfig } from './helpers/crawl-env.js';

const [db, startUrl, scanId] = process.argv.slice(2);
if (!db || !startUrl || !scanId) throw new Error('usage: focus-resume-child DB START_URL SCAN_ID');
const store = await openStore(db);
const { checklist } = loadChecklist(2566);
await crawl({ scanId, startUrl, config: testConfig({ concurrency: 1, maxDepth: 50, ocr: false }), checklist }, store, undefined, { writeBatch: { maxItems: 2, maxDelayMs: 20 } });
await store.close();
process.stdout.write('finished\n');
