/**
 * One generated agency site of the fleet, as data: every path it serves and the verdict a grader
 * would give each item. Site i is a small Thai local-government site (home, menu, about, news, an
 * ITA page with one table per sub-indicator) whose ITA page has evidence for 10 to 43 items; which
 * items, and whether the evidence is an HTML page or a PDF, follow from i alone, so a fleet is the
 * same on every run and its scores differ from site to site. Page texts come from the fixture
 * builders (test/fixtures/sites/content.ts) with the agency's own name put in; the PDFs are printed
 * once for the whole fleet (fleet/pdf-cache.ts), so they keep the fixture agency's name, which no
 * grader and no matcher checks.
 */
import { loadChecklist } from '../../../src/checklist/load.js';
import { round2, scoreOit } from '../../../src/check/score.js';
import type { ItemStatus } from '../../../src/store/types.js';
import { body, label, layout, ORG, ORG_SHORT, rightYear, TOPICS, type Topic } from '../../fixtures/sites/content.js';
import type { FixtureEntry, FixtureSite } from '../../fixtures/sites/types.js';

export const FLEET_YEAR = 2566;

const TAMBON = [
  'หนองบัว', 'โคกสูง', 'บ้านใหม่', 'ท่าช้าง', 'นาดี', 'หนองแวง', 'ดอนตาล', 'โพนทอง', 'คำใหญ่', 'บึงกาฬ',
  'ห้วยยาง', 'สามแยก', 'ทุ่งใหญ่', 'หนองหญ้าปล้อง', 'เขาวง', 'วังหิน', 'โนนสูง', 'บ่อทอง', 'ป่าแดง', 'นาหว้า',
];
const AMPHOE = ['เมือง', 'ราษีไศล', 'กันทรลักษ์', 'ขุขันธ์', 'อุทุมพรพิสัย'];

/** Documents agencies publish as PDF files; every other item is an ordinary web page. */
export const PDF_TOPICS: readonly Topic[] = [
  'strategy', 'opplan-budget', 'sixmonth-ops-budget', 'annual-ops', 'manual-work', 'manual-service', 'proc-plan',
  'proc-annual', 'hr-annual', 'nogift-declare', 'risk-assess', 'ac-plan', 'ac-annual', 'integrity-measures',
];

export interface FleetSiteData extends FixtureSite {
  index: number;
  /** The agency's Thai name. */
  org: string;
  /** Items with current evidence linked from the ITA page. */
  present: string[];
  /** Items whose only evidence is a report of an earlier fiscal year (a grader fails it). */
  stale: string[];
  itaPath: string;
}

/** A small deterministic generator (mulberry32), so site i is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Where the site keeps its ITA page and item pages: the URL shapes of the CMSs agencies use. */
function urlStyle(i: number) {
  switch (i % 4) {
    case 0:
      return { ita: '/ita', page: (n: number) => `/ita/o${n}`, file: (n: number) => `/files/doc_${String(n).padStart(2, '0')}.pdf` };
    case 1:
      return { ita: `/index.php?_mod=${b64('ita')}&type=${b64('32')}`, page: (n: number) => `/index.php?_mod=${b64('content')}&id=${500 + n}`, file: (n: number) => `/upload/files/ita2566_${n}.pdf` };
    case 2:
      return { ita: '/?page_id=1200', page: (n: number) => `/?page_id=${1200 + n}`, file: (n: number) => `/wp-content/uploads/2566/03/doc_${String(n).padStart(2, '0')}.pdf` };
    default:
      return { ita: '/public/list/data/index/menu/1143', page: (n: number) => `/public/list/data/detail/id/${3000 + n}/menu/1143`, file: (n: number) => `/public/files/${3000 + n}.pdf` };
  }
}

const LABELS = [(n: number) => `O${n}`, (n: number) => `o${n}`, (n: number) => `O${n}.`, (n: number) => `OIT ${n}`];
const LINK_TEXTS = ['ดาวน์โหลด', 'คลิกที่นี่', 'รายละเอียด', 'เปิดดู'];
const SUBS: Array<[string, string, number, number]> = [
  ['9.1', 'ข้อมูลพื้นฐาน', 1, 10], ['9.2', 'การบริหารงาน', 11, 18], ['9.3', 'การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ', 19, 22],
  ['9.4', 'การบริหารและพัฒนาทรัพยากรบุคคล', 23, 26], ['9.5', 'การส่งเสริมความโปร่งใส', 27, 30],
  ['10.1', 'การดำเนินการเพื่อป้องกันการทุจริต', 31, 38], ['10.2', 'มาตรการภายในเพื่อป้องกันการทุจริต', 39, 43],
];

/** How many items site i has evidence for (10 to 43, spread over the fleet), news aside. */
export const presentCount = (i: number) => 10 + ((i * 13) % 34);

export interface FleetSiteOptions {
  year?: number;
  /**
   * Extra news articles (a paged archive under /news), for sites as big as real ones: the ITA evidence
   * is then a small part of what a crawl fetches. Default 0.
   */
  newsPages?: number;
}

export function fleetSiteData(i: number, options: FleetSiteOptions = {}): FleetSiteData {
  const year = options.year ?? FLEET_YEAR;
  const topics = TOPICS[year];
  if (!topics) throw new Error(`no fixture topics for ${year}`);
  const tambon = TAMBON[i % TAMBON.length]!;
  const org = `องค์การบริหารส่วนตำบล${tambon}${i >= TAMBON.length ? ` ${Math.floor(i / TAMBON.length) + 1}` : ''}`;
  const own = (html: string) =>
    html.replaceAll(ORG, org).replaceAll(ORG_SHORT, `อบต.${tambon}`).replaceAll('ตำบลด่าน', `ตำบล${tambon}`).replaceAll('ราษีไศล', AMPHOE[i % AMPHOE.length]!);
  const style = urlStyle(i);
  const routes: Record<string, FixtureEntry> = {};
  const page = (title: string, content: string): FixtureEntry => ({ type: 'page', html: own(layout(title, content, menu)) });
  const menu = `<ul class="menu"><li><a href="/">หน้าหลัก</a></li><li><a href="/about">ข้อมูลหน่วยงาน</a></li><li><a href="${style.ita.replaceAll('&', '&amp;')}">ITA ${year}</a></li><li><a href="/news">ข่าวประชาสัมพันธ์</a></li><li><a href="/contact-us">ติดต่อเรา</a></li></ul>`;

  const codes = Object.keys(topics);
  const rnd = random(1000 + i);
  const order = codes.map((c) => ({ c, k: rnd() })).sort((a, b) => a.k - b.k).map((x) => x.c);
  const present = new Set(order.slice(0, presentCount(i)));
  // Every site has a news page in its menu, and a grader finds it there with or without an ITA row.
  const news = codes.find((c) => topics[c] === 'news');
  if (news) present.add(news);
  // Every fifth site offers last year's HR report where this year's is due.
  const staleHr = i % 5 === 2 ? Object.entries(topics).find(([, t]) => t === 'hr-annual')?.[0] : undefined;
  const stale = staleHr && present.has(staleHr) ? [staleHr] : [];

  const rows: Record<string, string[]> = {};
  for (const code of codes) {
    const n = Number(code.slice(1));
    const topic = topics[code]!;
    const fy = rightYear(topic, year);
    const title = label(topic, fy);
    const lbl = LABELS[(i + n) % LABELS.length]!(n);
    const text = LINK_TEXTS[(i + n) % LINK_TEXTS.length]!;
    let cell: string;
    if (!present.has(code)) {
      // Missing evidence the ways agencies leave it: no row, a dash, or a page "being prepared".
      const how = (i + n) % 3;
      if (how === 0) continue;
      if (how === 1) cell = '-';
      else {
        routes[style.page(n)] = page(title, `<h1>${title}</h1><p>อยู่ระหว่างดำเนินการ</p>`);
        cell = `<a href="${style.page(n).replaceAll('&', '&amp;')}">${text}</a>`;
      }
    } else if (topic === 'news') {
      cell = `<a href="/news">${text}</a>`;
    } else if (topic === 'social') {
      cell = `<a href="https://www.facebook.com/${b64(org).slice(0, 12)}" target="_blank">Facebook</a>`;
    } else if (PDF_TOPICS.includes(topic)) {
      const fileFy = stale.includes(code) ? fy - 1 : fy;
      routes[style.file(n)] = { type: 'doc', format: 'pdf', body: body(topic, fileFy) };
      cell = `<a href="${style.file(n)}">${text}</a>`;
    } else {
      routes[style.page(n)] = page(title, body(topic, fy));
      cell = `<a href="${style.page(n).replaceAll('&', '&amp;')}">${text}</a>`;
    }
    const sub = SUBS.find(([, , a, z]) => n >= a && n <= z)![0];
    (rows[sub] ??= []).push(`<tr><td>${lbl}</td><td>${title}</td><td>${cell}</td><td></td></tr>`);
  }
  const tables = SUBS.filter(([id]) => rows[id]?.length)
    .map(([id, name]) => `<h3>ตัวชี้วัดย่อยที่ ${id} ${name}</h3><table class="table"><tr><th>ข้อ</th><th>ข้อมูล</th><th>URL</th><th>คำอธิบาย</th></tr>${rows[id]!.join('')}</table>`)
    .join('\n');
  routes[style.ita] = page(`ITA ${year}`, `<h1>การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${year}</h1>\n${tables}`);
  routes['/'] = page(
    'หน้าหลัก',
    `<h1>ยินดีต้อนรับสู่เว็บไซต์ ${ORG}</h1><ul><li><a href="/news">ข่าวประชาสัมพันธ์</a></li></ul><div class="banner"><a href="${style.ita.replaceAll('&', '&amp;')}">การประเมินคุณธรรมและความโปร่งใส (ITA)</a></div>`,
  );
  routes['/about'] = page('ข้อมูลหน่วยงาน', `<h1>ข้อมูลหน่วยงาน</h1><p>${ORG} อำเภอราษีไศล จังหวัดศรีสะเกษ</p><p>ประวัติความเป็นมา สภาพทั่วไป และข้อมูลพื้นฐานของตำบล</p>`);
  routes['/news'] = page('ข่าวประชาสัมพันธ์', body('news', year) + newsArchive(routes, options.newsPages ?? 0, year, page));
  routes['/contact-us'] = page('ติดต่อเรา', `<h1>ติดต่อเรา</h1><p>${ORG} โทร ๐ ๔๕๘๒ ${String(6000 + i)}</p>`);

  const items: Record<string, ItemStatus> = {};
  for (const code of codes) items[code] = present.has(code) && !stale.includes(code) ? 'pass' : 'fail';
  const { checklist } = loadChecklist(year);
  const oit = round2(scoreOit(checklist, new Map(Object.entries(items))).oit);
  return {
    name: `fleet-${String(i).padStart(3, '0')}`,
    description: `generated agency ${org}: evidence for ${present.size} of ${codes.length} items`,
    year,
    start: '/',
    routes,
    expected: { items, oit },
    index: i,
    org,
    present: codes.filter((c) => present.has(c)),
    stale,
    itaPath: style.ita,
  };
}

const EVENTS = [
  'กิจกรรมวันเด็กแห่งชาติ', 'โครงการปลูกต้นไม้เฉลิมพระเกียรติ', 'ประชุมสภาสมัยสามัญ', 'กิจกรรมทำบุญตักบาตรวันขึ้นปีใหม่', 'รณรงค์ป้องกันไข้เลือดออก',
  'แข่งขันกีฬาเยาวชนต้านยาเสพติด', 'อบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน', 'ตรวจสุขภาพผู้สูงอายุ', 'ประเพณีลอยกระทง', 'ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า',
];

/** A paged news archive: /news links ?page=2…, each list page links ten articles (none of them ITA evidence). */
function newsArchive(routes: Record<string, FixtureEntry>, count: number, year: number, page: (title: string, content: string) => FixtureEntry): string {
  if (count <= 0) return '';
  const lists = Math.ceil(count / 10);
  const pager = (p: number) => `<div class="pagination">${Array.from({ length: lists }, (_v, k) => (k + 1 === p ? `<span>${k + 1}</span>` : `<a href="/news?page=${k + 1}">${k + 1}</a>`)).join(' ')}</div>`;
  const listOf = (p: number) => {
    const items: string[] = [];
    for (let k = (p - 1) * 10; k < Math.min(count, p * 10); k++) {
      const event = EVENTS[k % EVENTS.length]!;
      routes[`/news/view/${k + 1}`] = page(event, `<h1>${event} ประจำปี ${year}</h1><p class="date">วันที่ ${(k % 28) + 1} เดือน${['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน'][k % 4]} ${year}</p><p>${ORG}ร่วมกับผู้นำชุมชนและประชาชนในพื้นที่จัด${event} ณ ศาลาประชาคมหมู่ที่ ${(k % 12) + 1} มีผู้เข้าร่วมกิจกรรมจำนวนมาก</p><img src="/images/news/${k + 1}.jpg" alt="${event}">`);
      items.push(`<li><a href="/news/view/${k + 1}">${event}</a></li>`);
    }
    return `<ul class="news-list">${items.join('')}</ul>${pager(p)}`;
  };
  for (let p = 2; p <= lists; p++) routes[`/news?page=${p}`] = page('ข่าวประชาสัมพันธ์', `<h1>ข่าวประชาสัมพันธ์ หน้า ${p}</h1>${listOf(p)}`);
  return listOf(1);
}
