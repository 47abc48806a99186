// A row recognised despite a wrong label: a typo ("2.其他法律行政止公开") or the numbering that tells the row from a
// column heading left out ("其他" for "3.其他"). The template wording is the fix.
import { relabel } from './relabel';
import type { Rule } from './rule';
import { rowDefOf } from '../lookup';

export const rule: Rule = {
  meta: {
    id: 'row-label', severity: 'warning', fixable: 'safe', docs: 'docs/rules/row-label.md',
    name: { 'zh-CN': '表格行名', en: 'Row label' },
    otherLevels: { 'zh-CN': '缺少编号：信息', en: 'missing numbering: info' },
    description: { 'zh-CN': '表格行名与模板不一致（错字、缺少编号）', en: 'A table row label differs from the template (typo, missing numbering)' },
  },
  messages: {
    'zh-CN': {
      fuzzy: '行名“{actual}”与模板不一致，应为“{expected}”',
      unnumbered: '行名“{actual}”缺少编号，应为“{expected}”',
      fix: '改为模板行名“{expected}”',
      fixAll: '本文档 {n} 处行名全部改为模板行名',
    },
    en: {
      fuzzy: 'The row label “{actual}” differs from the template: “{expected}”',
      unnumbered: 'The row label “{actual}” lacks its numbering: “{expected}”',
      fix: 'Change to the template label “{expected}”',
      fixAll: 'Change all {n} row labels of this document to the template\'s',
    },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      for (const row of table.rows) {
        if ((row.labelMatch !== 'fuzzy' && row.labelMatch !== 'unnumbered') || !row.labelRange) continue;
        const expected = rowDefOf(table, row.id)?.label;
        if (!expected) continue;
        ctx.report({
          range: row.labelRange, message: row.labelMatch, args: { actual: row.label, expected },
          // A bare 其他 under （六） reads unambiguously in its place: worth saying, not worth a warning.
          severity: row.labelMatch === 'unnumbered' ? 'info' : undefined,
          // Certain: the row was recognised as this template row by its place and its wording.
          fixes: [{ title: ctx.t('fix', { expected }), edits: relabel(row.labelRange, row.labelPieces, expected), safe: true }],
        });
      }
    }
  },
};
