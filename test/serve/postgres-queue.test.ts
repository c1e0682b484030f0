import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueStatus } from '../../src/api/queue.js';
import { ScanConfig } from '../../src/config/schema.js';
import { startDesk } from '../../src/serve/server.js';
import { tempDir } from '../crawl/helpers/crawl-env.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';

/**
 * With a PostgreSQL store the desk does not crawl: "start a scan" enqueues one job for `oit worker`
 * (a throwaway PostgreSQL server on loopback). The form is posted as a browser would: same origin,
 * session cookie and form token taken from the page.
 */
const pgMissing = postgresUnavailable();
const tmp = tempDir('oit-serve-pg-');
let server: TestPostgres | undefined;

beforeAll(async () => {
  if (!pgMissing) server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  tmp.cleanup();
});

describe.skipIf(Boolean(pgMissing))(`oit serve on a PostgreSQL store${pgMissing ? ` (skipped: ${pgMissing})` : ''}`, () => {
  it('a scan started from the form goes to the job queue, once per site', async () => {
    const db = await server!.createDatabase('serve');
    const desk = await startDesk({ config: ScanConfig.parse({ db, out: join(tmp.dir, 'reports'), render: 'never' }), port: 0 });
    try {
      const page = await fetch(`${desk.url}scan-jobs`);
      const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const start = () =>
        fetch(`${desk.url}scan-jobs`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, origin: desk.url.slice(0, -1), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: csrf, url: 'https://www.example.go.th/', year: '2568', maxPages: '50' }).toString(),
        });
      const first = await start();
      expect(first.status).toBe(303);
      const job = await (await fetch(new URL(first.headers.get('location')!, desk.url), { headers: { cookie } })).text();
      expect(job).toContain('data-state="enqueued"');
      expect(job).toContain('ส่งเข้าคิวงานแล้ว');
      const again = await (await fetch(new URL((await start()).headers.get('location')!, desk.url), { headers: { cookie } })).text();
      expect(again).toContain('มีงานของเว็บไซต์นี้รออยู่ในคิวแล้ว');
      expect((await queueStatus(db)).waiting).toBe(1);
    } finally {
      await desk.close();
    }
  });
});
