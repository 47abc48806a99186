// The words of the three balance rules that check a total against the sum of its items (row totals, 办理结果
// totals, table 四's totals): the figure as written first, then the sum, and no presumption about which is wrong.
import type { Catalogue } from './index';

export const sumBalanceMessages: Catalogue = {
  'zh-CN': {
    unbalanced: '{target}填写 {actual}，各项之和为 {expected}（{terms}），请核对合计或各项',
    suspect: '{target}填写 {actual}，各项之和为 {expected}（{terms}）；其中{cell}填写 {cellActual}，与它自己的各项之和 {cellExpected} 也不符，请先核对该格',
    negative: '{target}填写 {actual}，按各项算出的合计为负数（{expected}），请核对各项',
    cannotCheck: '{cell}未填写或不是数字，{target}暂无法核对',
    fix: '{target}改为各项之和 {value}（请先核对各项）',
    fixAll: '本文档 {n} 处合计全部改为各项之和（请先核对各项）',
  },
  en: {
    unbalanced: '{target} is {actual}, but its items add up to {expected} ({terms}): check the total or the items',
    suspect: '{target} is {actual}, but its items add up to {expected} ({terms}); {cell} is {cellActual} while its own items add up to {cellExpected}: check that cell first',
    negative: '{target} is {actual}, and its items give a negative total ({expected}): check the items',
    cannotCheck: '{target} cannot be checked yet: {cell} is blank or not a number',
    fix: 'Change {target} to the sum of its items, {value} (check the items first)',
    fixAll: 'Change all {n} totals of this document to the sums of their items (check the items first)',
  },
};
