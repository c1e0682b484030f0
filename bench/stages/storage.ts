/** Disk taken by stored scans: bytes of a SQLite file (with its WAL) or of a PostgreSQL data directory. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface StorageFigure {
  store: string;
  scans: number;
  pages: number;
  links: number;
  bytes: number;
  bytesPerPage: number;
}

export function pathBytes(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, f) => sum + pathBytes(join(path, f)), 0);
}

export const sqliteBytes = (file: string) => pathBytes(file) + pathBytes(`${file}-wal`);
