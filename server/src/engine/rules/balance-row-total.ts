// R2: in every row of table 三, 总计 = 自然人 + the five kinds of 法人或其他组织.
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-row-total', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-row-total.md',
  description: { 'zh-CN': '表三各行：总计 = 自然人 + 五类法人或其他组织之和', en: 'Table 三, each row: total = natural persons + the five kinds of organisation' },
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
