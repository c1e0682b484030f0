/**
 * Generic words that name an ITA/OIT index page or its sections on agency sites, whatever the year's
 * checklist says. Item words are never listed here: they come from the loaded checklist (titles,
 * variants, index-page labels), so a new year's checklist changes the crawl's focus without code.
 */
export const ITA_INDEX_WORDS: readonly string[] = [
  'ita',
  'oit',
  'การเปิดเผยข้อมูล',
  'เปิดเผยข้อมูลสาธารณะ',
  'คุณธรรมและความโปร่งใส',
  'การประเมินคุณธรรม',
  'ความโปร่งใส',
];

/**
 * Link texts that say nothing about the target ("download", "click here"): such a link is judged by
 * its row, list item or heading instead.
 */
export const GENERIC_LINK_TEXTS: readonly string[] = ['ดาวน์โหลด', 'download', 'คลิกที่นี่', 'คลิก', 'click', 'รายละเอียด', 'เปิดดู', 'อ่านต่อ', 'more', 'ดูเพิ่มเติม', 'เพิ่มเติม', 'link', 'ลิงก์'];
