import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ScanResultSchema } from '../../src/check/scan-result.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { buildAnalysisView } from '../../src/report/analysis.js';
import { buildReportView } from '../../src/report/view-model.js';

/** The reports against the shipped checklists and the example result in examples/. */
const schema = JSON.parse(readFileSync(new URL('../../schemas/oit-scan-result-1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const example = JSON.parse(readFileSync(new URL('../../examples/result-2565-seed.json', import.meta.url), 'utf8'));

describe('shipped data', () => {
  it('examples/result-2565-seed.json satisfies the JSON Schema', () => {
    validate(example);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('renders the example with the shipped 2565 checklist: the gaps carry its advice, ITA 83.67 B', () => {
    const result = ScanResultSchema.parse(example);
    const { checklist } = loadChecklist(2565);
    const view = buildReportView({ result, checklist });
    const failing = result.items.filter((i) => i.status !== 'pass').map((i) => i.code);
    expect(view.gaps.map((g) => g.code)).toEqual(failing);
    for (const g of view.gaps) expect(g.advice).toBe(checklist.items.find((i) => i.code === g.code)!.advice);
    const a = buildAnalysisView({ result, checklist, iit: [84.72, 75.9, 81.11, 71.62, 78.38], eit: [74.76, 66.78, 70.81] });
    expect([a.ita.scoreText, a.ita.grade]).toEqual(['83.67', 'B']);
  });

  it.each([2566, 2567, 2568])('the shipped %s checklist states its confidence', (year) => {
    const { checklist } = loadChecklist(year);
    const view = buildReportView({
      result: ScanResultSchema.parse({ ...example, checklist: { id: checklist.id, year, confidence: checklist.confidence }, items: [] }),
      checklist,
    });
    if (checklist.confidence === 'confirmed') expect(view.checklist.warning).toBeUndefined();
    else expect(view.checklist.warning).toContain(`checklist ${year}:`);
    expect(view.gaps).toHaveLength(checklist.items.length);
  });
});
