/**
 * The benchmark's generated agency site: N Thai HTML pages in a tree (each links a shared menu, its
 * parent and five children) plus PDFs on every 100th page, served on 127.0.0.1 from a child
 * process so the server does not share the crawler's event loop. Prints "PORT <n>" when listening.
 * Run: node --import tsx bench/bench-site.ts --pages 5000 --pdf-dir DIR
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { listenAsChild } from './child-server.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const N = Number(arg('--pages', '5000'));
const pdfDir = arg('--pdf-dir', '');
const pdfs = pdfDir ? readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort().map((f) => readFileSync(join(pdfDir, f))) : [];

const WORDS = ['องค์การบริหารส่วนตำบล', 'แผนการดำเนินงาน', 'ประจำปีงบประมาณ', 'พ.ศ. 2568', 'การจัดซื้อจัดจ้าง', 'รายงานผล', 'ความก้าวหน้า', 'ผู้บริหาร', 'การให้บริการ', 'ประชาชน', 'ข้อมูลข่าวสาร', 'ความโปร่งใส', 'คุณธรรม', 'การป้องกันการทุจริต', 'ร้องเรียน'];
const MENU = [
  ['ข้อมูลพื้นฐาน', ['ประวัติความเป็นมา', 'วิสัยทัศน์/พันธกิจ', 'โครงสร้างส่วนราชการ', 'อำนาจหน้าที่']],
  ['บุคลากร', ['คณะผู้บริหาร', 'สมาชิกสภา', 'สำนักปลัด', 'กองคลัง']],
  ['แผนงาน', ['แผนพัฒนาท้องถิ่น', 'แผนการดำเนินงาน', 'แผนการจัดหาพัสดุ', 'รายงานผลการดำเนินงาน']],
  ['ITA', ['ITA 2568', 'O1 โครงสร้าง', 'O2 ข้อมูลผู้บริหาร', 'O3 อำนาจหน้าที่']],
] as const;

function text(i: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += WORDS[(i * 7 + k * 3) % WORDS.length] + (k % 6 === 5 ? '\n' : ' ');
  return s;
}

function page(i: number): string {
  let menuId = 0;
  const menu = MENU.map(([top, subs]) => `<li><a href="#">${top}</a><ul>${subs.map((s) => `<li><a onclick="javascript:void(0)" href="/page/${menuId++ % N}">${s}</a></li>`).join('')}</ul></li>`).join('');
  const children = [1, 2, 3, 4, 5].map((k) => i * 5 + k).filter((c) => c < N);
  const rows = children.map((c, k) => `<tr><td>${k + 1}</td><td>${text(c, 4)}</td><td><a href="/page/${c}">รายละเอียด</a></td></tr>`).join('');
  const doc = pdfs.length && i % 100 === 0 ? `<p><a href="/doc/${i / 100}.pdf">ดาวน์โหลดเอกสาร ${i / 100}</a></p>` : '';
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>หน้า ${i} - องค์การบริหารส่วนตำบลตัวอย่าง</title></head><body>
<header><a href="/">หน้าแรก</a></header><nav><ul class="menu">${menu}</ul></nav>
<main><h1>หน้า ${i}</h1><p>${text(i, 60)}</p><table><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr>${rows}</table>${doc}
<p><a href="/page/${Math.floor((i - 1) / 5)}">ย้อนกลับ</a></p></main><footer>${text(i + 1, 12)}</footer></body></html>`;
}

const pages = Array.from({ length: N }, (_v, i) => Buffer.from(page(i)));
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  let m: RegExpExecArray | null;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(pages[0]);
  }
  if ((m = /^\/page\/(\d+)$/.exec(path)) && Number(m[1]) < N) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(pages[Number(m[1])]);
  }
  if ((m = /^\/doc\/(\d+)\.pdf$/.exec(path)) && pdfs.length) {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    return res.end(pdfs[Number(m[1]) % pdfs.length]);
  }
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<html><body>ไม่พบหน้า</body></html>');
});
listenAsChild(server);
