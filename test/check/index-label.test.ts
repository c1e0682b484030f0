import { describe, expect, it } from 'vitest';
import { isIndexLabel } from '../../src/check/index-page.js';
import { checklistOf } from '../matchers/ctx.js';

const labels = checklistOf(2569).indexPageLabels;

describe('ITA index labels', () => {
  it.each([
    'ITA',
    'ITA 2566',
    'OIT 66',
    '(ITA)',
    'ITA - การประเมินคุณธรรมและความโปร่งใส',
    'ศูนย์ข้อมูล ITA',
    'ข้อมูล ITA ปี 2569',
    'การเปิดเผยข้อมูล OIT ประจำปีงบประมาณ พ.ศ. 2569',
    'การประเมินคุณธรรมและความโปร่งใส ประจำปี 2569',
    'การเปิดเผยข้อมูลสาธารณะ (OIT)',
  ])('"%s" names the index', (text) => expect(isIndexLabel(text, labels)).toBe(true));

  // Thai letters are not punctuation: ITA inside a Thai sentence is an item's title, not the index.
  it.each([
    'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร',
    'การนำผลการประเมิน ITA ไปพัฒนาองค์กร',
    'รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) และแนวทางการพัฒนาองค์กร ปีงบประมาณ 2569',
    'แนวทางการพัฒนาองค์กรจากผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ.2567',
    'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    'MOIT 4 การเปิดเผยข้อมูล',
    'ITA-VEC',
    // The assessment's results page (2569's O25 evidence on some sites), not the list of items.
    'ผลการประเมิน ITA',
    'ผลการประเมิน ITA ประจำปี 2568',
    'ผลคะแนน ITA 2568',
  ])('"%s" does not', (text) => expect(isIndexLabel(text, labels)).toBe(false));
});
