import { describe, expect, it } from 'vitest';
import { progressPrinter, sitePrinter } from '../../src/cli/progress.js';

/** A stream that keeps what is written, as a terminal (isTTY) or as a log file. */
function sink(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, write: (s: string) => (chunks.push(s), true), text: () => chunks.join('') } as unknown as NodeJS.WriteStream & { text: () => string };
}

describe('progress printer: the judgement after the crawl is not silent', () => {
  it('in a log: a line when judging starts and timestamped lines as items are judged', () => {
    const stream = sink(false);
    const print = progressPrinter({ quiet: false, stream, intervalMs: 0 });
    print({ type: 'judging', done: 0, total: 43 });
    print({ type: 'judging', done: 10, total: 43, code: 'O10' });
    print({ type: 'judging', done: 43, total: 43, code: 'O43' });
    const lines = stream.text().trimEnd().split('\n');
    expect(lines[0]).toBe('กำลังตรวจหลักฐาน 43 รายการ / judging 43 items');
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\S+ ตรวจแล้ว 10\/43 รายการ \(ล่าสุด O10\) \/ judged 10 of 43$/);
    // The last item ends the status, the result table follows: no "43/43" line.
    expect(lines).toHaveLength(2);
  });

  it('on a terminal: one live line, rewritten in place, cleared when judging is done', () => {
    const stream = sink(true);
    const print = progressPrinter({ quiet: false, stream });
    print({ type: 'progress', pages: 120, documents: 8, queued: 30, errors: 0, pagesPerSecond: 12.5 });
    print({ type: 'judging', done: 0, total: 26 });
    print({ type: 'judging', done: 5, total: 26, code: 'O5' });
    print({ type: 'judging', done: 26, total: 26, code: 'O26' });
    const text = stream.text();
    // The crawl's live line is cleared before the judging line is printed, and the judging status is live too.
    expect(text).toContain('\r\x1b[Kกำลังตรวจหลักฐาน 26 รายการ / judging 26 items\n');
    expect(text).toContain('\r\x1b[Kตรวจแล้ว 5/26 รายการ (ล่าสุด O5) / judged 5 of 26');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('says nothing of judging with --quiet, and a multi-site run keeps to its start and end lines', () => {
    const quiet = sink(false);
    progressPrinter({ quiet: true, stream: quiet, intervalMs: 0 })({ type: 'judging', done: 0, total: 43 });
    expect(quiet.text()).toBe('');
    const many = sink(false);
    sitePrinter('อบต.ตัวอย่าง', { quiet: false, stream: many })({ type: 'judging', done: 3, total: 43, code: 'O3' });
    expect(many.text()).toBe('');
  });
});
