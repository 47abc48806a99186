// A blank cell is not a zero (spec §7): blanks and placeholders are findings; 0 is only the user's choice. Columns
// left blank in every row (a report that fills only the totals) are said once, on the table, with the rows as
// related locations; each cell keeps its own short finding and fix. Blank cells side by side on one line (tabs
// next to each other) are one finding with a fix for each cell: VS Code's hover shows every finding within a
// character of the mouse, so findings on adjacent tabs would each show their neighbours'.
import { format, list } from '../messages';
import type { CellModel, Fix, RowModel, TableModel } from '../types';
import type { Rule, RuleContext } from './rule';
import type { ColumnDef } from '../template/types';
import { cellRange, columnDefOf } from '../lookup';
import { cellName, columnName, rowName } from '../names';
import { blankColumns, isBlank, tableStart } from './patterns';

export const rule: Rule = {
  meta: {
    id: 'cell-blank', severity: 'error', fixable: 'suggestion', docs: 'docs/rules/cell-blank.md',
    name: { 'zh-CN': '空白单元格', en: 'Blank cell' },
    description: { 'zh-CN': '应填数字的单元格未填写，或填了“/”“—”“-”“无”等符号', en: 'A cell that takes a number is blank or holds a sign such as “/”, “—”, “-” or “无”' },
  },
  messages: {
    'zh-CN': {
      blank: '{cell}未填写；没有发生的请填 0，不能留空',
      placeholder: '{cell}填的是“{raw}”，应填数字；没有发生的填 0',
      pattern: '{table}{columns}在全部 {rows} 行均未填写，共 {count} 格：没有发生的请填 0，不能留空；相关合计暂无法核对',
      inPattern: '{cell}未填写（本表{columns}均未填写，见表格开头）',
      run: '{cells}共 {n} 格未填写；没有发生的请填 0，不能留空',
      runInPattern: '{cells}共 {n} 格未填写（本表{columns}均未填写，见表格开头）',
      'cells.run': '“{row}”行“{first}”至“{last}”列',
      'cells.runGrouped': '“{first}”至“{last}”列',
      fixRun: '确认均未发生，{cells} {n} 格全部填 0',
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
      run: '{cells}: {n} blank cells; enter 0 where there were none, a blank is not 0',
      runInPattern: '{cells}: {n} blank cells (so are {columns} of this table in every row: see the start of the table)',
      'cells.run': '“{row}” / “{first}” to “{last}”',
      'cells.runGrouped': '{first} to {last}',
      fixRun: 'None occurred: fill the {n} cells {cells} with 0',
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
      const pattern = blankColumns(table);
      for (const { row, cells } of runs(blanks)) {
        const fill = (c: CellModel): Fix => ({ title: format(ctx.locale, 'fix.fillZero', { cell: cellName(table, row, c, ctx.locale) }), edits: [{ range: c.range, newText: '0' }], safe: false });
        const tableWide = blanks.length > cells.length ? [all] : [];
        const inPattern = columns !== null && cells.every((c) => pattern.cells.has(c));
        if (cells.length === 1) {
          const [cell] = cells;
          ctx.report({
            range: cellRange(cell), message: inPattern ? 'inPattern' : cell.kind === 'blank' ? 'blank' : 'placeholder',
            args: { cell: cellName(table, row, cell, ctx.locale), raw: cell.raw, columns: columns ?? '' },
            fixes: [fill(cell), ...tableWide],
          });
          continue;
        }
        const names = runName(ctx, table, row, cells);
        const whole: Fix = { title: ctx.t('fixRun', { cells: names, n: cells.length }), edits: cells.map((c) => ({ range: c.range, newText: '0' })), safe: false };
        ctx.report({
          range: span(cells), message: inPattern ? 'runInPattern' : 'run',
          args: { cells: names, n: cells.length, columns: columns ?? '' }, fixes: [whole, ...cells.map(fill), ...tableWide],
        });
      }
    }
  },
};

/**
 * The blank cells of each row in runs of cells side by side on one line: each shown on the tab right after the
 * last one's, or on the same tab (a row's last empty cell is shown on the tab before it, as is the one before).
 */
function runs(blanks: { row: RowModel; cell: CellModel }[]): { row: RowModel; cells: CellModel[] }[] {
  const out: { row: RowModel; cells: CellModel[] }[] = [];
  for (const { row, cell } of blanks) {
    const last = out[out.length - 1];
    const end = last?.row === row ? cellRange(last.cells[last.cells.length - 1]).end : null;
    const start = cellRange(cell).start;
    if (end?.line === start.line && start.character <= end.character) last.cells.push(cell);
    else out.push({ row, cells: [cell] });
  }
  return out;
}

/** “（一）予以公开”行“自然人”至“其他”列; in table 四, “行政复议·结果维持”至“行政复议·总计”列. */
function runName(ctx: RuleContext, table: TableModel, row: RowModel, cells: CellModel[]): string {
  const ends = [cells[0], cells[cells.length - 1]].map((c) => columnDefOf(table, row.id, c.columnId));
  const grouped = ends.some((c) => c?.group);
  const label = (c: ColumnDef | undefined) => (c?.group ? format(ctx.locale, 'column.grouped', { group: format(ctx.locale, `group.${c.group}`), column: c.label }) : c?.label ?? '');
  const [first, last] = ends.map(label);
  return grouped ? ctx.t('cells.runGrouped', { first, last }) : ctx.t('cells.run', { row: rowName(table, row.id, ctx.locale), first, last });
}

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
