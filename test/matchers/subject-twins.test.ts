import { describe, expect, it } from 'vitest';
import { onOthersSubject } from '../../src/matchers/lib/identify.js';
import { checklistOf } from './ctx.js';

const AC_SIX = 'รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ.2566 รอบ6เดือน';

describe('onOthersSubject: the anti-corruption twin of an item', () => {
  it.each([
    // [year, text, other (the top item), mine]
    [2566, AC_SIX, 'O37', 'O12'],
    [2565, 'รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ.2565 รอบ6เดือน', 'O40', 'O11'],
    [2565, 'แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2565', 'O39', 'O10'],
    [2567, 'รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ.2567 รอบ 6 เดือน', 'O37', 'O12'],
  ])('%i "%s" is on %s\'s subject, not %s\'s', (year, text, other, mine) => expect(onOthersSubject(checklistOf(year), text, other, mine)).toBe(true));

  it.each([
    // No subject word in the text: scores decide as before.
    [2566, 'รายงานผลการดำเนินงานและการใช้จ่ายงบประมาณ รอบ 6 เดือน', 'O37', 'O12'],
    // Both items speak of corruption (the six-month and the annual anti-corruption report).
    [2566, AC_SIX, 'O37', 'O38'],
    // The top item is the one without the subject: the rule never leans away from the subject.
    [2566, AC_SIX, 'O12', 'O37'],
    // A subject word the other item's titles do not hold ("ประพฤติมิชอบ" is not in O37's) does not count.
    [2566, 'รายงานการกำกับติดตามการดำเนินการป้องกันการประพฤติมิชอบ รอบ 6 เดือน', 'O37', 'O12'],
  ])('%i "%s" is not taken from %s by subject against %s', (year, text, other, mine) => expect(onOthersSubject(checklistOf(year), text, other, mine)).toBe(false));
});
