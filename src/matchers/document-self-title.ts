import { z } from 'zod';
import { itemTitle } from '../checklist/schema.js';
import { IDENTIFY_THRESHOLD, itemsInHead, onOthersSubject } from './lib/identify.js';
import { itemOfTitleLine, mainHeadings, TITLE_LINE_MARGIN, titleLineOf } from './lib/title-line.js';
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
    if (other && !claimed.some((f) => f.code === ctx.item.code)) return anotherItem(ctx, other.code, other.form, !!mine);
    if (mine) return { verdict: 'pass', confidence: 0.7, quote: mine.form };
    return byTitleLine(ctx) ?? { verdict: 'unknown', reason: 'ชื่อเอกสารไม่บอกว่าเป็นรายการใด' };
  },
});

/** A title line leading every item by TITLE_LINE_MARGIN from this score, and far from this item, names the other. */
const FAR_THRESHOLD = 0.55;
const FAR_MARGIN = 0.4;

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
  const named = itemOfTitleLine(ctx.checklist, line, FAR_THRESHOLD);
  if (!named || named.top.code === ctx.item.code) return undefined;
  const mine = named.ranked.find((r) => r.code === ctx.item.code)?.score ?? 0;
  // Named clearly; or, a little less surely, by a line far from this one ("แนวทางการพัฒนาองค์กรจากผลการ
  // ประเมิน ITA" behind the service manual's row) — also when it names several alike items about as well
  // ("รายงานการวิเคราะห์ความเสี่ยงการทุจริต": the risk assessment, the risk management report and the
  // anti-corruption report within 0.03 of each other): which of them it is may be unsure, that it is not
  // this item is not.
  const clear = named.top.score >= IDENTIFY_THRESHOLD && mine < named.top.score - TITLE_LINE_MARGIN;
  const far = mine < named.top.score - FAR_MARGIN;
  // A line on the subject of the item it names (corruption prevention) that none of this item's titles has
  // is that item's, however small its lead ("รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต": O41 0.76,
  // the annual operations report O12 0.64), as link words are (verify.ts namedOther).
  const twin = named.top.score >= IDENTIFY_THRESHOLD && onOthersSubject(ctx.checklist, line, named.top.code, ctx.item.code);
  if (!clear && !far && !twin) return undefined;
  // Never this item: a line on another item's subject may name this one nearly as well.
  const alike = named.ranked
    .slice(1)
    .filter((r) => r.code !== ctx.item.code && r.score >= named.top.score - TITLE_LINE_MARGIN)
    .slice(0, 3)
    .map((r) => r.code);
  return anotherItem(ctx, named.top.code, line, false, alike);
}

/**
 * The target is item `code`'s, not this one: a fail naming both, with the words that claim it. `alike`: other
 * items those words name about as well, named in the reason too.
 */
function anotherItem(ctx: MatchContext, code: string, quote: string, mentionsMine: boolean, alike: string[] = []): MatchOutcome {
  const title = itemTitle(ctx.checklist, code);
  const or = alike.length ? ` หรือรายการใกล้เคียง (${alike.join(', ')})` : '';
  return { verdict: 'fail', reason: `เนื้อหาเป็น${title} (${code})${or} ไม่ใช่${ctx.item.title}`, quote, data: { other: code, mentionsMine } };
}
