/**
 * Child process: opens (creating if needed) a SQLite store, creates the scan and crawls a fixture
 * site into it. Usage: node --import tsx scan-child.ts DB START_URL SCAN_ID [BATCH]
 */
import { crawl } from '../../../src/crawl/index.js';
import { openStore } from '../../../src/store/index.js';
import { newScan, testConfig } from '../../crawl/helpers/crawl-env.js';

const [db, startUrl, scanId, batch] = process.argv.slice(2);
if (!db || !startUrl || !scanId) throw new Error('usage: scan-child DB START_URL SCAN_ID [BATCH]');
const store = await openStore(db);
if (!(await store.getScan(scanId))) await newScan(store, scanId, startUrl);
await crawl({ scanId, startUrl, config: testConfig({ concurrency: 4, maxDepth: 20 }) }, store, undefined, { writeBatch: { maxItems: Number(batch ?? 2), maxDelayMs: 5 } });
await store.close();
process.stdout.write('finished\n');
