// The one check the four balance rules (R1–R4) share: each reports the evaluated instances of its own equations
// (../balance.ts), looking at the others' results to tell which cell is most likely wrong.
import { evaluatedEquations, instanceName, terms, type Evaluated, type Operand } from '../balance';
import { cellRange } from '../lookup';
import { format } from '../messages';
import { num } from '../names';
import type { RuleMeta } from '../types';
import type { Rule, RuleContext, RuleMessages } from './rule';

/**
 * A balance rule: every instance of its equations either balances, cannot be checked (an operand is blank or
 * invalid: info, never a false imbalance), or is reported with the computed value as a suggestion. Instances with
 * an absent operand are left to row-missing and row-cells. A computed value below 0 is never offered, and an
 * operand that is itself the target of another failing equation (（七）总计 failing R3 and R1 alike) is the cell
 * reported, without a value: correcting it by the other equation's fix may balance both.
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
      const where = instanceName(e.inst, ctx.locale);
      ctx.report({ range: cellRange(e.inst.target.cells[0]), message: 'cannotCheck', args: { where, cell: e.blank.name }, severity: 'info' });
    } else if (e.state === 'unbalanced') {
      reportImbalance(ctx, e, all, instanceName(e.inst, ctx.locale));
    }
  }
}

function reportImbalance(ctx: RuleContext, e: Extract<Evaluated, { state: 'unbalanced' }>, all: Evaluated[], where: string): void {
  const { inst, expected, actual } = e;
  const args = { target: where, expected: num(expected), actual: num(actual), terms: terms(inst, ctx.locale) };
  const suspect = suspectOperand(e, all);
  if (suspect) {
    const { operand, other } = suspect;
    ctx.report({ range: cellRange(operand.cells[0]), message: 'balance.suspect', args: { ...args, cell: instanceName(other.inst, ctx.locale), other: other.inst.eq.id, otherExpected: num(other.expected) } });
    return;
  }
  if (expected < 0) {
    // No count is negative: the target is not the (only) wrong cell. Show the subtracted cell, offer nothing.
    const at = inst.minus[0]?.cells[0] ?? inst.target.cells[0];
    const cells = [...inst.plus, ...inst.minus].map((o) => o.name).join(ctx.locale === 'en' ? ', ' : '、');
    ctx.report({ range: cellRange(at), message: 'balance.negative', args: { ...args, cells } });
    return;
  }
  const targetCell = inst.target.cells[0];
  const fixes = [{ title: format(ctx.locale, 'fix.value', { value: num(expected) }), edits: [{ range: targetCell.range, newText: num(expected) }], safe: false }];
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
