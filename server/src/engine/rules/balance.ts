// The one check the four balance rules share: each reports the evaluated instances of its own equations
// (../balance.ts), looking at the others' results to tell which cell is most likely wrong.
import { evaluatedEquations, instanceName, sum, terms, type EquationInstance, type Evaluated, type Operand } from '../balance';
import { cellRange } from '../lookup';
import type { Args } from '../messages';
import { cellNameOf, columnName, num } from '../names';
import type { Locale, RuleMeta } from '../types';
import { blankColumns, isBlank } from './patterns';
import type { Rule, RuleContext, RuleMessages } from './rule';

/**
 * A balance rule: every instance of its equations either balances, cannot be checked (an operand is blank or
 * invalid: info, never a false imbalance), or is reported with the computed value as a suggestion. Instances with
 * an absent operand are left to row-missing and row-cells. A computed value below 0 is never offered, and an
 * operand that is itself the target of another failing equation (（七）总计 failing two equations alike) is the
 * cell reported, without a value: correcting it by the other equation's fix may balance both.
 * The messages (keys unbalanced, suspect, negative, cannotCheck, fix, fixAll) put the figure as written first and
 * do not presume which cell is wrong.
 */
export function balanceRule(meta: RuleMeta, messages: RuleMessages): Rule {
  return { meta, messages, check: (ctx) => checkBalance(ctx, meta.id) };
}

function checkBalance(ctx: RuleContext, ruleId: string): void {
  if (!ctx.template) return;
  const all = evaluatedEquations(ctx.parsed.report.tables, ctx.locale);
  for (const e of all) {
    if (e.inst.eq.rule !== ruleId) continue;
    if (e.state === 'blank') {
      if (saidElsewhere(ctx, e.inst, e.blank)) continue;
      const cell = cellNameOf(e.inst.table, e.blank.ref.row, e.blank.ref.column, ctx.locale);
      ctx.report({ range: cellRange(e.inst.target.cells[0]), message: 'cannotCheck', args: { ...names(e.inst, ctx.locale), cell }, severity: 'info' });
    } else if (e.state === 'unbalanced') {
      reportImbalance(ctx, e, all);
    }
  }
}

/**
 * "Could not be checked" says nothing new when the cell it would sit on already has its own error (a blank or
 * invalid total), or when the blank operand is one of a column left blank in every row, which cell-blank reports
 * once for the table.
 */
function saidElsewhere(ctx: RuleContext, inst: EquationInstance, blank: Operand): boolean {
  const target = inst.target.cells[0];
  if (target.kind === 'invalid' && ctx.enabled('cell-invalid')) return true;
  if (!ctx.enabled('cell-blank')) return false;
  if (isBlank(target)) return true;
  const pattern = blankColumns(inst.table);
  return blank.cells.length > 0 && blank.cells.every((c) => pattern.cells.has(c));
}

/** The names every balance message may use: the target cell, its column (column equations), and the two sides. */
function names(inst: EquationInstance, locale: Locale): Args {
  const t = inst.table;
  return {
    target: instanceName(inst, locale),
    column: inst.column ? columnName(t, inst.eq.target.row, inst.column) : '',
  };
}

function reportImbalance(ctx: RuleContext, e: Extract<Evaluated, { state: 'unbalanced' }>, all: Evaluated[]): void {
  const { inst, expected, actual } = e;
  const args: Args = {
    ...names(inst, ctx.locale), expected: num(expected), actual: num(actual), terms: terms(inst.plus, inst.minus, ctx.locale),
    // The template's own statement: 第一项加第二项之和 (plus) against 第三项加第四项之和 (minus and target).
    left: num(sum(inst.plus)), right: num(sum(inst.minus) + actual),
    leftTerms: terms(inst.plus, [], ctx.locale), rightTerms: terms([...inst.minus, inst.target], [], ctx.locale),
    minusTerms: terms(inst.minus, [], ctx.locale),
  };
  const suspect = suspectOperand(e, all);
  if (suspect) {
    const { operand, other } = suspect;
    const cell = instanceName(other.inst, ctx.locale);
    ctx.report({ range: cellRange(operand.cells[0]), message: 'suspect', args: { ...args, cell, cellActual: num(other.actual), cellExpected: num(other.expected) } });
    return;
  }
  if (expected < 0) {
    // No count is negative: the target is not the (only) wrong cell. Show the subtracted cell, offer nothing.
    const at = inst.minus[0]?.cells[0] ?? inst.target.cells[0];
    ctx.report({ range: cellRange(at), message: 'negative', args });
    return;
  }
  const targetCell = inst.target.cells[0];
  const fixes = [{ title: ctx.t('fix', { ...args, value: num(expected) }), edits: [{ range: targetCell.range, newText: num(expected) }], safe: false }];
  ctx.report({ range: cellRange(targetCell), message: 'unbalanced', fixes, args });
}

/** An operand (a single cell) that is the target of another failing equation: the cell most likely wrong. */
function suspectOperand(e: Evaluated, all: Evaluated[]): { operand: Operand; other: Extract<Evaluated, { state: 'unbalanced' }> } | null {
  for (const operand of [...e.inst.plus, ...e.inst.minus]) {
    if (operand.cells.length !== 1) continue;
    for (const other of all) {
      if (other !== e && other.state === 'unbalanced' && other.inst.target.cells[0] === operand.cells[0]) return { operand, other };
    }
  }
  return null;
}
