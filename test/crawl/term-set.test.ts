import { describe, expect, it } from 'vitest';
import { loadAllChecklists } from '../../src/checklist/load.js';
import { vocabularyFrom } from '../../src/crawl/priority.js';
import { TermSet, type Term } from '../../src/crawl/term-set.js';
import { foldSpaceless } from '../../src/text/fold.js';

const naiveHas = (terms: readonly Term[], words: string) => terms.some(({ t, re }) => (re ? re.test(words) : words.includes(t)));
const naiveMatches = (terms: readonly Term[], words: string) => terms.filter(({ t, re }) => (re ? re.test(words) : words.includes(t)));

describe('TermSet finds exactly the terms a scan of every term finds', () => {
  it('table: Thai terms anywhere, Latin words standing alone, one-character terms, overlaps', () => {
    const terms: Term[] = [{ t: 'แผนการดำเนินงาน' }, { t: 'แผนการ' }, { t: 'ita', re: /(^|[^a-z])ita([^a-z]|$)/ }, { t: 'ก' }, { t: 'งานงาน' }];
    const set = new TermSet(terms);
    const rows: Array<[string, string[]]> = [
      ['รายงานแผนการดำเนินงานประจำปี', ['แผนการดำเนินงาน', 'แผนการ', 'ก']],
      ['capital', []],
      ['ผลการประเมินita2568', ['ita', 'ก']],
      ['งานงานงาน', ['งานงาน']],
      ['แผนกา', ['ก']],
      ['แผนการดำเนิน', ['แผนการ', 'ก']],
      ['', []],
    ];
    for (const [words, want] of rows) {
      expect(set.matches(words).map((m) => m.t), words).toEqual(want);
      expect(set.has(words), words).toBe(want.length > 0);
    }
  });

  it('every year\'s checklist vocabulary, on its own titles and variants cut and joined', () => {
    let checked = 0;
    for (const { checklist } of loadAllChecklists()) {
      const vocab = vocabularyFrom(checklist);
      const latin = /^[a-z0-9 &.+-]+$/;
      const prep = (t: string): Term => (latin.test(t) ? { t, re: new RegExp(`(^|[^a-z])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`) } : { t });
      for (const list of [vocab.itemTerms, vocab.indexTerms, vocab.sectionTerms ?? []]) {
        const terms = list.map(prep);
        const set = new TermSet(terms);
        const texts = checklist.items.flatMap((i) => [i.title, ...i.variants]).map(foldSpaceless);
        const samples = texts.flatMap((t, k) => [t, t.slice(3), t.slice(0, -4), `${t}${texts[(k + 7) % texts.length]}`, `xx${t.slice(5, 25)}ita`]);
        for (const words of samples) {
          expect(set.matches(words), words).toEqual(naiveMatches(terms, words));
          expect(set.has(words), words).toBe(naiveHas(terms, words));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
