/**
 * Which checklist item does a piece of text (link text, table row, menu label, page title, document
 * head) name? Titles are compared after Thai folding, against every item of the year's checklist at once,
 * so a look-alike ("รายงานผลการดำเนินงานประจำปี" vs "… รอบ 6 เดือน") goes to the item it names best.
 * Item numbers are only a tie-breaking hint: numbering shifts between assessment years.
 */
import type { Checklist, ChecklistItem } from '../../checklist/schema.js';
import { findTermIn, fold, foldSpaceless, prepareText, stripTones, type PreparedText } from '../../text/fold.js';
import { buildHeadSearch, formsPresent, type HeadSearch } from './head-search.js';
import { itemsReaching, memoHeads, memoScores } from './item-vocabulary.js';

/** Characters that carry no meaning in a title comparison. */
const PUNCT = /[\s"'“”‘’()[\]{}<>.,:;!?|/\\\-–—_+*=#@~`^]/g;

/** The comparison key of a title: folded, spaceless, punctuation-free. */
export function titleKey(s: string): string {
  return foldSpaceless(s).replace(PUNCT, '');
}

/** Noise that says nothing about which item a text names: years, "ประจำปีงบประมาณ", "พ.ศ.". */
export function noiseless(key: string): string {
  return key.replace(/(?:ประจำ)?ปี(?:งบประมาณ|งบฯ|งบ)?|พศ|\d+/g, '');
}

export interface ItemLabel {
  /** The number in the label (O11, 011, OIT 11, "11.") or undefined. */
  number?: number;
  /** The label as written. */
  raw: string;
  /** The text after the label. */
  rest: string;
  /** A label of another scheme (MOIT, ITA-VEC…) whose number must not be read as an OIT item number. */
  foreign?: boolean;
}

// Folded (lower case, Thai digits → Arabic) text is matched.
const FOREIGN_LABEL = /^(?:ข้อ\s*)?(m\s*oit|moit|e\s*b\s*\d|eb\d|iit|eit)\s*[-.:]?\s*(\d{1,2})?/;
const LABELS: RegExp[] = [
  /^(?:ข้อ\s*)?o\s*i\s*t\s*[-.:_]?\s*0*(\d{1,2})(?![\d.]\d)\s*[-.:)_]?\s*/,
  /^(?:ข้อ\s*)?o\s*[-.:_]?\s*0*(\d{1,2})(?!\d)(?!\.\d)\s*[-.:)_]?\s*/,
  /^(?:ข้อ\s*)?0(\d{1,2})(?![\d.,/]?\d)\s*[-.:)_]?\s*/,
  /^(?:ข้อ\s*)?(\d{1,2})\s*[.)]\s*(?!\d)/,
  /^ข้อ\s*(\d{1,2})(?!\d)(?!\.\d)\s*[-.:)]?\s*/,
];

// Another assessment scheme named in a document's head: the MOPH's MOIT (hospitals), ITA-VEC (colleges).
const FOREIGN_SCHEME = /(?:^|[^a-z])m\s?oit(?![a-z])|ita\s*-?\s*vec/i;

/**
 * The other scheme a text says it belongs to ("ตามเกณฑ์ MOIT ข้อ 4", "ITA-VEC"), or undefined. Evidence
 * filed under another scheme is not the agency's OIT evidence (reference §3: "MOIT1" is not O1).
 */
export function foreignScheme(text: string): string | undefined {
  const m = FOREIGN_SCHEME.exec(fold(text));
  return m ? m[0].replace(/^[^a-z]/i, '').toUpperCase() : undefined;
}

/** Reads an item label at the start of a text: O1, o1, O1., OIT 1, OIT1, 011, O01, "11.", ข้อ 11, Thai digits. */
export function parseItemLabel(text: string): ItemLabel {
  const t = fold(text);
  const foreign = FOREIGN_LABEL.exec(t);
  if (foreign && /^(?:ข้อ\s*)?m\s*oit/.test(t)) return { raw: foreign[0], rest: t.slice(foreign[0].length).trim(), foreign: true };
  for (const re of LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    const n = Number(m[1]);
    if (!Number.isFinite(n) || n < 1 || n > 60) continue;
    return { number: n, raw: m[0].trim(), rest: t.slice(m[0].length).trim() };
  }
  return { raw: '', rest: t };
}

// Period qualifiers and document types: a text that states one the item lacks names another item.
const SIX_MONTH = /รอบ?6เดือน|6เดือนแรก|ครึ่งปี|ครึ่งปีแรก|ไตรมาส(?:ที่)?12/;
// October to March of a fiscal year, as a title states the six months ("ต.ค. 64 – มี.ค. 65", keyed).
const FIRST_HALF = /(?:ตุลาคม|ตค)(?:\d+)?(?:ถึง|จนถึง)?(?:เดือน)?(?:มีนาคม|มีค)/;
const MONTHLY = /รายเดือน|ประจำเดือน|ในรอบเดือน|เดือน(?:มกราคม|กุมภาพันธ|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)|สขร/;
const HEADS: ReadonlyArray<readonly [string, RegExp]> = [
  ['plan', /^(?:เเ|แ)ผน/],
  ['report', /^(?:รายงาน|สรุปผล|สรุป)/],
  ['announce', /^ประกาศ/],
  ['manual', /^คู่มือ/],
];

function headOf(key: string): string | undefined {
  return HEADS.find(([, re]) => re.test(key))?.[0];
}

export interface Form {
  key: string;
  toneless: string;
  /** noiseless length, for containment ratios */
  len: number;
  derived: boolean;
  grams?: Map<string, number>;
}

export interface ItemProfile {
  code: string;
  number: number;
  title: string;
  forms: Form[];
  sixMonth: boolean;
  monthly: boolean;
  heads: Set<string>;
}

function mkForm(text: string, derived: boolean): Form | undefined {
  const key = titleKey(text);
  if (key.length < 2) return undefined;
  return { key, toneless: stripTones(key), len: Math.max(1, noiseless(key).length), derived };
}

/** Forms derived from a title: halves of "ก หรือ ข", without "ประจำปี", without a parenthesis. */
function derivedTexts(title: string): string[] {
  const out: string[] = [];
  const noParen = title.replace(/\([^)]*\)/g, ' ').trim();
  if (noParen !== title) out.push(noParen);
  for (const t of [title, noParen]) {
    const parts = t.split(/หรือ/);
    if (parts.length === 2) {
      const [left, right] = parts.map((p) => p.trim()) as [string, string];
      out.push(left);
      // "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง หรือ การจัดหาพัสดุ" → "ประกาศต่าง ๆ เกี่ยวกับการจัดหาพัสดุ"
      const firstWord = /^(การ|แผน|ผล)/.exec(right)?.[1];
      if (firstWord) {
        const at = left.indexOf(firstWord);
        if (at > 0) out.push(left.slice(0, at) + right);
        else out.push(right);
      } else out.push(right);
      // A qualifier at the end belongs to both halves: "สรุปผล…จัดจ้าง หรือ …พัสดุ รายเดือน".
      const tail = /(รายเดือน|ประจำปี|รอบ\s*6\s*เดือน)$/.exec(right)?.[1];
      if (tail && !left.endsWith(tail)) out.push(left + tail);
    }
    if (/ประจำปี/.test(t)) out.push(t.replace(/ประจำปี/g, ''));
  }
  return out;
}

const headSearchCache = new WeakMap<Checklist, HeadSearch>();

/**
 * The forms itemsInHead searches, per checklist: an item's title, variants and derived halves whose key
 * is long enough (six characters, or Latin) and survived the profile's de-duplication (a derived key
 * also needs eight characters).
 */
function headSearchOf(checklist: Checklist): HeadSearch {
  let hit = headSearchCache.get(checklist);
  if (!hit) {
    const profiles = new Map(profilesOf(checklist).map((p) => [p.code, p]));
    hit = buildHeadSearch(
      checklist,
      (item) => [item.title, ...item.variants, ...derivedTexts(item.title)],
      (code, t) => {
        const forms = profiles.get(code)!.forms;
        const tk = titleKey(t);
        if (tk.length < 6 && !/[a-z]/i.test(tk)) return false;
        if (forms.every((f) => f.key !== tk) && tk.length < 8) return false;
        return forms.some((f) => f.key === tk); // only forms that survived de-duplication
      },
    );
    headSearchCache.set(checklist, hit);
  }
  return hit;
}

const profileCache = new WeakMap<Checklist, ItemProfile[]>();

/** Comparison forms of every item of a checklist (cached per checklist object). */
export function profilesOf(checklist: Checklist): ItemProfile[] {
  const hit = profileCache.get(checklist);
  if (hit) return hit;
  const primary = checklist.items.map((item) => ({ item, keys: [item.title, ...item.variants].map(titleKey) }));
  const profiles = checklist.items.map((item) => {
    const forms: Form[] = [];
    const seen = new Set<string>();
    const add = (text: string, derived: boolean) => {
      const f = mkForm(text, derived);
      if (!f || seen.has(f.key)) return;
      if (derived) {
        if (f.key.length < 8) return;
        // A derived half that other items also contain ("การจัดหาพัสดุ") names none of them.
        const shared = primary.some((p) => p.item.code !== item.code && p.keys.some((k) => k.includes(f.key)));
        if (shared) return;
      }
      seen.add(f.key);
      forms.push(f);
    };
    add(item.title, false);
    for (const v of item.variants) add(v, false);
    for (const t of [item.title, ...item.variants]) for (const d of derivedTexts(t)) add(d, true);
    const allKeys = [item.title, ...item.variants].map(titleKey);
    return {
      code: item.code,
      number: Number(item.code.slice(1)),
      title: item.title,
      forms,
      sixMonth: allKeys.some((k) => SIX_MONTH.test(k)),
      monthly: allKeys.some((k) => MONTHLY.test(k)),
      heads: new Set(allKeys.map(headOf).filter((h): h is string => !!h)),
    };
  });
  profileCache.set(checklist, profiles);
  return profiles;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function shared(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [g, c] of a) n += Math.min(c, b.get(g) ?? 0);
  return n;
}

// scoreItems asks formScore about one text for every form of every item in a row: derive the text's
// own forms once (speed only; the same values).
let lastText: { key: string; tLen: number; toneless: string } | undefined;
function textForms(textKey: string): { tLen: number; toneless: string } {
  if (lastText?.key !== textKey) lastText = { key: textKey, tLen: Math.max(1, noiseless(textKey).length), toneless: stripTones(textKey) };
  return lastText;
}

/** How well a short text (already keyed) matches one form, 0..1. */
export function formScore(textKey: string, f: Form, textGrams?: Map<string, number>): number {
  if (!textKey || !f.key) return 0;
  const { tLen, toneless } = textForms(textKey);
  const at = textKey.indexOf(f.key);
  if (at >= 0) {
    const ratio = Math.min(1, f.len / tLen);
    // "ผลการประเมินการรับรู้และปฏิบัติตามประมวลจริยธรรม": the title after "ตาม/เพื่อ/…" is what the text is
    // about, not what it is — below the identification threshold.
    if (at > 0 && MENTION_BEFORE.test(textKey.slice(0, at))) return 0.55 * (0.7 + 0.3 * ratio);
    return 0.7 + 0.3 * ratio;
  }
  if (toneless.includes(f.toneless) && f.toneless.length >= 6) {
    return 0.65 + 0.25 * Math.min(1, f.len / tLen);
  }
  if (f.key.includes(textKey) && textKey.length >= 8) {
    const ratio = tLen / f.len;
    if (ratio >= 0.5) return 0.5 + 0.3 * Math.min(1, ratio);
  }
  if (textKey.length < 4 || f.key.length < 4) return 0;
  // Fuzzy: share of the form's bigrams found in the text, and the Dice coefficient.
  const bf = (f.grams ??= bigrams(f.key));
  const bt = textGrams ?? bigrams(textKey);
  const common = shared(bf, bt);
  const containment = common / Math.max(1, f.key.length - 1);
  const dice = (2 * common) / Math.max(1, f.key.length - 1 + textKey.length - 1);
  return 0.85 * (0.55 * containment + 0.45 * dice);
}

export interface ItemScore {
  code: string;
  score: number;
  /** The form that matched best (its key). */
  form?: string;
}

function penalised(p: ItemProfile, key: string, score: number): number {
  let s = score;
  const six = SIX_MONTH.test(key);
  const monthly = MONTHLY.test(key);
  if (six && !p.sixMonth) s *= 0.45;
  else if (!six && p.sixMonth) s *= 0.75;
  if (monthly && !p.monthly && !p.sixMonth) s *= 0.5;
  const head = headOf(key);
  if (head && p.heads.size > 0 && !p.heads.has(head)) s *= 0.55;
  return s;
}

// "ตัวชี้วัดย่อยที่ 9.3 …", "ตัวชี้วัดที่ 9", "ตัวชี้วัดย่อย 9.1": a group of items, never one item.
const SUB_INDICATOR_LABEL = /^\W*(?:ตัวชี้วัด(?:ย่อย)?(?:ที่)?\s*\d{1,2}(?:\.\d{1,2})?|sub\s*-?\s*indicator\s*\d)/i;

/**
 * Does a text name a sub-indicator or indicator (a group of items: "ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน",
 * "9.1 ข้อมูลพื้นฐาน") rather than an item? Such links lead to per-sub-indicator index pages.
 */
export function isGroupLabel(checklist: Checklist, text: string): boolean {
  const t = fold(text).trim();
  if (SUB_INDICATOR_LABEL.test(t)) return true;
  const key = titleKey(t.replace(/^\d{1,2}(?:\.\d{1,2})?\s*/, ''));
  return key.length >= 4 && groupKeysOf(checklist).has(key);
}

const groupKeys = new WeakMap<Checklist, Set<string>>();

/** The checklist's sub-indicator titles as title keys, worked out once per checklist, not once per text. */
function groupKeysOf(checklist: Checklist): Set<string> {
  let keys = groupKeys.get(checklist);
  if (!keys) groupKeys.set(checklist, (keys = new Set(checklist.subIndicators.map((s) => titleKey(s.title)))));
  return keys;
}

/**
 * Scores a short text (link text, row, menu label, title) against every item, best first. With `floor`,
 * items that surely score below it (before the label number's bonus) are left out unscored
 * (item-vocabulary.ts: an upper bound from the items' bigrams); the others score as without it.
 * Remembered per checklist (item-vocabulary.ts memoScores): a big site repeats the same texts; calls with a
 * floor only when `remember` says so (candidate finding scores each distinct text of a site once).
 */
export function scoreItems(checklist: Checklist, text: string, hint?: number, floor?: number, remember = floor === undefined): ItemScore[] {
  return memoScores(checklist, text, hint, floor, scoreItemsOnce, remember);
}

function scoreItemsOnce(checklist: Checklist, text: string, hint?: number, floor?: number): ItemScore[] {
  const label = parseItemLabel(text);
  const key = titleKey(label.rest);
  if (!key) return [];
  const profiles = profilesOf(checklist);
  const reaching = floor === undefined ? undefined : itemsReaching(profiles, key, floor);
  // No item can reach the floor: the answer is empty whatever the rest says. Most of a big site's distinct
  // texts (news titles, "หน้า 12") end here, before the group-label test and the bigram map.
  if (reaching?.size === 0) return [];
  if (isGroupLabel(checklist, text)) return [];
  const grams = bigrams(key);
  const scores = (reaching ? profiles.filter((p) => reaching.has(p.code)) : profiles).map((p) => {
    let best = 0;
    let form: string | undefined;
    for (const f of p.forms) {
      const s = formScore(key, f, grams) * (f.derived ? 0.96 : 1);
      if (s > best) {
        best = s;
        form = f.key;
      }
    }
    return { code: p.code, score: penalised(p, key, best), form, number: p.number };
  });
  const n = hint ?? (label.foreign ? undefined : label.number);
  if (n !== undefined) {
    // The number breaks near-ties only.
    const top = Math.max(...scores.map((s) => s.score));
    for (const s of scores) if (s.number === n && s.score >= top - 0.05 && s.score > 0) s.score = Math.min(1, s.score + 0.06);
  }
  return scores
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .map(({ code, score, form }) => ({ code, score, form }));
}

/**
 * Words that split the checklist into twins: the anti-corruption plan and reports beside the agency's own
 * plan and reports ("รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต รอบ 6 เดือน" against "รายงานผลการดำเนินงาน
 * รอบ 6 เดือน"). Scores alone rank such a text close to both twins.
 */
const SUBJECT_KEYS = ['ทุจริต', 'ประพฤติมิชอบ'].map(titleKey);

/**
 * Is `text` on the subject of item `other` and not of item `mine`? It is when it holds a subject word that
 * one of `other`'s titles and variants holds and none of `mine`'s does: a text about corruption prevention
 * that scores close to an item of no such subject is the twin's, however small the lead.
 */
export function onOthersSubject(checklist: Checklist, text: string, other: string, mine: string): boolean {
  const key = titleKey(text);
  const forms = (code: string) => profilesOf(checklist).find((p) => p.code === code)?.forms ?? [];
  return SUBJECT_KEYS.some((w) => key.includes(w) && forms(other).some((f) => f.key.includes(w)) && !forms(mine).some((f) => f.key.includes(w)));
}

export const IDENTIFY_THRESHOLD = 0.62;
const MARGIN = 0.02;

export interface Identification {
  /** The text names this item well enough, and no other item better. */
  ok: boolean;
  score: number;
  /** The item the text names best, when that is another item. */
  other?: ItemScore;
}

/** Does `text` name `code`? */
export function identifies(checklist: Checklist, code: string, text: string, opts: { hint?: number; threshold?: number } = {}): Identification {
  const ranked = scoreItems(checklist, text, opts.hint);
  const mine = ranked.find((r) => r.code === code);
  const score = mine?.score ?? 0;
  const top = ranked[0];
  const threshold = opts.threshold ?? IDENTIFY_THRESHOLD;
  if (top && top.code !== code && top.score > score + MARGIN && top.score >= threshold) {
    return { ok: false, score, other: top };
  }
  return { ok: score >= threshold, score };
}

/** The item a short text names, if any clearly. */
export function bestItem(checklist: Checklist, text: string, hint?: number, threshold = IDENTIFY_THRESHOLD): ItemScore | undefined {
  const ranked = scoreItems(checklist, text, hint);
  const top = ranked[0];
  if (!top || top.score < threshold) return undefined;
  const second = ranked[1];
  if (second && second.score > top.score - 0.005 && hint === undefined) {
    // A genuine tie between two items: let the caller treat it as unclear.
    return undefined;
  }
  return top;
}

export interface HeadMatch {
  code: string;
  index: number;
  end: number;
  exact: boolean;
  form: string;
  /**
   * The title is mentioned, not claimed: words before it on its line tie it to something else ("ประชุม
   * ประชาคมเพื่อทบทวนแผนพัฒนาท้องถิ่น", "รายงานผลการดำเนินงานตามแผนปฏิบัติการ…", "รายงานการติดตามและ
   * ประเมินผลแผนพัฒนา…"). A document is another item only when its title claims that item.
   */
  mention: boolean;
}

// Words that make the title after them an object of something else: a purpose, a source, a subject.
const MENTION_BEFORE = /(?:เพื่อ|ทบทวน|ติดตาม|ประเมินผล|ประเมิน|ตาม|ประกอบ|เกี่ยวกับ|สนับสนุน|ขับเคลื่อน|ภายใต้|อ้างถึง|ต่อ|สู่|ใน|ของ|อบรม)\s*(?:การ)?\s*$/;

// What may open a title line before the title itself: a label or number, "ประกาศ … เรื่อง", the agency's name.
const TITLE_PREFIX =
  /^(?:(?:o|oit|ข้อ)?\s*\d+(?:\.\d+)*\s*[-.:)]?|ประกาศ.{0,80}?เรื่อง|เรื่อง|\(?ร่าง\)?|(?:องค์การบริหารส่วน(?:ตำบล|จังหวัด)|เทศบาล(?:ตำบล|เมือง|นคร)?|อบต\.?|อบจ\.?|ทต\.?|ทม\.?|สำนักงาน|สำนัก|กรม|กอง|โรงพยาบาล|มหาวิทยาลัย|จังหวัด|อำเภอ)\S*|[\s\-–—:|•*]+)+/;
/** Words before a title on its line beyond which it is no longer the line's title but part of a sentence. */
const MAX_LEAD_WORDS = 10;

/** Is the match at `index` of `folded` a mention (see HeadMatch.mention)? */
function isMention(folded: string, index: number, otherHeads: Set<string>): boolean {
  const lineStart = folded.lastIndexOf('\n', index - 1) + 1;
  const before = folded.slice(lineStart, index);
  if (MENTION_BEFORE.test(before)) return true;
  // Mid-sentence ("ประชาชนมีส่วนร่วมแสดงความคิดเห็น…"): a title starts its line, after at most a prefix.
  if (before.replace(TITLE_PREFIX, '').replace(/\s+/g, '').length > MAX_LEAD_WORDS) return true;
  // A line that opens as another kind of document ("รายงาน…", "ประกาศ…") than the item is ("แผน…").
  const head = headOf(titleKey(before));
  return !!head && otherHeads.size > 0 && !otherHeads.has(head) && head !== 'announce';
}

/**
 * Items whose title (or a variant) occurs in the head of a document, in order of appearance. A match
 * contained in a longer match of another item ("มาตรการ…" inside "การดำเนินการตามมาตรการ…") is dropped.
 */
export function itemsInHead(checklist: Checklist, head: string | PreparedText): HeadMatch[] {
  // The same document's head is searched for every item that reaches it: remembered (item-vocabulary.ts).
  if (typeof head === 'string') return memoHeads(checklist, head, itemsInHeadOnce);
  return itemsInHeadOnce(checklist, head);
}

function itemsInHeadOnce(checklist: Checklist, head: string | PreparedText): HeadMatch[] {
  const p = typeof head === 'string' ? prepareText(head) : head;
  const search = headSearchOf(checklist);
  const present = formsPresent(search, p.toneless);
  const profiles = profilesOf(checklist);
  const found: HeadMatch[] = [];
  search.items.forEach((hi, k) => {
    const prof = profiles[k]!; // both follow checklist.items, in order
    let best: HeadMatch | undefined;
    for (const fi of hi.forms) {
      if (!present[fi]) continue; // absent from the toneless head: findTermIn would find nothing
      const t = search.forms[fi]!.text;
      const m = findTermIn(p, t);
      if (!m) continue;
      const index = m.confidence === 'exact' ? m.index : m.confidence === 'spaceless' ? (p.spacelessToFolded[m.index] ?? 0) : (p.tonelessToFolded[m.index] ?? 0);
      const hm: HeadMatch = { code: prof.code, index, end: index + m.matched.length, exact: m.confidence !== 'toneless', form: t, mention: isMention(p.folded, index, prof.heads) };
      // A claim beats a mention of the same item; then the earliest, then the longest.
      const better = !best || (best.mention && !hm.mention) || (best.mention === hm.mention && (hm.index < best.index || (hm.index === best.index && hm.end > best.end)));
      if (better) best = hm;
    }
    if (best) found.push(best);
  });
  const kept = found.filter((a) => !found.some((b) => b !== a && b.index <= a.index && b.end >= a.end && b.end - b.index > a.end - a.index));
  // Qualifier conflict near the match: "…การดำเนินงานประจำปี รอบ 6 เดือน" is not the annual report.
  return kept
    .filter((a) => {
      const prof = profilesOf(checklist).find((x) => x.code === a.code)!;
      if (prof.sixMonth) return true;
      // The qualifier may follow the year: "…ป้องกันการทุจริต ประจำปีงบประมาณ 2565 รอบ 6 เดือน".
      const lineEnd = p.folded.indexOf('\n', a.end);
      // …or the period: "ระหว่างเดือนตุลาคม 2564 ถึงเดือนมีนาคม 2565 (รอบ 6 เดือน)".
      const after = titleKey(p.folded.slice(a.end, Math.min(a.end + 100, lineEnd < 0 ? Infinity : lineEnd))).replace(/(?:ประจำ)?ปี(?:งบประมาณ|งบฯ|งบ)?|พศ|\d{3,4}/g, '');
      return !SIX_MONTH.test(after) && !FIRST_HALF.test(after);
    })
    .sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index));
}

/** Generic link texts that say nothing about the target: the row, heading or document must tell. */
const GENERIC =
  /^(?:ดาวน์?โหลด(?:เอกสาร|ไฟล์)?|download|เปิด(?:ดู|อ่าน)?|คลิก(?:ที่นี่|เลย|ดู)?|click(?:here)?|here|รายละเอียด(?:เพิ่มเติม)?|ดูรายละเอียด|อ่าน(?:ต่อ|เพิ่มเติม)|เพิ่มเติม|ดูเพิ่มเติม|more|readmore|ดู|ดูข้อมูล|ลิงก์|ลิ้งค์|ลิงค์|link|url|ไฟล์|file|pdf|เอกสาร|เอกสารแนบ|ไฟล์แนบ|view|open|แสดง|>>|»|→|คลิกเพื่อดู|กดที่นี่|ที่นี่|ตรวจสอบ|หลักฐาน|เอกสารหลักฐาน)$/i;

export function isGenericLinkText(text: string | undefined): boolean {
  if (!text) return true;
  const t = fold(text).trim();
  if (!t) return true;
  const key = t.replace(/[\s"'()[\].,:;!?|/\\\-–—_+*=#<>]/g, '');
  if (!key) return true;
  if (GENERIC.test(key)) return true;
  if (/^[\w\-. ()%]+\.(pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|rar|7z|txt|csv)$/i.test(t)) return true;
  if (/^https?:\/\//i.test(t) || /^www\./i.test(t)) return true;
  if (/^\d+$/.test(key)) return true;
  return false;
}

export interface RowLike {
  text: string;
  cells?: string[];
  hint?: number;
}

export interface RowIdentification {
  code: string;
  score: number;
  /** Only the label number points at the item: the title text did not decide. */
  numberOnly: boolean;
  quote: string;
}

const URLISH = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * Which item does an index row belong to? The title cell (the first cell that is neither a bare label
 * nor a generic link text) decides; other cells only when it says nothing. A row whose only clue is
 * its label number is matched by number, flagged `numberOnly`.
 */
export function identifyRow(checklist: Checklist, row: RowLike, threshold = IDENTIFY_THRESHOLD): RowIdentification | undefined {
  const firstLabel = (row.cells ?? [row.text]).map(parseItemLabel).find((l) => l.number !== undefined || l.foreign);
  const hint = row.hint ?? (firstLabel?.foreign ? undefined : firstLabel?.number);
  const cells = (row.cells?.length ? row.cells : [row.text]).map((c) => c.trim()).filter((c) => c && !URLISH.test(c));
  const usable = cells.filter((c) => {
    const rest = parseItemLabel(c).rest;
    return titleKey(rest).length >= 2 && !isGenericLinkText(rest);
  });
  const tryText = (t: string) => {
    const ranked = scoreItems(checklist, t, hint);
    const top = ranked[0];
    const second = ranked[1];
    if (!top || top.score < threshold) return undefined;
    if (second && second.score > top.score - 0.005) {
      // A tie the number cannot break: unclear.
      return undefined;
    }
    return { code: top.code, score: top.score, numberOnly: false, quote: t };
  };
  const title = usable[0];
  if (title) {
    const r = tryText(title);
    if (r) return r;
  }
  let best: RowIdentification | undefined;
  for (const c of usable.slice(1)) {
    const r = tryText(c);
    if (r && (!best || r.score > best.score)) best = { ...r, score: r.score * 0.95 };
  }
  if (best) return best;
  if (!row.cells && usable.length === 0) {
    const r = tryText(row.text);
    if (r) return r;
  }
  if (hint !== undefined) {
    const code = `O${hint}`;
    if (checklist.items.some((i) => i.code === code)) {
      // Only when no usable title contradicts the number.
      const contradicted = usable.some((c) => {
        const top = scoreItems(checklist, c)[0];
        return top && top.score >= threshold && top.code !== code;
      });
      if (!contradicted && usable.every((c) => (scoreItems(checklist, c)[0]?.score ?? 0) < 0.45)) {
        return { code, score: 0.4, numberOnly: true, quote: row.text };
      }
    }
  }
  return undefined;
}
