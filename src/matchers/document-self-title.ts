import { z } from 'zod';
import { IDENTIFY_THRESHOLD, itemsInHead, scoreItems } from './lib/identify.js';
import { defineMatcher, type MatchContext, type MatchOutcome } from './types.js';

/**
 * Does the target's own head (page title, headings, first ~1500 characters of a document) show that it
 * is the item? The first item title it claims wins. It is *another* item only when its title or leading
 * heading (title, first headings, first ~400 characters) claims that item — "สรุปผลการจัดซื้อจัดจ้าง
 * รายเดือน" behind a link labelled as the annual report. Titles further down, and titles the head only
 * mentions ("ประชาคมเพื่อทบทวนแผนพัฒนา…"), are mentions, not identity.
 */
export const documentSelfTitle = defineMatcher({
  meta: {
    id: 'document-self-title',
    description: "The document's own title (its first ~1500 characters) names the item",
    params: z.object({ headChars: z.number().int().min(100).default(1500), leadChars: z.number().int().min(50).default(400) }),
  },
  match(ctx, params) {
    const t = ctx.target;
    if (!t?.snapshot) return { verdict: 'skip' };
    const head = [t.title ?? '', ...(t.headings ?? []), t.text.slice(0, params.headChars)].join('\n');
    const lead = [t.title ?? '', ...(t.headings ?? []).slice(0, 3), t.text.slice(0, params.leadChars)].join('\n');
    const found = itemsInHead(ctx.checklist, head).filter((f) => !f.mention);
    if (found.length === 0) return byTitleLine(ctx) ?? { verdict: 'unknown', reason: 'ชื่อเอกสารไม่บอกว่าเป็นรายการใด' };
    const mine = found.find((f) => f.code === ctx.item.code);
    const first = found[0]!;
    if (mine && (first.code === ctx.item.code || mine.index - first.index < 4)) {
      return { verdict: 'pass', confidence: mine.exact ? 1 : 0.8, quote: mine.form };
    }
    const claimed = itemsInHead(ctx.checklist, lead).filter((f) => !f.mention);
    const other = claimed.find((f) => f.code !== ctx.item.code);
    if (other && !claimed.some((f) => f.code === ctx.item.code)) {
      const title = ctx.checklist.items.find((i) => i.code === other.code)?.title ?? other.code;
      return {
        verdict: 'fail',
        reason: `เนื้อหาเป็น${title} (${other.code}) ไม่ใช่${ctx.item.title}`,
        quote: other.form,
        data: { other: other.code, mentionsMine: !!mine },
      };
    }
    if (mine) return { verdict: 'pass', confidence: 0.7, quote: mine.form };
    return byTitleLine(ctx) ?? { verdict: 'unknown', reason: 'ชื่อเอกสารไม่บอกว่าเป็นรายการใด' };
  },
});

/** A title line naming another item this well, and this item clearly less, makes the document that item. */
const LINE_NAMES_OTHER = IDENTIFY_THRESHOLD;
const LINE_MARGIN = 0.15;

/**
 * A document whose title line is worded unlike any item title ("สรุปผลการจัดซื้อจัดจ้างในรอบเดือน ประจำปี…")
 * is still read by that line, scored like a link text: when it clearly names another item, the document
 * is that item's, whatever link led to it. A web page's title line is the first heading of its main content
 * (a post's own heading); its other first lines are site furniture (dates, breadcrumbs, widgets).
 */
function byTitleLine(ctx: MatchContext): MatchOutcome | undefined {
  const t = ctx.target;
  if (!t?.snapshot) return undefined;
  const line = t.snapshot.kind === 'html' ? titleLineOf(mainHeadings(t.text, t.headings ?? [])) : titleLineOf(t.text);
  if (!line) return undefined;
  const ranked = scoreItems(ctx.checklist, line);
  const top = ranked[0];
  if (!top || top.code === ctx.item.code || top.score < LINE_NAMES_OTHER) return undefined;
  const mine = ranked.find((r) => r.code === ctx.item.code)?.score ?? 0;
  if (mine >= top.score - LINE_MARGIN) return undefined;
  const title = ctx.checklist.items.find((i) => i.code === top.code)?.title ?? top.code;
  return { verdict: 'fail', reason: `เนื้อหาเป็น${title} (${top.code}) ไม่ใช่${ctx.item.title}`, quote: line, data: { other: top.code, mentionsMine: false } };
}

/** The lines among the first of a page's main text that are headings (h1–h3) of the page. */
function mainHeadings(text: string, headings: string[]): string {
  const heads = new Set(headings.map((h) => h.replace(/\s+/g, ' ').trim()));
  const lines = text.split(/\n+/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).slice(0, 6);
  return lines.filter((l) => heads.has(l)).join('\n');
}

/** The first line of a document that is more than the agency's name or a label. */
function titleLineOf(text: string): string | undefined {
  for (const raw of text.split(/\n+/).slice(0, 4)) {
    const line = raw.trim();
    if (line.length < 8) continue;
    if (/^(?:องค์การบริหารส่วน|เทศบาล|สำนักงาน|กรม|อบต\.|อบจ\.|โรงพยาบาล|มหาวิทยาลัย|จังหวัด|อำเภอ|#\s*sheet)\S*\s*\S*$/i.test(line)) continue;
    return line.slice(0, 150);
  }
  return undefined;
}
