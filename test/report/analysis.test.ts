import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildScanResult } from '../../src/check/scan-result.js';
import { buildAnalysisView } from '../../src/report/analysis.js';
import { writeAnalysis } from '../../src/report/write-analysis.js';
import { checklist2565, checklist2568, exampleResult, itemResults, scanRecord } from './fixtures.js';

const IIT = [84.72, 75.9, 81.11, 71.62, 78.38];
const EIT = [74.76, 66.78, 70.81];
const tmp = mkdtempSync(join(tmpdir(), 'oit-analysis-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('analysis report view (the seed report of 2565)', () => {
  const v = buildAnalysisView({ result: exampleResult(), checklist: checklist2565, iit: IIT, eit: EIT, agency: 'องค์การบริหารส่วนตำบลด่าน' });

  it('overall ITA 83.67, grade B, not passing', () => {
    expect(v.ita).toEqual({ scoreText: '83.67', grade: 'B', passText: 'ไม่ผ่านเกณฑ์', passes: false });
    expect(v.tools).toEqual({ iit: '78.35', eit: '70.78', oit: '97.32' });
  });

  it('indicator table: 5 IIT, 3 EIT, 2 OIT with ผ่านเกณฑ์ at 85', () => {
    expect(v.indicators.map((r) => [r.no, r.tool, r.title, r.scoreText, r.resultText])).toEqual([
      [1, 'IIT', 'การปฏิบัติหน้าที่', '84.72', 'ไม่ผ่านเกณฑ์'],
      [2, 'IIT', 'การใช้งบประมาณ', '75.90', 'ไม่ผ่านเกณฑ์'],
      [3, 'IIT', 'การใช้อำนาจ', '81.11', 'ไม่ผ่านเกณฑ์'],
      [4, 'IIT', 'การใช้ทรัพย์สินของราชการ', '71.62', 'ไม่ผ่านเกณฑ์'],
      [5, 'IIT', 'การแก้ไขปัญหาการทุจริต', '78.38', 'ไม่ผ่านเกณฑ์'],
      [6, 'EIT', 'คุณภาพการดำเนินงาน', '74.76', 'ไม่ผ่านเกณฑ์'],
      [7, 'EIT', 'ประสิทธิภาพการสื่อสาร', '66.78', 'ไม่ผ่านเกณฑ์'],
      [8, 'EIT', 'การปรับปรุงการทำงาน', '70.81', 'ไม่ผ่านเกณฑ์'],
      [9, 'OIT', 'การเปิดเผยข้อมูล', '94.64', 'ผ่านเกณฑ์'],
      [10, 'OIT', 'การป้องกันการทุจริต', '100.00', 'ผ่านเกณฑ์'],
    ]);
  });

  it('OIT weaknesses carry what graders require; measures run over the next fiscal year', () => {
    expect(v.weaknesses.map((w) => w.code)).toEqual(['O11', 'O24']);
    expect(v.weaknesses[1]!.requirement).toContain('ปัญหาอุปสรรคและข้อเสนอแนะ');
    expect(v.toolRows.filter((r) => r.tool === 'OIT').map((r) => r.indicator)).toEqual([
      'คะแนนตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) 97.32 คะแนน',
      'ข้อ O11 รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน',
      'ข้อ O24 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี',
    ]);
    expect(v.measures).toHaveLength(2);
    expect(v.measures[0]).toMatchObject({ no: 1, period: 'ต.ค.65 – ก.ย.66', method: checklist2565.items.find((i) => i.code === 'O11')!.advice });
    expect(v.nextYear).toBe(2566);
    // IIT 4 at 71.62 is urgent; IIT 1 at 84.72 is to develop
    expect(v.toolRows[3]!.urgent).toContain('13.38');
    expect(v.toolRows[0]!.develop).toContain('0.28');
  });

  it('rejects the wrong number of survey scores', () => {
    expect(() => buildAnalysisView({ result: exampleResult(), checklist: checklist2565, iit: [80], eit: EIT })).toThrow(/IIT/);
  });

  it('says so when the checklist is not confirmed', () => {
    const r = buildScanResult(scanRecord({ checklistId: 'ita-2568' }), checklist2568, itemResults(checklist2568));
    expect(buildAnalysisView({ result: r, checklist: checklist2568, iit: IIT, eit: EIT }).provisional).toContain('provisional');
  });
});

describe('analysis PDF printed by Chromium', () => {
  it('contains the ITA score and the Thai titles of the failing items', async () => {
    const outDir = join(tmp, 'a');
    const { files } = await writeAnalysis({ result: exampleResult(), checklist: checklist2565, iit: IIT, eit: EIT, outDir, pdf: true, agency: 'องค์การบริหารส่วนตำบลด่าน' });
    expect(files.map((f) => f.slice(outDir.length + 1))).toEqual(['analysis.html', 'analysis.pdf']);
    const pdf = join(outDir, 'analysis.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    mkdirSync('test-artifacts', { recursive: true });
    execFileSync('cp', [pdf, 'test-artifacts/analysis.pdf']);
    expect(text).toContain('83.67');
    expect(flat).toContain('ระดับผลการประเมินB');
    for (const code of ['O11', 'O24']) {
      const title = checklist2565.items.find((i) => i.code === code)!.title;
      expect(flat, code).toContain(title.replace(/\s+/g, ''));
    }
    expect(flat).toContain('ต.ค.65–ก.ย.66');
    mkdirSync('test-artifacts', { recursive: true });
  });
});
