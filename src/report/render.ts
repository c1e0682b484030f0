import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templateDir } from './template-dir.js';

/**
 * Compiles the logic-free templates. A private Handlebars environment with only the built-in block
 * helpers (knownHelpersOnly) and strict lookups: a field the view model lacks is an error, not a blank.
 * Files whose names start with "_" are partials ({{> _style}}).
 */
export type TemplateName = 'report' | 'itas' | 'analysis' | 'index' | 'fleet';

const cache = new Map<string, Handlebars.TemplateDelegate>();

function environment(dir: string): typeof Handlebars {
  const hb = Handlebars.create();
  for (const f of readdirSync(dir)) {
    if (f.startsWith('_') && f.endsWith('.hbs')) hb.registerPartial(f.slice(0, -4), readFileSync(join(dir, f), 'utf8'));
  }
  return hb;
}

export function render(name: TemplateName, view: object, dir: string = templateDir()): string {
  const key = `${dir}\0${name}`;
  let tpl = cache.get(key);
  if (!tpl) {
    tpl = environment(dir).compile(readFileSync(join(dir, `${name}.hbs`), 'utf8'), { strict: true, knownHelpersOnly: true });
    cache.set(key, tpl);
  }
  return tpl(view);
}
