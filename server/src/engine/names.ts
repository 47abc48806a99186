// How messages and hovers name rows, columns, cells and figures: one wording for findings and hovers alike.
import { columnDefOf, defOf, rowDefOf } from './lookup';
import { memoOn } from './memo';
import { format } from './messages';
import type { TableDef } from './template/types';
import type { CellModel, Locale, RowModel, TableModel } from './types';

/**
 * Names already made, per table definition and locale: a name depends on the template only, and a report with many
 * blank cells names each in its finding and its fix.
 */
interface MadeNames { rows: Record<Locale, Map<string, string>>; cells: Record<Locale, Map<string, Map<string, string>>> }
const madeNames = memoOn<TableDef, MadeNames>('names', () => ({ rows: { 'zh-CN': new Map(), en: new Map() }, cells: { 'zh-CN': new Map(), en: new Map() } }));

function remembered<V>(made: Map<string, V>, key: string, make: () => V): V {
  let v = made.get(key);
  if (v === undefined) made.set(key, v = make());
  return v;
}

/**
 * A row as messages name it: the template label with its numbering, the section's numbering before a numbered
 * sub-row (（六）3.其他, never to be taken for the column 其他), without the label's parenthetical note; quotation
 * marks inside become ‘’, since messages quote the name. Table 四's unlabelled row is named by its table.
 */
export function rowName(table: TableModel, rowId: string, locale: Locale): string {
  return remembered(madeNames(defOf(table)).rows[locale], rowId, () => makeRowName(table, rowId, locale));
}

function makeRowName(table: TableModel, rowId: string, locale: Locale): string {
  if (rowId === defOf(table).unlabelledRow) return format(locale, `table.${table.id}`);
  const r = rowDefOf(table, rowId);
  if (!r) return rowId;
  const section = /^\d/.test(r.label) && r.section ? defOf(table).sections.find((s) => s.id === r.section)?.label.match(/^（[一二三四五六七八九]）/)?.[0] ?? '' : '';
  return (section + r.label.replace(/(?<=.)（[^（）]*）$/, '')).replace(/“/g, '‘').replace(/”/g, '’');
}

/** The template label of a column of a row (without its group). */
export function columnName(table: TableModel, rowId: string, columnId: string): string {
  return columnDefOf(table, rowId, columnId)?.label ?? columnId;
}

/** A cell as messages name it: “（一）予以公开”行“自然人”列; a column under a group (table 四): “行政复议·结果维持”列. */
export function cellNameOf(table: TableModel, rowId: string, columnId: string, locale: Locale): string {
  const row = remembered(madeNames(defOf(table)).cells[locale], rowId, () => new Map<string, string>());
  return remembered(row, columnId, () => makeCellName(table, rowId, columnId, locale));
}

function makeCellName(table: TableModel, rowId: string, columnId: string, locale: Locale): string {
  const column = columnDefOf(table, rowId, columnId);
  const label = column?.label ?? columnId;
  if (column?.group) return format(locale, 'cell.grouped', { group: format(locale, `group.${column.group}`), column: label });
  return format(locale, 'cell', { row: rowName(table, rowId, locale), column: label });
}

export function cellName(table: TableModel, row: RowModel, cell: CellModel, locale: Locale): string {
  return cellNameOf(table, row.id, cell.columnId, locale);
}

/** Formats a number as the report would write it (no float noise). */
export function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
}
