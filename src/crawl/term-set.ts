/**
 * A fixed list of folded terms, searched in a text in one pass. The crawl asks of every link's words
 * which checklist terms they contain (a few hundred terms, tens of thousands of links on a portal):
 * testing each term with `includes` was most of the priority model's time. Terms are bucketed by
 * their first two characters, so each position of the text is checked only against the terms that can
 * start there. A term with a pattern (a Latin word that must stand alone) is tested by its pattern.
 * `has(words)` equals `terms.some(includes or pattern)`; `matches(words)` lists the same terms in order.
 */
export interface Term {
  t: string;
  re?: RegExp;
}

export class TermSet {
  private readonly byPair = new Map<number, number[]>();
  /** Terms tested directly: a pattern, or too short to bucket. */
  private readonly direct: number[] = [];

  constructor(readonly terms: readonly Term[]) {
    terms.forEach(({ t, re }, i) => {
      if (re || t.length < 2) return void this.direct.push(i);
      const key = pairAt(t, 0);
      const bucket = this.byPair.get(key);
      if (bucket) bucket.push(i);
      else this.byPair.set(key, [i]);
    });
  }

  has(words: string): boolean {
    for (const i of this.direct) if (this.test(i, words)) return true;
    for (let p = 0; p + 1 < words.length; p++) {
      const bucket = this.byPair.get(pairAt(words, p));
      if (bucket) for (const i of bucket) if (words.startsWith(this.terms[i]!.t, p)) return true;
    }
    return false;
  }

  /** The terms `words` contains, in the order they were given. */
  matches(words: string): Term[] {
    const hit = new Set<number>();
    for (const i of this.direct) if (this.test(i, words)) hit.add(i);
    for (let p = 0; p + 1 < words.length; p++) {
      const bucket = this.byPair.get(pairAt(words, p));
      if (bucket) for (const i of bucket) if (!hit.has(i) && words.startsWith(this.terms[i]!.t, p)) hit.add(i);
    }
    return [...hit].sort((a, b) => a - b).map((i) => this.terms[i]!);
  }

  private test(i: number, words: string): boolean {
    const { t, re } = this.terms[i]!;
    return re ? re.test(words) : words.includes(t);
  }
}

const pairAt = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
