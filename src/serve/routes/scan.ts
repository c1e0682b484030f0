import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { analyseStoredScan } from '../../api/analysis-scan.js';
import { storedReportInput } from '../../api/report-scan.js';
import { reviewItem } from '../../api/review.js';
import { parseIndicatorList } from '../../api/score-result.js';
import { ConfigError } from '../../errors.js';
import { buildReportView, type ItemView } from '../../report/view-model.js';
import { render } from '../../report/render.js';
import { renderItemsCsv } from '../../report/write-csv.js';
import { renderItasCsv, renderItasHtml } from '../../report/write-itas.js';
import { renderReportHtml } from '../../report/write-html.js';
import { renderReportJson } from '../../report/write-json.js';
import { STATUS_LABELS } from '../../report/labels.js';
import { frame, localPath, sendError, session, type DeskContext, type Form } from '../context.js';

const DECISIONS = ['pass', 'fail', 'not-applicable'] as const;
type Decision = (typeof DECISIONS)[number];

/** The files of a scan, rendered in memory from the same input as `oit report` writes them. */
const FILES: Record<string, { type: string; render: (i: Awaited<ReturnType<typeof storedReportInput>>) => string }> = {
  'report.html': { type: 'text/html; charset=utf-8', render: (i) => renderReportHtml(i) },
  'report.json': { type: 'application/json; charset=utf-8', render: (i) => renderReportJson(i.result) },
  'items.csv': { type: 'text/csv; charset=utf-8', render: (i) => renderItemsCsv(i.result, i.checklist) },
  'itas.csv': { type: 'text/csv; charset=utf-8', render: (i) => renderItasCsv(i.result, i.checklist) },
  'itas.html': { type: 'text/html; charset=utf-8', render: (i) => renderItasHtml(i.result, i.checklist) },
};

const scanPath = (id: string) => `/scans/${encodeURIComponent(id)}`;

/**
 * A scan's report: the same view model and template as report.html, with a review form under every
 * item (the gap list for the items not passed, the evidence list for the passes). A decision is
 * stored by reviewItem, exactly as `oit review` stores it, and the scan's report files are re-written.
 */
export function scanRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get<{ Params: { id: string } }>('/scans/:id', async (req, reply) => {
    try {
      const input = await storedReportInput(ctx.store, req.params.id, ctx.config.checklistDir);
      const view = buildReportView(input);
      const id = input.scan.id;
      const f = frame(ctx, req, '');
      const back = scanPath(id);
      const withForm = (i: ItemView) => ({ ...i, desk: itemForm(i, back, scanPath(id) + '/review') });
      return reply.type('text/html; charset=utf-8').send(
        render('report', {
          ...view,
          gaps: view.gaps.map(withForm),
          // A pass is confirmed or overridden from the evidence list, where it is shown; the rest from the gap list.
          withEvidence: view.withEvidence.map((i) => (i.status === 'pass' ? withForm(i) : i)),
          desk: {
            ...f,
            downloads: Object.keys(FILES).map((name) => ({ name, href: `${scanPath(id)}/files/${name}` })),
            siteHref: `/sites?site=${encodeURIComponent(input.scan.site)}`,
            analysisAction: `${scanPath(id)}/analysis`,
          },
        }),
      );
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });

  app.post<{ Params: { id: string }; Body: Form }>('/scans/:id/review', async (req, reply) => {
    const body = req.body ?? {};
    const back = localPath(body.back, scanPath(req.params.id));
    try {
      const status = body.status as Decision;
      if (!DECISIONS.includes(status)) throw new ConfigError('เลือกผล: ผ่าน ไม่ผ่าน หรือไม่เกี่ยวข้อง', 'choose pass, fail or not applicable');
      const by = (body.by ?? '').trim();
      if (!by) throw new ConfigError('ต้องระบุชื่อผู้ตรวจ', 'say who decided (reviewer name)');
      const url = (body.url ?? '').trim();
      const note = (body.note ?? '').trim();
      const r = await reviewItem(ctx.store, {
        target: req.params.id,
        code: body.code ?? '',
        status,
        by,
        ...(url ? { url } : {}),
        ...(note ? { note } : {}),
        checklistDir: ctx.config.checklistDir,
        out: ctx.config.out,
      });
      const s = session(ctx, req);
      s.by = by;
      s.notice = `บันทึกผลข้อ ${r.item.code} แล้ว: ${STATUS_LABELS.th[r.item.status]} โดย ${r.override.by}${r.warning ? ` — คำเตือน: ${r.warning.th}` : ''}`;
      return reply.redirect(`${back}${back.includes('#') ? '' : `#review-${r.item.code}`}`, 303);
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });

  app.get<{ Params: { id: string; name: string } }>('/scans/:id/files/:name', async (req, reply) => {
    const file = FILES[req.params.name];
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('ไม่มีไฟล์นี้ / no such file\n');
    try {
      const input = await storedReportInput(ctx.store, req.params.id, ctx.config.checklistDir);
      return download(reply, `${input.scan.id}-${req.params.name}`, file.type, file.render(input));
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });

  // Writes analysis.html (and .pdf) beside the scan's other reports, as `oit analysis` does, then sends it.
  app.post<{ Params: { id: string }; Body: Form }>('/scans/:id/analysis', async (req: FastifyRequest<{ Params: { id: string }; Body: Form }>, reply) => {
    const body = req.body ?? {};
    try {
      const pdf = body.format === 'pdf';
      const written = await analyseStoredScan(ctx.store, req.params.id, {
        iit: parseIndicatorList(body.iit ?? '', 'IIT', 5),
        eit: parseIndicatorList(body.eit ?? '', 'EIT', 3),
        out: ctx.config.out,
        pdf,
        ...(body.agency?.trim() ? { agency: body.agency.trim() } : {}),
        chromiumPath: ctx.config.chromiumPath,
        checklistDir: ctx.config.checklistDir,
      });
      const file = written.files.find((f) => f.endsWith(pdf ? '.pdf' : '.html'))!;
      return download(reply, `${req.params.id}-${basename(file)}`, pdf ? 'application/pdf' : 'text/html; charset=utf-8', readFileSync(file));
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });
}

function itemForm(i: ItemView, back: string, action: string) {
  const current = (DECISIONS as readonly string[]).includes(i.status) && i.override ? i.status : undefined;
  return {
    action,
    back: `${back}#review-${i.code}`,
    url: i.bestUrl?.href ?? '',
    choices: DECISIONS.map((value) => ({ value, label: STATUS_LABELS.th[value], checked: value === current })),
  };
}

function download(reply: FastifyReply, name: string, type: string, body: string | Buffer): FastifyReply {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply.type(type).header('content-disposition', `attachment; filename="${safe}"`).send(body);
}
