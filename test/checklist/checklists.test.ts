import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultChecklistDir, loadAllChecklists, loadChecklist, loadChecklistFile } from '../../src/checklist/load.js';
import type { Checklist, PeriodRule } from '../../src/checklist/schema.js';
import { ChecklistError } from '../../src/errors.js';

const all = loadAllChecklists();
const byYear = new Map<number, Checklist>(all.map((l) => [l.checklist.year, l.checklist]));
const get = (year: number): Checklist => {
  const cl = byYear.get(year);
  if (!cl) throw new Error(`no checklist for ${year}`);
  return cl;
};
const perSub = (cl: Checklist) => {
  const out: Record<string, number> = {};
  for (const i of cl.items) out[i.subIndicator] = (out[i.subIndicator] ?? 0) + 1;
  return out;
};
const item = (cl: Checklist, code: string) => {
  const it = cl.items.find((i) => i.code === code);
  if (!it) throw new Error(`${cl.id} has no ${code}`);
  return it;
};

const SUBS_2565 = { '9.1': 9, '9.2': 8, '9.3': 7, '9.4': 4, '9.5': 5, '10.1': 8, '10.2': 2 };
const SUBS_2566 = { '9.1': 10, '9.2': 8, '9.3': 4, '9.4': 4, '9.5': 4, '10.1': 8, '10.2': 5 };

describe('shipped checklists', () => {
  it('has one valid file per year 2565–2569 with the expected confidence', () => {
    expect([...byYear.keys()].sort()).toEqual(expect.arrayContaining([2565, 2566, 2567, 2568, 2569]));
    expect(get(2565).confidence).toBe('confirmed');
    expect(get(2566).confidence).toBe('confirmed');
    expect(get(2567).confidence).toBe('probable');
    expect(get(2568).confidence).toBe('provisional');
    expect(get(2569).confidence).toBe('provisional');
    // No 2570 file: nothing at all was found for 2570 (the research note explains why).
    expect(byYear.has(2570)).toBe(false);
    for (const y of [2565, 2566, 2567, 2568, 2569]) expect(loadChecklist(y).checklist.id).toBe(`ita-${y}`);
  });

  it('has the expected item counts per year and sub-indicator', () => {
    expect(get(2565).items).toHaveLength(43);
    expect(perSub(get(2565))).toEqual(SUBS_2565);
    for (const y of [2566, 2567]) {
      expect(get(y).items).toHaveLength(43);
      expect(perSub(get(y))).toEqual(SUBS_2566);
    }
    // 2568 and 2569: 26 codes each, those whose title no source shows are unknown items, not checked.
    expect(get(2568).items).toHaveLength(20);
    expect(perSub(get(2568))).toEqual({ '9.1': 3, '9.2': 4, '9.3': 2, '9.4': 3, '9.5': 4, '10.1': 4 });
    expect(get(2569).items).toHaveLength(23);
    expect(perSub(get(2569))).toEqual({ '9.1': 3, '9.2': 4, '9.3': 2, '9.4': 3, '9.5': 4, '10.1': 3, '10.2': 4 });
    for (const y of [2568, 2569]) {
      const codes = [...get(y).items.map((i) => i.code), ...get(y).unknownItems.map((u) => u.code)];
      expect(codes.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(Array.from({ length: 26 }, (_, n) => `O${n + 1}`));
    }
  });

  it('numbers items O1..On contiguously for 2565–2567', () => {
    for (const y of [2565, 2566, 2567]) {
      expect(get(y).items.map((i) => i.code)).toEqual(get(y).items.map((_, n) => `O${n + 1}`));
    }
  });

  it('lists all ten indicators with their tools', () => {
    for (const cl of byYear.values()) {
      expect(cl.indicators.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(cl.indicators.filter((i) => i.tool === 'OIT').map((i) => i.id)).toEqual(['9', '10']);
    }
  });

  it('gives every 2565/2566 item at least one variant, a requirement and advice', () => {
    for (const y of [2565, 2566]) {
      for (const i of get(y).items) {
        expect(i.variants.length, `${y} ${i.code}`).toBeGreaterThan(0);
        expect(i.requirement.length, `${y} ${i.code}`).toBeGreaterThan(0);
        expect(i.advice.length, `${y} ${i.code}`).toBeGreaterThan(0);
        expect(i.elements.length, `${y} ${i.code}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps element terms short and element ids unique per item', () => {
    for (const cl of byYear.values()) {
      for (const i of cl.items) {
        for (const el of i.elements) for (const t of el.anyOf) expect([...t].length, `${cl.id} ${i.code} ${t}`).toBeLessThanOrEqual(15);
      }
    }
  });

  const PERIODS_2565: Record<string, PeriodRule> = {
    O1: 'none',
    O10: 'current-fy', O18: 'current-fy', O21: 'current-fy', O36: 'current-fy', O39: 'current-fy', O42: 'current-fy', O43: 'current-fy',
    O11: 'first-half-fy', O19: 'first-half-fy', O40: 'first-half-fy',
    O12: 'previous-fy', O20: 'previous-fy', O24: 'previous-fy', O28: 'previous-fy', O41: 'previous-fy',
    O23: 'monthly',
    O16: 'current-or-previous-fy',
  };
  // 2565 O18/O19/O20 were merged into 2566 O11/O12 (the annual budget report has no own item in 2566).
  const PERIODS_2566: Record<string, PeriodRule> = {
    O1: 'none',
    O11: 'current-fy', O19: 'current-fy', O34: 'current-fy', O36: 'current-fy', O42: 'current-fy', O43: 'current-fy',
    O12: 'first-half-fy', O37: 'first-half-fy',
    O13: 'previous-fy', O22: 'previous-fy', O26: 'previous-fy', O38: 'previous-fy',
    O21: 'monthly',
    O17: 'current-or-previous-fy',
  };

  it('applies the 2565 period rules', () => {
    for (const [code, rule] of Object.entries(PERIODS_2565)) expect(item(get(2565), code).period, code).toBe(rule);
  });

  it('applies the equivalent period rules in 2566 and 2567', () => {
    for (const y of [2566, 2567]) {
      for (const [code, rule] of Object.entries(PERIODS_2566)) expect(item(get(y), code).period, `${y} ${code}`).toBe(rule);
    }
  });

  it('keeps the 2565 titles graders cite', () => {
    expect(item(get(2565), 'O11').title).toBe('รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน');
    expect(item(get(2565), 'O24').title).toBe('รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี');
    expect(item(get(2566), 'O10').title).toBe('นโยบายคุ้มครองข้อมูลส่วนบุคคล');
    expect(get(2567).subIndicators.find((s) => s.id === '9.2')?.title).toBe('การบริหารงานและการใช้จ่ายงบประมาณ');
  });

  it('requires the elements graders named for 2565 O11 and O24', () => {
    const o11 = item(get(2565), 'O11').elements.filter((e) => e.required).map((e) => e.kind);
    expect(o11).toEqual(expect.arrayContaining(['terms', 'money']));
    const o24 = item(get(2565), 'O24').elements.filter((e) => e.required);
    expect(o24.some((e) => e.anyOf.includes('อุปสรรค'))).toBe(true);
    expect(o24.some((e) => e.kind === 'money')).toBe(true);
  });

  it('marks 2568 as provisional with its unknown items explicit, titles and periods as the sources give them', () => {
    const cl = get(2568);
    expect(cl.unknownItems.map((u) => u.code)).toEqual(['O2', 'O5', 'O6', 'O7', 'O25', 'O26']);
    expect(cl.unknownItems.every((u) => u.probableTitle && /GUESS/.test(u.note))).toBe(true);
    expect(item(cl, 'O1').status).toBe('confirmed');
    expect(cl.items.filter((i) => i.code !== 'O1').every((i) => i.status === 'probable')).toBe(true);
    expect(item(cl, 'O10').title).toBe('E–Service');
    expect(item(cl, 'O4').period).toBe('current-fy');
    expect(item(cl, 'O13').period).toBe('previous-fy');
    expect(item(cl, 'O24').period).toBe('previous-fy');
    expect(item(cl, 'O19').period).toBe('current-or-previous-fy');
    expect(cl.subIndicators.map((s) => s.id)).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']);
    expect(cl.notes.some((n) => /ผ่านดี/.test(n) && /EIT/.test(n))).toBe(true);
  });

  it('ships 2569 as a single-source provisional list that differs from 2568 from O11 on', () => {
    const cl = get(2569);
    expect(cl.title).toMatch(/แหล่งเดียว/);
    expect(cl.unknownItems.map((u) => u.code)).toEqual(['O2', 'O6', 'O7']);
    expect(item(cl, 'O11').title).toBe('สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน');
    expect(item(cl, 'O11').period).toBe('monthly');
    expect(item(cl, 'O12').period).toBe('previous-fy');
    expect(item(cl, 'O25').title).toBe('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
    expect(item(cl, 'O15').title).toBe('ประมวลจริยธรรมการขับเคลื่อนจริยธรรม');
    expect(cl.notes.some((n) => /GUESS/.test(n) && /ตัวชี้วัดย่อย/.test(n))).toBe(true);
    expect(cl.items.every((i) => i.status === 'probable')).toBe(true);
  });
});

describe('broken checklist files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const src = () => JSON.parse(readFileSync(join(defaultChecklistDir(), 'ita-2565.json'), 'utf8')) as Record<string, any>;
  const writeBroken = (mutate: (json: Record<string, any>) => void): string => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-checklist-'));
    dirs.push(dir);
    const json = src();
    mutate(json);
    const file = join(dir, 'ita-2565.json');
    writeFileSync(file, JSON.stringify(json));
    return file;
  };
  const errorOf = (fn: () => unknown): ChecklistError => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ChecklistError);
      return e as ChecklistError;
    }
    throw new Error('expected a ChecklistError');
  };

  it('names the file and the item code when a title is missing', () => {
    const file = writeBroken((j) => {
      delete j.items.find((i: { code: string }) => i.code === 'O11').title;
    });
    const err = errorOf(() => loadChecklistFile(file));
    expect(err.message).toContain('ita-2565.json');
    expect(err.message).toContain('O11');
    expect(() => loadAllChecklists(join(file, '..'))).toThrow(ChecklistError);
  });

  it('rejects a duplicate item code', () => {
    const file = writeBroken((j) => {
      j.items[5].code = 'O5';
    });
    expect(errorOf(() => loadChecklistFile(file)).message).toContain('duplicate item code');
  });

  it('rejects an unknown sub-indicator', () => {
    const file = writeBroken((j) => {
      j.items[0].subIndicator = '9.9';
    });
    expect(errorOf(() => loadChecklistFile(file)).message).toContain('unknown sub-indicator');
  });
});
