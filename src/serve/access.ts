import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { ConfigError } from '../errors.js';

/**
 * Who may reach the desk. On loopback only this machine can; anywhere else the desk holds reviewers'
 * names and starts scans, so it must never be open to a network without a shared token.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Refuses a bind that would expose the desk without a token (exit 1 from the CLI). */
export function assertBindAllowed(host: string, token: string | undefined): void {
  if (!isLoopbackHost(host) && !token) {
    throw new ConfigError(
      `ไม่เปิด oit serve ที่ ${host} โดยไม่มีรหัสผ่าน — ระบุ --token หรือ OIT_SERVE_TOKEN หรือใช้ --host 127.0.0.1`,
      `refusing to serve on ${host} without a token: give --token (or OIT_SERVE_TOKEN), or bind to 127.0.0.1`,
    );
  }
  if (token !== undefined && token.length < 12) {
    throw new ConfigError('--token ต้องยาวอย่างน้อย 12 ตัวอักษร', '--token must be at least 12 characters long');
  }
}

/** Equal-length, constant-time string comparison (a token check must not leak its prefix by timing). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hmac(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

/**
 * The Host header a loopback desk answers to. A web page elsewhere can point its own name at
 * 127.0.0.1 (DNS rebinding) and read the desk as "same origin"; its requests still carry its own
 * name in Host, so anything but a loopback name is refused.
 */
export function hostAllowed(hostHeader: string | undefined, loopbackOnly: boolean): boolean {
  if (!hostHeader) return false;
  if (!loopbackOnly) return true;
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader);
  return Boolean(m && isLoopbackHost(m[1]!));
}

/** Cookie header → name/value pairs (values are ours: base64url, no quoting needed). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}
