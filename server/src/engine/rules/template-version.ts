// Tables follow the template version of the report's year (T2019 for 2019–2020, T2021 from 2021), not a mix.
import { format } from '../messages';
import { otherVersion } from '../template';
import { defOf, findRow, rowDefOf } from '../lookup';
import { relabel } from './relabel';
import type { Rule } from './rule';
import type { VersionLabel } from '../types';

export const rule: Rule = {
  meta: {
    id: 'template-version', severity: 'warning', fixable: 'suggestion', docs: 'docs/rules/template-version.md',
    name: { 'zh-CN': '格式版本', en: 'Template version' },
    otherLevels: { 'zh-CN': '推定格式版本、第六项未分行：信息', en: 'assumed version, single （六） row: info' },
    description: { 'zh-CN': '表格使用了另一版本格式的栏目，或一张表混用两版', en: 'Table labels of the other template version, or of both in one table' },
  },
  messages: {
    'zh-CN': {
      pre2019: '{year}年度报告适用2019年以前的格式，本工具不检查其表格',
      table: '{year}年度报告适用{expected}，本表使用了{actual}的栏目（如“{label}”）',
      label: '“{label}”是{actual}的栏目名称，本报告适用{expected}',
      singleOther: '2021年版格式将“（六）其他处理”分为三行（逾期不补正、逾期未缴费、其他），本表仍为一行',
      fixLabel: '改为{expected}的“{wording}”',
      assumed: '报告没有写明年度（标题和统计期限中都没有），表格也没有某一版本特有的栏目，因此按现行的{expected}检查表格',
      fixAll: '本文档 {n} 处栏目名称全部改为本报告适用格式的名称',
    },
    en: {
      pre2019: 'A {year} report predates the 2019 template and follows the old structure: its tables are not checked against the current format',
      table: 'A {year} report falls under {expected}; this table uses the labels of {actual} (e.g. “{label}”)',
      label: '“{label}” is a label of {actual}; this report falls under {expected}',
      singleOther: 'The 2021 template splits “（六）其他处理” into three rows; this table keeps one',
      fixLabel: 'Change to the wording of {expected}: “{wording}”',
      assumed: 'The report states no year (neither in the title nor in the statistical period) and its tables hold no label of one version only, so the tables are checked against the current format, {expected}',
      fixAll: 'Change all {n} labels of this document to those of the template the report falls under',
    },
  },
  check(ctx) {
    const { report, index } = ctx.parsed;
    if (report.preTemplate && report.year !== null) {
      const at = report.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: index.lineLength(0) } };
      ctx.report({ range: at, message: 'pre2019', args: { year: report.year } });
      return;
    }
    if (!report.template) return;
    const name = (v: 'T2019' | 'T2021') => format(ctx.locale, `template.${v}`);
    if (report.templateSource === 'assumed' && report.tables.length) {
      const first = report.tables[0].range.start.line;
      ctx.report({ range: report.title?.range ?? index.lineRange(first), message: 'assumed', args: { expected: name(report.template) }, severity: 'info' });
    }
    // A label wrapped over lines is quoted on one line.
    const quote = (v: VersionLabel) => v.text.replace(/\s+/g, '');
    for (const table of report.tables) {
      if (table.template !== report.template) {
        const first = table.versionLabels[table.template][0];
        if (first) ctx.report({ range: first.range, message: 'table', args: { year: report.year ?? '', expected: name(report.template), actual: name(table.template), label: quote(first) } });
        continue;
      }
      const foreign = otherVersion(table.template);
      for (const v of table.versionLabels[foreign]) {
        const r = v.range;
        const row = table.rows.find((x) => x.labelRange?.start.line === r.start.line && x.labelRange.start.character === r.start.character);
        const wording = row ? rowDefOf(table, row.id)?.label : undefined;
        ctx.report({
          range: r, message: 'label', args: { label: quote(v), actual: name(foreign), expected: name(table.template) },
          fixes: wording ? [{ title: ctx.t('fixLabel', { expected: name(table.template), wording }), edits: relabel(r, v.pieces, wording), safe: false }] : [],
        });
      }
      // A row the format splits into sub-rows (2021's （六）其他处理), written as one row with figures of its own.
      for (const split of defOf(table).rows) {
        const whole = split.aggregateOf ? findRow(table, split.id) : undefined;
        if (whole?.cells.length && !split.aggregateOf!.some((id) => findRow(table, id))) {
          ctx.report({ range: whole.labelRange ?? whole.range, message: 'singleOther', severity: 'info' });
        }
      }
    }
  },
};
