import { randomBytes } from 'node:crypto';
import { hmac, sameSecret } from './access.js';

/**
 * Cross-site request forgery defence for every state change (review, scan, cancel, analysis):
 * 1. only POST changes anything;
 * 2. the request must come from the desk's own origin (Origin, else Referer; Sec-Fetch-Site when sent);
 * 3. the form carries a per-session token: an HMAC of the session id under a secret made at start-up,
 *    so it is unguessable from another site and nothing needs storing.
 */
export const SESSION_COOKIE = 'oit_desk';

export function newSessionId(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfToken(secret: Buffer, sessionId: string): string {
  return hmac(secret, `csrf:${sessionId}`);
}

export interface PostCheck {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  sessionId: string | undefined;
  token: string | undefined;
}

/** Why a state-changing request is refused, or undefined when it may go ahead. Pure, for tests. */
export function refusePost(c: PostCheck, secret: Buffer): string | undefined {
  if (c.method !== 'POST') return 'method';
  if (!c.host) return 'host';
  const self = `http://${c.host}`;
  if (c.secFetchSite && c.secFetchSite !== 'same-origin' && c.secFetchSite !== 'none') return 'cross-site';
  if (c.origin && c.origin !== 'null') {
    if (c.origin !== self) return 'origin';
  } else {
    // No Origin (old browsers, some privacy settings): the Referer must name this origin.
    if (!c.referer || !(c.referer === self || c.referer.startsWith(`${self}/`))) return 'origin';
  }
  if (!c.sessionId || !c.token) return 'token';
  if (!sameSecret(c.token, csrfToken(secret, c.sessionId))) return 'token';
  return undefined;
}
