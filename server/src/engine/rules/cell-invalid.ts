// A cell holds a valid number for its column: counts are non-negative integers (spec §7).
import type { CellModel } from '../types';
import type { Rule } from './rule';
import { cellName } from '../names';

/** The message of each reason a cell is not a number. */
const MESSAGE: Record<NonNullable<CellModel['invalidReason']>, string> = { text: 'text', negative: 'negative', decimal: 'decimal' };

export const rule: Rule = {
  meta: {
    id: 'cell-invalid', severity: 'error', fixable: false, docs: 'docs/rules/cell-invalid.md',
    name: { 'zh-CN': '无效数字', en: 'Invalid number' },
    description: { 'zh-CN': '单元格填写的不是该列可用的数字（文字、负数、小数）', en: 'A cell is not a valid number for its column (text, negative or decimal count)' },
  },
  messages: {
    'zh-CN': {
      text: '{cell}填写的“{raw}”不是数字，请改为阿拉伯数字（说明文字写在表外）',
      negative: '{cell}是件数，不能为负数（填写的是“{raw}”）',
      decimal: '{cell}是件数，应为整数（填写的是“{raw}”）',
    },
    en: {
      text: '{cell} holds “{raw}”, which is not a number: write the figure in digits (explanations go outside the table)',
      negative: '{cell} is a count and cannot be negative (it holds “{raw}”)',
      decimal: '{cell} is a count and must be a whole number (it holds “{raw}”)',
    },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.kind !== 'invalid') continue;
          ctx.report({
            range: cell.range, message: MESSAGE[cell.invalidReason ?? 'text'],
            args: { cell: cellName(table, row, cell, ctx.locale), raw: cell.raw },
          });
        }
      }
    }
  },
};
