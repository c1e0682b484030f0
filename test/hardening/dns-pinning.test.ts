import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectableAddresses, createAddressGuard, hostResolverRule, pinnedLookup, type GuardPolicy } from '../../src/crawl/address-guard.js';
import { fetchPage } from '../../src/crawl/fetch-page.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';

/**
 * DNS rebinding: the crawler connects only to an address that passed the private-address check. The
 * names below exist only in injected resolvers; every connection goes to 127.0.0.1, the one address
 * a fixture server listens on, and 127.0.0.2 is only ever refused (nothing listens there).
 */
const policy: GuardPolicy = { privateHostsAllowed: new Set(['intranet.test']), allowPrivate: false };

function lookupAll(lookup: ReturnType<typeof pinnedLookup>, host: string, options: { all?: boolean; family?: number } = {}): Promise<LookupAddress[] | string> {
  return new Promise((resolve, reject) => {
    lookup(host, { all: options.all ?? false, ...(options.family ? { family: options.family } : {}) }, (err, address, family) => {
      if (err) reject(err);
      else resolve(Array.isArray(address) ? (address as LookupAddress[]) : `${address as string}/${family}`);
    });
  });
}

describe('the address a connection may use (pure)', () => {
  it('allows the checked addresses in order and refuses private ones with the guard\'s reason', () => {
    expect(connectableAddresses('public.test', ['203.113.1.1', '2001:db8::1'], policy)).toEqual({ addresses: [{ address: '203.113.1.1', family: 4 }, { address: '2001:db8::1', family: 6 }] });
    expect(connectableAddresses('rebind.test', ['203.113.1.1', '127.0.0.2'], policy)).toMatchObject({ code: 'EOITBLOCKED', error: expect.stringMatching(/blocked: private address \(rebind\.test → 127\.0\.0\.2\)/) });
    expect(connectableAddresses('intranet.test', ['127.0.0.2'], policy)).toEqual({ addresses: [{ address: '127.0.0.2', family: 4 }] });
    expect(connectableAddresses('gone.test', [], policy)).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('a lookup answers from the cached answer the check saw, never a fresh one', async () => {
    let calls = 0;
    const answers = ['203.113.1.1'];
    const cache = new Map<string, Promise<string[]>>();
    const addressesOf = (h: string) => {
      let p = cache.get(h);
      if (!p) cache.set(h, (p = Promise.resolve([...answers]).finally(() => calls++)));
      return p;
    };
    const lookup = pinnedLookup(addressesOf, policy);
    expect(await lookupAll(lookup, 'public.test')).toBe('203.113.1.1/4');
    answers[0] = '127.0.0.2'; // the DNS answer changes after the check (rebinding)
    expect(await lookupAll(lookup, 'PUBLIC.test', { all: true })).toEqual([{ address: '203.113.1.1', family: 4 }]);
    expect(calls).toBe(1);
    await expect(lookupAll(pinnedLookup(async () => ['127.0.0.2'], policy), 'evil.test')).rejects.toMatchObject({ code: 'EOITBLOCKED' });
  });
});

describe('the browser is sent to the checked address of the site (pure: a fake resolver, no connection)', () => {
  it("maps the site's host to its checked address; private answers and IP literals get no mapping", async () => {
    const answers: Record<string, string[]> = { 'www.dan.go.th': ['203.113.1.1', '2001:db8::1'], 'evil.test': ['127.0.0.2'], 'v6.test': ['2001:db8::7'] };
    const guard = await createAddressGuard('http://www.dan.go.th/', { allowPrivate: false, resolve: async (h) => answers[h] ?? [] });
    expect(await guard.pinnedAddress!('WWW.dan.go.th')).toBe('203.113.1.1');
    expect(await guard.pinnedAddress!('evil.test')).toBeUndefined();
    expect(await guard.pinnedAddress!('gone.test')).toBeUndefined();
    expect(await guard.pinnedAddress!('127.0.0.1')).toBeUndefined();
    expect(hostResolverRule('WWW.dan.go.th', '203.113.1.1')).toBe('MAP www.dan.go.th 203.113.1.1');
    expect(hostResolverRule('v6.test', (await guard.pinnedAddress!('v6.test'))!)).toBe('MAP v6.test [2001:db8::7]');
  });
});

describe('fetches through the guard connect only to the checked address (loopback)', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startSite({ '/': '<html><body><h1>หน้าแรก</h1></body></html>' });
  });
  afterAll(async () => site?.close());

  const fetchOpts = (guard: Awaited<ReturnType<typeof createAddressGuard>>) => ({ userAgent: 'oit-test', timeoutMs: 5000, maxBytes: 1 << 20, guard });

  it('a name known only to the guard\'s resolver is fetched at the address it resolved to', async () => {
    let lookups = 0;
    const guard = await createAddressGuard(`http://agency.test:${site.port}/`, {
      allowPrivate: false,
      resolve: async (h) => {
        lookups++;
        return h === 'agency.test' ? ['127.0.0.1'] : [];
      },
    });
    const r = await fetchPage(`http://agency.test:${site.port}/`, fetchOpts(guard));
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain('หน้าแรก');
    expect(site.hits.get('/')).toBe(1);
    expect(lookups).toBe(1); // the check and the connection shared one answer
  });

  it('a host whose answer turns private between check and connect is never connected to', async () => {
    // The resolver answers 127.0.0.1 for the start host (allowed: the start host may be private)
    // and 127.0.0.2 for another name; 127.0.0.2 is refused by policy before any connection.
    const guard = await createAddressGuard(`http://agency.test:${site.port}/`, { allowPrivate: false, resolve: async (h) => (h === 'agency.test' ? ['127.0.0.1'] : h === 'other.test' ? ['127.0.0.2'] : []) });
    await expect(fetchPage(`http://other.test:${site.port}/`, fetchOpts(guard))).rejects.toThrow(/blocked: private address \(other\.test → 127\.0\.0\.2\)/);
    // Past the check (as if DNS changed after it), the connection's own look-up refuses too.
    const lookup = guard.lookup!;
    await expect(lookupAll(lookup as ReturnType<typeof pinnedLookup>, 'other.test')).rejects.toMatchObject({ code: 'EOITBLOCKED' });
  });
});
