/**
 * How eagerly V8 collects garbage in an oit process. By default V8 lets the heap grow to several times
 * the live data before a full collection when a program allocates fast, as crawling and judging do: a
 * 20,000-page scan whose live data fits in a 256 MB heap reached 614–900 MB of resident memory. With the
 * heap allowed to grow only 25 % past the live data after each collection it stayed at 432 MB, for about
 * 20 % more CPU on loopback (docs/scale.md). Unlike --max-old-space-size this sets no ceiling: a site
 * whose live data is bigger still completes. A `--heap-growing-percent` given to node wins.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 25;

export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
