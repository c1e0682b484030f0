import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ChecklistError } from '../errors.js';
import { assessmentYearOf, type ChecklistChoice } from './assessment-year.js';
import { Checklist } from './schema.js';

/** checklists/ at the package root, found from this file whether it runs from src/ or dist/. */
export function defaultChecklistDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'checklists');
    try {
      if (readdirSync(candidate).some((f) => /^ita-\d{4}\.json$/.test(f))) return candidate;
    } catch {
      /* not here, go up */
    }
    dir = dirname(dir);
  }
  throw new ChecklistError('ไม่พบโฟลเดอร์ checklists ของโปรแกรม', 'cannot find the checklists/ folder of the package');
}

export interface LoadedChecklist {
  checklist: Checklist;
  file: string;
  /** sha256 of the file bytes: stored with each scan so a result names the exact data it was judged with. */
  hash: string;
}

/** Parses and validates one checklist file; any problem becomes one ChecklistError naming file, item and problem. */
export function loadChecklistFile(file: string): LoadedChecklist {
  const path = resolve(file);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ChecklistError(`อ่านไฟล์ checklist ไม่ได้: ${path}`, `cannot read checklist file ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new ChecklistError(
      `ไฟล์ checklist ${basename(path)} ไม่ใช่ JSON ที่ถูกต้อง`,
      `checklist ${basename(path)} is not valid JSON: ${(e as Error).message}`,
    );
  }
  const parsed = Checklist.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = describePath(json, issue.path);
    throw new ChecklistError(
      `ไฟล์ checklist ${basename(path)} ผิดรูปแบบ ที่ ${where}: ${issue.message}`,
      `checklist ${basename(path)} is invalid at ${where}: ${issue.message}` +
        (parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem(s))` : ''),
    );
  }
  return { checklist: parsed.data, file: path, hash: createHash('sha256').update(raw).digest('hex') };
}

/** "items[10] (O11).elements[0].anyOf": names the item by its code, which is what a data editor searches for. */
function describePath(json: unknown, path: z.core.$ZodIssue['path']): string {
  let out = '';
  let node: unknown = json;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const code = node && typeof node === 'object' ? (node as { code?: unknown }).code : undefined;
      if (typeof code === 'string') out += ` (${code})`;
    } else {
      out += (out ? '.' : '') + String(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out || '(top level)';
}

export function listChecklistFiles(dir = defaultChecklistDir()): string[] {
  return readdirSync(dir)
    .filter((f) => /^ita-\d{4}\.json$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export function loadAllChecklists(dir = defaultChecklistDir()): LoadedChecklist[] {
  return listChecklistFiles(dir).map(loadChecklistFile);
}

export function availableYears(dir = defaultChecklistDir()): number[] {
  return listChecklistFiles(dir).map((f) => Number(basename(f).slice(4, 8)));
}

export function loadChecklist(year: number, dir = defaultChecklistDir()): LoadedChecklist {
  const file = join(dir, `ita-${year}.json`);
  const years = availableYears(dir);
  if (!years.includes(year)) {
    throw new ChecklistError(
      `ไม่มี checklist ของปี ${year} (มี: ${years.join(', ')})`,
      `no checklist for year ${year} (available: ${years.join(', ')})`,
    );
  }
  const loaded = loadChecklistFile(file);
  if (loaded.checklist.year !== year) {
    throw new ChecklistError(
      `ไฟล์ ${basename(file)} ระบุปี ${loaded.checklist.year} ไม่ตรงกับชื่อไฟล์`,
      `${basename(file)} says year ${loaded.checklist.year}, which does not match its file name`,
    );
  }
  return loaded;
}

/**
 * The assessment year whose checklist we know best for "now": ITA of FY Y is assessed during FY Y
 * (1 Oct Y-1 … 30 Sep Y). If that year's checklist is missing we fall back to the newest one we have
 * (describeAssessmentYear says so to the user).
 */
export function defaultYear(now = new Date(), dir = defaultChecklistDir()): number {
  const be = assessmentYearOf(now);
  const years = availableYears(dir);
  if (years.includes(be)) return be;
  const older = years.filter((y) => y <= be);
  return older.length ? Math.max(...older) : Math.max(...years);
}

export interface ChosenChecklist extends LoadedChecklist {
  chosen: ChecklistChoice;
}

/**
 * The checklist a scan uses: a user's own file (`--checklist`), a shipped year (`--year`), or the
 * shipped checklist standing for today's assessment year. A file and a year together are ambiguous.
 */
export function chooseChecklist(options: { year?: number; file?: string; dir?: string; now?: Date }): ChosenChecklist {
  if (options.file) {
    if (options.year !== undefined) {
      throw new ChecklistError('ใช้ --checklist หรือ --year อย่างใดอย่างหนึ่ง', 'use either --checklist <file> or --year, not both (the file names its own year)');
    }
    return { ...loadChecklistFile(options.file), chosen: 'file' };
  }
  if (options.year !== undefined) return { ...loadChecklist(options.year, options.dir), chosen: 'year' };
  return { ...loadChecklist(defaultYear(options.now ?? new Date(), options.dir), options.dir), chosen: 'default' };
}
