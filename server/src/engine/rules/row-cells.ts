// A row has exactly as many cells as its template row.
import type { Rule } from './rule';
import { rowName } from './support';

export const rule: Rule = {
  meta: {
    id: 'row-cells', severity: 'error', fixable: false, docs: 'docs/rules/row-cells.md',
    description: { 'zh-CN': '行的单元格数与模板不符', en: 'A row has fewer or more cells than its template row' },
  },
  messages: {
    'zh-CN': { fewer: '“{label}”一行应有 {expected} 个单元格，只有 {found} 个', more: '“{label}”一行应有 {expected} 个单元格，却有 {found} 个' },
    en: { fewer: 'Row "{label}" should have {expected} cells but has only {found}', more: 'Row "{label}" should have {expected} cells but has {found}' },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      for (const row of table.rows) {
        if (row.foundCells === row.expectedCells) continue;
        ctx.report({
          range: row.range, message: row.foundCells < row.expectedCells ? 'fewer' : 'more',
          args: { label: row.label || rowName(table, row.id, ctx.locale), expected: row.expectedCells, found: row.foundCells },
        });
      }
    }
  },
};
