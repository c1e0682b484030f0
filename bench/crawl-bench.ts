/**
 * Crawl speed: a generated 5,000-page Thai site (with PDFs) on loopback, crawled by
 *   (a) a bare fetch + cheerio loop (the yardstick), (b) oit's crawl alone (render 'never', temp SQLite),
 *   (c) the whole `oit scan` (crawl, judging every item, reports: what a user waits for), (d) Crawlee's
 *   CheerioCrawler — at the same concurrency. Prints pages/s, ratios and peak RSS.
 * Each crawler runs in its own child process. Usage: npm run bench [-- --pages N --concurrency C]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundHeapGrowth } from '../src/cli/heap.js';
import { runBare, runCrawlee, runOit, runOitScan, type RunResult } from './runners.js';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

/** CPU seconds are the process's (every thread of it), not the children it spawns (pdftotext). */
type Outcome = (RunResult & { peakRssMb: number; cpuSeconds: number }) | { skipped: string };

/** Child mode: run one crawler, sample RSS, print one JSON line. */
async function child(kind: string, start: string, max: number, concurrency: number): Promise<void> {
  // oit's own processes (the CLI, workers) collect garbage as src/cli/heap.ts sets; so do its runs here.
  if (kind.startsWith('oit')) boundHeapGrowth();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const dir = mkdtempSync(join(tmpdir(), `oit-bench-${kind}-`));
  const cpu0 = process.cpuUsage();
  try {
    const r =
      kind === 'bare'
        ? await runBare(start, max, concurrency)
        : kind === 'oit'
          ? await runOit(start, max, concurrency, dir)
          : kind === 'oit-scan'
            ? await runOitScan(start, max, concurrency, dir)
            : await runCrawlee(start, max, concurrency, dir);
    peak = Math.max(peak, process.memoryUsage.rss());
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    process.stdout.write(`RESULT ${JSON.stringify('skipped' in r ? r : { ...r, peakRssMb: Math.round(peak / 1048576), cpuSeconds })}\n`);
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

function runNode(args: string[], onLine: (line: string) => void): ChildProcess {
  const p = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = '';
  p.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  return p;
}

async function runChild(kind: string, start: string, max: number, concurrency: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let result: Outcome | undefined;
    const p = runNode([join(here, 'crawl-bench.ts'), '--child', kind, '--start', start, '--max', String(max), '--concurrency', String(concurrency)], (line) => {
      if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7)) as Outcome;
    });
    p.stdin!.end();
    p.on('exit', (code) => (result ? resolve(result) : code === 0 ? resolve({ skipped: 'no result' }) : reject(new Error(`${kind} exited ${code}`))));
  });
}

/** A handful of real Thai PDFs printed by Chromium, made once and cached. */
async function ensurePdfs(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).filter((f) => f.endsWith('.pdf')).length >= 5) return;
  try {
    const { makePdf, closePdfBrowser } = await import('../test/helpers/pdf.js');
    try {
      for (let k = 0; k < 5; k++) {
        writeFileSync(join(dir, `${k}.pdf`), await makePdf(`<h1>รายงานความก้าวหน้าการดำเนินงาน ฉบับที่ ${k + 1}</h1><p>ประจำปีงบประมาณ พ.ศ. 2568 องค์การบริหารส่วนตำบลตัวอย่าง</p>`));
      }
    } finally {
      await closePdfBrowser();
    }
  } catch (e) {
    console.warn(`(no PDFs: ${(e as Error).message})`);
  }
}

/** CPU seconds and how many of the machine's cores they kept busy on average. */
function cpuOf(r: RunResult & { cpuSeconds: number }): string {
  return `CPU ${r.cpuSeconds.toFixed(1)} s (${(r.cpuSeconds / r.seconds).toFixed(2)} of ${cpus().length} cores)`;
}

/** The whole scan's time split: the crawl, then judging every item and writing the reports. */
function phasesOf(r: RunResult): string {
  if (r.crawlSeconds === undefined) return '';
  return `; crawl ${r.crawlSeconds.toFixed(2)}s + judging and reports ${(r.seconds - r.crawlSeconds).toFixed(2)}s`;
}

async function main(): Promise<void> {
  if (process.argv.includes('--child')) {
    return child(arg('--child', ''), arg('--start', ''), Number(arg('--max', '0')), Number(arg('--concurrency', '8')));
  }
  const pages = Number(arg('--pages', '5000'));
  const concurrency = Number(arg('--concurrency', '8'));
  const pdfDir = join(here, '..', '.oit-cache', 'bench-pdfs');
  await ensurePdfs(pdfDir);
  const site = await new Promise<{ proc: ChildProcess; origin: string }>((resolve, reject) => {
    const proc = runNode([join(here, 'bench-site.ts'), '--pages', String(pages), ...(existsSync(pdfDir) ? ['--pdf-dir', pdfDir] : [])], (line) => {
      const m = /^PORT (\d+)/.exec(line);
      if (m) resolve({ proc, origin: `http://127.0.0.1:${m[1]}` });
    });
    proc.on('exit', (code) => reject(new Error(`site server exited ${code}`)));
  });
  const start = `${site.origin}/`;
  const max = pages * 2;
  console.log(`site: ${pages} pages (+ PDFs) at ${start}, concurrency ${concurrency}`);
  const results: Record<string, Outcome> = {};
  try {
    for (const kind of ['bare', 'oit', 'oit-scan', 'crawlee']) {
      results[kind] = await runChild(kind, start, max, concurrency);
      const r = results[kind]!;
      console.log('skipped' in r ? `${kind.padEnd(9)} skipped: ${r.skipped}` : `${kind.padEnd(9)} ${r.pages} pages in ${r.seconds.toFixed(2)}s = ${(r.pages / r.seconds).toFixed(0)} pages/s, peak RSS ${r.peakRssMb} MB, ${cpuOf(r)}${phasesOf(r)}`);
    }
  } finally {
    site.proc.stdin?.end();
    site.proc.kill('SIGTERM');
  }
  const rate = (o: Outcome | undefined) => (o && !('skipped' in o) ? o.pages / o.seconds : undefined);
  const [bare, oit, scan, crawlee] = [rate(results.bare), rate(results.oit), rate(results['oit-scan']), rate(results.crawlee)];
  if (bare && oit) console.log(`oit/bare    = ${(oit / bare).toFixed(2)} (crawl alone; target ≥ 0.5, aim 0.8)`);
  if (bare && scan) console.log(`oit scan/bare = ${(scan / bare).toFixed(2)} (the whole oit scan: crawl, judging, reports; target ≥ 0.5, aim 0.8)`);
  if (crawlee && oit) console.log(`oit/crawlee = ${(oit / crawlee).toFixed(2)} (target ≥ 1.5)`);
  const o = results.oit;
  if (o && !('skipped' in o)) console.log(`oit peak RSS ${o.peakRssMb} MB (limit 400 MB)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
