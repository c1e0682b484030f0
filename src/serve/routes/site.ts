import type { FastifyInstance } from 'fastify';
import { scanHistory } from '../../api/history.js';
import { loadJudgedScan } from '../../api/report-scan.js';
import { parseStartUrl } from '../../api/scan-site.js';
import { ConfigError } from '../../errors.js';
import { fmt2, formatDateTime } from '../../report/format.js';
import { LABELS } from '../../report/labels.js';
import { diffView, staticLabels } from '../../report/view-model.js';
import { frame, sendError, sendPage, type DeskContext } from '../context.js';

const STATE_TH: Record<string, string> = { running: 'กำลังสแกน', finished: 'เสร็จแล้ว', failed: 'ล้มเหลว', interrupted: 'ถูกขัดจังหวะ' };

/** A site's scans (`oit history`) and the comparison of any two of them (`oit diff`). */
export function siteRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get<{ Querystring: { site?: string } }>('/sites', async (req, reply) => {
    try {
      const raw = req.query.site ?? '';
      if (!raw) throw new ConfigError('ระบุเว็บไซต์', 'no site given');
      const site = parseStartUrl(raw).href;
      const history = await scanHistory(ctx.store, { site });
      if (!history.length) throw new ConfigError(`ไม่มีการสแกนของ ${site}`, `no scans of ${site} in ${ctx.store.location}`);
      const judged = history.filter((h) => h.oit !== null || h.items !== null);
      const scans = history.map((h, i) => ({
        scanId: h.scanId,
        href: `/scans/${encodeURIComponent(h.scanId)}`,
        judged: h.items !== null,
        started: formatDateTime(h.startedAt, 'th'),
        state: STATE_TH[h.state] ?? h.state,
        oit: fmt2(h.oit),
        passed: h.items === null ? '–' : `${h.passed}/${h.items}`,
        pages: h.pagesFetched,
        errors: h.errors,
        pruned: h.pruned,
        // Defaults of the comparison form: the newest judged scan against the one before it.
        isB: h.scanId === judged[0]?.scanId,
        isA: h.scanId === judged[1]?.scanId,
        index: i,
      }));
      return sendPage(reply, 'site', {
        ...frame(ctx, req, 'home'),
        title: `ประวัติการสแกน — ${history[0]!.host}`,
        site,
        host: history[0]!.host,
        scans,
        judgedScans: scans.filter((s) => s.judged),
        canDiff: judged.length >= 2,
      });
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });

  app.get<{ Querystring: { a?: string; b?: string } }>('/diff', async (req, reply) => {
    try {
      const { a, b } = req.query;
      if (!a || !b) throw new ConfigError('เลือกการสแกนสองครั้งที่จะเทียบ', 'choose two scans to compare');
      const before = await loadJudgedScan(ctx.store, a, ctx.config.checklistDir);
      const after = await loadJudgedScan(ctx.store, b, ctx.config.checklistDir);
      // Earlier on the left whatever order they were picked in.
      const [x, y] = before.scan.startedAt <= after.scan.startedAt ? [before, after] : [after, before];
      return sendPage(reply, 'diff', {
        ...frame(ctx, req, 'home'),
        title: `เทียบผลการสแกน — ${y.scan.host}`,
        t: staticLabels(LABELS.th),
        diff: diffView(y.result, x.result, y.checklist, 'th'),
        a: { id: x.scan.id, href: `/scans/${encodeURIComponent(x.scan.id)}`, oit: fmt2(x.result.oit.score), started: formatDateTime(x.scan.startedAt, 'th') },
        b: { id: y.scan.id, href: `/scans/${encodeURIComponent(y.scan.id)}`, oit: fmt2(y.result.oit.score), started: formatDateTime(y.scan.startedAt, 'th') },
        siteHref: `/sites?site=${encodeURIComponent(y.scan.site)}`,
      });
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });
}
