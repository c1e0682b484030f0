import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ScanConfig } from '../config/schema.js';
import { OitError } from '../errors.js';
import type { ScanStore } from '../store/index.js';
import { csrfToken } from './csrf.js';
import { renderDesk, type DeskTemplate } from './render.js';
import type { ScanRunner } from './scans.js';

/** What every route needs: the store, the settings, the scan runner and the per-process secret. */
export interface DeskContext {
  store: ScanStore;
  config: ScanConfig;
  runner: ScanRunner;
  secret: Buffer;
  /** Per session: the reviewer's name (remembered for the next form) and a one-time notice. */
  sessions: Map<string, { by?: string; notice?: string }>;
  /** Item code → who in the agency answers for it (config file "owners"). */
  owners: Record<string, string>;
}

declare module 'fastify' {
  interface FastifyRequest {
    deskSession: string;
  }
}

const MAX_SESSIONS = 5000;

export function session(ctx: DeskContext, req: FastifyRequest): { by?: string; notice?: string } {
  let s = ctx.sessions.get(req.deskSession);
  if (!s) {
    // Bounded: a client that never keeps its cookie must not grow this map for ever (oldest go first).
    if (ctx.sessions.size >= MAX_SESSIONS) ctx.sessions.delete(ctx.sessions.keys().next().value!);
    ctx.sessions.set(req.deskSession, (s = {}));
  }
  return s;
}

/** The fields every page's frame (navigation, forms) needs. */
export function frame(ctx: DeskContext, req: FastifyRequest, active: string) {
  const s = session(ctx, req);
  const notice = s.notice;
  delete s.notice;
  return {
    csrf: csrfToken(ctx.secret, req.deskSession),
    by: s.by ?? '',
    nav: NAV.map((n) => ({ ...n, current: n.key === active })),
    ...(notice ? { notice } : {}),
    db: ctx.store.location,
  };
}

const NAV = [
  { key: 'home', href: '/', label: 'หน่วยงาน' },
  { key: 'queue', href: '/queue', label: 'รายการรอตรวจ' },
  { key: 'scans', href: '/scan-jobs', label: 'สแกนใหม่' },
  { key: 'fleet', href: '/fleet', label: 'ภาพรวม' },
];

export function sendPage(reply: FastifyReply, name: DeskTemplate, view: object, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDesk(name, view));
}

/** A bilingual message page (bad input, not found), with the same frame as every page. */
export function sendMessage(ctx: DeskContext, req: FastifyRequest, reply: FastifyReply, status: number, th: string, en: string): FastifyReply {
  return sendPage(reply, 'message', { ...frame(ctx, req, ''), title: th, th, en }, status);
}

export function sendError(ctx: DeskContext, req: FastifyRequest, reply: FastifyReply, e: unknown): FastifyReply {
  if (e instanceof OitError) return sendMessage(ctx, req, reply, 400, e.th, e.en);
  req.log.error(e);
  return sendMessage(ctx, req, reply, 500, 'เกิดข้อผิดพลาดภายในโปรแกรม', `internal error: ${(e as Error).message}`);
}

/** A return path from a form: only a path of this desk, never another origin ("//evil", "http:"). */
export function localPath(raw: unknown, fallback: string): string {
  return typeof raw === 'string' && /^\/(?![/\\])/.test(raw) && !/[\r\n]/.test(raw) ? raw : fallback;
}

export type Form = Record<string, string | undefined>;
