import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { boundHeapGrowth } from '../../src/cli/heap.js';

// A program that keeps ~60 MB of live objects while allocating garbage fast, as a crawl does; prints its peak RSS in MB.
const ALLOCATOR = `
const bound = process.argv[1] === 'bound';
if (bound) {
  const { boundHeapGrowth } = await import(${JSON.stringify(new URL('../../src/cli/heap.ts', import.meta.url).href)});
  boundHeapGrowth([]);
}
const live = [];
let peak = 0;
for (let i = 0; i < 120; i++) {
  live.push(Array.from({ length: 20000 }, (_v, j) => ({ j, s: 'ข้อมูล' + j })));
  if (live.length > 40) live.shift();
  for (let k = 0; k < 10; k++) Array.from({ length: 20000 }, (_v, j) => ({ j, s: 'ขยะ' + j }));
  peak = Math.max(peak, process.memoryUsage.rss());
}
console.log(Math.round(peak / 1048576));
`;

function peakRss(mode: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ALLOCATOR, mode], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout.trim());
}

describe('heap growth bound', () => {
  it('leaves a heap-growing-percent given to node alone', () => {
    expect(boundHeapGrowth(['--heap-growing-percent=50'])).toBe(false);
  });

  it('keeps the resident memory of a fast-allocating process well below V8’s default', () => {
    const free = peakRss('default');
    const bound = peakRss('bound');
    expect(bound, `${bound} MB bounded, ${free} MB default`).toBeLessThan(free * 0.8);
  }, 120_000);
});
