// A cell holds a valid number for its column: counts are non-negative integers (spec §7).
import type { Rule } from './rule';
import { cellName } from '../names';

export const rule: Rule = {
  meta: {
    id: 'cell-invalid', severity: 'error', fixable: false, docs: 'docs/rules/cell-invalid.md',
    description: { 'zh-CN': '单元格不是该列的有效数字（文字、负数、小数）', en: 'A cell is not a valid number for its column (text, negative or decimal count)' },
  },
  messages: {
    'zh-CN': {
      text: '{cell}的“{raw}”不是有效数字', negative: '{cell}为件数，不能为负数（{raw}）', decimal: '{cell}为件数，应为整数（{raw}）',
    },
    en: {
      text: '{cell}: "{raw}" is not a valid number', negative: '{cell} is a count and cannot be negative ({raw})', decimal: '{cell} is a count and must be a whole number ({raw})',
    },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.kind !== 'invalid') continue;
          ctx.report({
            range: cell.range, message: cell.invalidReason ?? 'text',
            args: { cell: cellName(table, row, cell, ctx.locale), raw: cell.raw },
          });
        }
      }
    }
  },
};
