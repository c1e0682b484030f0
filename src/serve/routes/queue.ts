import type { FastifyInstance } from 'fastify';
import { normaliseCode } from '../../api/review.js';
import { parseStartUrl } from '../../api/scan-site.js';
import { formatDateTime, linkView } from '../../report/format.js';
import { STATUS_LABELS } from '../../report/labels.js';
import { frame, sendError, sendPage, type DeskContext } from '../context.js';
import { reviewQueue } from '../review-queue.js';

/** The needs-review worklist across sites, oldest first, one decision form per entry; filtered by item, owner or site. */
export function queueRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get<{ Querystring: { item?: string; site?: string; owner?: string } }>('/queue', async (req, reply) => {
    try {
      const item = req.query.item?.trim() ? normaliseCode(req.query.item) : undefined;
      const site = req.query.site?.trim() ? parseStartUrl(req.query.site.trim()).href : undefined;
      const all = await reviewQueue(ctx.store, { ...(site ? { site } : {}) });
      const owner = req.query.owner?.trim() || undefined;
      const entries = all.filter((e) => (!item || e.code === item) && (!owner || ctx.owners[e.code] === owner));
      const params = new URLSearchParams({ ...(item ? { item } : {}), ...(owner ? { owner } : {}), ...(site ? { site } : {}) }).toString();
      const back = `/queue${params ? `?${params}` : ''}`;
      const codes = [...new Set(all.map((e) => e.code))];
      return sendPage(reply, 'queue', {
        ...frame(ctx, req, 'queue'),
        title: 'รายการรอตรวจโดยเจ้าหน้าที่',
        count: entries.length,
        empty: entries.length === 0,
        filtered: Boolean(item || site || owner),
        owners: [...new Set(Object.values(ctx.owners))].sort((a, b) => a.localeCompare(b, 'th')).map((o) => ({ name: o, selected: o === owner })),
        site: site ?? '',
        items: codes.map((c) => ({ code: c, selected: c === item })),
        entries: entries.map((e) => ({
          ...e,
          owner: ctx.owners[e.code] ?? '',
          site: linkView(e.site),
          link: e.url ? linkView(e.url) : undefined,
          scanHref: `/scans/${encodeURIComponent(e.scanId)}#review-${e.code}`,
          scanned: formatDateTime(e.scanStartedAt, 'th'),
          action: `/scans/${encodeURIComponent(e.scanId)}/review`,
          back,
          url: e.url ?? '',
          choices: (['pass', 'fail', 'not-applicable'] as const).map((value) => ({ value, label: STATUS_LABELS.th[value] })),
        })),
      });
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });
}
