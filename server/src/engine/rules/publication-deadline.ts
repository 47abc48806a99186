// 条例 第四十九条: a department publishes its report on year N by 1月31日 of N+1, a government by 3月31日. When a report
// states its date (the date under the signature, or a "发布时间" line), a date past the deadline is told, as an info:
// the date written may be the signing date, not the publication. The kind of organ comes from the title
// (years/identity.ts) or the `organKind` setting; townships and street offices count as departments.
import { format } from '../messages';
import type { ParsedReport } from '../parse/report';
import type { OrganKind, Range } from '../types';
import { officeOf, organKindOf } from '../years/identity';
import type { Rule } from './rule';

/** "发布时间：2024-01-20", "发布日期：2024年1月20日" (a saved page's header, a line of the report). */
const LABELLED = /(?:发布|公开|成文|印发)(?:时间|日期)[:：\s]{0,4}((?:19|20)\d{2}) ?(?:年|[-./]) ?(\d{1,2}) ?(?:月|[-./]) ?(\d{1,2})/;
/** A line holding only a date (the date under the signature), in figures or in Chinese numerals. */
const DATE_LINE = /^[ \t\u3000]{0,40}((?:19|20)\d{2}|[〇零一二三四五六七八九]{4}) ?年 ?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?月 ?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?日[ \t\u3000]{0,40}$/;
/** How far from the start a "发布时间" line is looked for, and how many lines from the end a signature date. */
const HEAD_LINES = 60;
const TAIL_LINES = 12;

interface Dated { year: number; month: number; day: number; range: Range }

export const rule: Rule = {
  meta: {
    id: 'publication-deadline', severity: 'info', fixable: false, docs: 'docs/rules/publication-deadline.md',
    name: { 'zh-CN': '公布期限', en: 'Publication deadline' },
    description: { 'zh-CN': '报告落款或发布日期晚于《条例》第四十九条规定的公布期限', en: 'The report\'s date is past the deadline of Article 49 of the Regulations' },
  },
  messages: {
    'zh-CN': {
      department: '报告日期 {date} 晚于部门年度报告的公布期限 {deadline}（依据：《条例》第四十九条，部门每年1月31日前公布上一年度的年度报告）',
      government: '报告日期 {date} 晚于政府年度报告的公布期限 {deadline}（依据：《条例》第四十九条，人民政府每年3月31日前公布上一年度的年度报告）',
    },
    en: {
      department: 'The report is dated {date}, past the deadline for a department\'s report, {deadline} (Article 49 of the Regulations: by 31 January of the next year)',
      government: 'The report is dated {date}, past the deadline for a government\'s report, {deadline} (Article 49 of the Regulations: by 31 March of the next year)',
    },
  },
  check(ctx) {
    const { report } = ctx.parsed;
    if (report.year === null || report.preTemplate) return;
    const setting = ctx.options.organKind;
    const office = report.title ? officeOf(report.title.text) : null;
    const kind: OrganKind | null = setting && setting !== 'auto' ? setting : office ? organKindOf(office.key) : null;
    const date = statedDate(ctx.parsed);
    if (!kind || !date) return;
    const deadline = { year: report.year + 1, month: kind === 'government' ? 3 : 1, day: 31 };
    if (order(date) <= order(deadline)) return;
    const show = (d: { year: number; month: number; day: number }) => format(ctx.locale, 'date', {
      year: d.year, month: d.month, day: d.day, month2: String(d.month).padStart(2, '0'), day2: String(d.day).padStart(2, '0'),
    });
    ctx.report({ range: date.range, message: kind === 'government' ? 'government' : 'department', args: { date: show(date), deadline: show(deadline) } });
  },
};

const order = (d: { year: number; month: number; day: number }) => d.year * 10000 + d.month * 100 + d.day;

/** The date the report states: a labelled publication date near the start, else the last date line near the end. */
function statedDate(parsed: ParsedReport): Dated | null {
  const { index } = parsed;
  for (let i = 0; i < Math.min(index.lineCount, HEAD_LINES); i++) {
    const line = index.line(i);
    if (line.length > 200) continue;
    const m = LABELLED.exec(line);
    if (m) return dated(Number(m[1]), Number(m[2]), Number(m[3]), i, m.index, m.index + m[0].length);
  }
  for (let i = index.lineCount - 1, seen = 0; i >= 0 && seen < TAIL_LINES; i--) {
    const line = index.line(i);
    if (!line.trim()) continue;
    seen++;
    const m = line.length <= 40 ? DATE_LINE.exec(line) : null;
    if (!m) continue;
    const start = line.length - line.trimStart().length;
    return dated(numeral(m[1]), numeral(m[2]), numeral(m[3]), i, start, line.trimEnd().length);
  }
  return null;
}

function dated(year: number, month: number, day: number, line: number, from: number, to: number): Dated | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return { year, month, day, range: { start: { line, character: from }, end: { line, character: to } } };
}

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2024", "二〇二四" (digit by digit), "十二", "二十一", "三十一" → the number. */
function numeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return Number([...s].map((c) => DIGIT[c] ?? 0).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? DIGIT[tens] ?? 0 : 1) * 10 + (ones ? DIGIT[ones] ?? 0 : 0);
}
