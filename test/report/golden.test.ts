import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderItemsCsv } from '../../src/report/write-csv.js';
import { renderItasCsv } from '../../src/report/write-itas.js';
import { renderReportJson } from '../../src/report/write-json.js';
import { checklist2565, exampleResult } from './fixtures.js';

/**
 * Golden files of the stored example scan (2565, O11 and O24 failing). They change only deliberately:
 * run `UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts` and review the diff.
 */
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (update || !existsSync(file)) {
    if (!update) throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden files of the example scan', () => {
  const result = exampleResult();

  it('report.json', () => {
    const json = renderReportJson(result);
    golden('report.json', json);
    const parsed = JSON.parse(json);
    expect(parsed.oit.score).toBe(97.32);
    expect(parsed.indicators.map((i: { score: number }) => i.score)).toEqual([94.64, 100]);
    expect(parsed.items.filter((i: { status: string }) => i.status !== 'pass').map((i: { code: string }) => i.code)).toEqual(['O11', 'O24']);
  });

  it('items.csv', () => golden('items.csv', renderItemsCsv(result, checklist2565)));

  it('itas.csv', () => golden('itas.csv', renderItasCsv(result, checklist2565)));
});
