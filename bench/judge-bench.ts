/**
 * Judging at scale: the generated Thai CMS site (bench/judge-site.ts, about 55 links a page) of 5,000,
 * 20,000 and 50,000 pages, scanned by the real CLI (`oit scan --render never --year 2565`, SQLite) and
 * then re-judged (`oit check --scan`), each in its own process, as a user runs them (bin/oit.js, the
 * compiled CLI, built from the current sources first). Prints per size: scan wall time (and the
 * crawl's time from the scan record), check wall time, each process's CPU seconds and peak RSS (VmHWM), the database size,
 * stored link rows, and the verdicts (so two runs, before and after a change, can be compared).
 * Usage: npm run bench:judge [-- --pages 5000[,20000,…]] [--json] [--keep DIR] [--verdicts FILE]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.js';
import { crawlSecondsOf } from './scan-record.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const sizes = arg('--pages', '5000,20000,50000').split(',').map(Number);
const asJson = process.argv.includes('--json');
const year = arg('--year', '2565');

interface Run {
  code: number | null;
  seconds: number;
  peakRssMb: number;
  /** CPU seconds of the process (polled every 100 ms, so up to 0.1 s short): on a shared machine, steadier than wall time. */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s); Linux only. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Peak resident memory of a process (VmHWM), polled until it exits; Linux only. */
function hwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // The command a user runs: bin/oit.js, which starts the compiled CLI (built first by main()).
    const p = spawn(process.execPath, [join(root, 'bin/oit.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let cpu = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, hwm(p.pid!));
      cpu = Math.max(cpu, cpuSeconds(p.pid!));
    }, 100);
    p.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - t0) / 1000, peakRssMb: Math.round(peak), cpuSeconds: cpu, stdout, stderr: stderr.slice(-2000) });
    });
  });
}

async function startSite(pages: number): Promise<{ origin: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(here, 'judge-site.ts'), '--pages', String(pages), '--year', year], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = '';
    p.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /PORT (\d+)/.exec(buf);
      if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, stop: () => (p.stdin!.end(), p.kill('SIGTERM')) });
    });
    p.on('exit', (code) => reject(new Error(`site server exited ${code}`)));
  });
}

const dbBytes = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('oit.db')).reduce((s, f) => s + statSync(join(dir, f)).size, 0);

async function one(pages: number) {
  const dir = arg('--keep', '') ? join(arg('--keep', ''), String(pages)) : mkdtempSync(join(tmpdir(), 'oit-judge-bench-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const site = await startSite(pages);
  const db = join(dir, 'oit.db');
  try {
    const common = ['--db', db, '--quiet'];
    const scan = await runCli(['scan', `${site.origin}/`, '--year', year, '--render', 'never', '--no-ocr', '--max-pages', String(Math.ceil(pages * 1.2) + 500), '--max-depth', '100000', '--out', join(dir, 'reports'), '--json', join(dir, 'scan.json'), ...common]);
    if (scan.code !== 0 && scan.code !== 2) throw new Error(`oit scan exited ${scan.code}: ${scan.stderr}`);
    const scanJson = JSON.parse(readFileSync(join(dir, 'scan.json'), 'utf8')) as { scan: { id: string }; oit: { score: number }; items: Array<{ code: string; status: string }> };
    const scanId = scanJson.scan.id;
    const store = await openStore(db);
    const scanRec = await store.getScan(scanId);
    const stored = (await store.listPageStubs!(scanId)).length;
    await store.close();
    const dbMb = dbBytes(dir) / 1048576;
    const check = await runCli(['check', '--scan', scanId, '--json', join(dir, 'check.json'), ...common]);
    if (check.code !== 0 && check.code !== 2) throw new Error(`oit check exited ${check.code}: ${check.stderr}`);
    const checkJson = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')) as typeof scanJson;
    const verdicts = Object.fromEntries(scanJson.items.map((i) => [i.code, i.status]));
    // Whole item results (status, URLs, evidence, reasons), not only the statuses.
    const same = JSON.stringify(scanJson.items) === JSON.stringify(checkJson.items);
    return {
      pages,
      stored,
      scanSeconds: scan.seconds,
      crawlSeconds: crawlSecondsOf(scanRec) ?? 0,
      scanRssMb: scan.peakRssMb,
      scanCpuSeconds: scan.cpuSeconds,
      checkSeconds: check.seconds,
      checkCpuSeconds: check.cpuSeconds,
      checkRssMb: check.peakRssMb,
      dbMb,
      oit: scanJson.oit.score,
      checkSameAsScan: same,
      verdicts,
      items: scanJson.items,
      dir,
    };
  } finally {
    site.stop();
    if (!arg('--keep', '')) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // Measure the current sources as users run them: compiled (tsx would add its start-up to every run).
  process.stderr.write('building dist/ (npm run build)…\n');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`npm run build exited ${built.status}`);
  const rows = [];
  for (const n of sizes) {
    const r = await one(n);
    rows.push(r);
    if (!asJson) {
      console.log(
        `${String(r.pages).padStart(6)} pages (${r.stored} stored): scan ${r.scanSeconds.toFixed(1)} s (crawl ${r.crawlSeconds.toFixed(1)} s; CPU ${r.scanCpuSeconds.toFixed(1)} s), peak RSS ${r.scanRssMb} MB · ` +
          `check ${r.checkSeconds.toFixed(1)} s = ${((100 * r.checkSeconds) / r.scanSeconds).toFixed(0)} % of the scan (CPU ${r.checkCpuSeconds.toFixed(1)} s = ${((100 * r.checkCpuSeconds) / Math.max(0.1, r.scanCpuSeconds)).toFixed(0)} %), peak RSS ${r.checkRssMb} MB · ` +
          `database ${r.dbMb.toFixed(1)} MB (${((r.dbMb * 1024) / Math.max(1, r.stored)).toFixed(1)} KB/page) · OIT ${r.oit} · check = scan verdicts: ${r.checkSameAsScan}`,
      );
      console.log(`        verdicts ${Object.entries(r.verdicts).map(([c, s]) => `${c}:${s[0]}`).join(' ')}`);
    }
  }
  if (asJson) console.log(JSON.stringify(rows, null, 2));
  const out = arg('--verdicts', '');
  if (out) writeFileSync(out, JSON.stringify(Object.fromEntries(rows.map((r) => [r.pages, r.items])), null, 2));
  if (!existsSync(root)) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
