// How messages and hovers name rows, columns, cells and figures: one wording for findings and hovers alike.
import { labelKey } from './labels';
import { defOf, rowDefOf } from './lookup';
import { format } from './messages';
import type { CellModel, Locale, RowModel, TableModel } from './types';

/** A short name for a row in messages: the template label without numbering or its parenthetical note. */
export function rowName(table: TableModel, rowId: string, locale: Locale): string {
  if (rowId === defOf(table).unlabelledRow) return format(locale, `table.${table.id}`);
  const r = rowDefOf(table, rowId);
  if (!r) return rowId;
  const numbering = /^[一二三四]、/.test(r.label) || /^（[一二三四五六七]）/.test(r.label) ? r.label.match(/^(?:[一二三四]、|（[一二三四五六七]）)/)![0] : '';
  return numbering + labelKey(r.label).replace(/[（(].*$/, '');
}

export function columnName(table: TableModel, rowId: string, columnId: string): string {
  const def = defOf(table);
  const r = rowDefOf(table, rowId);
  const c = r ? def.columnSets[r.columns]?.find((x) => x.id === columnId) : undefined;
  if (!c) return columnId;
  if (table.id === 'review') {
    const group = { review: '行政复议', direct: '未经复议直接起诉', after: '复议后起诉' }[columnId.split('.')[0]] ?? '';
    return `${group}·${c.label}`;
  }
  return c.label;
}

/** "（一）予以公开·自然人"; table 四's single row has no label, so its cells are named by column alone. */
export function cellName(table: TableModel, row: RowModel, cell: CellModel, locale: Locale): string {
  const column = columnName(table, row.id, cell.columnId);
  if (!row.label && row.id === defOf(table).unlabelledRow) return column;
  return `${row.label || rowName(table, row.id, locale)}·${column}`;
}

/** Formats a number as the report would write it (no float noise). */
export function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
}
