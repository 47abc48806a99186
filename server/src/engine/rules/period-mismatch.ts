// The 统计期限 is the calendar year of the report: 自Y年1月1日起至Y年12月31日止, Y = the title's year.
import { format } from '../messages';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'period-mismatch', severity: 'warning', fixable: true, docs: 'docs/rules/period-mismatch.md',
    description: { 'zh-CN': '标题年份、统计期限与报告年度不一致，或统计期限不是1月1日至12月31日', en: 'Title year, statistical period and report year disagree, or the period is not 1 Jan – 31 Dec' },
  },
  messages: {
    'zh-CN': {
      year: '统计期限的年份（{period}年）与报告年度（{year}年，见标题）不一致',
      span: '统计期限应为一个完整的自然年：自{year}年1月1日起至{year}年12月31日止',
    },
    en: {
      year: 'The statistical period\'s year ({period}) differs from the report year ({year}, from the title)',
      span: 'The statistical period should be one calendar year: 1 January to 31 December {year}',
    },
  },
  check(ctx) {
    const { report } = ctx.parsed;
    const p = report.period;
    if (!p) return;
    const year = report.year ?? p.to.year;
    const canonical = `自${year}年1月1日起至${year}年12月31日`;
    const fix = { title: format(ctx.locale, 'fix.period', { period: canonical }), edits: [{ range: p.range, newText: canonical }], safe: false };
    if (report.yearSource === 'title' && (p.from.year !== year || p.to.year !== year)) {
      ctx.report({ range: p.range, message: 'year', args: { period: p.from.year !== year ? p.from.year : p.to.year, year }, fixes: [fix] });
    } else if (p.from.year !== p.to.year || p.from.month !== 1 || p.from.day !== 1 || p.to.month !== 12 || p.to.day !== 31) {
      ctx.report({ range: p.range, message: 'span', args: { year }, fixes: [fix] });
    }
  },
};
