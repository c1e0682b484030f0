import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAddresses, createAddressGuard, isBlockedAddress } from '../../src/crawl/address-guard.js';
import { startSite, type FixtureSite } from '../helpers/site-server.js';
import { runCrawl, thaiPage } from '../crawl/helpers/crawl-env.js';

/**
 * Redirect loops and long chains, redirects to other hosts and to addresses the guard denies.
 * Safety rule of this file: the guard is tested as a pure function on address lists; end to end only
 * loopback addresses are ever requested (the site is on 127.0.0.1; 127.0.0.2 and "localhost" are other
 * hosts the policy denies). No request is ever pointed at a private-range or public address.
 * (A plain redirect loop and a redirect to 127.0.0.2 are in test/crawl/crawl-hazards.test.ts.)
 */
let site: FixtureSite;
let other: FixtureSite;

beforeAll(async () => {
  other = await startSite({ '/': thaiPage('อื่น', '<p>ไม่ควรถูกเรียก</p>') }, '127.0.0.2');
  site = await startSite((path) => {
    const chain = /^\/chain\/(\d+)\/(\d+)$/.exec(path);
    if (chain) {
      const [i, n] = [Number(chain[1]), Number(chain[2])];
      return i < n ? { status: 302, headers: { location: `/chain/${i + 1}/${n}` } } : thaiPage('ปลายทาง', `<p>ปลายทางของ ${n} ทอด</p>`);
    }
    const routes: Record<string, string | { status: number; headers: Record<string, string> }> = {
      '/': thaiPage('หน้าแรก', `<a href="/chain/0/5">5</a> <a href="/chain/0/40">40</a> <a href="/to-localhost">lh</a> <a href="/to-named">named</a>
        <a href="/to-file">file</a> <a href="/to-js">js</a> <a href="/self">self</a> <a href="/to-other-ip">ip</a>`),
      '/to-localhost': { status: 302, headers: { location: `http://localhost:${other.port}/` } },
      '/to-named': { status: 301, headers: { location: `http://intranet.test:${other.port}/` } },
      '/to-other-ip': { status: 307, headers: { location: `http://127.0.0.2:${other.port}/` } },
      '/to-file': { status: 302, headers: { location: 'file:///etc/passwd' } },
      '/to-js': { status: 302, headers: { location: 'javascript:alert(1)' } },
      '/self': { status: 302, headers: { location: '/self' } },
    };
    return routes[path];
  });
});
afterAll(async () => {
  await site?.close();
  await other?.close();
});

describe('redirect chains and loops', () => {
  it('follows a short chain, stops a long one at 10 hops and a self-redirect at once', async () => {
    const r = await runCrawl(`${site.origin}/`, { maxDepth: 1 }, { resolve: async (h) => (h === 'intranet.test' ? ['127.0.0.2'] : []) });
    expect(r.page('/chain/0/5')).toMatchObject({ status: 200, finalUrl: `${site.origin}/chain/5/5` });
    expect(r.page('/chain/0/5')!.redirectChain).toHaveLength(6);
    const long = r.page('/chain/0/40')!;
    expect(long.error).toBe('too many redirects');
    expect(long.redirectChain.length).toBeLessThanOrEqual(12);
    expect([...site.hits.keys()].filter((k) => k.startsWith('/chain/') && k.endsWith('/40')).length).toBeLessThanOrEqual(12);
    expect(r.page('/self')).toMatchObject({ error: 'redirect loop' });
    expect(site.hits.get('/self')).toBe(1);
    await r.store.close();
  });
});

describe('redirects to other hosts and denied addresses (end to end, loopback only)', () => {
  it('blocks redirects to other loopback hosts by name, by DNS answer and by IP; never connects', async () => {
    const r = await runCrawl(`${site.origin}/`, { maxDepth: 1 }, { resolve: async (h) => (h === 'intranet.test' ? ['127.0.0.2'] : h === 'localhost' ? ['127.0.0.1'] : []) });
    expect(r.page('/to-localhost')!.error).toBe('blocked: private address (localhost → 127.0.0.1)');
    expect(r.page('/to-named')!.error).toBe('blocked: private address (intranet.test → 127.0.0.2)');
    expect(r.page('/to-other-ip')!.error).toMatch(/^blocked: private address \(127\.0\.0\.2/);
    expect(other.hits.size).toBe(0);
    await r.store.close();
  });

  it('with allowPrivate, a redirect to another host is still not followed (off-site)', async () => {
    const r = await runCrawl(`${site.origin}/`, { maxDepth: 1, allowPrivate: true }, { resolve: async (h) => (h === 'localhost' ? ['127.0.0.1'] : []) });
    expect(r.page('/to-localhost')!.error).toBe(`redirect off-site: http://localhost:${other.port}/`);
    expect(r.page('/to-other-ip')!.error).toBe(`redirect off-site: http://127.0.0.2:${other.port}/`);
    expect(other.hits.size).toBe(0);
    await r.store.close();
  });

  it('refuses redirects to file: and javascript: URLs', async () => {
    const r = await runCrawl(`${site.origin}/`, { maxDepth: 1 });
    expect(r.page('/to-file')!.error).toMatch(/^bad redirect: file:/);
    expect(r.page('/to-js')!.error).toMatch(/^bad redirect: javascript:/);
    await r.store.close();
  });
});

describe('address guard as a pure function (no requests)', () => {
  const policy = { privateHostsAllowed: new Set<string>(['127.0.0.1']), allowPrivate: false };
  it.each([
    [['10.0.0.5'], true], [['172.16.4.4'], true], [['172.31.0.1'], true], [['192.168.1.1'], true], [['169.254.169.254'], true],
    [['127.0.0.2'], true], [['0.0.0.0'], true], [['::1'], true], [['fe80::1%eth0'], true], [['::ffff:169.254.169.254'], true],
    [['64:ff9b::10.0.0.1'], true], [['203.113.1.1', '10.0.0.1'], true], [['203.113.1.1', '2001:db8::1'], false], [['1.1.1.1'], false],
  ])('a host resolving to %j is blocked: %s', (addrs, blocked) => {
    expect(checkAddresses('some.host', addrs, policy) !== undefined).toBe(blocked);
  });

  it('treats malformed and non-canonical IPv4 forms as blocked', () => {
    for (const ip of ['0x7f.0.0.1', '017700000001', '2130706433', '127.1', '', '1.2.3.4.5']) expect(isBlockedAddress(ip), ip).toBe(true);
  });

  it('checks the resolved addresses of every host (injected resolver, nothing is fetched)', async () => {
    const answers: Record<string, string[]> = { 'metadata.test': ['169.254.169.254'], 'lan.test': ['192.168.0.10'], 'public.test': ['203.113.1.1'], 'rebind.test': ['203.113.1.1', '127.0.0.1'] };
    const guard = await createAddressGuard('https://public.test/', { allowPrivate: false, resolve: async (h) => answers[h] ?? [] });
    await expect(guard.check('http://metadata.test/latest/meta-data/')).rejects.toThrow(/blocked: private address \(metadata\.test → 169\.254\.169\.254\)/);
    await expect(guard.check('http://lan.test/')).rejects.toThrow(/blocked/);
    await expect(guard.check('http://rebind.test/')).rejects.toThrow(/blocked/);
    await expect(guard.check('http://unknown.test/')).rejects.toThrow(/dns: cannot resolve/);
    await expect(guard.check('http://[::ffff:7f00:1]/')).rejects.toThrow(/blocked/);
    await expect(guard.check('http://public.test/ok')).resolves.toBeUndefined();
  });
});
