import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ScanConfig } from '../config/schema.js';
import { normaliseCode } from '../api/review.js';
import { ConfigError } from '../errors.js';
import { openStore, type ScanStore } from '../store/index.js';
import { assertBindAllowed, hmac, hostAllowed, isLoopbackHost, parseCookies, sameSecret } from './access.js';
import { sendMessage, type DeskContext } from './context.js';
import { newSessionId, refusePost, SESSION_COOKIE } from './csrf.js';
import { homeRoutes } from './routes/home.js';
import { jobRoutes } from './routes/jobs.js';
import { queueRoutes } from './routes/queue.js';
import { scanRoutes } from './routes/scan.js';
import { siteRoutes } from './routes/site.js';
import { ScanRunner } from './scans.js';

export interface DeskOptions {
  /** Scans are read from and written to config.db; reports go under config.out. */
  config: ScanConfig;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Required when host is not loopback; then every request must carry it. */
  token?: string;
  /** Scans crawling at once; more wait their turn (default 1). */
  maxScans?: number;
  /** Who answers for each item (config file "owners"): the review queue can be filtered by it. */
  owners?: Record<string, string>;
  /** An open store to use instead of opening config.db (tests). */
  store?: ScanStore;
}

export interface Desk {
  /** http://HOST:PORT/ */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'oit_token';

/**
 * Every response: nothing may load from anywhere but the desk itself (no CDN fonts or scripts), no
 * framing, no MIME sniffing. The one script (live scan progress) is served by the desk.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** `oit serve`: the review desk. Resolves once it listens. */
export async function startDesk(options: DeskOptions): Promise<Desk> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token || undefined;
  assertBindAllowed(host, token);
  const loopbackOnly = isLoopbackHost(host);
  const store = options.store ?? (await openStore(options.config.db));
  const secret = randomBytes(32);
  const ctx: DeskContext = {
    store,
    config: options.config,
    runner: new ScanRunner(store, options.config, Math.max(1, options.maxScans ?? 1)),
    secret,
    sessions: new Map(),
    owners: Object.fromEntries(Object.entries(options.owners ?? {}).map(([code, who]) => [normaliseCode(code), who])),
  };
  // forceCloseConnections: an open progress stream (server-sent events) must not keep Ctrl+C waiting.
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, forceCloseConnections: true });
  app.decorateRequest('deskSession', '');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cache-control', 'no-store');
    if (!hostAllowed(req.headers.host, loopbackOnly)) {
      return reply.code(421).type('text/plain; charset=utf-8').send('ชื่อโฮสต์นี้ใช้เปิด oit serve ไม่ได้ / this host name may not reach oit serve\n');
    }
    const cookies = parseCookies(req.headers.cookie);
    if (token) {
      const expected = hmac(secret, `token:${token}`);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const query = (req.query as Record<string, unknown> | undefined)?.token;
      if (typeof query === 'string' && req.method === 'GET' && sameSecret(query, token)) {
        // Opened from the link with ?token=: remember it in a cookie and drop it from the address bar.
        const clean = new URL(req.url, 'http://desk');
        clean.searchParams.delete('token');
        reply.header('set-cookie', `${TOKEN_COOKIE}=${expected}; HttpOnly; SameSite=Strict; Path=/`);
        return reply.redirect(clean.pathname + clean.search, 303);
      }
      const ok = (bearer !== undefined && sameSecret(bearer, token)) || (cookies[TOKEN_COOKIE] !== undefined && sameSecret(cookies[TOKEN_COOKIE]!, expected));
      if (!ok) {
        return reply.code(401).type('text/plain; charset=utf-8').send('ต้องใช้รหัสผ่าน: เปิดลิงก์ที่มี ?token=… / a token is required: open the link with ?token=…\n');
      }
    }
    let sid = cookies[SESSION_COOKIE];
    if (!sid || !/^[A-Za-z0-9_-]{32}$/.test(sid)) {
      sid = newSessionId();
      reply.header('set-cookie', [reply.getHeader('set-cookie'), `${SESSION_COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`].filter(Boolean) as string[]);
      // A POST without a session cannot carry a valid form token: refused below.
      if (req.method !== 'POST') req.deskSession = sid;
      else req.deskSession = '';
    } else req.deskSession = sid;
  });

  // Every state change is a POST from this origin with the session's form token.
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD') return;
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const reason = refusePost(
      {
        method: req.method,
        host: req.headers.host,
        origin: req.headers.origin,
        referer: req.headers.referer,
        secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
        sessionId: req.deskSession || undefined,
        token: body._csrf,
      },
      secret,
    );
    if (reason) {
      return reply.code(403).type('text/plain; charset=utf-8').send(`ปฏิเสธคำขอที่ไม่ได้มาจากหน้าของ oit serve (${reason}) / refused: not a form of this desk (${reason})\n`);
    }
  });

  app.setNotFoundHandler((req, reply) => sendMessage(ctx, req, reply, 404, 'ไม่พบหน้านี้', `no page at ${req.url}`));
  app.setErrorHandler((e: { statusCode?: number; message: string }, req, reply) =>
    sendMessage(ctx, req, reply, e.statusCode && e.statusCode < 500 ? e.statusCode : 500, 'คำขอไม่ถูกต้องหรือเกิดข้อผิดพลาด', e.message),
  );
  homeRoutes(app, ctx);
  siteRoutes(app, ctx);
  scanRoutes(app, ctx);
  queueRoutes(app, ctx);
  jobRoutes(app, ctx);

  try {
    await app.listen({ host, port: options.port ?? 8080 });
  } catch (e) {
    await ctx.runner.close();
    if (!options.store) await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
      throw new ConfigError(`เปิด oit serve ที่ ${host}:${options.port ?? 8080} ไม่ได้ (${code}) — ลองพอร์ตอื่นด้วย --port`, `cannot listen on ${host}:${options.port ?? 8080} (${code}); try another --port`);
    }
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    app,
    async close() {
      await ctx.runner.close();
      await app.close();
      if (!options.store) await store.close();
    },
  };
}
