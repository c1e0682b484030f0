/**
 * A generated fleet of Thai agency sites on loopback, one origin (own port) per site, for the queue
 * tests and the fleet benchmark. Healthy sites differ in which ITA items they publish (see
 * fleet/site-data.ts), so their scores differ; a few can be made slow or broken. Documents are real
 * Chromium-printed PDFs, printed once per machine and shared by every site (fleet/pdf-cache.ts).
 */
import { cachedPdfs } from './fleet/pdf-cache.js';
import { SITE_FAULTS, slowDelayMs, startBrokenSite, type SiteFault } from './fleet/faults.js';
import { fleetSiteData, FLEET_YEAR, type FleetSiteData } from './fleet/site-data.js';
import { startSite, type FixtureSite, type Route } from './site-server.js';

export { FAULT_START_PAGE, SITE_FAULTS, type SiteFault } from './fleet/faults.js';
export { fleetSiteData, FLEET_YEAR, type FleetSiteData, type FleetSiteOptions } from './fleet/site-data.js';

export interface FleetOptions {
  /** Site index → what is wrong with it; see spreadFaults(). Unlisted sites are healthy. */
  faults?: Partial<Record<number, SiteFault>>;
  year?: number;
  /** News articles per site besides the ITA evidence (see FleetSiteOptions.newsPages). Default 0. */
  newsPages?: number;
  /** Where printed PDFs are kept between runs (default: a folder under the system temp dir). */
  pdfCacheDir?: string;
}

export interface FleetSite {
  index: number;
  /** fleet-000, fleet-001, … */
  name: string;
  /** Start URL (origin + "/"). */
  url: string;
  origin: string;
  fault?: SiteFault;
  /** What the site serves and the verdicts a grader gives it (meaningful for healthy and slow sites). */
  data: FleetSiteData;
}

export interface Fleet {
  sites: FleetSite[];
  /** Requests answered so far by all sites together. */
  requests(): number;
  close(): Promise<void>;
}

/** Spreads the given faults over an n-site fleet at fixed, well-separated positions (one site each). */
export function spreadFaults(n: number, faults: readonly SiteFault[] = SITE_FAULTS): Partial<Record<number, SiteFault>> {
  const out: Partial<Record<number, SiteFault>> = {};
  faults.forEach((f, k) => {
    let at = Math.floor(((k + 1) * n) / (faults.length + 1));
    while (out[at] !== undefined && at < n - 1) at++;
    if (at < n && out[at] === undefined) out[at] = f;
  });
  return out;
}

function servedRoutes(data: FleetSiteData, pdfs: Map<string, Buffer>): Map<string, Route> {
  const out = new Map<string, Route>();
  for (const [path, e] of Object.entries(data.routes)) {
    if (e.type === 'page') out.set(path, { status: e.status ?? 200, body: e.html });
    else if (e.type === 'doc') out.set(path, { headers: { 'content-type': 'application/pdf' }, body: pdfs.get(e.body)! });
    else if (e.type === 'redirect') out.set(path, { status: e.status ?? 302, headers: { location: e.to }, body: '' });
    else if (e.type === 'status') out.set(path, { status: e.status, body: e.body ?? '' });
  }
  return out;
}

/** Starts n sites (indices 0…n-1) and resolves when every one is listening (or, for 'down', closed). */
export async function startFleet(n: number, options: FleetOptions = {}): Promise<Fleet> {
  const data = Array.from({ length: n }, (_v, i) => fleetSiteData(i, { year: options.year ?? FLEET_YEAR, newsPages: options.newsPages }));
  const docBodies = data.flatMap((d) => Object.values(d.routes).flatMap((e) => (e.type === 'doc' ? [e.body] : [])));
  const pdfs = await cachedPdfs(docBodies, options.pdfCacheDir);
  const servers: FixtureSite[] = [];
  const sites: FleetSite[] = [];
  try {
    // 'down' sites last: a closed port is one that was free a moment ago, and a server started after it
    // could be given the same port (two sites on one origin).
    const ordered = [...data].sort((a, b) => Number(options.faults?.[a.index] === 'down') - Number(options.faults?.[b.index] === 'down'));
    for (const d of ordered) {
      const fault = options.faults?.[d.index];
      let server: FixtureSite;
      if (fault && fault !== 'slow') server = await startBrokenSite(fault, d.index);
      else {
        const routes = servedRoutes(d, pdfs);
        const seed = d.index;
        server = await startSite((path) => {
          let route = routes.get(path);
          if (!route) {
            try {
              route = routes.get(decodeURI(path));
            } catch {
              /* not percent-decodable: a 404 */
            }
          }
          if (!route || fault !== 'slow') return route;
          return { ...route, delayMs: slowDelayMs(seed, path) };
        });
      }
      servers.push(server);
      sites.push({ index: d.index, name: d.name, url: `${server.origin}/`, origin: server.origin, ...(fault ? { fault } : {}), data: d });
    }
  } catch (e) {
    await Promise.all(servers.map((s) => s.close()));
    throw e;
  }
  sites.sort((a, b) => a.index - b.index);
  return {
    sites,
    requests: () => servers.reduce((sum, s) => sum + [...s.hits.values()].reduce((a, b) => a + b, 0), 0),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
