import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templateDir } from '../report/template-dir.js';

/**
 * The desk's own pages (home, site, queue, scans). Same rules as the reports' templates: logic-free,
 * strict, only the built-in helpers, and Handlebars' escaping for every value. The report partials
 * (_style, _link, _bar) are shared, so the desk looks like the reports and no style is copied.
 */
export type DeskTemplate = 'home' | 'site' | 'diff' | 'queue' | 'scans' | 'job' | 'message';

/** src/serve/templates, found beside the report templates (from source and from an installed package). */
export function deskTemplateDir(): string {
  return join(templateDir(), '..', '..', 'serve', 'templates');
}

let env: typeof Handlebars | undefined;
const cache = new Map<DeskTemplate, Handlebars.TemplateDelegate>();

function environment(): typeof Handlebars {
  if (env) return env;
  const hb = Handlebars.create();
  for (const dir of [templateDir(), deskTemplateDir()]) {
    for (const f of readdirSync(dir)) {
      if (f.startsWith('_') && f.endsWith('.hbs')) hb.registerPartial(f.slice(0, -4), readFileSync(join(dir, f), 'utf8'));
    }
  }
  return (env = hb);
}

export function renderDesk(name: DeskTemplate, view: object): string {
  let tpl = cache.get(name);
  if (!tpl) {
    tpl = environment().compile(readFileSync(join(deskTemplateDir(), `${name}.hbs`), 'utf8'), { strict: true, knownHelpersOnly: true });
    cache.set(name, tpl);
  }
  return tpl(view);
}
