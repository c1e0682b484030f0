/**
 * URL normalisation: the frontier's dedupe key. Lower-case scheme and host, no default port, no
 * fragment, query parameters sorted, tracking and session parameters removed. The path keeps its
 * case (real agency sites have case-sensitive paths) and its percent-encoding is made uniform.
 */

/** Query parameters that never change what a page shows. */
const TRACKING_PARAM = /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref_src)$/i;
/** Session ids: the same page under a new name on every visit. */
const SESSION_PARAM = /^(phpsessid|jsessionid|sid|sessionid|session_id|aspsessionid[a-z]*|cfid|cftoken|zenid|osCsid)$/i;
/** `;jsessionid=…` style path parameters. */
const PATH_SESSION = /;(jsessionid|phpsessid|sid|sessionid)=[^/?#;]*/gi;
/** ASP.NET cookieless sessions: a `/(S(…))` (or `(A(…))`, `(F(…))`) segment in front of the path. */
const ASPNET_SESSION = /\/\((?:[A-Z]\([A-Za-z0-9_-]{8,}\))+\)(?=\/|$)/g;

export function isSessionOrTrackingParam(name: string): boolean {
  return TRACKING_PARAM.test(name) || SESSION_PARAM.test(name);
}

/** Schemes we can fetch. Everything else (mailto:, tel:, javascript:, data:) is recorded raw. */
export function isHttpUrl(u: string): boolean {
  return /^https?:\/\//i.test(u);
}

/**
 * Resolves `raw` against `base` and normalises it. Returns undefined when the result is not an
 * http(s) URL or cannot be parsed.
 */
export function normalizeUrl(raw: string, base?: string): string | undefined {
  const trimmed = raw.trim().replace(/[\t\n\r]/g, '');
  if (!trimmed) return undefined;
  let u: URL;
  try {
    u = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  // URL already lower-cases the host and drops default ports; strip a trailing dot of the host.
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  let path = u.pathname.replace(PATH_SESSION, '').replace(ASPNET_SESSION, '');
  path = normalizePercent(path);
  u.pathname = path || '/';
  if (u.search) {
    const params = [...u.searchParams.entries()].filter(([k]) => !isSessionOrTrackingParam(k));
    params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    u.search = params.length ? '?' + params.map(([k, v]) => `${encodeQ(k)}=${encodeQ(v)}`).join('&') : '';
  }
  return u.href.endsWith('?') ? u.href.slice(0, -1) : u.href;
}

/**
 * The absolute URL a browser would request for `raw`: resolved, no fragment or credentials, query
 * order and parameters as written. What oit fetches and reports; normalizeUrl is only the dedupe key.
 */
export function asWritten(raw: string, base?: string): string | undefined {
  try {
    const u = base === undefined ? new URL(raw.trim().replace(/[\t\n\r]/g, '')) : new URL(raw.trim().replace(/[\t\n\r]/g, ''), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return undefined;
  }
}

/** Upper-case percent escapes and decode escapes of unreserved characters (%7E → ~). */
function normalizePercent(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const code = parseInt(hex, 16);
    const ch = String.fromCharCode(code);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** Query encoding that keeps base64 padding and common punctuation readable but stays unambiguous. */
function encodeQ(s: string): string {
  return encodeURIComponent(s).replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3D/g, '=');
}

/** Lower-case file extension of a URL's path ('' when none). */
export function urlExtension(u: string): string {
  try {
    const m = /\.([a-z0-9]{1,5})$/i.exec(new URL(u).pathname);
    return m ? m[1]!.toLowerCase() : '';
  } catch {
    return '';
  }
}
