// R3: in every column of table 三, （七）总计 = the sum of the outcome rows (each application counted once).
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-outcome-total', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-outcome-total.md',
  description: { 'zh-CN': '表三各列：（七）总计 = （一）至（六）各项办理结果之和', en: 'Table 三, each column: total closed = the sum of the outcome rows' },
}, {
  'zh-CN': {
    unbalanced: '{target}应为 {expected}（{terms}），实为 {actual}',
    cannotCheck: '{where}无法核对：{cell}为空白或无效',
  },
  en: {
    unbalanced: '{target} should be {expected} ({terms}), but is {actual}',
    cannotCheck: '{where} could not be checked: {cell} is blank or invalid',
  },
});
