// 勾稽关系 as the template prints it above table 三: in every column, 第一项加第二项之和，等于第三项加第四项之和
// (一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理).
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-carryover', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-carryover.md',
  name: { 'zh-CN': '第三部分表格勾稽关系', en: 'Carry-over balance of the part 3 table' },
  description: {
    'zh-CN': '第三部分表格各列：一、本年新收＋二、上年结转＝（七）总计＋四、结转下年度继续办理',
    en: 'Part 3 table, each column: received + carried over = total closed + carried forward',
  },
}, {
  'zh-CN': {
    unbalanced: '“{column}”列勾稽关系不符：第一项加第二项之和为 {left}（{leftTerms}），第三项加第四项之和为 {right}（{rightTerms}），请核对各项',
    suspect: '“{column}”列勾稽关系不符：第一项加第二项之和为 {left}（{leftTerms}），第三项加第四项之和为 {right}（{rightTerms}）；其中{cell}填写 {cellActual}，与它自己的各项之和 {cellExpected} 也不符，请先核对该格',
    negative: '“{column}”列勾稽关系不符：第三项（{minusTerms}）已大于第一项加第二项之和 {left}（{leftTerms}），请核对各项',
    cannotCheck: '{cell}未填写或不是数字，“{column}”列的勾稽关系暂无法核对',
    fix: '{target}改为 {value}（第一项加第二项之和减去第三项，请先核对各项）',
    fixAll: '本文档 {n} 处“四、结转下年度继续办理”全部按勾稽关系改正（请先核对各项）',
  },
  en: {
    unbalanced: 'Column “{column}” does not balance: received plus carried over is {left} ({leftTerms}), closed plus carried forward is {right} ({rightTerms}): check the items',
    suspect: 'Column “{column}” does not balance: received plus carried over is {left} ({leftTerms}), closed plus carried forward is {right} ({rightTerms}); {cell} is {cellActual} while its own items add up to {cellExpected}: check that cell first',
    negative: 'Column “{column}” does not balance: the total closed ({minusTerms}) is larger than received plus carried over, {left} ({leftTerms}): check the items',
    cannotCheck: 'The balance of column “{column}” cannot be checked yet: {cell} is blank or not a number',
    fix: 'Change {target} to {value} (received plus carried over, less closed; check the items first)',
    fixAll: 'Correct all {n} figures carried forward of this document by the balance (check the items first)',
  },
});
