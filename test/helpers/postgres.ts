/**
 * A throwaway PostgreSQL server for tests: initdb in a temporary folder, pg_ctl start on a free
 * loopback port (unix socket in the same folder, fsync off), stopped and deleted afterwards. Uses the
 * Debian `postgresql` package's binaries (scripts/setup-system.sh installs them). As root, the server
 * runs as the `postgres` system user the package creates (initdb refuses to run as root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://oit@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** The server's data directory (for measuring how much disk the stored scans take). */
  dataDir: string;
  /** A new empty database on this server; returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest /usr/lib/postgresql/<major>/bin holding initdb and pg_ctl (or OIT_PG_BIN), else undefined. */
export function postgresBinDir(): string | undefined {
  const fromEnv = process.env.OIT_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((d) => /^\d+(\.\d+)?$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const m of majors) {
    const bin = join(root, m, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (!postgresBinDir()) return 'PostgreSQL server binaries not found (run scripts/setup-system.sh, which installs the Debian postgresql package)';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root and there is no "postgres" system user to run the server';
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set<() => void>();
process.once('exit', () => {
  for (const stop of running) stop();
});

export async function startPostgres(): Promise<TestPostgres> {
  const why = postgresUnavailable();
  if (why) throw new Error(why);
  const bin = postgresBinDir()!;
  // As root, the server user must reach the folder: /tmp rather than a TMPDIR under /root.
  const dir = mkdtempSync(join(process.getuid?.() === 0 ? '/tmp' : tmpdir(), 'oit-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  let uid: number | undefined;
  let gid: number | undefined;
  if (asRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: 'utf8', cwd: dir, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    if (r.status !== 0) {
      const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000) : '';
      throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}\n${log}`);
    }
  };
  const cleanup = () => {
    spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), 'stop', '-D', data, '-m', 'immediate', '-w'] : ['stop', '-D', data, '-m', 'immediate', '-w'], {
      stdio: 'ignore',
    });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'oit', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
      try {
        run('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', opts]);
        break;
      } catch (e) {
        if (attempt >= 2) throw e; // another process took the port between our check and the start
      }
    }
    running.add(cleanup);
    const url = `postgres://oit@127.0.0.1:${port}/postgres`;
    let n = 0;
    return {
      url,
      port,
      dataDir: data,
      async createDatabase(prefix = 't') {
        const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++n}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://oit@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        running.delete(cleanup);
        cleanup();
      },
    };
  } catch (e) {
    cleanup();
    throw e;
  }
}
