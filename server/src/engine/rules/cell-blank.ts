// A blank cell is not a zero (spec §7): blanks and placeholders are findings; 0 is only the user's choice.
import { format } from '../messages';
import type { Fix } from '../types';
import type { Rule } from './rule';
import { cellName, cellRange, isBlank } from './support';

export const rule: Rule = {
  meta: {
    id: 'cell-blank', severity: 'error', fixable: true, docs: 'docs/rules/cell-blank.md',
    description: { 'zh-CN': '必填单元格为空或为占位符（/、—、-、无）', en: 'A required cell is blank or holds a placeholder (/, —, -, 无)' },
  },
  messages: {
    'zh-CN': { blank: '{cell}为空白，空白不等于 0，请填写数字', placeholder: '{cell}填写了“{raw}”，请填写数字（没有则填 0）' },
    en: { blank: '{cell} is blank; a blank is not a zero, enter a number', placeholder: '{cell} holds "{raw}"; enter a number (0 if none)' },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      const blanks = table.rows.flatMap((row) => row.cells.filter(isBlank).map((cell) => ({ row, cell })));
      if (!blanks.length) continue;
      const all: Fix = { title: format(ctx.locale, 'fix.fillZeroTable'), edits: blanks.map((b) => ({ range: b.cell.range, newText: '0' })), safe: false, scope: 'table' };
      for (const { row, cell } of blanks) {
        ctx.report({
          range: cellRange(cell), message: cell.kind === 'blank' ? 'blank' : 'placeholder',
          args: { cell: cellName(table, row, cell, ctx.locale), raw: cell.raw },
          fixes: [{ title: format(ctx.locale, 'fix.fillZero'), edits: [{ range: cell.range, newText: '0' }], safe: false }, ...(blanks.length > 1 ? [all] : [])],
        });
      }
    }
  },
};
