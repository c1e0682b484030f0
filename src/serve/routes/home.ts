import type { FastifyInstance } from 'fastify';
import { loadFleet } from '../../api/fleet.js';
import { buildFleetView, newFleetReport } from '../../report/fleet-view.js';
import { render } from '../../report/render.js';
import { DESK_JS } from '../assets.js';
import { frame, sendError, sendPage, type DeskContext } from '../context.js';

/**
 * The home page: every site of the store with its latest OIT score, trend and open reviews, from the
 * same fleet model and row view as `oit fleet` (sites needing help first); /fleet is fleet.html itself.
 */
export function homeRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get('/', async (req, reply) => {
    try {
      const report = newFleetReport(await loadFleet(ctx.store));
      const view = buildFleetView(report);
      const rows = view.rows.map((row, i) => {
        const s = report.sites[i]!;
        const open = Object.values(s.latest?.statuses ?? {}).filter((st) => st === 'needs-review').length;
        return {
          ...row,
          siteHref: `/sites?site=${encodeURIComponent(s.site)}`,
          ...(s.latest ? { scanHref: `/scans/${encodeURIComponent(s.latest.scanId)}` } : {}),
          openReviews: open,
          ...(open ? { queueHref: `/queue?site=${encodeURIComponent(s.site)}` } : {}),
        };
      });
      return sendPage(reply, 'home', { ...frame(ctx, req, 'home'), title: 'oit — โต๊ะตรวจ OIT', rows, empty: rows.length === 0, intro: view.intro });
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });

  app.get('/fleet', async (req, reply) => {
    try {
      const html = render('fleet', buildFleetView(newFleetReport(await loadFleet(ctx.store))));
      return reply.type('text/html; charset=utf-8').send(html);
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });

  // Browsers ask for it on their own; an empty answer instead of a 404 in the console.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());

  app.get('/assets/desk.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(DESK_JS));
}
