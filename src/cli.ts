#!/usr/bin/env node
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
// Each command imports the library modules it runs when it runs (`await import` in its action): `oit check`
// then starts without loading the crawler, the browser driver, the job queue and the report templates,
// about 0.3 s of every start.
import { boundHeapGrowth } from './cli/heap.js';
import { acquireRunLock } from './api/lock.js';
import { parseIndicatorList, scoreResultFile } from './api/score-result.js';
import { loadAllChecklists } from './checklist/load.js';
import { validateChecklistFile } from './checklist/validate.js';
import { configFromFlags, readRunFile, resolveConfig } from './config/load.js';
import type { ScanConfig, SiteConfig } from './config/schema.js';
import { describeError, CONFIDENCE_TH, STATUS_TH } from './cli/messages.js';
import { formatDiff, formatHistory, formatSiteOutcome } from './cli/print-ops.js';
import { formatFleet } from './cli/print-fleet.js';
import { formatValidated } from './cli/print-checklist.js';
import { formatResult, formatUnreachable } from './cli/print-result.js';
import { unreachableOf, type ScanResult } from './check/scan-result.js';
import { progressPrinter, sitePrinter } from './cli/progress.js';
import { ConfigError } from './errors.js';
import { withStore } from './store/index.js';
import { TOOL_VERSION } from './version.js';

boundHeapGrowth();

/** Exit codes are a public contract: 0 all passed, 2 something did not pass, 1 bad input or tool error. */
const EXIT = { ok: 0, error: 1, notPassed: 2 } as const;

const out = (s: string) => process.stdout.write(s + '\n');
// `oit history | head` closes the pipe early: the reader has all it wants, and the work (a scan, files
// being written) must still finish with its own exit code instead of dying on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

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

/** `--resume <id>` continues that scan; a bare `--resume` the site's latest interrupted one. */
function resumeOption(v: string | boolean | undefined): { resumeScanId?: string; resumeLatest?: boolean } {
  return typeof v === 'string' ? { resumeScanId: v } : v === true ? { resumeLatest: true } : {};
}

/** A site oit could not read is an error (exit 1) with one message, never a list of invented gaps. */
function exitUnreachable(result: ScanResult): boolean {
  const down = unreachableOf(result);
  if (!down) return false;
  process.stderr.write(formatUnreachable(down) + '\n');
  process.exitCode = EXIT.error;
  return true;
}

const program = new Command('oit')
  .description('ตรวจเว็บไซต์หน่วยงานตามแบบ OIT ของการประเมิน ITA / checks an agency website against the ITA OIT checklist')
  .version(TOOL_VERSION, '-V, --version')
  .showHelpAfterError('(ดูวิธีใช้ด้วย --help / see --help)')
  .configureOutput({ outputError: (str, write) => write(`oit: ตัวเลือกไม่ถูกต้อง / ${str}`) });

const SCAN_SETTINGS = ['year', 'checklist', 'db', 'out', 'maxPages', 'maxDepth', 'maxMinutes', 'untilEvidence', 'concurrency', 'delayMs', 'render', 'chromiumPath', 'requestTimeoutMs', 'include', 'exclude', 'obeyRobots', 'useSitemaps', 'ocr', 'allowPrivate', 'quiet'];

program
  .command('scan')
  .description('สแกนเว็บไซต์ ตรวจทุกข้อ และเขียนรายงาน / crawl a site, judge every item, write reports')
  .argument('<url>', 'หน้าแรกของเว็บไซต์หน่วยงาน / the agency home page URL')
  .option('--year <year>', 'ปีการประเมิน (พ.ศ.) / assessment year, e.g. 2566')
  .option('--checklist <file>', 'ใช้ไฟล์ checklist ของผู้ใช้แทนปีที่มีมากับโปรแกรม / judge with your own checklist file (see checklists/README.md)')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite database file or postgres:// URL (default oit.db)')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder (default reports)')
  .option('--json <file>', 'เขียนผล oit-scan-result/1 ลงไฟล์นี้ด้วย / also write the result JSON here')
  .option('--max-pages <n>', 'จำนวนหน้าสูงสุด / page limit (default 3000)')
  .option('--max-depth <n>', 'ความลึกของลิงก์สูงสุด / link depth limit (default 8)')
  .option('--max-minutes <n>', 'เวลาเก็บข้อมูลสูงสุด (นาที) / crawl time limit in minutes (default none)')
  .option('--until-evidence', 'หยุดเมื่อพบหลักฐานครบทุกข้อหรือไม่เหลือลิงก์ที่น่าจะเป็นหลักฐาน / stop once every item has evidence or no promising link is left')
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
  .option('--resume [scanId]', 'ทำต่อจากการสแกนที่ถูกขัดจังหวะ (ไม่ใส่รหัส = ครั้งล่าสุดของเว็บไซต์นี้) / continue an interrupted scan (no id: the site\'s latest)')
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .option('--quiet', 'แสดงเฉพาะข้อผิดพลาด / print errors only')
  .action(async (url: string, _opts, cmd: Command) => {
    const { scanSite } = await import('./api/scan-site.js');
    const config = configFor(cmd, SCAN_SETTINGS);
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const outcome = await scanSite({ url, config, ...resumeOption(cmd.opts().resume as string | boolean | undefined), onEvent: progressPrinter({ quiet: config.quiet }), signal: controller.signal });
    const json = cmd.opts().json as string | undefined;
    if (json) writeJson(json, outcome.result);
    if (exitUnreachable(outcome.result)) return;
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
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--year <year>', 'ตรวจด้วย checklist ของปีนี้ / judge with this year\'s checklist')
  .option('--checklist <file>', 'ใช้ไฟล์ checklist ของผู้ใช้แทนปีที่มีมากับโปรแกรม / judge with your own checklist file (see checklists/README.md)')
  .option('--json <file>', 'เขียนผล JSON / write the result JSON here')
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .option('--quiet', 'แสดงเฉพาะข้อผิดพลาด / print errors only')
  .action(async (_opts, cmd: Command) => {
    const { judgeStoredScan } = await import('./api/check-scan.js');
    const config = configFor(cmd, ['db', 'year', 'checklist', 'quiet']);
    await withStore(config.db, async (store) => {
      const { result } = await judgeStoredScan(store, cmd.opts().scan as string, { year: config.year, checklistDir: config.checklistDir, checklist: config.checklist, onProgress: progressPrinter({ quiet: config.quiet }) });
      const json = cmd.opts().json as string | undefined;
      if (json) writeJson(json, result);
      if (exitUnreachable(result)) return;
      if (!config.quiet) out(formatResult(result));
      process.exitCode = result.items.every((i) => i.status === 'pass') ? EXIT.ok : EXIT.notPassed;
    });
  });

program
  .command('report')
  .description('เขียนรายงานของการสแกนที่เก็บไว้ใหม่ / re-write the reports of a stored scan')
  .requiredOption('--scan <id>', 'รหัสการสแกน / scan id')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder')
  .addOption(new Option('--lang <lang>', 'ภาษาของรายงาน / report language').choices(['th', 'en']).default('th'))
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .action(async (_opts, cmd: Command) => {
    const { reportStoredScan } = await import('./api/report-scan.js');
    const config = configFor(cmd, ['db', 'out']);
    await withStore(config.db, async (store) => {
      const lang = cmd.opts().lang as 'th' | 'en';
      const written = await reportStoredScan(store, cmd.opts().scan as string, { out: config.out, checklistDir: config.checklistDir, lang });
      out(`รายงาน / report: ${written.dir}/report.html`);
    });
  });

program
  .command('analysis')
  .description('ร่างรายงานการวิเคราะห์ผลการประเมิน ITA (HTML และ PDF) / draft the ITA analysis report')
  .requiredOption('--scan <id>', 'รหัสการสแกน / scan id')
  .requiredOption('--iit <scores>', 'คะแนน IIT 5 ตัวชี้วัด / five IIT indicator scores')
  .requiredOption('--eit <scores>', 'คะแนน EIT 3 ตัวชี้วัด / three EIT indicator scores')
  .option('--agency <name>', 'ชื่อหน่วยงาน / agency name shown on the cover')
  .option('--no-pdf', 'ไม่สร้าง PDF / HTML only')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder')
  .option('--config <file>', 'ไฟล์ตั้งค่า JSON / config file')
  .action(async (opts: { scan: string; iit: string; eit: string; agency?: string; pdf: boolean }, cmd: Command) => {
    const { analyseStoredScan } = await import('./api/analysis-scan.js');
    const iit = parseIndicatorList(opts.iit, 'IIT', 5);
    const eit = parseIndicatorList(opts.eit, 'EIT', 3);
    const config = configFor(cmd, ['db', 'out']);
    await withStore(config.db, async (store) => {
      const written = await analyseStoredScan(store, opts.scan, { iit, eit, out: config.out, pdf: opts.pdf, agency: opts.agency, chromiumPath: config.chromiumPath, checklistDir: config.checklistDir });
      for (const f of written.files) out(`เขียนแล้ว / written: ${f}`);
    });
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
  .option('--validate <file>', 'ตรวจไฟล์ checklist ของผู้ใช้โดยไม่สแกน / validate one checklist file without scanning')
  .action((opts: { json?: boolean; validate?: string }) => {
    if (opts.validate) {
      // Throws one ChecklistError naming the file, the item and the field (exit 1).
      const v = validateChecklistFile(opts.validate);
      out(opts.json ? JSON.stringify(v, null, 2) : formatValidated(v));
      return;
    }
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

/* ---------- operations: run, history, diff, review, prune ---------- */

const DEFAULT_CONFIG_FILE = 'oit.config.json';

/** The new commands read ./oit.config.json when it exists and no --config is given (as `oit run` does). */
function opsConfigFile(cmd: Command): string | undefined {
  const given = cmd.opts().config as string | undefined;
  if (given) return given;
  return existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined;
}

function opsContext(cmd: Command, names: string[]): { config: ScanConfig; sites: SiteConfig[] } {
  const file = opsConfigFile(cmd);
  const config = resolveConfig({ flags: configFromFlags(typedFlags(cmd, names)), file });
  return { config, sites: file ? readRunFile(file).sites : [] };
}

function positiveInt(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป (ได้ "${raw}")`, `${flag} must be a whole number of at least 1 (got "${raw}")`);
  return n;
}

const RUN_SETTINGS = ['year', 'checklist', 'db', 'out', 'maxPages', 'maxDepth', 'maxMinutes', 'untilEvidence', 'concurrency', 'delayMs', 'render', 'chromiumPath', 'requestTimeoutMs', 'obeyRobots', 'useSitemaps', 'ocr', 'allowPrivate', 'quiet'];

program
  .command('run')
  .description('สแกนทุกเว็บไซต์ในไฟล์ตั้งค่า แล้วเขียนรายงานสรุป index.html / scan every site of the config file and write the index report')
  .option('--config <file>', `ไฟล์ตั้งค่าที่มีรายการ sites / config file with "sites" (default ${DEFAULT_CONFIG_FILE})`)
  .option('--site <name>', 'สแกนเฉพาะเว็บไซต์ชื่อนี้ (ใช้ซ้ำได้) / only this site (repeatable)', collect)
  .option('--parallel <n>', 'จำนวนเว็บไซต์ที่สแกนพร้อมกัน / sites scanned at once (default: the file\'s "parallel", else 2)')
  .option('--year <year>', 'ปีการประเมิน (พ.ศ.) สำหรับทุกเว็บไซต์ / assessment year for every site')
  .option('--checklist <file>', 'ใช้ไฟล์ checklist ของผู้ใช้แทนปีที่มีมากับโปรแกรม / judge with your own checklist file (see checklists/README.md)')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite database file or postgres:// URL')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder')
  .option('--max-pages <n>', 'จำนวนหน้าสูงสุดต่อเว็บไซต์ / page limit per site')
  .option('--max-depth <n>', 'ความลึกของลิงก์สูงสุด / link depth limit')
  .option('--max-minutes <n>', 'เวลาเก็บข้อมูลสูงสุด (นาที) / crawl time limit in minutes (default none)')
  .option('--until-evidence', 'หยุดเมื่อพบหลักฐานครบทุกข้อหรือไม่เหลือลิงก์ที่น่าจะเป็นหลักฐาน / stop once every item has evidence or no promising link is left')
  .option('--concurrency <n>', 'จำนวนคำขอพร้อมกันต่อเว็บไซต์ / parallel requests per site')
  .option('--delay-ms <ms>', 'เว้นระหว่างคำขอ (มิลลิวินาที) / minimum gap between requests')
  .addOption(new Option('--render <mode>', 'ใช้เบราว์เซอร์แสดงผล JavaScript / browser rendering').choices(['auto', 'always', 'never']))
  .option('--chromium-path <path>', 'ตำแหน่งโปรแกรม Chromium / Chromium executable')
  .option('--request-timeout-ms <ms>', 'เวลารอต่อคำขอ / per-request timeout')
  .option('--no-obey-robots', 'ไม่ปฏิบัติตาม robots.txt / ignore robots.txt')
  .option('--no-use-sitemaps', 'ไม่ใช้ sitemap.xml / do not seed from sitemaps')
  .option('--no-ocr', 'ไม่อ่าน PDF ที่เป็นภาพสแกน / no OCR of scanned PDFs')
  .option('--allow-private', 'อนุญาตให้เข้าถึงที่อยู่ภายใน / allow private addresses')
  .option('--quiet', 'แสดงเฉพาะข้อผิดพลาด / print errors only')
  .action(async (opts: { config?: string; site?: string[]; parallel?: string }, cmd: Command) => {
    const { runSites } = await import('./api/run-sites.js');
    const file = opts.config ?? DEFAULT_CONFIG_FILE;
    if (!existsSync(file)) {
      throw new ConfigError(`ไม่พบไฟล์ตั้งค่า ${file} — สร้างไฟล์ที่มีรายการ "sites" หรือระบุ --config`, `config file ${file} not found; create one with "sites" or pass --config`, 'see "Config file with sites" in the README');
    }
    const flags = configFromFlags(typedFlags(cmd, RUN_SETTINGS));
    const quiet = Boolean(cmd.opts().quiet) || /^(1|true|yes|on)$/i.test(process.env.OIT_QUIET ?? '');
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const outcome = await runSites({
      file,
      only: opts.site,
      flags,
      parallel: positiveInt(opts.parallel, '--parallel'),
      signal: controller.signal,
      onSiteEvent: (site) => sitePrinter(site.name, { quiet }),
      onSiteDone: (o) => {
        if (!quiet || o.error) out(formatSiteOutcome(o));
        for (const p of o.notifyProblems) process.stderr.write(`[${o.site.name}] แจ้งเตือนไม่สำเร็จ / notification failed: ${p}\n`);
      },
    });
    if (!quiet) out(`\nสรุปทุกหน่วยงาน / index: ${outcome.indexFiles.find((f) => f.endsWith('index.html')) ?? outcome.out}`);
    process.exitCode = outcome.toolFailed ? EXIT.error : outcome.allPassed ? EXIT.ok : EXIT.notPassed;
  });

program
  .command('history')
  .description('แสดงประวัติการสแกนและคะแนน / list stored scans with their scores')
  .option('--site <site>', 'ชื่อเว็บไซต์ในไฟล์ตั้งค่า หรือ URL / a site name of the config file, or a URL')
  .option('--limit <n>', 'จำนวนการสแกนสูงสุด / at most this many scans (default 50)')
  .option('--json', 'แสดงเป็น JSON / print JSON')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON / config file (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .action(async (opts: { site?: string; limit?: string; json?: boolean }, cmd: Command) => {
    const { scanHistory, siteFilter } = await import('./api/history.js');
    const { markDeadScans } = await import('./api/stale-scans.js');
    const { config, sites } = opsContext(cmd, ['db']);
    const filter = opts.site ? siteFilter(opts.site, sites) : {};
    await withStore(config.db, async (store) => {
      // Scans whose oit process is gone (kill -9, crash) are shown as interrupted, not running for good.
      await markDeadScans(store, filter.site ? { site: filter.site } : {});
      const entries = await scanHistory(store, filter, { limit: positiveInt(opts.limit, '--limit') ?? 50, sites });
      out(opts.json ? JSON.stringify(entries, null, 2) : formatHistory(entries));
    });
  });

program
  .command('diff')
  .description('เทียบผลการสแกนสองครั้ง: ข้อที่แย่ลง ดีขึ้น URL เปลี่ยน ลิงก์เสียใหม่ / compare two scans; exit 2 when something regressed')
  .argument('[scanA]', 'การสแกนครั้งก่อน / the earlier scan')
  .argument('[scanB]', 'การสแกนครั้งหลัง / the later scan')
  .option('--site <site>', 'เทียบการสแกนสองครั้งล่าสุดของเว็บไซต์นี้ / the last two judged scans of this site (name or URL)')
  .option('--json', 'แสดงเป็น JSON / print JSON')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON / config file (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .action(async (scanA: string | undefined, scanB: string | undefined, opts: { site?: string; json?: boolean }, cmd: Command) => {
    const { diffLatest, diffStoredScans, siteFilter } = await import('./api/history.js');
    if (!(scanA && scanB) && !opts.site) {
      throw new ConfigError('ระบุการสแกนสองครั้ง (oit diff <scanA> <scanB>) หรือ --site <ชื่อ|URL>', 'give two scans (`oit diff <scanA> <scanB>`) or --site <name|url>');
    }
    if (scanA && !scanB) throw new ConfigError('ต้องระบุการสแกนครั้งที่สองด้วย', 'give the second scan too: `oit diff <scanA> <scanB>`');
    const { config, sites } = opsContext(cmd, ['db']);
    await withStore(config.db, async (store) => {
      const diff = scanA && scanB ? await diffStoredScans(store, scanA, scanB) : await diffLatest(store, siteFilter(opts.site!, sites));
      out(opts.json ? JSON.stringify(diff, null, 2) : formatDiff(diff));
      process.exitCode = diff.regressed.length > 0 ? EXIT.notPassed : EXIT.ok;
    });
  });

program
  .command('review')
  .description('บันทึกผลการตรวจโดยเจ้าหน้าที่สำหรับหนึ่งข้อ / record a person\'s decision on one item')
  .argument('<scan|site>', 'รหัสการสแกน หรือชื่อ/URL ของเว็บไซต์ (การสแกนล่าสุด) / a scan id, or a site (its latest judged scan)')
  .argument('<item>', 'ข้อ เช่น O12 / item code, e.g. O12')
  .option('--pass', 'ผ่าน / passes')
  .option('--fail', 'ไม่ผ่าน / fails')
  .option('--not-applicable', 'ไม่เกี่ยวข้องกับหน่วยงาน / does not apply to this agency')
  .option('--url <url>', 'URL ของหลักฐานที่ตรวจ / the evidence URL you checked (default: the item\'s best URL)')
  .option('--note <text>', 'หมายเหตุ / note')
  .option('--by <name>', 'ชื่อผู้ตรวจ / who decided')
  .option('--json', 'แสดงผลของข้อนี้เป็น JSON / print the item as JSON')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON / config file (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .action(async (target: string, code: string, opts: { pass?: boolean; fail?: boolean; notApplicable?: boolean; url?: string; note?: string; by?: string; json?: boolean }, cmd: Command) => {
    const { reviewItem } = await import('./api/review.js');
    const chosen = (['pass', 'fail', 'not-applicable'] as const).filter((s) => (s === 'pass' ? opts.pass : s === 'fail' ? opts.fail : opts.notApplicable));
    if (chosen.length !== 1) {
      throw new ConfigError('เลือกผลหนึ่งอย่าง: --pass, --fail หรือ --not-applicable', 'choose exactly one of --pass, --fail, --not-applicable');
    }
    const by = opts.by;
    if (!by?.trim()) throw new ConfigError('ต้องระบุชื่อผู้ตรวจด้วย --by', 'say who decided with --by <name>');
    const { config, sites } = opsContext(cmd, ['db', 'out']);
    await withStore(config.db, async (store) => {
      const r = await reviewItem(store, { target, code, status: chosen[0]!, url: opts.url, note: opts.note, by, checklistDir: config.checklistDir, out: config.out, sites });
      if (r.warning) process.stderr.write(`คำเตือน / warning: ${r.warning.th}\n     ${r.warning.en}\n`);
      if (opts.json) out(JSON.stringify(r.item, null, 2));
      else {
        out(`บันทึกแล้ว / recorded: ${r.item.code} ${chosen[0]} โดย ${r.override.by} (scan ${r.scanId})`);
        out(`ผลของข้อนี้ตอนนี้ / the item is now: ${STATUS_TH[r.item.status] ?? r.item.status}${r.override.evidenceHash ? ` — หลักฐาน / evidence ${r.override.url} sha256 ${r.override.evidenceHash.slice(0, 12)}…` : ''}`);
        if (r.reportDir) out(`รายงาน / report: ${r.reportDir}/report.html`);
      }
    });
  });

program
  .command('prune')
  .description('ลบหน้าเว็บที่เก็บไว้ของการสแกนเก่า เก็บคะแนนไว้ / retention: drop pages of all but the newest N scans per site, keep their scores')
  .requiredOption('--keep <n>', 'เก็บการสแกนล่าสุดกี่ครั้งต่อเว็บไซต์ / scans kept whole per site')
  .option('--site <site>', 'เฉพาะเว็บไซต์นี้ / only this site (name or URL)')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON / config file (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .action(async (opts: { keep: string; site?: string }, cmd: Command) => {
    const { pruneScans, siteFilter } = await import('./api/history.js');
    const keep = positiveInt(opts.keep, '--keep')!;
    const { config, sites } = opsContext(cmd, ['db']);
    const filter = opts.site ? siteFilter(opts.site, sites) : {};
    const lock = acquireRunLock(config.db, 'oit prune');
    try {
      await withStore(config.db, async (store) => {
        const pruned = await pruneScans(store, { keep, filter });
        const pages = pruned.reduce((n, p) => n + p.pages, 0);
        out(`ลบข้อมูลหน้าเว็บของการสแกน ${pruned.length} ครั้ง (${pages} หน้า) คะแนนยังอยู่ / pruned ${pruned.length} scans (${pages} pages); their scores stay in \`oit history\``);
        for (const p of pruned) out(`  ${p.scanId}  ${p.site}`);
      });
    } finally {
      lock?.release();
    }
  });

program
  .command('fleet')
  .description('ภาพรวมทุกหน่วยงานในฐานข้อมูล: คะแนน OIT ล่าสุด ข้อที่ขาด แนวโน้ม ความล้มเหลว และสรุปรายข้อ / every agency in the database: latest OIT score, missing items, trend, failures, and a summary by item')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--out <dir>', 'โฟลเดอร์ของ fleet.html, fleet.csv, fleet.json / folder for the fleet files (default <reports folder>/fleet)')
  .addOption(new Option('--lang <lang>', 'ภาษาของรายงาน / report language').choices(['th', 'en']).default('th'))
  .option('--sites <csv>', 'ชื่อหน่วยงานจากไฟล์ CSV "name,url" / agency names from a CSV file of "name,url" rows')
  .option('--json', 'แสดงผล oit-fleet/1 เป็น JSON / print the fleet JSON')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON (ชื่อหน่วยงานจาก sites) / config file, names from its sites (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .action(async (opts: { out?: string; lang: 'th' | 'en'; sites?: string; json?: boolean }, cmd: Command) => {
    const { loadFleet, openFleetStore } = await import('./api/fleet.js');
    const { readSitesCsv } = await import('./api/queue.js');
    const { newFleetReport } = await import('./report/fleet-view.js');
    const { writeFleetReport } = await import('./report/write-fleet.js');
    const { config, sites } = opsContext(cmd, ['db']);
    const listed = opts.sites ? readSitesCsv(opts.sites) : sites;
    const store = await openFleetStore(config.db);
    let report;
    try {
      report = newFleetReport(await loadFleet(store, { sites: listed }));
    } finally {
      await store.close();
    }
    const written = await writeFleetReport(opts.out ?? join(config.out, 'fleet'), report, opts.lang);
    if (opts.json) out(JSON.stringify(report, null, 2));
    else {
      out(formatFleet(report));
      out('');
      for (const f of written) out(`เขียนแล้ว / written: ${f}`);
    }
    process.exitCode = report.overall.notScanned === 0 && report.overall.withMissing === 0 ? EXIT.ok : EXIT.notPassed;
  });

program
  .command('serve')
  .description('เปิดโต๊ะตรวจบนเว็บเบราว์เซอร์: ผลการสแกน รายการรอตรวจ บันทึกผล และเริ่มสแกน / the review desk: a local web app for results, the review queue, decisions and scans')
  .option('--db <file|url>', 'ไฟล์ฐานข้อมูล SQLite หรือ URL postgres:// / SQLite file or postgres:// URL')
  .option('--out <dir>', 'โฟลเดอร์รายงาน / reports folder')
  .option('--port <n>', 'พอร์ต (0 = เลือกพอร์ตว่างให้) / port (0 picks a free one)', '8080')
  .option('--host <address>', 'ที่อยู่ที่รับการเชื่อมต่อ / address to listen on', '127.0.0.1')
  .option('--token <secret>', 'รหัสผ่านที่ทุกคำขอต้องมี (จำเป็นเมื่อไม่ใช่ 127.0.0.1) / a token every request must carry (required off loopback); or OIT_SERVE_TOKEN')
  .option('--max-scans <n>', 'จำนวนการสแกนพร้อมกัน ที่เหลือรอคิว / scans crawling at once, the rest wait (default 1)')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON / config file (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .action(async (opts: { port: string; host: string; token?: string; maxScans?: string }, cmd: Command) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port ต้องเป็นจำนวนเต็ม 0–65535 (ได้ "${opts.port}")`, `--port must be a whole number 0–65535 (got "${opts.port}")`);
    const { config } = opsContext(cmd, ['db', 'out']);
    const file = opsConfigFile(cmd);
    const owners = file ? readRunFile(file).owners : {};
    // Loaded only for `oit serve`: the other commands do not pay for the web server's start-up.
    const { startDesk } = await import('./serve/server.js');
    const desk = await startDesk({ config, host: opts.host, port, token: opts.token ?? process.env.OIT_SERVE_TOKEN, maxScans: positiveInt(opts.maxScans, '--max-scans'), owners });
    out(`listening ${desk.url}`);
    out(`โต๊ะตรวจ oit เปิดแล้ว — เปิดที่อยู่ข้างบนในเบราว์เซอร์ (Ctrl+C เพื่อหยุด) / the desk is open; Ctrl+C stops it`);
    await new Promise<void>((resolve) => {
      const stop = () => void desk.close().then(resolve, resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });

const QUEUE_SETTINGS = ['year', 'checklist', 'db', 'out', 'maxPages', 'maxDepth', 'maxMinutes', 'untilEvidence', 'concurrency', 'delayMs', 'render', 'chromiumPath', 'requestTimeoutMs', 'obeyRobots', 'useSitemaps', 'ocr', 'allowPrivate', 'quiet'];

program
  .command('enqueue')
  .description('เพิ่มงานสแกนหนึ่งงานต่อเว็บไซต์ลงในคิวบน PostgreSQL / add one scan job per site to the PostgreSQL job queue')
  .option('--config <file>', `ไฟล์ตั้งค่าที่มีรายการ sites / config file with "sites" (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .option('--sites <csv>', 'ไฟล์ CSV รายชื่อเว็บไซต์ "name,url" ต่อบรรทัด / CSV file of sites, "name,url" per line')
  .option('--site <name>', 'เฉพาะเว็บไซต์ชื่อนี้ (ใช้ซ้ำได้) / only this site (repeatable)', collect)
  .option('--db <url>', 'URL postgres:// ของคิวและฐานข้อมูล / postgres:// URL of the queue and the store')
  .option('--job-retries <n>', 'จำนวนครั้งที่ลองใหม่เมื่อ oit ผิดพลาด / retries after a tool error (default 2)')
  .option('--expire-minutes <n>', 'เวลาสูงสุดของการสแกนหนึ่งเว็บไซต์ / a scan running longer is hung and retried (default 240)')
  .option('--every <interval>', 'สแกนซ้ำทุกช่วงเวลา เช่น 7d, 12h / scan each site again this long after each scan ends, e.g. 7d, 12h')
  .option('--year <year>', 'ปีการประเมิน (พ.ศ.) สำหรับทุกเว็บไซต์ / assessment year for every site')
  .option('--checklist <file>', 'ใช้ไฟล์ checklist ของผู้ใช้แทนปีที่มีมากับโปรแกรม / judge with your own checklist file (see checklists/README.md)')
  .option('--out <dir>', 'โฟลเดอร์รายงาน (บนเครื่องที่สแกน) / reports folder (on the worker\'s machine)')
  .option('--max-pages <n>', 'จำนวนหน้าสูงสุดต่อเว็บไซต์ / page limit per site')
  .option('--max-depth <n>', 'ความลึกของลิงก์สูงสุด / link depth limit')
  .option('--max-minutes <n>', 'เวลาเก็บข้อมูลสูงสุด (นาที) / crawl time limit in minutes (default none)')
  .option('--until-evidence', 'หยุดเมื่อพบหลักฐานครบทุกข้อหรือไม่เหลือลิงก์ที่น่าจะเป็นหลักฐาน / stop once every item has evidence or no promising link is left')
  .option('--concurrency <n>', 'จำนวนคำขอพร้อมกันต่อเว็บไซต์ / parallel requests per site')
  .option('--delay-ms <ms>', 'เว้นระหว่างคำขอ (มิลลิวินาที) / minimum gap between requests')
  .addOption(new Option('--render <mode>', 'ใช้เบราว์เซอร์แสดงผล JavaScript / browser rendering').choices(['auto', 'always', 'never']))
  .option('--no-obey-robots', 'ไม่ปฏิบัติตาม robots.txt / ignore robots.txt')
  .option('--no-use-sitemaps', 'ไม่ใช้ sitemap.xml / do not seed from sitemaps')
  .option('--no-ocr', 'ไม่อ่าน PDF ที่เป็นภาพสแกน / no OCR of scanned PDFs')
  .option('--allow-private', 'อนุญาตให้เข้าถึงที่อยู่ภายใน / allow private addresses')
  .option('--quiet', 'แสดงเฉพาะข้อผิดพลาด / print errors only')
  .action(async (opts: { config?: string; sites?: string; site?: string[]; jobRetries?: string; expireMinutes?: string; every?: string }, cmd: Command) => {
    const { enqueueSites, parseEvery, readSitesCsv } = await import('./api/queue.js');
    const file = opsConfigFile(cmd);
    const flags = configFromFlags(typedFlags(cmd, QUEUE_SETTINGS));
    let listed: SiteConfig[];
    if (opts.sites) listed = readSitesCsv(opts.sites);
    else if (file) listed = readRunFile(file).sites;
    else {
      throw new ConfigError('ระบุรายชื่อเว็บไซต์ด้วย --config <ไฟล์ตั้งค่า> หรือ --sites <ไฟล์ CSV>', 'name the sites: --config <file with "sites"> or --sites <sites.csv>');
    }
    const unknown = (opts.site ?? []).filter((n) => !listed.some((s) => s.name === n));
    if (unknown.length) throw new ConfigError(`ไม่มีเว็บไซต์ชื่อ ${unknown.join(', ')}`, `no site named ${unknown.join(', ')}`);
    const chosen = opts.site?.length ? listed.filter((s) => opts.site!.includes(s.name)) : listed;
    if (!chosen.length) throw new ConfigError('ไม่มีเว็บไซต์ให้เพิ่มลงคิว', 'no sites to enqueue');
    const jobs = chosen.map((site) => ({ name: site.name, url: site.url, config: resolveConfig({ file, site, flags }) }));
    const db = jobs[0]!.config.db;
    const retries = opts.jobRetries === undefined ? undefined : Number(opts.jobRetries);
    if (retries !== undefined && (!Number.isInteger(retries) || retries < 0)) {
      throw new ConfigError(`--job-retries ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป (ได้ "${opts.jobRetries}")`, `--job-retries must be a whole number of at least 0 (got "${opts.jobRetries}")`);
    }
    const expire = positiveInt(opts.expireMinutes, '--expire-minutes');
    const everySeconds = opts.every === undefined ? undefined : parseEvery(opts.every);
    const outcome = await enqueueSites(db, jobs, { retryLimit: retries, expireInSeconds: expire === undefined ? undefined : expire * 60, everySeconds });
    if (!jobs[0]!.config.quiet) {
      for (const q of outcome.queued) out(`+ ${q.name ?? q.url}  ${q.url}`);
      for (const q of outcome.alreadyQueued) out(`= ${q.name ?? q.url}  ${q.url}  (มีงานรออยู่แล้ว / already queued)`);
      out(`เพิ่มลงคิว ${outcome.queued.length} งาน, มีอยู่แล้ว ${outcome.alreadyQueued.length} / queued ${outcome.queued.length}, already queued ${outcome.alreadyQueued.length}`);
      if (everySeconds) out(`สแกนซ้ำทุก ${opts.every} หลังสแกนเสร็จแต่ละครั้ง / each site is scanned again ${opts.every} after each scan ends`);
    }
  });

program
  .command('queue')
  .description('สถานะคิวงานสแกนบน PostgreSQL / how much work the PostgreSQL job queue holds')
  .option('--db <url>', 'URL postgres:// ของคิวและฐานข้อมูล / postgres:// URL of the queue and the store')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON (อ่านเฉพาะ db) / config file, for db (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .option('--json', 'แสดงผลเป็น JSON / print JSON')
  .action(async (opts: { json?: boolean }, cmd: Command) => {
    const { queueStatus } = await import('./api/queue.js');
    const db = resolveConfig({ flags: configFromFlags(typedFlags(cmd, ['db'])), file: opsConfigFile(cmd) }).db;
    const status = await queueStatus(db);
    if (opts.json) out(JSON.stringify(status));
    else {
      out(`รอสแกน ${status.waiting} · กำลังสแกน ${status.running} · เสร็จแล้ว ${status.completed} · ล้มเหลวถาวร ${status.deadLetters}`);
      out(`waiting ${status.waiting} · running ${status.running} · completed ${status.completed} · dead letters ${status.deadLetters}`);
    }
    // Dead letters need a person: say so in the exit code, like missing items do.
    if (status.deadLetters > 0) process.exitCode = EXIT.notPassed;
  });

program
  .command('worker')
  .description('รับงานสแกนจากคิวบน PostgreSQL จนกว่าจะได้รับ SIGTERM / scan sites from the PostgreSQL job queue until SIGTERM')
  .option('--db <url>', 'URL postgres:// ของคิวและฐานข้อมูล / postgres:// URL of the queue and the store')
  .option('--config <file>', `ไฟล์ตั้งค่า JSON (อ่านเฉพาะ db) / config file, for db (default ./${DEFAULT_CONFIG_FILE} when present)`)
  .option('--concurrency <n>', 'จำนวนเว็บไซต์ที่สแกนพร้อมกัน / sites scanned at once by this worker (default 1)')
  .option('--poll-seconds <n>', 'ตรวจหางานใหม่ทุกกี่วินาที / how often an idle worker looks for jobs (default 2, at least 0.5)')
  .option('--quiet', 'แสดงเฉพาะข้อผิดพลาด / print errors only')
  .action(async (opts: { concurrency?: string; pollSeconds?: string; quiet?: boolean }, cmd: Command) => {
    const { runWorker } = await import('./api/queue.js');
    const db = resolveConfig({ flags: configFromFlags(typedFlags(cmd, ['db'])), file: opsConfigFile(cmd) }).db;
    const quiet = Boolean(opts.quiet) || /^(1|true|yes|on)$/i.test(process.env.OIT_QUIET ?? '');
    const concurrency = positiveInt(opts.concurrency, '--concurrency') ?? 1;
    const poll = opts.pollSeconds === undefined ? undefined : Number(opts.pollSeconds);
    if (poll !== undefined && !(poll >= 0.5 && poll <= 3600)) {
      throw new ConfigError(`--poll-seconds ต้องอยู่ระหว่าง 0.5 ถึง 3600 (ได้ "${opts.pollSeconds}")`, `--poll-seconds must be between 0.5 and 3600 (got "${opts.pollSeconds}")`);
    }
    const controller = new AbortController();
    const stop = () => {
      if (!quiet) out('กำลังหยุด: เก็บหน้าที่กำลังโหลดให้เสร็จ แล้วคืนงานให้คิว / stopping: finishing the pages in flight, then handing the jobs back');
      controller.abort();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (!quiet) out(`oit worker: ${concurrency} งานพร้อมกัน / jobs at once, pid ${process.pid}`);
    const summary = await runWorker({
      db,
      concurrency,
      ...(poll === undefined ? {} : { pollingIntervalSeconds: poll }),
      signal: controller.signal,
      onError: (e) => process.stderr.write(`oit worker: ${e.message}\n`),
      onEvent: (e) => {
        const who = e.name ?? e.url;
        if (e.type === 'start' && !quiet) out(`> ${who}  ${e.url}`);
        if (e.type === 'done' && !quiet) out(`✓ ${who}  scan ${e.scanId}${e.resumed ? ' (ต่อจากครั้งก่อน / resumed)' : ''}  ${e.unreachable ? `ไม่มีคะแนน / not scored: ${e.unreachable.th}` : `OIT ${e.oit ?? '-'}`}`);
        if (e.type === 'failed') process.stderr.write(`✗ ${who}: ${e.error} (จะลองใหม่ถ้ายังไม่ครบจำนวนครั้ง / retried while retries remain)\n`);
        if (e.type === 'dead') process.stderr.write(`✗ ${who}: ${e.error} (ย้ายไปงานที่ล้มเหลว / moved to the dead letters)\n`);
      },
    });
    if (!quiet) out(`oit worker หยุดแล้ว: สำเร็จ ${summary.completed}, ล้มเหลว ${summary.failed} / stopped: ${summary.completed} completed, ${summary.failed} failed`);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.stderr.write(describeError(e) + '\n');
  process.exitCode = EXIT.error;
}
