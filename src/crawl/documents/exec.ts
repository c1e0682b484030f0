import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** stdout passed maxBuffer: the tool was stopped and stdout holds the first maxBuffer bytes. */
  overflow: boolean;
}

/** Runs a tool without a shell; never rejects (exit code, output and timeout come back as data). */
export function run(cmd: string, args: string[], timeoutMs: number, maxBuffer = 32 * 1024 * 1024): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer, encoding: 'utf8', killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : -1) : 0,
        stdout: stdout ?? '',
        stderr: (stderr ?? '') + (e && typeof e.code === 'string' ? ` ${e.code}` : ''),
        timedOut: !!e?.killed && e.code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER',
        overflow: e?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER',
      });
    });
  });
}

/** A private temp folder holding `buf` as `name`, removed after `fn`. */
export async function withTempFile<T>(buf: Buffer, name: string, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'oit-doc-'));
  try {
    const file = join(dir, name);
    await writeFile(file, buf);
    return await fn(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
