import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { NonRetryableFetchError } from '../errors.js';

/**
 * Never fetch private, loopback, link-local or unspecified addresses (SSRF guard), unless the start
 * URL's own host resolves to one (then exactly that host is allowed: an intranet scan, or tests on
 * 127.0.0.1) or the user passed allowPrivate. Checked after DNS resolution, on every redirect hop.
 * The HTTP fetches connect only to an address that passed the check: the guard's `dispatcher` resolves
 * through the same (cached) answer and checks it again, so a DNS answer that changes between the check
 * and the connection (rebinding) cannot steer a request to another address. Chromium (render mode)
 * still resolves names itself; its requests are checked per request (see render.ts).
 */

const V4_BLOCKS: Array<[number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xc0000000, 24], // 192.0.0/24 IETF protocol assignments
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved + broadcast
];

function v4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

function v4Blocked(ip: string): boolean {
  const n = v4ToInt(ip);
  if (n === undefined) return true;
  return V4_BLOCKS.some(([base, bits]) => (bits === 0 ? true : Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits))));
}

/** Expands an IPv6 address to 8 16-bit groups (undefined when malformed). */
function v6Groups(ip: string): number[] | undefined {
  let s = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = v4ToInt(v4[1]!);
    if (n === undefined) return undefined;
    s = s.slice(0, -v4[1]!.length) + `${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h ? h.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const known = head.length + rest.length;
  if (head.some(Number.isNaN) || rest.some(Number.isNaN)) return undefined;
  if (halves.length === 1 && known !== 8) return undefined;
  if (known > 8) return undefined;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
}

function v6Blocked(ip: string): boolean {
  const g = v6Groups(ip);
  if (!g) return true;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, h = 0, i = 0] = g;
  if (g.every((x) => x === 0)) return true; // ::
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && h === 0 && i === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible: judge the embedded IPv4 address.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && (f === 0xffff || f === 0)) {
    return v4Blocked(`${h >> 8}.${h & 255}.${i >> 8}.${i & 255}`);
  }
  if (a === 0x64 && b === 0xff9b) return v4Blocked(`${h >> 8}.${h & 255}.${i >> 8}.${i & 255}`); // NAT64
  if ((a & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((a & 0xffc0) === 0xfec0) return true; // fec0::/10 old site-local
  if ((a & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/** True for addresses a public crawl must never connect to. Malformed input counts as blocked. */
export function isBlockedAddress(ip: string): boolean {
  const kind = isIP(ip.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (kind === 4) return v4Blocked(ip);
  if (kind === 6) return v6Blocked(ip);
  return true;
}

export interface GuardPolicy {
  /** Hosts allowed even though they resolve to blocked addresses (the start host when it is private). */
  privateHostsAllowed: ReadonlySet<string>;
  allowPrivate: boolean;
}

/** Pure decision on a host and the addresses it resolved to; returns the reason when denied. */
export function checkAddresses(host: string, addresses: readonly string[], policy: GuardPolicy): string | undefined {
  if (!addresses.length) return 'no address';
  if (policy.allowPrivate) return undefined;
  const blocked = addresses.filter(isBlockedAddress);
  if (!blocked.length) return undefined;
  if (policy.privateHostsAllowed.has(host.toLowerCase())) return undefined;
  return `blocked: private address (${host} → ${blocked[0]})`;
}

export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface AddressGuard {
  /** Throws NonRetryableFetchError("blocked: private address …") when the URL's host may not be fetched. */
  check(url: string): Promise<void>;
  /** For net.connect: resolves a host only to addresses the policy allows (the ones check() saw). */
  lookup?: LookupFunction;
  /** An HTTP agent that connects through `lookup` (undici), for every fetch of the crawl. */
  dispatcher?: Dispatcher;
  /** The checked address a browser should use for `host` (undefined for an IP literal or a denied host). */
  pinnedAddress?(host: string): Promise<string | undefined>;
}

/**
 * Pure: Chromium's --host-resolver-rules value that sends `host` to the checked address `ip`, so the
 * browser never resolves the site's name itself (a DNS answer that changes after the check is not used).
 */
export function hostResolverRule(host: string, ip: string): string {
  return `MAP ${host.toLowerCase()} ${isIP(ip) === 6 ? `[${ip}]` : ip}`;
}

/** Error code of a connection refused by the pinned look-up (fetch-page reports its message). */
export const BLOCKED_CODE = 'EOITBLOCKED';

/**
 * Pure: the addresses a connection to `host` may use, in the resolver's order, or why none may.
 * The same rule as checkAddresses: a connection goes only where a check would have let it.
 */
export function connectableAddresses(host: string, addresses: readonly string[], policy: GuardPolicy): { addresses: { address: string; family: 4 | 6 }[] } | { error: string; code: string } {
  const reason = checkAddresses(host, addresses, policy);
  if (reason) return { error: reason === 'no address' ? `dns: cannot resolve ${host}` : reason, code: reason === 'no address' ? 'ENOTFOUND' : BLOCKED_CODE };
  return { addresses: addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 })) };
}

/** A net.connect `lookup` that answers from `addressesOf` (the guard's cache) and only with allowed addresses. */
export function pinnedLookup(addressesOf: (host: string) => Promise<string[]>, policy: GuardPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.toLowerCase();
    addressesOf(host).then(
      (addrs) => {
        const r = connectableAddresses(host, addrs, policy);
        if ('error' in r) return callback(Object.assign(new Error(r.error), { code: r.code }) as NodeJS.ErrnoException, '', 0);
        const wanted = options.family === 4 || options.family === 6 ? r.addresses.filter((a) => a.family === options.family) : r.addresses;
        const list = wanted.length ? wanted : r.addresses;
        if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (e: Error) => callback(e as NodeJS.ErrnoException, '', 0),
    );
  };
}

/**
 * Builds the guard for one crawl: resolves the start host once to decide whether it is itself a
 * private host (then only that exact host may be private).
 */
export async function createAddressGuard(startUrl: string, opts: { allowPrivate: boolean; resolve?: Resolver }): Promise<AddressGuard> {
  const resolve = opts.resolve ?? systemResolver;
  const cache = new Map<string, Promise<string[]>>();
  const addressesOf = (host: string): Promise<string[]> => {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare)) return Promise.resolve([bare]);
    let p = cache.get(bare);
    if (!p) {
      p = resolve(bare).catch(() => []);
      cache.set(bare, p);
      setTimeout(() => cache.delete(bare), 60_000).unref();
    }
    return p;
  };
  const startHost = new URL(startUrl).hostname.toLowerCase();
  const startAddrs = await addressesOf(startHost);
  const privateHostsAllowed = new Set<string>();
  if (startAddrs.some(isBlockedAddress)) privateHostsAllowed.add(startHost);
  const policy: GuardPolicy = { privateHostsAllowed, allowPrivate: opts.allowPrivate };
  const lookup = pinnedLookup(addressesOf, policy);
  return {
    lookup,
    dispatcher: new Agent({ connect: { lookup } }),
    async pinnedAddress(host: string) {
      const h = host.toLowerCase().replace(/^\[|\]$/g, '');
      if (isIP(h)) return undefined;
      const r = connectableAddresses(h, await addressesOf(h), policy);
      return 'error' in r ? undefined : r.addresses[0]!.address;
    },
    async check(url: string) {
      const host = new URL(url).hostname.toLowerCase();
      const addrs = await addressesOf(host);
      if (!addrs.length) throw new NonRetryableFetchError(`dns: cannot resolve ${host}`);
      const reason = checkAddresses(host, addrs, policy);
      if (reason) throw new NonRetryableFetchError(reason);
    },
  };
}
