import type { CrawlLimitHit } from '../store/types.js';

/**
 * What to tell a user whose crawl a limit cut short: which limit, how many URLs it left unvisited,
 * and the flag to raise. One wording for the crawl's warning, the CLI summary and the reports.
 */

/** The flag (with a suggested value) that lets the crawl go further. */
export function limitAdvice(hit: CrawlLimitHit): string {
  switch (hit.limit) {
    case 'max-pages':
      return `--max-pages ${Math.max(hit.value * 2, hit.value + hit.unvisited)}`;
    case 'max-depth':
      return `--max-depth ${hit.value + 2}`;
    case 'max-minutes':
      return `--max-minutes ${Math.ceil(hit.value * 2)}`;
    case 'until-evidence':
      return '--until-evidence';
  }
}

export function limitText(hit: CrawlLimitHit, lang: 'th' | 'en'): string {
  const n = hit.unvisited.toLocaleString('en-US');
  const flag = limitAdvice(hit);
  if (lang === 'th') {
    switch (hit.limit) {
      case 'max-pages':
        return `การเก็บข้อมูลหยุดเมื่อครบ ${hit.value} หน้า (--max-pages) ยังมีลิงก์ที่ไม่ได้เปิดอีก ${n} รายการ ผลบางข้ออาจยังไม่ครบ — เพิ่มด้วย ${flag}`;
      case 'max-depth':
        return `มีลิงก์ลึกเกิน ${hit.value} ชั้น (--max-depth) ที่ไม่ได้เปิด ${n} รายการ — เพิ่มด้วย ${flag}`;
      case 'max-minutes':
        return `การเก็บข้อมูลหยุดเมื่อครบ ${hit.value} นาที (--max-minutes) ยังมีลิงก์ที่ไม่ได้เปิดอีก ${n} รายการ — เพิ่มด้วย ${flag} หรือสแกนต่อด้วย --resume`;
      case 'until-evidence':
        return `หยุดเก็บข้อมูลก่อนครบทั้งเว็บไซต์ (--until-evidence) เพราะพบหลักฐานครบหรือไม่เหลือลิงก์ที่น่าจะเป็นหลักฐาน ยังมีลิงก์ที่ไม่ได้เปิด ${n} รายการ — สแกนทั้งเว็บไซต์โดยไม่ใช้ ${flag}`;
    }
  }
  switch (hit.limit) {
    case 'max-pages':
      return `The crawl stopped at the page limit (--max-pages ${hit.value}) with ${n} URLs still queued; some items may lack evidence. Raise it with ${flag}.`;
    case 'max-depth':
      return `${n} URLs lie deeper than the depth limit (--max-depth ${hit.value}) and were not fetched. Raise it with ${flag}.`;
    case 'max-minutes':
      return `The crawl stopped at the time limit (--max-minutes ${hit.value}) with ${n} URLs still queued. Raise it with ${flag} or continue with --resume.`;
    case 'until-evidence':
      return `The crawl stopped early (${flag}): the evidence was found or no promising link was left; ${n} URLs were not visited. Scan the whole site without ${flag}.`;
  }
}

/** Thai, then English: for warnings printed on a terminal. */
export function limitMessage(hit: CrawlLimitHit): string {
  return `${limitText(hit, 'th')} / ${limitText(hit, 'en')}`;
}
