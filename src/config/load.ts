import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ZodError, type z } from 'zod';
import { ConfigError } from '../errors.js';
import { RUN_FILE_KEYS, RunFileExtras, ScanConfig, type ScanConfigInput, type SiteConfig } from './schema.js';

type Shape = (typeof ScanConfig)['shape'];
type Key = keyof Shape;

/** OIT_MAX_PAGES → maxPages */
export function envName(key: string): string {
  return 'OIT_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

/** Coerces one string (from env or argv) to the type the schema field expects. */
function coerce(key: Key, raw: string): unknown {
  let field: z.ZodType = ScanConfig.shape[key] as z.ZodType;
  // unwrap default/optional wrappers to reach the base type
  for (let i = 0; i < 4; i++) {
    const def = (field as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
    if ((def.type === 'default' || def.type === 'optional') && def.innerType) field = def.innerType;
    else break;
  }
  const type = (field as unknown as { def: { type: string } }).def.type;
  if (type === 'number') {
    const n = Number(raw);
    return raw.trim() === '' || Number.isNaN(n) ? raw : n;
  }
  if (type === 'boolean') {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    return raw;
  }
  if (type === 'array') return raw.split(',').map((s) => s.trim()).filter(Boolean);
  return raw;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ScanConfigInput> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(ScanConfig.shape) as Key[]) {
    const v = env[envName(key)];
    if (v !== undefined && v !== '') out[key] = coerce(key, v);
  }
  return out as Partial<ScanConfigInput>;
}

/**
 * Command-line values arrive as strings (or string lists, or booleans for switches); they are
 * coerced exactly like environment values so both layers validate the same way. Unknown keys are
 * kept so the schema reports them.
 */
export function configFromFlags(flags: Record<string, string | string[] | boolean | undefined>): Partial<ScanConfigInput> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(flags)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && key in ScanConfig.shape) out[key] = coerce(key as Key, v);
    else out[key] = v;
  }
  return out as Partial<ScanConfigInput>;
}

export function readConfigFile(file: string): Partial<ScanConfigInput> {
  const path = resolve(file);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`อ่านไฟล์ตั้งค่า ${path} ไม่ได้`, `cannot read config file ${path}`, 'check the --config path');
  }
  try {
    const json = JSON.parse(raw) as unknown;
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('top level must be an object');
    return json as Partial<ScanConfigInput>;
  } catch (e) {
    throw new ConfigError(`ไฟล์ตั้งค่า ${path} ไม่ใช่ JSON ที่ถูกต้อง`, `config file ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

export interface ConfigSources {
  flags?: Partial<ScanConfigInput>;
  env?: NodeJS.ProcessEnv;
  file?: string;
  /** A site entry of the config file (`oit run`): its settings sit between the file's defaults and env. */
  site?: SiteConfig;
}

/** The scan settings of a config file: everything but `sites` and `parallel`. */
function scanSettingsOf(values: Record<string, unknown>): Partial<ScanConfigInput> {
  const out: Record<string, unknown> = { ...values };
  for (const k of RUN_FILE_KEYS) delete out[k];
  return out as Partial<ScanConfigInput>;
}

/** A site entry's scan settings (name, url and notify are not scan settings). */
function siteSettingsOf(site: SiteConfig): Partial<ScanConfigInput> {
  const { name: _n, url: _u, notify: _x, ...rest } = site;
  return stripUndefined(rest) as Partial<ScanConfigInput>;
}

/** `sites[2].notify.webhook` */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** The run part of a config file (`sites`, `parallel`), validated; errors name the file and the field. */
export function readRunFile(file: string): RunFileExtras & { file: string } {
  const values = readConfigFile(file) as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const k of RUN_FILE_KEYS) if (k in values) picked[k] = values[k];
  const parsed = RunFileExtras.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknownKeys = issue.code === 'unrecognized_keys' ? ` "${(issue as { keys: string[] }).keys.join(', ')}"` : '';
    const field = issuePath(issue.path) || 'sites';
    throw new ConfigError(
      `ไฟล์ตั้งค่า ${resolve(file)}: ค่า ${field}${unknownKeys} ไม่ถูกต้อง: ${issue.message}`,
      `config file ${resolve(file)}: invalid ${field}${unknownKeys}: ${issue.message}`,
    );
  }
  return { ...parsed.data, file };
}

/**
 * flags > env (OIT_*) > [site entry >] config file > defaults, validated once; errors say where the bad
 * value came from.
 */
export function resolveConfig(sources: ConfigSources = {}): ScanConfig {
  const fileValues = sources.file ? scanSettingsOf(readConfigFile(sources.file) as Record<string, unknown>) : {};
  const fileName = sources.file ? `config file ${sources.file}` : 'config file';
  const layers: [string, Partial<ScanConfigInput>][] = [
    [fileName, fileValues],
    ...(sources.site ? ([[`${fileName}, site "${sources.site.name}"`, siteSettingsOf(sources.site)]] as [string, Partial<ScanConfigInput>][]) : []),
    ['environment', configFromEnv(sources.env ?? process.env)],
    ['flags', stripUndefined(sources.flags ?? {})],
  ];
  const merged: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  const level: Record<string, number> = {};
  layers.forEach(([name, values], i) => {
    for (const [k, v] of Object.entries(values)) {
      merged[k] = v;
      origin[k] = name;
      level[k] = i;
    }
  });
  // `checklist` (a file) and `year` name the same thing: the one set on the higher layer wins (a
  // --checklist flag over the file's "year"); set on the same layer they are refused later as ambiguous.
  if (merged.checklist !== undefined && merged.year !== undefined && level.checklist !== level.year) {
    delete merged[level.checklist! > level.year! ? 'year' : 'checklist'];
  }
  // A checklist path written in a config file is relative to that file, not to where oit runs.
  if (typeof merged.checklist === 'string' && sources.file && origin.checklist?.startsWith(fileName)) {
    merged.checklist = resolve(dirname(resolve(sources.file)), merged.checklist);
  } else if (typeof merged.checklist === 'string') merged.checklist = resolve(merged.checklist);
  try {
    return ScanConfig.parse(merged);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    const issue = e.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const from = origin[key] ?? 'config';
    const unknownKeys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys.join(', ') : '';
    if (unknownKeys) {
      throw new ConfigError(`ไม่รู้จักค่าตั้ง "${unknownKeys}" (${from})`, `unknown setting "${unknownKeys}" in ${originOfUnknown(layers, unknownKeys)}`);
    }
    const where = key === 'from' ? from : `${key} (${from === 'environment' ? envName(key) : from})`;
    throw new ConfigError(`ค่าตั้ง ${where} ไม่ถูกต้อง: ${issue.message}`, `invalid setting ${where}: ${issue.message}`);
  }
}

function originOfUnknown(layers: [string, Partial<ScanConfigInput>][], keys: string): string {
  const first = keys.split(', ')[0]!;
  return layers.find(([, v]) => first in v)?.[0] ?? 'config';
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
