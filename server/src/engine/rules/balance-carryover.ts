// R1, printed in the template: 一 + 二 = （七）总计 + 四 in every column of table 三.
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-carryover', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-carryover.md',
  description: { 'zh-CN': '表三各列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度', en: 'Table 三, each column: received + carried over = total closed + carried forward' },
}, {
  'zh-CN': {
    unbalanced: '{target}应为 {expected}（{terms}），实为 {actual}',
    cannotCheck: '{where}的结转关系无法核对：{cell}为空白或无效',
  },
  en: {
    unbalanced: '{target} should be {expected} ({terms}), but is {actual}',
    cannotCheck: 'The carry-over balance of {where} could not be checked: {cell} is blank or invalid',
  },
});
