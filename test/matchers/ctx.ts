import { loadChecklist } from '../../src/checklist/load.js';
import type { Checklist } from '../../src/checklist/schema.js';
import { parseView } from '../../src/check/site.js';
import type { MatchContext, Target } from '../../src/matchers/types.js';
import type { PageSnapshot } from '../../src/store/types.js';

const cache = new Map<number, Checklist>();
export function checklistOf(year: number): Checklist {
  let c = cache.get(year);
  if (!c) cache.set(year, (c = loadChecklist(year).checklist));
  return c;
}

export const SITE = 'http://www.dan.go.th';

export function snap(p: Partial<PageSnapshot> & { url: string }): PageSnapshot {
  return {
    finalUrl: p.url,
    status: 200,
    kind: 'html',
    text: '',
    textSource: 'html',
    depth: 1,
    redirectChain: [],
    fetchedAt: '2024-01-01T00:00:00.000Z',
    bytes: 0,
    needsJs: false,
    rendered: false,
    meta: {},
    ...p,
  };
}

/** A target from an HTML body (parsed like the judge does) or a document text. */
export function target(opts: { url?: string; html?: string; doc?: string; textSource?: PageSnapshot['textSource']; snapshot?: Partial<PageSnapshot> | null }): Target {
  const url = opts.url ?? `${SITE}/page`;
  if (opts.snapshot === null) return { url, text: '' };
  if (opts.html !== undefined) {
    const html = `<html><head><title>หน้า</title></head><body>${opts.html}</body></html>`;
    const s = snap({ url, html, kind: 'html', ...(opts.snapshot ?? {}) });
    const v = parseView(s);
    const content = v.mainLinks.filter((l) => /^https?:/.test(l.url));
    return {
      url,
      snapshot: s,
      text: v.mainText,
      title: v.title,
      headings: v.headings,
      images: v.images,
      forms: v.forms,
      tables: v.tables,
      externalLinks: content.filter((l) => !l.url.startsWith(SITE)).map((l) => l.url),
      contentLinks: content.length,
    };
  }
  const s = snap({ url, kind: 'pdf', text: opts.doc ?? '', textSource: opts.textSource ?? 'pdftotext', ...(opts.snapshot ?? {}) });
  return { url, snapshot: s, text: s.text };
}

export function ctx(year: number, code: string, extra: Partial<MatchContext> = {}): MatchContext {
  const checklist = checklistOf(year);
  const item = checklist.items.find((i) => i.code === code);
  if (!item) throw new Error(`no ${code} in ${year}`);
  return { item, checklist, year, siteHost: 'www.dan.go.th', names: [], ...extra };
}
