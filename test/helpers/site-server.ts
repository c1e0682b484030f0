import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';

/** One response of a fixture site. A string is shorthand for a UTF-8 HTML page with status 200. */
export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait before answering (slow endpoints). */
  delayMs?: number;
  /** Full control for odd behaviour (drip, reset, never answer). */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
}

export type Routes = Record<string, Route | string> | ((pathAndQuery: string, req: IncomingMessage) => Route | string | undefined);

export interface FixtureSite {
  /** http://127.0.0.1:PORT (no trailing slash). */
  origin: string;
  port: number;
  /** Requests per path+query, to assert what the crawler did (and did not) fetch. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Serves a fixture site on loopback only. Every test that crawls starts its own and closes it;
 * nothing ever listens on or connects to a non-loopback address.
 */
export async function startSite(routes: Routes, host = '127.0.0.1'): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const found = typeof routes === 'function' ? routes(path, req) : (routes[path] ?? routes[decodeURI(path)]);
    const route: Route = found === undefined ? { status: 404, body: '<html><body><h1>404 ไม่พบหน้า</h1></body></html>' } : typeof found === 'string' ? { body: found } : found;
    const send = () => {
      if (route.handle) return route.handle(req, res);
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', ...route.headers };
      res.writeHead(route.status ?? 200, headers);
      res.end(req.method === 'HEAD' ? undefined : route.body ?? '');
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  return listenOnLoopback(server, host, hits);
}

/** Listens on a free loopback port; close() also ends open keep-alive connections, so it never hangs. */
export async function listenOnLoopback(server: NetServer, host: string, hits: Map<string, number>): Promise<FixtureSite> {
  if (!/^127\./.test(host)) throw new Error('fixture sites listen on loopback only');
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host}:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
