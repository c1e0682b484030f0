import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the .hbs templates are. They live in src/report/templates/ and ship in the package as they are
 * (package.json "files"); `tsc` does not copy them. From src/report/*.ts (tsx, vitest) they sit next to
 * this module; from dist/report/*.js they are found by walking up to the package root and into
 * src/report/templates. Only node built-ins here, so the resolution can be tested on its own.
 */
export const TEMPLATE_MARKER = 'report.hbs';

export function templateDir(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const candidates = [join(here, 'templates')];
  let dir = here;
  for (let i = 0; i < 5; i++) {
    candidates.push(join(dir, 'src', 'report', 'templates'));
    dir = dirname(dir);
  }
  const found = candidates.find((c) => existsSync(join(c, TEMPLATE_MARKER)));
  if (!found) throw new Error(`report templates not found; looked in: ${candidates.join(', ')}`);
  return found;
}
