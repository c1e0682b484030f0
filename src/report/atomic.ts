import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

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
  await mkdir(dir, { recursive: true });
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
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw e;
  }
  return staged.map((s) => s.final);
}
