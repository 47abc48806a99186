// R4: in table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each of its three groups.
import { balanceRule } from './balance';

export const rule = balanceRule({
  id: 'balance-review-total', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/balance-review-total.md',
  description: { 'zh-CN': '表四：总计 = 维持 + 纠正 + 其他结果 + 尚未审结（复议、两类诉讼分别核对）', en: 'Table 四: total = upheld + corrected + other + pending, per group' },
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
