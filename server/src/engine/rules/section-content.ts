// What the template asks of two parts' text (spec §3): part 五 (problems and improvements) must not be empty,
// and under the 2021 template part 六 states the 信息处理费 charged, or that none was.
import { partNumeral } from '../messages';
import type { Rule } from './rule';

const FEE = /信息处理费|处理费|收费|费用/;

export const rule: Rule = {
  meta: {
    id: 'section-content', severity: 'warning', fixable: false, docs: 'docs/rules/section-content.md',
    name: { 'zh-CN': '部分内容', en: 'Content of a part' },
    description: { 'zh-CN': '第五部分为空，或2021年版格式报告的第六部分未说明信息处理费', en: 'Part 5 is empty, or part 6 of a report in the 2021 template does not state the information-processing fee' },
  },
  messages: {
    'zh-CN': {
      empty: '第{n}部分“存在的主要问题及改进情况”不得为空',
      fee: '2021年版格式要求第{n}部分说明信息处理费的收取情况（未收取也应写明）',
    },
    en: {
      empty: 'Part {n} (main problems and improvements) must not be empty',
      fee: 'The 2021 template asks part {n} to state the information-processing fees charged (or that none were)',
    },
  },
  check(ctx) {
    const { report, index } = ctx.parsed;
    const bodyText = (p: (typeof report.parts)[number]) => {
      if (p.bodyRange.start.line <= p.heading.range.start.line) return '';
      const out: string[] = [];
      for (let i = p.bodyRange.start.line; i <= p.bodyRange.end.line; i++) out.push(index.line(i));
      return out.join('\n').trim();
    };
    const five = report.parts.find((p) => p.number === 5);
    if (five && bodyText(five) === '') ctx.report({ range: five.heading.range, message: 'empty', args: { n: partNumeral(5, ctx.locale) } });
    const six = report.parts.find((p) => p.number === 6);
    if (six && ctx.template?.id === 'T2021' && !FEE.test(bodyText(six))) ctx.report({ range: six.heading.range, message: 'fee', args: { n: partNumeral(6, ctx.locale) }, severity: 'info' });
  },
};
