import sqlite3 from 'sqlite3';

/**
 * Pages stored so far by a crawl running in another process, read through a separate read-only
 * connection (the test watches the child's database; it never writes to it). 0 while it cannot open.
 */
export function countPages(file: string, scanId: string): Promise<number> {
  return new Promise((resolve) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return resolve(0);
      db.get('SELECT COUNT(*) AS n FROM pages WHERE scan_id = ?', [scanId], (e, row: { n: number } | undefined) => {
        db.close();
        resolve(e ? 0 : (row?.n ?? 0));
      });
    });
  });
}
