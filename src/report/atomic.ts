import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { OitError } from '../errors.js';

export interface OutFile {
  /** File name inside the folder (no directories). */
  name: string;
  data: string | Uint8Array;
}

/**
 * Writes a set of files into one folder so that an interrupted run never leaves a half-written file:
 * every file is first written and flushed under a temporary name in the same folder, and only when
 * all of them are complete are they renamed into place (rename is atomic within a file system).
 * On failure the temporary files are removed and earlier reports stay as they were.
 */
export async function writeFilesAtomically(dir: string, files: OutFile[]): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw outputError(e, dir);
  }
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      if (basename(f.name) !== f.name || f.name.startsWith('.')) throw new Error(`report file name must be a plain name: ${f.name}`);
      const tmp = join(dir, `.${f.name}.${tag}.tmp`);
      staged.push({ tmp, final: join(dir, f.name) });
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(f.data);
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    for (const s of staged) await rename(s.tmp, s.final);
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true }).catch(() => undefined)));
    throw outputError(e, dir);
  }
  return staged.map((s) => s.final);
}

/** File-system failures a user can fix (full disk, read-only or missing folder) as one clear message. */
function outputError(e: unknown, dir: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  const detail = (e as Error).message ?? String(e);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new OitError(`พื้นที่ดิสก์เต็ม เขียนรายงานลง ${dir} ไม่ได้ (รายงานเดิมไม่ถูกแตะต้อง)`, `disk full: cannot write the reports to ${dir} (earlier reports are untouched)`, 'free some space, then run `oit report --scan <id>`');
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new OitError(`โฟลเดอร์ ${dir} เขียนไม่ได้ (อ่านอย่างเดียวหรือไม่มีสิทธิ์)`, `cannot write the reports: ${dir} is read-only or not writable (${code})`, 'choose another folder with --out');
  }
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR' || code === 'ENOENT') {
    return new OitError(`สร้างโฟลเดอร์รายงาน ${dir} ไม่ได้ (มีไฟล์ขวางอยู่)`, `cannot write the reports to ${dir}: a file is in the way (${code}: ${detail})`, 'choose another folder with --out');
  }
  return e;
}
