// In every row of table 三, 总计 = 自然人 + the five kinds of 法人或其他组织.
import { sumBalanceMessages } from '../messages/balance';
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-row-total', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-row-total.md',
  name: { 'zh-CN': '第三部分表格各行总计', en: 'Row totals of the part 3 table' },
  description: {
    'zh-CN': '第三部分表格各行：总计＝自然人与五类法人或其他组织之和',
    en: 'Part 3 table, each row: total = natural persons + the five kinds of organisation',
  },
}, sumBalanceMessages);
