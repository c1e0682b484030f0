import { fmtPercent, type FleetReport } from '../report/fleet-view.js';

const fmt = (n: number | null) => (n === null ? '–' : n.toFixed(2));

/** The few lines `oit fleet` prints: the overall figures and the items missed most, per checklist. */
export function formatFleet(report: FleetReport, top = 5): string {
  const o = report.overall;
  const lines = [
    `หน่วยงาน / agencies: ${o.agencies} · มีผลการตรวจ / with a result: ${o.scanned} · เปิดหน้าแรกไม่ได้ / unreachable: ${o.unreachable}`,
    `คะแนน OIT เฉลี่ย / mean OIT: ${fmt(o.meanOit)} · ผ่านเกณฑ์ ${report.passMark} / passing: ${o.passing} จาก / of ${o.assessed}`,
  ];
  if (o.withFailures || o.running) {
    lines.push(`ตรวจไม่สำเร็จนับจากผลล่าสุด / failed since their latest result: ${o.withFailures} หน่วยงาน / agencies (${o.failures} ครั้ง / scans) · กำลังตรวจ / running: ${o.running}`);
  }
  if (report.truncated) lines.push('คำเตือน / warning: อ่านการสแกนได้ไม่ครบ / not every scan was read (scan limit reached)');
  for (const g of report.items) {
    const missed = g.items.filter((i) => i.missing > 0).slice(0, top);
    lines.push('', `ข้อที่ขาดมากที่สุด / most missed — ${g.checklistId}, ${g.agencies} หน่วยงาน / agencies:`);
    if (!missed.length) lines.push('  ไม่มี — ทุกหน่วยงานผ่านทุกข้อ / none: every agency has every item');
    for (const i of missed) {
      lines.push(`  ${i.code.padEnd(4)} ขาดใน / missing at ${fmtPercent(i.percent).padStart(7)} (${i.missing}/${i.agencies})  ${i.title}`);
    }
  }
  return lines.join('\n');
}
