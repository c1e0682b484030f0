/**
 * Which URLs belong to the site. Same site = the start host and its www/non-www twin, over http or
 * https, any port the start URL used (default ports are dropped by normalisation).
 *
 * `include` / `exclude` patterns: a string written as `/regex/flags` is a regular expression;
 * anything else is a glob where `**` matches any characters, `*` any characters except `/`, and `?`
 * one character. A pattern containing `://` is matched against the whole normalised URL, otherwise
 * against the path plus query (e.g. `/public/**`, `*.pdf`, `/\/ita\//i`). Globs match the whole
 * string when it starts with `/` or holds `://`; any other glob (`*.pdf`, `ita`) matches anywhere in it.
 */

export interface Scope {
  /** The start host (lower case), e.g. "www.example.go.th". */
  readonly host: string;
  /** Same site (host twin, http/https): links elsewhere are external and never fetched. */
  isSameSite(url: string): boolean;
  /** Same site and allowed by include/exclude. */
  inScope(url: string): boolean;
  /** Why a same-site URL is out of scope, for messages. */
  excludedBy(url: string): string | undefined;
}

export function twinHost(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : `www.${host}`;
}

export function createScope(startUrl: string, include: readonly string[] = [], exclude: readonly string[] = []): Scope {
  const start = new URL(startUrl);
  const host = start.hostname.toLowerCase();
  const port = start.port;
  const hosts = new Set([host, isIpLiteral(host) || host === 'localhost' ? host : twinHost(host)]);
  const inc = include.map(compilePattern);
  const exc = exclude.map(compilePattern);

  const hostPorts = new Set([...hosts].map((h) => (port ? `${h}:${port}` : h)));
  const isSameSite = (url: string): boolean => {
    // Fast path for normalised URLs (lower-case host, default port dropped): no URL parsing.
    const m = /^https?:\/\/([^/?#@\\]+)(?=[/?#]|$)/.exec(url);
    if (m && /^[\x21-\x7e]+$/.test(m[1]!) && m[1] === m[1]!.toLowerCase() && !/:(80|443)$/.test(m[1]!) && !m[1]!.endsWith('.')) return hostPorts.has(m[1]!);
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    if (!hosts.has(u.hostname.toLowerCase())) return false;
    // A non-default port is part of the site's identity (loopback fixtures use one).
    return u.port === port;
  };
  const excludedBy = (url: string): string | undefined => {
    if (inc.length && url !== startUrl && !inc.some((p) => p.test(url))) return 'not matched by include';
    const hit = exc.find((p) => p.test(url));
    return hit ? `excluded by ${hit.source}` : undefined;
  };
  return { host, isSameSite, inScope: (url) => isSameSite(url) && excludedBy(url) === undefined, excludedBy };
}

function isIpLiteral(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':') || host.startsWith('[');
}

export interface UrlPattern {
  source: string;
  test(url: string): boolean;
}

export function compilePattern(source: string): UrlPattern {
  const rx = /^\/(.+)\/([dgimsuy]*)$/s.exec(source);
  if (rx) {
    const re = new RegExp(rx[1]!, rx[2]!.replace('g', ''));
    return { source, test: (url) => re.test(url) || re.test(pathAndQuery(url)) };
  }
  const whole = source.includes('://');
  const anchored = whole || source.startsWith('/');
  const body = globToRegex(source);
  const re = new RegExp(anchored ? `^${body}$` : body);
  return { source, test: (url) => re.test(whole ? url : pathAndQuery(url)) };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
      } else out += '[^/]*';
    } else if (c === '?') out += '.';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

function pathAndQuery(url: string): string {
  try {
    const u = new URL(url);
    return decodeSafe(u.pathname) + u.search;
  } catch {
    return url;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
