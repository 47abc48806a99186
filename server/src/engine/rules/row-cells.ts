// A row has exactly as many cells as its template row. Where the layout hides blank cells (a copied web page,
// PDF text) a short row says that no blank cell can be located; a label standing alone under a row of the same
// section says its figures were merged into that row; figures glued to the label say the cells are not separated.
import type { RowModel } from '../types';
import type { Rule } from './rule';
import { rowName } from '../names';

export const rule: Rule = {
  meta: {
    id: 'row-cells', severity: 'error', fixable: false, docs: 'docs/rules/row-cells.md',
    description: { 'zh-CN': '行的单元格数与模板不符', en: 'A row has fewer or more cells than its template row' },
  },
  messages: {
    'zh-CN': {
      fewer: '“{label}”一行应有 {expected} 个单元格，只有 {found} 个',
      fewerHidden: '“{label}”一行应有 {expected} 个单元格，只有 {found} 个；这种文本（复制的网页、PDF 文本）中空白单元格不留痕迹，无法确定哪一格空白，请对照原表核对',
      more: '“{label}”一行应有 {expected} 个单元格，却有 {found} 个',
      mergedAbove: '“{label}”一行没有数字：它的数字可能与上一行合并在同一单元格中，请分行填写',
      runTogether: '“{label}”一行的数字“{figures}”与行名连在一起，单元格之间没有分隔，无法逐格读取',
    },
    en: {
      fewer: 'Row "{label}" should have {expected} cells but has only {found}',
      fewerHidden: 'Row "{label}" should have {expected} cells but has only {found}; in this text (a copied web page, PDF text) a blank cell leaves no trace, so which cell is blank cannot be told: check against the original table',
      more: 'Row "{label}" should have {expected} cells but has {found}',
      mergedAbove: 'Row "{label}" has no figures: they seem to be merged with the row above in one cell; give each row its own',
      runTogether: 'The figures "{figures}" of row "{label}" run into the label: the cells are not separated and cannot be read one by one',
    },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      // A table in the other version's layout has one finding of template-version, not one per row.
      if (table.template !== ctx.template.id) continue;
      for (const row of table.rows) {
        if (row.foundCells === row.expectedCells) continue;
        const label = row.label || rowName(table, row.id, ctx.locale);
        ctx.report({
          range: row.runTogether !== null || row.mergedAbove ? row.labelRange ?? row.range : row.range,
          message: messageFor(row, table.blanksVisible),
          args: { label, expected: row.expectedCells, found: row.foundCells, figures: row.runTogether ?? '' },
        });
      }
    }
  },
};

function messageFor(row: RowModel, blanksVisible: boolean): string {
  if (row.runTogether !== null) return 'runTogether';
  if (row.mergedAbove) return 'mergedAbove';
  if (row.foundCells > row.expectedCells) return 'more';
  return blanksVisible ? 'fewer' : 'fewerHidden';
}
