import type { FrontierEntry, LinkRecord } from '../store/types.js';
import { urlExtension } from './normalize-url.js';

/**
 * The in-memory side of the frontier: every URL seen (the dedupe set) and the entries waiting, lowest
 * priority number first, first-in-first-out within a priority. The stored frontier (ScanStore) is the
 * durable copy the crawl resumes from.
 */
export class Frontier {
  private readonly seenUrls = new Set<string>();
  private readonly buckets = new Map<number, { items: FrontierEntry[]; head: number }>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get seenCount(): number {
    return this.seenUrls.size;
  }

  has(url: string): boolean {
    return this.seenUrls.has(url);
  }

  /** Remembers a URL without queueing it (saved earlier, skipped, a redirect target). */
  markSeen(url: string): void {
    this.seenUrls.add(url);
  }

  /** Queues an entry unless its URL was seen; returns whether it was new. */
  push(entry: FrontierEntry): boolean {
    if (this.seenUrls.has(entry.url)) return false;
    this.seenUrls.add(entry.url);
    let b = this.buckets.get(entry.priority);
    if (!b) this.buckets.set(entry.priority, (b = { items: [], head: 0 }));
    b.items.push(entry);
    this.count++;
    return true;
  }

  next(): FrontierEntry | undefined {
    if (!this.count) return undefined;
    const priorities = [...this.buckets.keys()].sort((a, b) => a - b);
    for (const p of priorities) {
      const b = this.buckets.get(p)!;
      if (b.head < b.items.length) {
        const e = b.items[b.head]!;
        b.items[b.head++] = undefined as unknown as FrontierEntry;
        if (b.head > 1024 && b.head * 2 > b.items.length) {
          b.items = b.items.slice(b.head);
          b.head = 0;
        }
        this.count--;
        return e;
      }
    }
    return undefined;
  }
}

const ITA_WORDS = /(^|[^a-z])(ita|oit)([^a-z]|$)|คุณธรรม|โปร่งใส|เปิดเผยข้อมูล|การประเมิน|(^|[\s(])o\s?0?\d{1,2}([\s.:)-]|$)/i;
const EVIDENCE_WORDS = /แผน|เเผน|รายงาน|งบประมาณ|จัดซื้อ|จัดจ้าง|พัสดุ|โครงสร้าง|ผู้บริหาร|อำนาจหน้าที่|ร้องเรียน|ทุจริต|กฎหมาย|กฏหมาย|คู่มือ|สถิติ|ประกาศ|บุคลากร|ความพึงพอใจ|เจตจำนง|ข้อมูลพื้นฐาน|มาตรฐาน|ความเสี่ยง|การให้บริการ/;
const DOCUMENT_EXT = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx']);

/** Priority classes: 0 ITA document, 1 ITA page, 2 document, 3 evidence-looking page, 5 other. */
export function priorityOf(url: string, link?: LinkRecord): number {
  const words = link ? [link.text, link.label, link.rowText, link.listItemText, link.heading, ...(link.menuPath ?? [])].filter(Boolean).join(' ') : '';
  let path = url;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname + u.search);
  } catch {
    /* keep the raw URL */
  }
  const ita = ITA_WORDS.test(words) || /(^|[^a-z])(ita|oit)([^a-z]|$)/i.test(path);
  const doc = DOCUMENT_EXT.has(urlExtension(url));
  if (ita) return doc ? 0 : 1;
  if (doc) return 2;
  if (EVIDENCE_WORDS.test(words) || EVIDENCE_WORDS.test(path)) return 3;
  return 5;
}
