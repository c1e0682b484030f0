/**
 * The checklist forms searched in a document's head (identify.ts itemsInHead), prepared once per
 * checklist, and a single pass over a head that tells which of them occur in it at all.
 *
 * Verifying a big site's candidates searches thousands of distinct heads (every news page a candidate
 * lists) for each of a checklist's ~250 title forms. Which forms to search depends only on the
 * checklist, so it is worked out once here; and since a form that does not occur in the head's toneless
 * text cannot match in any stricter form either (findTermIn), one scan of the head, bucketed by each
 * form's first two characters, leaves only the forms worth the full search. The outcome is exactly
 * `findTermIn(head, form) !== null` for every form: a filter, never a decision.
 */
import type { Checklist, ChecklistItem } from '../../checklist/schema.js';
import { foldTerm } from '../../text/fold.js';

export interface HeadForm {
  /** The form as written in the checklist (what findTermIn is given and a quote shows). */
  text: string;
  /** Its toneless comparison form (fold, no spaces, no tone marks): what must occur for any match. */
  toneless: string;
}

export interface HeadItem {
  code: string;
  /** The item's forms in the order they are tried; indexes into HeadSearch.forms. */
  forms: number[];
}

export interface HeadSearch {
  items: HeadItem[];
  forms: HeadForm[];
  /** Forms of two or more characters by their first two characters' codes. */
  byFirstPair: Map<number, number[]>;
  /** Forms of one character (searched with indexOf). */
  single: number[];
}

const pairKey = (a: number, b: number) => a * 0x10000 + b;

/** `keep(item, text)` decides which of an item's texts are searched (identify.ts filters by key). */
export function buildHeadSearch(
  checklist: Checklist,
  textsOf: (item: ChecklistItem) => string[],
  keep: (code: string, text: string) => boolean,
): HeadSearch {
  const forms: HeadForm[] = [];
  const byFirstPair = new Map<number, number[]>();
  const single: number[] = [];
  const items = checklist.items.map((item) => {
    const mine: number[] = [];
    for (const text of textsOf(item)) {
      if (!keep(item.code, text)) continue;
      // The very form findTermIn looks for first: a form absent in it is absent in every form.
      const { toneless } = foldTerm(text);
      const i = forms.length;
      forms.push({ text, toneless });
      mine.push(i);
      if (toneless.length === 0) continue; // never found (findTermIn returns null for it)
      if (toneless.length === 1) {
        single.push(i);
        continue;
      }
      const k = pairKey(toneless.charCodeAt(0), toneless.charCodeAt(1));
      const bucket = byFirstPair.get(k);
      if (bucket) bucket.push(i);
      else byFirstPair.set(k, [i]);
    }
    return { code: item.code, forms: mine };
  });
  return { items, forms, byFirstPair, single };
}

/** Which forms occur in `toneless` (a PreparedText's toneless text): 1 at a form's index when it does. */
export function formsPresent(search: HeadSearch, toneless: string): Uint8Array {
  const found = new Uint8Array(search.forms.length);
  for (const i of search.single) if (toneless.indexOf(search.forms[i]!.toneless) >= 0) found[i] = 1;
  for (let at = 0; at + 1 < toneless.length; at++) {
    const bucket = search.byFirstPair.get(pairKey(toneless.charCodeAt(at), toneless.charCodeAt(at + 1)));
    if (!bucket) continue;
    for (const i of bucket) if (!found[i] && toneless.startsWith(search.forms[i]!.toneless, at)) found[i] = 1;
  }
  return found;
}
