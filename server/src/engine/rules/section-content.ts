// What the template asks of two parts' text (spec §3): part 五 (problems and improvements) must not be empty nor
// without substance ("无", a sentence or two of boilerplate under `partFiveMinLength` characters), and under the
// 2021 template part 六 states the 信息处理费 charged, or that none was.
import { partNumeral } from '../messages';
import type { Rule } from './rule';

const FEE = /信息处理费|处理费|收费|费用/;
/** Characters (white space aside) below which part 五 says nothing of substance: see the rule's page. */
export const PART_FIVE_MIN_LENGTH = 60;
const QUOTE = 24;
const PROMPT_ONLY = /^(?:【[^】]*】)+$/;

export const rule: Rule = {
  meta: {
    id: 'section-content', severity: 'warning', fixable: false, docs: 'docs/rules/section-content.md',
    name: { 'zh-CN': '部分内容', en: 'Content of a part' },
    otherLevels: { 'zh-CN': '信息处理费：信息', en: 'information-processing fee: info' },
    description: { 'zh-CN': '第五部分为空或没有实际内容，或2021年版格式报告的第六部分未说明信息处理费', en: 'Part 5 is empty or says nothing of substance, or part 6 of a report in the 2021 template does not state the information-processing fee' },
  },
  messages: {
    'zh-CN': {
      empty: '第{n}部分“存在的主要问题及改进情况”不得为空',
      thin: '第{n}部分“存在的主要问题及改进情况”只有 {length} 个字（“{quote}”），应写明本年度工作中存在的主要问题和采取的改进措施',
      fee: '2021年版格式要求第{six}部分说明信息处理费的收取情况（未收取也应写明）',
    },
    en: {
      empty: 'Part {n} (main problems and improvements) must not be empty',
      thin: 'Part {n} (main problems and improvements) has only {length} characters (“{quote}”): it should state the year\'s main problems and the measures taken',
      fee: 'The 2021 template asks part {six} to state the information-processing fees charged (or that none were)',
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
    // Counted and quoted as written, white space (and invisible characters) aside.
    const body = five ? bodyText(five).replace(/\s+/g, '') : '';
    const min = ctx.options.partFiveMinLength ?? PART_FIVE_MIN_LENGTH;
    if (five && body === '') ctx.report({ range: five.heading.range, message: 'empty', args: { n: partNumeral(5, ctx.locale) } });
    // A new report's prompt (【请写明…】, skeleton.ts) is the writer's to replace, not a text to judge.
    else if (five && body.length < min && !PROMPT_ONLY.test(body)) {
      const quote = body.length > QUOTE ? `${body.slice(0, QUOTE)}…` : body;
      ctx.report({ range: five.heading.range, message: 'thin', args: { n: partNumeral(5, ctx.locale), length: body.length, quote } });
    }
    const six = report.parts.find((p) => p.number === 6);
    if (six && ctx.template?.id === 'T2021' && !FEE.test(bodyText(six))) ctx.report({ range: six.heading.range, message: 'fee', args: { six: partNumeral(6, ctx.locale) }, severity: 'info' });
  },
};
