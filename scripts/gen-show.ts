/**
 * Debug aid for the judgement: prints a generated site's item plan, oit's verdict for one item, and the
 * routes that item's evidence lives on. `npx tsx scripts/gen-show.ts [--year Y] <seed> <code> [path | ~regex]…`
 * (--year as in eval:gen: without it the seed picks 2565–2567).
 */
import * as cheerio from 'cheerio';
import { generate } from '../test/fixtures/generator/index.js';
import { runOffline } from '../test/helpers/run-fixture.js';

const argv = process.argv.slice(2);
const yi = argv.indexOf('--year');
const year = yi >= 0 ? Number(argv.splice(yi, 2)[1]) : undefined;
const [seedArg, code, ...paths] = argv;
const g = generate(Number(seedArg), { year });
const plan = g.items.find((i) => i.code === code);
console.log(`seed ${g.seed} ${g.site.year} ${g.shape}/${g.itaStyle}/${g.labelStyle}`);
console.log('plan', JSON.stringify(plan, null, 1).slice(0, 1500));
const out = runOffline(g.site);
const r = out.results.find((x) => x.code === code);
console.log('oit', r?.status, JSON.stringify(r?.urls), '\n  ' + (r?.reasons ?? []).join('\n  '));
for (const e of r?.evidence ?? []) console.log('  ev', e.url, e.foundVia);
const text = (html: string) => cheerio.load(html)('body').text().replace(/\s+/g, ' ').slice(0, 1500);
const routes = paths.flatMap((p) => (p.startsWith('~') ? Object.keys(g.site.routes).filter((k) => new RegExp(p.slice(1)).test(JSON.stringify(g.site.routes[k]))) : [p]));
for (const p of routes) {
  const entry = g.site.routes[p];
  if (!entry) {
    console.log(`--- ${p}: no route`);
    continue;
  }
  console.log(`--- ${p}: ${entry.type}`, entry.type === 'page' ? text(entry.renderedHtml ?? entry.html) : entry.type === 'doc' ? `${entry.format} ${text(entry.body)}` : JSON.stringify(entry).slice(0, 300));
}
