import type { JudgeProgress } from '../check/types.js';
import type { CrawlEvent } from '../crawl/types.js';

/**
 * Prints a scan's events: a live one-line status on a TTY, a plain line every few seconds otherwise
 * (CI logs, cron mail), nothing but warnings with --quiet. After the crawl, the judgement's progress
 * (items judged of all) the same way: judging a big site takes a while, and silence looks like a hang.
 */
export function progressPrinter(options: { quiet: boolean; stream?: NodeJS.WriteStream; intervalMs?: number }) {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  const interval = options.intervalMs ?? 5000;
  let lastPlain = 0;
  let lineOpen = false;
  const clear = () => {
    if (lineOpen) stream.write('\r\x1b[K');
    lineOpen = false;
  };
  // A live line on a terminal; in a log, a timestamped line every `interval` at most.
  const status = (line: string) => {
    if (tty) {
      stream.write(`\r\x1b[K${line}`);
      lineOpen = true;
    } else if (Date.now() - lastPlain >= interval) {
      lastPlain = Date.now();
      stream.write(`${new Date().toISOString()} ${line}\n`);
    }
  };
  return (e: CrawlEvent | JudgeProgress) => {
    if (e.type === 'warning') {
      clear();
      stream.write(`คำเตือน / warning: ${e.message}\n`);
      return;
    }
    if (options.quiet) return;
    if (e.type === 'start') {
      stream.write(`${e.resumed ? 'ทำต่อจากครั้งก่อน / resuming' : 'เริ่มสแกน / scanning'} ${e.startUrl} (scan ${e.scanId})\n`);
    } else if (e.type === 'progress') {
      status(`หน้า ${e.pages} · เอกสาร ${e.documents} · คิว ${e.queued} · ผิดพลาด ${e.errors} · ${e.pagesPerSecond.toFixed(1)} หน้า/วินาที`);
    } else if (e.type === 'judging') {
      if (e.done === 0) {
        clear();
        stream.write(`กำลังตรวจหลักฐาน ${e.total} รายการ / judging ${e.total} items\n`);
        lastPlain = Date.now();
      } else if (e.done === e.total) clear();
      else status(`ตรวจแล้ว ${e.done}/${e.total} รายการ (ล่าสุด ${e.code ?? '-'}) / judged ${e.done} of ${e.total}`);
    } else if (e.type === 'done') {
      clear();
      stream.write(`สแกนเสร็จ / crawl done: ${e.stats.pagesFetched} หน้า, ${e.stats.documentsFetched} เอกสาร, ${e.stats.errors} ข้อผิดพลาด\n`);
    }
  };
}

/**
 * Crawl events of one site of a multi-site run: a line when it starts and ends, warnings; no live
 * progress line (several sites run at once), so the output reads well in cron mail and CI logs.
 */
export function sitePrinter(name: string, options: { quiet: boolean; stream?: NodeJS.WritableStream }) {
  const stream = options.stream ?? process.stderr;
  return (e: CrawlEvent | JudgeProgress) => {
    if (e.type === 'warning') stream.write(`[${name}] คำเตือน / warning: ${e.message}\n`);
    else if (options.quiet) return;
    else if (e.type === 'start') stream.write(`[${name}] ${e.resumed ? 'ทำต่อ / resuming' : 'เริ่มสแกน / scanning'} ${e.startUrl} (scan ${e.scanId})\n`);
    else if (e.type === 'done') stream.write(`[${name}] สแกนเสร็จ / crawl done: ${e.stats.pagesFetched} หน้า, ${e.stats.documentsFetched} เอกสาร, ${e.stats.errors} ข้อผิดพลาด\n`);
  };
}
