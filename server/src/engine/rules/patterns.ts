// One cause repeated along a table (a column left blank in every row, every row short of a cell) is said once, on
// the table's heading: the patterns cell-blank, row-cells and the balance rules agree on.
import { memoOn } from '../memo';
import type { ParsedReport } from '../parse/report';
import type { CellModel, Range, RowModel, TableModel } from '../types';

/** Blank or a placeholder: the cells cell-blank reports. */
export function isBlank(cell: CellModel): boolean {
  return cell.kind === 'blank' || cell.kind === 'placeholder';
}

/**
 * Columns left blank in every row of a table (at least MIN_PATTERN_ROWS), as when a report fills only the totals: said
 * once for the table by cell-blank, and not again by each balance check they leave open.
 */
export interface BlankColumns {
  /** The columns, in template order, and the rows they are blank in. */
  columns: string[];
  rows: RowModel[];
  cells: Set<CellModel>;
}

/** A cause repeated along this many rows of a table is said once, on the table (cell-blank, row-cells). */
export const MIN_PATTERN_ROWS = 5;
export const blankColumns = memoOn('blank columns', (table: TableModel): BlankColumns => {
  const withCells = table.rows.filter((r) => r.cells.length > 0);
  const ids = [...new Set(withCells.flatMap((r) => r.cells.map((c) => c.columnId)))];
  const columns = ids.filter((id) => {
    const rows = withCells.filter((r) => r.cells.some((c) => c.columnId === id));
    return rows.length >= MIN_PATTERN_ROWS && rows.every((r) => r.cells.every((c) => c.columnId !== id || isBlank(c)));
  });
  const rows = withCells.filter((r) => r.cells.some((c) => columns.includes(c.columnId)));
  const cells = new Set(rows.flatMap((r) => r.cells.filter((c) => columns.includes(c.columnId))));
  return { columns, rows, cells };
});

/** Where a finding about a whole table is shown: the first cell of the table's first line (its heading). */
export function tableStart(parsed: ParsedReport, table: TableModel): Range {
  const line = table.range.start.line;
  const text = parsed.index.line(line);
  const from = text.length - text.trimStart().length;
  const tab = text.indexOf('\t', from);
  const end = (tab < 0 ? text : text.slice(0, tab)).trimEnd().length;
  return { start: { line, character: from }, end: { line, character: Math.max(from, end) } };
}
