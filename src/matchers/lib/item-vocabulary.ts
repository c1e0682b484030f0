/**
 * Which items can a text possibly name? An inverted index over the character bigrams of every
 * comparison form of a checklist's items (identify.ts `profilesOf`: titles, variants, derived halves),
 * built at run time from the checklist, so it follows every title variant added to a checklist file.
 *
 * Why: a big site has tens of thousands of distinct link texts and page titles, and scoring each one
 * against every form of every item was most of the judgement's time (docs/scale.md). With the index a
 * text's bigrams are looked up once and each form's shared-bigram count is added up from the postings;
 * a form whose count makes its score surely lower than the caller's floor is not scored at all.
 *
 * The filter only leaves out, never decides: `itemsReaching` returns every item whose score could reach
 * the floor, computed as an UPPER BOUND of identify.ts `formScore`:
 * - a form contained in the text (or the text in the form, or the toneless text containing the toneless
 *   form) shares ALL of the shorter one's bigrams; any form that does is kept whatever its bound;
 * - otherwise formScore is its fuzzy part, 0.85 × (0.55 × containment + 0.45 × Dice) of the shared
 *   bigram count, which the index computes exactly; item penalties only lower a score.
 * test/matchers/item-vocabulary.test.ts checks the bound against formScore itself, and the filtered
 * scoring against the unfiltered one, so a change to the scoring that breaks the bound fails there.
 */
import { stripTones } from '../../text/fold.js';
import type { Checklist } from '../../checklist/schema.js';
import type { HeadMatch, ItemProfile, ItemScore } from './identify.js';

interface FormEntry {
  /** Index of the form's item in the profiles. */
  item: number;
  /** Length of the form's key (F) and of its toneless key. */
  len: number;
  tonelessLen: number;
}

interface Vocabulary {
  forms: FormEntry[];
  /** bigram (two UTF-16 units as one number) of a form key → [form index, count in the form, …] */
  keyPostings: Map<number, number[]>;
  /** bigram of a toneless form key → [form index, count, …] */
  tonelessPostings: Map<number, number[]>;
  codes: string[];
  /** Forms too short to have a bigram (none today: identify.ts keeps forms of 2 characters or more). */
  always: number[];
  /** Scratch: per form, the bigrams it shares with the current text; the forms touched (reset after each use). */
  shared: Int32Array;
  sharedToneless: Int32Array;
  touched: Uint8Array;
  touchedList: number[];
}

/**
 * A string's bigrams as numbers, sorted, so that equal bigrams are adjacent (counted without a Map). With
 * `into` (a buffer big enough), they are written there and a view of it is returned: nothing is allocated.
 */
function sortedBigrams(s: string, into?: Float64Array): Float64Array {
  const n = Math.max(0, s.length - 1);
  const out = into ? into.subarray(0, n) : new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  return out.sort();
}

/** Calls `each(bigram, count)` for every distinct bigram of a string. */
function eachBigram(s: string, each: (g: number, n: number) => void): void {
  const g = sortedBigrams(s);
  for (let i = 0; i < g.length; ) {
    let j = i + 1;
    while (j < g.length && g[j] === g[i]) j++;
    each(g[i]!, j - i);
    i = j;
  }
}

function post(index: Map<number, number[]>, key: string, form: number): void {
  eachBigram(key, (g, n) => {
    let list = index.get(g);
    if (!list) index.set(g, (list = []));
    list.push(form, n);
  });
}

const cache = new WeakMap<readonly ItemProfile[], Vocabulary>();

function vocabularyOf(profiles: readonly ItemProfile[]): Vocabulary {
  const hit = cache.get(profiles);
  if (hit) return hit;
  const forms: FormEntry[] = [];
  const keyPostings = new Map<number, number[]>();
  const tonelessPostings = new Map<number, number[]>();
  const always: number[] = [];
  profiles.forEach((p, item) => {
    for (const f of p.forms) {
      const id = forms.length;
      forms.push({ item, len: f.key.length, tonelessLen: f.toneless.length });
      post(keyPostings, f.key, id);
      post(tonelessPostings, f.toneless, id);
      if (f.key.length < 2 || f.toneless.length < 2) always.push(id);
    }
  });
  const v: Vocabulary = {
    forms,
    keyPostings,
    tonelessPostings,
    codes: profiles.map((p) => p.code),
    always,
    shared: new Int32Array(forms.length),
    sharedToneless: new Int32Array(forms.length),
    touched: new Uint8Array(forms.length),
    touchedList: [],
  };
  cache.set(profiles, v);
  return v;
}

/** Scratch for a text's sorted bigrams: every distinct text of a site passes here, so none is allocated per text. */
let scratch = new Float64Array(256);

/** Adds, per form, the bigrams it shares with the text (Σ min(count in text, count in form)). */
function addShared(v: Vocabulary, postings: Map<number, number[]>, text: string, into: Int32Array): void {
  if (scratch.length < text.length) scratch = new Float64Array(text.length * 2);
  const g = sortedBigrams(text, scratch);
  const len = g.length;
  // The runs of equal bigrams are walked here rather than through eachBigram: a callback per bigram of
  // every distinct text of a site was a measurable part of candidate finding.
  const { touched, touchedList } = v;
  for (let i = 0; i < len; ) {
    let j = i + 1;
    while (j < len && g[j] === g[i]) j++;
    const n = j - i;
    const list = postings.get(g[i]!);
    i = j;
    if (!list) continue;
    for (let k = 0; k < list.length; k += 2) {
      const form = list[k]!;
      into[form]! += Math.min(n, list[k + 1]!);
      if (!touched[form]) {
        touched[form] = 1;
        touchedList.push(form);
      }
    }
  }
}

/**
 * The highest score formScore could give a text (already keyed: identify.ts titleKey) against a form
 * that shares `common` key bigrams and `commonToneless` toneless bigrams with it.
 */
function formBound(textLen: number, f: FormEntry, common: number, commonToneless: number): number {
  // A containment either way (exact, toneless, or the text inside the form): scored in full.
  if (common >= f.len - 1) return 1;
  if (textLen >= 2 && common >= textLen - 1) return 1;
  if (f.tonelessLen >= 2 && commonToneless >= f.tonelessLen - 1) return 1;
  // Otherwise only formScore's fuzzy part can score, and not for keys shorter than 4.
  if (textLen < 4 || f.len < 4) return 0;
  const containment = common / (f.len - 1);
  const dice = (2 * common) / (f.len - 1 + textLen - 1);
  return 0.85 * (0.55 * containment + 0.45 * dice);
}

/**
 * Codes of the items whose score for `key` (a titleKey) could be `floor` or more; every other item
 * would score below `floor` (before the label number's near-tie bonus), so it need not be scored.
 */
export function itemsReaching(profiles: readonly ItemProfile[], key: string, floor: number): Set<string> {
  const v = vocabularyOf(profiles);
  if (floor <= 0) return new Set(v.codes);
  const { shared, sharedToneless, touched, touchedList } = v;
  addShared(v, v.keyPostings, key, shared);
  addShared(v, v.tonelessPostings, stripTones(key), sharedToneless);
  for (const i of v.always) {
    if (touched[i]) continue;
    touched[i] = 1;
    touchedList.push(i);
  }
  // Any other form shares no bigram with the text, and formBound of two zero counts is 0.
  const out = new Set<string>();
  for (const i of touchedList) {
    const f = v.forms[i]!;
    if (formBound(key.length, f, shared[i]!, sharedToneless[i]!) >= floor) out.add(v.codes[f.item]!);
    shared[i] = 0;
    sharedToneless[i] = 0;
    touched[i] = 0;
  }
  touchedList.length = 0;
  return out;
}

/** Scored texts remembered per checklist; the memo is emptied when it reaches this many. */
const MEMO_MAX_ENTRIES = 5_000;
const memos = new WeakMap<Checklist, Map<string, ItemScore[]>>();

/**
 * `score(checklist, text, hint, floor)`, remembered: judging a big site scores the same texts again and
 * again (a CMS heading on every news page, the same link text on candidate after candidate, each pass
 * of a stored scan's judgement). Scores are pure in their arguments; callers get copies, so the memo
 * cannot change. Candidate finding's calls (with a floor, over every distinct text of the site once) are
 * not remembered here: candidates.ts keeps their outcome, and the memo stays small.
 */
export function memoScores(
  checklist: Checklist,
  text: string,
  hint: number | undefined,
  floor: number | undefined,
  score: (checklist: Checklist, text: string, hint?: number, floor?: number) => ItemScore[],
  remember = floor === undefined,
): ItemScore[] {
  if (!remember) return score(checklist, text, hint, floor);
  let memo = memos.get(checklist);
  if (!memo) memos.set(checklist, (memo = new Map()));
  const key = `${hint ?? ''}|${floor ?? ''}|${text}`;
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    hit = score(checklist, text, hint, floor);
    memo.set(key, hit);
  }
  return hit.map((s) => ({ ...s }));
}

/** Document heads remembered per checklist; emptied when it reaches this many (a head is up to a few KB). */
const HEAD_MEMO_MAX_ENTRIES = 500;
const headMemos = new WeakMap<Checklist, Map<string, HeadMatch[]>>();

/**
 * `find(checklist, head)` (identify.ts itemsInHead), remembered: verifying a site's candidates reaches
 * the same documents for item after item, and their heads are searched for every item's title each
 * time. The search is pure in its arguments; callers get copies.
 */
export function memoHeads(checklist: Checklist, head: string, find: (checklist: Checklist, head: string) => HeadMatch[]): HeadMatch[] {
  let memo = headMemos.get(checklist);
  if (!memo) headMemos.set(checklist, (memo = new Map()));
  let hit = memo.get(head);
  if (!hit) {
    if (memo.size >= HEAD_MEMO_MAX_ENTRIES) memo.clear();
    hit = find(checklist, head);
    memo.set(head, hit);
  }
  return hit.map((m) => ({ ...m }));
}
