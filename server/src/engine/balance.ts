// The balance equations of the template (R1–R4), instantiated over a report's tables and evaluated once per lint.
// The four balance rules report from these evaluations and hover shows them, so a finding and a hover never
// disagree about a sum. The equations themselves are data (template/data.ts); this module only reads them.
import { findRow, rowDefOf } from './lookup';
import { columnName, num, rowName } from './names';
import { templates } from './template';
import type { EquationDef } from './template/types';
import type { CellModel, Locale, TableModel } from './types';

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

/** Σ plus − Σ minus: what the target should be. */
function expectedValue(inst: EquationInstance): number {
  return inst.plus.reduce((s, o) => s + o.value, 0) - inst.minus.reduce((s, o) => s + o.value, 0);
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
const evaluatedOf = new WeakMap<readonly TableModel[], { locale: Locale; all: Evaluated[] }>();
export function evaluatedEquations(tables: readonly TableModel[], locale: Locale): Evaluated[] {
  const hit = evaluatedOf.get(tables);
  if (hit && hit.locale === locale) return hit.all;
  const all = equationInstances(tables, locale).map(evaluate);
  evaluatedOf.set(tables, { locale, all });
  return all;
}

/** Whether an instance adds up, when every operand is a number: its expression with the sum, ≠ the figure if not. */
export function balanceOf(inst: EquationInstance, locale: Locale): { balanced: boolean; expression: string } | null {
  const e = evaluate(inst);
  if (e.state !== 'balanced' && e.state !== 'unbalanced') return null;
  const wrong = e.state === 'unbalanced' ? ` ≠ ${num(e.actual)}` : '';
  return { balanced: e.state === 'balanced', expression: `${instanceName(inst, locale)} = ${terms(inst, locale)} = ${num(expectedValue(inst))}${wrong}` };
}

/** What an instance checks, by its target: "（七）总计（自然人）", "一、本年新收·总计", "行政复议·总计". */
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
