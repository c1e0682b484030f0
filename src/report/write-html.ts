import { render } from './render.js';
import { buildReportView, type ReportInput } from './view-model.js';

/** report.html: one self-contained file (inline CSS and SVG, no scripts, a CSP that forbids requests). */
export function renderReportHtml(input: ReportInput): string {
  return render('report', buildReportView(input));
}
