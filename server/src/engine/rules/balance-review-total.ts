// In table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each of its three groups.
import { sumBalanceMessages } from '../messages/balance';
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-review-total', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-review-total.md',
  name: { 'zh-CN': '复议诉讼总计', en: 'Totals of reconsideration and litigation' },
  description: {
    'zh-CN': '第四部分表格：总计＝结果维持＋结果纠正＋其他结果＋尚未审结（行政复议、未经复议直接起诉、复议后起诉分别核对）',
    en: 'Part 4 table: total = upheld + corrected + other outcome + pending, for reconsideration and each kind of lawsuit',
  },
}, sumBalanceMessages);
