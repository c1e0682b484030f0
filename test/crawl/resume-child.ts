/**
 * Child process for the kill-and-resume test: crawls a fixture site into a SQLite file until the
 * parent SIGKILLs it. Usage: node --import tsx test/crawl/resume-child.ts DB START_URL SCAN_ID
 */
import { crawl } from '../../src/crawl/index.js';
import { openStore } from '../../src/store/index.js';
import { testConfig } from './helpers/crawl-env.js';

const [db, startUrl, scanId] = process.argv.slice(2);
if (!db || !startUrl || !scanId) throw new Error('usage: resume-child DB START_URL SCAN_ID');
const store = await openStore(db);
await crawl({ scanId, startUrl, config: testConfig({ concurrency: 2, maxDepth: 20 }) }, store, undefined, { writeBatch: { maxItems: 4, maxDelayMs: 50 } });
await store.close();
process.stdout.write('finished\n');
