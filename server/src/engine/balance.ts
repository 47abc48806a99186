// The balance equations of the template, instantiated over a report's tables and evaluated once per lint.
// The four balance rules report from these evaluations and hover shows them, so a finding and a hover never
// disagree about a sum. The equations themselves are data (template/data.ts); this module only reads them.
import { findRow, rowDefOf } from './lookup';
import { memoOn } from './memo';
import { format } from './messages';
import { cellNameOf, columnName, num, rowName } from './names';
import { templates } from './template';
import type { EquationDef } from './template/types';
import type { CellModel, Locale, TableModel } from './types';

/** How an equation's operands are named: by their rows in a column sum, by their columns in a row sum. */
interface Naming { table: TableModel; locale: Locale; byRow: boolean }

/** One side of an equation: a cell (or the sum of a split row's cells), named lazily since most balance. */
export class Operand {
  constructor(
    readonly status: 'ok' | 'blank' | 'absent',
    readonly value: number,
    readonly cells: CellModel[],
    /** The template cell the operand stands for. */
    readonly ref: { row: string; column: string },
    private readonly naming: Naming,
  ) {}
  get name(): string {
    const { table, locale, byRow } = this.naming;
    return byRow ? rowName(table, this.ref.row, locale) : columnName(table, this.ref.row, this.ref.column);
  }
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

/**
 * An instance evaluated: an operand is absent (left to row-missing and row-cells), blank or invalid (it cannot be
 * checked), or every operand is a number and the target equals the sum or not.
 */
export type Evaluated =
  | { inst: EquationInstance; state: 'absent' | 'balanced' }
  | { inst: EquationInstance; state: 'blank'; blank: Operand }
  | { inst: EquationInstance; state: 'unbalanced'; expected: number; actual: number };

/** Every instance of the template's equations over the tables (of one rule, when `ruleId` is given). */
export function equationInstances(tables: readonly TableModel[], locale: Locale, ruleId?: string): EquationInstance[] {
  const out: EquationInstance[] = [];
  for (const table of tables) {
    for (const eq of templates[table.template].equations) {
      if ((ruleId !== undefined && eq.rule !== ruleId) || eq.table !== table.id) continue;
      // One naming and no closures per instance: a report has a few hundred operands.
      const naming: Naming = { table, locale, byRow: eq.forEach === 'column' };
      if (eq.forEach === 'once') { out.push({ eq, table, ...operands(eq, naming, undefined, undefined) }); continue; }
      for (const at of eq.over) {
        if (eq.forEach === 'column') out.push({ eq, table, column: at, ...operands(eq, naming, at, undefined) });
        else if (findRow(table, at)) out.push({ eq, table, row: at, ...operands(eq, naming, undefined, at) });
      }
    }
  }
  return out;
}

/** The operands of one instance, '$column' and '$row' standing for the column or row it runs over. */
function operands(eq: EquationDef, naming: Naming, column: string | undefined, row: string | undefined): Pick<EquationInstance, 'target' | 'plus' | 'minus'> {
  const resolve = (ref: { row: string; column: string }) =>
    operand(naming, ref.row === '$column' ? column! : ref.row === '$row' ? row! : ref.row, ref.column === '$column' ? column! : ref.column === '$row' ? row! : ref.column);
  return { target: resolve(eq.target), plus: eq.plus.map(resolve), minus: eq.minus.map(resolve) };
}

function operand(naming: Naming, rowId: string, columnId: string): Operand {
  const { table } = naming;
  const ref = { row: rowId, column: columnId };
  const row = findRow(table, rowId);
  if (!row) {
    // A row some reports split into sub-rows is the sum of those when it is absent.
    const agg = rowDefOf(table, rowId)?.aggregateOf;
    const parts = (agg ?? []).map((id) => operand(naming, id, columnId)).filter((o) => o.status !== 'absent');
    if (parts.length === 0) return new Operand('absent', 0, [], ref, naming);
    const cells = parts.flatMap((p) => p.cells);
    if (parts.some((p) => p.status === 'blank')) return new Operand('blank', 0, cells, ref, naming);
    return new Operand('ok', parts.reduce((s, p) => s + p.value, 0), cells, ref, naming);
  }
  const cell = row.foundCells === row.expectedCells ? row.cells.find((c) => c.columnId === columnId) : undefined;
  if (!cell) return new Operand('absent', 0, [], ref, naming);
  if (cell.kind !== 'number' || cell.value === null) return new Operand('blank', 0, [cell], ref, naming);
  return new Operand('ok', cell.value, [cell], ref, naming);
}

export const sum = (ops: readonly Operand[]): number => ops.reduce((s, o) => s + o.value, 0);

/** Σ plus − Σ minus: what the target should be. */
function expectedValue(inst: EquationInstance): number {
  return sum(inst.plus) - sum(inst.minus);
}

export function evaluate(inst: EquationInstance): Evaluated {
  const ops = [inst.target, ...inst.plus, ...inst.minus];
  if (ops.some((o) => o.status === 'absent')) return { inst, state: 'absent' };
  const blank = ops.find((o) => o.status === 'blank');
  if (blank) return { inst, state: 'blank', blank };
  const expected = expectedValue(inst);
  const actual = inst.target.value;
  return Math.abs(expected - actual) < 1e-6 ? { inst, state: 'balanced' } : { inst, state: 'unbalanced', expected, actual };
}

/** Every equation of the report, evaluated once per lint result (the rules and hover share it). */
const evaluatedOf = memoOn('equations by locale', (): Partial<Record<Locale, Evaluated[]>> => ({}));
export function evaluatedEquations(tables: readonly TableModel[], locale: Locale): Evaluated[] {
  return evaluatedOf(tables)[locale] ??= equationInstances(tables, locale).map(evaluate);
}

/** Whether an instance adds up, when every operand is a number: its expression, with the figure as written when not. */
export function balanceOf(inst: EquationInstance, locale: Locale): { balanced: boolean; expression: string } | null {
  const e = evaluate(inst);
  if (e.state !== 'balanced' && e.state !== 'unbalanced') return null;
  const args = { target: instanceName(inst, locale), terms: terms(inst.plus, inst.minus, locale), sum: num(expectedValue(inst)), actual: num(inst.target.value) };
  const key = e.state === 'balanced' ? 'equation.balanced' : inst.minus.length ? 'equation.unbalancedNet' : 'equation.unbalanced';
  return { balanced: e.state === 'balanced', expression: format(locale, key, args) };
}

/** The cell an equation instance checks, named as every message names cells. */
export function instanceName(inst: EquationInstance, locale: Locale): string {
  return cellNameOf(inst.table, inst.target.ref.row, inst.target.ref.column, locale);
}

/** "（一）予以公开 6＋（二）部分公开 6"; long sums list their non-zero terms and say the rest are 0. */
export function terms(plus: readonly Operand[], minus: readonly Operand[], locale: Locale): string {
  const fmt = (o: Operand) => format(locale, 'term', { name: o.name, value: num(o.value) });
  const many = plus.length + minus.length > 6;
  const keep = (o: Operand) => !many || o.value !== 0;
  const p = plus.filter(keep).map(fmt);
  const m = minus.filter(keep).map(fmt);
  if (many && p.length + m.length === 0) return format(locale, 'terms.allZero');
  let s = p.join(format(locale, 'terms.plus')) || '0';
  if (m.length) s += format(locale, 'terms.minus') + m.join(format(locale, 'terms.minus'));
  if (many && p.length + m.length < plus.length + minus.length) s += format(locale, 'terms.rest');
  return s;
}
