/**
 * The broken agency sites a national scan meets every week, each on its own loopback port: a server
 * that is off, one that answers 500 to everything, a redirect loop, a port that speaks no HTTP, and
 * one that accepts the connection and never answers (bounded only by the scan's request timeout).
 */
import { createServer } from 'node:net';
import { listenOnLoopback, startSite, type FixtureSite } from '../site-server.js';

export type SiteFault = 'down' | 'slow' | 'error-500' | 'redirect-loop' | 'garbage' | 'hang';

export const SITE_FAULTS: readonly SiteFault[] = ['down', 'slow', 'error-500', 'redirect-loop', 'garbage', 'hang'];

/** What a scan of a broken site must record for its start page: status (0 = no HTTP answer) and error. */
export const FAULT_START_PAGE: Record<Exclude<SiteFault, 'slow'>, { status: number; error: RegExp }> = {
  down: { status: 0, error: /ECONNREFUSED/ },
  'error-500': { status: 500, error: /500/ },
  'redirect-loop': { status: 302, error: /redirect loop/ },
  garbage: { status: 0, error: /^network/ },
  hang: { status: 0, error: /timeout/ },
};

const ERROR_PAGE = '<html><head><meta charset="utf-8"><title>เกิดข้อผิดพลาด</title></head><body><h1>500 ระบบขัดข้อง</h1><p>ขออภัย ไม่สามารถเชื่อมต่อฐานข้อมูลได้ กรุณาลองใหม่ภายหลัง</p></body></html>';

/** A loopback origin nobody listens on: a port that was free a moment ago. */
async function closedPort(): Promise<FixtureSite> {
  const s = await startSite({});
  await s.close();
  return { ...s, close: async () => undefined };
}

/** Bytes that are not an HTTP response, the same on every run. */
function garbageBytes(seed: number): Buffer {
  const b = Buffer.alloc(512);
  let x = seed * 2654435761 + 1;
  for (let k = 0; k < b.length; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[k] = x >>> 24;
  }
  return b;
}

async function garbageServer(seed: number): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const server = createServer((sock) => {
    sock.on('error', () => undefined);
    hits.set('*', (hits.get('*') ?? 0) + 1);
    sock.end(garbageBytes(seed));
  });
  return listenOnLoopback(server, '127.0.0.1', hits);
}

/** Starts a broken site of the given kind (every kind but 'slow', which is a healthy site answering late). */
export function startBrokenSite(fault: Exclude<SiteFault, 'slow'>, seed: number): Promise<FixtureSite> {
  switch (fault) {
    case 'down':
      return closedPort();
    case 'error-500':
      return startSite(() => ({ status: 500, body: ERROR_PAGE }));
    case 'redirect-loop':
      return startSite((path) => ({ status: 302, headers: { location: path === '/' ? '/index.php' : '/' }, body: '' }));
    case 'garbage':
      return garbageServer(seed);
    case 'hang':
      // Accepts the request and never answers; the site server's close() ends the sockets.
      return startSite(() => ({ handle: () => undefined }));
  }
}

/** A slow host answers each request after 1–3 s, always the same delay for the same site and path. */
export function slowDelayMs(seed: number, path: string): number {
  let h = seed * 31;
  for (const ch of path) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return 1000 + (h % 2000);
}
