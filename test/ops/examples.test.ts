import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRunFile, resolveConfig } from '../../src/config/load.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * "Tested by example": the scheduling examples run commands that exist, with flags the CLI accepts.
 * Each command is run with --help (so nothing is scanned) and every flag it uses must be in that help.
 */
function oitCommands(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const m = /\bnpx\s+oit\s+(.+?)(?:\s+(?:>>|>|2>&1|&&|\||;).*)?$/.exec(line);
    if (m) out.push(m[1]!.trim().split(/\s+/));
  }
  return out;
}

async function checkCommand(args: string[]) {
  const [command, ...rest] = args;
  const help = await runCli([command!, '--help']);
  expect(help.code, `oit ${command} --help`).toBe(0);
  for (const flag of rest.filter((a) => a.startsWith('--'))) expect(help.stdout, `oit ${command} ${flag}`).toContain(flag);
  // And the full line is accepted up to --help (commander shows the help and stops, scanning nothing).
  const parsed = await runCli([...args, '--help']);
  expect(parsed.code, args.join(' ')).toBe(0);
}

describe('scheduling examples', () => {
  it('examples/cron.txt: a documented cron line whose oit commands exist with valid flags', async () => {
    const text = readFileSync('examples/cron.txt', 'utf8');
    const lines = text.split('\n').filter((l) => /^\s*[\d*]/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const l of lines) expect(l.trim().split(/\s+/).slice(0, 5).every((f) => /^[\d*/,-]+$/.test(f)), l).toBe(true);
    const commands = oitCommands(text);
    expect(commands.map((c) => c[0])).toEqual(['run', 'prune']);
    for (const c of commands) await checkCommand(c);
  }, 60_000);

  it('examples/systemd: the service runs an existing command, the timer starts the service', async () => {
    const service = readFileSync('examples/systemd/oit-scan.service', 'utf8');
    const exec = service.split('\n').filter((l) => l.startsWith('ExecStart='));
    expect(exec).toHaveLength(1);
    expect(service).toMatch(/^Type=oneshot$/m);
    expect(service).toMatch(/^SuccessExitStatus=2$/m);
    const commands = oitCommands(exec[0]!);
    expect(commands).toHaveLength(1);
    await checkCommand(commands[0]!);

    const timer = readFileSync('examples/systemd/oit-scan.timer', 'utf8');
    expect(timer).toMatch(/^Unit=oit-scan\.service$/m);
    const calendar = /^OnCalendar=(.+)$/m.exec(timer)?.[1];
    expect(calendar).toBeTruthy();
    const analyze = spawnSync('systemd-analyze', ['calendar', calendar!], { encoding: 'utf8' });
    if (!analyze.error) expect(analyze.status, analyze.stderr).toBe(0);
  }, 60_000);

  it('examples/systemd: the worker unit runs `oit worker`, stops it with SIGTERM and gives it time to hand jobs back', async () => {
    const service = readFileSync('examples/systemd/oit-worker.service', 'utf8');
    const exec = service.split('\n').filter((l) => l.startsWith('ExecStart='));
    expect(exec).toHaveLength(1);
    const commands = oitCommands(exec[0]!);
    expect(commands.map((c) => c[0])).toEqual(['worker']);
    await checkCommand(commands[0]!);
    expect(service).toMatch(/^KillSignal=SIGTERM$/m);
    // Longer than the worker's own wait for scans to wind down (60 s), or systemd kills it mid-write.
    expect(Number(/^TimeoutStopSec=(\d+)$/m.exec(service)?.[1])).toBeGreaterThan(60);
    expect(service).toMatch(/^Restart=always$/m);
    expect(service).not.toMatch(/postgres:\/\/\S*:[^@\s]+@/); // no password in the unit
  }, 60_000);

  it('examples/oit.config.json is a valid config file with sites', () => {
    const run = readRunFile('examples/oit.config.json');
    expect(run.sites.map((s) => s.name)).toEqual(['dan', 'khokmuang', 'nongbua']);
    const site = resolveConfig({ file: 'examples/oit.config.json', site: run.sites[1]!, env: {} });
    expect(site.maxPages).toBe(800);
    expect(site.exclude).toEqual(['/gallery/']);
    expect(resolveConfig({ file: 'examples/oit.config.json', site: run.sites[0]!, env: {} }).maxPages).toBe(1500);
  });

  it.each(['run', 'history', 'diff', 'review', 'prune'])('oit %s --help exits 0 and shows usage', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: oit ${command}`);
  }, 30_000);
});
