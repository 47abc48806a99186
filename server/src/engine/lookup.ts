// Lookups between the model and the template data: a table model's definition, a row's template row, a table's
// row or cell by template id, and where a cell's finding is shown. Rules, hover and outline read the model
// through these; none of them re-parses.
import { memoOn } from './memo';
import { tableDef } from './template';
import type { ColumnDef, RowDef, TableDef } from './template/types';
import type { CellModel, Range, RowModel, TableModel } from './types';

export function defOf(table: TableModel): TableDef {
  return tableDef(table.template, table.id);
}

const rowDefIndex = new WeakMap<TableDef, Map<string, RowDef>>();
export function rowDefOf(table: TableModel, rowId: string): RowDef | undefined {
  const def = defOf(table);
  let m = rowDefIndex.get(def);
  if (!m) { m = new Map(def.rows.map((r) => [r.id, r])); rowDefIndex.set(def, m); }
  return m.get(rowId);
}

export function columnDefOf(table: TableModel, rowId: string, columnId: string): ColumnDef | undefined {
  const r = rowDefOf(table, rowId);
  return r ? defOf(table).columnSets[r.columns]?.find((c) => c.id === columnId) : undefined;
}

const rowIndex = memoOn('rows by id', (table: TableModel) => new Map(table.rows.map((r) => [r.id, r])));
/** The table's row with this template id (rows are unique per table; indexed once per model). */
export function findRow(table: TableModel, rowId: string): RowModel | undefined {
  return rowIndex(table).get(rowId);
}

export function cellAt(table: TableModel, rowId: string, columnId: string): CellModel | undefined {
  return findRow(table, rowId)?.cells.find((c) => c.columnId === columnId);
}

/** Where a cell's finding is shown: the cell's text, or for an empty cell the separator before it. */
export function cellRange(cell: CellModel): Range {
  const r = cell.range;
  if (r.start.line !== r.end.line || r.start.character !== r.end.character) return r;
  return cell.separator ?? r;
}
