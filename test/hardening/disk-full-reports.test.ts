import * as fsp from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OitError } from '../../src/errors.js';
import { writeFilesAtomically } from '../../src/report/atomic.js';
import { tempDir } from '../crawl/helpers/crawl-env.js';

/** Disk full while writing reports, simulated by a file handle whose write fails half-way with ENOSPC. */
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, open: vi.fn(real.open) };
});

const tmp = tempDir('oit-full-');
afterAll(() => tmp.cleanup());

describe('disk full while writing reports', () => {
  it('fails with one clear message, leaves the earlier reports whole and no temporary files', async () => {
    const dir = join(tmp.dir, 'r');
    const v1 = [{ name: 'report.json', data: '{"v":1}' }, { name: 'report.html', data: '<p>v1</p>' }, { name: 'items.csv', data: 'v1' }];
    await writeFilesAtomically(dir, v1);
    const realOpen = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).open;
    let n = 0;
    vi.mocked(fsp.open).mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const fh = await realOpen(...args);
      if (++n === 2) {
        // Half the data reaches the disk, then the device is full.
        fh.writeFile = async (data: unknown) => {
          await realOpen(String(args[0]), 'w').then(async (h) => (await h.write(String(data).slice(0, 3)), h.close()));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return fh;
    });
    const v2 = v1.map((f) => ({ ...f, data: f.data.replace('1', '2') }));
    const err = await writeFilesAtomically(dir, v2).catch((e: unknown) => e);
    vi.mocked(fsp.open).mockRestore();
    expect(err).toBeInstanceOf(OitError);
    expect((err as Error).message).toMatch(/disk full/);
    expect(readdirSync(dir).sort()).toEqual(['items.csv', 'report.html', 'report.json']);
    for (const f of v1) expect(readFileSync(join(dir, f.name), 'utf8')).toBe(f.data);
  });
});
