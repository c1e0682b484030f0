import { readFileSync } from 'node:fs';

/** Timing of one stage: warm-up runs first (JIT, caches, connections), then n measured runs. */

export interface StageFigure {
  stage: string;
  /** What one run processes: "page", "document (3 pages)", "scan (200 pages)". */
  unit: string;
  n: number;
  medianMs: number;
  meanMs: number;
  minMs: number;
  /** CPU of this process and of its finished child processes (pdftotext, tesseract, a closed browser) per unit. */
  cpuMs?: number;
  note?: string;
}

/** User + system CPU ms of this process and of the children it has waited for (Linux; else self only). */
export function cpuMsSoFar(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    children = ((Number(f[13]) + Number(f[14])) * 1000) / 100; // cutime + cstime, in ticks of 10 ms
  } catch {
    /* not Linux */
  }
  return (own.user + own.system) / 1000 + children;
}

export async function timeEach(stage: string, unit: string, n: number, fn: (k: number) => Promise<unknown>, options: { warmup?: number; perRun?: number; note?: string } = {}): Promise<StageFigure> {
  for (let k = 0; k < (options.warmup ?? 1); k++) await fn(-1 - k);
  const ms: number[] = [];
  const cpu0 = cpuMsSoFar();
  for (let k = 0; k < n; k++) {
    const t = performance.now();
    await fn(k);
    ms.push((performance.now() - t) / (options.perRun ?? 1));
  }
  const cpuPerUnit = (cpuMsSoFar() - cpu0) / (n * (options.perRun ?? 1));
  ms.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    stage, unit, n: n * (options.perRun ?? 1),
    medianMs: r(ms[Math.floor(ms.length / 2)]!), meanMs: r(ms.reduce((a, b) => a + b, 0) / ms.length), minMs: r(ms[0]!), cpuMs: r(cpuPerUnit),
    ...(options.note ? { note: options.note } : {}),
  };
}
