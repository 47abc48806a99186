// A blank cell is not a zero (spec §7): blanks and placeholders are findings; 0 is only the user's choice. Columns
// left blank in every row (a report that fills only the totals) are said once, on the table, with the cells as
// related locations; each cell keeps its own short finding and fix.
import { format, list } from '../messages';
import type { CellModel, Fix, RowModel, TableModel } from '../types';
import type { Rule, RuleContext } from './rule';
import { blankColumns, cellName, cellRange, columnName, isBlank, rowName, tableStart } from './support';

export const rule: Rule = {
  meta: {
    id: 'cell-blank', severity: 'error', fixable: true, docs: 'docs/rules/cell-blank.md',
    name: { 'zh-CN': '空白单元格', en: 'Blank cell' },
    description: { 'zh-CN': '应填数字的单元格未填写，或填了“/”“—”“-”“无”等符号', en: 'A cell that takes a number is blank or holds a sign such as “/”, “—”, “-” or “无”' },
  },
  messages: {
    'zh-CN': {
      blank: '{cell}未填写；没有发生的请填 0，不能留空',
      placeholder: '{cell}填的是“{raw}”，应填数字；没有发生的填 0',
      pattern: '{table}{columns}在全部 {rows} 行均未填写，共 {count} 格：没有发生的请填 0，不能留空；相关合计暂无法核对',
      inPattern: '{cell}未填写（本表{columns}均未填写，见表格开头）',
      patternRow: '“{row}”行：{n} 格未填写',
      'columns.few': '{names}列',
      'columns.range': '“{first}”至“{last}”{n} 列',
      quoted: '“{name}”',
      fixAll: '确认均未发生，本文档 {n} 个空白格全部填 0',
    },
    en: {
      blank: '{cell} is blank: enter 0 if there were none; a blank is not 0',
      placeholder: '{cell} holds “{raw}”: enter a number, 0 if there were none',
      pattern: 'In {table}, {columns} are blank in all {rows} rows ({count} cells): enter 0 where there were none; the totals that depend on them cannot be checked yet',
      inPattern: '{cell} is blank (so are {columns} of this table in every row: see the start of the table)',
      patternRow: 'row “{row}”: {n} blank {n|cell|cells}',
      'columns.few': 'the {n|column|columns} {names}',
      'columns.range': 'the {n} columns “{first}” to “{last}”',
      quoted: '“{name}”',
      fixAll: 'None occurred: fill all {n} blank cells of this document with 0',
    },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      const blanks = table.rows.flatMap((row) => row.cells.filter(isBlank).map((cell) => ({ row, cell })));
      if (!blanks.length) continue;
      const tableName = format(ctx.locale, `table.${table.id}`);
      const all: Fix = {
        title: format(ctx.locale, 'fix.fillZeroTable', { table: tableName, n: blanks.length }),
        edits: blanks.map((b) => ({ range: b.cell.range, newText: '0' })), safe: false, scope: 'table',
      };
      const columns = reportPattern(ctx, table, tableName, all);
      for (const { row, cell } of blanks) {
        const name = cellName(table, row, cell, ctx.locale);
        const inPattern = columns !== null && blankColumns(table).cells.has(cell);
        ctx.report({
          range: cellRange(cell), message: inPattern ? 'inPattern' : cell.kind === 'blank' ? 'blank' : 'placeholder',
          args: { cell: name, raw: cell.raw, columns: columns ?? '' },
          fixes: [{ title: format(ctx.locale, 'fix.fillZero', { cell: name }), edits: [{ range: cell.range, newText: '0' }], safe: false }, ...(blanks.length > 1 ? [all] : [])],
        });
      }
    }
  },
};

/** The finding on the table for columns blank in every row; returns how it names the columns (null: none). */
function reportPattern(ctx: RuleContext, table: TableModel, tableName: string, all: Fix): string | null {
  const pattern = blankColumns(table);
  if (!pattern.columns.length) return null;
  const columns = columnsText(ctx, table, pattern.rows[0], pattern.columns);
  const related = pattern.rows.map((row) => {
    const cells = row.cells.filter((c) => pattern.cells.has(c));
    return { range: span(cells), message: ctx.t('patternRow', { row: rowName(table, row.id, ctx.locale), n: cells.length }) };
  });
  ctx.report({
    range: tableStart(ctx.parsed, table), message: 'pattern', fixes: [all], related,
    args: { table: tableName, columns, rows: pattern.rows.length, count: pattern.cells.size },
  });
  return columns;
}

/** “自然人”列, or “自然人”至“其他”6 列 when there are more than three. */
function columnsText(ctx: RuleContext, table: TableModel, row: RowModel, ids: string[]): string {
  const names = ids.map((id) => columnName(table, row.id, id));
  if (names.length <= 3) return ctx.t('columns.few', { names: list(ctx.locale, names.map((name) => ctx.t('quoted', { name }))), n: names.length });
  return ctx.t('columns.range', { first: names[0], last: names[names.length - 1], n: names.length });
}

function span(cells: CellModel[]) {
  return { start: cellRange(cells[0]).start, end: cellRange(cells[cells.length - 1]).end };
}
