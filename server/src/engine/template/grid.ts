// A table of the template as it is printed: header rows with their merged cells, and the nested label cells
// of each row (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密). Read off the template data; both the new-report
// skeleton and the table preview draw from it.
import type { RowDef, SectionDef, TableDef } from './types';

/** One printed header cell over the data columns `column` .. `column + colSpan - 1` of its column set. */
export interface HeaderCell {
  text: string;
  column: number;
  colSpan: number;
  /** Header row it starts on (0 = top) and how many it spans. */
  level: number;
  rowSpan: number;
  /** Set on a column's own label (the lowest cell above it). */
  columnId?: string;
}

/** The header rows above a column set: merged group cells, then each column's own label down to the last row. */
export function headerRows(table: TableDef, columnSet: string): HeaderCell[][] {
  const columns = table.columnSets[columnSet] ?? [];
  const groups = table.columnGroups?.[columnSet] ?? [];
  const depth = Math.max(0, ...groups.map((g) => g.level + (g.rowSpan ?? 1))) + 1;
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  for (const g of groups) {
    const first = columns.findIndex((c) => c.id === g.columns[0]);
    if (first < 0) continue;
    rows[g.level].push({ text: g.label, column: first, colSpan: g.columns.length, level: g.level, rowSpan: g.rowSpan ?? 1 });
  }
  columns.forEach((c, i) => {
    const covering = groups.filter((g) => g.columns.includes(c.id));
    const level = Math.max(0, ...covering.map((g) => g.level + (g.rowSpan ?? 1)));
    rows[level].push({ text: c.label, column: i, colSpan: 1, level, rowSpan: depth - level, columnId: c.id });
  });
  for (const r of rows) r.sort((a, b) => a.column - b.column);
  return rows;
}

/** The column sets a table prints as sub-tables, each under its own section heading (table 二: 第二十条第（一）项 …). */
export function subTables(table: TableDef): SectionDef[] {
  return table.sections.filter((s) => table.columnSets[s.id]);
}

/**
 * The label cells of a row from the outermost merged one inward, its own label last: ['三、本年度办理结果',
 * '（三）不予公开', '1.属于国家秘密']. Sub-table headings are not label cells.
 */
export function labelPath(table: TableDef, row: RowDef): string[] {
  const path = [row.label];
  let id = row.section;
  while (id) {
    const section = table.sections.find((s) => s.id === id);
    if (!section || table.columnSets[section.id]) break;
    path.unshift(section.label);
    id = section.parent ?? null;
  }
  return path;
}

/** The rows a filled-in table prints: an optional row that only sums the rows below it has no line of its own. */
export function printedRows(table: TableDef): RowDef[] {
  return table.rows.filter((r) => !(r.optional && r.aggregateOf));
}
