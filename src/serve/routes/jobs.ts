import type { FastifyInstance } from 'fastify';
import { ConfigError } from '../../errors.js';
import { fmt2, formatDateTime } from '../../report/format.js';
import { frame, sendError, sendMessage, sendPage, type DeskContext, type Form } from '../context.js';
import { isDone, type DeskJob, type ScanRequest } from '../scans.js';

const STATE_TH: Record<DeskJob['state'], string> = { queued: 'รอคิว', running: 'กำลังสแกน', finished: 'เสร็จแล้ว', failed: 'ล้มเหลว', cancelled: 'ยกเลิกแล้ว', enqueued: 'ส่งเข้าคิวงานแล้ว' };

/** An optional whole number of a form field, with a bilingual error naming the field. */
function wholeNumber(raw: string | undefined, th: string, en: string, min: number): number | undefined {
  const s = (raw ?? '').trim();
  if (!s) return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${th} ต้องเป็นจำนวนเต็มตั้งแต่ ${min} ขึ้นไป (ได้ "${s}")`, `${en} must be a whole number of at least ${min} (got "${s}")`);
  return n;
}

/** "12/43 รายการ" once judging has started, "–" before. */
function judgedText(j: Pick<DeskJob, 'judged' | 'items'>): string {
  return j.items > 0 ? `${j.judged}/${j.items} รายการ` : '–';
}

function jobView(j: DeskJob) {
  return {
    ...j,
    stateLabel: STATE_TH[j.state],
    rate: j.pagesPerSecond.toFixed(1),
    judgedText: judgedText(j),
    oitText: fmt2(j.oit),
    created: formatDateTime(j.createdAt, 'th'),
    href: `/scan-jobs/${j.id}`,
    cancelAction: `/scan-jobs/${j.id}/cancel`,
    active: !isDone(j.state),
    ...(j.state === 'finished' && j.scanId ? { resultHref: `/scans/${encodeURIComponent(j.scanId)}` } : {}),
    message: j.message ?? '',
  };
}

/** Scans started from the browser: the form, live progress (server-sent events) and cancel. */
export function jobRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get('/scan-jobs', async (req, reply) =>
    sendPage(reply, 'scans', { ...frame(ctx, req, 'scans'), title: 'สแกนเว็บไซต์', jobs: ctx.runner.list().map(jobView), year: ctx.config.year ?? '', maxPages: ctx.config.maxPages, maxDepth: ctx.config.maxDepth }),
  );

  app.post<{ Body: Form }>('/scan-jobs', async (req, reply) => {
    const b = req.body ?? {};
    try {
      const request: ScanRequest = {
        url: (b.url ?? '').trim(),
        year: wholeNumber(b.year, 'ปีการประเมิน', 'year', 2560),
        maxPages: wholeNumber(b.maxPages, 'จำนวนหน้าสูงสุด', 'page limit', 1),
        maxDepth: wholeNumber(b.maxDepth, 'ความลึกของลิงก์', 'depth limit', 0),
        maxMinutes: wholeNumber(b.maxMinutes, 'เวลาสูงสุด (นาที)', 'time limit (minutes)', 1),
      };
      if (!request.url) throw new ConfigError('กรอก URL ของเว็บไซต์', 'enter the site URL');
      const job = await ctx.runner.start(request);
      return reply.redirect(`/scan-jobs/${job.id}`, 303);
    } catch (e) {
      return sendError(ctx, req, reply, e);
    }
  });

  app.get<{ Params: { id: string } }>('/scan-jobs/:id', async (req, reply) => {
    const job = ctx.runner.get(req.params.id);
    if (!job) return sendMessage(ctx, req, reply, 404, 'ไม่พบงานสแกนนี้', 'no such scan job');
    return sendPage(reply, 'job', { ...frame(ctx, req, 'scans'), title: `สแกน ${job.url}`, job: jobView(job) });
  });

  app.post<{ Params: { id: string } }>('/scan-jobs/:id/cancel', async (req, reply) => {
    if (!ctx.runner.cancel(req.params.id)) return sendMessage(ctx, req, reply, 409, 'งานนี้เสร็จหรือถูกยกเลิกไปแล้ว', 'this scan job is not running');
    return reply.redirect(`/scan-jobs/${req.params.id}`, 303);
  });

  // Server-sent events: the job as JSON on every change, until it ends.
  app.get<{ Params: { id: string } }>('/scan-jobs/:id/events', (req, reply) => {
    const job = ctx.runner.get(req.params.id);
    if (!job) return reply.code(404).send();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'keep-alive' });
    const send = (j: DeskJob) => res.write(`event: job\ndata: ${JSON.stringify(j)}\n\n`);
    let last = 0;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const stop = ctx.runner.subscribe(job.id, (j) => {
      // At most a few updates a second: a fast crawl emits an event per page.
      if (isDone(j.state)) {
        if (pending) clearTimeout(pending);
        send(j);
        finish();
        return;
      }
      const wait = 250 - (Date.now() - last);
      if (wait <= 0) {
        last = Date.now();
        send(j);
      } else if (!pending) {
        pending = setTimeout(() => {
          pending = undefined;
          last = Date.now();
          send({ ...ctx.runner.get(job.id)! });
        }, wait);
      }
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const finish = () => {
      stop();
      clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
      res.end();
    };
    req.raw.on('close', finish);
    send({ ...job });
    if (isDone(job.state)) finish();
  });
}
