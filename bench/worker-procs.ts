/**
 * `oit worker` processes for the fleet benchmark: started from source (node --import tsx src/cli.ts),
 * watched through their output lines, stopped with SIGTERM like a service manager would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsxLoader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface WorkerLine {
  worker: number;
  at: number;
  kind: 'banner' | 'start' | 'done' | 'failed' | 'other';
  stream: 'out' | 'err';
  text: string;
}

export interface WorkerProc {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** User + system CPU seconds so far (Linux /proc), undefined elsewhere or after exit. */
  cpuSeconds(): number | undefined;
  /** Peak resident memory of the worker process so far, MB (Linux /proc). */
  peakRssMb(): number | undefined;
}

function classify(line: string, stream: 'out' | 'err'): WorkerLine['kind'] {
  if (stream === 'err') return line.startsWith('✗ ') ? 'failed' : 'other';
  if (line.startsWith('oit worker:')) return 'banner';
  if (line.startsWith('> ')) return 'start';
  if (line.startsWith('✓ ')) return 'done';
  return 'other';
}

export function startWorkers(count: number, db: string, concurrency: number, cwd: string, onLine: (l: WorkerLine) => void): WorkerProc[] {
  return Array.from({ length: count }, (_v, worker) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, join(root, 'src', 'cli.ts'), 'worker', '--db', db, '--concurrency', String(concurrency)], {
      cwd,
      env: { ...process.env, OIT_DEBUG: '', OIT_QUIET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const [stream, pipe] of [['out', child.stdout!], ['err', child.stderr!]] as const) {
      let buf = '';
      pipe.on('data', (d: Buffer) => {
        buf += d.toString();
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const text = buf.slice(0, i);
          buf = buf.slice(i + 1);
          onLine({ worker, at: performance.now(), kind: classify(text, stream), stream, text });
        }
      });
    }
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const tick = 100; // USER_HZ on Linux
    return {
      child,
      exited,
      cpuSeconds: () => {
        try {
          const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
          // After the command name: state is field 0, utime 11, stime 12, cutime 13, cstime 14.
          return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick;
        } catch {
          return undefined;
        }
      },
      peakRssMb: () => {
        try {
          const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
          return kb ? Math.round(Number(kb) / 1024) : undefined;
        } catch {
          return undefined;
        }
      },
    };
  });
}

/** SIGTERM (the graceful stop), then SIGKILL for a worker still there after graceMs. */
export async function stopWorkers(procs: WorkerProc[], graceMs = 20_000): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  }, graceMs);
  await Promise.all(procs.map((p) => p.exited));
  clearTimeout(timer);
}
