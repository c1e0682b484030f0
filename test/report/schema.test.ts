import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildScanResult } from '../../src/check/scan-result.js';
import { writeReports } from '../../src/report/write.js';
import { checklist2565, checklist2568, exampleResult, itemResults, scanRecord } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/oit-scan-result-1.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const tmp = mkdtempSync(join(tmpdir(), 'oit-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('schemas/oit-scan-result-1.schema.json', () => {
  it('is a draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each([
    ['the example scan', () => exampleResult()],
    ['a provisional checklist', () => buildScanResult(scanRecord({ checklistId: 'ita-2568' }), checklist2568, itemResults(checklist2568, { O1: 'needs-review' }))],
    ['an unfinished scan with not-applicable items', () => {
      const r = buildScanResult(scanRecord({ finishedAt: undefined }), checklist2565, itemResults(checklist2565, { O42: 'not-applicable', O43: 'not-applicable', O1: 'error' }));
      return r;
    }],
  ])('validates report.json written for %s', async (name, make) => {
    const dir = join(tmp, name.replace(/\W+/g, '-'));
    await writeReports({ result: make(), checklist: name.includes('provisional') ? checklist2568 : checklist2565, outDir: dir });
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what the contract forbids', () => {
    const base = exampleResult();
    const pass = base.items.find((i) => i.status === 'pass')!;
    const bad = [
      { ...base, schema: 'oit-scan-result/2' },
      { ...base, items: [{ ...pass, urls: [] }] },
      { ...base, items: [{ ...pass, status: 'fail' }] },
      { ...base, items: [{ ...pass, status: 'maybe' }] },
      { ...base, checklist: { ...base.checklist, confidence: 'sure' } },
      { ...base, oit: {} },
      (({ scan: _s, ...rest }) => rest)(base),
    ];
    for (const b of bad) expect(validate(b), JSON.stringify(b).slice(0, 80)).toBe(false);
  });

  it('accepts fields added later (consumers ignore unknown properties)', () => {
    expect(validate({ ...exampleResult(), futureField: { x: 1 } })).toBe(true);
  });
});
