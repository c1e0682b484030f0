/**
 * `npm run eval:gen`: generated fixture sites (test/fixtures/generator) through oit's judgement, compared
 * with the generator's ground truth (which never comes from oit). Seed ranges:
 *   tune     = 1–100     (look at these while improving the judgement)
 *   held-out = 1001–1300 (never tune on these; report them)
 *
 *   npm run eval:gen -- --seeds 1-100                 # offline: snapshots from the route maps (fast)
 *   npm run eval:gen -- --seeds 1001-1300 --json out.json
 *   npm run eval:gen -- --seeds 1-20 --year 2566      # one assessment year (default: the seed picks 2565–2567)
 *   npm run eval:gen -- --seeds 1-3 --e2e             # through the real crawler on loopback (PDFs printed by Chromium)
 *   npm run eval:gen -- --seeds 1-5 --verbose         # every wrong item with its case, rule and oit's reasons
 *   npm run eval:gen -- --seeds 1-60 --json a.json --full   # reasons and evidence of every row, not only wrong ones
 *                                                      # (compare two runs: npx tsx scripts/compare-eval-gen.ts a.json b.json)
 *   npm run eval:gen -- --seeds 1-50 --shape portal   # one CMS shape only
 *   npm run eval:gen -- --seeds 1-20 --bulk           # with realistic non-evidence bulk (news archive, galleries,
 *                                                     # calendar, library, staff pages): the figures must not change
 *
 * Prints sites, items, accuracy, false passes, false fails, the needs-review rate (reviews given where
 * the truth is pass or fail, over those items), a confusion table (expected × got), and per item and
 * per case: counts and wrong ones. Exits 1 on any false pass.
 */
import { writeFileSync } from 'node:fs';
import { generate, type Generated } from '../test/fixtures/generator/index.js';
import { SHAPES, type ShapeId } from '../test/fixtures/generator/shapes.js';
import type { FixtureOutcome } from '../test/helpers/run-fixture.js';
import { runOffline } from '../test/helpers/run-fixture.js';

const STATUSES = ['pass', 'fail', 'needs-review', 'not-applicable', 'error'] as const;

function usage(msg: string): never {
  console.error(`${msg}\nใช้: npm run eval:gen -- --seeds A-B [--year Y] [--shape S] [--bulk] [--e2e] [--verbose] [--json file] [--full]\nusage: npm run eval:gen -- --seeds A-B [--year Y] [--shape S] [--bulk] [--e2e] [--verbose] [--json file] [--full]`);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  const val = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) usage(`ต้องระบุค่าหลัง ${name} / ${name} needs a value`);
    return v;
  };
  const seedsArg = val('--seeds') ?? '1-20';
  const m = /^(\d+)(?:-(\d+))?$/.exec(seedsArg);
  if (!m) usage(`ช่วง seed ไม่ถูกต้อง: ${seedsArg} / bad seed range: ${seedsArg}`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from) usage(`ช่วง seed กลับด้าน / seed range is reversed: ${seedsArg}`);
  const yearArg = val('--year');
  const year = yearArg === undefined ? undefined : Number(yearArg);
  if (year !== undefined && !/^25\d\d$/.test(yearArg!)) usage(`ปีไม่ถูกต้อง: ${yearArg} / bad year: ${yearArg}`);
  const shape = val('--shape');
  if (shape !== undefined && !SHAPES.includes(shape as ShapeId)) usage(`ไม่รู้จักรูปแบบเว็บไซต์ ${shape} (มี ${SHAPES.join(', ')}) / unknown shape ${shape} (one of ${SHAPES.join(', ')})`);
  return { from, to, year, shape: shape as ShapeId | undefined, json: val('--json'), bulk: argv.includes('--bulk'), e2e: argv.includes('--e2e'), verbose: argv.includes('--verbose'), full: argv.includes('--full') };
}

interface Row {
  seed: number;
  year: number;
  shape: string;
  itaStyle: string;
  code: string;
  concept: string;
  caseId: string;
  want: string;
  got: string;
  reasons: string[];
  evidence: string[];
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let runE2e: ((g: Generated) => Promise<FixtureOutcome>) | undefined;
  let close: (() => Promise<void>) | undefined;
  if (args.e2e) {
    const e2e = await import('../test/helpers/e2e-fixture.js');
    const pdf = await import('../test/helpers/pdf.js');
    runE2e = (g) => e2e.runEndToEnd(g.site);
    close = pdf.closePdfBrowser;
  }
  const rows: Row[] = [];
  const oit: { seed: number; expected: number; got: number }[] = [];
  const t0 = Date.now();
  try {
    for (let seed = args.from; seed <= args.to; seed++) {
      const g = generate(seed, { year: args.year, shape: args.shape, ...(args.bulk ? { bulk: 'portal' as const } : {}) });
      const o = runE2e ? await runE2e(g) : runOffline(g.site);
      oit.push({ seed, expected: o.oitExpected, got: o.oitGot });
      const got = new Map(o.results.map((r) => [r.code, r]));
      for (const p of g.items) {
        const r = got.get(p.code);
        rows.push({ seed, year: g.site.year, shape: g.shape, itaStyle: g.itaStyle, code: p.code, concept: p.concept, caseId: p.caseId, want: p.truth, got: r?.status ?? 'error', reasons: r?.reasons ?? [], evidence: (r?.evidence ?? []).map((e) => `${e.url} via ${e.foundVia}${e.quote ? ` «${e.quote.slice(0, 80)}»` : ''}`) });
      }
      if (args.verbose) {
        const wrong = rows.filter((x) => x.seed === seed && x.want !== x.got);
        console.log(`seed ${seed} ${g.site.description}: ${wrong.length} wrong, OIT expected ${o.oitExpected.toFixed(2)} got ${o.oitGot.toFixed(2)}`);
        for (const w of wrong) {
          console.log(`  ${w.want === 'fail' && w.got === 'pass' ? 'FALSE PASS' : 'wrong'} ${w.code} [${w.concept}] case ${w.caseId}: want ${w.want} got ${w.got}`);
          console.log(`      truth: ${g.site.expected.notes?.[w.code] ?? ''}`);
          for (const reason of w.reasons.slice(0, 4)) console.log(`      oit: ${reason}`);
          if (w.got === 'pass') for (const e of w.evidence.slice(0, 2)) console.log(`      oit evidence: ${e}`);
        }
      }
    }
  } finally {
    await close?.();
  }

  const n = rows.length;
  const correct = rows.filter((r) => r.want === r.got).length;
  const falsePass = rows.filter((r) => r.got === 'pass' && r.want !== 'pass');
  const falseFail = rows.filter((r) => r.got === 'fail' && r.want !== 'fail');
  const decided = rows.filter((r) => r.want === 'pass' || r.want === 'fail');
  const reviewOfDecided = decided.filter((r) => r.got === 'needs-review');
  const sites = args.to - args.from + 1;
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) : '0.00');
  const oitErr = oit.reduce((a, x) => a + Math.abs(x.expected - x.got), 0) / Math.max(1, oit.length);

  console.log(`\neval:gen ${args.e2e ? 'end-to-end' : 'offline'} seeds ${args.from}-${args.to}${args.year ? ` year ${args.year}` : ''}${args.shape ? ` shape ${args.shape}` : ''}${args.bulk ? ' with bulk' : ''} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  console.log(`sites ${sites}  items ${n}  correct ${correct}  accuracy ${pct(correct, n)}%`);
  console.log(`false passes ${falsePass.length}  false fails ${falseFail.length}  needs-review where truth is pass/fail ${reviewOfDecided.length}/${decided.length} (${pct(reviewOfDecided.length, decided.length)}%)`);
  console.log(`OIT mean |expected - got| ${oitErr.toFixed(2)} points`);

  console.log('\nconfusion (rows: expected, columns: got)');
  console.log(`${''.padEnd(14)}${STATUSES.map((s) => s.padStart(15)).join('')}`);
  for (const w of STATUSES) {
    const xs = rows.filter((r) => r.want === w);
    if (!xs.length) continue;
    console.log(`${w.padEnd(14)}${STATUSES.map((g) => String(xs.filter((r) => r.got === g).length).padStart(15)).join('')}`);
  }

  const group = (key: (r: Row) => string, title: string) => {
    const m = new Map<string, Row[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    console.log(`\nby ${title}: total  wrong  false-pass  false-fail  review-of-decided`);
    for (const [k, xs] of [...m].sort((a, b) => b[1].filter((r) => r.want !== r.got).length - a[1].filter((r) => r.want !== r.got).length || a[0].localeCompare(b[0]))) {
      const wrong = xs.filter((r) => r.want !== r.got).length;
      const fp = xs.filter((r) => r.got === 'pass' && r.want !== 'pass').length;
      const ff = xs.filter((r) => r.got === 'fail' && r.want !== 'fail').length;
      const rv = xs.filter((r) => r.got === 'needs-review' && r.want !== 'needs-review').length;
      console.log(`  ${k.padEnd(40)}${String(xs.length).padStart(6)}${String(wrong).padStart(7)}${String(fp).padStart(12)}${String(ff).padStart(12)}${String(rv).padStart(19)}`);
    }
  };
  group((r) => r.caseId, 'case (fault)');
  group((r) => `${r.year} ${r.code} ${r.concept}`, 'item');
  group((r) => r.shape, 'shape');

  if (falsePass.length) {
    console.log('\nFALSE PASSES (first 40):');
    for (const r of falsePass.slice(0, 40)) console.log(`  seed ${r.seed} ${r.year} ${r.code} [${r.concept}] case ${r.caseId}: want ${r.want}`);
  }
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify({ seeds: [args.from, args.to], year: args.year ?? null, mode: args.e2e ? 'e2e' : 'offline', sites, items: n, correct, accuracy: Number(pct(correct, n)), falsePasses: falsePass.length, falseFails: falseFail.length, reviewOfDecided: reviewOfDecided.length, decided: decided.length, oit, rows: rows.map(({ reasons, evidence, ...r }) => ({ ...r, ...(r.want === r.got && !args.full ? {} : { reasons, evidence }) })) }, null, 1),
    );
    console.log(`\nJSON: ${args.json}`);
  }
  return falsePass.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
