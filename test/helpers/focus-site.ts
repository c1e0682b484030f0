/**
 * A large, realistic agency portal as data, for the focused-crawl tests and `npm run bench:focus`:
 * hundreds to thousands of pages of which a few dozen are ITA evidence. What makes real portals hard
 * for a breadth-first crawl is all here:
 * - a news archive with a pager (ten articles a page, each article linking its neighbours and photos),
 * - photo galleries (album pages and one page per photo),
 * - an event calendar that pages month by month years into the past,
 * - a document library of old announcements (real PDFs, years of them, paged),
 * - the ITA/OIT page linked only from the footer ("การเปิดเผยข้อมูลสาธารณะ"), which links one page per
 *   sub-indicator, which links one page per item, whose evidence is a PDF or a further page: evidence
 *   at depth 3 to 5.
 * Texts come from the fixture builders (test/fixtures/sites/content.ts); documents are real PDFs
 * printed from Thai HTML when served (test/helpers/e2e-fixture.ts buildRoutes).
 */
import { loadChecklist } from '../../src/checklist/load.js';
import { round2, scoreOit } from '../../src/check/score.js';
import type { ItemStatus } from '../../src/store/types.js';
import { body, label, layout, ORG, rightYear, TOPICS } from '../fixtures/sites/content.js';
import type { FixtureEntry, FixtureSite } from '../fixtures/sites/types.js';
import { PDF_TOPICS } from './fleet/site-data.js';

export interface PortalOptions {
  year?: number;
  /** News articles (ten per archive page). Default 400. */
  news?: number;
  /** Photo albums, each with `photos` photo pages. Default 20 × 10. */
  albums?: number;
  photos?: number;
  /** Calendar months reachable backwards from the current one. Default 120. */
  months?: number;
  /** Old announcements in the document library (PDFs, twenty per page). Default 200. */
  libraryDocs?: number;
  name?: string;
}

const SUBS: Array<[string, string, number, number]> = [
  ['9.1', 'ข้อมูลพื้นฐาน', 1, 10], ['9.2', 'การบริหารงาน', 11, 18], ['9.3', 'การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ', 19, 22],
  ['9.4', 'การบริหารและพัฒนาทรัพยากรบุคคล', 23, 26], ['9.5', 'การส่งเสริมความโปร่งใส', 27, 30],
  ['10.1', 'การดำเนินการเพื่อป้องกันการทุจริต', 31, 38], ['10.2', 'มาตรการภายในเพื่อป้องกันการทุจริต', 39, 43],
];
const EVENTS = ['กิจกรรมวันเด็กแห่งชาติ', 'โครงการปลูกต้นไม้', 'ประชุมประชาคมหมู่บ้าน', 'ทำบุญตักบาตรวันขึ้นปีใหม่', 'รณรงค์ป้องกันไข้เลือดออก', 'แข่งขันกีฬาต้านยาเสพติด', 'อบรมอาสาสมัครป้องกันภัย', 'ตรวจสุขภาพผู้สูงอายุ', 'ประเพณีลอยกระทง', 'ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า'];
const MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
/** Items whose evidence sits one page further down (item page → "เอกสารประกอบ" page → PDF): depth 5. */
const DEEPER = new Set(['O12', 'O22', 'O34', 'O38']);
/** Items the agency has not published (no row at all, or a row with nothing behind it). */
const MISSING = new Set(['O8', 'O21', 'O33']);

export function largePortal(options: PortalOptions = {}): FixtureSite {
  const year = options.year ?? 2566;
  const topics = TOPICS[year];
  if (!topics) throw new Error(`no fixture topics for ${year}`);
  const news = options.news ?? 400;
  const albums = options.albums ?? 20;
  const photos = options.photos ?? 10;
  const months = options.months ?? 120;
  const libraryDocs = options.libraryDocs ?? 200;
  const routes: Record<string, FixtureEntry> = {};
  const menu = `<ul class="menu"><li><a href="/">หน้าหลัก</a></li><li><a href="/about">ข้อมูลหน่วยงาน</a></li><li><a href="/news">ข่าวประชาสัมพันธ์</a></li><li><a href="/gallery">ภาพกิจกรรม</a></li><li><a href="/calendar">ปฏิทินกิจกรรม</a></li><li><a href="/library">เอกสารเผยแพร่</a></li><li><a href="/contact-us">ติดต่อเรา</a></li></ul>`;
  // The only way to the ITA page: a small footer link, as on many portals.
  const footer = `<div class="footer-links"><a href="/content/view/transparency">การเปิดเผยข้อมูลสาธารณะ (OIT)</a> · <a href="/sitemap-page">แผนผังเว็บไซต์</a></div>`;
  const page = (title: string, content: string): FixtureEntry => ({ type: 'page', html: layout(title, content + footer, menu) });

  // ITA: index → sub-indicator pages → item pages → evidence (PDF, page, or one more page down).
  const items: Record<string, ItemStatus> = {};
  const subRows: Record<string, string[]> = {};
  for (const [code, topic] of Object.entries(topics)) {
    const n = Number(code.slice(1));
    const fy = rightYear(topic, year);
    const title = label(topic, fy);
    const sub = SUBS.find(([, , a, z]) => n >= a && n <= z)![0];
    const itemPath = `/content/view/transparency/${sub}/item-${n}`;
    items[code] = MISSING.has(code) ? 'fail' : 'pass';
    if (MISSING.has(code)) {
      if (n % 2) (subRows[sub] ??= []).push(`<tr><td>O${n}</td><td>${title}</td><td>-</td></tr>`);
      continue;
    }
    (subRows[sub] ??= []).push(`<tr><td>O${n}</td><td>${title}</td><td><a href="${itemPath}">รายละเอียด</a></td></tr>`);
    let evidence: string;
    if (topic === 'news') evidence = `<a href="/news">ข่าวประชาสัมพันธ์ทั้งหมด</a>`;
    else if (topic === 'social') evidence = `<a href="https://www.facebook.com/portal.example">Facebook ${ORG}</a>`;
    else if (PDF_TOPICS.includes(topic)) {
      const file = `/uploads/${year}/ita/o${n}.pdf`;
      routes[file] = { type: 'doc', format: 'pdf', body: body(topic, fy) };
      if (DEEPER.has(code)) {
        const attach = `${itemPath}/attachments`;
        routes[attach] = page(`เอกสารประกอบ ${title}`, `<h1>เอกสารประกอบ</h1><h2>${title}</h2><ul><li><a href="${file}">ดาวน์โหลดไฟล์ PDF</a></li></ul>`);
        evidence = `<a href="${attach}">เอกสารประกอบ</a>`;
      } else evidence = `<a href="${file}">ดาวน์โหลด</a>`;
    } else {
      // Parameters in the order the CMS writes them (not sorted): fetched and reported that way.
      const content = `/content/view/${1000 + n}?lang=th&cat=ita`;
      routes[content] = page(title, body(topic, fy));
      evidence = `<a href="${content.replaceAll('&', '&amp;')}">อ่านรายละเอียด</a>`;
    }
    routes[itemPath] = page(`O${n} ${title}`, `<h1>O${n} ${title}</h1><p>ข้อมูลตามตัวชี้วัดที่ ${sub} ประจำปีงบประมาณ พ.ศ. ${year}</p><p>${evidence}</p>`);
  }
  const subLinks = SUBS.map(([id, name]) => `<tr><td>ตัวชี้วัดย่อยที่ ${id}</td><td><a href="/content/view/transparency/${id}">${name}</a></td></tr>`).join('');
  routes['/content/view/transparency'] = page(
    'การเปิดเผยข้อมูลสาธารณะ',
    `<h1>การเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) ประจำปีงบประมาณ พ.ศ. ${year}</h1><table class="table"><tr><th>ตัวชี้วัดย่อย</th><th>หัวข้อ</th></tr>${subLinks}</table>`,
  );
  for (const [id, name] of SUBS) {
    routes[`/content/view/transparency/${id}`] = page(
      `ตัวชี้วัดย่อยที่ ${id} ${name}`,
      `<h1>ตัวชี้วัดย่อยที่ ${id} ${name}</h1><table class="table"><tr><th>ข้อ</th><th>ข้อมูล</th><th>รายละเอียด</th></tr>${(subRows[id] ?? []).join('')}</table><p><a href="/content/view/transparency">ย้อนกลับ</a></p>`,
    );
  }

  // Home, about, contact, a site map page that repeats the menu.
  routes['/'] = page('หน้าหลัก', `<h1>ยินดีต้อนรับสู่เว็บไซต์ ${ORG}</h1><ul class="news-list">${Array.from({ length: Math.min(5, news) }, (_v, k) => `<li><a href="/news/view/${k + 1}">${EVENTS[k % EVENTS.length]}</a></li>`).join('')}</ul><p><a href="/news">ข่าวทั้งหมด</a> · <a href="/gallery">ภาพกิจกรรมทั้งหมด</a> · <a href="/index.php?option=com_content&amp;view=article&amp;id=5">ประวัติความเป็นมา</a></p>`);
  routes['/about'] = page('ข้อมูลหน่วยงาน', `<h1>ข้อมูลหน่วยงาน</h1><p>${ORG} สภาพทั่วไป และข้อมูลพื้นฐานของตำบล</p>`);
  // A Joomla-style link whose router reads the parameters in the order written.
  routes['/index.php?option=com_content&view=article&id=5'] = page('ประวัติความเป็นมา', `<h1>ประวัติความเป็นมา</h1><p>ตำบลด่านตั้งขึ้นเมื่อ พ.ศ. ๒๔๘๐</p>`);
  routes['/contact-us'] = page('ติดต่อเรา', `<h1>ติดต่อเรา</h1><p>${ORG} โทร ๐ ๔๕๘๒ ๖๑๒๓</p>`);
  routes['/sitemap-page'] = page('แผนผังเว็บไซต์', `<h1>แผนผังเว็บไซต์</h1>${menu}`);

  // News archive: /news?page=N, ten articles each; articles link their neighbours and a photo album.
  const newsPages = Math.max(1, Math.ceil(news / 10));
  const pager = (p: number) => `<div class="pagination">${p > 1 ? `<a href="/news?page=${p - 1}">«</a> ` : ''}${Array.from({ length: newsPages }, (_v, k) => (k + 1 === p ? `<span>${k + 1}</span>` : `<a href="/news?page=${k + 1}">${k + 1}</a>`)).join(' ')}${p < newsPages ? ` <a href="/news?page=${p + 1}">»</a>` : ''}</div>`;
  for (let p = 1; p <= newsPages; p++) {
    const list: string[] = [];
    for (let k = (p - 1) * 10; k < Math.min(news, p * 10); k++) list.push(`<li><a href="/news/view/${k + 1}">${EVENTS[k % EVENTS.length]} (${k + 1})</a></li>`);
    const entry = page('ข่าวประชาสัมพันธ์', `<h1>ข่าวประชาสัมพันธ์${p > 1 ? ` หน้า ${p}` : ''}</h1><ul class="news-list">${list.join('')}</ul>${pager(p)}`);
    routes[p === 1 ? '/news' : `/news?page=${p}`] = entry;
  }
  for (let k = 1; k <= news; k++) {
    const event = EVENTS[(k - 1) % EVENTS.length]!;
    const be = year - Math.floor((k - 1) / 60);
    const album = albums ? `<p><a href="/gallery/album/${((k - 1) % albums) + 1}">ภาพกิจกรรม</a></p>` : '';
    routes[`/news/view/${k}`] = page(
      event,
      `<h1>${event} (${k})</h1><p class="date">วันที่ ${(k % 28) + 1} ${MONTHS[k % 12]} ${be}</p><p>${ORG}ร่วมกับผู้นำชุมชนจัด${event} ณ ศาลาประชาคมหมู่ที่ ${(k % 12) + 1}</p>${album}<p>${k > 1 ? `<a href="/news/view/${k - 1}">ข่าวก่อนหน้า</a>` : ''} ${k < news ? `<a href="/news/view/${k + 1}">ข่าวถัดไป</a>` : ''}</p>`,
    );
  }

  // Galleries: album list, albums, one page per photo.
  if (albums) {
    routes['/gallery'] = page('ภาพกิจกรรม', `<h1>ภาพกิจกรรม</h1><ul>${Array.from({ length: albums }, (_v, a) => `<li><a href="/gallery/album/${a + 1}">อัลบั้ม ${EVENTS[a % EVENTS.length]}</a></li>`).join('')}</ul>`);
    for (let a = 1; a <= albums; a++) {
      routes[`/gallery/album/${a}`] = page(`อัลบั้ม ${a}`, `<h1>อัลบั้ม ${EVENTS[(a - 1) % EVENTS.length]}</h1>${Array.from({ length: photos }, (_v, j) => `<a href="/gallery/photo/${a}/${j + 1}"><img src="/images/gallery/${a}-${j + 1}.jpg" alt="ภาพที่ ${j + 1}"></a>`).join('')}`);
      for (let j = 1; j <= photos; j++) {
        routes[`/gallery/photo/${a}/${j}`] = page(`ภาพที่ ${j}`, `<h1>ภาพที่ ${j}</h1><img src="/images/gallery/${a}-${j}.jpg" alt="ภาพกิจกรรม"><p>${j > 1 ? `<a href="/gallery/photo/${a}/${j - 1}">ก่อนหน้า</a>` : ''} ${j < photos ? `<a href="/gallery/photo/${a}/${j + 1}">ถัดไป</a>` : ''} <a href="/gallery/album/${a}">กลับไปที่อัลบั้ม</a></p>`);
      }
    }
  }

  // Calendar: this month, then a "previous month" link back `months` months.
  const ce = year - 543;
  const monthKey = (m: number) => `${ce - Math.floor(m / 12)}-${String(12 - (m % 12)).padStart(2, '0')}`;
  for (let m = 0; m < months; m++) {
    const key = monthKey(m);
    const prev = m + 1 < months ? `<a href="/calendar?month=${monthKey(m + 1)}">« เดือนก่อน</a>` : '';
    const next = m > 0 ? `<a href="/calendar?month=${monthKey(m - 1)}">เดือนถัดไป »</a>` : '';
    const entry = page(`ปฏิทินกิจกรรม ${key}`, `<h1>ปฏิทินกิจกรรม เดือน ${key}</h1><table class="calendar"><tr><td>${EVENTS[m % EVENTS.length]}</td></tr></table><p>${prev} ${next}</p>`);
    routes[m === 0 ? '/calendar' : `/calendar?month=${key}`] = entry;
  }

  // Document library: years of old announcements as PDFs, twenty per page.
  const libPages = Math.max(1, Math.ceil(libraryDocs / 20));
  for (let p = 1; p <= libPages; p++) {
    const rows: string[] = [];
    for (let k = (p - 1) * 20; k < Math.min(libraryDocs, p * 20); k++) {
      const be = year - 1 - Math.floor(k / 25);
      const file = `/library/files/${be}/announce-${k + 1}.pdf`;
      // One document text per year: real PDFs are printed once per text, and a library of hundreds shares a few.
      routes[file] = { type: 'doc', format: 'pdf', body: `<h1>ประกาศ${ORG}</h1><p>เรื่อง รับสมัครบุคคลเข้าร่วมโครงการฝึกอบรมอาชีพ</p><p>ประกาศ ณ วันที่ ๑ มกราคม พ.ศ. ${be}</p>` };
      rows.push(`<tr><td>ประกาศรับสมัครโครงการฝึกอบรมอาชีพ ปี ${be} ฉบับที่ ${k + 1}</td><td><a href="${file}">ดาวน์โหลด</a></td></tr>`);
    }
    const nav = `<div class="pagination">${p > 1 ? `<a href="/library?page=${p - 1}">ก่อนหน้า</a>` : ''} ${p < libPages ? `<a href="/library?page=${p + 1}">ถัดไป</a>` : ''}</div>`;
    routes[p === 1 ? '/library' : `/library?page=${p}`] = page('เอกสารเผยแพร่', `<h1>เอกสารเผยแพร่</h1><table class="table">${rows.join('')}</table>${nav}`);
  }

  const { checklist } = loadChecklist(year);
  return {
    name: options.name ?? `portal-${Object.keys(routes).length}`,
    description: `large portal: ${Object.keys(routes).length} URLs, ITA page only in the footer, evidence at depth 3–5`,
    year,
    start: '/',
    routes,
    expected: { items, oit: round2(scoreOit(checklist, new Map(Object.entries(items))).oit) },
  };
}
