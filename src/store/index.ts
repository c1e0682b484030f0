import { openPgStore, type PgOptions } from './pg-store.js';
import { openSqliteStore, type SqliteOptions } from './sqlite-store.js';
import type { ScanStore } from './store.js';

export type { ScanStore } from './store.js';
export * from './types.js';

/** A `postgres://` or `postgresql://` URL names a PostgreSQL store; anything else is a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Picks the back end from the location: a postgres:// URL is PostgreSQL, a file path (or :memory:) is SQLite. */
export async function openStore(location: string, options: SqliteOptions & PgOptions = {}): Promise<ScanStore> {
  if (isPostgresUrl(location)) return openPgStore(location, options);
  return openSqliteStore(location, options);
}

/** Opens the store, runs `fn` with it and closes it, whatever `fn` does. */
export async function withStore<T>(location: string, fn: (store: ScanStore) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
