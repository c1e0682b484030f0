import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/checklist/load.js';
import { judge } from '../../src/check/judge.js';
import { buildSite } from '../../src/check/site.js';
import { extractLinks } from '../../src/crawl/extract-links.js';
import type { ItemOverride, ItemResult, LinkRecord, PageSnapshot } from '../../src/store/types.js';
import { snap } from '../matchers/ctx.js';

const SITE = 'http://www.dan.go.th';
const { checklist: C2565 } = loadChecklist(2565);

/** A tiny stored scan: html pages (links extracted by the crawler's extractor) and document texts. */
function scan(pages: Record<string, string | { doc: string; textSource?: PageSnapshot['textSource'] } | { status: number }>) {
  const snaps: PageSnapshot[] = [];
  const links: LinkRecord[] = [];
  for (const [path, v] of Object.entries(pages)) {
    const url = SITE + path;
    if (typeof v === 'string') {
      const html = `<html><head><title>${path}</title></head><body>${v}</body></html>`;
      snaps.push(snap({ url, html, text: v.replace(/<[^>]+>/g, ' '), kind: 'html' }));
      links.push(...extractLinks(html, url));
    } else if ('doc' in v) snaps.push(snap({ url, kind: 'pdf', text: v.doc, textSource: v.textSource ?? 'pdftotext' }));
    else snaps.push(snap({ url, status: v.status, kind: 'html', text: '' }));
  }
  return { pages: snaps, links };
}

function run(pages: Parameters<typeof scan>[0], overrides: ItemOverride[] = []): Map<string, ItemResult> {
  const s = scan(pages);
  const results = judge({ checklist: C2565, startUrl: SITE + '/', pages: s.pages, links: s.links, overrides });
  return new Map(results.map((r) => [r.code, r]));
}

const SIX_OK = 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2565 (ตุลาคม 2564 - มีนาคม 2565) โครงการก่อสร้างถนน งบประมาณ 450,000 บาท เบิกจ่าย 448,500 บาท ความก้าวหน้า ดำเนินการแล้วเสร็จ';
const PROC_2564_OK = 'รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2564 งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง 3,770,500 บาท ปัญหาอุปสรรค ข้อเสนอแนะ';

describe('judge', () => {
  it('returns one result per checklist item; nothing found → fail with a Thai reason', () => {
    const r = run({ '/': '<h1>หน้าแรก</h1>' });
    expect(r.size).toBe(43);
    const o11 = r.get('O11')!;
    expect(o11.status).toBe('fail');
    expect(o11.score).toBe(0);
    expect(o11.reasons[0]).toContain('ไม่พบ');
  });

  it('an ITA row with a generic "ดาวน์โหลด" link passes via the row, with a click path from home', () => {
    const r = run({
      '/': '<nav><a href="/ita">ITA</a></nav>',
      '/ita': '<table><tr><th>ข้อ</th><th>ข้อมูล</th><th>URL</th></tr><tr><td>011</td><td>รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน</td><td><a href="/f/doc_11.pdf">ดาวน์โหลด</a></td></tr></table>',
      '/f/doc_11.pdf': { doc: SIX_OK },
    });
    const o11 = r.get('O11')!;
    expect(o11.status).toBe('pass');
    expect(o11.score).toBe(100);
    expect(o11.urls[0]).toBe(`${SITE}/f/doc_11.pdf`);
    expect(o11.evidence[0]!.foundVia).toMatch(/ITA page row .* > link 'ดาวน์โหลด'/);
    expect(o11.evidence[0]!.clickPath?.map((s) => s.text)).toEqual(['ITA', expect.stringContaining('ดาวน์โหลด')]);
    expect(o11.confidence).toBeGreaterThan(0.8);
  });

  it('a report of an older year fails with a reason naming the years', () => {
    const r = run({
      '/': '<a href="/proc">รายงานผลการจัดซื้อจัดจ้างประจำปี</a>',
      '/proc': '<h1>รายงานผลการจัดซื้อจัดจ้างประจำปี</h1><ul><li><a href="/f/a.pdf">รายงานผลการจัดซื้อจัดจ้าง ปี 2563</a></li></ul>',
      '/f/a.pdf': { doc: PROC_2564_OK.replace('2564', '2563') },
    });
    const o24 = r.get('O24')!;
    expect(o24.status).toBe('fail');
    expect(o24.reasons.join(' ')).toContain('2563');
    expect(o24.reasons.join(' ')).toContain('2564');
  });

  it('of several years on one page, the right year is picked', () => {
    const r = run({
      '/': '<a href="/proc">รายงานผลการจัดซื้อจัดจ้างประจำปี</a>',
      '/proc': '<ul><li><a href="/f/2563.pdf">ปี 2563</a></li><li><a href="/f/2564.pdf">ปี 2564</a></li></ul>',
      '/f/2563.pdf': { doc: PROC_2564_OK.replace('2564', '2563') },
      '/f/2564.pdf': { doc: PROC_2564_OK },
    });
    expect(r.get('O24')!.status).toBe('pass');
    expect(r.get('O24')!.urls[0]).toBe(`${SITE}/f/2564.pdf`);
  });

  it('scanned document and Google Drive → needs-review, never a silent pass', () => {
    const r = run({
      '/': '<a href="/f/six.pdf">รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน</a><a href="https://drive.google.com/file/d/x/view">รายงานผลการจัดซื้อจัดจ้างประจำปี 2564</a>',
      '/f/six.pdf': { doc: '', textSource: 'none' },
    });
    expect(r.get('O11')!.status).toBe('needs-review');
    expect(r.get('O11')!.reasons.join(' ')).toContain('สแกน');
    expect(r.get('O24')!.status).toBe('needs-review');
    expect(r.get('O24')!.reasons.join(' ')).toContain('Google Drive');
  });

  it('a link to the working system is the evidence of an online-system item; the own page is submitted first', () => {
    const r = run({ '/': '<a href="https://www.facebook.com/dan" title="Facebook"><img src="/fb.png" alt="Facebook"></a>' });
    const o9 = r.get('O9')!;
    expect(o9.status).toBe('pass');
    expect(o9.urls[0]).toBe(`${SITE}/`);
    expect(o9.reasons.join(' ')).toContain('Facebook');
  });

  it('a look-alike never passes: the monthly summary behind an "annual report" link', () => {
    const r = run({
      '/': '<a href="/f/x.pdf">รายงานผลการจัดซื้อจัดจ้างประจำปี 2564</a>',
      '/f/x.pdf': { doc: 'สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2564 (แบบ สขร.1) งานที่จัดซื้อ วงเงิน 12,500 บาท วิธีซื้อ เฉพาะเจาะจง' },
    });
    expect(r.get('O24')!.status).toBe('fail');
    expect(r.get('O23')!.status).not.toBe('fail'); // the document is found for O23 by its own title
  });

  it('overrides replace the status last and keep the automatic one', () => {
    const now = '2024-05-01T00:00:00.000Z';
    const r = run({ '/': '<h1>หน้าแรก</h1>' }, [
      { site: SITE, year: 2565, code: 'O11', status: 'pass', url: `${SITE}/manual.pdf`, by: 'สมศรี', note: 'ตรวจแล้ว', createdAt: now },
      { site: SITE, year: 2565, code: 'O12', status: 'pass', by: 'สมศรี', createdAt: now },
      { site: SITE, year: 2565, code: 'O13', status: 'not-applicable', by: 'สมศรี', createdAt: now },
    ]);
    expect(r.get('O11')).toMatchObject({ status: 'pass', score: 100, urls: [`${SITE}/manual.pdf`], override: { by: 'สมศรี', automaticStatus: 'fail' } });
    // a pass override without any URL cannot be a pass
    expect(r.get('O12')!.status).toBe('needs-review');
    expect(r.get('O13')).toMatchObject({ status: 'not-applicable', score: 0 });
  });

  it('a pass always has a URL on the own site and only a pass scores 100', () => {
    const r = run({
      '/': '<nav><a href="/ita">ITA</a></nav>',
      '/ita': '<ul><li>O11 รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน <a href="/f/doc_11.pdf">ดาวน์โหลด</a></li></ul>',
      '/f/doc_11.pdf': { doc: SIX_OK },
    });
    for (const res of r.values()) {
      expect(res.score === 100).toBe(res.status === 'pass');
      if (res.status === 'pass') expect(res.urls.some((u) => u.startsWith(SITE))).toBe(true);
    }
  });

  it('click paths are shortest paths over stored links', () => {
    const s = scan({ '/': '<a href="/a">A</a><a href="/b">B</a>', '/a': '<a href="/c">C</a>', '/b': '<a href="/a">A2</a><a href="/d">D</a>', '/d': '<a href="/c">C2</a>', '/c': 'x' });
    const site = buildSite(SITE + '/', s.pages, s.links);
    expect(site.clickPath(SITE + '/c')!.map((x) => x.text)).toEqual(['A', 'C']);
    expect(site.clickPath(SITE + '/nowhere')).toBeUndefined();
  });

  it('evidence filed under another scheme (MOIT) is not the agency\'s OIT evidence', () => {
    const risk = 'การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2565 กระบวนงาน เหตุการณ์ความเสี่ยง ระดับความเสี่ยง สูง โอกาส ผลกระทบ';
    const r = run({
      '/': '<nav><a href="/moit">รพ.สต. (MOIT)</a></nav>',
      '/moit': '<table><tr><td>MOIT 4</td><td>การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปี 2565</td><td><a href="/r/moit4.pdf">ดาวน์โหลด</a></td></tr></table>',
      '/r/moit4.pdf': { doc: risk },
      '/r/moit-doc.pdf': { doc: 'โรงพยาบาลส่งเสริมสุขภาพตำบล ตามเกณฑ์ MOIT ข้อ 4\n' + risk },
    });
    expect(r.get('O36')!.status).toBe('fail');
  });

  it('a sidebar link to another host that only resembles an item is no evidence (not needs-review)', () => {
    const r = run({
      '/': '<aside class="sidebar"><ul><li><a href="https://www.gprocurement.go.th">ระบบการจัดซื้อจัดจ้างภาครัฐ</a></li></ul></aside><a href="/ita">ITA</a>',
      '/ita': '<aside class="sidebar"><ul><li><a href="https://www.gprocurement.go.th">ระบบการจัดซื้อจัดจ้างภาครัฐ</a></li></ul></aside><table><tr><td>O1</td><td>โครงสร้าง</td><td><a href="/s">คลิก</a></td></tr></table>',
    });
    expect(r.get('O21')!.status).toBe('fail');
  });

  it('a service guide named after its service passes the service-manual item through the menu it is filed under', () => {
    const guide = 'คู่มือการจดทะเบียนพาณิชย์ องค์การบริหารส่วนตำบลด่าน\nขั้นตอนการให้บริการ ๑. ยื่นคำขอ ๒. ตรวจเอกสาร\nเอกสารหลักฐานที่ต้องใช้ สำเนาบัตรประชาชน\nค่าธรรมเนียม ๕๐ บาท ระยะเวลา ๑ ชั่วโมง';
    const r = run({
      '/': '<nav class="mainmenu"><ul><li><a href="#">คู่มือสำหรับประชาชน</a><ul><li><a href="/docs/commerce.pdf">การจดทะเบียนพาณิชย์</a></li></ul></li></ul></nav>',
      '/docs/commerce.pdf': { doc: guide },
    });
    expect(r.get('O14')!.status).toBe('pass');
    expect(r.get('O14')!.urls[0]).toBe(`${SITE}/docs/commerce.pdf`);
  });

  it('per-sub-indicator ITA pages are index pages, and a sub-indicator link names no item', () => {
    const guide = 'ขั้นตอนการขออนุญาตก่อสร้างอาคาร\nขั้นตอนการให้บริการ ยื่นคำขอพร้อมเอกสาร\nเอกสารหลักฐาน สำเนาโฉนด\nค่าธรรมเนียม ๒๐ บาท ระยะเวลา ๔๕ วัน';
    const monthly = 'สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม ๒๕๖๔\nงานที่จัดซื้อหรือจัดจ้าง จัดซื้อวัสดุ วงเงิน ๑๒,๕๐๐.๐๐ บาท วิธีเฉพาะเจาะจง ผู้เสนอราคา ร้านสมใจ ราคาที่ตกลง ๑๒,๕๐๐.๐๐';
    const r = run({
      '/': '<a href="/ita">ITA</a>',
      '/ita': '<ul><li><a href="/sub92">ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน</a></li><li><a href="/sub93">ตัวชี้วัดย่อยที่ 9.3 การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ</a></li></ul>',
      '/sub92': '<table><tr><td>2.5</td><td>2.5 คู่มือหรือมาตรฐานการให้บริการ</td><td><a href="/f/guide.pdf">ขั้นตอนการขออนุญาตก่อสร้างอาคาร</a></td></tr></table>',
      '/sub93': '<table><tr><td>3.3</td><td>สรุปผลการจัดซื้อจัดจ้างรายเดือน</td><td><a href="/f/m10.pdf">ตุลาคม</a></td></tr></table>',
      '/f/guide.pdf': { doc: guide },
      '/f/m10.pdf': { doc: monthly },
    });
    expect(r.get('O14')!.status).toBe('pass');
    expect(r.get('O14')!.urls[0]).toBe(`${SITE}/f/guide.pdf`);
    expect(r.get('O21')!.status).toBe('fail');
  });

  it('a page that only lists a file on another host is no evidence of its own: the file decides (needs review)', () => {
    const r = run({
      '/': '<nav class="menu"><ul><li><a href="#">ข้อมูลพื้นฐาน</a><ul><li><a href="/plan">แผนพัฒนาท้องถิ่น</a></li></ul></li></ul></nav>',
      '/plan': '<h3>แผนพัฒนาท้องถิ่น</h3><ul><li><a href="https://drive.google.com/file/d/abc/view">แผนยุทธศาสตร์การพัฒนา (พ.ศ. 2564 – 2568)</a></li></ul>',
    });
    expect(r.get('O4')!.status).toBe('needs-review');
  });

  it('the ITA index page is no evidence of an item, whatever its link is called ("ศูนย์ข้อมูลข่าวสาร ITA")', () => {
    const r = run({
      '/': '<a href="/ita">ศูนย์ข้อมูลข่าวสาร ITA</a>',
      '/ita': '<h1>ITA</h1><p>ข่าวประชาสัมพันธ์ กิจกรรม การเปิดเผยข้อมูล</p><table><tr><td>O7</td><td>ข่าวประชาสัมพันธ์</td><td><a href="#">คลิก</a></td></tr></table>',
    });
    expect(r.get('O7')!.status).toBe('fail');
  });

  it('an Elementor accordion title heads its section, and a pdf.js viewer iframe shows the document inside', () => {
    const culture = 'กิจกรรมสร้างวัฒนธรรมองค์กร No Gift ประจำปีงบประมาณ พ.ศ. 2565\nวันที่ ๑๗ มีนาคม ๒๕๖๕ นายกองค์การบริหารส่วนตำบลพร้อมพนักงานร่วมกิจกรรมส่งเสริมคุณธรรม โครงการปลูกจิตสำนึกไม่รับของขวัญ';
    const r = run({
      '/': '<a href="/ita">ITA</a>',
      '/ita': '<div class="elementor-accordion"><div class="elementor-tab-title" role="button">การเสริมสร้างวัฒนธรรมองค์กร</div><div class="elementor-tab-content"><ul><li><a href="/p251">กิจกรรม ประจำปีงบประมาณ พ.ศ. 2565</a></li></ul></div></div>',
      '/p251': '<h3>กิจกรรม ประจำปี 2565</h3><iframe src="/pdfjs/web/viewer.html?file=%2Ffiles%2Fculture.pdf" width="100%" height="800"></iframe>',
      '/files/culture.pdf': { doc: culture },
    });
    expect(r.get('O38')!.status).toBe('pass');
    expect(r.get('O38')!.urls[0]).toBe(`${SITE}/files/culture.pdf`);
  });

  it("an ITA row whose link names another item's document (by its words or its Thai file name) is the wrong file", () => {
    const hr = 'การดำเนินการตามนโยบายบริหารงานบุคคล ประจำปีงบประมาณ 2565\nโครงการส่งเสริมคุณธรรมจริยธรรม กิจกรรมอบรมบุคลากร ดำเนินการแล้ว';
    const monthly = 'สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2564 ปีงบประมาณ 2565\nโครงการจัดซื้อวัสดุ กิจกรรม วงเงิน 12,500.00 บาท เฉพาะเจาะจง';
    const r = run({
      '/': '<a href="/ita">ITA</a>',
      '/ita': '<table><tr><td>38.</td><td>การเสริมสร้างวัฒนธรรมองค์กร</td><td><a href="/f/o15.pdf">การดำเนินการตามนโยบายบริหารงานบุคคล ประจำปีงบประมาณ 2565</a></td></tr>' +
        '<tr><td>10.</td><td>แผนดำเนินงานประจำปี</td><td><a href="/f/%E0%B8%AA%E0%B8%A3%E0%B8%B8%E0%B8%9B%E0%B8%9C%E0%B8%A5%E0%B8%88%E0%B8%B1%E0%B8%94%E0%B8%8B%E0%B8%B7%E0%B9%89%E0%B8%AD%E0%B8%88%E0%B8%B1%E0%B8%94%E0%B8%88%E0%B9%89%E0%B8%B2%E0%B8%87%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B9%80%E0%B8%94%E0%B8%B7%E0%B8%AD%E0%B8%992565.pdf">คลิก</a></td></tr></table>',
      '/f/o15.pdf': { doc: hr },
      '/f/สรุปผลจัดซื้อจัดจ้างรายเดือน2565.pdf': { doc: monthly },
    });
    expect(r.get('O38')!.status).toBe('fail');
    expect(r.get('O38')!.reasons.join(' ')).toContain('(O26)');
    expect(r.get('O10')!.status).toBe('fail');
  });


  it("an ITA row linking the anti-corruption twin of its report is the wrong file, however close the two titles score", () => {
    // The six-month anti-corruption report (O40) scores 0.71 for its link words, the six-month operations
    // report (O11) 0.66: too close for the usual margin, but only O40's titles speak of corruption.
    const ac = 'องค์การบริหารส่วนตำบลวังโพธิ์\nรายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ.2565 รอบ6เดือน ต.ค.64-มี.ค.65\nที่ โครงการ/กิจกรรม งบประมาณที่ได้รับ (บาท) เบิกจ่ายแล้ว (บาท) สถานะ\n1 โครงการเสริมสร้างองค์ความรู้ด้านการต่อต้านการทุจริต 354,000.00 99,120.00 อยู่ระหว่างดำเนินการ';
    const row = (n: number, title: string, href: string, text: string) => `<tr><td>${n}.</td><td>${title}</td><td><a href="${href}">${text}</a></td></tr>`;
    const r = run({
      '/': '<a href="/ita">ITA</a>',
      '/ita': `<table>${row(11, 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน', '/f/o40.docx', 'รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ.2565 รอบ6เดือน')}</table>`,
      '/f/o40.docx': { doc: ac },
    });
    expect(r.get('O11')!.status).toBe('fail');
    expect(r.get('O11')!.reasons.join(' ')).toContain('(O40)');
  });
  it('a page that only lists a post on another host needs review', () => {
    const r = run({
      '/': '<nav class="menu"><ul><li><a href="#">บุคลากร</a><ul><li><a href="/hr-report">รายงานผลการพัฒนาบุคลากร</a></li></ul></li><li><a href="/complaint">ร้องเรียน/ร้องทุกข์</a></li></ul></nav>',
      '/hr-report': '<h3>รายงานผลการพัฒนาบุคลากร</h3><ul><li><a href="https://www.facebook.com/permalink.php?story_fbid=71&id=100064">รายงานผลการบริหารและพัฒนาบุคลากร ปีงบประมาณ 2564</a></li></ul>',
      '/complaint': '<h3>แจ้งเรื่องร้องเรียน/ร้องทุกข์ออนไลน์</h3><form method="post"><p>ชื่อ-สกุล <input name="name"></p><p>รายละเอียด <textarea name="detail"></textarea></p><button>ส่งข้อมูล</button></form><p>หรือแจ้งทางโทรศัพท์ 0-2356-3132 แจ้งเบาะแสการทุจริตได้ทุกช่องทาง</p>',
    });
    expect(r.get('O28')!.status).toBe('needs-review');
  });

  it('a download page (file details only) is judged by its file; a list of links to "#" offers nothing; an information-centre menu is not news', () => {
    const old = 'ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2563\nประกาศ ประกวดราคาจ้างก่อสร้างถนน ผู้ชนะการเสนอราคา ราคากลาง';
    const r = run({
      '/': '<nav class="menu"><ul><li><a href="#">ข้อมูลพื้นฐาน</a><ul><li><a href="/pdpa">PDPA</a></li></ul></li><li><a href="#">ศูนย์ข้อมูลข่าวสาร</a><ul><li><a href="/r6">รายงานติดตามแผนรอบ 6 เดือน</a></li></ul></li></ul></nav><a href="/dl">ประกาศจัดซื้อจัดจ้าง</a>',
      '/dl': '<h1>ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง</h1><p>Version 1.0 Download 68 File Size 6.85 MB File Count 1 Create Date กันยายน 20, 2022 Last Updated กันยายน 4, 2022</p><a href="/f/old.pdf">ดาวน์โหลด</a>',
      '/f/old.pdf': { doc: old },
      '/pdpa': '<h3>PDPA</h3><ul><li><a href="#">นโยบายคุ้มครองข้อมูลส่วนบุคคล</a></li></ul>',
      '/r6': { doc: SIX_OK },
    });
    expect(r.get('O22')!.status).toBe('fail');
    expect(r.get('O7')!.status).toBe('fail');
  });
  it("a page under the item's menu name that only lists another item's document or page holds nothing of the item", () => {
    const hrPlan = 'แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๕\nโครงการอบรมเพิ่มประสิทธิภาพการปฏิบัติงาน กลุ่มเป้าหมาย พนักงานส่วนตำบล ระยะเวลา ตุลาคม ๒๕๖๔';
    const base = {
      '/': '<nav class="menu"><ul><li><a href="#">มาตรการภายใน</a><ul><li><a href="/law">กฎหมายที่เกี่ยวข้อง</a></li></ul></li></ul></nav>',
      '/f/hrplan.pdf': { doc: hrPlan },
    };
    const r = run({
      ...base,
      '/law': '<h3>กฎหมายที่เกี่ยวข้อง</h3><ul><li><a href="/f/hrplan.pdf">แผนพัฒนาบุคลากร ประจำปี 2565</a></li></ul>',
    });
    expect(r.get('O6')!.status).toBe('fail');
    expect(r.get('O6')!.reasons.join(' ')).toContain('หน้านี้มีเพียงลิงก์ไปยัง');
    // The same list page with the item's own document passes by it.
    const ok = run({
      ...base,
      '/law': '<h3>กฎหมายที่เกี่ยวข้อง</h3><ul><li><a href="/f/law.pdf">พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗</a></li></ul>',
      '/f/law.pdf': { doc: 'พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗\nมาตรา ๑ พระราชบัญญัตินี้เรียกว่า' },
    });
    expect(ok.get('O6')!.status).toBe('pass');
  });
  it('a document whose title line is worded unlike any title is found by that line and judged like any candidate', () => {
    const six = 'องค์การบริหารส่วนตำบลด่าน\nรายงานการติดตามผลการดำเนินงาน ประจำปี 2565 รอบ 6 เดือนแรก ปีงบประมาณ 2565 (ตุลาคม 2564 - มีนาคม 2565)\nที่ โครงการ/กิจกรรม งบประมาณที่ได้รับ (บาท) เบิกจ่ายแล้ว (บาท) สถานะ\n1 โครงการปรับปรุงรางระบายน้ำ หมู่ที่ 4 226,000.00 110,740.00 อยู่ระหว่างดำเนินการ';
    const r = run({
      '/': '<nav class="menu"><ul><li><a href="#">การบริหารงาน</a><ul><li><a href="/files/file2_10.pdf">เอกสารเผยแพร่</a></li></ul></li></ul></nav>',
      '/files/file2_10.pdf': { doc: six },
    });
    expect(r.get('O11')!.status).toBe('pass');
    expect(r.get('O11')!.evidence[0]!.foundVia).toContain('title line');
    // The same title line of the year before is found and judged: the wrong year, not a pass.
    const old = run({
      '/': '<nav class="menu"><ul><li><a href="#">การบริหารงาน</a><ul><li><a href="/files/file2_10.pdf">เอกสารเผยแพร่</a></li></ul></li></ul></nav>',
      '/files/file2_10.pdf': { doc: six.replace(/2565/g, '2564').replace(/2564 - มีนาคม/, '2563 - มีนาคม') },
    });
    expect(old.get('O11')!.status).not.toBe('pass');
  });
  it("an item whose parts sit behind separate links of one ITA row is not 'missing': a person decides (ITAS takes one URL)", () => {
    const { checklist: C2568 } = loadChecklist(2568);
    const ita = (second: string) =>
      `<table><tr><td>O1</td><td>โครงสร้างและอำนาจหน้าที่</td><td><a href="/chart">แผนผังโครงสร้างส่วนราชการ</a> <a href="${second}">อำนาจหน้าที่</a></td></tr></table>`;
    const pages = {
      '/': '<a href="/ita">ITA</a>',
      '/chart': '<h3>แผนผังโครงสร้างส่วนราชการ</h3><ul><li>สำนักปลัด</li><li>กองคลัง</li><li>กองช่าง</li><li>กองการศึกษา ศาสนาและวัฒนธรรม</li></ul>',
      '/duties': '<h3>อำนาจหน้าที่</h3><p>องค์การบริหารส่วนตำบลมีอำนาจหน้าที่ในการพัฒนาตำบล ทั้งในด้านเศรษฐกิจ สังคม และวัฒนธรรม ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗ มาตรา ๖๖ และมาตรา ๖๗</p>',
      '/news': '<h3>ข่าวกิจกรรม</h3><p>กิจกรรมวันเด็กแห่งชาติ ประจำปี ๒๕๖๘ ณ ลานอเนกประสงค์ มีเด็กและเยาวชนเข้าร่วมกว่า ๒๐๐ คน พร้อมการแสดงบนเวที</p>',
    };
    const judgeWith = (second: string) => {
      const s = scan({ ...pages, '/ita': ita(second) });
      return judge({ checklist: C2568, startUrl: SITE + '/', pages: s.pages, links: s.links, overrides: [] }).find((r) => r.code === 'O1')!;
    };
    const split = judgeWith('/duties');
    expect(split.status).toBe('needs-review');
    expect(split.reasons[0]).toContain('ครบเมื่อรวม 2 ลิงก์');
    expect(split.urls).toEqual(expect.arrayContaining([`${SITE}/chart`, `${SITE}/duties`]));
    // The chart alone next to an unrelated page: the duties are missing, a fail.
    expect(judgeWith('/news').status).toBe('fail');
  });
  it("an item whose parts a menu page lists behind separate links is not 'missing' either: a person decides", () => {
    const { checklist: C2568 } = loadChecklist(2568);
    const judgeWith = (second: string) => {
      const s = scan({
        '/': '<nav class="menu"><ul><li><a href="#">ข้อมูลพื้นฐาน</a><ul><li><a href="/o1">โครงสร้างและอำนาจหน้าที่</a></li></ul></li></ul></nav>',
        '/o1': `<h3>โครงสร้างและอำนาจหน้าที่</h3><ul><li><a href="/chart">– แผนผังโครงสร้างส่วนราชการ</a></li><li><a href="${second}">– อำนาจหน้าที่ของเทศบาลตำบลวังตาล</a></li></ul>`,
        '/chart': '<h3>แผนผังโครงสร้างส่วนราชการ</h3><ul><li>สำนักปลัด</li><li>กองคลัง</li><li>กองช่าง</li><li>กองการศึกษา ศาสนาและวัฒนธรรม</li></ul>',
        '/files/duties.pdf': { doc: 'อำนาจหน้าที่ของเทศบาลตำบลวังตาล\nเทศบาลมีอำนาจหน้าที่ในการพัฒนาตำบล ทั้งในด้านเศรษฐกิจ สังคม และวัฒนธรรม ตามพระราชบัญญัติเทศบาล พ.ศ. ๒๔๙๖ มาตรา ๕๐ และมาตรา ๕๓' },
        '/files/news.pdf': { doc: 'ข่าวกิจกรรม\nกิจกรรมวันเด็กแห่งชาติ ประจำปี ๒๕๖๘ ณ ลานอเนกประสงค์ มีเด็กและเยาวชนเข้าร่วมกว่า ๒๐๐ คน' },
      });
      return judge({ checklist: C2568, startUrl: SITE + '/', pages: s.pages, links: s.links, overrides: [] }).find((r) => r.code === 'O1')!;
    };
    const split = judgeWith('/files/duties.pdf');
    expect(split.status).toBe('needs-review');
    expect(split.reasons[0]).toContain('ครบเมื่อรวม 2 ลิงก์ในหน้านี้');
    expect(split.urls).toEqual(expect.arrayContaining([`${SITE}/o1`, `${SITE}/chart`, `${SITE}/files/duties.pdf`]));
    // The chart beside an unrelated file: the duties are missing, a fail.
    expect(judgeWith('/files/news.pdf').status).toBe('fail');
  });
  it('a menu link to a file-hosting service that identifies its item needs a person, however briefly it names it', () => {
    const r = run({
      '/': '<nav class="menu"><ul><li><a href="#">ITA</a><ul><li><a href="https://1drv.ms/b/s!QcmZXrUFAN3f6TDT6_ziZ402XN7Y">มาตรการส่งเสริมคุณธรรม</a></li><li><a href="https://www.gprocurement.go.th">ระบบการจัดซื้อจัดจ้างภาครัฐ</a></li></ul></li></ul></nav>',
    });
    // "มาตรการส่งเสริมคุณธรรม" identifies O42 (0.68) without naming it strongly; the file it links cannot be opened here.
    expect(r.get('O42')!.status).toBe('needs-review');
    expect(r.get('O42')!.urls).toEqual(['https://1drv.ms/b/s!QcmZXrUFAN3f6TDT6_ziZ402XN7Y']);
    // A link to another site (the national e-GP system) that only resembles the procurement plan stays no evidence.
    expect(r.get('O21')!.status).toBe('fail');
    // One Facebook post is a document too; the agency's Facebook page, with the same words, is not.
    const fb = (href: string) => run({ '/': `<nav class="menu"><ul><li><a href="#">ITA</a><ul><li><a href="${href}">มาตรการส่งเสริมคุณธรรม</a></li></ul></li></ul></nav>` }).get('O42')!.status;
    expect(fb('https://www.facebook.com/permalink.php?story_fbid=581&id=100064')).toBe('needs-review');
    expect(fb('https://www.facebook.com/abt.wangtan')).toBe('fail');
  });
  it('a short menu label over a file oit cannot read goes to a person; over a readable file it is judged by the file, and never passes', () => {
    const { checklist: C2566 } = loadChecklist(2566);
    const o33 = (href: string, extra: Parameters<typeof scan>[0] = {}) => {
      const s = scan({ '/': `<nav class="menu"><ul><li><a href="#">การดำเนินการเพื่อป้องกันการทุจริต</a><ul><li><a href="${href}">รายงานผล No Gift</a></li></ul></li></ul></nav>`, ...extra });
      return judge({ checklist: C2566, startUrl: SITE + '/', pages: s.pages, links: s.links, overrides: [] }).find((r) => r.code === 'O33')!;
    };
    // "รายงานผล No Gift" scores 0.47 for O33 (next item 0.31): too little to identify the item by itself.
    const scanned = o33('/files/scan16.pdf', { '/files/scan16.pdf': { doc: '', textSource: 'none' } });
    expect(scanned.status).toBe('needs-review');
    expect(scanned.reasons[0]).toContain('ชื่อลิงก์บอกรายการนี้ไม่ชัดเจน');
    expect(scanned.urls).toEqual([`${SITE}/files/scan16.pdf`]);
    expect(o33('https://drive.google.com/file/d/5T_7udH71VpTcjx926XQdM3Pe8zo/view').status).toBe('needs-review');
    // A readable file under the same label is no candidate by the label alone: nothing of the item is found.
    const readable = o33('/files/news.pdf', { '/files/news.pdf': { doc: 'ข่าวประชาสัมพันธ์\nกิจกรรมวันเด็กแห่งชาติ ประจำปี ๒๕๖๕ ณ ลานอเนกประสงค์ มีเด็กและเยาวชนเข้าร่วมกว่า ๒๐๐ คน' } });
    expect(readable.status).toBe('fail');
    expect(readable.urls).toEqual([]);
  });
  it('a general complaint form under a broader label ("ร้องเรียน/ร้องทุกข์") goes to a person, unless the page itself takes corruption complaints', () => {
    const form = (extra: string) =>
      `<h3>แจ้งเรื่องร้องเรียน/ร้องทุกข์ออนไลน์</h3><form action="/complaint/send" method="post"><p>ชื่อ-สกุล <input name="name"></p><p>รายละเอียด <textarea name="detail"></textarea></p><button>ส่งข้อมูล</button></form><p>หรือแจ้งทางโทรศัพท์ ๐-๕๙๕๘-๙๘๒๘ ${extra}</p>`;
    const home = '<nav class="menu"><ul><li><a href="#">การส่งเสริมความโปร่งใส</a><ul><li><a href="/complaint">ร้องเรียน/ร้องทุกข์</a></li></ul></li></ul></nav>';
    const general = run({ '/': home, '/complaint': form('/ ตู้รับเรื่องร้องเรียน หน้าสำนักงาน') }).get('O30')!;
    expect(general.status).toBe('needs-review');
    expect(general.reasons.join(' ')).toContain('ไม่ได้ระบุว่ารับแจ้งเรื่องการทุจริต');
    expect(general.urls).toEqual([`${SITE}/complaint`]);
    expect(run({ '/': home, '/complaint': form('แจ้งเบาะแสการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ได้ทุกช่องทาง') }).get('O30')!.status).toBe('pass');
  });

  it('a menu page labelled "ผลการประเมิน ITA" is the results page (2569\'s O25), not the ITA index', () => {
    const { checklist } = loadChecklist(2569);
    const s = scan({
      '/': '<nav><a href="/ita">ITA 2569</a> <a href="/ita-result">ผลการประเมิน ITA</a></nav>',
      '/ita': '<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี 2569</h1><p>ข้อมูลพื้นฐาน</p>',
      '/ita-result':
        '<h1>รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) และแนวทางการพัฒนาองค์กร ปีงบประมาณ พ.ศ. 2569</h1>' +
        '<p>ผลการประเมิน ITA ประจำปี 2568 ได้คะแนน 88.50 ระดับ A</p><p>แนวทางการพัฒนา: ปรับปรุงการเผยแพร่ข้อมูลบนเว็บไซต์ให้ครบถ้วน ผู้รับผิดชอบ สำนักปลัด ภายในเดือนมีนาคม 2569</p>',
    });
    const r = new Map(judge({ checklist, startUrl: SITE + '/', pages: s.pages, links: s.links, overrides: [] }).map((x) => [x.code, x]));
    const o25 = r.get('O25')!;
    expect(o25.status).toBe('pass');
    expect(o25.urls).toEqual([`${SITE}/ita-result`]);
  });
});
