import type { HistoryEntry } from '../api/history.js';
import type { SiteRunOutcome } from '../api/run-sites.js';
import { deadLinksOf, type ScanDiff } from '../check/diff.js';
import { unreachableOf } from '../check/scan-result.js';
import { STATUS_TH } from './messages.js';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toFixed(2));
const signed = (n: number) => (n > 0 ? '+' : '') + n.toFixed(2);

/** One line per site of `oit run`, as it finishes. */
export function formatSiteOutcome(o: SiteRunOutcome): string {
  if (o.error || !o.result) return `✗ ${o.site.name}: ตรวจไม่สำเร็จ / scan failed — ${o.error ?? 'no result'}`;
  const r = o.result;
  const down = unreachableOf(r);
  if (down) return `✗ ${o.site.name}: ${down.th}\n    ${down.en}\n    ${o.reportDir}/report.html`;
  const notPassed = r.items.filter((i) => i.status !== 'pass').map((i) => i.code);
  const change = o.diff?.oitDelta;
  const arrow = change === undefined || change === null ? '' : change > 0 ? ` ▲ ${signed(change)}` : change < 0 ? ` ▼ ${signed(change)}` : ' ＝';
  const regressed = o.diff?.regressed.length ? ` · แย่ลง / regressed: ${o.diff.regressed.map((c) => c.code).join(', ')}` : '';
  const gaps = notPassed.length ? `ไม่ผ่าน ${notPassed.length} ข้อ / not passed: ${notPassed.slice(0, 12).join(', ')}${notPassed.length > 12 ? ', …' : ''}` : 'ผ่านทุกข้อ / all passed';
  const homeDown = (deadLinksOf(r) ?? []).find((d) => d.url === r.site);
  const downText = homeDown
    ? ` · เปิดหน้าแรกไม่ได้ / home page did not open (${homeDown.status ? `HTTP ${homeDown.status}` : (homeDown.error ?? 'no response')})`
    : r.scan.errors > 0
      ? ` · ข้อผิดพลาดในการอ่านเว็บ / fetch errors: ${r.scan.errors}`
      : '';
  return `${notPassed.length ? '•' : '✓'} ${o.site.name}: OIT ${fmt(r.oit.score)}${arrow} · ${gaps}${regressed}${downText}\n    ${o.reportDir}/report.html`;
}

export function formatHistory(entries: HistoryEntry[]): string {
  if (!entries.length) return 'ยังไม่มีการสแกน / no scans yet';
  const lines = ['scan                       started (UTC)         state        OIT     passed  site'];
  for (const e of entries) {
    const passed = e.passed === null || e.items === null ? '–' : `${e.passed}/${e.items}`;
    const site = e.name ? `${e.name} ${e.site}` : e.site;
    lines.push(
      `${e.scanId.padEnd(26)} ${e.startedAt.slice(0, 19).replace('T', ' ').padEnd(21)} ${e.state.padEnd(12)} ${fmt(e.oit).padStart(6)}  ${passed.padStart(6)}  ${site}${e.pruned ? '  (pruned: คะแนนเท่านั้น / scores only)' : ''}`,
    );
  }
  return lines.join('\n');
}

export function formatDiff(d: ScanDiff): string {
  const lines: string[] = [];
  lines.push(`เทียบ / comparing ${d.before.scanId} (${d.before.startedAt}) → ${d.after.scanId} (${d.after.startedAt})`);
  if (!d.sameChecklist) lines.push(`checklist ต่างกัน (${d.before.checklistId} → ${d.after.checklistId}) จึงเทียบตามชื่อรายการ / different checklists: items matched by title`);
  lines.push(`คะแนน OIT / OIT score: ${fmt(d.before.oit)} → ${fmt(d.after.oit)}${d.oitDelta === null ? '' : ` (${signed(d.oitDelta)})`}`);
  const st = (s: string | undefined) => (s ? (STATUS_TH[s] ?? s) : '–');
  const section = (title: string, rows: string[]) => {
    if (!rows.length) return;
    lines.push('', `${title} (${rows.length})`);
    for (const r of rows) lines.push(`  ${r}`);
  };
  section('แย่ลง / regressed', d.regressed.map((c) => `${c.code} ${c.title}: ${st(c.from)} → ${st(c.to)}`));
  section('ดีขึ้น / improved', d.improved.map((c) => `${c.code} ${c.title}: ${st(c.from)} → ${st(c.to)}`));
  section('URL เปลี่ยน / URL changed', d.urlChanged.map((c) => `${c.code} ${c.fromUrl} → ${c.toUrl}`));
  if (d.newDeadLinks) section('ลิงก์เสียใหม่ / new dead links', d.newDeadLinks.map((l) => `${l.url} (${l.status === 0 ? (l.error ?? 'no response') : `HTTP ${l.status}`})${l.from ? ` ← ${l.from}` : ''}`));
  else lines.push('', 'ลิงก์เสีย: ไม่มีข้อมูลของการสแกนเก่า / dead links: not recorded for the older scan');
  if (!d.regressed.length && !d.improved.length && !d.urlChanged.length && !d.newDeadLinks?.length) lines.push('', 'ไม่มีการเปลี่ยนแปลง / no changes');
  return lines.join('\n');
}
