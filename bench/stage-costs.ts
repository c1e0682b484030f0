/**
 * Where a scan's time goes, measured on this machine with oit's own functions: HTTP fetch and parse
 * of a page, the store write per page (SQLite and PostgreSQL), pdftotext on a multi-page Thai PDF,
 * OCR of a scanned page, a Chromium render, judging a stored scan and writing its reports. Everything
 * runs on loopback: these are CPU and disk costs, without network latency or politeness gaps.
 * Usage: npm run bench:stages [-- --json --quick]
 */
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFleet } from '../test/helpers/fleet-sites.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../test/helpers/postgres.js';
import { documentStages } from './stages/documents.js';
import { httpStages } from './stages/http.js';
import { realJudgeStage, scanStages } from './stages/judge.js';
import { renderStages } from './stages/render.js';
import { pathBytes, sqliteBytes, type StorageFigure } from './stages/storage.js';
import { storeStages } from './stages/store.js';
import type { StageFigure } from './stages/timer.js';

/** Saved production HTML of a real agency home page (read-only project data), used when present. */
const REAL_PAGE = fileURLToPath(new URL('../../shared/real-pages/phukradung-home.html', import.meta.url));
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (s: string) => (json ? process.stderr.write(s + '\n') : console.log(s));

function table(rows: StageFigure[]): string {
  const head = ['stage', 'per', 'n', 'median ms', 'mean ms', 'min ms', 'CPU ms', 'note'];
  const fmt = (x: number) => (Number.isNaN(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(2));
  const cells = rows.map((r) => [r.stage, r.unit, String(r.n), fmt(r.medianMs), fmt(r.meanMs), fmt(r.minMs), r.cpuMs === undefined ? '-' : fmt(r.cpuMs), r.note ?? '']);
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  return [head, ...cells].map((c) => c.map((x, i) => (i >= 2 && i <= 6 ? x.padStart(w[i]!) : x.padEnd(w[i]!))).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'oit-stages-'));
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version };
  log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.ramGb} GB RAM, Node ${machine.node}`);
  // Site 13 of the fleet has evidence for all 43 items; 150 news articles make it ~200 pages.
  const fleet = await startFleet(14, { newsPages: 150 });
  const site = fleet.sites[13]!;
  const pgWhy = postgresUnavailable();
  let pg: TestPostgres | undefined;
  const rows: StageFigure[] = [];
  const storage: StorageFigure[] = [];
  const stage = async (what: string, fn: () => Promise<StageFigure[]>) => {
    log(`measuring ${what}…`);
    rows.push(...(await fn()));
  };
  try {
    if (!pgWhy) pg = await startPostgres();
    const http = await httpStages(site, quick ? 100 : 500, REAL_PAGE);
    rows.push(...http.figures);
    const sets = [
      { label: 'generated pages', snapshots: http.fleetSnapshots },
      { label: 'real home page', snapshots: http.realSnapshots },
    ];
    await stage('store writes', async () => {
      const file = join(dir, 'stages.db');
      const lite = await storeStages('SQLite', file, sets, quick ? 5 : 20, () => sqliteBytes(file));
      storage.push(...lite.storage);
      if (!pg) return lite.figures;
      const on = await storeStages('PostgreSQL', await pg.createDatabase('stages'), sets, quick ? 5 : 20, () => pathBytes(join(pg!.dataDir, 'base')));
      storage.push(...on.storage);
      return [...lite.figures, ...on.figures];
    });
    await stage('documents', () => documentStages(quick ? 5 : 20, quick ? 1 : 3));
    await stage('Chromium', () => renderStages(quick ? 5 : 20));
    await stage('whole scans, judging, reports', async () => {
      const out: StageFigure[] = [];
      const file = join(dir, 'scan.db');
      const lite = await scanStages('SQLite', file, site, quick ? 3 : 10, () => sqliteBytes(file));
      out.push(...lite.figures);
      storage.push(lite.storage);
      if (pg) {
        // The whole server's data directory: this bench is its only user.
        const on = await scanStages('PostgreSQL', await pg.createDatabase('scan'), site, quick ? 3 : 10, () => pathBytes(join(pg!.dataDir, 'base')));
        out.push(...on.figures);
        storage.push(on.storage);
      }
      out.push(...(await realJudgeStage(join(dir, 'real-judge.db'), http.realSnapshots, quick ? 100 : 400, quick ? 1 : 3)));
      return out;
    });
  } finally {
    await fleet.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (pgWhy) log(`PostgreSQL stages skipped: ${pgWhy}`);
  if (json) process.stdout.write(JSON.stringify({ machine, stages: rows, storage }, null, 2) + '\n');
  else {
    console.log('');
    console.log(table(rows));
    console.log('');
    for (const s of storage) {
      console.log(`storage (${s.store}): ${s.scans} scan(s), ${s.pages} pages, ${s.links} links → ${(s.bytes / 2 ** 20).toFixed(1)} MB on disk = ${(s.bytesPerPage / 1024).toFixed(1)} KB per stored page`);
    }
    console.log('CPU ms = this process plus the child processes it waited for (pdftotext, tesseract, a closed browser), per unit; not the PostgreSQL server.');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
