import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { buildScanResult, ScanResultSchema } from '../../src/check/scan-result.js';
import { parseCsv } from '../../src/report/csv.js';
import { templateDir } from '../../src/report/template-dir.js';
import { reportDir, writeReports, REPORT_FILES } from '../../src/report/write.js';
import { checklist2565, exampleResult, itemResults, scanRecord } from './fixtures.js';
import { rmSync } from 'node:fs';

const tmp = mkdtempSync(join(tmpdir(), 'oit-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeReports', () => {
  it('writes the five reports into the folder and nothing else', async () => {
    const out = join(tmp, 'a');
    const { dir, files } = await writeReports({ result: exampleResult(), checklist: checklist2565, outDir: out });
    expect(dir).toBe(out);
    expect(files.map((f) => f.slice(out.length + 1))).toEqual([...REPORT_FILES]);
    expect(readdirSync(out).sort()).toEqual([...REPORT_FILES].sort());
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json).toEqual(exampleResult());
    expect(ScanResultSchema.safeParse(json).success).toBe(true);
  });

  it('an interrupted write leaves the previous reports whole and no temporary files', async () => {
    const out = join(tmp, 'b');
    await writeReports({ result: exampleResult(), checklist: checklist2565, outDir: out });
    const before = readFileSync(join(out, 'report.json'), 'utf8');
    // itas.html cannot be replaced (a folder is in the way): the run fails part-way through renaming.
    rmSync(join(out, 'itas.html'));
    mkdirSync(join(out, 'itas.html', 'x'), { recursive: true });
    const changed = buildScanResult(scanRecord({ id: 'other' }), checklist2565, itemResults(checklist2565));
    await expect(writeReports({ result: changed, checklist: checklist2565, outDir: out })).rejects.toThrow();
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Every file present is complete JSON/CSV (old or new), never partial.
    const json = readFileSync(join(out, 'report.json'), 'utf8');
    expect([before, `${JSON.stringify(changed, null, 2)}\n`]).toContain(json);
  });

  it('a failure before renaming leaves the old files untouched', async () => {
    const out = join(tmp, 'c');
    await writeReports({ result: exampleResult(), checklist: checklist2565, outDir: out });
    const before = readFileSync(join(out, 'report.json'), 'utf8');
    const broken = { ...exampleResult(), schema: 'nope' } as never;
    await expect(writeReports({ result: broken, checklist: checklist2565, outDir: out })).rejects.toThrow(/oit-scan-result\/1/);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(before);
  });

  it('reportDir is <out>/<host>/<scan-id> with safe segments', () => {
    expect(reportDir('/r', exampleResult())).toBe('/r/www.example.go.th/scan-2022-10-01-a');
    expect(reportDir('/r', { site: 'http://127.0.0.1:8080/', scan: { ...exampleResult().scan, id: '../../etc' } })).toBe('/r/127.0.0.1_8080/__.._etc');
  });
});

describe('items.csv quoting', () => {
  it('round-trips commas, quotes and newlines in Thai text, with a BOM and formula guard', async () => {
    const items = itemResults(checklist2565, { O7: 'fail' }).map((i) =>
      i.code === 'O7' ? { ...i, title: 'ข่าว, "ประชาสัมพันธ์"\nบรรทัดสอง', reasons: ['=HYPERLINK("http://evil")', 'เหตุผล, ที่สอง'] } : i,
    );
    const out = join(tmp, 'csv');
    await writeReports({ result: buildScanResult(scanRecord(), checklist2565, items), checklist: checklist2565, outDir: out });
    const raw = readFileSync(join(out, 'items.csv'), 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(raw);
    expect(rows).toHaveLength(44);
    const o7 = rows.find((r) => r[0] === 'O7')!;
    expect(o7[1]).toBe('ข่าว, "ประชาสัมพันธ์"\nบรรทัดสอง');
    expect(o7[4]).toBe(`'=HYPERLINK("http://evil")\nเหตุผล, ที่สอง`);
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });
});

describe('templates are found from src/ and from a built dist/', () => {
  it('from src: next to the module', () => {
    expect(existsSync(join(templateDir(), 'report.hbs'))).toBe(true);
  });

  it('from dist/report/*.js: ../../src/report/templates of the package', async () => {
    const pkg = join(tmp, 'pkg');
    mkdirSync(join(pkg, 'dist', 'report'), { recursive: true });
    cpSync(templateDir(), join(pkg, 'src', 'report', 'templates'), { recursive: true });
    const source = readFileSync(new URL('../../src/report/template-dir.ts', import.meta.url), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const file = join(pkg, 'dist', 'report', 'template-dir.js');
    writeFileSync(file, js);
    writeFileSync(join(pkg, 'package.json'), '{"type":"module"}');
    const mod = (await import(pathToFileURL(file).href)) as { templateDir: () => string };
    expect(mod.templateDir()).toBe(join(pkg, 'src', 'report', 'templates'));
  });
});

describe('report.html content', () => {
  it('states a provisional checklist prominently and lists its unknown items', async () => {
    const { renderReportHtml } = await import('../../src/report/write-html.js');
    const { checklist2568 } = await import('./fixtures.js');
    const r = buildScanResult(scanRecord({ checklistId: 'ita-2568', checklistYear: 2568 }), checklist2568, itemResults(checklist2568));
    const html = renderReportHtml({ result: r, checklist: checklist2568 });
    expect(html).toMatch(/<p class="warning warning-strong" role="alert" id="checklist-warning">⚠ checklist 2568: ชั่วคราว \(provisional\)/);
    expect(html).toContain('<span class="code">O2</span> ข้อมูลผู้บริหาร');
    // the warning comes before the score
    expect(html.indexOf('checklist-warning')).toBeLessThan(html.indexOf('id="score"'));
  });

  it('templates never emit raw ({{{ }}}) values', () => {
    for (const f of readdirSync(templateDir())) {
      expect(readFileSync(join(templateDir(), f), 'utf8'), f).not.toMatch(/\{\{\{|\{\{&/);
    }
  });
});
