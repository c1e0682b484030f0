#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { analyseStoredScan } from './api/analysis-scan.js';
import { judgeStoredScan } from './api/check-scan.js';
import { reportStoredScan } from './api/report-scan.js';
import { scanSite } from './api/scan-site.js';
import { parseIndicatorList, scoreResultFile } from './api/score-result.js';
import { loadAllChecklists } from './checklist/load.js';
import { configFromFlags, resolveConfig } from './config/load.js';
import type { ScanConfig } from './config/schema.js';
import { describeError, CONFIDENCE_TH } from './cli/messages.js';
import { formatResult } from './cli/print-result.js';
import { progressPrinter } from './cli/progress.js';
import { ConfigError } from './errors.js';
import { openStore } from './store/index.js';
import { TOOL_VERSION } from './version.js';

/** Exit codes are a public contract: 0 all passed, 2 something did not pass, 1 bad input or tool error. */
const EXIT = { ok: 0, error: 1, notPassed: 2 } as const;

const out = (s: string) => process.stdout.write(s + '\n');

function writeJson(file: string, value: unknown) {
  try {
    writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  } catch (e) {
    throw new ConfigError(`เขียนไฟล์ ${file} ไม่ได้`, `cannot write ${file}: ${(e as Error).message}`);
  }
}

/** Only flags the user actually typed enter the config, so env and the config file still apply. */
function typedFlags(cmd: Command, names: string[]): Record<string, string | string[] | boolean | undefined> {
  const opts = cmd.opts();
  const picked: Record<string, string | string[] | boolean | undefined> = {};
  for (const n of names) if (cmd.getOptionValueSource(n) === 'cli') picked[n] = opts[n] as string | string[] | boolean;
  return picked;
}

function configFor(cmd: Command, names: string[]): ScanConfig {
  const flags = configFromFlags(typedFlags(cmd, names));
  return resolveConfig({ flags, file: cmd.opts().config as string | undefined });
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

const program = new Command('oit')
  .description('ตรวจเว็บไซต์หน่วยงานตามแบบ OIT ของการประเมิน ITA / checks an agency website against the ITA OIT checklist')
  .version(TOOL_VERSION, '-V, --version')
  .showHelpAfterError('(ดูวิธีใช้ด้วย --help / see --help)')
  .configureOutput({ outputError: (str, write) => write(`oit: ตัวเลือกไม่ถูกต้อง / ${str}`) });

const SCAN_SETTINGS = ['year', 'db', 'out', 'maxPages', 'maxDepth', 'concurrency', 'delayMs', 'render', 'chromiumPath', 'requestTimeoutMs', 'include', 'exclude', 'obeyRobots', 'useSitemaps', 'ocr', 'allowPrivate', 'quiet'];

program
  .command('scan')
  .description('สแกนเว็บไซต์ ตรวจทุกข้อ และเขียนรายงาน / crawl a site, judge every item, write reports')
  .argument('<url>', 'หน้าแรกของเว็บไซต์หน่วยงาน / the agency home page URL')
  .option('--year <year>', 'ปีการประเมิน (พ.ศ.) / assessment year, e.g. 2566')
  .option('--db <file>', 'ไฟล์ฐานข้อมูล SQLite / SQLite database file (default oit.db)')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder (default reports)')
  .option('--json <file>', 'เขียนผล oit-scan-result/1 ลงไฟล์นี้ด้วย / also write the result JSON here')
  .option('--max-pages <n>', 'จำนวนหน้าสูงสุด / page limit (default 3000)')
  .option('--max-depth <n>', 'ความลึกของลิงก์สูงสุด / link depth limit (default 8)')
  .option('--concurrency <n>', 'จำนวนคำขอพร้อมกัน / parallel requests (default 8)')
  .option('--delay-ms <ms>', 'เว้นระหว่างคำขอ (มิลลิวินาที) / minimum gap between requests')
  .addOption(new Option('--render <mode>', 'ใช้เบราว์เซอร์แสดงผล JavaScript / browser rendering').choices(['auto', 'always', 'never']))
  .option('--chromium-path <path>', 'ตำแหน่งโปรแกรม Chromium / Chromium executable')
  .option('--request-timeout-ms <ms>', 'เวลารอต่อคำขอ / per-request timeout')
  .option('--include <pattern>', 'สแกนเฉพาะ URL ที่ตรงรูปแบบ (ใช้ซ้ำได้) / only URLs matching (repeatable)', collect)
  .option('--exclude <pattern>', 'ข้าม URL ที่ตรงรูปแบบ (ใช้ซ้ำได้) / skip URLs matching (repeatable)', collect)
  .option('--no-obey-robots', 'ไม่ปฏิบัติตาม robots.txt (ใช้เมื่อได้รับอนุญาตเท่านั้น) / ignore robots.txt')
  .option('--no-use-sitemaps', 'ไม่ใช้ sitemap.xml / do not seed from sitemaps')
  .option('--no-ocr', 'ไม่อ่าน PDF ที่เป็นภาพสแกน / no OCR of scanned PDFs')
  .option('--allow-private', 'อนุญาตให้เข้าถึงที่อยู่ภายใน / allow private addresses')
  .option('--resume <scanId>', 'ทำต่อจากการสแกนที่ถูกขัดจังหวะ / continue an interrupted scan')
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .option('--quiet', 'แสดงเฉพาะข้อผิดพลาด / print errors only')
  .action(async (url: string, _opts, cmd: Command) => {
    const config = configFor(cmd, SCAN_SETTINGS);
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const outcome = await scanSite({ url, config, resumeScanId: cmd.opts().resume as string | undefined, onEvent: progressPrinter({ quiet: config.quiet }), signal: controller.signal });
    const json = cmd.opts().json as string | undefined;
    if (json) writeJson(json, outcome.result);
    if (!config.quiet) {
      out(formatResult(outcome.result));
      out(`\nรายงาน / report: ${outcome.reportDir}/report.html`);
    }
    process.exitCode = outcome.result.items.every((i) => i.status === 'pass') ? EXIT.ok : EXIT.notPassed;
  });

program
  .command('check')
  .description('ตรวจผลใหม่จากข้อมูลที่เก็บไว้ ไม่ใช้เครือข่าย / re-judge a stored scan, no network')
  .requiredOption('--scan <id>', 'รหัสการสแกน / scan id')
  .option('--db <file>', 'ไฟล์ฐานข้อมูล / database file')
  .option('--year <year>', 'ตรวจด้วย checklist ของปีนี้ / judge with this year\'s checklist')
  .option('--json <file>', 'เขียนผล JSON / write the result JSON here')
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .option('--quiet', 'แสดงเฉพาะข้อผิดพลาด / print errors only')
  .action(async (_opts, cmd: Command) => {
    const config = configFor(cmd, ['db', 'year', 'quiet']);
    const store = await openStore(config.db);
    try {
      const { result } = await judgeStoredScan(store, cmd.opts().scan as string, { year: config.year, checklistDir: config.checklistDir });
      const json = cmd.opts().json as string | undefined;
      if (json) writeJson(json, result);
      if (!config.quiet) out(formatResult(result));
      process.exitCode = result.items.every((i) => i.status === 'pass') ? EXIT.ok : EXIT.notPassed;
    } finally {
      await store.close();
    }
  });

program
  .command('report')
  .description('เขียนรายงานของการสแกนที่เก็บไว้ใหม่ / re-write the reports of a stored scan')
  .requiredOption('--scan <id>', 'รหัสการสแกน / scan id')
  .option('--db <file>', 'ไฟล์ฐานข้อมูล / database file')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder')
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .action(async (_opts, cmd: Command) => {
    const config = configFor(cmd, ['db', 'out']);
    const store = await openStore(config.db);
    try {
      const written = await reportStoredScan(store, cmd.opts().scan as string, { out: config.out, checklistDir: config.checklistDir });
      out(`รายงาน / report: ${written.dir}/report.html`);
    } finally {
      await store.close();
    }
  });

program
  .command('analysis')
  .description('ร่างรายงานการวิเคราะห์ผลการประเมิน ITA (HTML และ PDF) / draft the ITA analysis report')
  .requiredOption('--scan <id>', 'รหัสการสแกน / scan id')
  .requiredOption('--iit <scores>', 'คะแนน IIT 5 ตัวชี้วัด / five IIT indicator scores')
  .requiredOption('--eit <scores>', 'คะแนน EIT 3 ตัวชี้วัด / three EIT indicator scores')
  .option('--agency <name>', 'ชื่อหน่วยงาน / agency name shown on the cover')
  .option('--no-pdf', 'ไม่สร้าง PDF / HTML only')
  .option('--db <file>', 'ไฟล์ฐานข้อมูล / database file')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder')
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .action(async (opts: { scan: string; iit: string; eit: string; agency?: string; pdf: boolean }, cmd: Command) => {
    const iit = parseIndicatorList(opts.iit, 'IIT', 5);
    const eit = parseIndicatorList(opts.eit, 'EIT', 3);
    const config = configFor(cmd, ['db', 'out']);
    const store = await openStore(config.db);
    try {
      const written = await analyseStoredScan(store, opts.scan, { iit, eit, out: config.out, pdf: opts.pdf, agency: opts.agency, chromiumPath: config.chromiumPath, checklistDir: config.checklistDir });
      for (const f of written.files) out(`เขียนแล้ว / written: ${f}`);
    } finally {
      await store.close();
    }
  });

program
  .command('score')
  .description('คำนวณคะแนน ITA รวมและระดับผล / ITA total and grade from a result file and IIT/EIT scores')
  .argument('<result.json>', 'ไฟล์ผล oit-scan-result/1 / a result file')
  .requiredOption('--iit <scores>', 'คะแนน IIT 5 ตัวชี้วัด คั่นด้วยจุลภาค / five IIT indicator scores')
  .requiredOption('--eit <scores>', 'คะแนน EIT 3 ตัวชี้วัด คั่นด้วยจุลภาค / three EIT indicator scores')
  .option('--json <file>', 'เขียนผลเป็น JSON / write the score JSON here')
  .action((file: string, opts: { iit: string; eit: string; json?: string }) => {
    const report = scoreResultFile(file, { iit: parseIndicatorList(opts.iit, 'IIT', 5), eit: parseIndicatorList(opts.eit, 'EIT', 3) });
    if (opts.json) writeJson(opts.json, report);
    out(`IIT ${report.iit.score.toFixed(2)} · EIT ${report.eit.score.toFixed(2)} · OIT ${report.oit.score.toFixed(2)}`);
    out(`ITA ${report.ita.score.toFixed(2)} ${report.ita.grade} — ${report.ita.pass ? 'ผ่านเกณฑ์ (85 คะแนนขึ้นไป) / pass' : 'ไม่ผ่านเกณฑ์ 85 คะแนน / below the pass mark of 85'}`);
    process.exitCode = report.ita.pass ? EXIT.ok : EXIT.notPassed;
  });

program
  .command('checklists')
  .description('แสดง checklist ที่มี จำนวนข้อ และความน่าเชื่อถือ / list checklist years, item counts and confidence')
  .option('--json', 'แสดงเป็น JSON / print JSON')
  .action((opts: { json?: boolean }) => {
    const all = loadAllChecklists().map(({ checklist: c, hash }) => ({
      id: c.id,
      year: c.year,
      confidence: c.confidence,
      items: c.items.length,
      unknownItems: c.unknownItems.map((u) => u.code),
      title: c.title,
      hash: hash.slice(0, 12),
    }));
    if (opts.json) {
      out(JSON.stringify(all, null, 2));
      return;
    }
    out('ปี    checklist  ข้อ  ความน่าเชื่อถือ');
    for (const c of all) {
      const unknown = c.unknownItems.length ? ` — ยังไม่ทราบ ${c.unknownItems.length} ข้อ: ${c.unknownItems.join(', ')}` : '';
      out(`${c.year}  ${c.id}  ${String(c.items).padStart(3)}  ${CONFIDENCE_TH[c.confidence] ?? c.confidence}${unknown}`);
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.stderr.write(describeError(e) + '\n');
  process.exitCode = EXIT.error;
}
