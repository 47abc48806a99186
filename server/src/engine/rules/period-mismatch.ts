// The 统计期限 is the calendar year of the report: 自Y年1月1日起至Y年12月31日止, Y = the title's year.
// It must be stated, readable, and agree with the title.
import type { Period, Range } from '../types';
import type { Rule, RuleContext } from './rule';

export const rule: Rule = {
  meta: {
    id: 'period-mismatch', severity: 'warning', fixable: 'suggestion', docs: 'docs/rules/period-mismatch.md',
    name: { 'zh-CN': '统计期限', en: 'Statistical period' },
    description: {
      'zh-CN': '标题年份、统计期限与报告年度不一致，统计期限不是1月1日至12月31日、无法识别或未写明',
      en: 'Title year, statistical period and report year disagree, or the period is not 1 Jan – 31 Dec, unreadable or not stated',
    },
  },
  messages: {
    'zh-CN': {
      year: '统计期限的年份（{period}年）与报告年度（{year}年，见标题）不一致',
      span: '统计期限为{from}至{to}，不是完整的公历年度：应为自{year}年1月1日起至{year}年12月31日止',
      malformed: '统计期限“{written}”中的日期无法识别（年、月、日的数字连在一起或缺失）',
      absent: '报告没有写明统计期限（通常在开头说明：“本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”）',
      date: '{year}年{month}月{day}日',
      fix: '统计期限改为“{period}”',
      fixAll: '本文档 {n} 处统计期限全部改为完整的公历年度',
    },
    en: {
      year: 'The year of the statistical period ({period}) differs from the report year ({year}, from the title)',
      span: 'The statistical period runs from {from} to {to}, not a whole calendar year: it should be 1 January to 31 December {year}',
      malformed: 'The dates of the statistical period “{written}” cannot be read (figures of year, month and day run together or missing)',
      absent: 'The report states no statistical period (usually in its opening: “本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”)',
      date: '{year}-{month}-{day}',
      fix: 'Change the statistical period to “{period}”',
      fixAll: 'Change all {n} statistical periods of this document to the whole calendar year',
    },
  },
  check(ctx) {
    const { report } = ctx.parsed;
    const p = report.period;
    if (p) checkPeriod(ctx, p);
    else if (report.periodProblem?.kind === 'malformed') checkMalformed(ctx, report.periodProblem.range);
    else if (report.periodProblem?.kind === 'absent') checkAbsent(ctx);
  },
};

function canonical(year: number): string {
  return `自${year}年1月1日起至${year}年12月31日`;
}

function periodFix(ctx: RuleContext, range: Range, year: number) {
  return { title: ctx.t('fix', { period: canonical(year) }), edits: [{ range, newText: canonical(year) }], safe: false };
}

function checkPeriod(ctx: RuleContext, p: Period): void {
  const { report } = ctx.parsed;
  const year = report.year ?? p.to.year;
  const fixes = [periodFix(ctx, p.range, year)];
  if (report.yearSource === 'title' && (p.from.year !== year || p.to.year !== year)) {
    ctx.report({ range: p.range, message: 'year', args: { period: p.from.year !== year ? p.from.year : p.to.year, year }, fixes });
  } else if (p.from.year !== p.to.year || p.from.month !== 1 || p.from.day !== 1 || p.to.month !== 12 || p.to.day !== 31) {
    const date = (d: Period['from']) => ctx.t('date', d);
    ctx.report({ range: p.range, message: 'span', args: { year, from: date(p.from), to: date(p.to) }, fixes });
  }
}

/** The dates cannot be read; the title's year, when there is one, gives the period to propose. */
function checkMalformed(ctx: RuleContext, range: Range): void {
  const { report, text, index } = ctx.parsed;
  const written = text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
  const fixes = report.yearSource === 'title' && report.year !== null ? [periodFix(ctx, range, report.year)] : [];
  ctx.report({ range, message: 'malformed', args: { written }, fixes });
}

/** Only a whole report is expected to state its period: text pasted from part 一 on has no title and no opening. */
function checkAbsent(ctx: RuleContext): void {
  const { report } = ctx.parsed;
  if (report.title) ctx.report({ range: report.title.range, message: 'absent', args: { year: report.year ?? 'Y' } });
}
