import { ConfigError } from '../errors.js';
import { openSqliteStore, type SqliteOptions } from './sqlite-store.js';
import type { ScanStore } from './store.js';

export type { ScanStore } from './store.js';
export * from './types.js';

/** Picks the back end from the location: a file path (or :memory:) is SQLite. */
export async function openStore(location: string, options: SqliteOptions = {}): Promise<ScanStore> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new ConfigError(
      'oit รุ่นนี้ยังไม่รองรับฐานข้อมูล PostgreSQL — ใช้ไฟล์ SQLite เช่น --db oit.db',
      'this version of oit does not support PostgreSQL yet; use a SQLite file such as --db oit.db',
    );
  }
  return openSqliteStore(location, options);
}
