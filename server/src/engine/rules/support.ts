// Helpers the rules share: template lookups for a table model, display names, cell ranges, equations.
import { format } from '../messages';
import { labelKey, tableDef, templates } from '../template';
import type { ColumnDef, EquationDef, RowDef, TableDef } from '../template/types';
import type { CellModel, Locale, Range, RowModel, RuleMeta, TableModel } from '../types';
import type { Rule, RuleContext, RuleMessages } from './rule';

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

export function columnDefOf(table: TableModel, row: RowModel, columnId: string): ColumnDef | undefined {
  const r = rowDefOf(table, row.id);
  return r ? defOf(table).columnSets[r.columns]?.find((c) => c.id === columnId) : undefined;
}

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

/** Where a cell's finding is shown: the cell's text, or for an empty cell the separator before it. */
export function cellRange(cell: CellModel): Range {
  const r = cell.range;
  if (r.start.line !== r.end.line || r.start.character !== r.end.character) return r;
  return cell.separator ?? r;
}

const rowIndex = new WeakMap<TableModel, Map<string, RowModel>>();
/** The table's row with this template id (rows are unique per table; indexed once per model). */
export function findRow(table: TableModel, rowId: string): RowModel | undefined {
  let m = rowIndex.get(table);
  if (!m) { m = new Map(table.rows.map((r) => [r.id, r])); rowIndex.set(table, m); }
  return m.get(rowId);
}

export function cellAt(table: TableModel, rowId: string, columnId: string): CellModel | undefined {
  return findRow(table, rowId)?.cells.find((c) => c.columnId === columnId);
}

// ------------------------------------------------------------------ balance equations

/** One side of an equation: a cell (or the sum of a split row's cells), named lazily since most balance. */
export class Operand {
  constructor(
    readonly status: 'ok' | 'blank' | 'absent',
    readonly value: number,
    readonly cells: CellModel[],
    private readonly nameOf: () => string,
  ) {}
  get name(): string { return this.nameOf(); }
}

export interface EquationInstance {
  eq: EquationDef;
  table: TableModel;
  /** The column the instance runs over (forEach column), or the row (forEach row). */
  column?: string;
  row?: string;
  target: Operand;
  plus: Operand[];
  minus: Operand[];
}

/** Every instance of the equations of `ruleId` over the report's tables, with operands resolved. */
export function equationInstances(tables: readonly TableModel[], ruleId: string, locale: Locale): EquationInstance[] {
  const out: EquationInstance[] = [];
  for (const table of tables) {
    for (const eq of templates[table.template].equations) {
      if (eq.rule !== ruleId || eq.table !== table.id) continue;
      const instances: Array<{ column?: string; row?: string }> =
        eq.forEach === 'column' ? eq.over.map((column) => ({ column }))
          : eq.forEach === 'row' ? eq.over.filter((row) => findRow(table, row)).map((row) => ({ row }))
            : [{}];
      for (const inst of instances) {
        const sub = (s: string) => s === '$column' ? inst.column! : s === '$row' ? inst.row! : s;
        const resolve = (ref: { row: string; column: string }) => operand(table, sub(ref.row), sub(ref.column), locale, eq.forEach);
        out.push({ eq, table, ...inst, target: resolve(eq.target), plus: eq.plus.map(resolve), minus: eq.minus.map(resolve) });
      }
    }
  }
  return out;
}

function operand(table: TableModel, rowId: string, columnId: string, locale: Locale, forEach: EquationDef['forEach']): Operand {
  // Name operands by what varies across the equation: rows for column sums, columns for row sums.
  const nameOf = () => (forEach === 'column' ? rowName(table, rowId, locale) : columnName(table, rowId, columnId));
  const row = findRow(table, rowId);
  if (!row) {
    // A row some reports split into sub-rows is the sum of those when it is absent.
    const agg = rowDefOf(table, rowId)?.aggregateOf;
    const parts = (agg ?? []).map((id) => operand(table, id, columnId, locale, forEach)).filter((o) => o.status !== 'absent');
    if (parts.length === 0) return new Operand('absent', 0, [], nameOf);
    const cells = parts.flatMap((p) => p.cells);
    if (parts.some((p) => p.status === 'blank')) return new Operand('blank', 0, cells, nameOf);
    return new Operand('ok', parts.reduce((s, p) => s + p.value, 0), cells, nameOf);
  }
  const cell = row.foundCells === row.expectedCells ? row.cells.find((c) => c.columnId === columnId) : undefined;
  if (!cell) return new Operand('absent', 0, [], nameOf);
  if (cell.kind !== 'number' || cell.value === null) return new Operand('blank', 0, [cell], nameOf);
  return new Operand('ok', cell.value, [cell], nameOf);
}

/** Blank or a placeholder: the cells cell-blank reports. */
export function isBlank(cell: CellModel): boolean {
  return cell.kind === 'blank' || cell.kind === 'placeholder';
}

/** Formats a number as the report would write it (no float noise). */
export function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
}

// ------------------------------------------------------------------ the four balance rules share one check


/**
 * A balance rule: every instance of its equations either balances, cannot be checked (an operand is blank or
 * invalid: info, never a false imbalance), or is reported on the target cell with the computed value as a
 * suggestion. Instances with an absent operand are left to row-missing and row-cells.
 */
export function balanceRule(meta: RuleMeta, messages: RuleMessages): Rule {
  return { meta, messages, check: (ctx) => checkBalance(ctx, meta.id) };
}

function checkBalance(ctx: RuleContext, ruleId: string): void {
  if (!ctx.template) return;
  for (const inst of equationInstances(ctx.parsed.report.tables, ruleId, ctx.locale)) {
    const ops = [inst.target, ...inst.plus, ...inst.minus];
    const target = inst.target;
    if (target.status === 'absent' || ops.some((o) => o.status === 'absent')) continue;
    const targetCell = target.cells[0];
    const where = instanceName(inst, ctx.locale);
    const blank = ops.find((o) => o.status === 'blank');
    if (blank) {
      // A blank total already has its cell-blank error: "could not be checked" on the same cell says nothing more.
      if (isBlank(targetCell)) continue;
      ctx.report({ range: cellRange(targetCell), message: 'cannotCheck', args: { where, cell: blank.name }, severity: 'info' });
      continue;
    }
    const value = (o: Operand) => o.value;
    const expected = inst.plus.reduce((s, o) => s + value(o), 0) - inst.minus.reduce((s, o) => s + value(o), 0);
    const actual = value(inst.target);
    if (Math.abs(expected - actual) < 1e-6) continue;
    const fixes = expected >= 0 ? [{
      title: format(ctx.locale, 'fix.value', { value: num(expected) }),
      edits: [{ range: targetCell.range, newText: num(expected) }],
      safe: false,
    }] : [];
    ctx.report({
      range: cellRange(targetCell), message: 'unbalanced', fixes,
      args: { target: where, expected: num(expected), actual: num(actual), terms: terms(inst, ctx.locale) },
    });
  }
}

/** Whether an instance adds up, when every operand is a number: its expression with the sum, ≠ the figure if not. */
export function balanceOf(inst: EquationInstance, locale: Locale): { balanced: boolean; expression: string } | null {
  if ([inst.target, ...inst.plus, ...inst.minus].some((o) => o.status !== 'ok')) return null;
  const expected = inst.plus.reduce((s, o) => s + o.value, 0) - inst.minus.reduce((s, o) => s + o.value, 0);
  const balanced = Math.abs(expected - inst.target.value) < 1e-6;
  return { balanced, expression: `${instanceName(inst, locale)} = ${terms(inst, locale)} = ${num(expected)}${balanced ? '' : ` ≠ ${num(inst.target.value)}`}` };
}

export function instanceName(inst: EquationInstance, locale: Locale): string {
  const t = inst.table;
  const target = inst.eq.target;
  if (inst.column) return `${rowName(t, target.row, locale)}（${columnName(t, target.row, inst.column)}）`;
  if (inst.row) return `${rowName(t, inst.row, locale)}·${columnName(t, inst.row, target.column)}`;
  return columnName(t, target.row, target.column);
}

/** "予以公开 6 + 部分公开 6 − …"; long sums list their non-zero terms and say the rest are 0. */
export function terms(inst: EquationInstance, locale: Locale): string {
  const fmt = (o: Operand) => `${o.name} ${o.status === 'ok' ? num(o.value) : '?'}`;
  const many = inst.plus.length + inst.minus.length > 6;
  const keep = (o: Operand) => !many || (o.status === 'ok' && o.value !== 0);
  const plus = inst.plus.filter(keep).map(fmt);
  const minus = inst.minus.filter(keep).map(fmt);
  if (many && plus.length + minus.length === 0) return locale === 'en' ? 'all terms 0' : '各项均为 0';
  let s = plus.join(' + ') || '0';
  if (minus.length) s += ` − ${minus.join(' − ')}`;
  if (many && plus.length + minus.length < inst.plus.length + inst.minus.length) s += locale === 'en' ? ' + … (the rest are 0)' : ' + …（其余为 0）';
  return s;
}
