import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { Frontier } from '../../src/crawl/frontier.js';
import { NEUTRAL, PriorityModel, vocabularyFrom } from '../../src/crawl/priority.js';
import type { LinkRecord } from '../../src/store/types.js';

const { checklist } = loadChecklist(2568);
const model = new PriorityModel(vocabularyFrom(checklist));
const link = (text: string, more: Partial<LinkRecord> = {}): LinkRecord => ({ fromUrl: 'https://e.go.th/', toUrl: '', text, position: 0, tag: 'a', external: false, ...more });
const at = (url: string, l?: LinkRecord, from?: { priority: number; isIndex: boolean }, depth = 1) => model.ofLink(url, l ? { ...l, toUrl: url } : undefined, from, depth);

describe('best-first priority (checklist vocabulary)', () => {
  it('puts ITA index links, then checklist items, before plain pages, and archives, galleries and pagers last', () => {
    const ita = at('https://e.go.th/index.php?id=77', link('ITA 2568', { region: 'footer' }));
    const itemByVariant = at('https://e.go.th/page/12', link('คู่มือการปฏิบัติงาน'));
    const itemByRow = at('https://e.go.th/files/a.pdf', link('ดาวน์โหลด', { rowText: 'O8 คู่มือการปฏิบัติงาน ดาวน์โหลด' }));
    const plain = at('https://e.go.th/about/history', link('ประวัติความเป็นมา'));
    const pager = at('https://e.go.th/news?page=14', link('14'));
    const gallery = at('https://e.go.th/gallery/view/88', link('ภาพกิจกรรมวันเด็ก'));
    const oldYear = at('https://e.go.th/news/2559/view/5', link('ประชุมสภา'));
    expect(ita).toBeLessThan(plain);
    expect(itemByRow).toBeLessThan(itemByVariant); // a document in a row naming the item and its code
    expect(itemByVariant).toBeLessThan(plain);
    expect(plain).toBeLessThan(pager);
    expect(plain).toBeLessThan(gallery);
    expect(plain).toBeLessThan(oldYear);
    expect(plain).toBeGreaterThanOrEqual(NEUTRAL);
  });

  it('ranks the content links of an index page high, not its menu, and passes relevance on to what an evidence page links', () => {
    const index = { priority: 10, isIndex: true };
    const row = at('https://e.go.th/p/501', link('คลิกที่นี่', { rowText: 'ข้อมูลที่ไม่มีในรายการ' }), index, 3);
    const menu = at('https://e.go.th/contact', link('ติดต่อ', { region: 'nav' }), index, 3);
    expect(row).toBeLessThan(NEUTRAL - 20);
    expect(menu).toBeGreaterThanOrEqual(NEUTRAL);
    const attachment = at('https://e.go.th/upload/x.pdf', link('ไฟล์แนบ'), { priority: 20, isIndex: false }, 4);
    expect(attachment).toBeLessThan(NEUTRAL - 20);
    // Every page keeps a priority: low, never dropped.
    expect(Number.isFinite(at('https://e.go.th/calendar/2560/01', link('»')))).toBe(true);
  });

  it('does not read ITA inside another word and takes item words from the checklist, not from code', () => {
    expect(at('https://e.go.th/capital-city', link('capital city'))).toBeGreaterThanOrEqual(NEUTRAL);
    const bare = new PriorityModel();
    expect(bare.ofLink('https://e.go.th/p', link('คู่มือการปฏิบัติงาน'), undefined, 1)).toBeGreaterThan(at('https://e.go.th/p', link('คู่มือการปฏิบัติงาน')));
  });

  it('recognises an index page by its item codes or by item rows under an ITA title', () => {
    const rows = Array.from({ length: 6 }, (_v, i) => link('ดาวน์โหลด', { rowText: `O${i + 1} รายการที่ ${i + 1}` }));
    expect(model.isIndexPage('หน้าใดก็ได้', rows)).toBe(true);
    const titled = ['โครงสร้างส่วนราชการ', 'ข้อมูลสถิติการให้บริการ', 'คู่มือการปฏิบัติงาน', 'คู่มือการให้บริการ', 'ข่าวประชาสัมพันธ์'].map((t) => link(t, { region: 'main' }));
    expect(model.isIndexPage('การเปิดเผยข้อมูลสาธารณะ (OIT)', titled)).toBe(true);
    expect(model.isIndexPage('ข่าวกิจกรรม', titled)).toBe(false);
    expect(model.isIndexPage('ITA', titled.slice(0, 2))).toBe(false);
  });
});

describe('best-first priority on realistic bulk (news archives, libraries, download pages)', () => {
  const v2566 = vocabularyFrom(loadChecklist(2566).checklist);
  const m = new PriorityModel(v2566);
  const of = (url: string, l: LinkRecord, from?: Parameters<PriorityModel['ofLink']>[2], depth = 2) => m.ofLink(url, { ...l, toUrl: url }, from, depth);

  it('takes each long part of a joined title (A และ B) and short Latin terms as item words, and OIT section titles as weaker ones', () => {
    // O12 "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ …": a download page titled with its first part only.
    const part = of('https://e.go.th/up/doc_07.pdf', link('ดาวน์โหลด', { heading: 'รายงานการกำกับติดตามการดำเนินงาน ประจำปี 2566 (รอบ 6 เดือน)', region: 'main' }));
    const plainDoc = of('https://e.go.th/up/doc_08.pdf', link('ดาวน์โหลด', { heading: 'ประกาศงดจ่ายน้ำประปาชั่วคราว', region: 'main' }));
    expect(part).toBeLessThan(NEUTRAL - 15);
    expect(plainDoc).toBeGreaterThanOrEqual(NEUTRAL);
    expect(of('https://e.go.th/main/page8.html', link('เอกสารแนบ', { rowText: '1.8 Q&A เอกสารแนบ' }))).toBeLessThan(NEUTRAL - 15);
    const section = of('https://e.go.th/main/page52.html', link('ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน'));
    expect(section).toBeLessThan(NEUTRAL - 15);
    expect(section).toBeGreaterThan(of('https://e.go.th/main/page1.html', link('โครงสร้างส่วนราชการ')));
    expect(v2566.sectionTerms).toContain('การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ');
  });

  it('a listing of one item\'s entries (a news archive) passes on its own relevance, not each entry\'s item word; an index page is no listing', () => {
    const posts = Array.from({ length: 10 }, (_v, i) => link(`${i % 2 ? 'ข่าวกิจกรรม : ' : 'ประชาสัมพันธ์ : '}โครงการปลูกต้นไม้ หมู่ที่ ${i + 1}`, { region: 'main', toUrl: `https://e.go.th/?p=${5000 + i}` }));
    const crowded = m.crowdedItems(posts);
    expect([...crowded]).toEqual(['O7']);
    const archive = { priority: 72, isIndex: false, crowded };
    const post = of('https://e.go.th/?p=5003', posts[3]!, archive, 3);
    expect(post).toBeGreaterThanOrEqual(NEUTRAL - 10);
    // The same link on a page that is no listing keeps its item word.
    expect(of('https://e.go.th/?p=5003', posts[3]!, { priority: 72, isIndex: false }, 3)).toBeLessThan(post - 15);
    const itaRows = ['โครงสร้าง', 'ข้อมูลผู้บริหาร', 'อำนาจหน้าที่', 'ข่าวประชาสัมพันธ์', 'Q&A', 'แผนดำเนินงานประจำปี', 'คู่มือการปฏิบัติงาน'].map((t, i) => link('ดาวน์โหลด', { rowText: `O${i + 1} ${t}`, region: 'main' }));
    expect(m.crowdedItems(itaRows).size).toBe(0);
    // An evidence listing (priority 30) still passes its relevance on to its entries.
    expect(of('https://e.go.th/?p=5003', posts[3]!, { priority: 30, isIndex: false, crowded }, 3)).toBeLessThan(NEUTRAL - 30);
  });

  it('reads WordPress ?p= as a post, and pager links with arrows or a paged noun as pagers', () => {
    const post = of('https://e.go.th/?p=1119', link('รายงานผลการดำเนินงานประจำปี'));
    expect(post).toBeLessThan(NEUTRAL - 15);
    const plain = of('https://e.go.th/about', link('ประวัติความเป็นมา'));
    for (const t of ['ถัดไป ›', '« หน้าแรก', 'หน้าสุดท้าย »', '‹ ก่อนหน้า', '« เดือนก่อนหน้า', 'ภาพถัดไป ›', 'ข่าวเก่ากว่า »', '»']) expect(of('https://e.go.th/x/list', link(t)), t).toBeGreaterThan(plain);
  });
});

describe('Frontier.improve', () => {
  it('moves a waiting URL up when found through a better link, keeping its first spelling, and skips its old place', () => {
    const f = new Frontier();
    f.push({ url: 'https://e.go.th/a', fetchUrl: 'https://e.go.th/a?z=1&a=2', depth: 1, priority: 100 });
    f.push({ url: 'https://e.go.th/b', depth: 1, priority: 50 });
    expect(f.improve('https://e.go.th/a', 10)).toBe(true);
    expect(f.improve('https://e.go.th/a', 30)).toBe(false);
    expect(f.size).toBe(2);
    expect(f.peekPriority()).toBe(10);
    expect(f.next()).toEqual({ url: 'https://e.go.th/a', fetchUrl: 'https://e.go.th/a?z=1&a=2', depth: 1, priority: 10 });
    expect(f.next()?.url).toBe('https://e.go.th/b');
    expect(f.next()).toBeUndefined();
    expect(f.size).toBe(0);
    expect(f.improve('https://e.go.th/a', 0)).toBe(false);
  });

  it('tells a URL still waiting from one taken already (only a waiting URL can move up)', () => {
    const f = new Frontier();
    f.push({ url: 'https://e.go.th/ita', depth: 1, priority: 20 });
    f.push({ url: 'https://e.go.th/news?page=9', depth: 3, priority: 140 });
    expect(f.isWaiting('https://e.go.th/ita')).toBe(true);
    f.next();
    expect(f.isWaiting('https://e.go.th/ita')).toBe(false);
    expect(f.has('https://e.go.th/ita')).toBe(true);
    expect(f.isWaiting('https://e.go.th/unknown')).toBe(false);
    expect(f.isWaiting('https://e.go.th/news?page=9')).toBe(true);
  });
});
