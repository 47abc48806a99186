// Hover explanations read off the model and the template data: what a row, column or cell counts, its
// article of the 条例, and for totals the computed sum and whether it balances.
import { format } from './messages';
import { tableDef, templates } from './template';
import type { EquationInstance } from './rules/support';
import { balanceOf, cellRange, columnDefOf, equationInstances, num, rowName } from './rules/support';
import { containsPosition } from './text';
import type { LintResult, Locale, Position, Range, TableModel } from './types';

export interface HoverInfo { markdown: string; range: Range }

const BALANCE_RULES = ['balance-carryover', 'balance-row-total', 'balance-outcome-total', 'balance-review-total'];

export function hoverAt(result: LintResult, position: Position, locale: Locale = 'zh-CN'): HoverInfo | null {
  const { report } = result;
  for (const part of report.parts) {
    if (containsPosition(part.heading.range, position)) {
      const def = templates[report.template ?? 'T2021'].parts.find((p) => p.number === part.number)!;
      return { range: part.heading.range, markdown: `**${def.heading}**\n\n${def.explain[locale]}` };
    }
  }
  const table = report.tables.find((t) => containsPosition(t.range, position));
  if (!table) return null;
  const def = tableDef(table.template, table.id);
  const instances = () => BALANCE_RULES.flatMap((id) => equationInstances([table], id, locale));

  for (const row of table.rows) {
    const rowDef = def.rows.find((r) => r.id === row.id);
    if (!rowDef) continue;
    if (row.labelRange && containsPosition(row.labelRange, position)) {
      const lines = [`**${rowDef.label}**`, rowDef.explain[locale], format(locale, 'hover.article', { article: rowDef.article })];
      const sums = instances().filter((i) => i.target.status !== 'absent' && i.eq.target.row !== '$row' && i.eq.target.row === row.id || i.row === row.id && i.eq.target.row === '$row');
      lines.push(...sums.map((i) => balanceLine(i, locale)).filter((s): s is string => !!s));
      return { range: row.labelRange, markdown: lines.join('\n\n') };
    }
    for (const cell of row.cells) {
      if (!containsPosition(cell.range, position) && !containsPosition(cellRange(cell), position)) continue;
      const col = columnDefOf(table, row, cell.columnId);
      const value = cell.kind === 'number' ? format(locale, 'hover.cell', { value: num(cell.value!) }) : cell.kind === 'invalid' ? format(locale, 'hover.cell', { value: cell.raw }) : format(locale, 'hover.blank');
      const lines = [`**${rowName(table, row.id, locale)} × ${col?.label ?? cell.columnId}**`, value, rowDef.explain[locale]];
      if (col) lines.push(col.explain[locale]);
      lines.push(format(locale, 'hover.article', { article: rowDef.article }));
      const sums = instances().filter((i) => i.target.status !== 'absent' && i.target.cells.includes(cell));
      lines.push(...sums.map((i) => balanceLine(i, locale)).filter((s): s is string => !!s));
      // Last year's figure beside this one (year-against-year rules), when the adapter gave last year's report.
      for (const n of result.yearNotes ?? []) if (containsPosition(n.range, position)) lines.push(n.markdown);
      return { range: cellRange(cell), markdown: lines.join('\n\n') };
    }
  }
  for (const h of table.headerCells) {
    if (!containsPosition(h.range, position)) continue;
    const col = Object.values(def.columnSets).flat().find((c) => c.id === h.columnId);
    if (col) return { range: h.range, markdown: `**${col.label}**\n\n${col.explain[locale]}` };
  }
  for (const s of table.sections) {
    if (!containsPosition(s.range, position)) continue;
    const sec = def.sections.find((d) => d.id === s.id);
    if (sec) return { range: s.range, markdown: [`**${sec.label}**`, sec.explain[locale], ...(sec.article ? [format(locale, 'hover.article', { article: sec.article })] : [])].join('\n\n') };
  }
  return tableHover(table, position, locale);
}

function tableHover(table: TableModel, position: Position, locale: Locale): HoverInfo | null {
  if (position.line !== table.range.start.line) return null;
  return { range: table.range, markdown: `**${format(locale, `table.${table.id}`)}**` };
}

/** "✓ 合计相符：（七）总计（自然人） = （一）予以公开 6 + （二）部分公开 6 = 12" when every operand is a number. */
function balanceLine(i: EquationInstance, locale: Locale): string | null {
  const b = balanceOf(i, locale);
  return b && format(locale, b.balanced ? 'hover.balanced' : 'hover.unbalanced', { equation: b.expression });
}
