import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromFlags, envName, resolveConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'oit-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(content: unknown): string {
  const p = join(dir, `c-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('configuration precedence: flags > env > config file > defaults', () => {
  it('uses defaults when nothing is given', () => {
    const c = resolveConfig({ env: {} });
    expect(c).toMatchObject({ db: 'oit.db', out: 'reports', maxPages: 3000, render: 'auto', obeyRobots: true, allowPrivate: false });
    expect(c.year).toBeUndefined();
  });

  it.each([
    ['file only', { maxPages: 50 }, {}, {}, 50],
    ['env beats file', { maxPages: 50 }, { OIT_MAX_PAGES: '70' }, {}, 70],
    ['flag beats env and file', { maxPages: 50 }, { OIT_MAX_PAGES: '70' }, { maxPages: '90' }, 90],
  ])('%s', (_n, fileValues, env, flags, expected) => {
    const c = resolveConfig({ file: file(fileValues), env, flags: configFromFlags(flags) });
    expect(c.maxPages).toBe(expected);
  });

  it('coerces env booleans and lists', () => {
    const c = resolveConfig({ env: { OIT_OBEY_ROBOTS: 'false', OIT_EXCLUDE: '/calendar/,/search', OIT_RENDER: 'never' } });
    expect(c.obeyRobots).toBe(false);
    expect(c.exclude).toEqual(['/calendar/', '/search']);
    expect(c.render).toBe('never');
  });

  it('maps camelCase keys to OIT_ env names', () => {
    expect(envName('maxPages')).toBe('OIT_MAX_PAGES');
    expect(envName('requestTimeoutMs')).toBe('OIT_REQUEST_TIMEOUT_MS');
  });
});

describe('bad configuration is one clear error naming the source', () => {
  it.each([
    [{ env: { OIT_MAX_PAGES: 'many' } }, /OIT_MAX_PAGES/],
    [{ env: {}, flags: configFromFlags({ render: 'sometimes' }) }, /render \(flags\)/],
    [{ env: {}, flags: configFromFlags({ year: '65' }) }, /year/],
  ])('%#', (sources, pattern) => {
    expect(() => resolveConfig(sources)).toThrow(ConfigError);
    expect(() => resolveConfig(sources)).toThrow(pattern);
  });

  it('names an unknown key in the config file', () => {
    const f = file({ maxPagez: 3 });
    expect(() => resolveConfig({ file: f, env: {} })).toThrow(/maxPagez.*config file/);
  });

  it('reports broken JSON with the file name', () => {
    const f = file('{ "maxPages": 3,, }');
    expect(() => resolveConfig({ file: f, env: {} })).toThrow(new RegExp(f.replace(/[/.]/g, '\\$&')));
  });

  it('reports a missing config file', () => {
    expect(() => resolveConfig({ file: join(dir, 'nope.json'), env: {} })).toThrow(/อ่านไฟล์ตั้งค่า/);
  });
});

describe('"owners" of the config file (who answers for each item, for oit serve)', () => {
  it('is read with the run settings and is not a scan setting', async () => {
    const { readRunFile } = await import('../../src/config/load.js');
    const f = file({ maxPages: 100, owners: { O12: 'งานพัสดุ', o5: 'งานประชาสัมพันธ์' } });
    expect(readRunFile(f).owners).toEqual({ O12: 'งานพัสดุ', o5: 'งานประชาสัมพันธ์' });
    expect(resolveConfig({ file: f, env: {} }).maxPages).toBe(100);
    expect(readRunFile(file({})).owners).toEqual({});
  });

  it('refuses a key that is not an item code, naming the file and the field', async () => {
    const { readRunFile } = await import('../../src/config/load.js');
    const f = file({ owners: { 'งานพัสดุ': 'O12' } });
    expect(() => readRunFile(f)).toThrow(ConfigError);
    expect(() => readRunFile(f)).toThrow(/owners/);
  });
});
