// A row has exactly as many cells as its template row. Where the layout hides blank cells (a copied web page,
// PDF text) a short row says that no blank cell can be located; a label standing alone under a row of the same
// section says its figures were merged into that row; figures glued to the label say the cells are not separated.
// When many rows of a table are short (or long) by the same count, the cause is said once, on the table, with the
// rows as related locations; each row keeps a short finding that refers to it.
import { format } from '../messages';
import type { RowModel, TableModel } from '../types';
import type { Rule, RuleContext } from './rule';
import { rowName } from '../names';
import { MIN_PATTERN_ROWS, tableStart } from './patterns';

export const rule: Rule = {
  meta: {
    id: 'row-cells', severity: 'error', fixable: false, docs: 'docs/rules/row-cells.md',
    name: { 'zh-CN': '行中数字个数', en: 'Figures in a row' },
    description: { 'zh-CN': '表格某一行的数字个数与模板不符', en: 'A table row has fewer or more figures than its template row' },
  },
  messages: {
    'zh-CN': {
      fewer: '“{label}”行应有 {expected} 个数字，实有 {found} 个：可能漏填一格、两格数字粘连或错位',
      fewerHidden: '“{label}”行应有 {expected} 个数字，实有 {found} 个：这种文本（复制的网页、PDF 文字）中空白单元格不留痕迹，无法确定哪一格空白，请对照原表核对',
      more: '“{label}”行应有 {expected} 个数字，实有 {found} 个：可能多填一格，或一格拆成了两格',
      mergedAbove: '“{label}”行没有数字：它的数字可能与上一行合并在同一单元格中，请分行填写',
      runTogether: '“{label}”行的数字“{figures}”与行名连在一起，单元格之间没有分隔，无法逐格读取',
      patternFewer: '{table} {rows} 行均少 {k} 列：每行应有 {expected} 个数字，实有 {found} 个，可能有整列漏填或错位，请对照原表核对',
      patternMore: '{table} {rows} 行均多 {k} 列：每行应有 {expected} 个数字，实有 {found} 个，可能多出一列或有单元格拆开，请对照原表核对',
      inPattern: '“{label}”行应有 {expected} 个数字，实有 {found} 个（本表 {rows} 行同样如此，见表格开头）',
      patternRow: '“{label}”行：实有 {found} 个数字',
    },
    en: {
      fewer: 'Row “{label}” should have {expected} figures but has {found}: a cell left out, two figures run together, or a shift',
      fewerHidden: 'Row “{label}” should have {expected} figures but has {found}; in this text (a copied web page, PDF text) a blank cell leaves no trace, so which cell is blank cannot be told: check against the original table',
      more: 'Row “{label}” should have {expected} figures but has {found}: a cell too many, or one cell split in two',
      mergedAbove: 'Row “{label}” has no figures: they seem to be merged with the row above in one cell; give each row its own',
      runTogether: 'The figures “{figures}” of row “{label}” run into the label: the cells are not separated and cannot be read one by one',
      patternFewer: '{rows} rows of {table} are each {k} {k|column|columns} short: {expected} figures expected, {found} found; a whole column may be missing or shifted: check against the original table',
      patternMore: '{rows} rows of {table} each have {k} {k|column|columns} too many: {expected} figures expected, {found} found; check against the original table',
      inPattern: 'Row “{label}” should have {expected} figures but has {found} (as have {rows} rows of this table: see the start of the table)',
      patternRow: 'row “{label}”: {found} figures',
    },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      // A table in the other version's layout has one finding of template-version, not one per row.
      if (table.template !== ctx.template.id) continue;
      const patterns = reportPatterns(ctx, table);
      for (const row of table.rows) {
        if (row.foundCells === row.expectedCells) continue;
        const rows = patterns.get(row);
        ctx.report({
          range: row.runTogether !== null || row.mergedAbove ? row.labelRange ?? row.range : row.range,
          message: rows ? 'inPattern' : messageFor(row, table.blanksVisible),
          args: { label: rowName(table, row.id, ctx.locale), expected: row.expectedCells, found: row.foundCells, figures: row.runTogether ?? '', rows: rows ?? 0 },
        });
      }
    }
  },
};

/** One finding on the table per pattern of rows short (or long) by the same count; each row → its pattern's size. */
function reportPatterns(ctx: RuleContext, table: TableModel): Map<RowModel, number> {
  const groups = new Map<string, RowModel[]>();
  for (const row of table.rows) {
    if (row.foundCells === row.expectedCells || row.runTogether !== null || row.mergedAbove) continue;
    const key = `${row.expectedCells}:${row.foundCells}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out = new Map<RowModel, number>();
  for (const rows of groups.values()) {
    if (rows.length < MIN_PATTERN_ROWS) continue;
    const { expectedCells: expected, foundCells: found } = rows[0];
    ctx.report({
      range: tableStart(ctx.parsed, table), message: found < expected ? 'patternFewer' : 'patternMore',
      args: { table: format(ctx.locale, `table.${table.id}`), rows: rows.length, k: Math.abs(expected - found), expected, found },
      related: rows.map((row) => ({ range: row.range, message: ctx.t('patternRow', { label: rowName(table, row.id, ctx.locale), found: row.foundCells }) })),
    });
    for (const row of rows) out.set(row, rows.length);
  }
  return out;
}

function messageFor(row: RowModel, blanksVisible: boolean): string {
  if (row.runTogether !== null) return 'runTogether';
  if (row.mergedAbove) return 'mergedAbove';
  if (row.foundCells > row.expectedCells) return 'more';
  return blanksVisible ? 'fewer' : 'fewerHidden';
}
