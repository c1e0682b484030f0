import { FetchError, NonRetryableFetchError } from '../errors.js';
import { fetch as pinnedFetch } from 'undici';
import { BLOCKED_CODE, type AddressGuard } from './address-guard.js';
import { asWritten, normalizeUrl } from './normalize-url.js';
import { backoffMs, parseRetryAfter, sleep, type HostGate } from './politeness.js';

/**
 * One HTTP GET with redirects followed by hand, so every hop passes the address guard and the
 * caller's hop check (scope, robots) and is recorded. redirectChain lists every URL visited, the
 * requested one first and the last target last ([] when there was no redirect).
 */

export interface FetchPageOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  guard: AddressGuard;
  signal?: AbortSignal;
  /** A reason to stop before fetching a redirect target (off-site, disallowed by robots.txt). */
  checkHop?: (url: string) => Promise<string | undefined> | string | undefined;
  /** Whether the body is worth downloading for this content type (images and media are not). */
  wantBody?: (contentType: string | undefined) => boolean;
  maxRedirects?: number;
}

export interface FetchedResponse {
  url: string;
  finalUrl: string;
  /** 0 when no response arrived. */
  status: number;
  contentType?: string;
  headers?: Headers;
  body: Buffer;
  /** Bytes received (or announced by Content-Length when the body was skipped). */
  bytes: number;
  redirectChain: string[];
  error?: string;
  truncated?: boolean;
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED']);

function networkError(e: unknown, timedOut: boolean, outer?: AbortSignal): Error {
  if (outer?.aborted) return (outer.reason as Error) ?? new Error('aborted');
  if (timedOut) return new FetchError('timeout');
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? (err as { code?: string }).code;
  const msg = code ? `network: ${code}` : `network: ${err.cause?.message ?? err.message}`;
  if (code && RETRYABLE_CODES.has(code)) return new FetchError(msg);
  if (code === 'ENOTFOUND') return new NonRetryableFetchError(`dns: ${code}`);
  // The pinned look-up refused the address DNS gave at connect time (it changed since the check).
  if (code === BLOCKED_CODE) return new NonRetryableFetchError(err.cause?.message ?? 'blocked: private address');
  if (code && /CERT|SSL|TLS/.test(code)) return new NonRetryableFetchError(`tls: ${code}`);
  return new FetchError(msg);
}

async function readBody(res: Response, maxBytes: number): Promise<{ body: Buffer; truncated: boolean }> {
  if (!res.body) return { body: Buffer.alloc(0), truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(value);
  }
  return { body: chunks.length === 1 ? Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength) : Buffer.concat(chunks), truncated: false };
}

export async function fetchPage(url: string, opts: FetchPageOptions): Promise<FetchedResponse> {
  const chain: string[] = [];
  /** Normalised forms of the chain: a loop is the same page under another spelling too. */
  const keys: string[] = [normalizeUrl(url) ?? url];
  const maxRedirects = opts.maxRedirects ?? 10;
  let current = url;
  const result = (over: Partial<FetchedResponse>): FetchedResponse => ({
    url, finalUrl: current, status: 0, body: Buffer.alloc(0), bytes: 0, redirectChain: chain.length > 1 ? chain : [], ...over,
  });
  chain.push(current);
  await opts.guard.check(current);
  for (;;) {
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let res: Response;
    try {
      const init = {
        redirect: 'manual' as const,
        signal,
        headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8', 'accept-language': 'th,en;q=0.8' },
      };
      // Through the guard's dispatcher the connection goes only to an address the guard allowed
      // (no second DNS look-up for a rebinding answer to slip into).
      res = opts.guard.dispatcher ? ((await pinnedFetch(current, { ...init, dispatcher: opts.guard.dispatcher })) as unknown as Response) : await fetch(current, init);
    } catch (e) {
      throw networkError(e, timeout.aborted, opts.signal);
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel().catch(() => undefined);
      // Followed as the server wrote it (signed links and routers care about the query's order).
      const key = normalizeUrl(location, current);
      const next = key && asWritten(location, current);
      if (!key || !next) return result({ status: res.status, error: `bad redirect: ${location.slice(0, 200)}` });
      const loop = keys.includes(key);
      keys.push(key);
      if (!loop && chain.length > maxRedirects) return result({ status: res.status, error: 'too many redirects' });
      current = next;
      chain.push(next);
      if (loop) return result({ status: res.status, error: 'redirect loop' });
      // The address guard first (security), then the caller's scope and robots rules.
      try {
        await opts.guard.check(next);
      } catch (e) {
        return result({ status: res.status, error: (e as Error).message });
      }
      const stop = await opts.checkHop?.(next);
      if (stop) return result({ status: res.status, error: stop });
      continue;
    }
    const contentType = res.headers.get('content-type') ?? undefined;
    const announced = Number(res.headers.get('content-length') ?? NaN);
    const base = { status: res.status, contentType, headers: res.headers };
    if (Number.isFinite(announced) && announced > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return result({ ...base, bytes: announced, truncated: true, error: 'too large' });
    }
    if (opts.wantBody && !opts.wantBody(contentType)) {
      await res.body?.cancel().catch(() => undefined);
      return result({ ...base, bytes: Number.isFinite(announced) ? announced : 0 });
    }
    try {
      const { body, truncated } = await readBody(res, opts.maxBytes);
      return result({ ...base, body, bytes: body.length, ...(truncated ? { truncated, error: 'too large' } : {}) });
    } catch (e) {
      throw networkError(e, timeout.aborted, opts.signal);
    }
  }
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504, 520, 521, 522, 523, 524]);

export interface RetryOptions {
  retries: number;
  gate: HostGate;
  signal?: AbortSignal;
  /** Told about each retry (for warnings). */
  onRetry?: (url: string, attempt: number, waitMs: number, why: string) => void;
}

/**
 * fetchPage with retries: timeouts, resets and 5xx back off exponentially with jitter; 429 and 503
 * wait for Retry-After (capped) and pause the whole site meanwhile. Never throws for fetch problems:
 * the last failure comes back as a response with status 0 (or the last status) and `error`.
 */
export async function fetchWithRetries(url: string, opts: FetchPageOptions, retry: RetryOptions): Promise<FetchedResponse> {
  for (let attempt = 0; ; attempt++) {
    await retry.gate.wait(retry.signal);
    let res: FetchedResponse;
    try {
      res = await fetchPage(url, opts);
    } catch (e) {
      if (retry.signal?.aborted) throw e;
      const retryable = e instanceof FetchError;
      if (!retryable || attempt >= retry.retries) {
        return { url, finalUrl: url, status: 0, body: Buffer.alloc(0), bytes: 0, redirectChain: [], error: (e as Error).message };
      }
      const wait = (e as FetchError).retryAfterMs ?? backoffMs(attempt);
      retry.onRetry?.(url, attempt + 1, wait, (e as Error).message);
      await sleep(wait, retry.signal);
      continue;
    }
    if (!RETRY_STATUS.has(res.status) || attempt >= retry.retries) {
      if (res.status >= 400 && !res.error) res.error = `HTTP ${res.status}`;
      return res;
    }
    const retryAfter = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers?.get('retry-after')) : undefined;
    const wait = retryAfter ?? backoffMs(attempt);
    if (retryAfter !== undefined) retry.gate.pauseFor(retryAfter);
    retry.onRetry?.(url, attempt + 1, wait, `HTTP ${res.status}`);
    await sleep(wait, retry.signal);
  }
}
