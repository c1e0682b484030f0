/**
 * Compares two `npm run eval:gen -- --json FILE --full` outputs row by row: the same status, evidence
 * (URL, how it was found, quote) and reasons for every (seed, item). Used to show that a speed or memory change leaves every verdict
 * as it was. Usage: npx tsx scripts/compare-eval-gen.ts before.json after.json   (exit 1 on any difference)
 */
import { readFileSync } from 'node:fs';

interface Row {
  seed: number;
  code: string;
  got: string;
  reasons?: string[];
  evidence?: string[];
}

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('ใช้: npx tsx scripts/compare-eval-gen.ts before.json after.json / usage: npx tsx scripts/compare-eval-gen.ts before.json after.json');
  process.exit(1);
}
const rowsOf = (file: string): Row[] => {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { rows?: Row[] } | Row[];
  return Array.isArray(data) ? data : (data.rows ?? []);
};
const key = (r: Row) => `${r.seed} ${r.code}`;
const before = new Map(rowsOf(a).map((r) => [key(r), r]));
const after = new Map(rowsOf(b).map((r) => [key(r), r]));
let diff = 0;
for (const k of new Set([...before.keys(), ...after.keys()])) {
  const x = before.get(k);
  const y = after.get(k);
  const same = x && y && x.got === y.got && JSON.stringify(x.evidence) === JSON.stringify(y.evidence) && JSON.stringify(x.reasons) === JSON.stringify(y.reasons);
  if (!same) {
    diff++;
    if (diff <= 20) console.log(`${k}: ${x?.got ?? '-'} ${JSON.stringify(x?.evidence ?? [])} → ${y?.got ?? '-'} ${JSON.stringify(y?.evidence ?? [])}`);
  }
}
console.log(`${before.size} rows before, ${after.size} after, ${diff} different`);
process.exit(diff ? 1 : 0);
