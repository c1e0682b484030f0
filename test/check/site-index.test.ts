import { describe, expect, it } from 'vitest';
import { buildSite, canon } from '../../src/check/site.js';
import { codeCount } from '../../src/text/item-codes.js';
import { pageInfo, SiteBuilder } from '../../src/check/site-index.js';
import type { LinkBody, LinkRecord, PageSnapshot } from '../../src/store/types.js';

/**
 * The site index interns links (one record per distinct link) and keeps every stored link as numbers.
 * Its answers must be those of a plain walk over every link record: links from a page in position
 * order, and how many distinct pages link to a target (template links), also when one page's links
 * arrive in two separate runs, as after a page is saved twice.
 */
const O = 'https://www.abt-nongbua.go.th';
const page = (path: string): PageSnapshot => ({
  url: O + path, finalUrl: O + path, status: 200, kind: 'html', title: `หน้า ${path}`, text: 'ข้อมูลข่าวสาร', textSource: 'html',
  html: `<html><body><h1>หน้า ${path}</h1></body></html>`, depth: 1, redirectChain: [], fetchedAt: '2026-11-25T00:00:00.000Z', bytes: 100,
  needsJs: false, rendered: false, meta: {},
});
const link = (from: string, to: string, position: number, text: string): LinkRecord => ({ fromUrl: O + from, toUrl: O + to, text, position, tag: 'a', external: false });

describe('site index', () => {
  const paths = Array.from({ length: 12 }, (_v, i) => `/p/${i}`);
  const pages = ['/', ...paths].map(page);
  const links: LinkRecord[] = [];
  const menu = (from: string) => ['/', '/p/0', '/p/1', '/p/2'].map((to, k) => link(from, to, k, ['หน้าแรก', 'ข้อมูลพื้นฐาน', 'ข่าวประชาสัมพันธ์', 'ติดต่อเรา'][k]!));
  links.push(...menu('/'), link('/', '/p/3', 4, 'ITA'));
  for (const [i, p] of paths.entries()) {
    links.push(...menu(p));
    // Own links out of position order; /p/5's second run of links comes after /p/6's.
    const own = [link(p, `/p/${(i + 3) % 12}`, 9, `ข่าว ${i}`), link(p, `/p/${(i + 5) % 12}`, 5, `กิจกรรม ${i}`)];
    // /x is linked from exactly 6 of the 13 pages: one short of a template link, unless /p/5 counted twice.
    if (i < 6) own.push(link(p, '/x', 6, 'แบบฟอร์ม'));
    if (i === 6) links.push(link('/p/5', '/p/11', 7, 'เอกสารเพิ่มเติม'), link('/p/5', '/x', 8, 'แบบฟอร์ม'));
    links.push(...own);
  }
  const site = buildSite(O + '/', pages, links);

  it('lists a page\'s links in position order, every stored link once', () => {
    for (const p of pages) {
      const expected = links.filter((l) => l.fromUrl === p.url).sort((a, b) => a.position - b.position);
      expect(site.linksFrom(p.url)).toEqual(expected);
    }
    expect(site.linksFrom(O + '/p/5').map((l) => l.text)).toContain('เอกสารเพิ่มเติม');
  });

  it('counts distinct linking pages per target (template links)', () => {
    const linkedFrom = new Map<string, Set<string>>();
    for (const l of links) {
      const k = canon(l.toUrl);
      if (!linkedFrom.has(k)) linkedFrom.set(k, new Set());
      linkedFrom.get(k)!.add(canon(l.fromUrl));
    }
    const min = Math.max(4, Math.ceil(pages.length * 0.5));
    for (const [k, from] of linkedFrom) expect(site.isTemplateLink(k)).toBe(from.size >= min);
    expect(site.isTemplateLink(O + '/p/2')).toBe(true);
    expect(site.isTemplateLink(O + '/p/11')).toBe(false);
    expect(site.isTemplateLink(O + '/x')).toBe(false);
  });

  it('keeps each distinct link once, in order of first occurrence', () => {
    expect(site.distinctLinks.filter((l) => l.text === 'หน้าแรก')).toHaveLength(1);
    expect(site.distinctLinks[0]).toMatchObject({ fromUrl: O + '/', toUrl: O + '/', position: 0 });
    expect(site.distinctLinks.length).toBe(new Set(links.map((l) => `${l.toUrl}|${l.text}`)).size);
  });

  it('answers the same when links arrive as the store streams them (bodies once, pages as references)', () => {
    // Store ids as a store hands them out, one per distinct body; the menu's "หน้าแรก" gets a second id
    // whose body is the same link (two stored bodies may be one link), used from /p/7 on.
    const ids = new Map<string, number>();
    const refOf = (l: LinkRecord) => {
      const key = `${l.toUrl}|${l.text}`;
      if (l.text === 'หน้าแรก' && l.fromUrl === O + '/p/7') return 999;
      if (!ids.has(key)) ids.set(key, ids.size);
      return ids.get(key)!;
    };
    const body = (l: LinkRecord): LinkBody => ({ toUrl: l.toUrl, text: l.text, tag: l.tag, external: l.external });
    // Runs of one page's links, in stored order, split into batches of three runs (so /p/5's two runs land apart).
    const runs: Array<{ fromUrl: string; refs: Array<[number, number]>; bodies: Array<[number, LinkBody]> }> = [];
    links.forEach((l) => {
      const last = runs[runs.length - 1];
      const run = last && last.fromUrl === l.fromUrl ? last : (runs.push({ fromUrl: l.fromUrl, refs: [], bodies: [] }), runs[runs.length - 1]!);
      const id = refOf(l);
      run.refs.push([id, l.position]);
      run.bodies.push([id, body(l)]);
    });
    const builder = new SiteBuilder(O + '/');
    builder.addPages(pages.map(pageInfo));
    for (let i = 0; i < runs.length; i += 3) {
      const part = runs.slice(i, i + 3);
      builder.addStoredLinks({ pages: part.map(({ fromUrl, refs }) => ({ fromUrl, ids: refs.map(([id]) => id), positions: refs.map(([, p]) => p) })), bodies: new Map(part.flatMap((r) => r.bodies)) });
    }
    const streamed = builder.finish({ get: () => undefined });
    expect(streamed.distinctLinks).toEqual(site.distinctLinks);
    for (const p of [...pages.map((x) => x.url), O + '/x']) {
      expect(streamed.linksFrom(p)).toEqual(site.linksFrom(p));
      expect(streamed.isTemplateLink(p)).toBe(site.isTemplateLink(p));
      expect(streamed.clickPath(p)).toEqual(site.clickPath(p));
    }
    expect(() => new SiteBuilder(O + '/').addStoredLinks({ pages: [{ fromUrl: O + '/', ids: [5] }], bodies: new Map() })).toThrow(/link body 5/);
  });

  it('keeps pages without their HTML and text, with the facts candidate finding needs', () => {
    const p = site.page(O + '/p/4')!;
    expect(p).not.toHaveProperty('html');
    expect(p).not.toHaveProperty('text');
    expect(p.headings).toEqual(['หน้า /p/4']);
    expect(site.clickPath(O + '/p/11')?.length).toBeGreaterThan(0);
  });

  it('a page record keeps every stored fact but HTML and text, whatever optional fields the row has', () => {
    const doc: PageSnapshot = {
      ...page('/d.pdf'), kind: 'pdf', contentType: 'application/pdf', title: undefined, text: 'รายงานผลการดำเนินงาน '.repeat(200), textSource: 'pdftotext',
      html: undefined, referrer: O + '/', sha256: 'ab'.repeat(32), error: 'encrypted PDF', meta: { pages: 3 }, finalUrl: O + '/files/d.pdf', redirectChain: [O + '/d.pdf'],
    };
    const index: PageSnapshot = { ...page('/ita'), text: 'O1 O2 O3 O4 O5 O6 O7 O8 โครงสร้าง', status: 404 };
    for (const p of [page('/p/1'), doc, index]) {
      const { html, text, ...rest } = p;
      const info = pageInfo(p);
      expect(info).toMatchObject(rest);
      expect(info.hasHtml).toBe(Boolean(html));
      expect(Object.keys(info)).not.toContain('html');
      expect(Object.keys(info)).not.toContain('text');
      void text;
    }
    expect(pageInfo(doc).textHead).toBe(doc.text.slice(0, 1500));
    expect(pageInfo(doc).headings).toBeUndefined();
    // A failed page names no headings; its text still tells an index page without the label.
    expect(pageInfo(index).headings).toBeUndefined();
    expect(pageInfo(index).manyCodes).toBe(true);
    expect(pageInfo(page('/p/1')).manyCodes).toBeUndefined();
  });
});

describe('codeCount (an ITA index page without its label names 8 or more item codes)', () => {
  it.each([
    ['codes as the ITA table writes them', 'O1 โครงสร้าง O2 ข้อมูลผู้บริหาร o3 อำนาจหน้าที่ OIT 4 O-05 O 6', 6],
    ['Thai digits fold to the same codes', 'O๑ โครงสร้าง O๒ ข้อมูลผู้บริหาร O1 ซ้ำ', 2],
    ['a Thai page with no "o" at all has none', 'ข้อมูลพื้นฐาน 1 2 3 แผนการดำเนินงาน ๑ ๒', 0],
    ['an "o" inside a word is no code', 'Facebook2 video1 Logo3', 0],
  ])('%s', (_why, text, n) => {
    expect(codeCount(text)).toBe(n);
  });
});
