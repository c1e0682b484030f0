import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { OitError } from '../errors.js';

/** Another oit run holds the lock of this database. */
export class LockError extends OitError {}

export interface RunLock {
  file: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  host?: string;
  startedAt?: string;
  command?: string;
}

/** `<db>.lock`, next to the database. */
export function lockFileFor(db: string): string {
  return resolve(`${db}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && info.pid > 0 ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the run lock of a database: a file next to it holding this process's PID, created atomically
 * (O_EXCL). A lock whose PID is dead (on this host) is stale and taken over; a live one is a LockError
 * with a clear message. In-memory databases need no lock.
 */
export function acquireRunLock(db: string, command = 'oit'): RunLock | undefined {
  if (db === ':memory:' || /^postgres(ql)?:\/\//i.test(db)) return undefined;
  const file = lockFileFor(db);
  const me: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(me) + '\n');
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new LockError(`สร้างไฟล์ล็อก ${file} ไม่ได้`, `cannot create lock file ${file}: ${(e as Error).message}`);
      }
    }
    const holder = readLock(file);
    const sameHost = !holder?.host || holder.host === hostname();
    if (holder && sameHost && !alive(holder.pid)) {
      // Stale: the process that wrote it is gone (killed, crashed, rebooted). Take it over.
      rmSync(file, { force: true });
      continue;
    }
    if (!holder) {
      // Unreadable: being written right now (another run just created it), or garbage left by a crash.
      let age = 0;
      try {
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue; // gone meanwhile: try again
      }
      if (age > 5000) {
        rmSync(file, { force: true });
        continue;
      }
      throw new LockError(`oit อีกตัวเพิ่งเริ่มทำงานกับฐานข้อมูล ${db}`, `another oit run is starting on ${db}; try again later`, `if no oit is running, delete ${file}`);
    }
    throw new LockError(
      `oit อีกตัวกำลังทำงานกับฐานข้อมูล ${db} อยู่ (PID ${holder.pid}${holder.startedAt ? ` เริ่มเมื่อ ${holder.startedAt}` : ''}) — รอให้ทำงานเสร็จก่อน`,
      `another oit run is using ${db} (PID ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}${holder.startedAt ? `, started ${holder.startedAt}` : ''}); wait for it to finish`,
      `if no oit is running, delete ${file}`,
    );
  }
  throw new LockError(`ล็อกฐานข้อมูล ${db} ไม่ได้`, `could not take the lock ${file}; try again`);
}
