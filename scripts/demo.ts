/**
 * `npm run demo`: serves a realistic Thai demo agency (an อบต. with an ITA page, PDFs printed by
 * Chromium, and the two gaps of the published 2565 seed report) on 127.0.0.1, scans it end to end
 * with the same scanSite() the CLI uses, and prints the scores and where the report is.
 */
import { resolve } from 'node:path';
import { scanSite } from '../src/api/scan-site.js';
import { scoreIta, round2 } from '../src/check/score.js';
import { formatResult } from '../src/cli/print-result.js';
import { progressPrinter } from '../src/cli/progress.js';
import { resolveConfig } from '../src/config/load.js';
import { seed2565 } from '../test/fixtures/sites/seed-2565.js';
import { buildRoutes } from '../test/helpers/e2e-fixture.js';
import { closePdfBrowser } from '../test/helpers/pdf.js';
import { startSite } from '../test/helpers/site-server.js';

const SEED_IIT = [84.72, 75.9, 81.11, 71.62, 78.38];
const SEED_EIT = [74.76, 66.78, 70.81];

async function main() {
  process.stderr.write('กำลังสร้างเว็บไซต์ตัวอย่าง (PDF ภาษาไทย) / building the demo site…\n');
  const routes = await buildRoutes(seed2565);
  await closePdfBrowser();
  const site = await startSite(routes);
  try {
    const config = resolveConfig({
      env: {},
      flags: { year: seed2565.year, db: resolve('.oit-demo/oit.db'), out: resolve('reports'), quiet: false },
    });
    const { mkdirSync } = await import('node:fs');
    mkdirSync('.oit-demo', { recursive: true });
    const outcome = await scanSite({ url: site.origin + seed2565.start, config, onEvent: progressPrinter({ quiet: false }) });
    console.log('');
    console.log(formatResult(outcome.result));
    const oit = outcome.result.oit.score ?? 0;
    const ita = scoreIta(SEED_IIT, SEED_EIT, oit);
    console.log(`\nถ้าคะแนน IIT/EIT เท่ากับรายงานตัวอย่างปี 2565: ITA ${round2(ita.ita).toFixed(2)} ระดับ ${ita.grade} (${ita.pass ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์ 85'})`);
    console.log(`\nรายงาน HTML / report: ${resolve(outcome.reportDir, 'report.html')}`);
    console.log(`ฐานข้อมูล / database: ${config.db} (scan ${outcome.scanId})`);
    console.log(`ตรวจซ้ำโดยไม่ใช้เครือข่าย / re-judge offline: npx oit check --scan ${outcome.scanId} --db ${config.db}`);
  } finally {
    await site.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
