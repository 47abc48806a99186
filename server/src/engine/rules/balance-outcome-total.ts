// In every column of table 三, （七）总计 = the sum of the 办理结果 rows (each application counted once).
import { sumBalanceMessages } from '../messages/balance';
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-outcome-total', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-outcome-total.md',
  name: { 'zh-CN': '办理结果总计', en: 'Total of the outcomes' },
  description: {
    'zh-CN': '第三部分表格各列：（七）总计＝（一）至（六）各项办理结果之和',
    en: 'Part 3 table, each column: total closed = the sum of the outcome rows',
  },
}, sumBalanceMessages);
