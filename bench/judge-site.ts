/**
 * The judging benchmark's generated site: a Thai local-government CMS of N pages, as big portals are.
 * The ITA evidence (43 items of the 2565 checklist, HTML pages and real Chromium-printed PDFs) is the
 * fleet's generated agency (test/helpers/fleet/site-data.ts); around it sit a news archive of N
 * articles, each page carrying the CMS's mega menu and footer (about 55 links a page, most of them the
 * same on every page, as on real agency sites), a pager window and related-news links. Served on
 * 127.0.0.1 from a child process so the server does not share the crawler's event loop; prints
 * "PORT <n>" when listening. Run: node --import tsx bench/judge-site.ts --pages 5000
 */
import { createServer } from 'node:http';
import { cachedPdfs } from '../test/helpers/fleet/pdf-cache.js';
import { fleetSiteData } from '../test/helpers/fleet/site-data.js';
import { listenAsChild } from './child-server.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

/** Site 7 of the fleet: evidence for 34 of the 43 items, the rest missing the ways agencies leave them. */
const SITE = Number(arg('--site', '7'));
const YEAR = Number(arg('--year', '2565'));
const N = Number(arg('--pages', '5000'));
const PER_LIST = 20;
const lists = Math.ceil(N / PER_LIST);

const CATEGORIES: Array<[string, string[]]> = [
  ['ข้อมูลพื้นฐาน', ['ประวัติความเป็นมา', 'สภาพทั่วไปและข้อมูลพื้นฐาน', 'วิสัยทัศน์และพันธกิจ', 'ยุทธศาสตร์การพัฒนา', 'ตราสัญลักษณ์', 'แผนที่ตำบล']],
  ['บุคลากร', ['คณะผู้บริหาร', 'สมาชิกสภา', 'สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา ศาสนาและวัฒนธรรม']],
  ['ผลการดำเนินงาน', ['รายงานการประชุมสภา', 'ผลงานเด่น', 'กิจกรรมโครงการ', 'รายงานกิจการสภา', 'ผลการตรวจสอบภายใน']],
  ['ข่าวสาร', ['ข่าวกิจกรรม', 'ประกาศ', 'คำสั่ง', 'ข่าวจัดซื้อจัดจ้าง', 'ประกาศรับสมัครงาน', 'หนังสือเวียน']],
  ['บริการประชาชน', ['คู่มือภาษีป้าย', 'ภาษีที่ดินและสิ่งปลูกสร้าง', 'ขออนุญาตก่อสร้าง', 'ขึ้นทะเบียนผู้สูงอายุ', 'ขึ้นทะเบียนผู้พิการ', 'ดาวน์โหลดแบบฟอร์ม']],
  ['ติดต่อเรา', ['เบอร์โทรศัพท์หน่วยงาน', 'แผนที่การเดินทาง', 'แบบสอบถามความพึงพอใจ']],
];
const FOOTER = ['ศูนย์ข้อมูลข่าวสาร', 'เว็บไซต์ที่เกี่ยวข้อง', 'กรมส่งเสริมการปกครองท้องถิ่น', 'จังหวัดศรีสะเกษ', 'นโยบายเว็บไซต์', 'นโยบายคุ้มครองข้อมูลส่วนบุคคล', 'แผนผังเว็บไซต์', 'สถิติผู้เข้าชม'];
const EVENTS = [
  'กิจกรรมวันเด็กแห่งชาติ', 'โครงการปลูกต้นไม้เฉลิมพระเกียรติ', 'ประชุมประจำเดือนหัวหน้าส่วนราชการ', 'กิจกรรมทำบุญตักบาตรวันขึ้นปีใหม่', 'รณรงค์ป้องกันไข้เลือดออก',
  'แข่งขันกีฬาเยาวชนต้านยาเสพติด', 'อบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน', 'ตรวจสุขภาพผู้สูงอายุ', 'ประเพณีลอยกระทง', 'ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า',
  'ซ่อมแซมถนนลูกรังหมู่ที่', 'ขุดลอกคลองส่งน้ำ', 'มอบถุงยังชีพผู้ประสบอุทกภัย', 'ส่งเสริมอาชีพกลุ่มสตรี', 'อบรมการคัดแยกขยะในครัวเรือน',
];

const data = fleetSiteData(SITE, { year: YEAR });
const megaMenu =
  `<ul class="menu"><li><a href="/">หน้าหลัก</a></li>` +
  CATEGORIES.map(([top, subs], c) => `<li class="dropdown"><a href="/category/${c}">${top}</a><ul class="dropdown-menu">${subs.map((s, k) => `<li><a href="/category/${c}/${k}">${s}</a></li>`).join('')}</ul></li>`).join('') +
  `<li><a href="${data.itaPath.replaceAll('&', '&amp;')}">ITA ${YEAR}</a></li><li><a href="/news">ข่าวประชาสัมพันธ์</a></li></ul>`;
const footer = `<div class="footer-links">${FOOTER.map((f, k) => `<a href="/footer/${k}">${f}</a>`).join(' | ')}</div>`;

/** The fleet page with this CMS's menu and footer links in place of the fleet's small ones. */
function dress(html: string): string {
  return html.replace(/<nav class="main-menu">[\s\S]*?<\/nav>/, `<nav class="main-menu">${megaMenu}</nav>`).replace('</footer>', `${footer}</footer>`);
}

const routes = new Map<string, { type: 'html'; body: Buffer } | { type: 'pdf'; key: string }>();
const html = (path: string, s: string) => routes.set(path, { type: 'html', body: Buffer.from(dress(s)) });
const layoutOf = (title: string, content: string) =>
  `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title} | ${data.org}</title></head>
<body><header class="site-header"><img src="/images/logo.png" class="logo" alt="logo"><span>${data.org}</span></header>
<nav class="main-menu"></nav>
<div class="content">${content}</div>
<footer><p>${data.org} โทร ๐ ๔๕๘๒ ๖๑๒๓</p></footer></body></html>`;

const docKeys: string[] = [];
for (const [path, e] of Object.entries(data.routes)) {
  if (e.type === 'page') {
    // The fleet's news page gets the archive's first list page under its own news text.
    const body = path === '/news' ? e.html.replace('</div>\n<footer>', `${newsList(1)}</div>\n<footer>`) : e.html;
    html(path, body);
  } else if (e.type === 'doc') {
    routes.set(path, { type: 'pdf', key: e.body });
    docKeys.push(e.body);
  }
}
for (let c = 0; c < CATEGORIES.length; c++) {
  const [top, subs] = CATEGORIES[c]!;
  html(`/category/${c}`, layoutOf(top, `<h1>${top}</h1><ul>${subs.map((s, k) => `<li><a href="/category/${c}/${k}">${s}</a></li>`).join('')}</ul>`));
  subs.forEach((s, k) => html(`/category/${c}/${k}`, layoutOf(s, `<h1>${s}</h1><p>${data.org} ${s} ข้อมูลปรับปรุงล่าสุด</p>`)));
}
FOOTER.forEach((f, k) => html(`/footer/${k}`, layoutOf(f, `<h1>${f}</h1><p>${f} ของ${data.org}</p>`)));

function pager(p: number): string {
  const from = Math.max(1, p - 4);
  const to = Math.min(lists, from + 9);
  const links: string[] = [];
  if (p > 1) links.push(`<a href="/news?page=${p - 1}">« ก่อนหน้า</a>`);
  for (let k = from; k <= to; k++) links.push(k === p ? `<span>${k}</span>` : `<a href="/news?page=${k}">${k}</a>`);
  if (p < lists) links.push(`<a href="/news?page=${p + 1}">ถัดไป »</a>`);
  return `<div class="pagination">${links.join(' ')}</div>`;
}
function eventOf(k: number): string {
  return `${EVENTS[k % EVENTS.length]} ครั้งที่ ${Math.floor(k / EVENTS.length) + 1}`;
}
function newsList(p: number): string {
  const items: string[] = [];
  for (let k = (p - 1) * PER_LIST; k < Math.min(N, p * PER_LIST); k++) items.push(`<li><a href="/news/view/${k + 1}">${eventOf(k)}</a> <span class="date">${(k % 28) + 1}/${(k % 12) + 1}/${YEAR}</span></li>`);
  return `<ul class="news-list">${items.join('')}</ul>${pager(p)}`;
}
for (let p = 2; p <= lists; p++) html(`/news?page=${p}`, layoutOf('ข่าวประชาสัมพันธ์', `<h1>ข่าวประชาสัมพันธ์ หน้า ${p}</h1>${newsList(p)}`));

function article(k: number): string {
  const event = eventOf(k);
  const related = [1, 2, 3, 4, 5].map((d) => (k + d * 7) % N).map((r) => `<li><a href="/news/view/${r + 1}">${eventOf(r)}</a></li>`).join('');
  const para = `${data.org}ร่วมกับผู้นำชุมชนและประชาชนในพื้นที่จัด${event} ณ ศาลาประชาคมหมู่ที่ ${(k % 12) + 1} มีผู้เข้าร่วมกิจกรรมจำนวนมาก `;
  return layoutOf(
    event,
    `<h1>${event} ประจำปี ${YEAR}</h1><p class="date">วันที่ ${(k % 28) + 1} เดือน${['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน'][k % 4]} ${YEAR}</p>` +
      `<p>${para.repeat(6)}</p><img src="/images/news/${k + 1}.jpg" alt="${event}" width="640" height="480">` +
      `<h3>ข่าวที่เกี่ยวข้อง</h3><ul class="related">${related}</ul>` +
      `<p><a href="/news?page=${Math.floor(k / PER_LIST) + 1}">กลับหน้ารายการข่าว</a></p>`,
  );
}

async function main(): Promise<void> {
  const pdfs = await cachedPdfs(docKeys);
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const m = /^\/news\/view\/(\d+)$/.exec(path);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= N) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(dress(article(Number(m[1]) - 1)));
    }
    let route = routes.get(path);
    if (!route) {
      try {
        route = routes.get(decodeURI(path));
      } catch {
        /* a 404 */
      }
    }
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<html><body><h1>404 ไม่พบหน้า</h1></body></html>');
    }
    if (route.type === 'pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end(pdfs.get(route.key));
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(route.body);
  });
  listenAsChild(server);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
