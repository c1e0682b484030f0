/**
 * `npm run eval`: runs every fixture site through crawl → store → judge and compares each item with
 * the site's ground truth. Prints, per site: items, correct, accuracy, false passes, false fails,
 * false needs-review, and OIT expected vs got. Exits 1 if any item is a false pass (the worst bug:
 * we would tell an agency it publishes something a grader would reject).
 *
 *   npm run eval                 # end to end (real PDFs, loopback server, src/crawl, SQLite :memory:)
 *   npm run eval -- --offline    # snapshots built from the route maps, no network or browser (fast)
 *   npm run eval -- --site traps # only sites whose name starts with "traps"
 *   npm run eval -- --verbose    # every wrong item with its reasons
 */
import { FIXTURE_SITES } from '../test/fixtures/sites/index.js';
import type { FixtureOutcome } from '../test/helpers/run-fixture.js';
import { runOffline } from '../test/helpers/run-fixture.js';

const args = process.argv.slice(2);
const offline = args.includes('--offline');
const verbose = args.includes('--verbose');
const siteArg = args[args.indexOf('--site') + 1];
const sites = FIXTURE_SITES.filter((s) => !args.includes('--site') || (siteArg && s.name.startsWith(siteArg)));

async function main(): Promise<number> {
  const outcomes: FixtureOutcome[] = [];
  let runE2e: ((s: (typeof sites)[number]) => Promise<FixtureOutcome>) | undefined;
  let close: (() => Promise<void>) | undefined;
  if (!offline) {
    const e2e = await import('../test/helpers/e2e-fixture.js');
    const pdf = await import('../test/helpers/pdf.js');
    runE2e = (s) => e2e.runEndToEnd(s);
    close = pdf.closePdfBrowser;
  }
  try {
    for (const site of sites) {
      const t0 = Date.now();
      const o = runE2e ? await runE2e(site) : runOffline(site);
      outcomes.push(o);
      const line = [
        site.name.padEnd(16),
        `items ${o.items}`,
        `correct ${o.correct}`,
        `accuracy ${o.accuracy.toFixed(2)}%`,
        `false-pass ${o.falsePasses.length}`,
        `false-fail ${o.falseFails.length}`,
        `false-review ${o.falseReviews.length}`,
        `OIT expected ${o.oitExpected.toFixed(2)} got ${o.oitGot.toFixed(2)}`,
        `${((Date.now() - t0) / 1000).toFixed(1)}s`,
      ].join('  ');
      console.log(line);
      const wrong = [...o.falsePasses.map((x) => `FALSE PASS ${x}`), ...o.falseFails.map((x) => `false fail ${x}`), ...o.falseReviews.map((x) => `false needs-review ${x}`), ...o.otherWrong];
      for (const w of wrong) {
        console.log(`    ${w}`);
        if (verbose) {
          const r = o.results.find((x) => x.code === w.split(' ').find((p) => /^O\d+$/.test(p)));
          for (const reason of r?.reasons ?? []) console.log(`        ${reason}`);
        }
      }
    }
  } finally {
    await close?.();
  }
  const items = outcomes.reduce((a, o) => a + o.items, 0);
  const correct = outcomes.reduce((a, o) => a + o.correct, 0);
  const falsePasses = outcomes.reduce((a, o) => a + o.falsePasses.length, 0);
  const oitOk = outcomes.every((o) => Math.abs(o.oitExpected - o.oitGot) < 0.005);
  console.log(
    `\n${offline ? 'offline' : 'end-to-end'}: ${outcomes.length} sites, ${correct}/${items} items correct (${items ? ((100 * correct) / items).toFixed(2) : '0'}%), ` +
      `${falsePasses} false pass(es), OIT ${oitOk ? 'all as expected' : 'MISMATCH'}`,
  );
  return falsePasses > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
