import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'oit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEED = 'examples/result-2565-seed.json';
const IIT = '84.72,75.90,81.11,71.62,78.38';
const EIT = '74.76,66.78,70.81';

describe('oit score', () => {
  it('reproduces the seed report: ITA 83.67 B, exit 2 because it is below the pass mark', async () => {
    const json = join(dir, 'score.json');
    const r = await runCli(['score', SEED, '--iit', IIT, '--eit', EIT, '--json', json]);
    expect(r.stdout).toContain('OIT 97.32');
    expect(r.stdout).toContain('ITA 83.67 B');
    expect(r.code).toBe(2);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual({
      iit: { score: 78.35 },
      eit: { score: 70.78 },
      oit: { score: 97.32 },
      ita: { score: 83.67, grade: 'B', pass: false },
    });
  });

  it('keeps its exit code and files when the reader of its output goes away (oit … | head)', async () => {
    const json = join(dir, 'score-piped.json');
    const r = await runCli(['score', SEED, '--iit', IIT, '--eit', EIT, '--json', json], { closeStdout: true });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.code).toBe(2);
    expect(JSON.parse(readFileSync(json, 'utf8')).ita.grade).toBe('B');
  });

  it('exits 0 when the ITA total passes', async () => {
    const r = await runCli(['score', SEED, '--iit', '90,90,90,90,90', '--eit', '90,90,90']);
    expect(r.stdout).toContain('ITA 92.93 A');
    expect(r.code).toBe(0);
  });

  it.each([
    [['score', SEED, '--iit', '84.72,75.90', '--eit', EIT], /--iit/],
    [['score', SEED, '--iit', IIT, '--eit', '74,abc,70'], /--eit/],
    [['score', SEED, '--iit', IIT, '--eit', '74,101,70'], /--eit/],
    [['score', 'no-such-file.json', '--iit', IIT, '--eit', EIT], /no-such-file\.json/],
    [['score', 'package.json', '--iit', IIT, '--eit', EIT], /oit-scan-result\/1/],
  ])('bad input %j → exit 1 with a Thai and English message', async (args, pattern) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe('oit checklists', () => {
  it('lists every year with item counts and confidence', async () => {
    const r = await runCli(['checklists']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2565\s+ita-2565\s+43\s+ยืนยันแล้ว \(confirmed\)/);
    expect(r.stdout).toMatch(/2566\s+ita-2566\s+43/);
    expect(r.stdout).toMatch(/2567\s+ita-2567\s+43\s+.*probable/);
    expect(r.stdout).toMatch(/2568\s+ita-2568\s+\d+\s+.*provisional.*O2/);
    expect(r.stdout).toMatch(/2569\s+ita-2569\s+23\s+.*provisional.*O2, O6, O7/);
  });

  it('prints JSON with --json', async () => {
    const r = await runCli(['checklists', '--json']);
    const list = JSON.parse(r.stdout) as { year: number; items: number }[];
    expect(list.map((c) => c.year)).toEqual([2565, 2566, 2567, 2568, 2569]);
    expect(list[0]!.items).toBe(43);
  });
});

describe('help, bad flags and bad input', () => {
  it.each(['scan', 'check', 'report', 'score', 'checklists'])('oit %s --help exits 0 and shows usage', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: oit ${cmd}`);
  });

  it.each([
    [['scan', 'ftp://example.go.th/'], /http/],
    [['scan', 'http://'], /URL/],
    [['scan', 'http://127.0.0.1:9/', '--year', '2570'], /2570/],
    [['scan', 'http://127.0.0.1:9/', '--max-pages', 'lots'], /maxPages/],
    [['scan', 'http://127.0.0.1:9/', '--render', 'sometimes'], /render/],
    [['scan', 'http://127.0.0.1:9/', '--bogus'], /bogus/],
    [['check'], /--scan/],
    [['check', '--scan', 'nope', '--db', ':memory:'], /nope/],
  ])('%j → exit 1 with one clear message', async (args, pattern) => {
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
  });
});
